#include "report/plan_render.h"
#include "report/plan_graph.h"

#include "emit/script.h"

#include <map>
#include <nlohmann/json.hpp>

namespace schemac::report {
using emit::render_script;
using plan::hazards_of;
using plan::needs_approval;
using plan::Plan;

namespace {

constexpr const char* k_actions[] = {"create", "alter", "drop", "rebuild", "rename"};

std::map<std::string, int> counts(const Plan& plan) {
    std::map<std::string, int> out;
    for (const char* action : k_actions)
        out[action] = 0;
    for (const auto& change : plan.changes)
        ++out[change.action];
    return out;
}

std::string headline(const Plan& plan) {
    if (plan.changes.empty())
        return "no changes";
    auto n = counts(plan);
    return std::to_string(n["create"]) + " to create, " + std::to_string(n["alter"]) +
           " to alter, " + std::to_string(n["drop"]) + " to drop, " + std::to_string(n["rebuild"]) +
           " to rebuild" + (n["rename"] ? ", " + std::to_string(n["rename"]) + " to rename" : "");
}

/// Every hazard of the plan's forward steps, with its 1-based step number.
std::vector<std::pair<std::size_t, steps::Hazard>> all_hazards(const Plan& plan) {
    std::vector<std::pair<std::size_t, steps::Hazard>> out;
    for (std::size_t i = 0; i < plan.forward.size(); ++i)
        for (auto& hazard : hazards_of(plan.forward[i]))
            out.emplace_back(i + 1, std::move(hazard));
    return out;
}

class Paint {
  public:
    explicit Paint(bool on) : m_on(on) {}
    std::string operator()(const char* code, const std::string& text) const {
        return m_on ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
    }
    std::string symbol(const std::string& symbol) const {
        const char* code = symbol == "+"   ? "32"
                           : symbol == "-" ? "31"
                           : symbol == "~" ? "33"
                                           : "35";
        return (*this)(code, symbol);
    }

  private:
    bool m_on;
};

/// `ACCESS EXCLUSIVE on public.t (~5000 rows, 1200 kB)`
std::string lock_text(const steps::TableLock& lock, const Plan& plan) {
    std::string table = catalog::qualified_name(lock.table);
    std::string out = std::string(steps::lock_name(lock.mode)) + " on " + table;
    if (auto size = plan.sizes.find(table); size != plan.sizes.end())
        out += " (" +
               (size->second.rows < 0 ? std::string("rows unknown")
                                      : "~" + std::to_string(size->second.rows) + " rows") +
               ", " + size->second.pretty + ")";
    return out;
}

/// `ACCESS EXCLUSIVE on public.t (~5000 rows, 1200 kB), SHARE ... on public.u`
std::string locks_text(const steps::Step& step, const Plan& plan) {
    std::string out;
    for (const auto& lock : step.locks)
        out += (out.empty() ? "" : ", ") + lock_text(lock, plan);
    return out;
}

/// How `schemac rollback` undoes the plan, when that is more than running
/// its reverse as written: one transaction that holds stronger locks than
/// the concurrent steps, or steps one by one. One line per point, no
/// indent; empty when the reverse runs as it reads.
std::vector<std::string> rollback_lines(const Plan& plan) {
    plan::Rollback rollback = plan::rollback_of(plan.reverse);
    std::vector<std::string> out;
    auto step_name = [&](std::size_t i) {
        return "reverse step " + std::to_string(i + 1) + " (" +
               steps::describe_step(plan.reverse[i]) + ")";
    };
    if (rollback.alone) {
        out.push_back("`schemac rollback` undoes it step by step: " + step_name(*rollback.alone) +
                      " cannot run in a transaction; a failure leaves it half undone, and "
                      "rollback resumes there");
        return out;
    }
    if (rollback.stronger.empty())
        return out;
    out.push_back("`schemac rollback` undoes it in one transaction, all or nothing: its "
                  "concurrent index steps run without CONCURRENTLY and, until it commits, hold");
    for (const auto& [i, lock] : rollback.stronger)
        out.push_back(
            "  " + step_name(i) + ": " + lock_text(lock, plan) + ": " +
            (lock.mode == steps::LockMode::Share ? "writes wait" : "reads and writes wait"));
    out.push_back("`schemac rollback --online` keeps CONCURRENTLY: lighter locks, but a failure "
                  "leaves the migration half undone");
    return out;
}

/// Text fit for a markdown table cell.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text)
        out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string indent(const std::string& text, const std::string& by) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string line = text.substr(pos, eol == std::string::npos ? eol : eol - pos);
        out += (line.empty() ? "" : by + line) + "\n";
        if (eol == std::string::npos)
            break;
        pos = eol + 1;
    }
    return out;
}

