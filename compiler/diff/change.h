#pragma once

#include "catalog/catalog.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

/// Changes: what must happen to one object, decided by comparing two catalogs.
/// A closed variant, dispatched with std::visit, so an unhandled change fails
/// to compile in every renderer.
namespace schemac::diff {

template <class T> struct Create { T object; };

/// A drop. `implied` lists the objects PostgreSQL drops along with it (a
/// table's columns, constraints and indexes, a sequence owned by a dropped
/// column), so they get no steps of their own.
template <class T> struct Drop {
    T object;
    std::vector<catalog::ObjectKey> implied;
};

template <class T> struct Alter {
    T from;
    T to;
};

/// CREATE TABLE with its columns and the constraints written inline.
struct CreateTable {
    catalog::Table table;
    std::vector<catalog::Column> columns;
    std::vector<catalog::Constraint> constraints;
};

/// New enum values, added in place with ADD VALUE ... BEFORE / AFTER.
struct AddEnumValues {
    catalog::EnumType from;
    catalog::EnumType to;
};

/// Values removed or reordered: the type is rebuilt under a temporary name and
/// the columns that use it are converted through text.
struct RebuildEnum {
    catalog::EnumType from;
    catalog::EnumType to;
    struct ColumnUse {
        catalog::Column from;
        catalog::Column to;
    };
    std::vector<ColumnUse> columns;
};

/// ALTER SEQUENCE ... OWNED BY (a separate step: it needs the column).
struct SetOwnedBy {
    catalog::Sequence sequence;
    /// The sequence exists before and stays: the step releases it from the
    /// column that owns it now, before that column goes. A sequence created
    /// (or created again) has no owner to leave.
    bool releases = false;
};

/// A default that calls a function being dropped and created again: DROP
/// DEFAULT before the function goes, SET DEFAULT once it is back.
struct ResetDefault {
    catalog::Column column; ///< as it ends up
};

/// GRANT and REVOKE for one grantee on one object: `revoke` runs first (it
/// also takes a grant option away), then `grant`.
struct SetPrivileges {
    catalog::ObjectKey target;
    std::string grantee;
    std::vector<catalog::Privilege> revoke;
    std::vector<catalog::Privilege> grant;
    /// The grantee is the role the target is given to in the same
    /// migration: its entries change before OWNER TO merges them into the
    /// owner's. Any other grantee's change after it.
    bool before_owner = false;
};

/// ALTER DEFAULT PRIVILEGES for one role, schema (or all), kind of object
/// and grantee: `revoke` first, then `grant`.
struct SetDefaultPrivileges {
    catalog::ObjectKey target; ///< the schema, or a schema key with an empty name for all
    std::string role;          ///< empty: the role that runs the migration
    char objects = 'r';
    std::string grantee;
    std::vector<catalog::DefaultPrivilege> revoke;
    std::vector<catalog::DefaultPrivilege> grant;
};

/// ALTER PUBLICATION: the tables and schemas that leave it (before what
/// they name goes or changes), its options, then those that join (once what
/// they name exists). A member whose column list or row filter changes
/// leaves and joins again, and so does one in `rejoin`: a table that is
/// rebuilt (its drop takes it out of the publication) or a column of its
/// list or filter that is dropped or retyped (PostgreSQL refuses either
/// while the publication names it).
struct AlterPublication {
    catalog::Publication from;
    catalog::Publication to;
    std::vector<catalog::ObjectKey> rejoin;
};

/// ALTER ... OWNER TO `owner`; empty gives the object to whoever runs the
/// migration (CURRENT_USER).
struct SetOwner {
    catalog::ObjectKey target;
    std::string owner;
};

/// COMMENT ON ... IS; nullopt removes the comment.
struct SetComment {
    catalog::ObjectKey target;
    std::optional<std::string> comment;
    /// What the target is part of where no step makes the target itself (a
    /// view for its column, a key for its index): the comment comes after it.
    std::optional<catalog::ObjectKey> within = std::nullopt;
};

using Change = std::variant<                                                //
    Create<catalog::Schema>, Drop<catalog::Schema>,                         //
    Create<catalog::Extension>, Drop<catalog::Extension>,                   //
    Create<catalog::EnumType>, Drop<catalog::EnumType>, AddEnumValues,      //
    RebuildEnum,                                                            //
    Create<catalog::Sequence>, Drop<catalog::Sequence>,                     //
    Alter<catalog::Sequence>, SetOwnedBy,                                   //
    CreateTable, Drop<catalog::Table>, Alter<catalog::Table>,               //
    Create<catalog::Column>, Drop<catalog::Column>, Alter<catalog::Column>, //
    Create<catalog::Constraint>, Drop<catalog::Constraint>,                 //
    Alter<catalog::Constraint>,                                             //
    Create<catalog::Index>, Drop<catalog::Index>,                           //
    Create<catalog::Function>, Drop<catalog::Function>,                     //
    Alter<catalog::Function>,                                               //
    Create<catalog::View>, Drop<catalog::View>, Alter<catalog::View>,       //
    Create<catalog::Trigger>, Drop<catalog::Trigger>,                       //
    Alter<catalog::Trigger>,                                                //
    Create<catalog::Policy>, Drop<catalog::Policy>, Alter<catalog::Policy>, //
    Create<catalog::Domain>, Drop<catalog::Domain>, Alter<catalog::Domain>, //
    Create<catalog::CompositeType>, Drop<catalog::CompositeType>,           //
    Alter<catalog::CompositeType>,                                          //
    Create<catalog::Publication>, Drop<catalog::Publication>,               //
    AlterPublication,                                                       //
    Create<catalog::Rule>, Drop<catalog::Rule>, Alter<catalog::Rule>,       //
    Create<catalog::ForeignObject>, Drop<catalog::ForeignObject>,           //
    Alter<catalog::ForeignObject>,                                          //
    Create<catalog::RangeType>, Drop<catalog::RangeType>,                   //
    Create<catalog::Collation>, Drop<catalog::Collation>,                   //
    Create<catalog::EventTrigger>, Drop<catalog::EventTrigger>,             //
    Alter<catalog::EventTrigger>,                                           //
    Create<catalog::Statistics>, Drop<catalog::Statistics>,                 //
    Alter<catalog::Statistics>,                                             //
    ResetDefault, SetPrivileges, SetDefaultPrivileges, SetComment, SetOwner>;

/// ALTER ... RENAME, asked for by the tree (`-- schemac:renamed-from`) and
/// run before the catalogs' differences. `object` carries the desired schema
/// and table: renames run schemas first, then relations, then columns,
/// constraints and enum values, so a parent already has its new name.
struct Rename {
    catalog::ObjectKey object; ///< its desired key; for an enum value, the type's
    std::string from;          ///< old name, or old enum value
    std::string to;            ///< new name, or new enum value
    bool enum_value = false;
    /// Why, when not annotated: `users_pkey` follows its table `users`.
    std::string implied_by;
    /// Its key in the current state, before any rename (of its schema or
    /// table too) has run; for an enum value, its type's.
    catalog::ObjectKey current;

