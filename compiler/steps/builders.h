#pragma once

// Internal to steps: one builder per change kind.

#include "catalog/catalog.h"
#include "diff/change.h"
#include "steps/step.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace schemac::steps {

using Steps = std::vector<Step>;

struct Context {
    const catalog::Catalog& from;
    const catalog::Catalog& to;
    bool online = true;
    /// Indexes dropped and created again on a table that stays: built anew
    /// under a temporary name, then swapped in (online only).
    std::set<catalog::ObjectKey> swapped_indexes{};
    /// What the migration drops, with what goes along with it.
    std::set<catalog::ObjectKey> dropped{};
    /// The desired state's indexes by their table, and the partitions' parts
    /// of partitioned indexes by the index they are part of.
    std::multimap<catalog::ObjectKey, const catalog::Index*> indexes_on{}, parts_of{};

    /// The table exists before and after: online strategies apply to it.
    /// Not to partitioned tables and partitions: PostgreSQL builds no index
    /// CONCURRENTLY on a partitioned table, nor adds a NOT VALID foreign key.
    bool lives_on(const catalog::ObjectKey& table) const {
        auto before = from.tables.find(table);
        auto after = to.tables.find(table);
        return online && before != from.tables.end() && after != to.tables.end() &&
               !before->second.partitioned_or_partition() &&
               !after->second.partitioned_or_partition() && !after->second.server;
    }
};

/// `OPTIONS (name 'value', ...)` of a wrapper, server, user mapping or
/// foreign table (`owner`), empty when there are none; a secret's value is
/// the placeholder the runtime fills from the environment.
std::string options_clause(const catalog::ObjectKey& owner,
                           const std::vector<catalog::ForeignOption>& options);
/// `OPTIONS (DROP a, SET b '...', ADD c '...')` from `from` to `to`, or
/// empty when they are the same.
std::string options_change(const catalog::ObjectKey& owner,
                           const std::vector<catalog::ForeignOption>& from,
                           const std::vector<catalog::ForeignOption>& to);

/// `base` + `suffix`, `base` cut (on a character boundary) so the whole fits
/// in PostgreSQL's 63-byte identifiers.
std::string temporary_name(const std::string& base, const std::string& suffix);

/// A step for `key` doing `action` with one statement.
Step make_step(const catalog::ObjectKey& key, Action action, std::string sql);
/// The same, providing `key`.
Step create_step(const catalog::ObjectKey& key, std::string sql);
/// The same, changing `key` in place.
Step alter_step(const catalog::ObjectKey& key, std::string sql);
/// The same, removing `key` and what goes with it.
Step drop_step(const catalog::ObjectKey& key, std::string sql,
               const std::vector<catalog::ObjectKey>& implied);
/// `DROP <keyword> <qualified name>` (a function with its argument types, a
/// trigger or policy ON its table).
Step drop_object(const catalog::ObjectKey& key, const std::vector<catalog::ObjectKey>& implied);

/// A partition's own key whose index becomes its part of an index the
/// parent has before and after the migration, unchanged.
bool joins_existing_parent_index(const catalog::Constraint& con, const Context& context);

/// The key an ATTACH PARTITION step of a new partition provides for `table`:
/// its own indexes wait for it, or ATTACH would take one as its part.
catalog::ObjectKey joined(catalog::ObjectKey table);

/// The key a DETACH PARTITION step provides for `table`.
catalog::ObjectKey detached(catalog::ObjectKey table);

/// The parts the partitions of partitioned `table` have of its key or index
/// `key`, which PostgreSQL drops with it: those of partitions that stay
/// attached as they are (one detached, or re-bounded, keeps its own).
std::vector<catalog::ObjectKey> parts_dropped_with(const catalog::ObjectKey& key,
                                                   const catalog::ObjectKey& table,
                                                   const Context& context);

/// `ALTER TABLE schema.table ` for a column / constraint key or a table key;
/// `ALTER TABLE ONLY ...` when `only`.
std::string alter_table(const catalog::ObjectKey& key, bool only = false);

/// The tables that inherit from `table` in the current state (INHERITS, not
/// partitions), and the tables that inherit from those, but those that leave
/// it: `step`, when given, waits for them to (NO INHERIT).
std::vector<catalog::ObjectKey> inheritors(const catalog::ObjectKey& table, const Context& context,
                                           Step* step = nullptr);
/// A change PostgreSQL carries down to the tables that inherit from `table`
/// (ADD and DROP COLUMN, ALTER COLUMN TYPE, a CHECK) locks them as it does
/// `table`.
void lock_inheritors(Step& step, const catalog::ObjectKey& table, LockMode mode,
                     const Context& context);

/// What a partition held as its parent's changes only once it is detached:
/// the step waits for the detach.
void after_detach(Step& step, const catalog::ObjectKey& table, const Context& context);

/// Adding a foreign key takes SHARE ROW EXCLUSIVE on both tables; dropping
/// one removes its triggers from both, under ACCESS EXCLUSIVE.
void lock_referenced(Step& step, const catalog::Constraint& c, LockMode mode);

/// The foreign keys a drop takes with it lock their referenced tables too.
void lock_implied(Step& step, const std::vector<catalog::ObjectKey>& implied,
                  const Context& context);

/// A lock held on an existing table through a build or a scan of it.
Hazard long_lock(LockMode mode, const catalog::ObjectKey& table, const std::string& what);

