#include "plan/plan.h"

namespace schemac::plan {

std::vector<steps::Hazard> hazards_of(const steps::Step& step) {
    std::vector<steps::Hazard> out = step.hazards;
    if (!step.transactional)
        out.push_back(
            {steps::HazardKind::NotTransactional,
             std::string(runtime::hazard_info(steps::HazardKind::NotTransactional).description)});
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
