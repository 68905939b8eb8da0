#pragma once

#include "catalog/object_key.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

/// The model every stage shares: catalog objects as value types keyed by
/// ObjectKey. `load`, `shadow` and `introspect` fill it, `diff` compares two.
/// Objects refer to each other by key, never by pointer.
namespace schemac::catalog {

using Oid = std::uint32_t;

/// Fields every object has. `oid` is the server's identity of the object in
/// the database it was read from; it is never compared.
struct ObjectBase {
    ObjectKey key;
    std::optional<std::string> comment;
    Oid oid = 0;
};

struct Schema : ObjectBase {
    bool operator==(const Schema& o) const { return key == o.key && comment == o.comment; }
};

struct Extension : ObjectBase {
    std::string schema; ///< the schema its objects live in
    /// ALTER EXTENSION ... SET SCHEMA can move it (pg_extension.extrelocatable);
    /// a fact of its control file, never a difference.
    bool relocatable = false;
    bool operator==(const Extension& o) const {
        return key == o.key && comment == o.comment && schema == o.schema;
    }
};

struct EnumType : ObjectBase {
    std::vector<std::string> values; ///< in sort order
    bool operator==(const EnumType& o) const {
        return key == o.key && comment == o.comment && values == o.values;
    }
};

/// Options shared by sequences and identity columns.
struct SequenceOptions {
    std::string type = "bigint"; ///< format_type of the sequence's data type
    std::int64_t start = 1;
    std::int64_t increment = 1;
    std::int64_t min = 1;
    std::int64_t max = 9223372036854775807LL;
    std::int64_t cache = 1;
    bool cycle = false;
    bool operator==(const SequenceOptions&) const = default;
};

/// The defaults PostgreSQL picks for a sequence of `type` and direction.
SequenceOptions default_sequence_options(const std::string& type, std::int64_t increment);

struct Sequence : ObjectBase {
    SequenceOptions options;
    std::optional<ObjectKey> owned_by; ///< column key, for OWNED BY
    bool operator==(const Sequence& o) const {
        return key == o.key && comment == o.comment && options == o.options &&
               owned_by == o.owned_by;
    }
};

/// A live table's size, as the planner's statistics and the files say.
struct TableStats {
    long long rows = -1; ///< pg_class.reltuples; -1 when never analyzed
    long long bytes = 0; ///< pg_total_relation_size
    std::string pretty;  ///< pg_size_pretty of bytes
    /// A plain table without a page: it holds no row, committed or not.
    bool empty = false;
};

/// An option of a foreign-data wrapper, server, user mapping or foreign
/// table. A secret's value (is_secret_option) is never read: the catalog
/// holds it empty, so secrets are compared by name only and cannot reach a
/// plan, a file or a log.
struct ForeignOption {
    std::string name;
    std::string value;
    auto operator<=>(const ForeignOption&) const = default;
};

/// An option PostgreSQL's FDWs take as a secret: its name says password,
/// secret, key or token.
bool is_secret_option(const std::string& name);

/// Options in the order PostgreSQL keeps them, compared as sets.
inline bool same_options(std::vector<ForeignOption> a, std::vector<ForeignOption> b) {
    std::ranges::sort(a);
    std::ranges::sort(b);
    return a == b;
}

/// Equal as sets: the same strings, whatever their order.
inline bool same_elements(std::vector<std::string> a, std::vector<std::string> b) {
    std::ranges::sort(a);
    std::ranges::sort(b);
    return a == b;
}

struct Table : ObjectBase {
    bool unlogged = false;
    bool row_security = false;       ///< ENABLE ROW LEVEL SECURITY
    bool force_row_security = false; ///< FORCE ROW LEVEL SECURITY (the owner too)
    /// Storage parameters (reloptions, then the TOAST table's prefixed
    /// `toast.`), `name=value` in the order PostgreSQL stores them; compared
    /// as a set.
    std::vector<std::string> options;
    /// pg_class.relreplident: d(efault), f(ull), n(othing) or i(ndex), and
    /// for `i` the index (a key's own, or a plain unique index) named by
    /// REPLICA IDENTITY USING INDEX.
    char replica_identity = 'd';
    std::string replica_index;
    /// The index CLUSTER ON marks, if any.
    std::optional<std::string> cluster_on;
    /// A foreign table's server and options (CREATE FOREIGN TABLE).
    std::optional<std::string> server;
    std::vector<ForeignOption> foreign_options;
    /// A partitioned table's key (pg_get_partkeydef): `RANGE (at)`.
    std::optional<std::string> partition_by;
    /// A partition's parent and bound (`FOR VALUES FROM (...) TO (...)`,
    /// `DEFAULT`). A partition's columns, constraints and indexes are its
    /// parent's: in the catalog, but diffed only when it is detached.
    std::optional<ObjectKey> partition_of;
    std::optional<std::string> bound;
    /// The parents a table inherits from (INHERITS), in their order; not a
    /// partition's. Its columns and CHECKs of theirs come with it from them.
    std::vector<ObjectKey> inherits;
    /// Read only when asked for (introspect::Options::sizes); not compared.
    std::optional<TableStats> stats;
    bool partitioned_or_partition() const { return partition_by || partition_of; }
    bool operator==(const Table& o) const {
        return key == o.key && comment == o.comment && unlogged == o.unlogged &&
               row_security == o.row_security && force_row_security == o.force_row_security &&
               same_elements(options, o.options) && replica_identity == o.replica_identity &&
               replica_index == o.replica_index && cluster_on == o.cluster_on &&
               partition_by == o.partition_by && partition_of == o.partition_of &&
               bound == o.bound && inherits == o.inherits && server == o.server &&
               same_options(foreign_options, o.foreign_options);
    }
};

enum class Identity : char { None = '\0', Always = 'a', ByDefault = 'd' };

struct Column : ObjectBase {
    int position = 0;      ///< attnum; physical order is kept for CREATE TABLE but not compared
    std::string type;      ///< format_type(atttypid, atttypmod)
    std::string base_type; ///< format_type(atttypid, NULL), for cast decisions
    std::optional<std::string> collation; ///< qualified, quoted; only when not the type's default
    std::optional<std::string> default_expr;
    std::optional<std::string> generated_expr; ///< GENERATED ALWAYS AS (...) STORED
    bool not_null = false;
    Identity identity = Identity::None;
    SequenceOptions identity_options; ///< meaningful when identity != None
    /// The identity's sequence, in the table's schema. Not compared: a
    /// renamed table keeps its sequence's name, and that is no change; a
    /// column created again gets it back.
    std::string identity_sequence;
    /// The default calls a volatile function: adding the column computes it
    /// for every row (a rewrite). Derived from the default, so not compared.
    bool volatile_default = false;
    /// pg_attribute.attislocal and attinhcount: a column an inheritance
    /// child has only of its parents is not its own (not in its CREATE
    /// TABLE); one it has of a parent changes type with it. Not compared:
    /// ALTER TABLE ... INHERIT leaves a column the child had its own.
    bool local = true;
    bool of_parent = false;
    /// How the values of a column of another type convert to this one: the
    /// tree's `-- schemac:using` expression (desired state only). Not
    /// compared.
    std::optional<std::string> using_expr;
    /// How its values convert back to the current type, in the reverse:
    /// `-- schemac:using-reverse` (desired state only). Not compared.
    std::optional<std::string> using_reverse_expr;
    /// ALTER COLUMN ... SET STATISTICS: pg_attribute.attstattarget, -1 for
    /// the default.
    int statistics = -1;
    /// SET STORAGE (pg_attribute.attstorage: p, e, m or x) where it is not
    /// its type's, which is `type_storage` (not compared).
    std::optional<char> storage;
    char type_storage = 'x';
    /// SET COMPRESSION (pg_attribute.attcompression: p for pglz, l for
    /// lz4), when one is set.
    std::optional<char> compression;
    /// The storage it has, its own or its type's.
    char storage_or_default() const { return storage.value_or(type_storage); }
    bool operator==(const Column& o) const {
        return key == o.key && comment == o.comment && type == o.type && collation == o.collation &&
               default_expr == o.default_expr && generated_expr == o.generated_expr &&
               not_null == o.not_null && identity == o.identity &&
               (identity == Identity::None || identity_options == o.identity_options) &&
               statistics == o.statistics && storage == o.storage && compression == o.compression;
    }
};

enum class ConstraintType : char {
    PrimaryKey = 'p',
    Unique = 'u',
    Check = 'c',
    ForeignKey = 'f',
    Exclusion = 'x',
};

struct Constraint : ObjectBase {
    ConstraintType type = ConstraintType::Check;
    std::string definition; ///< pg_get_constraintdef, including NOT VALID / DEFERRABLE
    /// The definition with the tree's own text of its expression, when what
    /// PostgreSQL prints back would store something else once executed (a
    /// varchar IN list); what a migration creates it from. Not compared.
    std::string written;
    std::optional<ObjectKey> references; ///< referenced table of a foreign key
    /// A partition's copy of its parent's constraint, made and dropped with
    /// the partition, or a CHECK an inheritance child has only of its
    /// parents (made and dropped with theirs); one of its own is false. Not
    /// compared.
    bool inherited = false;
    /// A key of a partitioned table added to it alone (ALTER TABLE ONLY):
    /// its index is not valid until every partition's is attached to it.
    bool only = false;
    /// A partition's own key whose index is attached to the parent's plain
    /// index (ALTER INDEX ... ATTACH PARTITION): the key of that index.
    std::optional<ObjectKey> attached_to;
    /// The comment on the index behind a key or exclusion constraint
    /// (COMMENT ON INDEX). Diffed as a comment, so not compared here.
    std::optional<std::string> index_comment;
    bool operator==(const Constraint& o) const {
        return key == o.key && comment == o.comment && type == o.type &&
               definition == o.definition && only == o.only && attached_to == o.attached_to;
    }
};

struct Index : ObjectBase {
    std::string table; ///< name of the indexed table, in key.schema
    /// pg_get_indexdef; `ON ONLY` the partitioned table while it is not
    /// valid (not every partition's index is attached to it yet).
    std::string definition;
    /// The definition with the tree's own text of its predicate, when what
    /// PostgreSQL prints back would store something else once executed (a
    /// varchar IN list); what a migration creates it from. Not compared.
    std::string written;
    /// A partition's index attached to its parent's, made and dropped with
    /// the partition; one of its own is false. Not compared.
    bool inherited = false;
    /// The parent's index it is attached to (pg_depend 'P'), when it is a
    /// partition's part of one. Not compared.
    std::optional<ObjectKey> part_of;
    /// Built ON ONLY a partitioned table: not valid yet.
    bool parent_alone() const { return definition.find(" ON ONLY ") != std::string::npos; }
    bool operator==(const Index& o) const {
        return key == o.key && comment == o.comment && table == o.table &&
               definition == o.definition;
    }
};

/// A function or procedure (key.kind); key.args are its input argument types.
struct Function : ObjectBase {
    std::string definition; ///< pg_get_functiondef: the whole CREATE OR REPLACE statement
    /// Arguments (names, modes, defaults) and result: what CREATE OR REPLACE
    /// cannot change. Derived from the definition, so not compared.
    std::string signature;
    /// Derived from the definition too: its language, and the tables a
    /// SQL-language body writes (analyzing it locks them ROW EXCLUSIVE).
    std::string language;
    std::set<ObjectKey> writes;
    bool operator==(const Function& o) const {
        return key == o.key && comment == o.comment && definition == o.definition;
    }
};

/// A view or materialized view (key.kind).
struct View : ObjectBase {
    std::string definition; ///< pg_get_viewdef, without the final ';'
    std::string options;    ///< reloptions, `a=1, b=2`; empty when none
    /// `name type` per column, in order: CREATE OR REPLACE may only add
    /// columns at the end. Derived from the definition, so not compared.
    std::vector<std::string> columns;
    /// Column name -> its comment (COMMENT ON COLUMN). Diffed as comments,
    /// so not compared here.
    std::map<std::string, std::string> column_comments;
    bool operator==(const View& o) const {
        return key == o.key && comment == o.comment && definition == o.definition &&
               options == o.options;
    }
};

/// A trigger (key.parent is its table).
struct Trigger : ObjectBase {
    std::string definition; ///< pg_get_triggerdef
    /// pg_trigger.tgenabled: O (fires, the default), D (disabled), R (only
    /// in replica sessions), A (always).
    char enabled = 'O';
    bool operator==(const Trigger& o) const {
        return key == o.key && comment == o.comment && definition == o.definition &&
               enabled == o.enabled;
    }
};

/// A domain: a base type with a default, NOT NULL and named checks.
struct Domain : ObjectBase {
    std::string base_type;                ///< format_type of the base type and modifier
    std::optional<std::string> collation; ///< qualified, quoted; only when not the base's
    std::optional<std::string> default_expr;
    bool not_null = false;
    std::map<std::string, std::string> checks; ///< name -> pg_get_constraintdef
    bool operator==(const Domain& o) const {
        return key == o.key && comment == o.comment && base_type == o.base_type &&
               collation == o.collation && default_expr == o.default_expr &&
               not_null == o.not_null && checks == o.checks;
    }
};

/// A composite type (CREATE TYPE ... AS (...)), its attributes in order.
struct CompositeType : ObjectBase {
    struct Attribute {
        std::string name;
        std::string type; ///< format_type, with COLLATE when not the type's default
        bool operator==(const Attribute&) const = default;
    };
    std::vector<Attribute> attributes;
    bool operator==(const CompositeType& o) const {
        return key == o.key && comment == o.comment && attributes == o.attributes;
    }
};

/// A range type (and the multirange type PostgreSQL makes with it); its
/// constructor functions are its own, never read as functions.
struct RangeType : ObjectBase {
    std::string subtype;                     ///< format_type
    std::optional<std::string> opclass;      ///< only when not the subtype's default
    std::optional<std::string> collation;    ///< only when not the subtype's default
    std::optional<std::string> canonical;    ///< regproc text
    std::optional<std::string> subtype_diff; ///< regproc text
    std::string multirange;                  ///< its multirange type's name, qualified
    bool operator==(const RangeType& o) const {
        return key == o.key && comment == o.comment && subtype == o.subtype &&
               opclass == o.opclass && collation == o.collation && canonical == o.canonical &&
               subtype_diff == o.subtype_diff && multirange == o.multirange;
    }
};

/// A collation: libc (LC_COLLATE, LC_CTYPE) or ICU (a locale), deterministic
/// or not.
struct Collation : ObjectBase {
    std::string provider; ///< libc, icu
    std::string collate;  ///< libc's LC_COLLATE
    std::string ctype;    ///< libc's LC_CTYPE
    std::string locale;   ///< ICU's
    bool deterministic = true;
    bool operator==(const Collation& o) const {
        return key == o.key && comment == o.comment && provider == o.provider &&
               collate == o.collate && ctype == o.ctype && locale == o.locale &&
               deterministic == o.deterministic;
    }
};

/// A publication: the tables (with a column list and row filter each) and
/// schemas whose changes it publishes, or all tables, and what it publishes.
struct Publication : ObjectBase {
    struct Member {
        ObjectKey table;
        std::string columns; ///< `"Name", id`: the column list by name, empty for all
        std::string where;   ///< pg_get_expr of the row filter, empty when none
        auto operator<=>(const Member&) const = default;
    };
    bool all_tables = false;
    std::vector<Member> tables;       ///< sorted by table
    std::vector<std::string> schemas; ///< FOR TABLES IN SCHEMA, sorted
    /// The operations it publishes, as WITH (publish = '...') spells them.
    std::string publish = "insert, update, delete, truncate";
    bool via_root = false; ///< publish_via_partition_root
    /// The key of what it publishes: every table and column it names, and
    /// its schemas, are what this depends on.
    ObjectKey members() const { return facet_of(key, Facet::Members); }
    bool operator==(const Publication& o) const {
        return key == o.key && comment == o.comment && all_tables == o.all_tables &&
               tables == o.tables && schemas == o.schemas && publish == o.publish &&
               via_root == o.via_root;
    }
};

/// A foreign-data wrapper, a foreign server (key.kind tells which), or a
/// user mapping (key.parent is its server, key.name its role as SQL writes
/// it: a quoted name, CURRENT_USER for whoever runs the migration, PUBLIC).
struct ForeignObject : ObjectBase {
    std::optional<std::string> handler;   ///< a wrapper's, regproc text; none is NO HANDLER
    std::optional<std::string> validator; ///< a wrapper's, regproc text
    std::string wrapper;                  ///< a server's
    std::optional<std::string> type;      ///< a server's TYPE
    std::optional<std::string> version;   ///< a server's VERSION
    std::vector<ForeignOption> options;
    /// A user mapping whose options the reading role may not see
    /// (pg_user_mappings shows them to the mapped role, to the server's
    /// owner for PUBLIC, and to superusers): `options` is then unknown.
    bool options_hidden = false;
    bool operator==(const ForeignObject& o) const {
        return key == o.key && comment == o.comment && handler == o.handler &&
               validator == o.validator && wrapper == o.wrapper && type == o.type &&
               version == o.version && same_options(options, o.options);
    }
};

/// A rewrite rule (key.parent is its table or view), not a view's own.
struct Rule : ObjectBase {
    std::string definition; ///< pg_get_ruledef, without the final ';'
    /// pg_rewrite.ev_enabled: O (fires, the default), D, R or A, as a trigger's.
    char enabled = 'O';
    /// The tables its actions write (analyzing them locks those ROW
    /// EXCLUSIVE). Derived from the definition, so not compared.
    std::set<ObjectKey> writes;
    bool operator==(const Rule& o) const {
        return key == o.key && comment == o.comment && definition == o.definition &&
               enabled == o.enabled;
    }
};

/// An extended statistics object (CREATE STATISTICS) on one table.
struct Statistics : ObjectBase {
    ObjectKey table; ///< the table (or materialized view) it is on
    /// pg_get_statisticsobjdef: the whole CREATE STATISTICS, names qualified.
    std::string definition;
    /// pg_statistic_ext.stxstattarget: ALTER STATISTICS ... SET STATISTICS;
    /// -1 is the default (the columns' own targets).
    int target = -1;
    bool operator==(const Statistics& o) const {
        return key == o.key && comment == o.comment && table == o.table &&
               definition == o.definition && target == o.target;
    }
};

/// An event trigger: the function it runs on one event, for some command
/// tags or all of them.
struct EventTrigger : ObjectBase {
    std::string event;             ///< ddl_command_start, sql_drop, ...
    std::vector<std::string> tags; ///< WHEN TAG IN (...), as stored; empty for every command
    ObjectKey function;
    /// pg_event_trigger.evtenabled: O (fires, the default), D, R or A.
    char enabled = 'O';
    bool operator==(const EventTrigger& o) const {
        return key == o.key && comment == o.comment && event == o.event && tags == o.tags &&
               function == o.function && enabled == o.enabled;
    }
};

/// A row-level security policy (key.parent is its table).
struct Policy : ObjectBase {
    char command = '*';                    ///< pg_policy.polcmd: r, a, w, d or * (ALL)
    bool permissive = true;                ///< AS PERMISSIVE, or RESTRICTIVE
    std::string roles;                     ///< `PUBLIC` or quoted role names, sorted
    std::optional<std::string> using_expr; ///< pg_get_expr of USING
    std::optional<std::string> check_expr; ///< pg_get_expr of WITH CHECK
    bool operator==(const Policy& o) const {
        return key == o.key && comment == o.comment && command == o.command &&
               permissive == o.permissive && roles == o.roles && using_expr == o.using_expr &&
               check_expr == o.check_expr;
    }
};

/// One privilege on one object, normalized so that what is implicit is never
/// a difference: the owner's privileges are left out, and an entry is either
/// granted beyond PostgreSQL's default for the kind (acldefault) or a default
/// that was revoked (EXECUTE on functions and USAGE on types for PUBLIC).
struct Privilege {
    ObjectKey object; ///< table, view, column, sequence, function, schema or type
    /// Quoted role name, PUBLIC, or "" for the object's owner (its own
    /// privileges, which it may revoke), whatever the owner is called.
    std::string grantee;
    std::string privilege; ///< SELECT, INSERT, ..., as GRANT spells it
    bool grantable = false;
    bool revoked_default = false;
    auto operator<=>(const Privilege&) const = default;
};

/// One entry of ALTER DEFAULT PRIVILEGES, normalized like Privilege: what
/// `role` will grant on the objects of one kind it creates (in `schema`, or
/// anywhere).
struct DefaultPrivilege {
    std::string role;    ///< quoted; empty for the role that runs the migration
    std::string schema;  ///< empty: in every schema
    char objects = 'r';  ///< pg_default_acl.defaclobjtype: r, S, f, T or n
    std::string grantee; ///< quoted role name, or PUBLIC
    std::string privilege;
    bool grantable = false;
    bool revoked_default = false;
    auto operator<=>(const DefaultPrivilege&) const = default;
};

/// How a dependency binds, from pg_depend.deptype: an Auto dependent vanishes
/// with what it depends on (a column's constraint, a sequence OWNED BY a column).
/// Owned is pg_depend's 'a' between a sequence and the column it is OWNED BY:
/// automatic for drops, but set after both exist, so it does not order creation.
enum class DependencyType : char { Normal = 'n', Auto = 'a', Internal = 'i', Owned = 'o' };

struct Dependency {
    ObjectKey dependent;
    ObjectKey referenced;
    DependencyType type = DependencyType::Normal;
    auto operator<=>(const Dependency&) const = default;
};

/// What PostgreSQL knows about converting one type to another, for ALTER
/// COLUMN TYPE: types by format_type(oid, NULL), as Column::base_type names them.
struct Casts {
    /// (source, target) pairs cast without a function: no USING needed.
    std::set<std::pair<std::string, std::string>> binary;
    /// (source, target) pairs pg_cast has a row for, binary or not.
    std::set<std::pair<std::string, std::string>> declared;
    /// (source, target) pairs PostgreSQL casts implicitly: widening, lossless.
    std::set<std::pair<std::string, std::string>> implicit;
    /// The string category (text, varchar, ...): every type converts
    /// explicitly to and from them through its text form.
    std::set<std::string> strings;
    /// The numeric category (integer, bigint, numeric, real, ...): a cast
    /// from one to another that is not implicit narrows, and can overflow.
    std::set<std::string> numbers;
    std::map<std::string, std::string> domains; ///< domain -> its base type
};

/// One database's managed objects, as read by the introspector.
struct Catalog {
    std::map<ObjectKey, Schema> schemas;
    std::map<ObjectKey, Extension> extensions;
    std::map<ObjectKey, EnumType> enums;
    std::map<ObjectKey, Sequence> sequences;
    std::map<ObjectKey, Table> tables;
    std::map<ObjectKey, Column> columns;
    std::map<ObjectKey, Constraint> constraints;
    std::map<ObjectKey, Index> indexes;
    std::map<ObjectKey, Function> functions; ///< and procedures
    std::map<ObjectKey, View> views;         ///< and materialized views
    std::map<ObjectKey, Trigger> triggers;
    std::map<ObjectKey, Policy> policies;
    std::map<ObjectKey, Domain> domains;
    std::map<ObjectKey, CompositeType> composites;
    std::map<ObjectKey, Publication> publications;
    std::map<ObjectKey, Rule> rules;
    std::map<ObjectKey, ForeignObject> foreign; ///< wrappers, servers and user mappings
    std::map<ObjectKey, RangeType> ranges;
    std::map<ObjectKey, Collation> collations;
    std::map<ObjectKey, EventTrigger> event_triggers;
    std::map<ObjectKey, Statistics> statistics;
    std::set<Privilege> privileges;
    std::set<DefaultPrivilege> default_privileges;
    /// Who owns each object of a kind whose owner is compared
    /// (KindInfo::owned), by role name, and the role that read the catalog:
    /// an object it owns is owned by whoever runs the migration.
    std::map<ObjectKey, std::string> owners;
    std::string reader;
    /// The objects whose owner is compared: those the tree gives to a role
    /// other than the one that materializes it. An owner the tree does not
    /// state is whoever runs the migration, and is not compared, so
    /// environments with other role names do not differ. Set on both sides
    /// by the pipeline; the diff compares the union of the two sides'.
    std::set<ObjectKey> owners_compared;
    std::set<Dependency> dependencies;
    /// What the server knows about converting one type to another.
    Casts casts;
    /// Objects of kinds schemac does not model yet: reported, never touched.
    std::vector<std::string> unmanaged;
    /// Grants to roles outside the managed ones (introspect::Options::roles):
    /// reported, never touched.
    std::vector<std::string> unmanaged_privileges;
    /// Managed objects that one of those depends on (pg_depend), with its
    /// description (pg_describe_object): a plan may not drop them.
    std::map<ObjectKey, std::string> used_by_unmanaged;
    /// What ignore rules and the managed scope left out, in key order
    /// (catalog/ignore.h).
    std::vector<ObjectKey> left_alone;
    /// Of those, what an object kept depends on (a column's type in a
    /// schema outside the managed scope) or what depends on one (a foreign
    /// key to a managed table): context the state is built with.
    std::set<ObjectKey> context_used;

