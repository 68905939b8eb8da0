#include "cli/planner.h"

#include "emit/steps.h"
#include "order/order_steps.h"

#include <algorithm>

namespace schemac::cli {

namespace {

/// What depends on the state a step runs in: locks matter on tables that
/// exist already (nobody else sees one the migration creates); on those, an
/// index build and a check of every row are long: plain, they hold their lock
/// throughout (long-lock, which needs approval); online, writes go on.
void add_state_hazards(std::vector<diff::Step>& steps, const catalog::Catalog& from,
                       const catalog::Catalog& to) {
    for (auto& step : steps) {
        std::erase_if(step.locks, [&](const diff::TableLock& lock) {
            return !from.tables.contains(lock.table);
        });
        auto held = [&](const catalog::ObjectKey& table) {
            for (const auto& lock : step.locks)
                if (lock.table == table)
                    return std::string(diff::lock_name(lock.mode));
            return std::string();
        };
        auto long_lock = [&](const catalog::ObjectKey& table, const std::string& what) {
            step.hazards.push_back({"long-lock", "holds " + held(table) + " on " +
                                                     catalog::qualified_name(table) + " " + what});
        };
        if (step.action == diff::Action::Create && step.key.kind == catalog::Kind::Index) {
            auto index = to.indexes.find(step.key);
            if (index == to.indexes.end())
                continue;
            auto table =
                catalog::relation_key(catalog::Kind::Table, step.key.schema, index->second.table);
            if (!from.tables.contains(table))
                continue;
            std::string name = catalog::qualified_name(step.key);
            if (step.transactional)
                long_lock(table, "for the whole build of index " + name + ": writes wait");
            else
                step.hazards.push_back(
                    {"index-build", "builds index " + name +
                                        " concurrently on the existing table " +
                                        catalog::qualified_name(table) +
                                        ": writes go on; the build scans the table twice and "
                                        "waits for the transactions running on it"});
        } else if (step.action == diff::Action::Create &&
                   step.key.kind == catalog::Kind::Constraint) {
            auto table = catalog::table_of(step.key);
            auto constraint = to.constraints.find(step.key);
            if (!from.tables.contains(table) || constraint == to.constraints.end() ||
                step.statements.front().ends_with(" NOT VALID"))
                continue;
            auto type = constraint->second.type;
            if (type == catalog::ConstraintType::Check ||
                type == catalog::ConstraintType::ForeignKey)
                long_lock(table, "while it checks every row against " + step.key.name);
            else
                long_lock(table, "while it builds the index of " + step.key.name);
        } else if (step.key.kind == catalog::Kind::Column && step.detail.empty() &&
                   std::ranges::any_of(step.statements, [](const std::string& sql) {
                       return sql.ends_with(" SET NOT NULL");
                   })) {
            long_lock(catalog::table_of(step.key),
                      "while it scans every row for NULLs in " + step.key.name);
        }
    }
}

} // namespace

Result<std::vector<diff::Step>> plan_steps(const catalog::Catalog& from, const catalog::Catalog& to,
                                           bool online) {
    return plan_steps(diff::diff(from, to), from, to, online);
}

Result<std::vector<diff::Step>> plan_steps(std::vector<diff::Change> changes,
                                           const catalog::Catalog& from, const catalog::Catalog& to,
                                           bool online) {
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
