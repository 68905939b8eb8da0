#include "steps/step.h"

#include <algorithm>

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

std::string describe_step(const Step& step) {
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

} // namespace schemac::steps
