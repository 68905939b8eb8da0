#include "cli/context.h"

#include "catalog/ignore.h"
#include "catalog/quote.h"
#include "introspect/introspect.h"
#include "plan/planner.h"
#include "runtime/executor.h"

#include <algorithm>
#include <iostream>
#include <iterator>

namespace schemac::cli {

std::set<std::string> made_schemas(const load::Tree& tree, bool stubs_count) {
    std::set<std::string> made;
    for (const auto& s : tree.statements)
        if (s.creates && s.creates->kind == catalog::Kind::Schema && (stubs_count || !s.external))
            made.insert(s.creates->name);
    return made;
}

std::set<std::string> referenced_schemas(const load::Tree& tree, bool stubs_count) {
    using catalog::Kind;
    std::set<std::string> made = made_schemas(tree, stubs_count);
    std::set<std::string> out;
    for (const auto& s : tree.statements) {
        if (s.external)
            continue;
        for (const auto& key : s.references) {
            const std::string& schema = key.kind == Kind::Schema ? key.name : key.schema;
            if (schema.empty() || schema == "public" || schema == "information_schema" ||
                schema.starts_with("pg_") || made.contains(schema))
                continue;
            out.insert(schema);
        }
    }
    return out;
}

Result<TargetContext> read_target_context(const std::string& url,
                                          const std::set<std::string>& schemas,
                                          const std::set<catalog::ObjectKey>& own) {
    TargetContext context;
    if (schemas.empty())
        return context;
    introspect::Options options;
    options.schemas.assign(schemas.begin(), schemas.end());
    options.scope.schemas = schemas; // extensions living elsewhere are not read
    auto live = introspect::introspect(url, options);
    if (!live)
        return std::move(live).error().within("reading the context the tree uses from the target");
    live->privileges.clear();
    live->default_privileges.clear();
    std::vector<catalog::IgnoreRule> owned;
    std::ranges::transform(own, std::back_inserter(owned), catalog::rule_for);
    catalog::leave_out_ignored(*live, owned);
    for (const auto& [key, schema] : live->schemas)
        context.schemas.push_back(key.name);
    catalog::for_each_objects(*live,
                              [&](const auto& objects) { context.objects += objects.size(); });
    // Plain DDL, as dump writes it; a foreign key to a table outside the
    // context comes once that table exists.
    catalog::Catalog early = *live;
    std::erase_if(early.constraints, [&](const auto& entry) {
        const auto& to = entry.second.references;
        return to && !live->tables.contains(*to);
    });
    auto steps = plan::plan_steps(catalog::Catalog{}, early, false);
    if (!steps)
        return steps.error();
    context.steps = std::move(*steps);
    if (early.constraints.size() != live->constraints.size()) {
        auto late = plan::plan_steps(early, *live, false);
        if (!late)
            return late.error();
        context.late_steps = std::move(*late);
    }
    return context;
}

namespace {

Status run_context_steps(shadow::Server& server, const std::string& db,
                         const std::vector<steps::Step>& steps, int verbosity) {
    if (steps.empty())
        return Ok{};
    auto tree = server.connect_tree(db);
    if (!tree)
        return tree.error();
    auto admin = server.connect(db);
    if (!admin)
        return admin.error();
    for (const auto& step : steps)
        for (const auto& sql : step.statements) {
            auto done = runtime::needs_superuser(sql) ? admin->exec(sql) : tree->exec(sql);
            if (!done && verbosity > 0)
                std::cerr << "schemac: context from the target left out of the shadow: "
                          << catalog::describe(step.key) << ": " << done.error().message << "\n";
            if (!done)
                break;
        }
    return Ok{};
}

} // namespace

Status load_target_context(shadow::Server& server, const std::string& db,
                           const TargetContext& context, int verbosity) {
    return run_context_steps(server, db, context.steps, verbosity);
}

Status load_late_target_context(shadow::Server& server, const std::string& db,
                                const TargetContext& context, int verbosity) {
    return run_context_steps(server, db, context.late_steps, verbosity);
}

} // namespace schemac::cli
