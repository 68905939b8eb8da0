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

} // namespace schemac::runtime
