#pragma once

#include "catalog/catalog.h"
#include "diff/change.h"
#include "diff/step.h"

#include <vector>

/// Rendering: changes become steps (SQL plus what each step provides, removes
/// and changes), and ordered steps become a script. Decides nothing.
namespace schemac::emit {

/// The steps for every change, in change order (not yet sorted), from the
/// catalog `from` to the catalog `to` (for cast decisions and locks). With
/// `online`, changes to tables that stay take the lighter-locking way:
/// indexes built and dropped CONCURRENTLY (an index change is built under a
/// temporary name and swapped in), foreign keys and checks added NOT VALID
/// then validated in their own transaction, SET NOT NULL through a validated
/// check.
std::vector<diff::Step> build_steps(const std::vector<diff::Change>& changes,
                                    const catalog::Catalog& from, const catalog::Catalog& to,
                                    bool online = true);

/// The ALTER ... RENAME steps for `renames` (in the order resolution gives:
/// schemas, relations, then what tables and types hold), or with `back` the
/// steps that undo them, in the opposite order.
std::vector<diff::Step> rename_steps(const std::vector<diff::Rename>& renames, bool back);

/// Adds to ordered steps the locks PostgreSQL takes on partitions: a change
/// to a partitioned table's columns, constraints, indexes or triggers, or its
/// drop, takes the parent's lock on every partition attached at that point of
/// the migration (partitions join and leave as the steps run).
void lock_partitions(std::vector<diff::Step>& ordered, const catalog::Catalog& from);

/// The SQL of ordered steps: each statement ends with ';', steps are
/// separated by a blank line, hazards are noted in comments above their step.
std::string render_script(const std::vector<diff::Step>& steps);

/// A migration file: a header comment naming `title` and one line per step,
/// then each step after a `-- schemac:step` marker line, so the runtime can
/// run the steps one by one (`-- schemac:no-transaction` marks a step that
/// cannot run inside a transaction).
std::string render_migration(const std::vector<diff::Step>& steps, const std::string& title);

} // namespace schemac::emit
