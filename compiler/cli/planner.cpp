#include "cli/planner.h"

#include "emit/steps.h"
#include "order/order_steps.h"

namespace schemac::cli {

namespace {

/// What depends on the state a step runs in: locks matter on tables that
/// exist already (nobody else sees one the migration creates), and building
/// an index on such a table holds a SHARE lock on it (writes wait) for as
/// long as the build takes.
void add_state_hazards(std::vector<diff::Step>& steps, const catalog::Catalog& from,
                       const catalog::Catalog& to) {
    for (auto& step : steps) {
        std::erase_if(step.locks, [&](const diff::TableLock& lock) {
            return !from.tables.contains(lock.table);
        });
        if (step.action != diff::Action::Create || step.key.kind != catalog::Kind::Index)
            continue;
        auto index = to.indexes.find(step.key);
        if (index == to.indexes.end())
            continue;
        auto table =
            catalog::relation_key(catalog::Kind::Table, step.key.schema, index->second.table);
        if (!from.tables.contains(table))
            continue;
        std::string index_name = catalog::qualified_name(step.key);
        std::string table_name = catalog::qualified_name(table);
        step.hazards.push_back(
            {"index-build", step.transactional
                                ? "builds index " + index_name + " on the existing table " +
                                      table_name +
                                      ", whose writes wait (SHARE lock) until it is built"
                                : "builds index " + index_name +
                                      " concurrently on the existing table " + table_name +
                                      ": writes go on; the build scans the table twice and "
                                      "waits for the transactions running on it"});
    }
}

} // namespace

Result<std::vector<diff::Step>> plan_steps(const catalog::Catalog& from, const catalog::Catalog& to,
                                           bool online) {
    auto changes = diff::diff(from, to);
    // Each repair splits at least one foreign key out, so this ends.
    for (;;) {
        auto steps = emit::build_steps(changes, from, to, online);
        auto ordered = order::order_steps(steps, from, to);
        if (auto* done = std::get_if<std::vector<diff::Step>>(&ordered)) {
            add_state_hazards(*done, from, to);
            return std::move(*done);
        }
        const auto& cycle = std::get<order::StepCycle>(ordered);
        if (!order::split_foreign_keys(changes, steps, cycle, from))
            return Error{order::describe_cycle(steps, cycle)};
    }
}

std::vector<std::string> differences(const catalog::Catalog& actual,
                                     const catalog::Catalog& expected) {
    std::vector<std::string> out;
    for (const auto& change : diff::diff(actual, expected))
        out.push_back(diff::summarize(change));
    return out;
}

} // namespace schemac::cli