/// A step that fails on existing rows unless they are made to fit first:
/// `rows` (of `table`, or of tables using a domain when none) says which,
/// and the data phase is where to do it.
Hazard needs_data(const std::string& rows, std::optional<catalog::ObjectKey> table = std::nullopt);

/// An index built concurrently on an existing table.
Hazard concurrent_build(const catalog::ObjectKey& index, const catalog::ObjectKey& table);

/// `CONSTRAINT name definition`, as CREATE TABLE and ADD CONSTRAINT take it.
std::string constraint_clause(const catalog::Constraint& c);

/// Column definition as in CREATE TABLE / ADD COLUMN: `name type ... NOT NULL`.
std::string column_definition(const catalog::Column& column);

Steps build(const diff::Create<catalog::Schema>&, const Context&);
Steps build(const diff::Drop<catalog::Schema>&, const Context&);
Steps build(const diff::Create<catalog::Extension>&, const Context&);
Steps build(const diff::Drop<catalog::Extension>&, const Context&);
Steps build(const diff::Create<catalog::EnumType>&, const Context&);
Steps build(const diff::Drop<catalog::EnumType>&, const Context&);
Steps build(const diff::AddEnumValues&, const Context&);
Steps build(const diff::RebuildEnum&, const Context&);
Steps build(const diff::Create<catalog::Sequence>&, const Context&);
Steps build(const diff::Drop<catalog::Sequence>&, const Context&);
Steps build(const diff::Alter<catalog::Sequence>&, const Context&);
Steps build(const diff::SetOwnedBy&, const Context&);
Steps build(const diff::CreateTable&, const Context&);
Steps build(const diff::Drop<catalog::Table>&, const Context&);
Steps build(const diff::Alter<catalog::Table>&, const Context&);
Steps build(const diff::Create<catalog::Column>&, const Context&);
Steps build(const diff::Drop<catalog::Column>&, const Context&);
Steps build(const diff::Alter<catalog::Column>&, const Context&);
Steps build(const diff::Create<catalog::Constraint>&, const Context&);
Steps build(const diff::Drop<catalog::Constraint>&, const Context&);
Steps build(const diff::Alter<catalog::Constraint>&, const Context&);
Steps build(const diff::Create<catalog::Index>&, const Context&);
Steps build(const diff::Drop<catalog::Index>&, const Context&);
Steps build(const diff::Create<catalog::Function>&, const Context&);
Steps build(const diff::Alter<catalog::Function>&, const Context&);
Steps build(const diff::Drop<catalog::Function>&, const Context&);
Steps build(const diff::Create<catalog::View>&, const Context&);
Steps build(const diff::Alter<catalog::View>&, const Context&);
Steps build(const diff::Drop<catalog::View>&, const Context&);
Steps build(const diff::Create<catalog::Trigger>&, const Context&);
Steps build(const diff::Drop<catalog::Trigger>&, const Context&);
Steps build(const diff::Alter<catalog::Trigger>&, const Context&);
Steps build(const diff::Create<catalog::Policy>&, const Context&);
Steps build(const diff::Alter<catalog::Policy>&, const Context&);
Steps build(const diff::Drop<catalog::Policy>&, const Context&);
Steps build(const diff::Create<catalog::Domain>&, const Context&);
Steps build(const diff::Alter<catalog::Domain>&, const Context&);
Steps build(const diff::Drop<catalog::Domain>&, const Context&);
Steps build(const diff::Create<catalog::CompositeType>&, const Context&);
Steps build(const diff::Alter<catalog::CompositeType>&, const Context&);
Steps build(const diff::Drop<catalog::CompositeType>&, const Context&);
Steps build(const diff::Create<catalog::Rule>&, const Context&);
Steps build(const diff::Alter<catalog::Rule>&, const Context&);
Steps build(const diff::Drop<catalog::Rule>&, const Context&);
Steps build(const diff::Create<catalog::EventTrigger>&, const Context&);
Steps build(const diff::Alter<catalog::EventTrigger>&, const Context&);
Steps build(const diff::Drop<catalog::EventTrigger>&, const Context&);
Steps build(const diff::Create<catalog::Statistics>&, const Context&);
Steps build(const diff::Alter<catalog::Statistics>&, const Context&);
Steps build(const diff::Drop<catalog::Statistics>&, const Context&);
Steps build(const diff::Create<catalog::Publication>&, const Context&);
Steps build(const diff::AlterPublication&, const Context&);
Steps build(const diff::Drop<catalog::Publication>&, const Context&);
Steps build(const diff::Create<catalog::ForeignObject>&, const Context&);
Steps build(const diff::Alter<catalog::ForeignObject>&, const Context&);
Steps build(const diff::Drop<catalog::ForeignObject>&, const Context&);
Steps build(const diff::Create<catalog::RangeType>&, const Context&);
Steps build(const diff::Drop<catalog::RangeType>&, const Context&);
Steps build(const diff::Create<catalog::Collation>&, const Context&);
Steps build(const diff::Drop<catalog::Collation>&, const Context&);
Steps build(const diff::ResetDefault&, const Context&);
Steps build(const diff::SetPrivileges&, const Context&);
Steps build(const diff::SetDefaultPrivileges&, const Context&);
Steps build(const diff::SetComment&, const Context&);
Steps build(const diff::SetOwner&, const Context&);

} // namespace schemac::steps
