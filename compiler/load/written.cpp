#include "load/written.h"

#include <nlohmann/json.hpp>
#include <pg_query.h>

#include <algorithm>
#include <cctype>

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

/// The smallest `location` below `node`: where an expression's first token
/// is (an operator's own location is that of the operator).
int first_location(const nlohmann::json& node) {
    int first = -1;
    auto consider = [&](int at) {
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    };
    if (node.is_object()) {
        if (auto at = node.find("location"); at != node.end() && at->is_number_integer())
            consider(at->get<int>());
        for (const auto& [name, child] : node.items())
            if (child.is_structured())
                consider(first_location(child));
    } else if (node.is_array()) {
        for (const auto& child : node)
            consider(first_location(child));
    }
    return first;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::vector<WrittenPredicate> written_predicates(const Tree& tree) {
    std::vector<WrittenPredicate> out;
    for (const auto& s : tree.statements) {
        if (s.node != "IndexStmt")
            continue;
        PgQueryParseResult parsed = pg_query_parse(s.sql.c_str());
        if (parsed.error) {
            pg_query_free_parse_result(parsed);
            continue;
        }
        auto parse_tree = nlohmann::json::parse(parsed.parse_tree);
        pg_query_free_parse_result(parsed);
        const auto& stmts = parse_tree["stmts"];
        if (stmts.empty() || !stmts[0]["stmt"].contains("IndexStmt"))
            continue;
        const auto& index = stmts[0]["stmt"]["IndexStmt"];
        if (!index.contains("whereClause") || !index.contains("idxname"))
            continue;
        int first = first_location(index["whereClause"]);
        if (first < 0)
            continue;
        // Back over the parentheses and spaces that open it to WHERE: the
        // predicate is the rest of the statement.
        auto at = static_cast<std::size_t>(first);
        while (at > 0 && (is_space(s.sql[at - 1]) || s.sql[at - 1] == '('))
            --at;
        if (at < 5 || !std::equal(s.sql.begin() + static_cast<std::ptrdiff_t>(at - 5),
                                  s.sql.begin() + static_cast<std::ptrdiff_t>(at), "WHERE",
                                  [](char a, char b) {
                                      return std::toupper(static_cast<unsigned char>(a)) == b;
                                  }))
            continue;
        std::string predicate = s.sql.substr(at);
        while (!predicate.empty() && is_space(predicate.front()))
            predicate.erase(0, 1);
        while (!predicate.empty() && is_space(predicate.back()))
            predicate.pop_back();
        // A line comment at its end must not swallow what follows it.
        if (predicate.find("--", predicate.rfind('\n') + 1) != std::string::npos)
            predicate += '\n';
        out.push_back({index.value("idxname", ""), std::move(predicate), s.search_path});
    }
    return out;
}

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
