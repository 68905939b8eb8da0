#pragma once

#include "runtime/connection.h"
#include "runtime/result.h"
#include "runtime/script.h"

#include <functional>
#include <optional>
#include <string_view>

namespace schemac::runtime {

/// Runs a migration file's steps as apply does, without its bookkeeping:
/// each step group (see step_groups) in one transaction or alone. With
/// `privileged`, a statement that manages an extension runs there, on its
/// own, and the rest on `conn` (a shadow runs the tree as a role that may
/// not create untrusted extensions). A failure names the statement
/// (Error::statement) and, as its context, the file and line it is at.
Status execute_steps(Connection& conn, const Script& script, Connection* privileged = nullptr);

/// Runs a `-- schemac:batch` statement until it changes no row, each run in
/// a transaction of its own (autocommit); `after_batch` hears of each run
/// (its number, from 1, and the rows it changed). At most `limit` runs when
/// given: a statement that never stops changing rows is then an error.
Status run_batched(Connection& conn, const std::string& sql,
                   const std::function<void(std::size_t, std::size_t)>& after_batch,
                   std::optional<std::size_t> limit = std::nullopt);

/// Whether `sql` needs the superuser where the tree's role runs the rest:
/// it manages an extension or a publication, or makes a function LEAKPROOF.
bool needs_superuser(const std::string& sql);
/// Runs `give` (statements of the tree that give objects to `roles` by name:
/// OWNER TO) on the tree's connection, where PostgreSQL checks that the
/// tree's role owns what it gives. A role is given an object only with
/// CREATE on its schema (on the database, for a schema), which the roles a
/// tree names lack in a shadow: the administrator grants each what it lacks
/// and takes it back after, running none of the tree's text. No superuser,
/// predefined role (but pg_database_owner) or role with CREATEROLE,
/// REPLICATION or BYPASSRLS is given anything. The tree's transaction is
/// committed before and after, and a new one begun.
Status give_owners(Connection& tree, Connection& admin, const std::vector<std::string>& roles,
                   const std::function<Status()>& give);
/// The roles `sql` gives objects to by name (OWNER TO), sorted, once each.
std::vector<std::string> roles_given(const std::string& sql);
/// Whether role `r` (of pg_roles) has more power than objects and grants
/// give, or is a member of a role that has: a superuser, a predefined role
/// (pg_execute_server_program runs programs; pg_database_owner is none), one
/// with CREATEROLE, REPLICATION or BYPASSRLS. SQL for an empty search path.
inline constexpr std::string_view k_powerful =
    "EXISTS (SELECT 1 FROM pg_catalog.pg_roles p WHERE pg_catalog.pg_has_role(r.oid, p.oid, "
    "'MEMBER') AND (p.rolsuper OR p.rolcreaterole OR p.rolreplication OR p.rolbypassrls OR "
    "(p.rolname ~ '^pg_' AND p.rolname <> 'pg_database_owner')))";
/// Of `roles`, those give_owners refuses to give anything to.
Result<std::vector<std::string>> refused_owners(Connection& admin,
                                                const std::vector<std::string>& roles);
/// The error that refuses `role` as an owner.
Error refusal(const std::string& role);
/// Runs `sql` (which needs_superuser) on `admin`, between two transactions
/// of `tree`, then gives what it created that the superuser would otherwise
/// own (a LEAKPROOF function) to the tree's role, so nothing the tree wrote
/// runs with the superuser's rights: no event trigger fires on it either. A
/// failure is the statement's own.
Result<Rows> run_as_superuser(Connection& tree, Connection& admin, const std::string& sql);

} // namespace schemac::runtime
