#include "runtime/deploy.h"

#include "runtime/connection.h"
#include "runtime/hazards.h"
#include "runtime/history.h"
#include "runtime/migrations.h"
#include "runtime/script.h"
#include "runtime/sha256.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <thread>

namespace schemac::runtime {
namespace {

using Clock = std::chrono::steady_clock;

/// The advisory lock every apply and rollback holds: "schemac" in ASCII.
constexpr const char* k_lock_key = "32478922351141219";
constexpr std::size_t k_drift_lines_shown = 20;

long long elapsed_ms(Clock::time_point since) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

/// "1 step", "2 steps".
std::string count(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string version_text(int version) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d", version);
    return text;
}

/// A migration of the directory with both scripts parsed and summed.
struct Loaded {
    const Migration* migration = nullptr;
    int version = 0;
    Script up;
    Script down;
    std::string up_sha256;
    std::string down_sha256;
};

/// Where a statement failed, and what the server said.
struct Failure {
    std::string where; ///< file:line
    std::string statement;
    ServerError error;
};

/// One run of apply, status or rollback: the directory, the connection, the
/// history, and the streams.
class Deploy {
  public:
    Deploy(const DeployOptions& options, std::ostream& out, std::ostream& err)
        : m_options(options), m_out(out), m_err(err) {}

    int apply();
    int status();
    int rollback();

  private:
    /// Reads --dir and verifies its sum, then load_scripts.
    bool load_directory();
    /// Parses and sums every migration of m_dir.
    bool load_scripts();
    bool connect();
    bool lock();
    bool load_history();
    bool check_applied_files();
    bool check_drift();
    std::vector<std::string> changed_files() const;
    std::vector<std::string> drift_lines();

    /// Refuses scripts with a gated hazard --allow-hazards does not allow,
    /// naming each step and what it would do.
    bool check_hazards(const std::vector<const Script*>& scripts);
    bool apply_one(const Loaded& m, const AppliedMigration* resume);
    bool revert_one(const Loaded& m, const AppliedMigration& row);
    using Action = std::function<std::optional<Failure>()>;
    /// Runs steps [first, last) of `script` in one transaction, `prelude`
    /// after BEGIN and `bookkeeping` before COMMIT.
    std::optional<Failure> run_group(const Script& script, std::size_t first, std::size_t last,
                                     const Action& prelude, const Action& bookkeeping);
    std::optional<Failure> run_alone(const Script& script, std::size_t step, bool resuming);
    using Record = std::function<std::optional<Failure>(std::size_t next)>;
    /// Runs steps from `done` on, whose progress the history row records:
    /// consecutive transactional steps together in one transaction, each
    /// other step alone. `record(next)` runs in the same transaction as a
    /// group (right after a lone step) and records that the steps before
    /// `next` are done. On a failure `done` is the step that failed.
    std::optional<Failure> run_recorded(const Script& script, std::size_t& done, bool resuming,
                                        const Record& record);
    std::optional<Failure> record_progress(const Loaded& m, std::size_t steps_done);
    std::optional<Failure> with_retries(const Action& attempt);
    std::optional<Failure> exec(const std::string& sql, const std::vector<std::string>& params,
                                const std::string& where);
    void report_failure(const Failure& failure, const std::string& aftermath);
    void progress(const std::string& line) {
        if (m_options.verbosity >= 0)
            m_err << "schemac: " << line << "\n";
    }
    bool fail(const std::string& message) {
        m_err << "schemac: " << message << "\n";
        return false;
    }

    const Loaded* find(int version) const {
        for (const auto& m : m_loaded)
            if (m.version == version)
                return &m;
        return nullptr;
    }
    const AppliedMigration* last_applied() const {
        return m_history.empty() ? nullptr : &m_history.back();
    }

