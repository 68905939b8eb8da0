// The tree's own text of CHECK constraints and partial-index predicates whose
// printed definition does not store the same definition once executed again
// (DESIGN.md, decision 1).

#include "shadow/shadow.h"

#include "catalog/quote.h"
#include "load/written.h"

#include <map>
#include <set>

namespace schemac::shadow {
namespace {

/// What PostgreSQL prints in such a definition: a list cast to an array of
/// another type (`(ARRAY['a'::character varying])::text[]`), which parses
/// back as a list of casts.
bool may_not_be_a_fixed_point(const std::string& definition) {
    return definition.find("ARRAY[") != std::string::npos;
}

constexpr std::string_view k_not_valid = " NOT VALID";

/// A CHECK expression to add to a table, under a search path.
struct Probe {
    catalog::ObjectKey table;
    std::string expression;
    std::vector<std::string> search_path;
};

/// What PostgreSQL stores for each probe's expression on its table, printed
/// as the introspector prints it (`CHECK (...)`, without the NOT VALID the
/// probe adds); nullopt for one it refuses. Added as the tree's role (it owns
/// the tables) in one transaction that is rolled back.
Result<std::vector<std::optional<std::string>>> stored_checks(const ConnectTree& connect,
                                                              const std::vector<Probe>& probes) {
    std::vector<std::optional<std::string>> out(probes.size());
    if (probes.empty())
        return out;
    auto conn = connect();
    if (!conn)
        return conn.error();
    if (auto begun = conn->exec("BEGIN"); !begun)
        return begun.error();
    for (std::size_t i = 0; i < probes.size(); ++i) {
        const Probe& probe = probes[i];
        std::string path;
        for (const auto& schema : probe.search_path)
            path += (path.empty() ? "" : ", ") + catalog::quote_ident(schema);
        if (!conn->exec("SAVEPOINT probe") ||
            !conn->exec("SET LOCAL search_path TO " + (path.empty() ? "''" : path)))
            break;
        if (!conn->exec("ALTER TABLE " +
                        catalog::quote_qualified(probe.table.schema, probe.table.name) +
                        " ADD CONSTRAINT schemac_probe_" + std::to_string(i) + " CHECK (" +
                        probe.expression + ") NOT VALID"))
            (void)conn->exec("ROLLBACK TO SAVEPOINT probe");
    }
    // A partitioned table's probe is on its partitions too: the same text.
    auto stored = conn->exec_qualified(
        "SELECT DISTINCT substr(conname, 15)::int AS probe, "
        "pg_catalog.pg_get_constraintdef(oid) AS definition FROM pg_catalog.pg_constraint "
        "WHERE conname ~ '^schemac_probe_[0-9]+$'");
    (void)conn->exec("ROLLBACK");
    if (!stored)
        return out; // nothing known: the printed definitions stay
    for (auto row : *stored) {
        std::string definition = row.text("definition");
        if (definition.ends_with(k_not_valid))
            definition.resize(definition.size() - k_not_valid.size());
        out[static_cast<std::size_t>(std::stoi(row.text("probe")))] = std::move(definition);
    }
    return out;
}

/// Whether `definition` is `check` followed by nothing or by its options
/// (NO INHERIT, NOT VALID).
bool is_check(const std::string& definition, const std::optional<std::string>& check) {
    return check && definition.starts_with(*check) &&
           (definition.size() == check->size() || definition[check->size()] == ' ');
}

/// pg_get_indexdef's `CREATE [UNIQUE] INDEX name ON ...` under another name.
std::string renamed_index(const std::string& definition, const std::string& from,
                          const std::string& to) {
    std::size_t at = definition.find("INDEX ") + 6;
    return definition.substr(0, at) + to + definition.substr(at + from.size());
}

/// An index definition to create, under a search path.
struct IndexProbe {
    std::string definition; ///< pg_get_indexdef's form, under the index's own name
    std::string name;       ///< that name, quoted as pg_get_indexdef quotes it
    std::vector<std::string> search_path;
};

/// What PostgreSQL stores for each probe's index (pg_get_indexdef, under the
/// probe's own name again); nullopt for one it refuses. Built as the tree's
/// role in one transaction that is rolled back.
Result<std::vector<std::optional<std::string>>>
stored_indexes(const ConnectTree& connect, const std::vector<IndexProbe>& probes) {
    std::vector<std::optional<std::string>> out(probes.size());
    if (probes.empty())
        return out;
    auto conn = connect();
    if (!conn)
        return conn.error();
    if (auto begun = conn->exec("BEGIN"); !begun)
        return begun.error();
    for (std::size_t i = 0; i < probes.size(); ++i) {
        const IndexProbe& probe = probes[i];
        std::string path;
        for (const auto& schema : probe.search_path)
            path += (path.empty() ? "" : ", ") + catalog::quote_ident(schema);
        if (!conn->exec("SAVEPOINT probe") ||
            !conn->exec("SET LOCAL search_path TO " + (path.empty() ? "''" : path)))
            break;
        if (!conn->exec(
                renamed_index(probe.definition, probe.name, "schemac_probe_" + std::to_string(i))))
            (void)conn->exec("ROLLBACK TO SAVEPOINT probe");
    }
    auto stored = conn->exec_qualified(
        "SELECT substr(c.relname, 15)::int AS probe, pg_catalog.pg_get_indexdef(c.oid) AS "
        "definition FROM pg_catalog.pg_class c WHERE c.relkind IN ('i', 'I') "
        "AND c.relname ~ '^schemac_probe_[0-9]+$'");
    (void)conn->exec("ROLLBACK");
    if (!stored)
        return out; // nothing known: the printed definitions stay
    for (auto row : *stored) {
        auto i = static_cast<std::size_t>(std::stoi(row.text("probe")));
        out[i] = renamed_index(row.text("definition"), "schemac_probe_" + std::to_string(i),
                               probes[i].name);
    }
    return out;
}

/// Where a partial index's predicate starts in pg_get_indexdef's text.
constexpr std::string_view k_where = " WHERE ";

std::size_t predicate_at(const std::string& definition) {
    std::size_t at = definition.rfind(k_where);
    return at == std::string::npos || definition.find("ARRAY[", at) == std::string::npos
               ? std::string::npos
               : at;
}

} // namespace

Status keep_written_predicates(Server& server, const std::string& db, const load::Tree& tree,
                               catalog::Catalog& desired) {
    std::map<std::string, std::vector<catalog::Index*>> suspects; // by name
    for (auto& [key, index] : desired.indexes)
        if (!index.inherited && predicate_at(index.definition) != std::string::npos)
            suspects[key.name].push_back(&index);
    if (suspects.empty())
        return Ok{};
    // The printed definitions first; then each with the predicates the tree
    // writes for an index of its name.
    std::vector<IndexProbe> probes;
    std::vector<catalog::Index*> printed;
    for (const auto& [name, indexes] : suspects)
        for (auto* index : indexes) {
            probes.push_back({index->definition, catalog::quote_ident(name), {}});
            printed.push_back(index);
        }
    std::vector<catalog::Index*> tried;
    for (auto& written : load::written_predicates(tree))
        if (auto found = suspects.find(written.index); found != suspects.end())
            for (auto* index : found->second) {
                std::string definition =
                    index->definition.substr(0, predicate_at(index->definition) + k_where.size()) +
                    written.predicate;
                probes.push_back({std::move(definition), catalog::quote_ident(written.index),
                                  written.search_path});
                tried.push_back(index);
            }
    if (tried.empty())
        return Ok{};
    auto stored = stored_indexes([&] { return server.connect_tree(db); }, probes);
    if (!stored)
        return stored.error();
    std::set<const catalog::Index*> fixed_points;
    for (std::size_t i = 0; i < printed.size(); ++i)
        if ((*stored)[i] == printed[i]->definition)
            fixed_points.insert(printed[i]);
    for (std::size_t i = 0; i < tried.size(); ++i) {
        catalog::Index* index = tried[i];
        if (!fixed_points.contains(index) && index->written.empty() &&
            (*stored)[printed.size() + i] == index->definition)
            index->written = probes[printed.size() + i].definition;
    }
    return Ok{};
}

Status settle_current_predicates(const ConnectTree& desired_db, catalog::Catalog& current,
                                 const catalog::Catalog& desired) {
    std::vector<std::pair<catalog::Index*, const catalog::Index*>> pairs;
    std::vector<IndexProbe> probes;
    for (auto& [key, index] : current.indexes)
        if (auto wanted = desired.indexes.find(key);
            wanted != desired.indexes.end() && index.definition != wanted->second.definition &&
            predicate_at(index.definition) != std::string::npos) {
            pairs.emplace_back(&index, &wanted->second);
            probes.push_back({index.definition, catalog::quote_ident(key.name), {}});
        }
    auto stored = stored_indexes(desired_db, probes);
    if (!stored)
        return stored.error();
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (auto [live, wanted] = pairs[i]; (*stored)[i] == wanted->definition) {
            live->definition = wanted->definition;
            live->written = wanted->written;
        }
    return Ok{};
}

Status keep_written_checks(Server& server, const std::string& db, const load::Tree& tree,
                           catalog::Catalog& desired) {
    std::map<catalog::ObjectKey, std::vector<catalog::Constraint*>> suspects;
    for (auto& [key, constraint] : desired.constraints)
        if (constraint.type == catalog::ConstraintType::Check && !constraint.inherited &&
            may_not_be_a_fixed_point(constraint.definition))
            suspects[catalog::table_of(key)].push_back(&constraint);
    if (suspects.empty())
        return Ok{};
    // The printed definitions first: one that stores itself again needs no
    // text of the tree. Then every CHECK the tree writes on those tables.
    std::vector<Probe> probes;
    std::vector<catalog::Constraint*> printed;
    for (const auto& [table, constraints] : suspects)
        for (auto* constraint : constraints) {
            probes.push_back({table, load::parenthesized(constraint->definition, 0), {}});
            printed.push_back(constraint);
        }
    for (auto& check : load::written_checks(tree))
        if (suspects.contains(check.table))
            probes.push_back(
                {check.table, std::move(check.expression), std::move(check.search_path)});
    if (probes.size() == printed.size())
        return Ok{};
    auto stored = stored_checks([&] { return server.connect_tree(db); }, probes);
    if (!stored)
        return stored.error();
    std::set<const catalog::Constraint*> fixed_points;
    for (std::size_t i = 0; i < printed.size(); ++i)
        if (is_check(printed[i]->definition, (*stored)[i]))
            fixed_points.insert(printed[i]);
    for (std::size_t i = printed.size(); i < probes.size(); ++i) {
        const auto& check = (*stored)[i];
        for (auto* constraint : suspects[probes[i].table])
            if (!fixed_points.contains(constraint) && constraint->written.empty() &&
                is_check(constraint->definition, check))
                constraint->written = "CHECK (" + probes[i].expression + ")" +
                                      constraint->definition.substr(check->size());
    }
    return Ok{};
}

Status settle_current_checks(const ConnectTree& desired_db, catalog::Catalog& current,
                             const catalog::Catalog& desired) {
    std::vector<std::pair<catalog::Constraint*, const catalog::Constraint*>> pairs;
    std::vector<Probe> probes;
    for (auto& [key, constraint] : current.constraints)
        if (auto wanted = desired.constraints.find(key);
            wanted != desired.constraints.end() &&
            constraint.type == catalog::ConstraintType::Check &&
            wanted->second.type == catalog::ConstraintType::Check &&
            constraint.definition != wanted->second.definition &&
            may_not_be_a_fixed_point(constraint.definition)) {
            pairs.emplace_back(&constraint, &wanted->second);
            probes.push_back(
                {catalog::table_of(key), load::parenthesized(constraint.definition, 0), {}});
        }
    auto stored = stored_checks(desired_db, probes);
    if (!stored)
        return stored.error();
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        auto [live, wanted] = pairs[i];
        const auto& check = (*stored)[i];
        // Stored as the desired one is, with the same options: the same
        // constraint, written apart.
        std::string options = live->definition.substr(std::string_view("CHECK ()").size() +
                                                      probes[i].expression.size());
        if (is_check(wanted->definition, check) &&
            wanted->definition.substr(check->size()) == options) {
            live->definition = wanted->definition;
            live->written = wanted->written;
        }
    }
    return Ok{};
}

} // namespace schemac::shadow
