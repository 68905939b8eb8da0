// Running a migration's steps: in transactions, alone, with retries after
// lock timeouts, and with progress recorded so an interrupted run resumes.

#include "session.h"

#include "runtime/executor.h"

#include <thread>

namespace schemac::runtime {
namespace {

/// "  [2/18] create index public.x (concurrently)": a step as apply reports it.
std::string step_label(const Script& script, std::size_t s) {
    return "  [" + std::to_string(s + 1) + "/" + std::to_string(script.steps.size()) + "] " +
           script.steps[s].title;
}

/// `text` fit for one line of a terminal: a line break is shown as `\n`,
/// any other control character (an escape sequence, a carriage return) as
/// `?`, so a notice cannot pass for a line of schemac's own.
std::string printable(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c == '\n')
            out += "\\n";
        else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            out += '?';
        else
            out += c;
    return out;
}

/// While a data step runs, what its statements raise (`RAISE NOTICE` in a
/// data phase's DO block) is printed on stderr, quiet or not: the project
/// wrote it for whoever runs the migration.
class DataStepNotices {
  public:
    DataStepNotices(Connection& conn, const ScriptStep& step, std::ostream& err, Progress& live)
        : m_conn(conn), m_on(step.data) {
        if (m_on)
            conn.on_notice([&err, &live, title = printable(step.title)](
                               const std::string& severity, const std::string& message) {
                live.clear();
                err << "schemac: " << title << ": " << printable(severity) << ": "
                    << printable(message) << "\n";
            });
    }
    ~DataStepNotices() {
        if (m_on)
            m_conn.on_notice(nullptr);
    }
    DataStepNotices(const DataStepNotices&) = delete;
    DataStepNotices& operator=(const DataStepNotices&) = delete;

  private:
    Connection& m_conn;
    bool m_on;
};

} // namespace

Status Session::exec(const std::string& sql, const std::vector<std::string>& params,
                     const std::string& where) {
    // Secrets come from the environment as the statement runs; what is
    // reported is the statement as written, with its placeholders.
    auto text = with_secrets(sql);
    if (!text)
        return std::move(text).error().within(where);
    auto done = params.empty() ? m_conn->exec(*text) : m_conn->exec(*text, params);
    if (done)
        return Ok{};
    Error error = std::move(done).error();
    error.statement = sql;
    return std::move(error).within(where);
}

Status Session::exec_batched(const ScriptStatement& statement, const std::string& where,
                             bool* committed) {
    auto started = Clock::now();
    std::size_t total = 0;
    auto report = [&](std::size_t batch, std::size_t rows) {
        total += rows;
        if (committed && rows > 0)
            *committed = true; // each batch outside a transaction commits
        progress("  batch " + std::to_string(batch) + ": " + std::to_string(rows) + " rows (" +
                 std::to_string(total) + " in " + std::to_string(elapsed_ms(started)) + " ms)");
    };
    auto text = with_secrets(statement.sql);
    if (!text)
        return std::move(text).error().within(where);
    if (auto ran = run_batched(*m_conn, *text, report); !ran) {
        Error error = std::move(ran).error();
        error.statement = statement.sql;
        return std::move(error).within(where);
    }
    return Ok{};
}

Status Session::with_retries(const Action& attempt) {
    int wait_ms = m_options.backoff_ms;
    for (int tries = 0;; ++tries) {
        auto done = attempt();
        if (!done)
            m_retries_made = tries; // for the message of the failure reported
        if (done || done.error().sqlstate() != "55P03" || tries >= m_options.lock_retries)
            return done;
        const auto& context = done.error().context;
        progress((context.empty() ? "" : context.front()) + ": lock timeout (" +
                 m_options.lock_timeout + "); retry " + std::to_string(tries + 1) + " of " +
                 std::to_string(m_options.lock_retries) + " in " + std::to_string(wait_ms) + " ms");
        std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
        wait_ms *= 2;
    }
}

