// The plan's picture: nodes coloured by what happens to each object, the
// order's edges without those a longer path implies, and the cap.

#include "report/plan_graph.h"

#include <doctest/doctest.h>

using namespace schemac;
using schemac::catalog::Kind;
using schemac::steps::Action;

namespace {

steps::Step step(Kind kind, const std::string& name, Action action,
                 std::vector<catalog::ObjectKey> after = {}) {
    steps::Step s;
    s.key = catalog::relation_key(kind, "public", name);
    s.action = action;
    s.ordered_after = std::move(after);
    return s;
}

catalog::ObjectKey table(const std::string& name) {
    return catalog::relation_key(Kind::Table, "public", name);
}

} // namespace

TEST_CASE("the picture: one node per object, coloured by its steps, arrows not implied") {
    plan::Plan plan;
    plan.forward = {
        step(Kind::Table, "a", Action::Create),
        step(Kind::Table, "b", Action::Create, {table("a")}),
        // c waits for a and for b; a -> c is implied by a -> b -> c.
        step(Kind::Table, "c", Action::Create, {table("a"), table("b")}),
        // Dropped and created again: rebuilt.
        step(Kind::Table, "Old \"x\"", Action::Drop),
        step(Kind::Table, "Old \"x\"", Action::Create, {table("c")}),
        step(Kind::Table, "d", Action::Alter),
        step(Kind::Table, "e", Action::Drop),
    };
    CHECK(report::render_mermaid(plan) ==
          "flowchart LR\n"
          "  n1[\"+ table public.a\"]:::create\n"
          "  n2[\"+ table public.b\"]:::create\n"
          "  n3[\"+ table public.c\"]:::create\n"
          "  n4[\"± table public.#quot;Old #quot;#quot;x#quot;#quot;#quot;\"]:::rebuild\n"
          "  n5[\"~ table public.d\"]:::alter\n"
          "  n6[\"- table public.e\"]:::drop\n"
          "  n1 --> n2\n"
          "  n2 --> n3\n"
          "  n3 --> n4\n"
          "  classDef create fill:#dafbe1,stroke:#1a7f37,color:#1f2328\n"
          "  classDef alter fill:#fff8c5,stroke:#9a6700,color:#1f2328\n"
          "  classDef drop fill:#ffebe9,stroke:#cf222e,color:#1f2328\n"
          "  classDef rebuild fill:#fff1e5,stroke:#bc4c00,color:#1f2328\n");
    std::string dot = report::render_dot(plan);
    CHECK(dot.find("  n4 [label=\"± table public.\\\"Old \\\"\\\"x\\\"\\\"\\\"\"") !=
          std::string::npos);
    CHECK(dot.find("  n2 -> n3;\n") != std::string::npos);
    CHECK(dot.find("n1 -> n3") == std::string::npos);
}

TEST_CASE("past the cap, the first objects in plan order are drawn, with a note") {
    plan::Plan plan;
    for (std::size_t i = 0; i < report::k_graph_cap + 3; ++i)
        plan.forward.push_back(step(Kind::Table, "t" + std::to_string(i), Action::Create,
                                    i ? std::vector{table("t" + std::to_string(i - 1))}
                                      : std::vector<catalog::ObjectKey>{}));
    std::string mermaid = report::render_mermaid(plan);
    CHECK(mermaid.find("n40[\"+ table public.t39\"]") != std::string::npos);
    CHECK(mermaid.find("t40") == std::string::npos);
    CHECK(mermaid.find("n39 --> n40\n") != std::string::npos);
    CHECK(mermaid.find("  more[\"3 more changed objects are not drawn (the first 40 in plan "
                       "order are)\"]\n") != std::string::npos);
}
