#pragma once

#include "diff/change.h"
#include "plan/lint.h"
#include "steps/step.h"

#include <map>
#include <string>
#include <vector>

/// The plan stage: the planner loop (diff, steps, order, repair), rename
/// resolution, lint and the proof. Its product is the reviewable Plan: what
/// changes, what each step risks, and the steps both ways.
namespace schemac::plan {

struct Plan {
    std::string current;                      ///< where the current state came from
    std::vector<diff::ChangeSummary> changes; ///< per object
    std::vector<steps::Step> forward;
    std::vector<steps::Step> reverse;
    /// Sizes of the current state's tables by qualified name, when the
    /// current state is a live database (--url).
    std::map<std::string, catalog::TableStats> sizes;
    std::vector<Warning> warnings; ///< about the desired state (lint)
};

/// Hazards of a step as the plan shows them: the step's own, plus
/// not-transactional for a step that must run outside a transaction.
std::vector<steps::Hazard> hazards_of(const steps::Step& step);

/// A hazard a person must approve (exit code 3 with --exit-code).
bool needs_approval(const steps::Hazard& hazard);
bool needs_approval(const std::vector<steps::Step>& steps);

} // namespace schemac::plan
