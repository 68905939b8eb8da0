#pragma once

#include "plan/plan.h"

#include <string>

/// The plan for a reader: text (a terminal), markdown (a pull-request
/// comment) or JSON (tools; its schema is compiler/report/plan.schema.json).
namespace schemac::report {

inline constexpr int k_plan_format_version = 1;

std::string render_text(const plan::Plan& plan, bool colour);
std::string render_markdown(const plan::Plan& plan);
std::string render_json(const plan::Plan& plan);

} // namespace schemac::report
