#include "diff/step.h"

#include "diff/change.h"

namespace schemac::diff {

std::string describe_step(const Step& step) {
    const char* verb = step.action == Action::Drop     ? "drop "
                       : step.action == Action::Create ? "create "
                       : step.action == Action::Alter  ? "alter "
                                                       : "comment on ";
    return verb + catalog::describe(step.key);
}

std::string summarize(const Change& change) {
    return std::visit(
        [](const auto& c) -> std::string {
            using T = std::decay_t<decltype(c)>;
            std::string what = catalog::describe(key_of(Change(c)));
            if constexpr (std::is_same_v<T, CreateTable>)
                return "+ " + what;
            else if constexpr (std::is_same_v<T, RebuildEnum>)
                return "± " + what + " (rebuilt)";
            else if constexpr (std::is_same_v<T, SetComment>)
                return "~ " + what + " (comment)";
            else if constexpr (requires { c.implied; })
                return "- " + what;
            else if constexpr (requires { c.object; })
                return "+ " + what;
            else
                return "~ " + what;
        },
        change);
}

} // namespace schemac::diff
