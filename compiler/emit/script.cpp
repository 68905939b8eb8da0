#include "emit/script.h"

#include "runtime/script.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace schemac::emit {
namespace {

using runtime::k_hazard_marker;
using runtime::k_no_transaction_marker;
using runtime::k_phase_marker;
using runtime::k_step_marker;

/// Above a step of a plain script that cannot run in a transaction block.
std::string outside_transaction() {
    return std::string(k_no_transaction_marker) +
           " (run on its own, outside a transaction: schemac apply does)\n";
}

/// A step's hazards as comments, then its statements.
std::string step_body(const steps::Step& step) {
    std::string out;
    for (const auto& hazard : step.hazards)
        out += std::string(k_hazard_marker) + std::string(hazard.name()) + ": " + hazard.message +
               "\n";
    for (const auto& statement : step.statements)
        out += statement + ";\n";
    return out;
}

/// As a `-- schemac:phase` marker names it.
const char* phase_name(steps::Phase phase) {
    switch (phase) {
    case steps::Phase::Expand:
        return "expand";
    case steps::Phase::Data:
        return "data";
    default:
        return "contract";
    }
}

} // namespace

std::string render_script(const std::vector<steps::Step>& steps) {
    std::string out;
    for (const auto& step : steps)
        out += (out.empty() ? "" : "\n") + (step.transactional ? "" : outside_transaction()) +
               step_body(step);
    return out;
}

std::string render_migration(const std::vector<steps::Step>& steps, const std::string& title) {
    std::string out = "-- " + title + "\n--\n";
    for (const auto& step : steps)
        out += "--   " + steps::describe_step(step) + "\n";
    // Each phase is marked where it begins; a step that expands but must
    // follow a contraction (what takes a dropped object's name) stays in
    // the contract phase.
    std::optional<steps::Phase> phase;
    for (const auto& step : steps) {
        steps::Phase next = std::max(steps::phase_of(step), phase.value_or(steps::Phase::Expand));
        if (next == steps::Phase::Remove)
            next = steps::Phase::Check; // one contract phase
        if (next != phase) {
            out += "\n" + std::string(k_phase_marker) + " " + phase_name(next) + "\n";
            phase = next;
        }
        out += "\n" + std::string(k_step_marker) + " " + steps::describe_step(step) + "\n";
        if (!step.transactional)
            out += std::string(k_no_transaction_marker) + "\n";
        out += step_body(step);
    }
    return out;
}

} // namespace schemac::emit
