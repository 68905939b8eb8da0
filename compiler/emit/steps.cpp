#include "emit/steps.h"

#include "emit/render.h"

namespace schemac::emit {

std::vector<diff::Step> build_steps(const std::vector<diff::Change>& changes,
                                    const catalog::Catalog& from, const catalog::Catalog& to) {
    Context context{from, to};
    std::vector<diff::Step> out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        Steps steps = std::visit([&](const auto& c) { return render(c, context); }, changes[i]);
        for (std::size_t part = 0; part < steps.size(); ++part) {
            steps[part].change = i;
            steps[part].part = part;
            out.push_back(std::move(steps[part]));
        }
    }
    return out;
}

} // namespace schemac::emit
