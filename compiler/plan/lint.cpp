#include "plan/lint.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace schemac::plan {
namespace {

using catalog::ObjectKey;

constexpr std::string_view k_allow = "-- schemac:allow ";

/// The elements of the first parenthesized list after `marker` in a
/// definition, split at top-level commas: `FOREIGN KEY (a, "B c")` gives
/// {a, "B c"}; `USING btree (lower(x), y DESC)` gives {lower(x), y DESC}.
std::vector<std::string> list_after(const std::string& definition, const std::string& marker) {
    std::size_t at = definition.find(marker);
    if (at == std::string::npos)
        return {};
    std::size_t open = definition.find('(', at + marker.size());
    if (open == std::string::npos)
        return {};
    std::vector<std::string> out;
    std::string current;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = open + 1; i < definition.size(); ++i) {
        char c = definition[i];
        if (c == '"')
            quoted = !quoted;
        if (!quoted && c == '(')
            ++depth;
        if (!quoted && c == ')' && depth-- == 0) {
            out.push_back(current);
            break;
        }
        if (!quoted && c == ',' && depth == 0) {
            out.push_back(current);
            current.clear();
            continue;
        }
        if (!(current.empty() && c == ' '))
            current += c;
    }
    return out;
}

/// An index element that is a plain column: its name as written (quoted
/// when it needs to be); "" for an expression.
std::string column_of(const std::string& element) {
    if (element.empty() || element.front() == '(')
        return "";
    if (element.front() == '"')
        return element.substr(0, element.find('"', 1) + 1);
    std::string name = element.substr(0, element.find(' '));
    return name.find('(') == std::string::npos ? name : "";
}

/// Leading plain columns of every index and key constraint, per table.
std::map<ObjectKey, std::vector<std::vector<std::string>>>
covering_lists(const catalog::Catalog& c) {
    std::map<ObjectKey, std::vector<std::vector<std::string>>> out;
    for (const auto& [key, index] : c.indexes) {
        if (index.definition.find(" WHERE ") != std::string::npos)
            continue; // partial: does not serve every row
        std::vector<std::string> columns;
        for (const auto& element : list_after(index.definition, " USING "))
            columns.push_back(column_of(element));
        out[catalog::relation_key(catalog::Kind::Table, key.schema, index.table)].push_back(
            columns);
    }
    for (const auto& [key, constraint] : c.constraints) {
        std::string marker = constraint.type == catalog::ConstraintType::PrimaryKey ? "PRIMARY KEY"
                             : constraint.type == catalog::ConstraintType::Unique   ? "UNIQUE"
                                                                                    : "";
        if (!marker.empty())
            out[catalog::table_of(key)].push_back(list_after(constraint.definition, marker));
    }
    return out;
}

bool covers(const std::vector<std::string>& index, const std::vector<std::string>& fk) {
    if (index.size() < fk.size())
        return false;
    std::set<std::string> leading(index.begin(), index.begin() + static_cast<long>(fk.size()));
    return leading == std::set<std::string>(fk.begin(), fk.end());
}

/// Codes (or names) allowed per table: `-- schemac:allow SC001 SC003` on the
/// comment lines directly above its CREATE TABLE.
std::map<ObjectKey, std::set<std::string>> allowances(const load::Tree& tree) {
    std::map<ObjectKey, std::set<std::string>> out;
    for (const auto& statement : tree.statements) {
        if (statement.node != "CreateStmt" || !statement.defines)
            continue;
        int line = statement.location().line;
        for (int above = line - 1; above >= 1; --above) {
            std::string_view text = statement.file->line_text(above);
            if (!text.starts_with("--"))
                break;
            if (!text.starts_with(k_allow))
                continue;
            std::istringstream words{std::string(text.substr(k_allow.size()))};
            for (std::string word; words >> word;)
                out[*statement.defines].insert(word);
        }
    }
    return out;
}

} // namespace

