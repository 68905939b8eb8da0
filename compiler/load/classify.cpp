#include "load/classify.h"

#include "catalog/quote.h"

#include "sql/body_references.h"
#include "sql/walk.h"

#include <cctype>
#include <pg_query.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>

namespace schemac::load {
namespace {

using catalog::Kind;
using catalog::ObjectKey;
using nlohmann::json;

// Objects are matched by name class, the way PostgreSQL's namespaces work:
// relations (tables, views, sequences, indexes) share one, types another,
// functions a third. References use the class kind, not the real kind.
constexpr Kind k_relation = Kind::Table;
constexpr Kind k_type = Kind::Enum;
constexpr Kind k_function = Kind::Function;
/// The schema of a key built from an unqualified name: resolved against the
/// statement's search_path when the statements are ordered.
constexpr const char* k_unqualified = "";

std::string str(const json& node) {
    if (node.contains("String"))
        return node["String"].value("sval", "");
    return {};
}

std::vector<std::string> names(const json& list) {
    std::vector<std::string> out;
    if (list.is_array())
        for (const auto& item : list)
            out.push_back(str(item));
    return out;
}

/// A qualified name list (`[schema,] name`) as a key of class `kind`.
ObjectKey name_key(Kind kind, const std::vector<std::string>& parts) {
    if (parts.size() >= 2)
        return catalog::relation_key(kind, parts[parts.size() - 2], parts.back());
    return catalog::relation_key(kind, k_unqualified, parts.empty() ? "" : parts.back());
}

ObjectKey range_var_key(const json& rv) {
    return catalog::relation_key(k_relation, rv.value("schemaname", k_unqualified),
                                 rv.value("relname", ""));
}

/// `'schema.name'` as written in nextval('...') or '...'::regclass.
ObjectKey regclass_key(const std::string& text) {
    auto dot = text.find('.');
    if (dot == std::string::npos)
        return catalog::relation_key(k_relation, k_unqualified, text);
    return catalog::relation_key(k_relation, text.substr(0, dot), text.substr(dot + 1));
}

ObjectKey keys_of(ObjectKey table) {
    return catalog::facet_of(std::move(table), catalog::Facet::Keys);
}

/// A function call names its function, and nextval('s') / setval / currval
/// name their sequence.
void function_call(const json& call, Statement& out) {
    auto parts = names(sql::list(call, "funcname"));
    if (!parts.empty() && parts.front() != "pg_catalog")
        out.references.push_back(name_key(k_function, parts));
    std::string fn = parts.empty() ? "" : parts.back();
    if ((fn == "nextval" || fn == "setval" || fn == "currval") && call.contains("args") &&
        !call["args"].empty() && call["args"][0].contains("A_Const")) {
        const auto& c = call["args"][0]["A_Const"];
        if (c.contains("sval"))
            out.references.push_back(regclass_key(c["sval"].value("sval", "")));
    }
}

/// What one member of a parse tree names: relations, types, functions,
/// sequences in nextval('...') or '...'::regclass, roles.
void reference(const std::string& name, const json& value, Statement& out) {
    if (name == "RangeVar" || name == "relation" || name == "pktable" || name == "sequence" ||
        name == "typevar" || name == "view" || name == "rel" || name == "table") {
        if (value.contains("relname"))
            out.references.push_back(range_var_key(value));
    }
    if (name == "pktable" && value.contains("relname"))
        out.references.push_back(keys_of(range_var_key(value)));
    if ((name == "TypeName" || name == "typeName" || name == "argType" || name == "returnType") &&
        value.contains("names")) {
        auto parts = names(value["names"]);
        if (!parts.empty() && parts.front() != "pg_catalog")
            out.references.push_back(name_key(k_type, parts));
    }
    if (name == "FuncCall")
        function_call(value, out);
    if ((name == "CollateClause" || name == "collClause") && value.contains("collname")) {
        auto parts = names(value["collname"]);
        if (!parts.empty() && parts.front() != "pg_catalog")
            out.references.push_back(name_key(Kind::Collation, parts));
    }
    if (name == "TypeCast" && value.contains("arg") && value["arg"].contains("A_Const") &&
        value.contains("typeName")) {
        auto parts = names(sql::list(value["typeName"], "names"));
        const auto& c = value["arg"]["A_Const"];
        if (!parts.empty() && parts.back() == "regclass" && c.contains("sval"))
            out.references.push_back(regclass_key(c["sval"].value("sval", "")));
    }
    // A function named with its arguments (GRANT ... ON FUNCTION f(int)).
    if (name == "ObjectWithArgs" && value.contains("objname")) {
        auto parts = names(value["objname"]);
        if (!parts.empty() && parts.front() != "pg_catalog")
            out.references.push_back(name_key(k_function, parts));
    }
    // OWNER TO's role is a RoleSpec field, not a node.
    if ((name == "RoleSpec" || name == "newowner") && value.is_object() &&
        value.value("roletype", "") == "ROLESPEC_CSTRING")
        out.roles.push_back(value.value("rolename", ""));
}

/// Walks a whole parse tree and collects every name it uses.
void collect_references(const json& tree, Statement& out) {
    sql::walk(tree, [&](const std::string& name, const json& value) {
        if (value.is_object())
            reference(name, value, out);
    });
}

std::string enum_name(const json& v, const char* field) {
    return v.value(field, "");
}

/// CamelCase as upper-case words: `AlterPublication` is ALTER PUBLICATION,
/// `SetStorage` is SET STORAGE.
std::string camel_words(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (std::isupper(static_cast<unsigned char>(c)) && !out.empty())
            out += ' ';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

/// A statement kind's name in SQL words: `CreatePublicationStmt` is
/// CREATE PUBLICATION.
std::string sql_words(std::string node) {
    static const std::pair<std::string_view, std::string_view> k_named[] = {
        {"InsertStmt", "INSERT"},
        {"UpdateStmt", "UPDATE"},
        {"DeleteStmt", "DELETE"},
        {"MergeStmt", "MERGE"},
        {"CopyStmt", "COPY"},
        {"TruncateStmt", "TRUNCATE"},
        {"SelectStmt", "SELECT"},
        {"DropStmt", "DROP"},
        {"VacuumStmt", "VACUUM or ANALYZE"},
        {"ClusterStmt", "CLUSTER"},
        {"ReindexStmt", "REINDEX"},
        {"LockStmt", "LOCK"},
        {"CallStmt", "CALL"},
        {"ListenStmt", "LISTEN"},
        {"UnlistenStmt", "UNLISTEN"},
        {"NotifyStmt", "NOTIFY"},
        {"CreatedbStmt", "CREATE DATABASE"},
        {"DropdbStmt", "DROP DATABASE"},
        {"RuleStmt", "CREATE RULE"},
        {"DefineStmt", "CREATE AGGREGATE, OPERATOR or COLLATION"},
        {"CreateFdwStmt", "CREATE FOREIGN DATA WRAPPER"},
        {"CreateForeignServerStmt", "CREATE SERVER"},
        {"CreateUserMappingStmt", "CREATE USER MAPPING"},
        {"CreateForeignTableStmt", "CREATE FOREIGN TABLE"},
        {"CreateRangeStmt", "CREATE TYPE ... AS RANGE"},
        {"CreateTableSpaceStmt", "CREATE TABLESPACE"},
        {"RenameStmt", "ALTER ... RENAME"},
        {"AlterObjectSchemaStmt", "ALTER ... SET SCHEMA"},
        {"AlterExtensionStmt", "ALTER EXTENSION ... UPDATE"},
        {"AlterExtensionContentsStmt", "ALTER EXTENSION ... ADD or DROP"},
        {"ExplainStmt", "EXPLAIN"},
        {"PrepareStmt", "PREPARE"},
        {"ExecuteStmt", "EXECUTE"},
        {"DeallocateStmt", "DEALLOCATE"},
        {"CheckPointStmt", "CHECKPOINT"},
        {"DiscardStmt", "DISCARD"},
        {"LoadStmt", "LOAD"},
        {"DoStmt", "DO"},
        {"GrantRoleStmt", "GRANT role TO role"},
        {"AlterSystemStmt", "ALTER SYSTEM"},
        {"RefreshMatViewStmt", "REFRESH MATERIALIZED VIEW"},
        {"SecLabelStmt", "SECURITY LABEL"},
        {"CreatePLangStmt", "CREATE LANGUAGE"},
        {"CreateAmStmt", "CREATE ACCESS METHOD"},
        {"CreateOpClassStmt", "CREATE OPERATOR CLASS"},
        {"CreateOpFamilyStmt", "CREATE OPERATOR FAMILY"},
        {"AlterOpFamilyStmt", "ALTER OPERATOR FAMILY"},
        {"AlterTSConfigurationStmt", "ALTER TEXT SEARCH CONFIGURATION"},
        {"AlterTSDictionaryStmt", "ALTER TEXT SEARCH DICTIONARY"},
    };
    for (const auto& [name, words] : k_named)
        if (node == name)
            return std::string(words);
    if (node.ends_with("Stmt"))
        node.resize(node.size() - 4);
    return camel_words(node);
}

/// The statements that write or move data.
bool writes_data(const std::string& node) {
    return node == "InsertStmt" || node == "UpdateStmt" || node == "DeleteStmt" ||
           node == "MergeStmt" || node == "CopyStmt" || node == "TruncateStmt";
}

/// Why a statement the loader does not read is refused, in SQL words.
Status reject(const Statement& s, const std::string& node, const json& v) {
    const std::string what = sql_words(node);
    auto refuse = [&](const std::string& why) { return Error{s.diagnostic(what + why)}; };
    if (writes_data(node))
        return refuse(" writes data; the tree describes the schema (data moves in data steps)");
    if (node == "SelectStmt") {
        bool setval = false;
        sql::walk(v, [&](const std::string& name, const json& value) {
            if (name == "FuncCall") {
                auto parts = names(sql::list(value, "funcname"));
                setval = setval || (!parts.empty() && parts.back() == "setval");
            }
        });
        if (setval)
            return Error{s.diagnostic("SELECT setval(...) sets a sequence's position; "
                                      "sequence positions are data, not schema")};
        return refuse(" runs a query; the tree describes the schema");
    }
    if (node == "DropStmt")
        return refuse(" is refused: remove the CREATE instead; a DROP in the tree would not "
                      "say what the schema is (DROP ... IF EXISTS is accepted directly before "
                      "the statement that creates the object)");
    if (node == "TransactionStmt")
        return Error{s.diagnostic(
            enum_name(v, "kind").substr(std::string_view("TRANS_STMT_").size()) +
            " is refused; the tree is run as one transaction (BEGIN, START TRANSACTION and "
            "COMMIT around statements are accepted)")};
    if (node == "RenameStmt")
        return refuse(" is refused: write the new name in the tree, with a `-- schemac:"
                      "renamed-from <old name>` comment above it");
    if (node == "VacuumStmt" || node == "ClusterStmt" || node == "ReindexStmt" ||
        node == "LockStmt" || node == "CallStmt" || node == "ListenStmt" ||
        node == "UnlistenStmt" || node == "NotifyStmt" || node == "CreatedbStmt" ||
        node == "DropdbStmt" || node == "ExplainStmt" || node == "CheckPointStmt" ||
        node == "RefreshMatViewStmt")
        return refuse(" is an operation, not a description of the schema");
    if (node.starts_with("Create") || node == "DefineStmt" || node == "RuleStmt")
        return refuse(" is not supported yet: schemac does not manage this kind of object");
    return refuse(" is not declarative DDL; the tree holds statements that build the schema: "
                  "CREATE, ALTER of what the tree creates, COMMENT ON, GRANT, REVOKE, "
                  "settings and DO blocks");
}

std::string function_args(const json& v) {
    std::string args;
    if (!v.contains("parameters"))
        return args;
    for (const auto& p : v["parameters"]) {
        const auto& fp = p["FunctionParameter"];
        std::string mode = fp.value("mode", "FUNC_PARAM_DEFAULT");
        if (mode == "FUNC_PARAM_OUT" || mode == "FUNC_PARAM_TABLE")
            continue;
        auto parts = names(fp["argType"]["names"]);
        if (!args.empty())
            args += ",";
        for (std::size_t i = 0; i < parts.size(); ++i)
            args += (i ? "." : "") + parts[i];
        if (fp["argType"].contains("arrayBounds"))
            args += "[]";
    }
    return args;
}

/// ALTER TABLE, INDEX, SEQUENCE, VIEW, MATERIALIZED VIEW, FOREIGN TABLE or
/// TYPE, as the statement names its object kind.
std::string alter_words(const std::string& objtype) {
    static const std::pair<std::string_view, std::string_view> k_words[] = {
        {"OBJECT_TABLE", "ALTER TABLE"},
        {"OBJECT_INDEX", "ALTER INDEX"},
        {"OBJECT_SEQUENCE", "ALTER SEQUENCE"},
        {"OBJECT_VIEW", "ALTER VIEW"},
        {"OBJECT_MATVIEW", "ALTER MATERIALIZED VIEW"},
        {"OBJECT_FOREIGN_TABLE", "ALTER FOREIGN TABLE"},
        {"OBJECT_TYPE", "ALTER TYPE"},
    };
    for (const auto& [type, words] : k_words)
        if (objtype == type)
            return std::string(words);
    return "ALTER";
}

/// ALTER TABLE subcommands that take away what the tree states, in SQL words.
std::optional<std::string_view> removing_subcommand(const std::string& subtype) {
    static const std::pair<std::string_view, std::string_view> k_removing[] = {
        {"AT_DropColumn", "DROP COLUMN"},
        {"AT_DropConstraint", "DROP CONSTRAINT"},
        {"AT_DropNotNull", "ALTER COLUMN ... DROP NOT NULL"},
        {"AT_DetachPartition", "DETACH PARTITION"},
        {"AT_DetachPartitionFinalize", "DETACH PARTITION ... FINALIZE"},
        {"AT_DropInherit", "NO INHERIT"},
        {"AT_DropIdentity", "ALTER COLUMN ... DROP IDENTITY"},
        {"AT_DropExpression", "ALTER COLUMN ... DROP EXPRESSION"},
        {"AT_ResetRelOptions", "RESET (...)"},
        {"AT_ResetOptions", "ALTER COLUMN ... RESET (...)"},
        {"AT_DropOf", "NOT OF"},
        {"AT_DropCluster", "SET WITHOUT CLUSTER"},
    };
    for (const auto& [type, words] : k_removing)
        if (subtype == type)
            return words;
    return std::nullopt;
}

/// ALTER TABLE subcommands that state a property of the object (or of a
/// column of it) and need nothing more than the object.
constexpr std::string_view k_property_subcommands[] = {
    "AT_SetNotNull",        "AT_SetStatistics",    "AT_SetStorage",         "AT_SetCompression",
    "AT_SetOptions",        "AT_SetRelOptions",    "AT_ReplaceRelOptions",  "AT_SetIdentity",
    "AT_EnableRowSecurity", "AT_ForceRowSecurity", "AT_DisableRowSecurity", "AT_NoForceRowSecurity",
    "AT_SetLogged",         "AT_SetUnLogged",      "AT_ValidateConstraint", "AT_SetAccessMethod",
    "AT_SetTableSpace",     "AT_AlterConstraint",  "AT_GenericOptions",     "AT_AddOf",
    "AT_AddInherit",        "AT_EnableTrigAll",    "AT_DisableTrigAll",     "AT_EnableTrigUser",
    "AT_DisableTrigUser",   "AT_EnableRule",       "AT_EnableAlwaysRule",   "AT_EnableReplicaRule",
    "AT_DisableRule",
};

/// A constraint's contribution to ordering: a key for foreign keys to wait
/// for, the index it builds (ALTER INDEX ... ATTACH PARTITION names it), and
/// its key for the duplicate check.
void added_constraint(Statement& s, const ObjectKey& table, const json& con) {
    std::string type = con.value("contype", "");
    if (type != "CONSTR_FOREIGN" && type != "CONSTR_CHECK" && type != "CONSTR_NOTNULL")
        s.provides.push_back(keys_of(table));
    bool builds_index =
        type == "CONSTR_PRIMARY" || type == "CONSTR_UNIQUE" || type == "CONSTR_EXCLUSION";
    if (builds_index && con.contains("conname"))
        s.provides.push_back(
            catalog::relation_key(k_relation, table.schema, con.value("conname", "")));
    if (con.contains("indexname")) // ADD CONSTRAINT ... USING INDEX
        s.references.push_back(
            catalog::relation_key(k_relation, table.schema, con.value("indexname", "")));
    if (con.contains("conname") && !s.defines)
        s.defines = catalog::child_key(Kind::Constraint, table.schema, table.name,
                                       con.value("conname", ""));
}

/// The sequence an identity column is given: its SEQUENCE NAME, else
/// PostgreSQL's default name (as for serial columns).
ObjectKey identity_sequence(const ObjectKey& table, const std::string& column,
                            const json& options) {
    for (const auto& o : options)
        if (o["DefElem"].value("defname", "") == "sequence_name")
            return name_key(k_relation, names(o["DefElem"]["arg"]["List"]["items"]));
    return catalog::relation_key(k_relation, table.schema, table.name + "_" + column + "_seq");
}

/// The sequences a column definition makes: serial types and identity.
void column_sequences(Statement& s, const ObjectKey& table, const json& column) {
    static const std::set<std::string, std::less<>> k_serial = {
        "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"};
    const std::string name = column.value("colname", "");
    auto type = names(sql::list(sql::node(column, "typeName"), "names"));
    if (type.size() == 1 && k_serial.contains(type.back()))
        s.provides.push_back(
            catalog::relation_key(k_relation, table.schema, table.name + "_" + name + "_seq"));
    for (const auto& c : sql::list(column, "constraints"))
        if (c["Constraint"].value("contype", "") == "CONSTR_IDENTITY")
            s.provides.push_back(
                identity_sequence(table, name, sql::list(c["Constraint"], "options")));
}

Status classify_alter_table(Statement& s, const json& v) {
    const std::string objtype = v.value("objtype", "");
    const std::string verb = alter_words(objtype);
    if (verb == "ALTER")
        return reject(s, "AlterTableStmt", v);
    auto target = range_var_key(v["relation"]);
    if (objtype == "OBJECT_TYPE")
        target.kind = k_type;
    s.alters = target;
    s.references.push_back(target);
    const json& cmds = sql::list(v, "cmds");
    for (const auto& cmd : cmds) {
        const auto& c = cmd["AlterTableCmd"];
        const std::string subtype = c.value("subtype", "");
        const std::string name = c.value("name", "");
        if (auto removing = removing_subcommand(subtype))
            return Error{s.diagnostic(verb + " ... " + std::string(*removing) +
                                      " takes away what the tree states; change the CREATE "
                                      "statement instead")};
        if (subtype == "AT_ColumnDefault" && !c.contains("def"))
            return Error{s.diagnostic(verb +
                                      " ... ALTER COLUMN ... DROP DEFAULT takes away what the "
                                      "tree states; change the CREATE statement instead")};
        if (subtype == "AT_ChangeOwner") {
            if (cmds.size() > 1)
                return Error{s.diagnostic(verb + " ... OWNER TO is read in a statement of its "
                                                 "own; split this ALTER")};
        } else if (subtype == "AT_AddColumn" || subtype == "AT_AlterColumnType") {
            s.shapes = true;
            if (subtype == "AT_AddColumn" && c.contains("def")) {
                const json& column = c["def"]["ColumnDef"];
                column_sequences(s, target, column);
                for (const auto& con : sql::list(column, "constraints"))
                    added_constraint(s, target, con["Constraint"]);
                s.defines.reset();
            }
        } else if (subtype == "AT_AddConstraint") {
            added_constraint(s, target, c["def"]["Constraint"]);
        } else if (subtype == "AT_AddIdentity") {
            s.provides.push_back(
                identity_sequence(target, name, sql::list(c["def"]["Constraint"], "options")));
        } else if (subtype == "AT_ReplicaIdentity") {
            const json& identity = c["def"]["ReplicaIdentityStmt"];
            if (identity.contains("name"))
                s.references.push_back(
                    catalog::relation_key(k_relation, target.schema, identity.value("name", "")));
        } else if (subtype == "AT_ClusterOn") {
            s.references.push_back(catalog::relation_key(k_relation, target.schema, name));
        } else if (subtype == "AT_EnableTrig" || subtype == "AT_EnableAlwaysTrig" ||
                   subtype == "AT_EnableReplicaTrig" || subtype == "AT_DisableTrig") {
            s.references.push_back(
                catalog::child_key(Kind::Trigger, target.schema, target.name, name));
        } else if (subtype == "AT_EnableRule" || subtype == "AT_EnableAlwaysRule" ||
                   subtype == "AT_EnableReplicaRule" || subtype == "AT_DisableRule") {
            s.references.push_back(
                catalog::child_key(Kind::Rule, target.schema, target.name, name));
        } else if (subtype == "AT_AttachPartition") {
            s.references.push_back(range_var_key(c["def"]["PartitionCmd"]["name"]));
        } else if (subtype == "AT_ColumnDefault" ||
                   std::ranges::find(k_property_subcommands, subtype) !=
                       std::end(k_property_subcommands)) {
            // A property: it needs the object, and what its expression names.
        } else {
            return Error{s.diagnostic(
                verb + " ... " + camel_words(subtype.size() > 3 ? subtype.substr(3) : subtype) +
                " is not read by schemac; state the property in the "
                "CREATE statement")};
        }
    }
    return Ok{};
}

/// ALTER SEQUENCE of a sequence the tree creates: its options and OWNED BY;
/// RESTART is its position, which is data.
/// The table a sequence's OWNED BY option names, as a reference: the
/// sequence goes when that table is dropped.
void reference_owner(Statement& s, const json& options) {
    for (const auto& o : options) {
        const json& def = o["DefElem"];
        if (def.value("defname", "") != "owned_by")
            continue;
        auto parts = names(def["arg"]["List"]["items"]);
        if (parts.size() >= 2) { // [schema.]table.column; OWNED BY NONE is one part
            parts.pop_back();
            s.references.push_back(name_key(k_relation, parts));
        }
    }
}

Status classify_alter_sequence(Statement& s, const json& v) {
    s.alters = range_var_key(v["sequence"]);
    s.references.push_back(*s.alters);
    for (const auto& o : sql::list(v, "options"))
        if (o["DefElem"].value("defname", "") == "restart")
            return Error(s.diagnostic("ALTER SEQUENCE ... RESTART sets the sequence's position; "
                                      "sequence positions are data, not schema"));
    reference_owner(s, sql::list(v, "options"));
    return Ok{};
}

/// ALTER DOMAIN of a domain the tree creates: ADD CONSTRAINT [NOT VALID],
/// VALIDATE CONSTRAINT, SET NOT NULL, SET DEFAULT.
Status classify_alter_domain(Statement& s, const json& v) {
    s.alters = name_key(k_type, names(v["typeName"]));
    s.references.push_back(*s.alters);
    const std::string subtype = v.value("subtype", "");
    bool drops_default = subtype == "T" && !v.contains("def");
    if (subtype == "N" || subtype == "X" || drops_default)
        return Error(s.diagnostic(std::string("ALTER DOMAIN ... ") +
                                  (subtype == "N"   ? "DROP NOT NULL"
                                   : subtype == "X" ? "DROP CONSTRAINT"
                                                    : "DROP DEFAULT") +
                                  " takes away what the tree states; change the CREATE DOMAIN "
                                  "statement instead"));
    return Ok{};
}

/// ALTER TYPE ... ADD VALUE of an enum the tree creates (a renamed value is
/// written in the tree with a renamed-from comment instead).
Status classify_alter_enum(Statement& s, const json& v) {
    s.alters = name_key(k_type, names(v["typeName"]));
    s.references.push_back(*s.alters);
    if (v.contains("oldVal"))
        return Error(s.diagnostic("ALTER TYPE ... RENAME VALUE is refused: write the new value "
                                  "in CREATE TYPE, with a `-- schemac:renamed-from <old value>` "
                                  "comment above it"));
    return Ok{};
}

/// ALTER FUNCTION / PROCEDURE of a routine the tree creates: SET, and the
/// routine's other properties.
Status classify_alter_function(Statement& s, const json& v) {
    s.alters = name_key(k_function, names(sql::list(sql::node(v, "func"), "objname")));
    s.references.push_back(*s.alters);
    return Ok{};
}

/// ALTER POLICY of a policy the tree creates.
Status classify_alter_policy(Statement& s, const json& v) {
    auto table = range_var_key(v["table"]);
    s.alters =
        catalog::child_key(Kind::Policy, table.schema, table.name, v.value("policy_name", ""));
    s.references.push_back(table);
    return Ok{};
}

/// `DROP ... IF EXISTS`: what it names, for the idiom check after the file
/// is read; any other DROP is refused.
Status classify_drop(Statement& s, const json& v) {
    if (!v.value("missing_ok", false))
        return reject(s, "DropStmt", v);
    const std::string type = v.value("removeType", "");
    for (const auto& object : sql::list(v, "objects")) {
        if (type == "OBJECT_SCHEMA")
            s.drops.push_back(catalog::schema_key(str(object)));
        else if (type == "OBJECT_EXTENSION")
            s.drops.push_back(catalog::extension_key(str(object)));
        else if (type == "OBJECT_PUBLICATION")
            s.drops.push_back(catalog::publication_key(str(object)));
        else if (type == "OBJECT_FDW")
            s.drops.push_back(catalog::global_key(Kind::ForeignDataWrapper, str(object)));
        else if (type == "OBJECT_FOREIGN_SERVER")
            s.drops.push_back(catalog::global_key(Kind::Server, str(object)));
        else if (type == "OBJECT_EVENT_TRIGGER")
            s.drops.push_back(catalog::global_key(Kind::EventTrigger, str(object)));
        else if (type == "OBJECT_TYPE" || type == "OBJECT_DOMAIN")
            s.drops.push_back(name_key(k_type, names(object["TypeName"]["names"])));
        else if (type == "OBJECT_STATISTIC_EXT")
            s.drops.push_back(name_key(Kind::Statistics, names(object["List"]["items"])));
        else if (type == "OBJECT_FUNCTION" || type == "OBJECT_PROCEDURE")
            s.drops.push_back(name_key(k_function, names(object["ObjectWithArgs"]["objname"])));
        else if (type == "OBJECT_TRIGGER" || type == "OBJECT_POLICY" || type == "OBJECT_RULE") {
            auto parts = names(object["List"]["items"]);
            std::string name = parts.empty() ? "" : parts.back();
            if (!parts.empty())
                parts.pop_back();
            auto table = name_key(k_relation, parts);
            s.drops.push_back(catalog::child_key(type == "OBJECT_TRIGGER"  ? Kind::Trigger
                                                 : type == "OBJECT_POLICY" ? Kind::Policy
                                                                           : Kind::Rule,
                                                 table.schema, table.name, name));
        } else if (object.contains("List"))
            s.drops.push_back(name_key(k_relation, names(object["List"]["items"])));
    }
    return Ok{};
}

/// The object COMMENT ON or ALTER ... OWNER TO names (`objtype` is
/// OBJECT_TABLE, ...), which the statement references.
ObjectKey named_object(Statement& s, const std::string& objtype, const json& object) {
    std::vector<std::string> parts;
    if (object.contains("List"))
        parts = names(object["List"]["items"]);
    else if (object.contains("String"))
        parts = {str(object)};
    else if (object.contains("TypeName"))
        parts = names(object["TypeName"]["names"]);
    static const std::pair<const char*, Kind> k_children[] = {
        {"OBJECT_COLUMN", Kind::Column},   {"OBJECT_TABCONSTRAINT", Kind::Constraint},
        {"OBJECT_TRIGGER", Kind::Trigger}, {"OBJECT_POLICY", Kind::Policy},
        {"OBJECT_RULE", Kind::Rule},
    };
    ObjectKey target;
    if (auto child = std::ranges::find(k_children, objtype, [](const auto& c) { return c.first; });
        child != std::end(k_children)) {
        std::vector<std::string> table(parts.begin(), parts.end() - (parts.empty() ? 0 : 1));
        ObjectKey on = name_key(k_relation, table);
        s.references.push_back(on);
        target = catalog::child_key(child->second, on.schema, on.name,
                                    parts.empty() ? "" : parts.back());
    } else if (objtype == "OBJECT_SCHEMA" || objtype == "OBJECT_EXTENSION" ||
               objtype == "OBJECT_PUBLICATION" || objtype == "OBJECT_FDW" ||
               objtype == "OBJECT_FOREIGN_SERVER" || objtype == "OBJECT_EVENT_TRIGGER") {
        std::string name = parts.empty() ? "" : parts[0];
        target = objtype == "OBJECT_SCHEMA"        ? catalog::schema_key(name)
                 : objtype == "OBJECT_EXTENSION"   ? catalog::extension_key(name)
                 : objtype == "OBJECT_PUBLICATION" ? catalog::publication_key(name)
                 : objtype == "OBJECT_FDW" ? catalog::global_key(Kind::ForeignDataWrapper, name)
                 : objtype == "OBJECT_EVENT_TRIGGER" ? catalog::global_key(Kind::EventTrigger, name)
                                                     : catalog::global_key(Kind::Server, name);
        s.references.push_back(target);
    } else {
        Kind kind = (objtype == "OBJECT_TYPE" || objtype == "OBJECT_DOMAIN") ? k_type
                    : (objtype == "OBJECT_FUNCTION" || objtype == "OBJECT_PROCEDURE" ||
                       objtype == "OBJECT_ROUTINE" || objtype == "OBJECT_AGGREGATE")
                        ? k_function
                    : objtype == "OBJECT_STATISTIC_EXT" ? Kind::Statistics
                    : objtype == "OBJECT_COLLATION"     ? Kind::Collation
                                                        : k_relation;
        if (kind == k_function && object.contains("ObjectWithArgs"))
            parts = names(object["ObjectWithArgs"]["objname"]);
        target = name_key(kind, parts);
        s.references.push_back(target);
        if (objtype == "OBJECT_PROCEDURE")
            target.kind = Kind::Procedure;
        else if (objtype == "OBJECT_AGGREGATE")
            target.kind = Kind::Aggregate;
    }
    return target;
}

/// The object a COMMENT ON names, with the reference that orders it after
/// that object; its `defines` is the object's comment (one per object).
Status classify_comment(Statement& s, const json& v) {
    s.defines = catalog::facet_of(named_object(s, v.value("objtype", ""), v["object"]),
                                  catalog::Facet::Comment);
    return Ok{};
}

/// ALTER ... OWNER TO runs in the shadow, whose owners are compared where
/// the tree states one: of what the tree creates, like any ALTER. The owner
/// of a publication, event trigger, foreign-data wrapper or what schemac
/// does not model (the database, a tablespace) is read and left as it is: a
/// superuser's, not the tree's.
Status classify_owner(Statement& s, const json& v) {
    static const std::set<std::string, std::less<>> compared{
        "OBJECT_SCHEMA",        "OBJECT_FUNCTION",      "OBJECT_PROCEDURE", "OBJECT_ROUTINE",
        "OBJECT_AGGREGATE",     "OBJECT_TYPE",          "OBJECT_DOMAIN",    "OBJECT_COLLATION",
        "OBJECT_STATISTIC_EXT", "OBJECT_FOREIGN_SERVER"};
    const std::string objtype = v.value("objectType", "");
    s.runs = compared.contains(objtype);
    if (s.runs) {
        // Routines are created, and so altered, under the function's key.
        s.alters = named_object(s, objtype, sql::node(v, "object"));
        if (s.alters->kind == Kind::Procedure || s.alters->kind == Kind::Aggregate)
            s.alters->kind = k_function;
    }
    return Ok{};
}

Status classify_extension(Statement& s, const json& v) {
    s.creates = catalog::extension_key(v.value("extname", ""));
    for (const auto& o : sql::list(v, "options"))
        if (o["DefElem"].value("defname", "") == "schema")
            s.references.push_back(catalog::schema_key(str(o["DefElem"]["arg"])));
    return Ok{};
}

Status classify_table(Statement& s, const json& v) {
    s.creates = range_var_key(v["relation"]);
    auto row_type = *s.creates;
    row_type.kind = k_type;
    s.provides.push_back(row_type);
    s.provides.push_back(keys_of(*s.creates));
    for (const auto& element : sql::list(v, "tableElts")) {
        if (element.contains("ColumnDef")) {
            column_sequences(s, *s.creates, element["ColumnDef"]);
            for (const auto& con : sql::list(element["ColumnDef"], "constraints"))
                added_constraint(s, *s.creates, con["Constraint"]);
        } else if (element.contains("Constraint")) {
            added_constraint(s, *s.creates, element["Constraint"]);
        }
    }
    s.defines.reset(); // the table's own key, not a constraint's
    return Ok{};
}

Status classify_index(Statement& s, const json& v) {
    auto table = range_var_key(v["relation"]);
    if (v.contains("idxname"))
        s.creates = catalog::relation_key(k_relation, table.schema, v.value("idxname", ""));
    if (v.value("unique", false))
        s.provides.push_back(keys_of(table));
    s.concurrent = v.value("concurrent", false);
    return Ok{};
}

Status classify_function(Statement& s, const json& v) {
    s.creates = name_key(k_function, names(v["funcname"]));
    s.defines = *s.creates;
    s.defines->kind = v.value("is_procedure", false) ? Kind::Procedure : Kind::Function;
    s.defines->args = function_args(v);
    auto body = sql::read_function(s.sql, k_unqualified);
    for (const auto& [schema, name] : body.checked_at_creation)
        s.references.push_back(catalog::relation_key(k_relation, schema, name));
    for (const auto& [schema, name] : body.called)
        s.references.push_back(catalog::relation_key(k_function, schema, name));
    return Ok{};
}

Status classify_trigger(Statement& s, const json& v) {
    auto table = range_var_key(v["relation"]);
    s.creates =
        catalog::child_key(Kind::Trigger, table.schema, table.name, v.value("trigname", ""));
    s.references.push_back(name_key(k_function, names(v["funcname"])));
    return Ok{};
}

Status classify_rule(Statement& s, const json& v) {
    auto table = range_var_key(v["relation"]);
    s.creates = catalog::child_key(Kind::Rule, table.schema, table.name, v.value("rulename", ""));
    return Ok{};
}

Status classify_policy(Statement& s, const json& v) {
    auto table = range_var_key(v["table"]);
    s.creates =
        catalog::child_key(Kind::Policy, table.schema, table.name, v.value("policy_name", ""));
    return Ok{};
}

Status classify_default_privileges(Statement& s, const json& v) {
    for (const auto& o : sql::list(v, "options"))
        if (o["DefElem"].value("defname", "") == "schemas")
            for (const auto& schema : names(o["DefElem"]["arg"]["List"]["items"]))
                s.references.push_back(catalog::schema_key(schema));
    return Ok{};
}

/// The SQL statements of a PL/pgSQL block, as pg_query_parse_plpgsql finds
/// them: each statement it runs, and the text of an EXECUTE of a constant.
/// Nullopt when the body does not parse.
std::optional<std::vector<std::string>> block_statements(const std::string& body) {
    std::string tag = "$schemac$";
    while (body.find(tag) != std::string::npos)
        tag.insert(tag.size() - 1, "_");
    std::string function =
        "CREATE FUNCTION schemac_do() RETURNS void LANGUAGE plpgsql AS " + tag + body + tag;
    PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(function.c_str());
    if (parsed.error) {
        pg_query_free_plpgsql_parse_result(parsed);
        return std::nullopt;
    }
    json tree = json::parse(parsed.plpgsql_funcs);
    pg_query_free_plpgsql_parse_result(parsed);
    std::vector<std::string> out;
    sql::walk(tree, [&](const std::string& name, const json& value) {
        if (name == "PLpgSQL_stmt_execsql")
            out.push_back(value["sqlstmt"]["PLpgSQL_expr"].value("query", ""));
        if (name == "PLpgSQL_stmt_dynexecute") {
            // EXECUTE 'CREATE ...': the constant is the statement.
            std::string expr = value["query"]["PLpgSQL_expr"].value("query", "");
            PgQueryParseResult select = pg_query_parse(("SELECT " + expr).c_str());
            if (!select.error) {
                json parsed_select = json::parse(select.parse_tree);
                const json& statement = sql::node(parsed_select["stmts"][0]["stmt"], "SelectStmt");
                const json& targets = sql::list(statement, "targetList");
                const json target = targets.size() == 1
                                        ? sql::node(sql::node(targets[0], "ResTarget"), "val")
                                        : json::object();
                if (target.contains("A_Const") && target["A_Const"].contains("sval"))
                    out.push_back(target["A_Const"]["sval"].value("sval", ""));
            }
            pg_query_free_parse_result(select);
        }
    });
    return out;
}

/// A DO block: run in its place; the statements inside take part in the
/// ordering like any statement. One that writes data is refused; one that
/// only creates roles is read, not run (the shadow creates the roles).
Status classify_do(Statement& s, const json& v) {
    std::string language = "plpgsql";
    std::string body;
    for (const auto& arg : sql::list(v, "args")) {
        const json& def = arg["DefElem"];
        if (def.value("defname", "") == "as")
            body = str(def["arg"]);
        if (def.value("defname", "") == "language")
            language = str(def["arg"]);
    }
    if (language != "plpgsql")
        return Error(s.diagnostic("DO ... LANGUAGE " + language +
                                  ": schemac reads DO blocks in plpgsql only"));
    auto inner = block_statements(body);
    if (!inner)
        return Error(s.diagnostic("DO: the block's body does not parse as PL/pgSQL"));
    bool roles = false;
    bool other = false;
    for (const auto& text : *inner) {
        PgQueryParseResult parsed = pg_query_parse(text.c_str());
        if (parsed.error) {
            pg_query_free_parse_result(parsed);
            continue; // a statement PostgreSQL reports when the block runs
        }
        json tree = json::parse(parsed.parse_tree);
        pg_query_free_parse_result(parsed);
        for (const auto& raw : sql::list(tree, "stmts")) {
            const json& stmt = raw["stmt"];
            const std::string node = stmt.begin().key();
            if (writes_data(node))
                return Error(s.diagnostic("DO: the block runs " + sql_words(node) +
                                          ", which writes data; the tree describes the schema "
                                          "(data moves in data steps)"));
            if (node == "CreateRoleStmt") {
                roles = true;
                s.roles.push_back(stmt[node].value("role", ""));
                continue;
            }
            if (node == "SelectStmt" || node == "VariableSetStmt")
                continue; // a read (SELECT ... INTO), a setting of the block
            Statement part;
            part.file = s.file;
            part.offset = s.offset;
            part.sql = text;
            part.search_path = s.search_path;
            if (auto read = classify(part, stmt); !read)
                return read.error().within("in this DO block");
            if (!part.drops.empty())
                return Error(s.diagnostic("DO: the block runs DROP; a DROP in the tree would not "
                                          "say what the schema is"));
            other = true;
            if (part.creates && !s.creates)
                s.creates = part.creates;
            else if (part.creates)
                s.provides.push_back(*part.creates);
            std::ranges::move(part.provides, std::back_inserter(s.provides));
            std::ranges::move(part.references, std::back_inserter(s.references));
            std::ranges::move(part.roles, std::back_inserter(s.roles));
            std::ranges::move(part.after_all, std::back_inserter(s.after_all));
            if (part.alters && !s.alters)
                s.alters = part.alters;
            s.shapes = s.shapes || part.shapes;
        }
    }
    if (roles && other)
        return Error(s.diagnostic("DO: a block that creates roles and other objects; the "
                                  "shadow creates the roles the tree names, so put CREATE "
                                  "ROLE in a DO block of its own"));
    s.runs = !roles;
    return Ok{};
}

/// CREATE PUBLICATION, and ALTER PUBLICATION ... ADD / SET of one the tree
/// creates: they come after the tables they name (collect_references) and
/// the schemas of TABLES IN SCHEMA.
Status classify_publication(Statement& s, const json& v) {
    const ObjectKey publication = catalog::publication_key(v.value("pubname", ""));
    if (s.node == "CreatePublicationStmt") {
        s.creates = publication;
    } else {
        if (v.value("action", "") == "AP_DropObjects")
            return Error{s.diagnostic("ALTER PUBLICATION ... DROP takes away what the tree "
                                      "states; change the CREATE PUBLICATION instead")};
        s.alters = publication;
        s.references.push_back(publication);
    }
    for (const auto& object : sql::list(v, "pubobjects")) {
        const json& spec = object["PublicationObjSpec"];
        const std::string type = spec.value("pubobjtype", "");
        if (type == "PUBLICATIONOBJ_TABLES_IN_SCHEMA")
            s.references.push_back(catalog::schema_key(spec.value("name", "")));
        else if (type == "PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA")
            return Error{s.diagnostic("TABLES IN SCHEMA CURRENT_SCHEMA depends on the session; "
                                      "name the schema")};
    }
    return Ok{};
}

/// CREATE EVENT TRIGGER after the function it runs; ALTER EVENT TRIGGER
/// (ENABLE, DISABLE) after the trigger.
Status classify_event_trigger(Statement& s, const json& v) {
    const ObjectKey trigger = catalog::global_key(Kind::EventTrigger, v.value("trigname", ""));
    if (s.node == "CreateEventTrigStmt") {
        s.creates = trigger;
        s.references.push_back(name_key(k_function, names(v["funcname"])));
    } else {
        s.alters = trigger;
        s.references.push_back(trigger);
    }
    return Ok{};
}

/// CREATE STATISTICS after its table (collect_references finds it);
/// ALTER STATISTICS ... SET STATISTICS after the statistics. PostgreSQL
/// names one created without a name itself.
Status classify_statistics(Statement& s, const json& v) {
    auto parts = names(v["defnames"]);
    if (s.node == "CreateStatsStmt") {
        if (parts.empty())
            return Error{s.diagnostic("CREATE STATISTICS without a name: PostgreSQL would choose "
                                      "one; name it so that the tree can say which it means")};
        s.creates = name_key(Kind::Statistics, parts);
    } else {
        s.alters = name_key(Kind::Statistics, parts);
        s.references.push_back(*s.alters);
    }
    return Ok{};
}

/// `FOR role` of a user mapping, as its key names it: a quoted name,
/// CURRENT_USER (SESSION_USER, USER: whoever runs it) or PUBLIC.
std::string mapping_role(const json& spec) {
    const std::string type = spec.value("roletype", "");
    if (type == "ROLESPEC_CSTRING")
        return catalog::quote_ident(spec.value("rolename", ""));
    return type == "ROLESPEC_PUBLIC" ? "PUBLIC" : "CURRENT_USER";
}

/// CREATE FOREIGN DATA WRAPPER, SERVER, USER MAPPING and FOREIGN TABLE: each
/// after what it names (a wrapper's handler and validator, a server's
/// wrapper, the server of a mapping or a foreign table).
Status classify_foreign(Statement& s, const json& v) {
    if (s.node == "CreateFdwStmt") {
        s.creates = catalog::global_key(Kind::ForeignDataWrapper, v.value("fdwname", ""));
        for (const auto& option : sql::list(v, "func_options"))
            if (const auto& def = option["DefElem"];
                def.contains("arg") && def["arg"].contains("List"))
                s.references.push_back(name_key(k_function, names(def["arg"]["List"]["items"])));
        return Ok{};
    }
    const auto server = catalog::global_key(Kind::Server, v.value("servername", ""));
    if (s.node == "CreateForeignServerStmt") {
        s.creates = server;
        s.references.push_back(
            catalog::global_key(Kind::ForeignDataWrapper, v.value("fdwname", "")));
    } else if (s.node == "CreateUserMappingStmt") {
        s.creates = catalog::user_mapping_key(server.name, mapping_role(v["user"]));
        // Not a RoleSpec node (collect_references does not see it): the role itself.
        if (v["user"].value("roletype", "") == "ROLESPEC_CSTRING")
            s.roles.push_back(v["user"].value("rolename", ""));
    } else {
        if (auto done = classify_table(s, v["base"]); !done)
            return done;
    }
    s.references.push_back(server);
    return Ok{};
}

/// How the loader reads one kind of statement: what it creates and uses, or
/// why it refuses it; and the real kind of what it creates, where `creates`
/// holds only its name class (for the duplicate check's message).
struct Rule {
    std::string_view node;
    Status (*classify)(Statement&, const json&);
    std::optional<Kind> defines = std::nullopt;
};

/// GRANT and REVOKE: `ON SCHEMA s` and `ON ALL ... IN SCHEMA s` name the
/// schema (as a string, which collect_references does not see). `ON ALL
/// <kind> IN SCHEMA s` reaches the objects of those kinds that exist when it
/// runs (ALL TABLES: views too; ALL SEQUENCES: a table's serial and identity
/// sequences too).
Status classify_grant(Statement& s, const json& v) {
    const std::string target = v.value("targtype", "");
    const bool on_schemas =
        target == "ACL_TARGET_OBJECT" && v.value("objtype", "") == "OBJECT_SCHEMA";
    if (on_schemas || target == "ACL_TARGET_ALL_IN_SCHEMA")
        for (const auto& schema : names(sql::list(v, "objects")))
            s.references.push_back(catalog::schema_key(schema));
    if (target != "ACL_TARGET_ALL_IN_SCHEMA")
        return Ok{};
    static const std::map<std::string, std::vector<Kind>> k_reached = {
        {"OBJECT_TABLE", {Kind::Table, Kind::View, Kind::MaterializedView}},
        {"OBJECT_SEQUENCE", {Kind::Sequence, Kind::Table}},
        {"OBJECT_FUNCTION", {Kind::Function}},
        {"OBJECT_PROCEDURE", {Kind::Procedure}},
        {"OBJECT_ROUTINE", {Kind::Function, Kind::Procedure}},
    };
    auto kinds = k_reached.find(v.value("objtype", ""));
    if (kinds == k_reached.end())
        return Ok{};
    for (const auto& schema : names(sql::list(v, "objects")))
        for (Kind kind : kinds->second)
            s.after_all.push_back(catalog::relation_key(kind, schema, ""));
    return Ok{};
}

// clang-format off
const Rule k_rules[] = {
    {"CreateSchemaStmt", [](Statement& s, const json& v) -> Status {
         s.creates = catalog::schema_key(v.value("schemaname", ""));
         return Ok{};
     }},
    {"CreateExtensionStmt", classify_extension},
    {"CreateEnumStmt", [](Statement& s, const json& v) -> Status {
         s.creates = name_key(k_type, names(v["typeName"]));
         s.defines = name_key(Kind::Enum, names(v["typeName"]));
         return Ok{};
     }},
    {"CompositeTypeStmt", [](Statement& s, const json& v) -> Status {
         s.creates = range_var_key(v["typevar"]);
         s.creates->kind = k_type;
         return Ok{};
     }, Kind::CompositeType},
    {"DefineStmt", [](Statement& s, const json& v) -> Status {
         const std::string kind = v.value("kind", "");
         if (kind == "OBJECT_COLLATION")
             s.creates = name_key(Kind::Collation, names(v["defnames"]));
         else if (kind == "OBJECT_AGGREGATE")
             s.creates = name_key(k_function, names(v["defnames"]));
         else
             return Error{s.diagnostic("CREATE OPERATOR, TEXT SEARCH ... or a base TYPE is not "
                                       "supported yet: schemac does not manage this kind of "
                                       "object")};
         return Ok{};
     }},
    {"CreateRangeStmt", [](Statement& s, const json& v) -> Status {
         s.creates = name_key(k_type, names(v["typeName"]));
         return Ok{};
     }, Kind::RangeType},
    {"CreateDomainStmt", [](Statement& s, const json& v) -> Status {
         s.creates = name_key(k_type, names(v["domainname"]));
         return Ok{};
     }, Kind::Domain},
    {"CreateSeqStmt", [](Statement& s, const json& v) -> Status {
         s.creates = range_var_key(v["sequence"]);
         reference_owner(s, sql::list(v, "options"));
         return Ok{};
     }, Kind::Sequence},
    {"CreateStmt", classify_table},
    {"IndexStmt", classify_index, Kind::Index},
    {"ViewStmt", [](Statement& s, const json& v) -> Status {
         s.creates = range_var_key(v["view"]);
         return Ok{};
     }, Kind::View},
    {"CreateTableAsStmt", [](Statement& s, const json& v) -> Status {
         if (v.value("objtype", "") != "OBJECT_MATVIEW")
             return Error(s.diagnostic("CREATE TABLE AS writes data (the query's rows); "
                                       "write CREATE TABLE with the columns instead"));
         s.creates = range_var_key(v["into"]["rel"]);
         s.populates = !v["into"].value("skipData", false);
         return Ok{};
     }, Kind::MaterializedView},
    {"CreateFunctionStmt", classify_function},
    {"CreateTrigStmt", classify_trigger},
    {"CreatePolicyStmt", classify_policy},
    {"RuleStmt", classify_rule},
    {"AlterTableStmt", classify_alter_table},
    {"AlterSeqStmt", classify_alter_sequence},
    {"AlterDomainStmt", classify_alter_domain},
    {"AlterEnumStmt", classify_alter_enum},
    {"AlterFunctionStmt", classify_alter_function},
    {"AlterPolicyStmt", classify_alter_policy},
    {"AlterOwnerStmt", classify_owner},
    // Roles belong to the cluster: the shadow creates every role the tree
    // names, and a target must have them; CREATE ROLE says which, as a DO
    // block that creates roles does.
    {"CreateRoleStmt", [](Statement& s, const json& v) -> Status {
         s.runs = false;
         s.roles.push_back(v.value("role", ""));
         return Ok{};
     }},
    {"CreateFdwStmt", classify_foreign},
    {"CreateForeignServerStmt", classify_foreign},
    {"CreateUserMappingStmt", classify_foreign},
    {"CreateForeignTableStmt", classify_foreign},
    {"CreatePublicationStmt", classify_publication},
    {"AlterPublicationStmt", classify_publication},
    {"CreateStatsStmt", classify_statistics},
    {"AlterStatsStmt", classify_statistics},
    {"CreateEventTrigStmt", classify_event_trigger},
    {"AlterEventTrigStmt", classify_event_trigger},
    {"CommentStmt", classify_comment},
    {"AlterDefaultPrivilegesStmt", classify_default_privileges},
    // GRANT and REVOKE both describe privileges (REVOKE EXECUTE ... FROM
    // PUBLIC is how a function stops being callable by everyone).
    {"GrantStmt", classify_grant},
    {"DoStmt", classify_do},
    {"DropStmt", classify_drop},
};
// clang-format on

/// A key built from an unqualified name, for what the statement creates:
/// in the first schema of its search_path, as PostgreSQL creates it.
Status qualify_created(Statement& s) {
    bool empty_path = false;
    auto qualify = [&](ObjectKey& key) {
        if (!key.schema.empty() || catalog::is_global(key.kind))
            return;
        if (s.search_path.empty())
            empty_path = true;
        else
            key.schema = s.search_path.front();
    };
    if (s.creates)
        qualify(*s.creates);
    if (s.defines)
        qualify(*s.defines);
    for (auto& key : s.provides)
        qualify(key);
    for (auto& key : s.drops)
        qualify(key);
    if (empty_path)
        return Error(s.diagnostic("no schema has been selected to create in: the file's "
                                  "search_path is empty; qualify the name"));
    return Ok{};
}

/// References sorted without duplicates, and without what the statement
/// creates itself; roles sorted without duplicates.
void tidy(Statement& s) {
    std::erase_if(s.references, [&](const ObjectKey& k) {
        return (s.creates && k == *s.creates) ||
               std::ranges::find(s.provides, k) != s.provides.end();
    });
    std::ranges::sort(s.references);
    s.references.erase(std::unique(s.references.begin(), s.references.end()), s.references.end());
    std::ranges::sort(s.roles);
    s.roles.erase(std::unique(s.roles.begin(), s.roles.end()), s.roles.end());
}

} // namespace

Status classify(Statement& s, const json& stmt) {
    s.node = stmt.begin().key();
    const json& v = stmt.begin().value();
    collect_references(v, s);
    const auto* rule = std::ranges::find(k_rules, s.node, &Rule::node);
    if (rule == std::end(k_rules))
        return reject(s, s.node, v);
    if (auto done = rule->classify(s, v); !done)
        return done;
    s.if_not_exists = v.value("if_not_exists", false);
    s.or_replace = v.value("replace", false);
    if (s.creates && !s.defines) {
        s.defines = *s.creates;
        if (rule->defines)
            s.defines->kind = *rule->defines;
    }
    if (auto qualified = qualify_created(s); !qualified)
        return qualified;
    // What is created in a schema comes after the schema (a dump's
    // app/functions/ sorts before app/schema.sql).
    if (s.creates && !s.creates->schema.empty())
        s.references.push_back(catalog::schema_key(s.creates->schema));
    tidy(s);
    return Ok{};
}

} // namespace schemac::load
