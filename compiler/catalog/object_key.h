#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace schemac::catalog {

/// Every kind of object schemac knows about. Keep in step with k_kind_info.
enum class Kind : std::uint8_t {
    Schema,
    Extension,
    Enum,
    Sequence,
    Table,
    Column,
    Constraint,
    Index,
    Function,
    Procedure,
    View,
    MaterializedView,
    Trigger,
    Policy,
    Domain,
    CompositeType,
};

struct KindInfo {
    Kind kind;
    std::string_view name;    ///< human name: "table", "column", ...
    std::string_view keyword; ///< SQL keyword used by COMMENT ON / DROP: "TABLE", ...
    int priority;             ///< creation order tie-break (pg_dump's dbObjectTypePriority)
};

inline constexpr std::array k_kind_info{
    KindInfo{Kind::Schema, "schema", "SCHEMA", 1},
    KindInfo{Kind::Extension, "extension", "EXTENSION", 2},
    KindInfo{Kind::Enum, "type", "TYPE", 3},
    KindInfo{Kind::Sequence, "sequence", "SEQUENCE", 5},
    KindInfo{Kind::Table, "table", "TABLE", 6},
    KindInfo{Kind::Column, "column", "COLUMN", 7},
    KindInfo{Kind::Constraint, "constraint", "CONSTRAINT", 9},
    KindInfo{Kind::Index, "index", "INDEX", 10},
    KindInfo{Kind::Function, "function", "FUNCTION", 8},
    KindInfo{Kind::Procedure, "procedure", "PROCEDURE", 8},
    KindInfo{Kind::View, "view", "VIEW", 11},
    KindInfo{Kind::MaterializedView, "materialized view", "MATERIALIZED VIEW", 12},
    KindInfo{Kind::Trigger, "trigger", "TRIGGER", 13},
    KindInfo{Kind::Policy, "policy", "POLICY", 14},
    KindInfo{Kind::Domain, "domain", "DOMAIN", 4},
    KindInfo{Kind::CompositeType, "type", "TYPE", 4},
};
static_assert(k_kind_info.size() == static_cast<std::size_t>(Kind::CompositeType) + 1,
              "k_kind_info must list every Kind");

constexpr const KindInfo& kind_info(Kind kind) {
    return k_kind_info[static_cast<std::size_t>(kind)];
}

/// The identity of an object: kind, schema, name and, where the name alone is
/// not unique, the parent (the table of a column, constraint or trigger) or the
/// argument types (functions). Ordered, so every container keyed by it iterates
/// deterministically.
struct ObjectKey {
    Kind kind = Kind::Schema;
    std::string schema; ///< empty for schemas and extensions
    std::string parent; ///< table name for columns, constraints, triggers, policies
    std::string name;
    std::string args; ///< argument types of functions, empty otherwise

    auto operator<=>(const ObjectKey&) const = default;
    bool operator==(const ObjectKey&) const = default;
};

ObjectKey schema_key(std::string name);
ObjectKey extension_key(std::string name);
ObjectKey relation_key(Kind kind, std::string schema, std::string name);
ObjectKey child_key(Kind kind, std::string schema, std::string table, std::string name);

/// The key of the table that owns a column, constraint or index key.
ObjectKey table_of(const ObjectKey& child);

/// A short human description: `table public.tenants`, `column public.tenants.name`.
std::string describe(const ObjectKey& key);

/// The SQL that names the object after its keyword: `public.tenants`, `"Foo"`.
std::string qualified_name(const ObjectKey& key);

} // namespace schemac::catalog
