#include "order/order_steps.h"

#include "graph/graph.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

namespace schemac::order {
using catalog::ObjectKey;
using graph::Cycle;
using graph::Edge;
using graph::Vertex;
using steps::Step;

namespace {

using Index = std::multimap<ObjectKey, std::size_t>;

class EdgeBuilder {
  public:
    explicit EdgeBuilder(const std::vector<Step>& steps) {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            for (const auto& k : steps[i].provides)
                m_provides.emplace(k, i);
            for (const auto& k : steps[i].removes)
                m_removes.emplace(k, i);
            for (const auto& k : steps[i].modifies)
                m_modifies.emplace(k, i);
            for (const auto& k : steps[i].touches)
                m_touches.emplace(k, i);
            for (const auto& k : steps[i].needs)
                m_needs.emplace(k, i);
            for (const auto& k : steps[i].releases)
                m_releases.emplace(k, i);
            for (const auto& k : steps[i].converts)
                m_converts.emplace(k, i);
        }
    }

    /// Every step in `before` (for key a) precedes every step in `after` (for b).
    void link(const Index& before, const ObjectKey& a, const Index& after, const ObjectKey& b) {
        auto [first, last] = before.equal_range(a);
        if (first == last)
            return;
        auto [second, end] = after.equal_range(b);
        for (auto i = first; i != last; ++i)
            for (auto j = second; j != end; ++j)
                if (i->second != j->second)
                    m_edges.emplace_back(i->second, j->second);
    }

    /// One object's life: removed before it is provided again, provided
    /// before it is changed or commented on.
    void same_object(const ObjectKey& k) {
        link(m_removes, k, m_provides, k);
        link(m_removes, k, m_modifies, k);
        link(m_provides, k, m_modifies, k);
        link(m_provides, k, m_touches, k);
        link(m_modifies, k, m_touches, k);
        link(m_provides, k, m_needs, k);
        link(m_modifies, k, m_needs, k);
    }

    /// In the target state `x` uses `y`: `y` is made (or changed) first.
    void desired(const ObjectKey& x, const ObjectKey& y) {
        for (const Index* before : {&m_provides, &m_modifies})
            for (const Index* after : {&m_provides, &m_modifies})
                link(*before, y, *after, x);
        link(m_converts, y, m_provides, x);
    }

    /// In the current state `x` uses `y`: `x` goes (or stops using it) before
    /// `y` goes, and goes before `y` is changed. A sequence OWNED BY a column
    /// does not use it: it only goes with it, so the column may change first
    /// (its DEFAULT nextval() dropped before the sequence goes).
    void current(const ObjectKey& x, const ObjectKey& y, catalog::DependencyType type) {
        link(m_removes, x, m_removes, y);
        link(m_modifies, x, m_removes, y);
        link(m_releases, x, m_removes, y);
        if (type != catalog::DependencyType::Owned) {
            link(m_removes, x, m_modifies, y);
            link(m_removes, x, m_converts, y);
        }
    }

    /// Names that objects of different kinds share: a table, a view, an
    /// index (a key's too), a sequence and a type are one relation or type
    /// name in their schema; a function, a procedure and an aggregate one
    /// routine signature. What goes frees its name before another kind takes
    /// it (drops no longer come first: expand comes before contract).
    void same_name() {
        using catalog::Kind;
        auto space = [](Kind kind) {
            switch (kind) {
            case Kind::Sequence:
            case Kind::Table:
            case Kind::Constraint:
            case Kind::Index:
            case Kind::View:
            case Kind::MaterializedView:
            case Kind::Enum:
            case Kind::Domain:
            case Kind::CompositeType:
            case Kind::RangeType:
                return 1;
            case Kind::Function:
            case Kind::Procedure:
            case Kind::Aggregate:
                return 2;
            default:
                return 0;
            }
        };
        using Name = std::tuple<int, std::string_view, std::string_view, std::string_view>;
        auto name_of = [](int ns, const ObjectKey& key) {
            return Name(ns, key.schema, key.name, key.args);
        };
        std::multimap<Name, const ObjectKey*> gone;
        for (const auto& [key, step] : m_removes)
            if (int ns = space(key.kind); ns && key.facet == catalog::Facet::Object)
                gone.emplace(name_of(ns, key), &key);
        for (const auto& [key, step] : m_provides) {
            int ns = space(key.kind);
            if (!ns || key.facet != catalog::Facet::Object)
                continue;
            auto [first, last] = gone.equal_range(name_of(ns, key));
            for (auto it = first; it != last; ++it)
                if (*it->second != key)
                    for (auto [r, end] = m_removes.equal_range(*it->second); r != end; ++r)
                        if (r->second != step)
                            m_edges.emplace_back(r->second, step);
        }
    }

    std::vector<std::pair<std::size_t, std::size_t>> take() { return std::move(m_edges); }