Status Session::run_group(const Script& script, std::size_t first, std::size_t last,
                          const Action& prelude, const Action& bookkeeping) {
    return with_retries([&]() -> Status {
        if (auto begun = exec("BEGIN", {}, script.path.string()); !begun)
            return begun;
        auto rollback_with = [&](Status failed) {
            (void)m_conn->exec("ROLLBACK");
            return failed;
        };
        if (auto done = prelude(); !done)
            return rollback_with(std::move(done));
        for (std::size_t s = first; s < last; ++s) {
            const ScriptStep& step = script.steps[s];
            auto started = Clock::now();
            m_live.begin(step_label(script, s));
            DataStepNotices notices(*m_conn, step, m_err, m_live);
            for (const auto& statement : step.statements) {
                std::string where = script.path.string() + ":" + std::to_string(statement.line);
                // Batched in a transaction (an all-or-nothing rollback): the
                // batches run until done, and commit together.
                if (auto done = statement.batched ? exec_batched(statement, where, nullptr)
                                                  : exec(statement.sql, {}, where);
                    !done)
                    return rollback_with(std::move(done));
            }
            m_live.end();
            progress(step_label(script, s) + " (" + std::to_string(elapsed_ms(started)) + " ms)");
        }
        if (auto done = bookkeeping(); !done)
            return rollback_with(std::move(done));
        if (auto committed = exec("COMMIT", {}, script.path.string()); !committed) {
            if (!m_conn->lost())
                return rollback_with(std::move(committed));
            Error unknown = std::move(committed).error();
            unknown.commit_unknown = true;
            return unknown;
        }
        return Ok{};
    });
}

namespace {

/// `to_regclass` of an index the statement names: schema-qualified or not.
constexpr const char* k_index_oid = "pg_catalog.to_regclass(CASE WHEN $1 = '' THEN "
                                    "pg_catalog.quote_ident($2) ELSE "
                                    "pg_catalog.format('%I.%I', $1, $2) END)";

} // namespace

Status Session::drop_invalid_index(const std::string& where, const IndexName& index) {
    auto invalid = m_conn->exec(std::string("SELECT pg_catalog.format('%I.%I', n.nspname, "
                                            "c.relname) AS name FROM pg_catalog.pg_index i "
                                            "JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
                                            "JOIN pg_catalog.pg_namespace n ON n.oid = "
                                            "c.relnamespace WHERE NOT i.indisvalid AND c.oid = ") +
                                    k_index_oid,
                                {index.schema, index.name});
    if (!invalid)
        return std::move(invalid).error().within(where);
    if (invalid->empty())
        return Ok{};
    std::string name = (*invalid)[0].text("name");
    progress("dropping the invalid index " + name + " left by the interrupted step");
    return exec("DROP INDEX CONCURRENTLY IF EXISTS " + name, {}, where);
}

Result<bool> Session::already_done(const std::string& where, const std::string& sql) {
    // A concurrent build that finished: a valid index of that name, defined
    // as the statement defines it.
    for (const auto& index : concurrent_indexes(sql)) {
        // Read with an empty search path, as the compiler read the
        // definition the step holds: every name qualified.
        auto built =
            m_conn->exec_qualified(std::string("SELECT pg_catalog.pg_get_indexdef(i.indexrelid) "
                                               "AS definition FROM pg_catalog.pg_index i WHERE "
                                               "i.indisvalid AND i.indexrelid = ") +
                                       k_index_oid,
                                   {index.schema, index.name});
        if (!built)
            return std::move(built).error().within(where);
        return !built->empty() && same_index(sql, (*built)[0].text("definition"));
    }
    // A concurrent drop that finished: the index is gone.
    auto drops = concurrent_drops(sql);
    for (const auto& index : drops) {
        auto gone = m_conn->exec(std::string("SELECT ") + k_index_oid + " IS NULL AS gone",
                                 {index.schema, index.name});
        if (!gone)
            return std::move(gone).error().within(where);
        if (!(*gone)[0].flag("gone"))
            return false;
    }
    return !drops.empty();
}

