#pragma once

#include "diff/change.h"
#include "plan/lint.h"
#include "steps/step.h"

#include <map>
#include <optional>
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
    /// Objects of kinds schemac does not diff, in each state: left alone.
    std::vector<std::string> unmanaged_current;
    std::vector<std::string> unmanaged_desired;
};

/// Hazards of a step as the plan shows them: the step's own, plus
/// not-transactional for a step that must run outside a transaction.
std::vector<steps::Hazard> hazards_of(const steps::Step& step);

/// The reverse as `schemac rollback` runs it by default: in one
/// transaction, all or nothing, where every step can run in one; its
/// concurrent index builds and drops then run plainly, under stronger locks
/// held until it commits.
struct Rollback {
    /// The first reverse step that cannot run in a transaction whatever it
    /// says (an enum value added, then used): the rollback goes step by
    /// step, and a failure leaves it half undone.
    std::optional<std::size_t> alone;
    /// Locks the plain builds and drops take instead of their concurrent
    /// ones, with their 0-based reverse step.
    std::vector<std::pair<std::size_t, steps::TableLock>> stronger;
    bool one_transaction() const { return !alone; }
};
Rollback rollback_of(const std::vector<steps::Step>& reverse);

/// A hazard a person must approve (exit code 3 with --exit-code).
bool needs_approval(const steps::Hazard& hazard);
bool needs_approval(const std::vector<steps::Step>& steps);

} // namespace schemac::plan
