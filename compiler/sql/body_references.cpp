#include "sql/body_references.h"

#include "sql/walk.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <pg_query.h>
#include <vector>

namespace schemac::sql {
namespace {

using nlohmann::json;

void add_range_var(const json& range_var, const std::string& unqualified, Names& out) {
    if (range_var.is_object() && range_var.contains("relname"))
        out.emplace(range_var.value("schemaname", unqualified), range_var.value("relname", ""));
}

std::vector<std::string> name_parts(const std::string& text);

/// The sequence of `nextval('s')`, `currval('s')` or `setval('s', ...)`:
/// its text is converted to regclass when the call is analyzed.
void add_sequence_argument(const json& call, const std::string& unqualified, Names& out) {
    const auto& funcname = list(call, "funcname");
    if (funcname.empty() || !call.contains("args") || call["args"].empty())
        return;
    std::string fn = funcname.back().contains("String")
                         ? funcname.back()["String"].value("sval", "")
                         : std::string();
    const auto& arg = call["args"][0];
    if ((fn != "nextval" && fn != "currval" && fn != "setval") || !arg.contains("A_Const") ||
        !arg["A_Const"].contains("sval"))
        return;
    auto parts = name_parts(arg["A_Const"]["sval"].value("sval", ""));
    if (parts.size() == 1)
        out.emplace(unqualified, parts[0]);
    else if (parts.size() >= 2)
        out.emplace(parts[parts.size() - 2], parts.back());
}

/// Every relation a parse tree names, sequences named by nextval('...') too.
void collect_relations(const json& tree, const std::string& unqualified, Names& out) {
    walk(tree, [&](const std::string& name, const json& value) {
        if (name == "RangeVar" || name == "relation")
            add_range_var(value, unqualified, out);
        if (name == "FuncCall" && value.is_object())
            add_sequence_argument(value, unqualified, out);
    });
}

/// Every function a parse tree calls by name.
void collect_calls(const json& tree, const std::string& unqualified, Names& out) {
    walk(tree, [&](const std::string& name, const json& value) {
        if (name != "FuncCall" || !value.is_object())
            return;
        std::vector<std::string> parts;
        for (const auto& part : list(value, "funcname"))
            if (part.contains("String"))
                parts.push_back(part["String"].value("sval", ""));
        if (parts.size() == 1)
            out.emplace(unqualified, parts[0]);
        else if (parts.size() >= 2)
            out.emplace(parts[parts.size() - 2], parts.back());
    });
}

/// The target relation of every INSERT, UPDATE, DELETE and MERGE in a tree.
void collect_written(const json& tree, const std::string& unqualified, Names& out) {
    walk(tree, [&](const std::string& name, const json& value) {
        if (name == "InsertStmt" || name == "UpdateStmt" || name == "DeleteStmt" ||
            name == "MergeStmt")
            add_range_var(value.value("relation", json()), unqualified, out);
        if (name == "TruncateStmt")
            for (const auto& relation : list(value, "relations"))
                add_range_var(relation.value("RangeVar", json()), unqualified, out);
    });
}

/// libpg_query's parse tree of `sql`, or null when it does not parse.
json parse(const std::string& sql) {
    PgQueryParseResult parsed = pg_query_parse(sql.c_str());
    json tree = parsed.error ? json() : json::parse(parsed.parse_tree);
    pg_query_free_parse_result(parsed);
    return tree;
}

/// `a.b` split at dots outside double quotes, each part unquoted.
std::vector<std::string> name_parts(const std::string& text) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"' && quoted && i + 1 < text.size() && text[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == '.' && !quoted) {
            out.emplace_back();
        } else {
            out.back() +=
                quoted ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

/// The tables of `%ROWTYPE` and `%TYPE` declarations in a PL/pgSQL tree.
void declared_row_types(const json& tree, const std::string& unqualified, Names& out) {
    walk(tree, [&](const std::string& name, const json& value) {
        if (name != "typname" || !value.is_string())
            return;
        std::string type = value.get<std::string>();
        bool row = type.ends_with("%ROWTYPE");
        bool column = !row && type.ends_with("%TYPE");
        if (!row && !column)
            return;
        auto parts = name_parts(type.substr(0, type.rfind('%')));
        if (column) // table.column or schema.table.column
            parts.pop_back();
        if (parts.size() == 1)
            out.emplace(unqualified, parts[0]);
        else if (parts.size() == 2)
            out.emplace(parts[0], parts[1]);
    });
}

} // namespace

FunctionBody read_function(const std::string& create, const std::string& unqualified) {
    FunctionBody out;
    auto tree = parse(create);
    if (tree.is_null())
        return out;
    for (const auto& raw : list(tree, "stmts")) {
        const auto& stmt = node(raw, "stmt");
        if (!stmt.contains("CreateFunctionStmt"))
            continue;
        const auto& function = stmt["CreateFunctionStmt"];
        const auto& options = list(function, "options");
        for (const auto& option : options)
            if (option["DefElem"].value("defname", "") == "language")
                out.language = option["DefElem"]["arg"]["String"].value("sval", "");
        bool has_as = std::ranges::any_of(options, [](const json& option) {
            return option["DefElem"].value("defname", "") == "as";
        });
        // Without AS there is no body to read (libpg_query asserts on one).
        if (out.language == "plpgsql" && has_as) {
            PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(create.c_str());
            if (!parsed.error)
                declared_row_types(json::parse(parsed.plpgsql_funcs), unqualified,
                                   out.checked_at_creation);
            pg_query_free_plpgsql_parse_result(parsed);
            continue;
        }
        if (out.language != "sql")
            continue;
        if (function.contains("sql_body")) // BEGIN ATOMIC or RETURN
            collect_written(function["sql_body"], unqualified, out.written);
        for (const auto& option : options) {
            const auto& def = option["DefElem"];
            if (def.value("defname", "") != "as")
                continue;
            for (const auto& part : list(def["arg"]["List"], "items")) {
                if (!part.contains("String"))
                    continue;
                auto body = parse(part["String"].value("sval", ""));
                collect_relations(body, unqualified, out.checked_at_creation);
                collect_calls(body, unqualified, out.called);
                collect_written(body, unqualified, out.written);
            }
        }
    }
    return out;
}

Names rule_writes(const std::string& create) {
    Names out;
    auto tree = parse(create);
    for (const auto& raw : list(tree, "stmts")) {
        const auto& stmt = node(raw, "stmt");
        if (stmt.contains("RuleStmt"))
            for (const auto& action : list(stmt["RuleStmt"], "actions"))
                collect_written(action, "public", out);
    }
    return out;
}

Names writes(const std::string& script) {
    Names out;
    collect_written(parse(script), "public", out);
    return out;
}

std::set<std::string> roles_named(const std::string& script) {
    std::set<std::string> out;
    walk(parse(script), [&](const std::string& name, const json& value) {
        // OWNER TO's role is a RoleSpec field, not a node.
        if ((name == "RoleSpec" || name == "newowner") && value.is_object() &&
            value.value("roletype", "") == "ROLESPEC_CSTRING")
            out.insert(value.value("rolename", ""));
    });
    return out;
}

namespace {

/// The schema of a qualified name list (`[a, b]`), or "" when unqualified.
std::string schema_of(const json& names) {
    if (!names.is_array() || names.size() < 2 || !names[0].contains("String"))
        return "";
    return names[0]["String"].value("sval", "");
}

std::string schema_of_range_var(const json& range_var) {
    return range_var.is_object() ? range_var.value("schemaname", "") : "";
}

} // namespace

Created created_by(const std::string& script) {
    Created out;
    json tree = parse(script);
    if (!tree.is_object())
        return out;
    auto add_schema = [&](std::string schema) {
        if (!schema.empty())
            out.schemas.insert(std::move(schema));
    };
    for (const auto& entry : list(tree, "stmts")) {
        const json& stmt = node(entry, "stmt");
        if (!stmt.is_object() || stmt.empty())
            continue;
        const std::string node = stmt.begin().key();
        const json& v = stmt.begin().value();
        if (node == "CreateSchemaStmt")
            add_schema(v.value("schemaname", ""));
        else if (node == "CreateStmt" || node == "CreateSeqStmt")
            add_schema(schema_of_range_var(
                v.value(node == "CreateStmt" ? "relation" : "sequence", json())));
        else if (node == "ViewStmt")
            add_schema(schema_of_range_var(v.value("view", json())));
        else if (node == "CreateTableAsStmt" && v.contains("into") && v["into"].is_object())
            add_schema(schema_of_range_var(v["into"].value("rel", json())));
        else if (node == "CompositeTypeStmt")
            add_schema(schema_of_range_var(v.value("typevar", json())));
        else if (node == "CreateEnumStmt" || node == "CreateRangeStmt")
            add_schema(schema_of(v.value("typeName", json())));
        else if (node == "CreateDomainStmt")
            add_schema(schema_of(v.value("domainname", json())));
        else if (node == "CreateFunctionStmt")
            add_schema(schema_of(v.value("funcname", json())));
        else if (node == "DefineStmt")
            add_schema(schema_of(v.value("defnames", json())));
        else if (node == "AlterObjectSchemaStmt")
            add_schema(v.value("newschema", ""));
        else if (node == "CreateExtensionStmt")
            out.extensions.insert(v.value("extname", ""));
        else if (node == "CreatePublicationStmt")
            out.publications.insert(v.value("pubname", ""));
        else if (node == "CreateTrigStmt" || node == "CreatePolicyStmt") {
            const json& rel = v.value(node == "CreateTrigStmt" ? "relation" : "table", json());
            std::array<std::string, 3> part{
                schema_of_range_var(rel), rel.is_object() ? rel.value("relname", "") : "",
                v.value(node == "CreateTrigStmt" ? "trigname" : "policy_name", "")};
            (node == "CreateTrigStmt" ? out.triggers : out.policies).insert(std::move(part));
        } else if (node == "IndexStmt" && v.contains("idxname"))
            out.indexes.emplace(schema_of_range_var(v.value("relation", json())),
                                v.value("idxname", ""));
    }
    return out;
}

} // namespace schemac::sql
