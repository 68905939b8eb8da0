#include "catalog/catalog.h"
#include "catalog/quote.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace schemac::catalog {

SequenceOptions default_sequence_options(const std::string& type, std::int64_t increment) {
    SequenceOptions o;
    o.type = type;
    o.increment = increment;
    std::int64_t type_max = 9223372036854775807LL;
    if (type == "integer")
        type_max = 2147483647LL;
    else if (type == "smallint")
        type_max = 32767;
    if (increment > 0) {
        o.min = 1;
        o.max = type_max;
        o.start = 1;
    } else {
        o.min = -type_max - 1;
        o.max = -1;
        o.start = -1;
    }
    return o;
}

// The drift fingerprint (runtime/fingerprint.cpp) leaves out the values of
// options with the same words in their names.
bool is_secret_option(const std::string& name) {
    std::string lower = name;
    std::ranges::transform(lower, lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::array<std::string_view, 4> k_words{"password", "secret", "key", "token"};
    return std::ranges::any_of(
        k_words, [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

bool Catalog::inherited(const ObjectKey& key) const {
    if (auto c = constraints.find(key); c != constraints.end())
        return c->second.inherited;
    auto i = indexes.find(key);
    return i != indexes.end() && i->second.inherited;
}

bool Catalog::contains(const ObjectKey& key) const {
    bool found = false;
    with_objects(*this, key.kind, [&](const auto& objects) { found = objects.contains(key); });
    return found;
}

std::vector<const Column*> Catalog::columns_of(const ObjectKey& table) const {
    std::vector<const Column*> out;
    auto first = columns.lower_bound(child_key(Kind::Column, table.schema, table.name, ""));
    for (auto it = first;
         it != columns.end() && it->first.schema == table.schema && it->first.parent == table.name;
         ++it)
        out.push_back(&it->second);
    std::ranges::sort(out, {}, &Column::position);
    return out;
}

std::vector<const Constraint*> Catalog::constraints_of(const ObjectKey& table) const {
    std::vector<const Constraint*> out;
    auto first = constraints.lower_bound(child_key(Kind::Constraint, table.schema, table.name, ""));
    for (auto it = first; it != constraints.end() && it->first.schema == table.schema &&
                          it->first.parent == table.name;
         ++it)
        out.push_back(&it->second);
    return out;
}

std::set<std::string> Catalog::roles() const {
    std::set<std::string> out;
    auto add = [&](const std::string& list) {
        for (auto& name : role_names(list))
            out.insert(std::move(name));
    };
    for (const auto& p : privileges)
        add(p.grantee);
    for (const auto& d : default_privileges) {
        add(d.role);
        add(d.grantee);
    }
    for (const auto& [key, policy] : policies)
        add(policy.roles);
    for (const auto& [key, object] : foreign)
        if (key.kind == Kind::UserMapping && key.name != "CURRENT_USER")
            add(key.name);
    for (const auto& key : owners_compared)
        if (auto owner = owner_of(key); !owner.empty())
            out.insert(owner);
    return out;
}

std::set<ObjectKey> Catalog::owned_by_others(std::string_view except) const {
    std::set<ObjectKey> out;
    for (const auto& [key, owner] : owners)
        if (auto other = owner_of(key); !other.empty() && !other.starts_with("pg_") && other != except)
            out.insert(key);
    return out;
}

std::string Catalog::owner_of(const ObjectKey& key) const {
    auto found = owners.find(key);
    return found == owners.end() || found->second == reader ? "" : found->second;
}

std::vector<Dependency> Catalog::dependencies_of(const ObjectKey& key) const {
    std::vector<Dependency> out;
    for (auto it = dependencies.lower_bound(Dependency{key, {}, DependencyType::Normal});
         it != dependencies.end() && it->dependent == key; ++it)
        out.push_back(*it);
    return out;
}

} // namespace schemac::catalog