    const DeployOptions& m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    MigrationDir m_dir;
    std::vector<Loaded> m_loaded;
    std::optional<Connection> m_conn;
    std::vector<AppliedMigration> m_history;
};

bool Deploy::load_directory() {
    m_dir = read_verified_migrations(m_options.dir);
    if (!m_dir.error.empty())
        return fail(m_dir.error);
    return load_scripts();
}

bool Deploy::load_scripts() {
    for (const auto& m : m_dir.migrations) {
        Loaded loaded;
        loaded.migration = &m;
        loaded.version = std::stoi(m.version);
        std::string up = read_text(m.up);
        std::string down = read_text(m.down);
        loaded.up = parse_script(m.up, up);
        loaded.down = parse_script(m.down, down);
        for (const auto* script : {&loaded.up, &loaded.down})
            if (!script->error.empty())
                return fail(script->error);
        loaded.up_sha256 = sha256_hex(up);
        loaded.down_sha256 = sha256_hex(down);
        m_loaded.push_back(std::move(loaded));
    }
    return true;
}

bool Deploy::connect() {
    if (m_options.url.empty())
        return fail("--url is required: the database to deploy to");
    auto conn = Connection::open(m_options.url);
    if (!conn.ok())
        return fail("cannot connect to " + redact(m_options.url) + ": " + conn.error.message);
    m_conn = std::move(*conn.value);
    if (auto done =
            m_conn->exec("SELECT set_config('lock_timeout', $1, false)", {m_options.lock_timeout});
        !done.ok())
        return fail("--lock-timeout " + m_options.lock_timeout + ": " + done.error.message);
    std::string setup = "SET application_name = 'schemac'";
    // Without this a backend whose client was killed runs its statement to
    // the end (a concurrent index build included) before it notices.
    if (m_conn->server_version() >= 140000)
        setup += "; SET client_connection_check_interval = '250ms'";
    if (auto done = m_conn->exec(setup); !done.ok())
        return fail("cannot set up the session: " + done.error.message);
    return true;
}

bool Deploy::lock() {
    auto tried = m_conn->exec(std::string("SELECT pg_try_advisory_lock(") + k_lock_key + ")");
    if (!tried.ok())
        return fail("cannot take the advisory lock: " + tried.error.message);
    if (tried.value->text(0, 0) == "t")
        return true;
    if (m_options.no_wait)
        return fail("another schemac apply or rollback holds the lock on " +
                    database_of(m_options.url) + "; not waiting (--no-wait)");
    progress("waiting for another schemac apply or rollback on " + database_of(m_options.url) +
             " to finish");
    // The wait is not a schema change: no lock_timeout for it.
    auto taken = m_conn->exec(std::string("SET lock_timeout = 0; SELECT pg_advisory_lock(") +
                              k_lock_key + ")");
    (void)m_conn->exec("SELECT set_config('lock_timeout', $1, false)", {m_options.lock_timeout});
    if (!taken.ok())
        return fail("cannot take the advisory lock: " + taken.error.message);
    return true;
}

bool Deploy::load_history() {
    auto history = read_history(*m_conn);
    if (!history.ok())
        return fail("cannot read schemac.schema_migrations: " + history.error.message);
    m_history = std::move(*history.value);
    return true;
}

std::vector<std::string> Deploy::changed_files() const {
    std::vector<std::string> out;
    for (const auto& row : m_history) {
        std::string id = version_text(row.version) + "_" + row.name;
        const Loaded* m = find(row.version);
        if (!m) {
            out.push_back(id + " is applied but " + (m_dir.dir / (id + ".up.sql")).string() +
                          " is missing");
            continue;
        }
        if (m->migration->name != row.name) {
            out.push_back(id + " is applied but the directory has " + m->migration->id());
            continue;
        }
        if (m->up_sha256 != row.up_sha256)
            out.push_back(m->migration->up.string() + " changed after it was applied");
        if (m->down_sha256 != row.down_sha256)
            out.push_back(m->migration->down.string() + " changed after it was applied");
    }
    // History is linear: nothing may be missing below the last applied one.
    int last = m_history.empty() ? 0 : m_history.back().version;
    for (const auto& m : m_loaded)
        if (m.version < last && std::ranges::none_of(m_history, [&](const auto& row) {
                return row.version == m.version;
            }))
            out.push_back(m.migration->id() + " is not applied, but the later " +
                          version_text(last) + " is: migrations apply in order only");
    return out;
}

bool Deploy::check_applied_files() {
    auto changed = changed_files();
    if (changed.empty())
        return true;
    std::string message =
        "the migration directory disagrees with the history in " + database_of(m_options.url) + ":";
    for (const auto& line : changed)
        message += "\n  " + line;
    return fail(message + "\nApplied migrations are never edited: undo the edit, or write a new "
                          "migration.");
}

std::vector<std::string> Deploy::drift_lines() {
    const AppliedMigration* last = last_applied();
    if (!last || last->state != "applied")
        return {};
    auto live = fingerprint(*m_conn);
    if (!live.ok())
        return {"cannot read the catalog: " + live.error.message};
    if (live.value->sha256 == last->fingerprint_after)
        return {};
    auto lines = describe_drift(last->catalog_after, live.value->text);
    return lines.empty() ? std::vector<std::string>{"the catalog fingerprint differs"} : lines;
}

bool Deploy::check_drift() {
    auto lines = drift_lines();
    if (lines.empty())
        return true;
    const AppliedMigration* last = last_applied();
    std::string message = "drift: " + database_of(m_options.url) +
                          " is not what the history says " + version_text(last->version) + "_" +
                          last->name + " left (- expected, + found):";
    for (std::size_t i = 0; i < lines.size() && i < k_drift_lines_shown; ++i)
        message += "\n  " + lines[i];
    if (lines.size() > k_drift_lines_shown)
        message += "\n  ... and " + std::to_string(lines.size() - k_drift_lines_shown) + " more";
    if (m_options.allow_drift) {
        progress(message + "\ngoing on (--allow-drift)");
        return true;
    }
    return fail(message +
                "\nUndo the hand-made change, or capture it in schema/ and a new migration; "
                "--allow-drift goes on regardless.");
}

std::optional<Failure> Deploy::exec(const std::string& sql, const std::vector<std::string>& params,
                                    const std::string& where) {
    auto done = params.empty() ? m_conn->exec(sql) : m_conn->exec(sql, params);
    if (done.ok())
        return std::nullopt;
    return Failure{where, sql, done.error};
}

std::optional<Failure> Deploy::with_retries(const Action& attempt) {
    int wait_ms = m_options.backoff_ms;
    for (int tries = 0;; ++tries) {
        auto failure = attempt();
        if (!failure || failure->error.sqlstate != "55P03" || tries >= m_options.lock_retries)
            return failure;
        progress(failure->where + ": lock timeout (" + m_options.lock_timeout + "); retry " +
                 std::to_string(tries + 1) + " of " + std::to_string(m_options.lock_retries) +
                 " in " + std::to_string(wait_ms) + " ms");
        std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
        wait_ms *= 2;
    }
}

std::optional<Failure> Deploy::run_group(const Script& script, std::size_t first, std::size_t last,
                                         const Action& prelude, const Action& bookkeeping) {
    return with_retries([&]() -> std::optional<Failure> {
        if (auto failed = exec("BEGIN", {}, script.path.string()))
            return failed;
        auto rollback_with = [&](Failure failure) {
            (void)m_conn->exec("ROLLBACK");
            return failure;
        };
        if (auto failed = prelude())
            return rollback_with(*failed);
        for (std::size_t s = first; s < last; ++s) {
            const ScriptStep& step = script.steps[s];
            auto started = Clock::now();
            for (const auto& statement : step.statements)
                if (auto failed = exec(statement.sql, {},
                                       script.path.string() + ":" + std::to_string(statement.line)))
                    return rollback_with(*failed);
            if (m_options.verbosity >= 0)
                progress("  [" + std::to_string(s + 1) + "/" + std::to_string(script.steps.size()) +
                         "] " + step.title + " (" + std::to_string(elapsed_ms(started)) + " ms)");
        }
        if (auto failed = bookkeeping())
            return rollback_with(*failed);
        if (auto failed = exec("COMMIT", {}, script.path.string()))
            return rollback_with(*failed);
        return std::nullopt;
    });
}

std::optional<Failure> Deploy::run_alone(const Script& script, std::size_t s, bool resuming) {
    const ScriptStep& step = script.steps[s];
    auto started = Clock::now();
    if (resuming) {
        // A concurrent index build that was interrupted leaves an INVALID
        // index of the same name behind; it would make the rerun fail.
        auto invalid =
            m_conn->exec("SELECT format('%I.%I', n.nspname, c.relname), c.relname FROM pg_index i "
                         "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = "
                         "c.relnamespace WHERE NOT i.indisvalid");
        if (invalid.ok())
            for (std::size_t r = 0; r < invalid.value->size(); ++r)
                for (const auto& statement : step.statements)
                    if (statement.sql.find(invalid.value->text(r, 1)) != std::string::npos) {
                        progress("dropping the invalid index " + invalid.value->text(r, 0) +
                                 " left by the interrupted step");
                        if (auto failed = exec("DROP INDEX CONCURRENTLY IF EXISTS " +
                                                   invalid.value->text(r, 0),
                                               {}, script.path.string()))
                            return failed;
                    }
    }
    for (const auto& statement : step.statements)
        if (auto failed = with_retries([&] {
                return exec(statement.sql, {},
                            script.path.string() + ":" + std::to_string(statement.line));
            }))
            return failed;
    progress("  [" + std::to_string(s + 1) + "/" + std::to_string(script.steps.size()) + "] " +
             step.title + " (" + std::to_string(elapsed_ms(started)) +
             " ms, outside a transaction)");
    return std::nullopt;
}

void Deploy::report_failure(const Failure& failure, const std::string& aftermath) {
    std::string message = failure.where + ": " + failure.error.describe();
    if (failure.error.sqlstate == "55P03")
        message += "\n(lock timeout " + m_options.lock_timeout + ", " +
                   std::to_string(m_options.lock_retries) +
                   " retries: something holds a conflicting lock; try again later or raise "
                   "--lock-timeout)";
    fail(message + "\n" + aftermath);
}

bool Deploy::check_hazards(const std::vector<const Script*>& scripts) {
    for (const auto& allowed : m_options.allow_hazards)
        if (!find_hazard(allowed)) {
            std::string known;
            for (const auto& info : k_hazards)
                known += (known.empty() ? "" : ", ") + std::string(info.name);
            return fail("--allow-hazards " + allowed + ": not a hazard schemac knows (" + known +
                        ")");
        }
    std::string refused;
    std::vector<std::string> kinds;
    for (const Script* script : scripts)
        for (const auto& step : script->steps)
            for (const auto& hazard : step.hazards) {
                auto kind = find_hazard(hazard.kind);
                bool gated = kind && hazard_info(*kind).gated;
                if (!gated || std::ranges::find(m_options.allow_hazards, hazard.kind) !=
                                  m_options.allow_hazards.end())
                    continue;
                refused += "\n  " + script->path.string() + ":" + std::to_string(hazard.line) +
                           ": " + step.title + ": " + hazard.kind + ": " + hazard.message;
                if (std::ranges::find(kinds, hazard.kind) == kinds.end())
                    kinds.push_back(hazard.kind);
            }
    if (refused.empty())
        return true;
    std::string list;
    for (const auto& kind : kinds)
        list += (list.empty() ? "" : ",") + kind;
    return fail("refusing to run steps that need approval:" + refused +
                "\nNothing was run. To go ahead, run it again with --allow-hazards " + list + ".");
}

std::optional<Failure> no_prelude() {
    return std::nullopt;
}

std::optional<Failure> Deploy::record_progress(const Loaded& m, std::size_t steps_done) {
    return exec("UPDATE schemac.schema_migrations SET steps_done = $2 WHERE version = $1",
                {std::to_string(m.version), std::to_string(steps_done)}, m.up.path.string());
}

std::optional<Failure> Deploy::run_recorded(const Script& script, std::size_t& done, bool resuming,
                                            const Record& record) {
    // Progress is recorded at group ends, so `done` is always a group's first.
    for (const auto& group : step_groups(script)) {
        if (group.first < done)
            continue;
        std::optional<Failure> failed;
        if (group.transactional) {
            failed = run_group(script, group.first, group.last, no_prelude,
                               [&] { return record(group.last); });
        } else {
            failed = run_alone(script, group.first, resuming);
            if (!failed)
                failed = record(group.last);
        }
        if (failed)
            return failed;
        resuming = false;
        done = group.last;
    }
    return std::nullopt;
}

constexpr const char* k_insert_applied =
    "INSERT INTO schemac.schema_migrations (version, previous_version, name, up_sha256, "
    "down_sha256, fingerprint_before, fingerprint_after, catalog_after, state, steps_done, "
    "duration_ms) VALUES ($1, NULLIF($2, '')::integer, $3, $4, $5, $6, NULLIF($7, ''), "
    "NULLIF($8, ''), $9, $10, NULLIF($11, '')::bigint)";

bool Deploy::apply_one(const Loaded& m, const AppliedMigration* resume) {
    const Script& script = m.up;
    auto started = Clock::now();
    std::string id = m.migration->id();
    // A resumed migration's row exists already and names its predecessor.
    std::string previous = m_history.empty() ? "" : std::to_string(last_applied()->version);
    std::size_t steps = script.steps.size();
    std::string where = script.path.string();

    auto fingerprint_or_fail = [&](Fingerprint& into) -> std::optional<Failure> {
        auto f = fingerprint(*m_conn);
        if (!f.ok())
            return Failure{where, "fingerprint", f.error};
        into = std::move(*f.value);
        return std::nullopt;
    };

    if (script.transactional() && !resume) {
        progress("applying " + id + " (" + count(steps, "step") + ", one transaction)");
        Fingerprint before;
        Fingerprint after;
        // Both fingerprints are read inside the transaction: what the
        // statements ran on, and what they left.
        auto failed = run_group(
            script, 0, steps, [&] { return fingerprint_or_fail(before); },
            [&]() -> std::optional<Failure> {
                if (auto f = fingerprint_or_fail(after))
                    return f;
                return exec(k_insert_applied,
                            {std::to_string(m.version), previous, m.migration->name, m.up_sha256,
                             m.down_sha256, before.sha256, after.sha256, after.text, "applied", "0",
                             std::to_string(elapsed_ms(started))},
                            where);
            });
        if (failed) {
            report_failure(*failed, id + " was rolled back: the database and its history are as "
                                         "they were before it.");
            return false;
        }
        progress("applied " + id + " in " + std::to_string(elapsed_ms(started)) + " ms");
        return true;
    }

    // Steps outside a transaction: the history row records progress, so an
    // interrupted run resumes at the first step not done.
    std::size_t done = resume ? static_cast<std::size_t>(resume->steps_done) : 0;
    if (!resume) {
        Fingerprint before;
        if (auto f = fingerprint_or_fail(before); f) {
            report_failure(*f, "nothing was applied.");
            return false;
        }
        if (auto f = exec(k_insert_applied,
                          {std::to_string(m.version), previous, m.migration->name, m.up_sha256,
                           m.down_sha256, before.sha256, "", "", "applying", "0", ""},
                          where)) {
            report_failure(*f, "nothing was applied.");
            return false;
        }
        progress("applying " + id + " (" + count(steps, "step") + ", some outside a transaction)");
    } else {
        progress("resuming " + id + " at step " + std::to_string(done + 1) + " of " +
                 std::to_string(steps));
    }
    auto record_done = [&](std::size_t next) { return record_progress(m, next); };
    if (auto failed = run_recorded(script, done, resume != nullptr, record_done)) {
        report_failure(*failed, id + " stopped before step " + std::to_string(done + 1) + " of " +
                                    std::to_string(steps) +
                                    " (steps before it are applied and recorded). Fix the cause "
                                    "and run apply again: it resumes there.");
        return false;
    }
    Fingerprint after;
    auto failed = with_retries([&]() -> std::optional<Failure> {
        if (auto f = fingerprint_or_fail(after))
            return f;
        return exec("UPDATE schemac.schema_migrations SET state = 'applied', fingerprint_after = "
                    "$2, catalog_after = $3, duration_ms = $4 WHERE version = $1",
                    {std::to_string(m.version), after.sha256, after.text,
                     std::to_string(elapsed_ms(started))},
                    where);
    });
    if (failed) {
        report_failure(*failed, "all steps of " + id +
                                    " ran, but its history row was not "
                                    "completed; run apply again.");
        return false;
    }
    progress("applied " + id + " in " + std::to_string(elapsed_ms(started)) + " ms");
    return true;
}

bool Deploy::revert_one(const Loaded& m, const AppliedMigration& row) {
    const Script& script = m.down;
    auto started = Clock::now();
    std::string id = m.migration->id();
    std::size_t steps = script.steps.size();
    std::string where = script.path.string();
    auto delete_row = [&] {
        return exec("DELETE FROM schemac.schema_migrations WHERE version = $1",
                    {std::to_string(m.version)}, where);
    };
    if (script.transactional() && row.state == "applied") {
        progress("reverting " + id + " (" + count(steps, "step") + ", one transaction)");
        if (auto failed = run_group(script, 0, steps, no_prelude, delete_row)) {
            report_failure(*failed, "the rollback of " + id +
                                        " was rolled back: the database and its history are as "
                                        "they were before it.");
            return false;
        }
        progress("reverted " + id + " in " + std::to_string(elapsed_ms(started)) + " ms");
        return true;
    }
    std::size_t done = 0;
    if (row.state == "reverting") {
        done = static_cast<std::size_t>(row.steps_done);
        progress("resuming the rollback of " + id + " at step " + std::to_string(done + 1) +
                 " of " + std::to_string(steps));
    } else {
        if (auto f = exec("UPDATE schemac.schema_migrations SET state = 'reverting', steps_done "
                          "= 0 WHERE version = $1",
                          {std::to_string(m.version)}, where)) {
            report_failure(*f, "nothing was reverted.");
            return false;
        }
        progress("reverting " + id + " (" + count(steps, "step") + ", some outside a transaction)");
    }
    auto record_done = [&](std::size_t next) { return record_progress(m, next); };
    // The last step's bookkeeping removes the row: the migration is undone.
    auto record = [&](std::size_t next) {
        return next == steps ? delete_row() : record_done(next);
    };
    if (auto failed = run_recorded(script, done, row.state == "reverting", record)) {
        report_failure(*failed, "the rollback of " + id + " stopped before step " +
                                    std::to_string(done + 1) + " of " + std::to_string(steps) +
                                    ". Fix the cause and run rollback again: it resumes there.");
        return false;
    }
    if (steps == 0)
        if (auto failed = delete_row()) {
            report_failure(*failed, "nothing was reverted.");
            return false;
        }
    progress("reverted " + id + " in " + std::to_string(elapsed_ms(started)) + " ms");
    return true;
}

std::string position_of(const std::vector<AppliedMigration>& history) {
    if (history.empty())
        return "no migration applied";
    const auto& last = history.back();
    return "at " + version_text(last.version) + "_" + last.name +
           (last.state == "applied" ? "" : " (" + last.state + ", interrupted)");
}

int Deploy::apply() {
    if (!load_directory() || !connect())
        return 1;
    if (!m_options.dry_run) {
        if (!lock())
            return 1;
        if (auto made = ensure_history_table(*m_conn); !made.ok())
            return fail("cannot create schemac.schema_migrations: " + made.error.message), 1;
    }
    if (!load_history() || !check_applied_files())
        return 1;

    int target = m_loaded.empty() ? 0 : m_loaded.back().version;
    if (!m_options.to.empty()) {
        int to = 0;
        try {
            to = std::stoi(m_options.to);
        } catch (const std::exception&) {
        }
        if (!find(to))
            return fail("--to " + m_options.to + ": no such migration in " + m_dir.dir.string()), 1;
        target = to;
    }
    const AppliedMigration* last = last_applied();
    if (last && last->state == "reverting")
        return fail("the rollback of " + version_text(last->version) + "_" + last->name +
                    " was interrupted; run `schemac rollback` to finish it first"),
               1;
    if (last && last->version > target)
        return fail("--to " + m_options.to + ": the database is already " + position_of(m_history) +
                    "; use `schemac rollback` to go back"),
               1;
    std::optional<AppliedMigration> resume;
    if (last && last->state == "applying")
        resume = *last;
    if (!resume && !check_drift())
        return 1;

    std::vector<const Loaded*> pending;
    for (const auto& m : m_loaded)
        if (m.version <= target &&
            (!last || m.version > last->version || (resume && m.version == resume->version)))
            pending.push_back(&m);

    if (m_options.dry_run) {
        for (const Loaded* m : pending) {
            m_out << "-- " << m->migration->up.string() << " (would apply"
                  << (resume && m->version == resume->version
                          ? ", resuming at step " + std::to_string(resume->steps_done + 1)
                          : std::string())
                  << ")\n";
            for (const auto& step : m->up.steps) {
                m_out << "-- step: " << step.title
                      << (step.transactional ? "" : " (outside a transaction)") << "\n";
                for (const auto& hazard : step.hazards)
                    m_out << "-- hazard " << hazard.kind << ": " << hazard.message << "\n";
                for (const auto& statement : step.statements)
                    m_out << statement.sql << ";\n";
            }
            m_out << "\n";
        }
        progress(count(pending.size(), "migration") + " would be applied; the database is " +
                 position_of(m_history) + " (dry run: nothing changed)");
        return 0;
    }
    std::vector<const Script*> scripts;
    for (const Loaded* m : pending)
        scripts.push_back(&m->up);
    if (!check_hazards(scripts))
        return 1;
    for (const Loaded* m : pending) {
        if (!apply_one(*m, resume && m->version == resume->version ? &*resume : nullptr))
            return 1;
        if (!load_history())
            return 1;
    }
    progress(pending.empty() ? "nothing to apply; the database is " + position_of(m_history)
                             : count(pending.size(), "migration") + " applied; the database is " +
                                   position_of(m_history));
    return 0;
}

int Deploy::rollback() {
    if (!load_directory() || !connect() || !lock() || !load_history() || !check_applied_files())
        return 1;
    if (m_options.steps < 1)
        return fail("--steps must be at least 1"), 1;
    const AppliedMigration* last = last_applied();
    if (!last) {
        progress("nothing to roll back; no migration is applied");
        return 0;
    }
    if (last->state == "applying")
        return fail(version_text(last->version) + "_" + last->name +
                    " was interrupted while applying (" +
                    count(static_cast<std::size_t>(last->steps_done), "step") +
                    " done); run `schemac apply` to finish it first"),
               1;
    if (last->state == "applied" && !check_drift())
        return 1;
    if (m_options.steps > static_cast<int>(m_history.size()))
        return fail("--steps " + std::to_string(m_options.steps) + ": only " +
                    count(m_history.size(), "migration") + " applied"),
               1;
    std::vector<const Script*> scripts;
    for (int i = 0; i < m_options.steps; ++i)
        scripts.push_back(&find(m_history[m_history.size() - 1 - i].version)->down);
    if (!check_hazards(scripts))
        return 1;
    for (int i = 0; i < m_options.steps; ++i) {
        AppliedMigration row = m_history.back();
        if (!revert_one(*find(row.version), row) || !load_history())
            return 1;
    }
    progress(count(static_cast<std::size_t>(m_options.steps), "migration") +
             " rolled back; the database is " + position_of(m_history));
    return 0;
}

int Deploy::status() {
    m_dir = read_migrations(m_options.dir);
    if (!m_dir.error.empty())
        return fail(m_dir.error), 1;
    std::string sum_problem = verify_sum(m_dir);
    if (sum_problem.empty() && !load_scripts())
        return 1;
    if (!connect() || !load_history())
        return 1;
    bool problem = !sum_problem.empty();
    m_out << "database: " << database_of(m_options.url) << " (" << position_of(m_history) << ")\n";
    m_out << "applied:\n";
    if (m_history.empty())
        m_out << "  (none)\n";
    for (const auto& row : m_history) {
        m_out << "  " << version_text(row.version) << "_" << row.name << "  " << row.applied_at
              << "  by " << row.applied_by;
        if (row.state == "applied")
            m_out << "  " << row.duration_ms << " ms\n";
        else {
            m_out << "  INTERRUPTED while " << row.state << " after "
                  << count(static_cast<std::size_t>(row.steps_done), "step") << "\n";
            problem = true;
        }
    }
    int last = m_history.empty() ? 0 : m_history.back().version;
    std::vector<std::string> pending;
    for (const auto& m : m_dir.migrations)
        if (std::stoi(m.version) > last)
            pending.push_back(m.id());
    m_out << "pending:\n";
    if (pending.empty())
        m_out << "  (none)\n";
    for (const auto& id : pending)
        m_out << "  " << id << "\n";
    if (!sum_problem.empty()) {
        m_out << "sum:\n  " << sum_problem << "\n";
    } else {
        auto changed = changed_files();
        m_out << "changed files:\n";
        if (changed.empty())
            m_out << "  (none)\n";
        for (const auto& line : changed)
            m_out << "  " << line << "\n";
        problem = problem || !changed.empty();
    }
    auto drift = drift_lines();
    m_out << "drift:\n";
    if (drift.empty())
        m_out << "  (none)\n";
    for (const auto& line : drift)
        m_out << "  " << line << "\n";
    problem = problem || !drift.empty();
    if (problem)
        return 1;
    return pending.empty() ? 0 : 2;
}

} // namespace

int apply(const DeployOptions& options, std::ostream& out, std::ostream& err) {
    return Deploy(options, out, err).apply();
}

int status(const DeployOptions& options, std::ostream& out, std::ostream& err) {
    return Deploy(options, out, err).status();
}

int rollback(const DeployOptions& options, std::ostream& out, std::ostream& err) {
    return Deploy(options, out, err).rollback();
}

} // namespace schemac::runtime
