#include "runtime/executor.h"

namespace schemac::runtime {

std::optional<StatementFailure> execute_in_transaction(Connection& conn,
                                                       const std::vector<std::string>& statements) {
    if (auto begun = conn.exec("BEGIN"); !begun.ok())
        return StatementFailure{0, "BEGIN", begun.error};
    for (std::size_t i = 0; i < statements.size(); ++i) {
        auto done = conn.exec(statements[i]);
        if (!done.ok()) {
            (void)conn.exec("ROLLBACK");
            return StatementFailure{i, statements[i], done.error};
        }
    }
    if (auto committed = conn.exec("COMMIT"); !committed.ok())
        return StatementFailure{statements.size(), "COMMIT", committed.error};
    return std::nullopt;
}

std::optional<ScriptFailure> execute_steps(Connection& conn, const Script& script) {
    for (const auto& group : step_groups(script)) {
        std::vector<const ScriptStatement*> statements;
        for (std::size_t s = group.first; s < group.last; ++s)
            for (const auto& statement : script.steps[s].statements)
                statements.push_back(&statement);
        auto where = [&](std::size_t i) {
            return script.path.string() + ":" + std::to_string(statements[i]->line);
        };
        if (group.transactional) {
            std::vector<std::string> sql;
            for (const auto* statement : statements)
                sql.push_back(statement->sql);
            if (auto failed = execute_in_transaction(conn, sql))
                return ScriptFailure{failed->index < statements.size() ? where(failed->index)
                                                                       : script.path.string(),
                                     failed->statement, failed->error};
        } else {
            for (std::size_t i = 0; i < statements.size(); ++i)
                if (auto done = conn.exec(statements[i]->sql); !done.ok())
                    return ScriptFailure{where(i), statements[i]->sql, done.error};
        }
    }
    return std::nullopt;
}

} // namespace schemac::runtime
