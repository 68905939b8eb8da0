// The tree's own text of CHECK constraints whose printed definition does not
// store the same definition once executed again (DESIGN.md, decision 1).

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
Result<std::vector<std::optional<std::string>>> stored_checks(Server& server, const std::string& db,
                                                              const std::vector<Probe>& probes) {
    std::vector<std::optional<std::string>> out(probes.size());
    if (probes.empty())
        return out;
    auto conn = server.connect_tree(db);
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

} // namespace

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
    auto stored = stored_checks(server, db, probes);
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

Status settle_current_checks(Server& server, const std::string& db, catalog::Catalog& current,
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
    auto stored = stored_checks(server, db, probes);
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
