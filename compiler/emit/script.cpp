#include "emit/steps.h"

namespace schemac::emit {
namespace {

/// A step's hazards as comments, then its statements.
std::string step_body(const diff::Step& step) {
    std::string out;
    for (const auto& hazard : step.hazards)
        out += "-- hazard " + hazard.kind + ": " + hazard.message + "\n";
    for (const auto& statement : step.statements)
        out += statement + ";\n";
    return out;
}

} // namespace

std::string render_script(const std::vector<diff::Step>& steps) {
    std::string out;
    for (const auto& step : steps)
        out += (out.empty() ? "" : "\n") + step_body(step);
    return out;
}

std::string render_migration(const std::vector<diff::Step>& steps, const std::string& title) {
    std::string out = "-- " + title + "\n--\n";
    for (const auto& step : steps)
        out += "--   " + diff::describe_step(step) + "\n";
    for (const auto& step : steps) {
        out += "\n-- schemac:step " + diff::describe_step(step) + "\n";
        if (!step.transactional)
            out += "-- schemac:no-transaction\n";
        out += step_body(step);
    }
    return out;
}

std::vector<std::string> statements_of(const std::vector<diff::Step>& steps) {
    std::vector<std::string> out;
    for (const auto& step : steps)
        out.insert(out.end(), step.statements.begin(), step.statements.end());
    return out;
}

} // namespace schemac::emit
