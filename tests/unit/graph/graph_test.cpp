#include "graph/graph.h"

#include <doctest/doctest.h>

using namespace schemac::graph;

namespace {
bool by_number(Vertex a, Vertex b) {
    return a < b;
}
} // namespace

TEST_CASE("topological_sort respects edges and breaks ties by priority") {
    // 3 -> 0, 2 -> 1: free vertices go lowest first.
    auto result = topological_sort(4, {{3, 0}, {2, 1}}, by_number);
    REQUIRE(std::holds_alternative<std::vector<Vertex>>(result));
    CHECK(std::get<std::vector<Vertex>>(result) == std::vector<Vertex>{2, 1, 3, 0});
}

TEST_CASE("topological_sort is stable without edges and ignores duplicate edges") {
    auto result = topological_sort(3, {{0, 1}, {0, 1}}, by_number);
    CHECK(std::get<std::vector<Vertex>>(result) == std::vector<Vertex>{0, 1, 2});
    auto reversed = topological_sort(3, {}, [](Vertex a, Vertex b) { return a > b; });
    CHECK(std::get<std::vector<Vertex>>(reversed) == std::vector<Vertex>{2, 1, 0});
}

TEST_CASE("topological_sort reports one cycle as a closed path") {
    // 0 -> 1 -> 2 -> 1, and 3 depends on the cycle.
    auto result = topological_sort(4, {{0, 1}, {1, 2}, {2, 1}, {2, 3}}, by_number);
    REQUIRE(std::holds_alternative<Cycle>(result));
    CHECK(std::get<Cycle>(result).path == std::vector<Vertex>{1, 2, 1});
}

TEST_CASE("a self-loop is a cycle") {
    auto result = topological_sort(2, {{1, 1}}, by_number);
    REQUIRE(std::holds_alternative<Cycle>(result));
    CHECK(std::get<Cycle>(result).path == std::vector<Vertex>{1, 1});
}
