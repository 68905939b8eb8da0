#include "load/written.h"

#include <nlohmann/json.hpp>
#include <pg_query.h>

namespace schemac::load {
namespace {

/// Calls `visit` on every CHECK Constraint node below `node`.
template <class Visit> void each_check(const nlohmann::json& node, const Visit& visit) {
    if (node.is_object()) {
        if (auto c = node.find("Constraint");
            c != node.end() && c->value("contype", "") == "CONSTR_CHECK")
            visit(*c);
        for (const auto& [name, child] : node.items())
            each_check(child, visit);
    } else if (node.is_array()) {
        for (const auto& child : node)
            each_check(child, visit);
    }
}

} // namespace

std::string parenthesized(const std::string& sql, std::size_t from) {
    std::size_t open = std::string::npos;
    int depth = 0;
    for (std::size_t i = from; i < sql.size(); ++i) {
        char c = sql[i];
        if (c == '\'' || c == '"') { // a literal or a quoted name, '' and "" doubled
            for (++i; i < sql.size(); ++i)
                if (sql[i] == c && (i + 1 >= sql.size() || sql[i + 1] != c))
                    break;
                else if (sql[i] == c)
                    ++i;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            i = sql.find('\n', i);
            if (i == std::string::npos)
                return "";
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            i = sql.find("*/", i + 2);
            if (i == std::string::npos)
                return "";
            ++i;
        } else if (c == '(') {
            if (depth++ == 0)
                open = i;
        } else if (c == ')' && depth > 0 && --depth == 0) {
            return sql.substr(open + 1, i - open - 1);
        }
    }
    return "";
}

std::vector<WrittenCheck> written_checks(const Tree& tree) {
    std::vector<WrittenCheck> out;
    for (const auto& s : tree.statements) {
        std::optional<catalog::ObjectKey> table;
        if (s.node == "CreateStmt")
            table = s.creates;
        else if (s.node == "AlterTableStmt")
            table = s.alters;
        if (!table)
            continue;
        PgQueryParseResult parsed = pg_query_parse(s.sql.c_str());
        if (parsed.error) {
            pg_query_free_parse_result(parsed);
            continue;
        }
        auto parse_tree = nlohmann::json::parse(parsed.parse_tree);
        pg_query_free_parse_result(parsed);
        each_check(parse_tree, [&](const nlohmann::json& check) {
            int location = check.value("location", -1);
            if (location < 0)
                return;
            std::string expression = parenthesized(s.sql, static_cast<std::size_t>(location));
            if (!expression.empty())
                out.push_back({*table, expression, s.search_path});
        });
    }
    return out;
}

} // namespace schemac::load