std::vector<Warning> lint(const catalog::Catalog& desired, const load::Tree& tree) {
    auto allowed = allowances(tree);
    auto is_allowed = [&](const ObjectKey& table, const std::string& code,
                          const std::string& name) {
        auto found = allowed.find(table);
        return found != allowed.end() &&
               (found->second.contains(code) || found->second.contains(name));
    };
    std::vector<Warning> out;
    auto warn = [&](const ObjectKey& table, const char* code, const char* name,
                    std::string message) {
        if (!is_allowed(table, code, name))
            out.push_back({code, name, catalog::describe(table), std::move(message)});
    };

    auto lists = covering_lists(desired);
    std::set<ObjectKey> with_primary_key;
    for (const auto& [key, constraint] : desired.constraints) {
        if (constraint.type == catalog::ConstraintType::PrimaryKey)
            with_primary_key.insert(catalog::table_of(key));
        if (constraint.type != catalog::ConstraintType::ForeignKey)
            continue;
        auto columns = list_after(constraint.definition, "FOREIGN KEY");
        ObjectKey table = catalog::table_of(key);
        const auto& candidates = lists[table];
        if (std::ranges::none_of(candidates, [&](const auto& l) { return covers(l, columns); })) {
            std::string list;
            for (const auto& column : columns)
                list += (list.empty() ? "" : ", ") + column;
            std::string referenced =
                constraint.references ? catalog::qualified_name(*constraint.references) : "";
            warn(table, "SC001", "foreign-key-without-index",
                 "foreign key " + key.name + " (" + list +
                     ") has no index on its columns: " + "every delete or key update on " +
                     referenced + " scans " + catalog::qualified_name(table));
        }
    }
    for (const auto& [key, table] : desired.tables)
        if (!with_primary_key.contains(key))
            warn(key, "SC002", "table-without-primary-key",
                 "no primary key: rows cannot be addressed reliably, and logical replication "
                 "cannot update or delete them");
    for (const auto& [key, column] : desired.columns)
        if (column.default_expr && column.default_expr->starts_with("nextval("))
            warn(catalog::table_of(key), "SC003", "serial-instead-of-identity",
                 "column " + key.name +
                     " takes its default from a sequence (serial): GENERATED "
                     "... AS IDENTITY ties the sequence to the column and its "
                     "permissions");
    std::ranges::stable_sort(out, [](const Warning& a, const Warning& b) {
        return std::tie(a.object, a.code) < std::tie(b.object, b.code);
    });
    return out;
}

std::vector<Warning> lint_live(const std::vector<steps::Step>& forward,
                               const catalog::Catalog& desired,
                               const std::map<std::string, catalog::TableStats>& live,
                               const load::Tree& tree) {
    auto allowed = allowances(tree);
    std::vector<Warning> out;
    for (const auto& step : forward) {
        if (step.action != steps::Action::Create || step.key.kind != catalog::Kind::Column)
            continue;
        auto column = desired.columns.find(step.key);
        if (column == desired.columns.end() ||
            !(column->second.volatile_default ||
              column->second.identity != catalog::Identity::None))
            continue;
        ObjectKey table = catalog::table_of(step.key);
        auto stats = live.find(catalog::qualified_name(table));
        if (stats == live.end() || stats->second.rows < k_large_table_rows)
            continue;
        if (auto found = allowed.find(table);
            found != allowed.end() && (found->second.contains("SC004") ||
                                       found->second.contains("volatile-default-on-large-table")))
            continue;
        out.push_back({"SC004", "volatile-default-on-large-table", catalog::describe(table),
                       "adding column " + step.key.name + " computes its default for each of ~" +
                           std::to_string(stats->second.rows) +
                           " rows while the table is locked (ACCESS EXCLUSIVE): add it without "
                           "the default, backfill in batches, then set the default"});
    }
    return out;
}

std::vector<Warning> lint_proof(const std::map<catalog::ObjectKey, std::string>& unseeded,
                                const load::Tree& tree) {
    auto allowed = allowances(tree);
    std::vector<Warning> out;
    for (const auto& [table, reason] : unseeded) {
        if (auto found = allowed.find(table);
            found != allowed.end() &&
            (found->second.contains("SC005") || found->second.contains("proven-without-rows")))
            continue;
        out.push_back({"SC005", "proven-without-rows", catalog::describe(table),
                       "the proof could make no row for it (" + reason +
                           "), so it proved the steps on this table without rows: one that "
                           "fails on existing rows fails at apply, not in the proof"});
    }
    return out;
}

} // namespace schemac::plan