Status Session::run_alone(const Script& script, std::size_t s, bool resuming, bool& committed) {
    const ScriptStep& step = script.steps[s];
    auto started = Clock::now();
    m_live.begin(step_label(script, s));
    DataStepNotices notices(*m_conn, step, m_err, m_live);
    for (const auto& statement : step.statements) {
        std::string where = script.path.string() + ":" + std::to_string(statement.line);
        // Resumed: a statement that finished without its progress being
        // recorded is done; a concurrent build that was interrupted left an
        // INVALID index of its name, which would make the rerun fail.
        if (resuming) {
            auto done = already_done(where, statement.sql);
            if (!done)
                return done.error();
            if (*done) {
                progress("  already done: " + step.title);
                committed = true; // by the run that was interrupted
                continue;
            }
        }
        if (statement.batched) {
            if (auto done =
                    with_retries([&] { return exec_batched(statement, where, &committed); });
                !done)
                return done;
            continue;
        }
        int attempts = 0;
        auto attempt = [&]() -> Status {
            if (resuming || attempts++ > 0) // a retry after a lock timeout too
                for (const auto& index : concurrent_indexes(statement.sql))
                    if (auto dropped = drop_invalid_index(where, index); !dropped)
                        return dropped;
            return exec(statement.sql, {}, where);
        };
        if (auto done = with_retries(attempt); !done) {
            // A failed concurrent build leaves its INVALID index: not kept.
            for (const auto& index : concurrent_indexes(statement.sql))
                (void)drop_invalid_index(where, index);
            return done;
        }
        committed = true;
    }
    m_live.end();
    progress(step_label(script, s) + " (" + std::to_string(elapsed_ms(started)) +
             " ms, outside a transaction)");
    return Ok{};
}

Status Session::after_lost_commit(Error lost, const std::string& id, int version,
                                  const std::string& if_row, const std::string& if_none) {
    std::string what = "the connection was lost during the COMMIT of " + id;
    int old_backend = m_conn->backend_pid();
    auto reconnected = connect();
    // The old backend may still be committing: the history says what
    // happened only once it is gone.
    Result<Rows> row = reconnected.ok() ? Result<Rows>(Rows{}) : Result<Rows>(reconnected.error());
    for (int waited_ms = 0; row; waited_ms += 100) {
        auto alive = m_conn->exec("SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = $1",
                                  {std::to_string(old_backend)});
        if (!alive || alive->empty())
            break;
        if (waited_ms >= 30'000) {
            row = Error("its server process " + std::to_string(old_backend) +
                        " is still running after 30 s");
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (row)
        row = m_conn->exec("SELECT 1 FROM schemac.schema_migrations WHERE version = $1",
                           {std::to_string(version)});
    if (!row)
        return std::move(lost).with_outcome(
            what + ", and the database cannot be read now (" + row.error().message +
            "): whether it went through is unknown. Run `schemac status` when the database is "
            "back: it reads the history.");
    return std::move(lost).with_outcome(what + "; the history read on a new connection shows " +
                                        (row->empty() ? if_none : if_row));
}

Status Session::record_progress(const Loaded& m, const Script& script, std::size_t steps_done) {
    // The catalog those steps left, which a resume checks the live one against.
    auto now = fingerprint(*m_conn);
    if (!now)
        return std::move(now).error().within(script.path.string());
    return exec("UPDATE schemac.schema_migrations SET steps_done = $2, catalog_after = $3 "
                "WHERE version = $1",
                {std::to_string(m.version), std::to_string(steps_done), now->text},
                script.path.string());
}

Status Session::run_recorded(const Script& script, std::size_t& done, bool resuming,
                             const Record& record, bool& committed) {
    auto nothing = []() -> Status { return Ok{}; };
    // Progress is recorded at group ends, so `done` is always a group's first.
    for (const auto& group : step_groups(script)) {
        if (group.first < done)
            continue;
        Status ran = Ok{};
        if (group.transactional) {
            ran = run_group(script, group.first, group.last, nothing,
                            [&] { return record(group.last); });
            committed = committed || ran.ok();
        } else {
            ran = run_alone(script, group.first, resuming, committed);
            // Its statements are committed: what records them is retried.
            if (ran)
                ran = with_retries([&] { return record(group.last); });
        }
        if (!ran)
            return ran;
        resuming = false;
        done = group.last;
    }
    return Ok{};
}

} // namespace schemac::runtime