    /// The key it has before (`from`) or after (`to`) the rename runs.
    catalog::ObjectKey before() const;
    catalog::ObjectKey after() const;
    auto operator<=>(const Rename&) const = default;
};

/// ALTER EXTENSION ... SET SCHEMA: a relocatable extension that lives in
/// another schema on each side moves there with its objects, and what uses
/// them (a column of its type, an index on its operator class) keeps them.
/// Like renames, it runs before the catalogs' differences.
struct Relocation {
    std::string extension;
    std::string from; ///< its schema in the current state, once renames ran
    std::string to;   ///< its schema in the desired state
    /// `to` does not exist yet: it is created before the move, and dropped
    /// after the move back.
    bool creates_schema = false;
    auto operator<=>(const Relocation&) const = default;
};

/// The key of the object a change is about.
catalog::ObjectKey key_of(const Change& change);

/// A change for a reviewer: what happens to which object.
struct ChangeSummary {
    std::string symbol; ///< + create, ~ alter, - drop, ± rebuild
    std::string action; ///< create, alter, drop, rebuild
    std::string object; ///< `table public.tenants`
    std::string detail; ///< `comment`, or empty
};
ChangeSummary summary_of(const Change& change);
ChangeSummary summary_of(const Rename& rename);
ChangeSummary summary_of(const Relocation& relocation);
/// `+ table public.tenants`, `~ column ... (comment)`, `± type ... (rebuilt)`.
std::string summary_line(const ChangeSummary& summary);

/// summary_line(summary_of(change)).
std::string summarize(const Change& change);

/// Compares two catalogs: the changes that take `from` to `to`, in key order.
std::vector<Change> diff(const catalog::Catalog& from, const catalog::Catalog& to);

} // namespace schemac::diff
