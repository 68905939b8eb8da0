#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace schemac::sql {

/// Calls `visit(name, value)` for each member of each object in a parse tree
/// (libpg_query's JSON) and descends into the value. Iterative: a tree
/// nested tens of thousands deep (an expression of 20,000 terms) is walked
/// without growing the stack. The order of the visits is unspecified.
template <class F> void walk(const nlohmann::json& root, F&& visit) {
    std::vector<const nlohmann::json*> pending{&root};
    while (!pending.empty()) {
        const nlohmann::json* node = pending.back();
        pending.pop_back();
        if (node->is_array()) {
            for (const auto& item : *node)
                pending.push_back(&item);
        } else if (node->is_object()) {
            for (const auto& [name, value] : node->items()) {
                visit(name, value);
                pending.push_back(&value);
            }
        }
    }
}

/// The member `key` of a parse tree's object, read in place: an empty array
/// (list) or object (node) where it has none. (`json::value(key, default)`
/// copies the member, and a statement's members are most of its tree.)
inline const nlohmann::json& list(const nlohmann::json& object, const char* key) {
    static const nlohmann::json k_empty = nlohmann::json::array();
    auto found = object.find(key);
    return found != object.end() ? *found : k_empty;
}
inline const nlohmann::json& node(const nlohmann::json& object, const char* key) {
    static const nlohmann::json k_empty = nlohmann::json::object();
    auto found = object.find(key);
    return found != object.end() ? *found : k_empty;
}

} // namespace schemac::sql
