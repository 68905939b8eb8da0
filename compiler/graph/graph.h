#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <variant>
#include <vector>

/// The one topological sort: Kahn's algorithm with a min-heap over a
/// Boost.Graph, so ties break by a caller-given priority and the output is the
/// same on every run (boost::topological_sort has no tie-break).
namespace schemac::graph {

using Vertex = std::size_t;
using Edge = std::pair<Vertex, Vertex>; ///< first must come before second

/// A cycle, as the vertices along it; the first vertex is repeated at the end.
struct Cycle {
    std::vector<Vertex> path;
};

/// `less(a, b)` is true when a should come first among vertices that are free.
using Priority = std::function<bool(Vertex, Vertex)>;

/// The vertices 0..count-1 in an order that respects every edge, or one cycle.
std::variant<std::vector<Vertex>, Cycle>
topological_sort(std::size_t count, const std::vector<Edge>& edges, const Priority& less);

} // namespace schemac::graph
