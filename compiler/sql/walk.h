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

} // namespace schemac::sql
