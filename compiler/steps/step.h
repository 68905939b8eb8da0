#pragma once

#include "catalog/object_key.h"
#include "runtime/hazards.h"
#include "runtime/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::steps {

/// Data: statements of the user's that move rows (`diff --write --data`).
enum class Action { Drop, Create, Alter, Comment, Rename, Data };

/// Where a step runs in a migration (DESIGN decision 12): *expand* adds
/// without losing anything and cannot fail on existing rows; then the data
/// phase (the user's statements); then *contract*: first what checks every
/// existing row (a NOT NULL, a key, a validation, a conversion), which the
/// data phase may have to prepare, then what removes (drops).
enum class Phase { Expand, Data, Check, Remove };

using runtime::HazardKind;

/// Something a step does that a reviewer must know about.
struct Hazard {
    HazardKind kind = HazardKind::DataLoss;
    std::string message; ///< what exactly, in words
    /// The existing table it is about (a long lock held on it, its rows that
    /// must fit): none when an earlier step of the migration dropped it
    /// (it is then a table created again, which nobody else sees yet and
    /// which holds no rows).
    std::optional<catalog::ObjectKey> locked = std::nullopt;
    std::string_view name() const { return runtime::hazard_info(kind).name; }
    bool operator==(const Hazard&) const = default;
};

using catalog::LockMode;

/// "ACCESS EXCLUSIVE", as the lock table in PostgreSQL's manual names it.
std::string_view lock_name(LockMode mode);

/// A lock a step holds on a table until its transaction ends.
struct TableLock {
    catalog::ObjectKey table;
    LockMode mode = LockMode::AccessShare;
    bool operator==(const TableLock&) const = default;
};

/// One unit of a migration: data, rendered later. Built from a change by
/// steps, ordered by order, written by emit.
struct Step {
    catalog::ObjectKey key;
    Action action = Action::Create;
    std::vector<std::string> statements; ///< SQL without the trailing ';'
    std::string detail;                  ///< which part of the change, when it takes several steps
    std::vector<Hazard> hazards;
    /// The strongest lock it takes on each existing table it touches.
    std::vector<TableLock> locks;
    bool transactional = true;
    /// It drops rows (a table, a column): the reverse creates it again empty.
    bool lossy_in_reverse = false;
    /// It fails when an existing row does not satisfy what it sets (a NOT
    /// NULL, a key, a check or foreign key it validates, a conversion).
    bool checks_rows = false;

    /// Objects this step brings into existence, destroys, or changes in place;
    /// order turns these and the catalogs' dependencies into edges.
    std::vector<catalog::ObjectKey> provides;
    std::vector<catalog::ObjectKey> removes;
    std::vector<catalog::ObjectKey> modifies;
    /// Objects it only needs to exist and leaves as they are for others
    /// (COMMENT ON): ordered after their creation, and nothing else.
    std::vector<catalog::ObjectKey> touches;
    /// Objects that must exist before it, beyond the catalogs' dependencies.
    std::vector<catalog::ObjectKey> needs;
    /// Set by order: the objects whose steps it was ordered after by a
    /// dependency (not its own object's), for the plan's picture.
    std::vector<catalog::ObjectKey> ordered_after;
    /// Objects whose current dependencies it ends (ALTER SEQUENCE ... OWNED BY
    /// releases the sequence from its old column), so it runs before those go.
    std::vector<catalog::ObjectKey> releases;
    /// Objects it changes as a side effect, that no step of their own
    /// changes (a partition's column, converted by its parent's ALTER COLUMN
    /// TYPE): what uses them goes before it and comes back after, and
    /// nothing else is ordered by them.
    std::vector<catalog::ObjectKey> converts;

    /// A partition joining (CREATE TABLE ... PARTITION OF, ATTACH) or leaving
    /// (DETACH, DROP) its parent, named here: from then on, a lock on the
    /// parent that recurses reaches the partition, or no longer does.
    std::optional<catalog::ObjectKey> partition_joins;
    std::optional<catalog::ObjectKey> partition_leaves;

    /// What it holds on the partitions of a table it locks, when a kind that
    /// reaches them takes less there (a key builds each one's index under
    /// SHARE), or nothing at all when it works on the parent alone (ONLY).
    std::optional<LockMode> partition_lock;
    bool parent_alone = false;
    /// Records that the step takes `mode` on `table` (the strongest one counts).
    void lock(const catalog::ObjectKey& table, LockMode mode);

    int ordinal = 0;        ///< order among siblings (a new column's position)
    std::size_t change = 0; ///< index of the change it came from
    std::size_t part = 0;   ///< position among that change's steps
};

/// The phase `step` belongs to: what it removes, loses or checks rows for.
Phase phase_of(const Step& step);

/// `create table public.tenants`: what a step does, in words.
std::string describe_step(const Step& step);

/// The data phase's steps from a file of the user's statements (`path`, its
/// text `text`): the statements in a row that run in one transaction make
/// one step; one marked `-- schemac:batch` is a step of its own, outside a
/// transaction. An error at file:line:col when it does not parse.
Result<std::vector<Step>> data_steps(const std::string& path, const std::string& text);

/// `ordered` with `data` where the data phase goes: after every step that
/// expands, before the first that checks rows or removes.
std::vector<Step> with_data_phase(std::vector<Step> ordered, const std::vector<Step>& data);

} // namespace schemac::steps
