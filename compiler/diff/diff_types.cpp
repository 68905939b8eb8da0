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

bool column_needs_rebuild(const catalog::Column& from, const catalog::Column& to) {
    return to.generated_expr && from.generated_expr != to.generated_expr;
}

bool constraint_alters_in_place(const catalog::Constraint& from, const catalog::Constraint& to) {
    return from.type == to.type && from.definition == to.definition + " NOT VALID";
}

bool function_needs_rebuild(const catalog::Function& from, const catalog::Function& to) {
    return from.signature != to.signature;
}

bool view_needs_rebuild(const catalog::View& from, const catalog::View& to) {
    return from.key.kind == catalog::Kind::MaterializedView || from.options != to.options ||
           to.columns.size() < from.columns.size() ||
           !std::equal(from.columns.begin(), from.columns.end(), to.columns.begin());
}

bool policy_needs_rebuild(const catalog::Policy& from, const catalog::Policy& to) {
    return from.command != to.command || from.permissive != to.permissive ||
           (from.using_expr && !to.using_expr) || (from.check_expr && !to.check_expr);
}

} // namespace schemac::diff
