#pragma once

#include "catalog/catalog.h"
#include "diff/change.h"
#include "steps/step.h"

#include <vector>

/// How each change is carried out: its steps, each with its SQL, the locks it
/// takes, its hazards, and what it provides, removes and changes (which
/// order turns into edges). Where PostgreSQL offers a lighter-locking way,
/// this is where it is chosen.
namespace schemac::steps {

/// The steps for every change, in change order (not yet sorted), from the
/// catalog `from` to the catalog `to` (for cast decisions and locks). With
/// `online`, changes to tables that stay take the lighter-locking way:
/// indexes built and dropped CONCURRENTLY (an index change is built under a
/// temporary name and swapped in), foreign keys and checks added NOT VALID
/// then validated in their own transaction, SET NOT NULL through a validated
/// check.
std::vector<Step> build_steps(const std::vector<diff::Change>& changes,
                              const catalog::Catalog& from, const catalog::Catalog& to,
                              bool online = true);

/// The ALTER ... RENAME steps for `renames` (in the order resolution gives:
/// schemas, relations, then what tables and types hold), or with `back` the
/// steps that undo them, in the opposite order.
std::vector<Step> rename_steps(const std::vector<diff::Rename>& renames, bool back);

/// The ALTER EXTENSION ... SET SCHEMA steps for `relocations`, after the
/// schemas they need are created; with `back`, the moves back, then the
/// drops of those schemas.
std::vector<Step> relocation_steps(const std::vector<diff::Relocation>& relocations, bool back);

/// Adds to ordered steps the locks PostgreSQL takes on partitions: a change
/// to a partitioned table's columns, constraints, indexes or triggers, or its
/// drop, takes the parent's lock on every partition attached at that point of
/// the migration (partitions join and leave as the steps run).
void lock_partitions(std::vector<Step>& ordered, const catalog::Catalog& from);

/// Takes from ordered steps the locks on a table that an earlier step
/// dropped, and the long-lock hazards on it: what they lock is the table
/// created again, which nobody else sees before the migration commits.
void forget_dropped_tables(std::vector<Step>& ordered);

} // namespace schemac::steps
