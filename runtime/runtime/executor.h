#pragma once

#include "runtime/connection.h"
#include "runtime/result.h"
#include "runtime/script.h"

namespace schemac::runtime {

/// Runs a migration file's steps as apply does, without its bookkeeping:
/// each step group (see step_groups) in one transaction or alone. With
/// `privileged`, a statement that manages an extension runs there, on its
/// own, and the rest on `conn` (a shadow runs the tree as a role that may
/// not create untrusted extensions). A failure names the statement
/// (Error::statement) and, as its context, the file and line it is at.
Status execute_steps(Connection& conn, const Script& script, Connection* privileged = nullptr);

} // namespace schemac::runtime
