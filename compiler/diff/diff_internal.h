#pragma once

// Internal to diff: the decisions shared by the per-kind files.

#include "diff/change.h"

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

    bool rebuilt(const catalog::ObjectKey& key) const {
        return drop.contains(key) && create.contains(key);
    }
};

/// Whether an existing column must be dropped and added back to become `to`
/// (a generation expression cannot be changed in place).
bool column_needs_rebuild(const catalog::Column& from, const catalog::Column& to);

/// Whether a changed constraint can change in place (only NOT VALID -> valid,
/// by VALIDATE CONSTRAINT); otherwise it is dropped and added.
bool constraint_alters_in_place(const catalog::Constraint& from, const catalog::Constraint& to);

/// Whether CREATE OR REPLACE cannot turn `from` into `to`: another argument
/// list (names, defaults) or result.
bool function_needs_rebuild(const catalog::Function& from, const catalog::Function& to);

/// Whether CREATE OR REPLACE VIEW cannot turn `from` into `to`: a materialized
/// view, other options, or columns that do not start with the old ones.
bool view_needs_rebuild(const catalog::View& from, const catalog::View& to);

/// Whether ALTER POLICY cannot turn `from` into `to`: another command or
/// permissiveness, or a USING / WITH CHECK clause removed.
bool policy_needs_rebuild(const catalog::Policy& from, const catalog::Policy& to);

/// True when `to` only adds values to `from`, keeping their order.
bool enum_only_adds(const catalog::EnumType& from, const catalog::EnumType& to);

/// Columns that exist on both sides, unchanged in kind, whose type is the enum.
std::vector<RebuildEnum::ColumnUse> enum_users(const catalog::Catalog& from,
                                               const catalog::Catalog& to,
                                               const catalog::EnumType& type,
                                               const Decisions& decisions);

} // namespace schemac::diff
