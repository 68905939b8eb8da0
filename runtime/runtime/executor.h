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

/// Whether `sql` needs the superuser where the tree's role runs the rest:
/// it manages an extension or a publication, or makes a function LEAKPROOF.
bool needs_superuser(const std::string& sql);
/// Runs `sql` (which needs_superuser) on `admin`, between two transactions
/// of `tree`, then gives what it created that the superuser would otherwise
/// own (a LEAKPROOF function) to the tree's role, so nothing the tree wrote
/// runs with the superuser's rights: no event trigger fires on it either. A
/// failure is the statement's own.
Result<Rows> run_as_superuser(Connection& tree, Connection& admin, const std::string& sql);

} // namespace schemac::runtime
