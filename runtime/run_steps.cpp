// Running a migration's steps: in transactions, alone, with retries after
// lock timeouts, and with progress recorded so an interrupted run resumes.

#include "session.h"

#include <thread>

namespace schemac::runtime {

Status Session::exec(const std::string& sql, const std::vector<std::string>& params,
                     const std::string& where) {
    auto done = params.empty() ? m_conn->exec(sql) : m_conn->exec(sql, params);
    if (done)
        return Ok{};
    Error error = std::move(done).error();
    error.statement = sql;
    return std::move(error).within(where);
}

Status Session::with_retries(const Action& attempt) {
    int wait_ms = m_options.backoff_ms;
    for (int tries = 0;; ++tries) {
        auto done = attempt();
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
            for (const auto& statement : step.statements)
                if (auto done = exec(statement.sql, {},
                                     script.path.string() + ":" + std::to_string(statement.line));
                    !done)
                    return rollback_with(std::move(done));
            progress("  [" + std::to_string(s + 1) + "/" + std::to_string(script.steps.size()) +
                     "] " + step.title + " (" + std::to_string(elapsed_ms(started)) + " ms)");
        }
        if (auto done = bookkeeping(); !done)
            return rollback_with(std::move(done));
        if (auto committed = exec("COMMIT", {}, script.path.string()); !committed)
            return rollback_with(std::move(committed));
        return Ok{};
    });
}

Status Session::drop_invalid_indexes(const Script& script, const ScriptStep& step) {
    for (const auto& statement : step.statements)
        for (const auto& index : concurrent_indexes(statement.sql)) {
            auto invalid = m_conn->exec(
                "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) AS name "
                "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                "WHERE NOT i.indisvalid AND c.oid = pg_catalog.to_regclass(CASE WHEN $1 = '' "
                "THEN pg_catalog.quote_ident($2) ELSE pg_catalog.format('%I.%I', $1, $2) END)",
                {index.schema, index.name});
            if (!invalid)
                return std::move(invalid).error().within(script.path.string());
            if (invalid->empty())
                continue;
            std::string name = (*invalid)[0].text("name");
            progress("dropping the invalid index " + name + " left by the interrupted step");
            if (auto dropped =
                    exec("DROP INDEX CONCURRENTLY IF EXISTS " + name, {}, script.path.string());
                !dropped)
                return dropped;
        }
    return Ok{};
}

Status Session::run_alone(const Script& script, std::size_t s, bool resuming) {
    const ScriptStep& step = script.steps[s];
    auto started = Clock::now();
    // A concurrent index build that was interrupted leaves an INVALID index
    // of the same name behind; it would make the rerun fail.
    if (resuming)
        if (auto dropped = drop_invalid_indexes(script, step); !dropped)
            return dropped;
    for (const auto& statement : step.statements)
        if (auto done = with_retries([&] {
                return exec(statement.sql, {},
                            script.path.string() + ":" + std::to_string(statement.line));
            });
            !done)
            return done;
    progress("  [" + std::to_string(s + 1) + "/" + std::to_string(script.steps.size()) + "] " +
             step.title + " (" + std::to_string(elapsed_ms(started)) +
             " ms, outside a transaction)");
    return Ok{};
}

Status Session::record_progress(const Loaded& m, std::size_t steps_done) {
    return exec("UPDATE schemac.schema_migrations SET steps_done = $2 WHERE version = $1",
                {std::to_string(m.version), std::to_string(steps_done)}, m.up.path.string());
}

Status Session::run_recorded(const Script& script, std::size_t& done, bool resuming,
                             const Record& record) {
    auto nothing = []() -> Status { return Ok{}; };
    // Progress is recorded at group ends, so `done` is always a group's first.
    for (const auto& group : step_groups(script)) {
        if (group.first < done)
            continue;
        Status ran = group.transactional ? run_group(script, group.first, group.last, nothing,
                                                     [&] { return record(group.last); })
                                         : run_alone(script, group.first, resuming);
        if (ran && !group.transactional)
            ran = record(group.last);
        if (!ran)
            return ran;
        resuming = false;
        done = group.last;
    }
    return Ok{};
}

} // namespace schemac::runtime
