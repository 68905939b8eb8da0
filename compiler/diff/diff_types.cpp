#include "diff/diff_internal.h"

#include "catalog/quote.h"

#include <algorithm>

namespace schemac::diff {

bool enum_only_adds(const catalog::EnumType& from, const catalog::EnumType& to) {
    // `from` must be a subsequence of `to`.
    std::size_t i = 0;
    for (const auto& value : to.values)
        if (i < from.values.size() && value == from.values[i])
            ++i;
    return i == from.values.size() && to.values.size() > from.values.size();
}

std::vector<RebuildEnum::ColumnUse> enum_users(const catalog::Catalog& from,
                                               const catalog::Catalog& to,
                                               const catalog::EnumType& type,
                                               const Decisions& decisions) {
    std::string name = catalog::quote_qualified(type.key.schema, type.key.name);
    std::vector<RebuildEnum::ColumnUse> out;
    for (const auto& [key, column] : to.columns) {
        if (column.type != name && column.type != name + "[]")
            continue;
        auto old = from.columns.find(key);
        if (old == from.columns.end() || old->second.type != column.type ||
            decisions.drop.contains(key))
            continue;
        out.push_back({old->second, column});
    }
    return out;
}

bool needs_rebuild(const catalog::Schema&, const catalog::Schema&) {
    return false;
}

bool needs_rebuild(const catalog::Extension&, const catalog::Extension&) {
    return true;
}

bool needs_rebuild(const catalog::EnumType&, const catalog::EnumType&) {
    return false; // values are added in place, or the type is rebuilt (RebuildEnum)
}

bool needs_rebuild(const catalog::Sequence&, const catalog::Sequence&) {
    return false;
}

bool needs_rebuild(const catalog::Table& from, const catalog::Table& to) {
    // No ALTER moves a foreign table to another server, or makes it local.
    return from.partition_by != to.partition_by || from.server != to.server;
}

bool needs_rebuild(const catalog::Column& from, const catalog::Column& to) {
    return to.generated_expr && from.generated_expr != to.generated_expr;
}

bool needs_rebuild(const catalog::Constraint& from, const catalog::Constraint& to) {
    return !(from.type == to.type && from.definition == to.definition + " NOT VALID");
}

bool needs_rebuild(const catalog::Index&, const catalog::Index&) {
    return true;
}

bool needs_rebuild(const catalog::Function& from, const catalog::Function& to) {
    return from.signature != to.signature;
}

bool needs_rebuild(const catalog::View& from, const catalog::View& to) {
    return !catalog::kind_info(from.key.kind).replaceable || from.options != to.options ||
           to.columns.size() < from.columns.size() ||
           !std::equal(from.columns.begin(), from.columns.end(), to.columns.begin());
}

bool needs_rebuild(const catalog::Trigger& from, const catalog::Trigger& to) {
    return from.definition != to.definition; // else only ENABLE / DISABLE
}

bool needs_rebuild(const catalog::Policy& from, const catalog::Policy& to) {
    return from.command != to.command || from.permissive != to.permissive ||
           (from.using_expr && !to.using_expr) || (from.check_expr && !to.check_expr);
}

bool needs_rebuild(const catalog::Domain& from, const catalog::Domain& to) {
    return from.base_type != to.base_type || from.collation != to.collation;
}

bool needs_rebuild(const catalog::CompositeType&, const catalog::CompositeType&) {
    return false;
}

bool needs_rebuild(const catalog::Rule&, const catalog::Rule&) {
    return false; // CREATE OR REPLACE RULE
}

bool needs_rebuild(const catalog::Collation&, const catalog::Collation&) {
    return true; // ALTER COLLATION only renames and refreshes its version
}

bool needs_rebuild(const catalog::RangeType&, const catalog::RangeType&) {
    return true; // no ALTER TYPE changes a range's definition
}

bool needs_rebuild(const catalog::ForeignObject& from, const catalog::ForeignObject& to) {
    // ALTER SERVER changes its version and options, not its type or wrapper.
    return from.wrapper != to.wrapper || from.type != to.type;
}

bool needs_rebuild(const catalog::EventTrigger& from, const catalog::EventTrigger& to) {
    // ALTER EVENT TRIGGER only enables and disables it.
    return from.event != to.event || from.tags != to.tags || from.function != to.function;
}

bool needs_rebuild(const catalog::Statistics& from, const catalog::Statistics& to) {
    // ALTER STATISTICS sets only its target (besides names and owner).
    return from.definition != to.definition || from.table != to.table;
}

bool needs_rebuild(const catalog::Publication& from, const catalog::Publication& to) {
    return from.all_tables != to.all_tables;
}

} // namespace schemac::diff