  private:
    Index m_provides, m_removes, m_modifies, m_touches, m_needs, m_releases, m_converts;
    std::vector<std::pair<std::size_t, std::size_t>> m_edges;
};

/// Tie-break among free steps: by phase (expand, then what checks rows,
/// then what removes); within one, drops first (dependents before what they
/// use, so by falling kind priority), then creates and alters by kind
/// priority; then by key, so the order moves as little as possible between
/// runs.
auto sort_key(const Step& s) {
    bool drop = s.action == steps::Action::Drop;
    int priority = catalog::kind_info(s.key.kind).priority;
    return std::make_tuple(steps::phase_of(s), drop ? 0 : 1, drop ? -priority : priority,
                           std::string_view(s.key.schema), std::string_view(s.key.parent),
                           s.ordinal, s.key, s.change, s.part);
}

/// Each step's rank under sort_key, computed once so the heap compares integers.
std::vector<std::size_t> ranks(const std::vector<Step>& steps) {
    std::vector<std::size_t> by_key(steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i)
        by_key[i] = i;
    std::ranges::sort(by_key, [&](std::size_t a, std::size_t b) {
        return sort_key(steps[a]) < sort_key(steps[b]);
    });
    std::vector<std::size_t> rank(steps.size());
    for (std::size_t r = 0; r < by_key.size(); ++r)
        rank[by_key[r]] = r;
    return rank;
}

/// A step that only annotates (COMMENT ON) moves up to right after the last
/// step it waits for, if any: nothing waits for it, so this keeps every edge.
std::vector<Vertex> annotations_follow_their_object(std::vector<Vertex> order,
                                                    const std::vector<Step>& steps,
                                                    const std::vector<Edge>& edges) {
    std::vector<std::vector<Vertex>> before(steps.size());
    std::vector<bool> has_successor(steps.size(), false);
    for (auto [from, to] : edges) {
        before[to].push_back(from);
        has_successor[from] = true;
    }
    auto annotation = [&](Vertex v) {
        const Step& s = steps[v];
        return !has_successor[v] && s.provides.empty() && s.removes.empty() && s.modifies.empty() &&
               !s.touches.empty();
    };
    std::vector<Vertex> rest;
    std::vector<std::vector<Vertex>> after(steps.size());
    std::vector<std::size_t> position(steps.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        position[order[i]] = i;
    for (Vertex v : order) {
        std::optional<Vertex> last;
        for (Vertex p : before[v])
            if (!last || position[p] > position[*last])
                last = p;
        if (annotation(v) && last)
            after[*last].push_back(v);
        else
            rest.push_back(v);
    }
    std::vector<Vertex> out;
    for (Vertex v : rest) {
        out.push_back(v);
        out.insert(out.end(), after[v].begin(), after[v].end());
    }
    return out;
}

} // namespace

std::variant<std::vector<Step>, StepCycle> order_steps(const std::vector<Step>& steps,
                                                       const catalog::Catalog& from,
                                                       const catalog::Catalog& to) {
    EdgeBuilder builder(steps);
    std::set<ObjectKey> keys;
    for (const auto& s : steps) {
        keys.insert(s.provides.begin(), s.provides.end());
        keys.insert(s.removes.begin(), s.removes.end());
        keys.insert(s.modifies.begin(), s.modifies.end());
        keys.insert(s.needs.begin(), s.needs.end());
        keys.insert(s.touches.begin(), s.touches.end());
    }
    for (const auto& k : keys)
        builder.same_object(k);
    builder.same_name();
    for (const auto& dep : to.dependencies)
        if (dep.type != catalog::DependencyType::Owned) // set by its own step, see SetOwnedBy
            builder.desired(dep.dependent, dep.referenced);
    for (const auto& dep : from.dependencies)
        builder.current(dep.dependent, dep.referenced, dep.type);
    // An object is created with the default privileges of its kind, in every
    // schema and in its own: those are set first.
    for (const auto& k : keys)
        if (char objects = catalog::kind_info(k.kind).default_privileges;
            objects && k.facet == catalog::Facet::Object) {
            builder.desired(k, catalog::default_privileges_key("", objects));
            if (k.kind != catalog::Kind::Schema)
                builder.desired(k, catalog::default_privileges_key(k.schema, objects));
        }
    auto edges = builder.take();
    // The steps of one change run in the order the change gave them.
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i].change == steps[i - 1].change)
            edges.emplace_back(i - 1, i);

    auto rank = ranks(steps);
    auto sorted = graph::topological_sort(steps.size(), edges,
                                          [&](Vertex a, Vertex b) { return rank[a] < rank[b]; });
    if (auto* cycle = std::get_if<Cycle>(&sorted))
        return StepCycle{cycle->path};
    std::vector<std::vector<catalog::ObjectKey>> after(steps.size());
    for (const auto& [before, then] : edges)
        if (steps[before].key != steps[then].key)
            after[then].push_back(steps[before].key);
    std::vector<Step> out;
    auto order =
        annotations_follow_their_object(std::get<std::vector<Vertex>>(sorted), steps, edges);
    for (auto v : order) {
        out.push_back(steps[v]);
        std::ranges::sort(after[v]);
        after[v].erase(std::unique(after[v].begin(), after[v].end()), after[v].end());
        out.back().ordered_after = std::move(after[v]);
    }
    return out;
}

std::string describe_cycle(const std::vector<Step>& steps, const StepCycle& cycle) {
    std::string out = "dependency cycle: ";
    for (std::size_t i = 0; i < cycle.steps.size(); ++i)
        out += (i ? " -> " : "") + steps::describe_step(steps[cycle.steps[i]]);
    return out;
}

} // namespace schemac::order