nlohmann::json step_json(const steps::Step& step, std::size_t index, const Plan& plan) {
    nlohmann::json hazards = nlohmann::json::array();
    for (const auto& hazard : hazards_of(step))
        hazards.push_back({{"kind", hazard.name()},
                           {"message", hazard.message},
                           {"needs_approval", needs_approval(hazard)}});
    const char* action = step.action == steps::Action::Create   ? "create"
                         : step.action == steps::Action::Drop   ? "drop"
                         : step.action == steps::Action::Alter  ? "alter"
                         : step.action == steps::Action::Rename ? "rename"
                                                                : "comment";
    auto or_null = [](const std::string& text) {
        return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
    };
    nlohmann::json object = {{"kind", catalog::kind_info(step.key.kind).name},
                             {"schema", or_null(step.key.schema)},
                             {"parent", or_null(step.key.parent)},
                             {"name", step.key.name},
                             {"description", catalog::describe(step.key)}};
    nlohmann::json locks = nlohmann::json::array();
    for (const auto& lock : step.locks) {
        std::string table = catalog::qualified_name(lock.table);
        nlohmann::json rows = nullptr;
        nlohmann::json bytes = nullptr;
        if (auto size = plan.sizes.find(table); size != plan.sizes.end()) {
            if (size->second.rows >= 0)
                rows = size->second.rows;
            bytes = size->second.bytes;
        }
        locks.push_back({{"table", table},
                         {"mode", steps::lock_name(lock.mode)},
                         {"rows", rows},
                         {"bytes", bytes}});
    }
    // clang-format off
    return {{"index", index},
            {"description", steps::describe_step(step)},
            {"action", action},
            {"object", object},
            {"locks", locks},
            {"transactional", step.transactional},
            {"hazards", hazards},
            {"sql", step.statements}};
    // clang-format on
}

} // namespace

namespace {

std::string warnings_text(const Plan& plan, const Paint& paint) {
    if (plan.warnings.empty())
        return "";
    std::string out = "\n" + paint("1", "Warnings") + "\n";
    for (const auto& w : plan.warnings)
        out +=
            "  " + paint("33", w.code + " " + w.name) + ": " + w.object + ": " + w.message + "\n";
    return out;
}

} // namespace

std::string render_text(const Plan& plan, bool colour) {
    Paint paint(colour);
    std::string out = paint("1", "Plan: " + headline(plan)) + "\n";
    out += "Current state: " + plan.current + "\n";
    if (plan.changes.empty())
        return out + warnings_text(plan, paint);
    out += "\n";
    for (const auto& change : plan.changes)
        out += "  " + paint.symbol(change.symbol) +
               diff::summary_line(change).substr(change.symbol.size()) + "\n";
    out += warnings_text(plan, paint);
    out += "\n" + paint("1", "Steps") + "\n";
    for (std::size_t i = 0; i < plan.forward.size(); ++i) {
        out += "  " + std::to_string(i + 1) + ". " + steps::describe_step(plan.forward[i]) + "\n";
        if (!plan.forward[i].locks.empty())
            out += "     locks: " + locks_text(plan.forward[i], plan) + "\n";
        for (const auto& hazard : hazards_of(plan.forward[i]))
            out += "     " +
                   paint(needs_approval(hazard) ? "31" : "33", "! " + std::string(hazard.name())) +
                   ": " + hazard.message + "\n";
    }
    if (auto rollback = rollback_lines(plan); !rollback.empty()) {
        out += "\n" + paint("1", "Rollback") + "\n";
        for (const auto& line : rollback)
            out += "  " + line + "\n";
    }
    out += "\n" + paint("1", "Forward SQL") + "\n" + indent(render_script(plan.forward), "  ");
    out += "\n" + paint("1", "Reverse SQL") + "\n" + indent(render_script(plan.reverse), "  ");
    return out;
}

