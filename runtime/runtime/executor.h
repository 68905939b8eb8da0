#pragma once

#include "runtime/connection.h"

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

} // namespace schemac::runtime
