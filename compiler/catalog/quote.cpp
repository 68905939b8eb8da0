#include "catalog/quote.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace schemac::catalog {
namespace {

// PostgreSQL 15 keywords that quote_ident() quotes: every category but
// "unreserved" (Appendix C of the manual: reserved, and non-reserved keywords
// that cannot be function or type names). Sorted for binary search.
constexpr std::array<std::string_view, 151> k_keywords{
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
};

bool g_quote_all = false;

bool is_bare_char(char c, bool first) {
    if (c == '_' || (c >= 'a' && c <= 'z'))
        return true;
    return !first && ((c >= '0' && c <= '9') || c == '$');
}

} // namespace

bool is_reserved_keyword(std::string_view word) {
    return std::binary_search(k_keywords.begin(), k_keywords.end(), word);
}

void set_quote_all(bool on) {
    g_quote_all = on;
}

std::string quote_ident(std::string_view name) {
    bool bare = !g_quote_all && !name.empty() && !is_reserved_keyword(name);
    for (std::size_t i = 0; bare && i < name.size(); ++i)
        bare = is_bare_char(name[i], i == 0);
    if (bare)
        return std::string(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string quote_qualified(std::string_view schema, std::string_view name) {
    if (schema.empty())
        return quote_ident(name);
    return quote_ident(schema) + "." + quote_ident(name);
}

std::vector<std::string> role_names(std::string_view list) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < list.size()) {
        std::string name;
        bool quoted = list[at] == '"';
        if (quoted) {
            for (++at; at < list.size(); ++at) {
                if (list[at] == '"' && (at + 1 == list.size() || list[at + 1] != '"'))
                    break;
                if (list[at] == '"')
                    ++at; // a doubled quote
                name += list[at];
            }
            ++at;
        } else {
            std::size_t end = std::min(list.find(',', at), list.size());
            name = list.substr(at, end - at);
            at = end;
        }
        if (quoted || name != "PUBLIC")
            out.push_back(std::move(name));
        while (at < list.size() && (list[at] == ',' || list[at] == ' '))
            ++at;
    }
    return out;
}

std::string quote_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

} // namespace schemac::catalog
