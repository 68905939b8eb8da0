#include "runtime/executor.h"

namespace schemac::runtime {
namespace {

/// Runs one statement of `script` on `conn`; a failure knows where it is.
Status run_statement(Connection& conn, const Script& script, const ScriptStatement& statement) {
    auto done = conn.exec(statement.sql);
    if (done)
        return Ok{};
    Error error = std::move(done).error();
    error.statement = statement.sql;
    return std::move(error).within(script.path.string() + ":" + std::to_string(statement.line));
}

Status exec(Connection& conn, const char* sql, const Script& script) {
    if (auto done = conn.exec(sql); !done)
        return std::move(done).error().within(script.path.string());
    return Ok{};
}

class Runner {
  public:
    Runner(Connection& conn, const Script& script, Connection* privileged)
        : m_conn(conn), m_script(script), m_privileged(privileged) {}

    /// Steps [group.first, group.last) in one transaction: all of them, or
    /// (on the first error, which rolls everything back) none; a statement
    /// that runs on the privileged connection ends the transaction so far.
    Status in_transaction(const StepGroup& group) {
        if (auto begun = exec(m_conn, "BEGIN", m_script); !begun)
            return begun;
        for (std::size_t s = group.first; s < group.last; ++s)
            for (const auto& statement : m_script.steps[s].statements)
                if (auto done = in_transaction(statement); !done) {
                    (void)m_conn.exec("ROLLBACK");
                    return done;
                }
        return exec(m_conn, "COMMIT", m_script);
    }

    Status alone(const StepGroup& group) {
        for (const auto& statement : m_script.steps[group.first].statements)
            if (auto done = privileged(statement)
                                ? run_statement(*m_privileged, m_script, statement)
                                : run_statement(m_conn, m_script, statement);
                !done)
                return done;
        return Ok{};
    }

  private:
    bool privileged(const ScriptStatement& statement) const {
        return m_privileged && manages_extension(statement.sql);
    }

    Status in_transaction(const ScriptStatement& statement) {
        if (!privileged(statement))
            return run_statement(m_conn, m_script, statement);
        if (auto committed = exec(m_conn, "COMMIT", m_script); !committed)
            return committed;
        if (auto done = run_statement(*m_privileged, m_script, statement); !done)
            return done;
        return exec(m_conn, "BEGIN", m_script);
    }

    Connection& m_conn;
    const Script& m_script;
    Connection* m_privileged;
};

} // namespace

Status execute_steps(Connection& conn, const Script& script, Connection* privileged) {
    Runner runner(conn, script, privileged);
    for (const auto& group : step_groups(script))
        if (auto done = group.transactional ? runner.in_transaction(group) : runner.alone(group);
            !done)
            return done;
    return Ok{};
}

} // namespace schemac::runtime
