#pragma once

#include "catalog/catalog.h"
#include "diff/change.h"
#include "load/statement.h"
#include "runtime/result.h"

#include <vector>

namespace schemac::plan {

/// The renames the tree's `-- schemac:renamed-from` annotations ask of the
/// current state, in the order they run (schemas, then relations and types,
/// then columns, constraints and enum values).
///
/// An annotation whose new name the current state already has is done and
/// gives nothing. One whose old name the current state lacks as well is an
/// error at the annotation, unless what would hold it (the table, the type,
/// the schema's relations) is not there either: a fresh database.
///
/// A renamed table or column carries its default-named constraints, indexes
/// and sequences along (`users_pkey` → `accounts_pkey`, `users_mail_key` →
/// `users_email_key`) when the desired state names them so and not the old way.
Result<std::vector<diff::Rename>> resolve_renames(const std::vector<load::RenameIntent>& intents,
                                                  const catalog::Catalog& current,
                                                  const catalog::Catalog& desired);

/// The extensions that move to another schema (ALTER EXTENSION ... SET
/// SCHEMA): relocatable ones whose schema differs on the two sides once
/// `renames` ran, in name order. The others are dropped and created again.
std::vector<diff::Relocation> resolve_relocations(const catalog::Catalog& current,
                                                  const catalog::Catalog& desired,
                                                  const std::vector<diff::Rename>& renames);

} // namespace schemac::plan
