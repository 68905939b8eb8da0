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
    std::vector<load::WrittenCheck> probes;
    for (auto& check : load::written_checks(tree))
        if (suspects.contains(check.table))
            probes.push_back(std::move(check));
    if (probes.empty())
        return Ok{};
    // As the tree's role, like everything the tree runs: it owns the tables.
    auto conn = server.connect_tree(db);
    if (!conn)
        return conn.error();
    // Each expression added under a name of its own, in a transaction that
    // is rolled back: what PostgreSQL stores for it, printed as the
    // introspector prints it. One that fails leaves its constraint as it is.
    // The printed definitions are tried too: one that stores itself again
    // needs no text of the tree.
    if (auto begun = conn->exec("BEGIN"); !begun)
        return begun.error();
    auto add = [&](const catalog::ObjectKey& table, const std::string& name,
                   const std::string& expression, const std::vector<std::string>& search_path) {
        std::string path;
        for (const auto& schema : search_path)
            path += (path.empty() ? "" : ", ") + catalog::quote_ident(schema);
        if (!conn->exec("SAVEPOINT probe") ||
            !conn->exec("SET LOCAL search_path TO " + (path.empty() ? "''" : path)))
            return false;
        if (conn->exec("ALTER TABLE " + catalog::quote_qualified(table.schema, table.name) +
                       " ADD CONSTRAINT " + name + " CHECK (" + expression + ") NOT VALID"))
            return true;
        (void)conn->exec("ROLLBACK TO SAVEPOINT probe");
        return false;
    };
    std::map<std::string, const load::WrittenCheck*> written;
    std::map<std::string, const catalog::Constraint*> printed;
    for (std::size_t i = 0; i < probes.size(); ++i) {
        std::string name = "schemac_written_" + std::to_string(i);
        if (add(probes[i].table, name, probes[i].expression, probes[i].search_path))
            written[name] = &probes[i];
    }
    std::size_t n = 0;
    for (const auto& [table, constraints] : suspects)
        for (const auto* constraint : constraints) {
            std::string name = "schemac_written_p" + std::to_string(n++);
            if (add(table, name, load::parenthesized(constraint->definition, 0), {}))
                printed[name] = constraint;
        }
    auto stored = conn->exec_qualified(
        "SELECT conname, pg_catalog.pg_get_constraintdef(oid) AS definition FROM "
        "pg_catalog.pg_constraint WHERE conname LIKE 'schemac\\_written\\_%' ORDER BY conname");
    (void)conn->exec("ROLLBACK");
    if (!stored)
        return Ok{}; // the printed definitions stay
    // What each stores, without the NOT VALID the probe added.
    auto core_of = [](std::string definition) {
        if (definition.ends_with(k_not_valid))
            definition.resize(definition.size() - k_not_valid.size());
        return definition;
    };
    auto starts_with_core = [](const std::string& definition, const std::string& core) {
        return definition.starts_with(core) &&
               (definition.size() == core.size() || definition[core.size()] == ' ');
    };
    std::set<const catalog::Constraint*> fixed_points;
    for (auto row : *stored)
        if (auto probe = printed.find(row.text("conname")); probe != printed.end())
            if (starts_with_core(probe->second->definition, core_of(row.text("definition"))))
                fixed_points.insert(probe->second);
    for (auto row : *stored) {
        auto probe = written.find(row.text("conname"));
        if (probe == written.end())
            continue;
        std::string core = core_of(row.text("definition"));
        for (auto* constraint : suspects[probe->second->table])
            if (!fixed_points.contains(constraint) && constraint->written.empty() &&
                starts_with_core(constraint->definition, core))
                constraint->written = "CHECK (" + probe->second->expression + ")" +
                                      constraint->definition.substr(core.size());
    }
    return Ok{};
}

Status settle_current_checks(Server& server, const std::string& db, catalog::Catalog& current,
                             const catalog::Catalog& desired) {
    std::vector<std::pair<catalog::Constraint*, const catalog::Constraint*>> pairs;
    for (auto& [key, constraint] : current.constraints)
        if (auto wanted = desired.constraints.find(key);
            wanted != desired.constraints.end() &&
            constraint.type == catalog::ConstraintType::Check &&
            wanted->second.type == catalog::ConstraintType::Check &&
            constraint.definition != wanted->second.definition &&
            may_not_be_a_fixed_point(constraint.definition))
            pairs.emplace_back(&constraint, &wanted->second);
    if (pairs.empty())
        return Ok{};
    auto conn = server.connect_tree(db);
    if (!conn)
        return conn.error();
    if (auto begun = conn->exec("BEGIN"); !begun)
        return begun.error();
    std::map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const auto& table = catalog::table_of(pairs[i].first->key);
        std::string name = "schemac_settled_" + std::to_string(i);
        if (!conn->exec("SAVEPOINT probe") || !conn->exec("SET LOCAL search_path TO ''"))
            break;
        if (conn->exec("ALTER TABLE " + catalog::quote_qualified(table.schema, table.name) +
                       " ADD CONSTRAINT " + name + " CHECK (" +
                       load::parenthesized(pairs[i].first->definition, 0) + ") NOT VALID"))
            by_name[name] = i;
        else
            (void)conn->exec("ROLLBACK TO SAVEPOINT probe");
    }
    auto stored = conn->exec_qualified(
        "SELECT conname, pg_catalog.pg_get_constraintdef(oid) AS definition FROM "
        "pg_catalog.pg_constraint WHERE conname LIKE 'schemac\\_settled\\_%' ORDER BY conname");
    (void)conn->exec("ROLLBACK");
    if (!stored)
        return Ok{};
    for (auto row : *stored) {
        auto probe = by_name.find(row.text("conname"));
        std::string core = row.text("definition");
        if (probe == by_name.end() || !core.ends_with(k_not_valid))
            continue;
        core.resize(core.size() - k_not_valid.size());
        auto [live, wanted] = pairs[probe->second];
        // Stored as the desired one is: the same constraint, written apart.
        if (wanted->definition.starts_with(core) &&
            (wanted->definition.size() == core.size() || wanted->definition[core.size()] == ' ') &&
            live->definition.substr(load::parenthesized(live->definition, 0).size() + 8) ==
                wanted->definition.substr(core.size())) {
            live->definition = wanted->definition;
            live->written = wanted->written;
        }
    }
    return Ok{};
}

} // namespace schemac::shadow
