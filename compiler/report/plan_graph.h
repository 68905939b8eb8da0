#pragma once

#include "plan/plan.h"

#include <string>

/// A picture of a plan: the objects its forward steps change, coloured by
/// what happens to them, and the dependency edges that ordered them (an arrow
/// points from an object to what had to wait for it). Transitively implied
/// arrows are left out; past `k_graph_cap` objects only the first ones in
/// plan order are drawn, with a note of how many are not.
namespace schemac::report {

inline constexpr std::size_t k_graph_cap = 40;

/// A Mermaid flowchart (GitHub and GitLab draw it in a ```mermaid block).
std::string render_mermaid(const plan::Plan& plan);

/// The same graph for Graphviz (`plan --format dot | dot -Tsvg`).
std::string render_dot(const plan::Plan& plan);

} // namespace schemac::report
