#include "graph/graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <queue>

namespace schemac::graph {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

/// A path around one cycle among `stuck` (vertices Kahn could not free).
Cycle find_cycle(const Graph& graph, const std::vector<bool>& stuck) {
    std::vector<int> component(boost::num_vertices(graph));
    boost::strong_components(graph, component.data());
    // The first stuck vertex that sits in a non-trivial component, or on a self-loop.
    std::vector<int> size(component.size(), 0);
    for (int c : component)
        ++size[c];
    Vertex start = 0;
    for (Vertex v = 0; v < stuck.size(); ++v) {
        if (stuck[v] && (size[component[v]] > 1 || boost::edge(v, v, graph).second)) {
            start = v;
            break;
        }
    }
    // Walk inside the component, always to the lowest-numbered successor, until
    // a vertex repeats: that closes the cycle.
    std::vector<Vertex> walk{start};
    std::vector<long> seen_at(component.size(), -1);
    seen_at[start] = 0;
    for (;;) {
        Vertex here = walk.back();
        Vertex next = static_cast<Vertex>(-1);
        for (auto [it, end] = boost::adjacent_vertices(here, graph); it != end; ++it)
            if (component[*it] == component[start])
                next = std::min<Vertex>(next, *it);
        if (seen_at[next] >= 0) {
            Cycle cycle;
            cycle.path.assign(walk.begin() + seen_at[next], walk.end());
            cycle.path.push_back(next);
            return cycle;
        }
        seen_at[next] = static_cast<long>(walk.size());
        walk.push_back(next);
    }
}

} // namespace

std::variant<std::vector<Vertex>, Cycle>
topological_sort(std::size_t count, const std::vector<Edge>& edges, const Priority& less) {
    Graph graph(count);
    std::vector<std::size_t> in_degree(count, 0);
    for (auto [from, to] : edges) {
        if (boost::edge(from, to, graph).second)
            continue;
        boost::add_edge(from, to, graph);
        ++in_degree[to];
    }
    auto later = [&](Vertex a, Vertex b) { return less(b, a); };
    std::priority_queue<Vertex, std::vector<Vertex>, decltype(later)> free(later);
    for (Vertex v = 0; v < count; ++v)
        if (in_degree[v] == 0)
            free.push(v);

    std::vector<Vertex> order;
    order.reserve(count);
    while (!free.empty()) {
        Vertex v = free.top();
        free.pop();
        order.push_back(v);
        for (auto [it, end] = boost::adjacent_vertices(v, graph); it != end; ++it)
            if (--in_degree[*it] == 0)
                free.push(*it);
    }
    if (order.size() == count)
        return order;
    std::vector<bool> stuck(count, false);
    for (Vertex v = 0; v < count; ++v)
        stuck[v] = in_degree[v] > 0;
    return find_cycle(graph, stuck);
}

} // namespace schemac::graph
