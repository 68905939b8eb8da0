#pragma once

#include "load/load.h"
#include "runtime/result.h"
#include "shadow/server.h"

#include <functional>
#include <string>
#include <vector>

namespace schemac::shadow {

/// Creates a database on `server` and executes the tree's ordered statements
/// in it, after `prepare` (the context read from a target). A PostgreSQL
/// error points at the statement's file:line:col with the server's message
/// and hint. Returns the database's name.
Result<std::string> materialize(Server& server, const load::Tree& tree,
                                const std::function<Status(const std::string& db)>& prepare = {});

/// Runs `drops`, then `statements` of a tree, in database `db` of
/// `server`, in one transaction, as materialize runs a tree's statements
/// (the incremental shadow's update: shadow/incremental.h).
/// `statements` are part of `tree`, whose order decides which GRANTs run
/// after the owners are given.
Status run_again(Server& server, const std::string& db, const std::vector<std::string>& drops,
                 const std::vector<const load::Statement*>& statements, const load::Tree& tree);

/// Executes the tree's statements marked `-- schemac:external` (the context
/// it stubs) in database `db` of `server`, as materialize does.
Status load_context(Server& server, const std::string& db, const load::Tree& tree);

/// Gives each CHECK constraint of `desired` (the tree materialized in `db`)
/// whose printed definition would store something else once executed (a
/// varchar IN list) the tree's own text of it (Constraint::written): what
/// PostgreSQL stores for each CHECK expression of the tree is read back from
/// a rolled-back transaction and matched to the definitions.
Status keep_written_checks(Server& server, const std::string& db, const load::Tree& tree,
                           catalog::Catalog& desired);

/// The same for partial indexes whose printed predicate would store
/// something else once executed (Index::written): the tree's predicates of
/// an index of that name are built in a rolled-back transaction and matched.
Status keep_written_predicates(Server& server, const std::string& db, const load::Tree& tree,
                               catalog::Catalog& desired);

/// A connection as the tree's role to the database holding the desired
/// state, opened only when asked for: a run whose desired catalog was kept
/// from an earlier one materializes the tree only if it is needed.
using ConnectTree = std::function<Result<runtime::Connection>()>;

/// The indexes of `current` whose definition differs from the desired one
/// only in how its predicate is written take the desired definition.
Status settle_current_predicates(const ConnectTree& desired_db, catalog::Catalog& current,
                                 const catalog::Catalog& desired);

/// The CHECK constraints of `current` whose definition differs from the
/// desired one only in how it is written (what PostgreSQL stores for it, in
/// the desired tables of `desired_db`, is the desired definition) take the
/// desired definition: the same constraint, not a change.
Status settle_current_checks(const ConnectTree& desired_db, catalog::Catalog& current,
                             const catalog::Catalog& desired);

} // namespace schemac::shadow
