#include "plan/plan.h"

#include "runtime/script.h"

namespace schemac::plan {

std::vector<steps::Hazard> hazards_of(const steps::Step& step) {
    std::vector<steps::Hazard> out = step.hazards;
    if (!step.transactional)
        out.push_back(
            {steps::HazardKind::NotTransactional,
             std::string(runtime::hazard_info(steps::HazardKind::NotTransactional).description)});
    return out;
}

Rollback rollback_of(const std::vector<steps::Step>& reverse) {
    Rollback out;
    for (std::size_t i = 0; i < reverse.size(); ++i) {
        const steps::Step& step = reverse[i];
        for (const auto& sql : step.statements) {
            // As the runtime decides when it runs the rollback (atomic()).
            if (runtime::runs_alone(sql, step.transactional)) {
                out.alone = i;
                out.stronger.clear();
                return out;
            }
            if (step.transactional)
                continue;
            // Made plain, CREATE INDEX takes SHARE (writes wait), DROP INDEX
            // ACCESS EXCLUSIVE (reads wait too); VALIDATE keeps its lock.
            std::optional<steps::LockMode> mode;
            if (!runtime::concurrent_indexes(sql).empty())
                mode = steps::LockMode::Share;
            else if (!runtime::concurrent_drops(sql).empty())
                mode = steps::LockMode::AccessExclusive;
            if (mode)
                for (const auto& lock : step.locks)
                    out.stronger.push_back({i, {lock.table, *mode}});
        }
    }
    return out;
}

bool needs_approval(const steps::Hazard& hazard) {
    return runtime::hazard_info(hazard.kind).needs_approval;
}

bool needs_approval(const std::vector<steps::Step>& steps) {
    for (const auto& step : steps)
        for (const auto& hazard : hazards_of(step))
            if (needs_approval(hazard))
                return true;
    return false;
}

} // namespace schemac::plan
