#pragma once

#include "load/statement.h"
#include "runtime/result.h"

#include <nlohmann/json_fwd.hpp>

namespace schemac::load {

/// Fills a statement's node, creates/defines/provides, references and roles from
/// its parse tree, or returns why it is not declarative DDL.
Status classify(Statement& statement, const nlohmann::json& stmt);

} // namespace schemac::load
