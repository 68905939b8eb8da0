#include "report/plan_graph.h"

#include <map>
#include <set>

namespace schemac::report {
namespace {

using catalog::ObjectKey;
using steps::Action;

/// What happens to an object over its steps, as the picture colours it.
enum class Fate { Create, Alter, Drop, Rebuild, Rename };

struct Node {
    ObjectKey key;
    Fate fate = Fate::Alter;
    std::string renamed; ///< a rename's step, in words
};

struct Graph {
    std::vector<Node> nodes;                             ///< in plan order
    std::set<std::pair<std::size_t, std::size_t>> edges; ///< first before second
    std::size_t left_out = 0;                            ///< objects past the cap
};

Fate fate_of(bool created, bool dropped, bool renamed) {
    if (created && dropped)
        return Fate::Rebuild;
    if (created)
        return Fate::Create;
    if (dropped)
        return Fate::Drop;
    return renamed ? Fate::Rename : Fate::Alter;
}

/// Whether `to` is reachable from `from` without the direct edge.
bool implied(const Graph& graph, std::size_t from, std::size_t to) {
    auto successors = [&](std::size_t at, std::vector<std::size_t>& into) {
        for (auto edge = graph.edges.lower_bound({at, 0});
             edge != graph.edges.end() && edge->first == at; ++edge)
            into.push_back(edge->second);
    };
    std::vector<std::size_t> stack;
    successors(from, stack);
    std::erase(stack, to);
    std::set<std::size_t> seen;
    while (!stack.empty()) {
        std::size_t at = stack.back();
        stack.pop_back();
        if (at == to)
            return true;
        if (seen.insert(at).second)
            successors(at, stack);
    }
    return false;
}

Graph graph_of(const plan::Plan& plan) {
    Graph graph;
    std::map<ObjectKey, std::size_t> index;
    struct Seen {
        bool created = false, dropped = false, renamed = false;
    };
    std::vector<Seen> seen;
    for (const auto& step : plan.forward) {
        if (step.action == Action::Data)
            continue;
        auto [at, added] = index.try_emplace(step.key, graph.nodes.size());
        if (added) {
            graph.nodes.push_back({step.key, Fate::Alter, ""});
            seen.emplace_back();
        }
        seen[at->second].created |= step.action == Action::Create;
        seen[at->second].dropped |= step.action == Action::Drop;
        seen[at->second].renamed |= step.action == Action::Rename;
        if (step.action == Action::Rename)
            graph.nodes[at->second].renamed = steps::describe_step(step);
    }
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        graph.nodes[i].fate = fate_of(seen[i].created, seen[i].dropped, seen[i].renamed);
    if (graph.nodes.size() > k_graph_cap) {
        graph.left_out = graph.nodes.size() - k_graph_cap;
        graph.nodes.resize(k_graph_cap);
    }
    for (const auto& step : plan.forward) {
        auto then = index.find(step.key);
        if (then == index.end() || then->second >= graph.nodes.size())
            continue;
        for (const auto& key : step.ordered_after)
            if (auto before = index.find(key); before != index.end() &&
                                               before->second < graph.nodes.size() &&
                                               before->second != then->second)
                graph.edges.insert({before->second, then->second});
    }
    // Only the arrows that say something: one a longer path implies goes.
    std::set<std::pair<std::size_t, std::size_t>> kept;
    for (const auto& [a, b] : graph.edges)
        if (!implied(graph, a, b))
            kept.insert({a, b});
    graph.edges = std::move(kept);
    return graph;
}

struct Look {
    const char* name;
    const char* symbol;
    const char* fill;
    const char* stroke;
};

Look look(Fate fate) {
    switch (fate) {
    case Fate::Create:
        return {"create", "+", "#dafbe1", "#1a7f37"};
    case Fate::Alter:
        return {"alter", "~", "#fff8c5", "#9a6700"};
    case Fate::Drop:
        return {"drop", "-", "#ffebe9", "#cf222e"};
    case Fate::Rebuild:
        return {"rebuild", "±", "#fff1e5", "#bc4c00"};
    case Fate::Rename:
        return {"rename", "→", "#ddf4ff", "#0969da"};
    }
    return {"alter", "~", "#fff8c5", "#9a6700"};
}

/// A label inside double quotes, for Mermaid ("#quot;") or DOT (\").
std::string quoted(const std::string& text, bool mermaid) {
    std::string out;
    for (char c : text) {
        if (c == '"')
            out += mermaid ? "#quot;" : "\\\"";
        else if (c == '\\' && !mermaid)
            out += "\\\\";
        else
            out += c;
    }
    return "\"" + out + "\"";
}

std::string label(const Node& node) {
    return std::string(look(node.fate).symbol) + " " +
           (node.fate == Fate::Rename ? node.renamed : catalog::describe(node.key));
}

std::string note(const Graph& graph) {
    return std::to_string(graph.left_out) + " more changed object" +
           (graph.left_out == 1 ? " is" : "s are") + " not drawn (the first " +
           std::to_string(k_graph_cap) + " in plan order are)";
}

} // namespace

std::string render_mermaid(const plan::Plan& plan) {
    Graph graph = graph_of(plan);
    std::string out = "flowchart LR\n";
    std::set<Fate> used;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        out += "  n" + std::to_string(i + 1) + "[" + quoted(label(graph.nodes[i]), true) +
               "]:::" + look(graph.nodes[i].fate).name + "\n";
        used.insert(graph.nodes[i].fate);
    }
    for (const auto& [a, b] : graph.edges)
        out += "  n" + std::to_string(a + 1) + " --> n" + std::to_string(b + 1) + "\n";
    if (graph.left_out)
        out += "  more[" + quoted(note(graph), true) + "]\n";
    for (Fate fate : used) {
        Look l = look(fate);
        out += "  classDef " + std::string(l.name) + " fill:" + l.fill + ",stroke:" + l.stroke +
               ",color:#1f2328\n";
    }
    return out;
}

std::string render_dot(const plan::Plan& plan) {
    Graph graph = graph_of(plan);
    std::string out = "digraph plan {\n  rankdir=LR;\n"
                      "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        Look l = look(graph.nodes[i].fate);
        out += "  n" + std::to_string(i + 1) + " [label=" + quoted(label(graph.nodes[i]), false) +
               ", fillcolor=\"" + l.fill + "\", color=\"" + l.stroke + "\"];\n";
    }
    for (const auto& [a, b] : graph.edges)
        out += "  n" + std::to_string(a + 1) + " -> n" + std::to_string(b + 1) + ";\n";
    if (graph.left_out)
        out += "  more [shape=note, style=\"\", label=" + quoted(note(graph), false) + "];\n";
    return out + "}\n";
}

} // namespace schemac::report
