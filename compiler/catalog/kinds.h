#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

/// The one table of object kinds: what each kind is called, where it sorts,
/// how it is named, and the facts about it that the stages act on. A stage
/// asks the table (`kind_info(kind).blocks_drop`), never lists kinds itself.
/// Where a kind's objects are held is declared beside the Catalog
/// (catalog.h, ObjectsOf), so a kind added here without its container, its
/// query (introspect) or its steps (steps) fails to compile.
namespace schemac::catalog {

/// Every kind of object schemac knows about. The order is part of ObjectKey's
/// order, and so of every output: append, never reorder.
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
    Publication,
    Rule,
    ForeignDataWrapper,
    Server,
    UserMapping,
    RangeType,
    Collation,
    Aggregate,
    EventTrigger,
    Statistics,
};

/// PostgreSQL's table-level lock modes, weakest first.
enum class LockMode : std::uint8_t {
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

/// How an object is named in SQL after its keyword.
enum class Naming : std::uint8_t {
    Global,   ///< `name`: schemas, extensions
    InSchema, ///< `schema.name`
    Column,   ///< `schema.table.name`
    OnTable,  ///< `name ON schema.table`
    Routine,  ///< `schema.name(argument types)`
    Mapping,  ///< `FOR role SERVER server`: a user mapping (the role is its name)
};

struct KindInfo {
    Kind kind;
    std::string_view name;    ///< human name: "table", "column", ...
    std::string_view keyword; ///< SQL keyword of COMMENT ON, DROP, ALTER: "TABLE", ...
    int priority;             ///< creation order tie-break (pg_dump's dbObjectTypePriority)
    Naming naming;
    /// What GRANT names it as (`TABLE` for a view), or "" when it takes no
    /// privileges of its own; a column's are granted on its table.
    std::string_view grant_keyword = "";
    /// The objects ALTER DEFAULT PRIVILEGES names it among, as
    /// pg_default_acl.defaclobjtype spells them ('r' for TABLES), or 0 when
    /// it is created without default privileges.
    char default_privileges = 0;
    /// PostgreSQL refuses to drop what it uses while it exists (no CASCADE
    /// here): it is dropped first and created again after.
    bool blocks_drop = false;
    /// ALTER COLUMN TYPE carries it along by itself (rebuilds an index or a
    /// constraint, converts the column); everything else that blocks a drop
    /// is rebuilt around a column whose type changes.
    bool carried_by_alter_type = false;
    /// CREATE OR REPLACE changes it in place.
    bool replaceable = false;
    /// Renamed, and its comment taken, through ALTER TABLE of its table
    /// (RENAME COLUMN / CONSTRAINT).
    bool altered_through_table = false;
    /// In a partition it is the parent's: created, attached and dropped with
    /// it, compared only once the partition is detached.
    bool held_by_partition_parent = false;
    /// A change to it on a partitioned table reaches every attached partition
    /// (with the same lock).
    bool recurses_to_partitions = false;
    /// Its CREATE sets its comment (an extension's own).
    bool created_with_comment = false;
    /// The lock COMMENT ON takes on its table (its own, for a table).
    std::optional<LockMode> comment_lock = std::nullopt;
    /// Its owner is compared (ALTER ... OWNER TO); false where it follows
    /// another object's or must be a superuser.
    bool owned = false;
};

// clang-format off
inline constexpr std::array k_kind_info{
    KindInfo{.kind = Kind::Schema, .name = "schema", .keyword = "SCHEMA", .priority = 1,
             .naming = Naming::Global, .grant_keyword = "SCHEMA", .default_privileges = 'n', .owned = true},
    KindInfo{.kind = Kind::Extension, .name = "extension", .keyword = "EXTENSION", .priority = 2,
             .naming = Naming::Global, .created_with_comment = true},
    KindInfo{.kind = Kind::Enum, .name = "type", .keyword = "TYPE", .priority = 3,
             .naming = Naming::InSchema, .grant_keyword = "TYPE", .default_privileges = 'T', .owned = true},
    KindInfo{.kind = Kind::Sequence, .name = "sequence", .keyword = "SEQUENCE", .priority = 5,
             .naming = Naming::InSchema, .grant_keyword = "SEQUENCE", .default_privileges = 'S', .owned = true},
    KindInfo{.kind = Kind::Table, .name = "table", .keyword = "TABLE", .priority = 6,
             .naming = Naming::InSchema, .grant_keyword = "TABLE", .default_privileges = 'r',
             .comment_lock = LockMode::ShareUpdateExclusive, .owned = true},
    KindInfo{.kind = Kind::Column, .name = "column", .keyword = "COLUMN", .priority = 7,
             .naming = Naming::Column, .grant_keyword = "TABLE", .carried_by_alter_type = true,
             .altered_through_table = true, .held_by_partition_parent = true,
             .recurses_to_partitions = true, .comment_lock = LockMode::ShareUpdateExclusive},
    KindInfo{.kind = Kind::Constraint, .name = "constraint", .keyword = "CONSTRAINT",
             .priority = 9, .naming = Naming::OnTable, .blocks_drop = true,
             .carried_by_alter_type = true, .altered_through_table = true,
             .held_by_partition_parent = true, .recurses_to_partitions = true,
             .comment_lock = LockMode::AccessShare},
    KindInfo{.kind = Kind::Index, .name = "index", .keyword = "INDEX", .priority = 10,
             .naming = Naming::InSchema, .blocks_drop = true, .carried_by_alter_type = true,
             .held_by_partition_parent = true, .recurses_to_partitions = true},
    KindInfo{.kind = Kind::Function, .name = "function", .keyword = "FUNCTION", .priority = 8,
             .naming = Naming::Routine, .grant_keyword = "FUNCTION", .default_privileges = 'f', .blocks_drop = true,
             .replaceable = true, .owned = true},
    KindInfo{.kind = Kind::Procedure, .name = "procedure", .keyword = "PROCEDURE", .priority = 8,
             .naming = Naming::Routine, .grant_keyword = "PROCEDURE", .default_privileges = 'f', .blocks_drop = true,
             .replaceable = true, .owned = true},
    KindInfo{.kind = Kind::View, .name = "view", .keyword = "VIEW", .priority = 11,
             .naming = Naming::InSchema, .grant_keyword = "TABLE", .default_privileges = 'r', .blocks_drop = true,
             .replaceable = true, .owned = true},
    KindInfo{.kind = Kind::MaterializedView, .name = "materialized view",
             .keyword = "MATERIALIZED VIEW", .priority = 12, .naming = Naming::InSchema,
             .grant_keyword = "TABLE", .default_privileges = 'r', .blocks_drop = true, .owned = true},
    KindInfo{.kind = Kind::Trigger, .name = "trigger", .keyword = "TRIGGER", .priority = 13,
             .naming = Naming::OnTable, .blocks_drop = true, .recurses_to_partitions = true,
             .comment_lock = LockMode::AccessShare},
    KindInfo{.kind = Kind::Policy, .name = "policy", .keyword = "POLICY", .priority = 14,
             .naming = Naming::OnTable, .blocks_drop = true,
             .comment_lock = LockMode::AccessShare},
    KindInfo{.kind = Kind::Domain, .name = "domain", .keyword = "DOMAIN", .priority = 4,
             .naming = Naming::InSchema, .grant_keyword = "DOMAIN", .default_privileges = 'T', .owned = true},
    KindInfo{.kind = Kind::CompositeType, .name = "type", .keyword = "TYPE", .priority = 4,
             .naming = Naming::InSchema, .grant_keyword = "TYPE", .default_privileges = 'T', .owned = true},
    KindInfo{.kind = Kind::Publication, .name = "publication", .keyword = "PUBLICATION",
             .priority = 15, .naming = Naming::Global},
    KindInfo{.kind = Kind::Rule, .name = "rule", .keyword = "RULE", .priority = 13,
             .naming = Naming::OnTable, .blocks_drop = true, .replaceable = true,
             .comment_lock = LockMode::AccessShare},
    KindInfo{.kind = Kind::ForeignDataWrapper, .name = "foreign-data wrapper",
             .keyword = "FOREIGN DATA WRAPPER", .priority = 2, .naming = Naming::Global},
    KindInfo{.kind = Kind::Server, .name = "server", .keyword = "SERVER", .priority = 2,
             .naming = Naming::Global, .owned = true},
    KindInfo{.kind = Kind::UserMapping, .name = "user mapping", .keyword = "USER MAPPING",
             .priority = 16, .naming = Naming::Mapping, .blocks_drop = true},
    KindInfo{.kind = Kind::RangeType, .name = "type", .keyword = "TYPE", .priority = 4,
             .naming = Naming::InSchema, .grant_keyword = "TYPE", .default_privileges = 'T', .owned = true},
    KindInfo{.kind = Kind::Collation, .name = "collation", .keyword = "COLLATION", .priority = 3,
             .naming = Naming::InSchema, .owned = true},
    KindInfo{.kind = Kind::Aggregate, .name = "aggregate", .keyword = "AGGREGATE", .priority = 8,
             .naming = Naming::Routine, .grant_keyword = "FUNCTION", .default_privileges = 'f', .blocks_drop = true,
             .replaceable = true, .owned = true},
    KindInfo{.kind = Kind::EventTrigger, .name = "event trigger", .keyword = "EVENT TRIGGER",
             .priority = 17, .naming = Naming::Global},
    // Dropped with a column it names; a function its expression calls
    // cannot be dropped while it exists. ALTER COLUMN TYPE would create it
    // again without its target: it is dropped and created around it.
    KindInfo{.kind = Kind::Statistics, .name = "statistics", .keyword = "STATISTICS",
             .priority = 10, .naming = Naming::InSchema, .blocks_drop = true, .owned = true},
};
// clang-format on

inline constexpr std::size_t k_kind_count = k_kind_info.size();
static_assert(k_kind_count == static_cast<std::size_t>(Kind::Statistics) + 1,
              "k_kind_info must list every Kind");

constexpr bool kinds_in_enum_order() {
    for (std::size_t i = 0; i < k_kind_count; ++i)
        if (static_cast<std::size_t>(k_kind_info[i].kind) != i)
            return false;
    return true;
}
static_assert(kinds_in_enum_order(), "k_kind_info must be in Kind order");

constexpr const KindInfo& kind_info(Kind kind) {
    return k_kind_info[static_cast<std::size_t>(kind)];
}

/// Named outside any schema: schemas, extensions, publications, wrappers,
/// servers, user mappings and event triggers.
constexpr bool is_global(Kind kind) {
    return kind_info(kind).naming == Naming::Global || kind_info(kind).naming == Naming::Mapping;
}

/// Functions and procedures: keyed by their argument types too.
constexpr bool is_routine(Kind kind) {
    return kind_info(kind).naming == Naming::Routine;
}

} // namespace schemac::catalog
