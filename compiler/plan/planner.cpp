#include "plan/planner.h"

#include "order/order_steps.h"
#include "steps/build.h"

namespace schemac::plan {

Result<std::vector<steps::Step>> plan_steps(const catalog::Catalog& from,
                                            const catalog::Catalog& to, bool online) {
    return plan_steps(diff::diff(from, to), from, to, online);
}

Result<std::vector<steps::Step>> plan_steps(std::vector<diff::Change> changes,
                                            const catalog::Catalog& from,
                                            const catalog::Catalog& to, bool online) {
    // Each repair splits at least one foreign key out, so this ends.
    for (;;) {
        auto built = steps::build_steps(changes, from, to, online);
        auto ordered = order::order_steps(built, from, to);
        if (auto* done = std::get_if<std::vector<steps::Step>>(&ordered)) {
            steps::lock_partitions(*done, from);
            steps::forget_dropped_tables(*done);
            return std::move(*done);
        }
        const auto& cycle = std::get<order::StepCycle>(ordered);
        if (!order::split_foreign_keys(changes, built, cycle, from))
            return Error{order::describe_cycle(built, cycle)};
    }
}

std::vector<std::string> differences(const catalog::Catalog& actual,
                                     const catalog::Catalog& expected) {
    std::vector<std::string> out;
    for (const auto& change : diff::diff(actual, expected))
        out.push_back(diff::summarize(change));
    return out;
}

} // namespace schemac::plan
