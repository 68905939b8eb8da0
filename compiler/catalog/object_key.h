#pragma once

#include "catalog/kinds.h"

#include <compare>
#include <cstdint>
#include <string>

namespace schemac::catalog {

/// What a key names: the object, or a facet of it that has no catalog
/// object of its own but orders statements or steps.
enum class Facet : std::uint8_t {
    Object,
    Keys,     ///< a table's primary and unique keys, which foreign keys need
    Detached, ///< a partition once detached from its parent
    Joined,   ///< a new partition once attached to its parent
    Comment,  ///< the comment on the object (the loader's duplicate check)
    Members,  ///< a publication's tables and schemas, which it leaves and joins
    /// The default privileges objects of one kind are created with, in one
    /// schema or (empty name) in every schema.
    DefaultPrivileges,
    Owner, ///< who owns it, which its owner's privileges follow
};

/// The identity of an object: kind, schema, name and, where the name alone is
/// not unique, the parent (the table of a column, constraint or trigger) or the
/// argument types (functions). Ordered, so every container keyed by it iterates
/// deterministically.
struct ObjectKey {
    Kind kind = Kind::Schema;
    std::string schema; ///< empty for schemas and extensions
    std::string parent; ///< table name for columns, constraints, triggers, policies
    std::string name;
    std::string args; ///< argument types of functions and procedures, empty otherwise
    /// Not the object itself but something about it that the ordering of
    /// statements or steps needs a name for (see Facet).
    Facet facet = Facet::Object;

    auto operator<=>(const ObjectKey&) const = default;
    bool operator==(const ObjectKey&) const = default;
};

ObjectKey schema_key(std::string name);
ObjectKey extension_key(std::string name);
ObjectKey publication_key(std::string name);
/// The default privileges of the objects of kind `objects` (as
/// pg_default_acl.defaclobjtype spells it) created in `schema`, or in every
/// schema when it is empty: what ALTER DEFAULT PRIVILEGES changes, and what an
/// object created later takes.
ObjectKey default_privileges_key(std::string schema, char objects);
/// A foreign-data wrapper's or server's key.
ObjectKey global_key(Kind kind, std::string name);
/// `role` as SQL writes it: a quoted name, CURRENT_USER or PUBLIC.
ObjectKey user_mapping_key(std::string server, std::string role);
ObjectKey relation_key(Kind kind, std::string schema, std::string name);
ObjectKey child_key(Kind kind, std::string schema, std::string table, std::string name);

/// The key of the table that owns a column, constraint, trigger or policy key.
ObjectKey table_of(const ObjectKey& child);

/// The table itself for a table key, else the table that owns it.
ObjectKey table_of_object(const ObjectKey& key);

/// `key` naming its facet `facet` instead of the object.
ObjectKey facet_of(ObjectKey key, Facet facet);

/// A short human description: `table public.tenants`, `column public.tenants.name`.
std::string describe(const ObjectKey& key);

/// The SQL that names the object after its keyword: `public.tenants`, `"Foo"`.
std::string qualified_name(const ObjectKey& key);

} // namespace schemac::catalog
