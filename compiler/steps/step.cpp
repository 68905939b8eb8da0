#include "steps/step.h"

#include "runtime/script.h"

#include <algorithm>
#include <filesystem>

namespace schemac::steps {

std::string_view lock_name(LockMode mode) {
    constexpr std::string_view k_names[] = {
        "ACCESS SHARE", "ROW SHARE",           "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
        "SHARE",        "SHARE ROW EXCLUSIVE", "EXCLUSIVE",     "ACCESS EXCLUSIVE"};
    return k_names[static_cast<std::size_t>(mode)];
}

void Step::lock(const catalog::ObjectKey& table, LockMode mode) {
    for (auto& held : locks)
        if (held.table == table) {
            held.mode = std::max(held.mode, mode);
            return;
        }
    locks.push_back({table, mode});
}

Phase phase_of(const Step& step) {
    if (step.action == Action::Data)
        return Phase::Data;
    if (step.checks_rows)
        return Phase::Check;
    bool loses = std::ranges::any_of(
        step.hazards, [](const Hazard& h) { return h.kind == HazardKind::DataLoss; });
    if (step.action == Action::Drop || loses)
        return Phase::Remove;
    return Phase::Expand;
}

std::string describe_step(const Step& step) {
    if (step.action == Action::Data)
        return "data " + step.detail;
    if (step.action == Action::Rename)
        return "rename " + catalog::describe(step.key) + " " + step.detail;
    const char* verb = step.action == Action::Drop     ? "drop "
                       : step.action == Action::Create ? "create "
                       : step.action == Action::Alter  ? "alter "
                                                       : "comment on ";
    // Default privileges for every schema are keyed by a schema without a name.
    std::string object = step.key.kind == catalog::Kind::Schema && step.key.name.empty()
                             ? "every schema"
                             : catalog::describe(step.key);
    return verb + object + (step.detail.empty() ? "" : " (" + step.detail + ")");
}

Result<std::vector<Step>> data_steps(const std::string& path, const std::string& text) {
    auto script = runtime::parse_script(path, text);
    if (!script)
        return std::move(script).error();
    std::string file = std::filesystem::path(path).filename().string();
    std::vector<Step> out;
    bool open = false; // the last step takes more statements
    for (const auto& part : script->steps)
        for (const auto& statement : part.statements) {
            std::string where = file + ":" + std::to_string(statement.line);
            if (statement.batched) {
                Step batch;
                batch.action = Action::Data;
                batch.transactional = false;
                batch.detail = "from " + where + ", in batches";
                batch.statements.push_back(std::string(runtime::k_batch_marker) + "\n" +
                                           statement.sql);
                out.push_back(std::move(batch));
                open = false;
                continue;
            }
            if (!open) {
                Step step;
                step.action = Action::Data;
                step.detail = "from " + where;
                out.push_back(std::move(step));
                open = true;
            }
            out.back().statements.push_back(statement.sql);
        }
    return out;
}

std::vector<Step> with_data_phase(std::vector<Step> ordered, const std::vector<Step>& data) {
    auto at =
        std::ranges::find_if(ordered, [](const Step& s) { return phase_of(s) > Phase::Data; });
    ordered.insert(at, data.begin(), data.end());
    return ordered;
}

} // namespace schemac::steps
