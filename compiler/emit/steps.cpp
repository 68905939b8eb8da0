#include "emit/steps.h"

#include "emit/render.h"

#include <algorithm>

namespace schemac::emit {

std::string temporary_name(const std::string& base, const std::string& suffix) {
    constexpr std::size_t k_max = 63;
    std::size_t keep = std::min(base.size(), k_max - suffix.size());
    while (keep > 0 && keep < base.size() &&
           (static_cast<unsigned char>(base[keep]) & 0xC0) == 0x80)
        --keep; // not in the middle of a UTF-8 character
    return base.substr(0, keep) + suffix;
}

std::vector<diff::Step> build_steps(const std::vector<diff::Change>& changes,
                                    const catalog::Catalog& from, const catalog::Catalog& to,
                                    bool online) {
    Context context{from, to, online, {}};
    std::set<catalog::ObjectKey> dropped;
    for (const auto& change : changes)
        std::visit(
            [&](const auto& c) {
                if constexpr (requires { c.implied; })
                    dropped.insert(c.object.key);
            },
            change);
    // An index built anew beside the old one, unless the old one goes because
    // something it uses goes (a function replaced): the new one needs the
    // replacement, and the old one is in the way of dropping what it uses.
    auto uses_dropped = [&](const catalog::ObjectKey& index) {
        return std::ranges::any_of(from.dependencies_of(index), [&](const auto& dep) {
            return dep.referenced.kind != catalog::Kind::Table &&
                   dep.referenced.kind != catalog::Kind::Column && dropped.contains(dep.referenced);
        });
    };
    for (const auto& change : changes)
        if (const auto* create = std::get_if<diff::Create<catalog::Index>>(&change))
            if (dropped.contains(create->object.key) && !uses_dropped(create->object.key) &&
                context.lives_on(catalog::relation_key(
                    catalog::Kind::Table, create->object.key.schema, create->object.table)))
                context.swapped_indexes.insert(create->object.key);
    std::vector<diff::Step> out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        Steps steps = std::visit([&](const auto& c) { return render(c, context); }, changes[i]);
        for (std::size_t part = 0; part < steps.size(); ++part) {
            // Locks matter on tables that exist already: nobody else sees one
            // the migration creates.
            std::erase_if(steps[part].locks, [&](const diff::TableLock& lock) {
                return !from.tables.contains(lock.table);
            });
            steps[part].change = i;
            steps[part].part = part;
            out.push_back(std::move(steps[part]));
        }
    }
    return out;
}

} // namespace schemac::emit
