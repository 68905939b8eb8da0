#include "runtime/executor.h"

namespace schemac::runtime {
namespace {

/// Runs one statement of `script`; a failure knows where it is.
Status run_statement(Connection& conn, const Script& script, const ScriptStatement& statement) {
    auto done = conn.exec(statement.sql);
    if (done)
        return Ok{};
    Error error = std::move(done).error();
    error.statement = statement.sql;
    return std::move(error).within(script.path.string() + ":" + std::to_string(statement.line));
}

/// Steps [group.first, group.last) in one transaction: all of them, or (on
/// the first error, which rolls everything back) none.
Status run_in_transaction(Connection& conn, const Script& script, const StepGroup& group) {
    if (auto begun = conn.exec("BEGIN"); !begun)
        return std::move(begun).error().within(script.path.string());
    for (std::size_t s = group.first; s < group.last; ++s)
        for (const auto& statement : script.steps[s].statements)
            if (auto done = run_statement(conn, script, statement); !done) {
                (void)conn.exec("ROLLBACK");
                return done;
            }
    if (auto committed = conn.exec("COMMIT"); !committed)
        return std::move(committed).error().within(script.path.string());
    return Ok{};
}

} // namespace

Status execute_steps(Connection& conn, const Script& script) {
    for (const auto& group : step_groups(script)) {
        if (group.transactional) {
            if (auto done = run_in_transaction(conn, script, group); !done)
                return done;
            continue;
        }
        for (const auto& statement : script.steps[group.first].statements)
            if (auto done = run_statement(conn, script, statement); !done)
                return done;
    }
    return Ok{};
}

} // namespace schemac::runtime
