#include "sql/body_references.h"

#include <nlohmann/json.hpp>
#include <pg_query.h>

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

} // namespace

Names relations_in_sql_body(const std::string& create) {
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