    bool contains(const ObjectKey& key) const;
    /// A constraint or index a partition or inheritance child has of its
    /// parent's (Constraint::inherited, Index::inherited); false for
    /// anything else.
    bool inherited(const ObjectKey& key) const;
    /// The columns of a table in physical order.
    std::vector<const Column*> columns_of(const ObjectKey& table) const;
    std::vector<const Constraint*> constraints_of(const ObjectKey& table) const;
    /// Everything `key` depends on.
    std::vector<Dependency> dependencies_of(const ObjectKey& key) const;
    /// The role that owns `key`, or "" when the reader owns it (or it has
    /// no owner of its own).
    std::string owner_of(const ObjectKey& key) const;
    /// The objects a role other than the reader owns, but for predefined
    /// roles (`public` is pg_database_owner's from CREATE DATABASE) and
    /// `except`: the owners a tree states.
    std::set<ObjectKey> owned_by_others(std::string_view except = "") const;
    /// The roles its grants, default privileges, policies and compared
    /// owners name (unquoted).
    std::set<std::string> roles() const;
};

/// Where the objects of kind K are held in a Catalog. One specialization per
/// Kind: a kind without one fails to compile wherever catalogs are walked
/// (with_objects, for_each_objects), and so do the diff's decisions and the
/// introspector's queries, which are chosen by the type of object it holds.
template <Kind K> struct ObjectsOf;
// clang-format off
template <> struct ObjectsOf<Kind::Schema> { static constexpr auto member = &Catalog::schemas; };
template <> struct ObjectsOf<Kind::Extension> { static constexpr auto member = &Catalog::extensions; };
template <> struct ObjectsOf<Kind::Enum> { static constexpr auto member = &Catalog::enums; };
template <> struct ObjectsOf<Kind::Sequence> { static constexpr auto member = &Catalog::sequences; };
template <> struct ObjectsOf<Kind::Table> { static constexpr auto member = &Catalog::tables; };
template <> struct ObjectsOf<Kind::Column> { static constexpr auto member = &Catalog::columns; };
template <> struct ObjectsOf<Kind::Constraint> { static constexpr auto member = &Catalog::constraints; };
template <> struct ObjectsOf<Kind::Index> { static constexpr auto member = &Catalog::indexes; };
template <> struct ObjectsOf<Kind::Function> { static constexpr auto member = &Catalog::functions; };
template <> struct ObjectsOf<Kind::Procedure> { static constexpr auto member = &Catalog::functions; };
template <> struct ObjectsOf<Kind::View> { static constexpr auto member = &Catalog::views; };
template <> struct ObjectsOf<Kind::MaterializedView> { static constexpr auto member = &Catalog::views; };
template <> struct ObjectsOf<Kind::Trigger> { static constexpr auto member = &Catalog::triggers; };
template <> struct ObjectsOf<Kind::Policy> { static constexpr auto member = &Catalog::policies; };
template <> struct ObjectsOf<Kind::Domain> { static constexpr auto member = &Catalog::domains; };
template <> struct ObjectsOf<Kind::CompositeType> { static constexpr auto member = &Catalog::composites; };
template <> struct ObjectsOf<Kind::Publication> { static constexpr auto member = &Catalog::publications; };
template <> struct ObjectsOf<Kind::Rule> { static constexpr auto member = &Catalog::rules; };
template <> struct ObjectsOf<Kind::ForeignDataWrapper> { static constexpr auto member = &Catalog::foreign; };
template <> struct ObjectsOf<Kind::Server> { static constexpr auto member = &Catalog::foreign; };
template <> struct ObjectsOf<Kind::UserMapping> { static constexpr auto member = &Catalog::foreign; };
template <> struct ObjectsOf<Kind::RangeType> { static constexpr auto member = &Catalog::ranges; };
template <> struct ObjectsOf<Kind::Collation> { static constexpr auto member = &Catalog::collations; };
template <> struct ObjectsOf<Kind::Aggregate> { static constexpr auto member = &Catalog::functions; };
template <> struct ObjectsOf<Kind::EventTrigger> { static constexpr auto member = &Catalog::event_triggers; };
template <> struct ObjectsOf<Kind::Statistics> { static constexpr auto member = &Catalog::statistics; };
// clang-format on

namespace detail {

template <std::size_t I> using ObjectsOfIndex = ObjectsOf<static_cast<Kind>(I)>;

/// The type of object kind number I is held as (Table, Function, ...).
template <std::size_t I>
using ObjectType = typename std::remove_cvref_t<decltype(std::declval<Catalog&>().*
                                                         ObjectsOfIndex<I>::member)>::mapped_type;

/// Kind number I is the first kind held in its map (Function, not Procedure).
template <std::size_t I> constexpr bool first_in_its_map() {
    return []<std::size_t... J>(std::index_sequence<J...>) {
        return (!std::is_same_v<ObjectType<J>, ObjectType<I>> && ...);
    }
    (std::make_index_sequence<I>{});
}

/// The first kind held as objects of type T.
template <class T> constexpr std::size_t first_kind_holding() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        std::size_t found = k_kind_count;
        ((found = found == k_kind_count && std::is_same_v<ObjectType<I>, T> ? I : found), ...);
        return found;
    }
    (std::make_index_sequence<k_kind_count>{});
}

} // namespace detail

/// The map of `catalog` that holds objects of type T.
template <class T, class C> auto& objects_of(C& catalog) {
    constexpr std::size_t kind = detail::first_kind_holding<T>();
    static_assert(kind < k_kind_count, "no kind is held as this type");
    return catalog.*detail::ObjectsOfIndex<kind>::member;
}

/// Calls `f` with the map of `catalog` that holds objects of `kind`.
template <class C, class F> void with_objects(C& catalog, Kind kind, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (void)((kind == static_cast<Kind>(I) &&
                (f(catalog.*detail::ObjectsOfIndex<I>::member), true)) ||
               ...);
    }
    (std::make_index_sequence<k_kind_count>{});
}

/// Calls `f` with each map of objects of `catalog` once, in Kind order.
template <class C, class F> void for_each_objects(C& catalog, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (
            [&] {
                if constexpr (detail::first_in_its_map<I>())
                    f(catalog.*detail::ObjectsOfIndex<I>::member);
            }(),
            ...);
    }
    (std::make_index_sequence<k_kind_count>{});
}

} // namespace schemac::catalog
