#pragma once

#include "catalog/catalog.h"
#include "diff/change.h"
#include "steps/step.h"

#include <variant>
#include <vector>

/// Orders steps through one dependency graph: every step is a vertex, the
/// catalogs' dependencies become before/after edges, and one deterministic
/// sort (Kahn, min-heap on phase, kind priority, key) gives the order.
namespace schemac::order {

/// Steps that wait on each other; the first is repeated at the end.
struct StepCycle {
    std::vector<std::size_t> steps;
};

/// `steps` in execution order, or a cycle among them. `from` is the catalog
/// the steps start from (drop order), `to` the one they lead to (create order).
std::variant<std::vector<steps::Step>, StepCycle> order_steps(const std::vector<steps::Step>& steps,
                                                              const catalog::Catalog& from,
                                                              const catalog::Catalog& to);

/// `dependency cycle: create table public.a -> create table public.b -> ...`
std::string describe_cycle(const std::vector<steps::Step>& steps, const StepCycle& cycle);

/// Repair rule "tables first, foreign keys after" (pg_dump's
/// repairTableConstraintMultiLoop): the foreign keys of tables created or
/// dropped in the cycle become steps of their own. False when the rule does
/// not apply to this cycle.
bool split_foreign_keys(std::vector<diff::Change>& changes, const std::vector<steps::Step>& steps,
                        const StepCycle& cycle, const catalog::Catalog& from);

} // namespace schemac::order