std::string render_markdown(const Plan& plan) {
    std::string out = "### schemac plan: " + headline(plan) + "\n\n";
    out += "Current state: " + plan.current + "\n";
    if (plan.changes.empty())
        return out;
    out += "\n| | object | change |\n|---|---|---|\n";
    for (const auto& change : plan.changes)
        out += "| `" + change.symbol + "` | " + cell(change.object) + " | " + change.action +
               (change.detail.empty() ? "" : " (" + change.detail + ")") + " |\n";
    if (!plan.forward.empty())
        out += "\nWhat changes (green created, yellow altered, red dropped, orange rebuilt, blue "
               "renamed), each arrow from an object to what waits for it:\n\n```mermaid\n" +
               render_mermaid(plan) + "```\n";
    out += "\n| step | locks on existing tables |\n|---:|---|\n";
    for (std::size_t i = 0; i < plan.forward.size(); ++i)
        out += "| " + std::to_string(i + 1) + ". " + cell(steps::describe_step(plan.forward[i])) +
               " | " +
               (plan.forward[i].locks.empty() ? "none" : cell(locks_text(plan.forward[i], plan))) +
               " |\n";
    if (!plan.warnings.empty()) {
        out += "\n**Warnings**\n\n";
        for (const auto& w : plan.warnings)
            out += "- `" + w.code + "` " + w.name + ": " + w.object + ": " + w.message + "\n";
    }
    auto hazards = all_hazards(plan);
    out += "\n**Hazards**";
    if (hazards.empty())
        out += ": none.\n";
    else
        out += "\n\n";
    for (const auto& [step, hazard] : hazards)
        out += "- " + std::string(needs_approval(hazard) ? "⚠️ " : "") + "step " +
               std::to_string(step) + " (" + steps::describe_step(plan.forward[step - 1]) +
               "): **" + std::string(hazard.name()) + "**: " + hazard.message + "\n";
    if (auto rollback = rollback_lines(plan); !rollback.empty()) {
        out += "\n**Rollback**\n\n";
        for (const auto& line : rollback)
            out +=
                (line.starts_with("  ") ? "  - " + cell(line.substr(2)) : "- " + cell(line)) + "\n";
    }
    auto details = [](const std::string& summary, const std::vector<steps::Step>& steps) {
        return "\n<details><summary>" + summary + " (" + std::to_string(steps.size()) +
               (steps.size() == 1 ? " step" : " steps") + ")</summary>\n\n```sql\n" +
               render_script(steps) + "```\n\n</details>\n";
    };
    out += details("Forward SQL", plan.forward);
    out += details("Reverse SQL", plan.reverse);
    return out;
}

std::string render_json(const Plan& plan) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& change : plan.changes)
        changes.push_back({{"symbol", change.symbol},
                           {"action", change.action},
                           {"object", change.object},
                           {"detail", change.detail},
                           {"line", diff::summary_line(change)}});
    nlohmann::json forward = nlohmann::json::array();
    for (std::size_t i = 0; i < plan.forward.size(); ++i)
        forward.push_back(step_json(plan.forward[i], i + 1, plan));
    nlohmann::json reverse = nlohmann::json::array();
    for (std::size_t i = 0; i < plan.reverse.size(); ++i)
        reverse.push_back(step_json(plan.reverse[i], i + 1, plan));
    plan::Rollback how = plan::rollback_of(plan.reverse);
    nlohmann::json stronger = nlohmann::json::array();
    for (const auto& [i, lock] : how.stronger)
        stronger.push_back({{"step", i + 1},
                            {"table", catalog::qualified_name(lock.table)},
                            {"mode", steps::lock_name(lock.mode)}});
    nlohmann::json rollback = {{"one_transaction", how.one_transaction()},
                               {"alone", how.alone ? nlohmann::json(*how.alone + 1) : nullptr},
                               {"locks_without_concurrently", stronger}};
    nlohmann::json summary = nlohmann::json::object();
    for (const auto& [action, n] : counts(plan))
        summary[action] = n;
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& w : plan.warnings)
        warnings.push_back(
            {{"code", w.code}, {"name", w.name}, {"object", w.object}, {"message", w.message}});
    nlohmann::json unmanaged = {{"current", plan.unmanaged_current},
                                {"desired", plan.unmanaged_desired}};
    nlohmann::json doc = {{"format_version", k_plan_format_version},
                          {"warnings", warnings},
                          {"unmanaged", unmanaged},
                          {"current", plan.current},
                          {"summary", summary},
                          {"needs_approval", needs_approval(plan.forward)},
                          {"changes", changes},
                          {"forward", forward},
                          {"reverse", reverse},
                          {"rollback", rollback},
                          {"forward_sql", render_script(plan.forward)},
                          {"reverse_sql", render_script(plan.reverse)}};
    return doc.dump(2) + "\n";
}

} // namespace schemac::report
