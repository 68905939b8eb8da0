#pragma once

#include "runtime/connection.h"
#include "runtime/script.h"

#include <optional>
#include <string>
#include <vector>

namespace schemac::runtime {

/// Where a script failed: the statement, its index, and the server's error.
struct StatementFailure {
    std::size_t index = 0;
    std::string statement;
    ServerError error;
};

/// Runs statements in one transaction: all of them, or (on the first error,
/// which rolls everything back) none.
std::optional<StatementFailure> execute_in_transaction(Connection& conn,
                                                       const std::vector<std::string>& statements);

/// Where a migration file failed: its file:line, and the server's error.
struct ScriptFailure {
    std::string where;
    std::string statement;
    ServerError error;
};

/// Runs a migration file's steps as apply does, without its bookkeeping:
/// each step group (see step_groups) in one transaction or alone.
std::optional<ScriptFailure> execute_steps(Connection& conn, const Script& script);

} // namespace schemac::runtime
