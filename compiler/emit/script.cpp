#include "emit/steps.h"

namespace schemac::emit {

std::string render_script(const std::vector<diff::Step>& steps) {
    std::string out;
    for (const auto& step : steps) {
        if (!out.empty())
            out += "\n";
        for (const auto& hazard : step.hazards)
            out += "-- hazard " + hazard.kind + ": " + hazard.message + "\n";
        for (const auto& statement : step.statements)
            out += statement + ";\n";
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
