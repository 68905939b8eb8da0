#pragma once

#include "cli/lint.h"
#include "diff/change.h"
#include "diff/step.h"

#include <map>
#include <string>
#include <vector>

/// The reviewable plan: what changes, what each step risks, and the SQL both
/// ways, as text (a terminal), markdown (a pull-request comment) or JSON
/// (tools; the schema is compiler/cli/plan.schema.json).
namespace schemac::cli {

struct Plan {
    std::string current;                      ///< where the current state came from
    std::vector<diff::ChangeSummary> changes; ///< per object
    std::vector<diff::Step> forward;
    std::vector<diff::Step> reverse;
    /// Sizes of the current state's tables by qualified name, when the
    /// current state is a live database (--url).
    std::map<std::string, catalog::TableStats> sizes;
    std::vector<Warning> warnings; ///< about the desired state (lint)
};

inline constexpr int k_plan_format_version = 1;

/// Hazards of a step as the plan shows them: the step's own, plus
/// not-transactional for a step that must run outside a transaction.
std::vector<diff::Hazard> hazards_of(const diff::Step& step);

/// A hazard a person must approve (exit code 3 with --exit-code).
bool needs_approval(const diff::Hazard& hazard);
bool needs_approval(const std::vector<diff::Step>& steps);

std::string render_text(const Plan& plan, bool colour);
std::string render_markdown(const Plan& plan);
std::string render_json(const Plan& plan);

} // namespace schemac::cli
