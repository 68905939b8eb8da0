#pragma once

// Internal to diff: the decisions shared by the per-kind files.

#include "diff/change.h"

#include <map>
#include <set>

namespace schemac::diff {

/// Equal but for the comment (comments change by COMMENT ON, never by rebuild).
template <class T> bool same_definition(T a, const T& b) {
    a.comment = b.comment;
    return a == b;
}

/// What happens to each object, before changes are written.
struct Decisions {
    std::set<catalog::ObjectKey> drop;   ///< dropped, or dropped to be recreated
    std::set<catalog::ObjectKey> create; ///< created, or recreated
    std::set<catalog::ObjectKey> alter;  ///< changed in place
    std::set<catalog::ObjectKey> rebuild_enum;
    /// Columns that stay but whose default calls a function being replaced.
    std::set<catalog::ObjectKey> reset_default;
    /// Publication -> its member tables that leave and join it again
    /// (AlterPublication::rejoin).
    std::map<catalog::ObjectKey, std::vector<catalog::ObjectKey>> rejoin;

    bool rebuilt(const catalog::ObjectKey& key) const {
        return drop.contains(key) && create.contains(key);
    }
};

/// Whether `from` must be dropped and created again to become `to`, one
/// overload per type of object (a kind without one fails to compile): false
/// when it changes in place (by ALTER, CREATE OR REPLACE, VALIDATE, ...).
bool needs_rebuild(const catalog::Schema& from, const catalog::Schema& to);
bool needs_rebuild(const catalog::Extension& from, const catalog::Extension& to);
bool needs_rebuild(const catalog::EnumType& from, const catalog::EnumType& to);
bool needs_rebuild(const catalog::Sequence& from, const catalog::Sequence& to);
/// A table cannot become partitioned, or change its partition key, in place.
bool needs_rebuild(const catalog::Table& from, const catalog::Table& to);
/// A generation expression cannot be changed in place.
bool needs_rebuild(const catalog::Column& from, const catalog::Column& to);
/// Only NOT VALID -> valid changes in place, by VALIDATE CONSTRAINT.
bool needs_rebuild(const catalog::Constraint& from, const catalog::Constraint& to);
bool needs_rebuild(const catalog::Index& from, const catalog::Index& to);
/// CREATE OR REPLACE cannot change the argument list (names, defaults) or result.
bool needs_rebuild(const catalog::Function& from, const catalog::Function& to);
/// CREATE OR REPLACE VIEW cannot: a materialized view, other options, or
/// columns that do not start with the old ones.
bool needs_rebuild(const catalog::View& from, const catalog::View& to);
bool needs_rebuild(const catalog::Trigger& from, const catalog::Trigger& to);
/// ALTER POLICY cannot change the command or permissiveness, or remove a
/// USING / WITH CHECK clause.
bool needs_rebuild(const catalog::Policy& from, const catalog::Policy& to);
/// A domain's base type or collation cannot change in place.
bool needs_rebuild(const catalog::Domain& from, const catalog::Domain& to);
bool needs_rebuild(const catalog::CompositeType& from, const catalog::CompositeType& to);
bool needs_rebuild(const catalog::Rule& from, const catalog::Rule& to);
bool needs_rebuild(const catalog::ForeignObject& from, const catalog::ForeignObject& to);
bool needs_rebuild(const catalog::RangeType& from, const catalog::RangeType& to);
bool needs_rebuild(const catalog::Collation& from, const catalog::Collation& to);
bool needs_rebuild(const catalog::EventTrigger& from, const catalog::EventTrigger& to);
bool needs_rebuild(const catalog::Statistics& from, const catalog::Statistics& to);
/// No ALTER PUBLICATION turns FOR ALL TABLES on or off.
bool needs_rebuild(const catalog::Publication& from, const catalog::Publication& to);

/// True when `to` only adds values to `from`, keeping their order.
bool enum_only_adds(const catalog::EnumType& from, const catalog::EnumType& to);

/// Columns that exist on both sides, unchanged in kind, whose type is the enum.
std::vector<RebuildEnum::ColumnUse> enum_users(const catalog::Catalog& from,
                                               const catalog::Catalog& to,
                                               const catalog::EnumType& type,
                                               const Decisions& decisions);

} // namespace schemac::diff
