#include "sql/body_references.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <pg_query.h>
#include <vector>

namespace schemac::sql {
namespace {

using nlohmann::json;
using Names = std::set<std::pair<std::string, std::string>>;

/// Every RangeVar in a parse tree, unqualified ones as public.
void collect_relations(const json& node, Names& out) {
    if (node.is_array()) {
        for (const auto& item : node)
            collect_relations(item, out);
        return;
    }
    if (!node.is_object())
        return;
    for (const auto& [name, value] : node.items()) {
        if ((name == "RangeVar" || name == "relation") && value.is_object() &&
            value.contains("relname"))
            out.emplace(value.value("schemaname", "public"), value.value("relname", ""));
        collect_relations(value, out);
    }
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
void declared_row_types(const json& node, Names& out) {
    if (node.is_array()) {
        for (const auto& item : node)
            declared_row_types(item, out);
        return;
    }
    if (!node.is_object())
        return;
    for (const auto& [name, value] : node.items()) {
        if (name == "typname" && value.is_string()) {
            std::string type = value.get<std::string>();
            bool row = type.ends_with("%ROWTYPE");
            bool column = !row && type.ends_with("%TYPE");
            if (!row && !column)
                continue;
            auto parts = name_parts(type.substr(0, type.rfind('%')));
            if (column) // table.column or schema.table.column
                parts.pop_back();
            if (parts.size() == 1)
                out.emplace("public", parts[0]);
            else if (parts.size() == 2)
                out.emplace(parts[0], parts[1]);
        } else {
            declared_row_types(value, out);
        }
    }
}

} // namespace

Names relations_checked_at_creation(const std::string& create) {
    Names out;
    auto tree = parse(create);
    if (tree.is_null())
        return out;
    for (const auto& raw : tree.value("stmts", json::array())) {
        const auto& stmt = raw.value("stmt", json::object());
        if (!stmt.contains("CreateFunctionStmt"))
            continue;
        const auto& options = stmt["CreateFunctionStmt"].value("options", json::array());
        std::string language;
        for (const auto& option : options)
            if (option["DefElem"].value("defname", "") == "language")
                language = option["DefElem"]["arg"]["String"].value("sval", "");
        if (language == "plpgsql") {
            PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(create.c_str());
            if (!parsed.error)
                declared_row_types(json::parse(parsed.plpgsql_funcs), out);
            pg_query_free_plpgsql_parse_result(parsed);
            continue;
        }
        if (language != "sql")
            continue;
        for (const auto& option : options) {
            const auto& def = option["DefElem"];
            if (def.value("defname", "") != "as")
                continue;
            for (const auto& part : def["arg"]["List"].value("items", json::array()))
                if (part.contains("String"))
                    collect_relations(parse(part["String"].value("sval", "")), out);
        }
    }
    return out;
}

} // namespace schemac::sql
