#include "load/classify.h"

#include "sql/body_references.h"
#include "sql/walk.h"

#include <algorithm>
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
constexpr const char* k_default_schema = "public";

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
    return catalog::relation_key(kind, k_default_schema, parts.empty() ? "" : parts.back());
}

ObjectKey range_var_key(const json& rv) {
    return catalog::relation_key(k_relation, rv.value("schemaname", k_default_schema),
                                 rv.value("relname", ""));
}

/// `'schema.name'` as written in nextval('...') or '...'::regclass.
ObjectKey regclass_key(const std::string& text) {
    auto dot = text.find('.');
    if (dot == std::string::npos)
        return catalog::relation_key(k_relation, k_default_schema, text);
    return catalog::relation_key(k_relation, text.substr(0, dot), text.substr(dot + 1));
}

ObjectKey keys_of(ObjectKey table) {
    return catalog::facet_of(std::move(table), catalog::Facet::Keys);
}

/// A function call names its function, and nextval('s') / setval / currval
/// name their sequence.
void function_call(const json& call, Statement& out) {
    auto parts = names(call.value("funcname", json::array()));
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
    if (name == "TypeCast" && value.contains("arg") && value["arg"].contains("A_Const") &&
        value.contains("typeName")) {
        auto parts = names(value["typeName"].value("names", json::array()));
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
    if (name == "RoleSpec" && value.value("roletype", "") == "ROLESPEC_CSTRING")
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

Status reject(const Statement& s, const std::string& what) {
    return Error{s.diagnostic(what + " is not declarative DDL; schemac accepts CREATE, "
                                     "COMMENT ON, GRANT and REVOKE statements that describe "
                                     "the desired state")};
}

/// Names for statement kinds that are refused, for clearer messages.
std::string describe_refused(const std::string& node, const json& v) {
    if (node == "InsertStmt")
        return "INSERT";
    if (node == "UpdateStmt")
        return "UPDATE";
    if (node == "DeleteStmt")
        return "DELETE";
    if (node == "DropStmt")
        return "DROP";
    if (node == "TransactionStmt")
        return "a transaction command (" + enum_name(v, "kind") + ")";
    if (node == "VariableSetStmt")
        return "SET";
    if (node == "SelectStmt")
        return "SELECT";
    if (node == "TruncateStmt")
        return "TRUNCATE";
    if (node == "CreateRoleStmt")
        return "CREATE ROLE (roles are cluster-wide and not managed by migrations)";
    std::string plain = node;
    if (plain.ends_with("Stmt"))
        plain.resize(plain.size() - 4);
    return "statement " + plain;
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

Status classify_alter_table(Statement& s, const json& v) {
    auto table = range_var_key(v["relation"]);
    s.references.push_back(table);
    for (const auto& cmd : v["cmds"]) {
        const auto& c = cmd["AlterTableCmd"];
        std::string subtype = c.value("subtype", "");
        if (subtype == "AT_EnableRowSecurity" || subtype == "AT_ForceRowSecurity")
            continue;
        if (subtype != "AT_AddConstraint")
            return Error{s.diagnostic(
                "ALTER TABLE " + subtype.substr(3) +
                " is not declarative DDL; describe the column or table in CREATE TABLE "
                "(ALTER TABLE accepts only ADD CONSTRAINT and ENABLE / FORCE ROW LEVEL "
                "SECURITY)")};
        const auto& con = c["def"]["Constraint"];
        std::string type = con.value("contype", "");
        if (type != "CONSTR_FOREIGN")
            s.provides.push_back(keys_of(table));
        if (con.contains("conname") && !s.defines)
            s.defines = catalog::child_key(Kind::Constraint, table.schema, table.name,
                                           con.value("conname", ""));
    }
    return Ok{};
}

/// The object a COMMENT ON names, with the reference that orders it after
/// that object; its `defines` is the object's comment (one per object).
Status classify_comment(Statement& s, const json& v) {
    std::string objtype = v.value("objtype", "");
    const json& object = v["object"];
    std::vector<std::string> parts;
    if (object.contains("List"))
        parts = names(object["List"]["items"]);
    else if (object.contains("String"))
        parts = {str(object)};
    else if (object.contains("TypeName"))
        parts = names(object["TypeName"]["names"]);
    static const std::pair<const char*, Kind> k_children[] = {
        {"OBJECT_COLUMN", Kind::Column},
        {"OBJECT_TABCONSTRAINT", Kind::Constraint},
        {"OBJECT_TRIGGER", Kind::Trigger},
        {"OBJECT_POLICY", Kind::Policy},
    };
    ObjectKey target;
    if (auto child = std::ranges::find(k_children, objtype, [](const auto& c) { return c.first; });
        child != std::end(k_children)) {
        std::vector<std::string> table(parts.begin(), parts.end() - (parts.empty() ? 0 : 1));
        ObjectKey on = name_key(k_relation, table);
        s.references.push_back(on);
        target = catalog::child_key(child->second, on.schema, on.name,
                                    parts.empty() ? "" : parts.back());
    } else if (objtype == "OBJECT_SCHEMA" || objtype == "OBJECT_EXTENSION") {
        target = objtype == "OBJECT_SCHEMA" ? catalog::schema_key(parts.empty() ? "" : parts[0])
                                            : catalog::extension_key(parts.empty() ? "" : parts[0]);
        s.references.push_back(target);
    } else {
        Kind kind = (objtype == "OBJECT_TYPE" || objtype == "OBJECT_DOMAIN")          ? k_type
                    : (objtype == "OBJECT_FUNCTION" || objtype == "OBJECT_PROCEDURE") ? k_function
                                                                                      : k_relation;
        if (kind == k_function && object.contains("ObjectWithArgs"))
            parts = names(object["ObjectWithArgs"]["objname"]);
        target = name_key(kind, parts);
        s.references.push_back(target);
        if (objtype == "OBJECT_PROCEDURE")
            target.kind = Kind::Procedure;
    }
    s.defines = catalog::facet_of(std::move(target), catalog::Facet::Comment);
    return Ok{};
}

Status classify_extension(Statement& s, const json& v) {
    s.creates = catalog::extension_key(v.value("extname", ""));
    for (const auto& o : v.value("options", json::array()))
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
    return Ok{};
}

Status classify_index(Statement& s, const json& v) {
    auto table = range_var_key(v["relation"]);
    if (v.contains("idxname"))
        s.creates = catalog::relation_key(k_relation, table.schema, v.value("idxname", ""));
    if (v.value("unique", false))
        s.provides.push_back(keys_of(table));
    return Ok{};
}

Status classify_function(Statement& s, const json& v) {
    s.creates = name_key(k_function, names(v["funcname"]));
    s.defines = *s.creates;
    s.defines->kind = v.value("is_procedure", false) ? Kind::Procedure : Kind::Function;
    s.defines->args = function_args(v);
    for (const auto& [schema, name] : sql::read_function(s.sql).checked_at_creation)
        s.references.push_back(catalog::relation_key(k_relation, schema, name));
    return Ok{};
}

Status classify_trigger(Statement& s, const json& v) {
    auto table = range_var_key(v["relation"]);
    s.creates =
        catalog::child_key(Kind::Trigger, table.schema, table.name, v.value("trigname", ""));
    s.references.push_back(name_key(k_function, names(v["funcname"])));
    return Ok{};
}

Status classify_policy(Statement& s, const json& v) {
    auto table = range_var_key(v["table"]);
    s.creates =
        catalog::child_key(Kind::Policy, table.schema, table.name, v.value("policy_name", ""));
    return Ok{};
}

Status classify_alter_sequence(Statement& s, const json& v) {
    for (const auto& o : v.value("options", json::array()))
        if (o["DefElem"].value("defname", "") != "owned_by")
            return Error(s.diagnostic("ALTER SEQUENCE accepts only OWNED BY; put the "
                                      "sequence's options in CREATE SEQUENCE"));
    return Ok{};
}

Status classify_default_privileges(Statement& s, const json& v) {
    for (const auto& o : v.value("options", json::array()))
        if (o["DefElem"].value("defname", "") == "schemas")
            for (const auto& schema : names(o["DefElem"]["arg"]["List"]["items"]))
                s.references.push_back(catalog::schema_key(schema));
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
    {"CreateDomainStmt", [](Statement& s, const json& v) -> Status {
         s.creates = name_key(k_type, names(v["domainname"]));
         return Ok{};
     }, Kind::Domain},
    {"CreateSeqStmt", [](Statement& s, const json& v) -> Status {
         s.creates = range_var_key(v["sequence"]);
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
             return reject(s, "CREATE TABLE AS");
         s.creates = range_var_key(v["into"]["rel"]);
         s.populates = !v["into"].value("skipData", false);
         return Ok{};
     }, Kind::MaterializedView},
    {"CreateFunctionStmt", classify_function},
    {"CreateTrigStmt", classify_trigger},
    {"CreatePolicyStmt", classify_policy},
    {"AlterTableStmt", [](Statement& s, const json& v) -> Status {
         if (v.value("objtype", "") != "OBJECT_TABLE")
             return reject(s, "ALTER " + v.value("objtype", "").substr(7));
         return classify_alter_table(s, v);
     }},
    {"AlterSeqStmt", classify_alter_sequence},
    {"CommentStmt", classify_comment},
    {"AlterDefaultPrivilegesStmt", classify_default_privileges},
    // GRANT and REVOKE both describe privileges (REVOKE EXECUTE ... FROM
    // PUBLIC is how a function stops being callable by everyone).
    {"GrantStmt", [](Statement&, const json&) -> Status { return Ok{}; }},
};
// clang-format on

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
        return reject(s, describe_refused(s.node, v));
    if (auto done = rule->classify(s, v); !done)
        return done;
    if (s.creates && !s.defines) {
        s.defines = *s.creates;
        if (rule->defines)
            s.defines->kind = *rule->defines;
    }
    tidy(s);
    return Ok{};
}

} // namespace schemac::load
