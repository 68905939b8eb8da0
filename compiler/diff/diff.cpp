#include "diff/change.h"

#include "diff/diff_internal.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace schemac::diff {
using catalog::Catalog;
using catalog::Kind;
using catalog::ObjectKey;

namespace {

/// Sorts every object of one kind into drop / create / alter.
template <class T, class Rebuild>
void decide(const std::map<ObjectKey, T>& from, const std::map<ObjectKey, T>& to, Decisions& d,
            Rebuild needs_rebuild) {
    for (const auto& [key, old] : from)
        if (!to.contains(key))
            d.drop.insert(key);
    for (const auto& [key, object] : to) {
        auto it = from.find(key);
        if (it == from.end()) {
            d.create.insert(key);
        } else if (!same_definition(it->second, object)) {
            if (needs_rebuild(it->second, object)) {
                d.drop.insert(key);
                d.create.insert(key);
            } else {
                d.alter.insert(key);
            }
        }
    }
}

template <class T> bool never(const T&, const T&) {
    return false;
}
template <class T> bool always(const T&, const T&) {
    return true;
}

Decisions decide_all(const Catalog& from, const Catalog& to) {
    Decisions d;
    decide(from.schemas, to.schemas, d, never<catalog::Schema>);
    decide(from.extensions, to.extensions, d, always<catalog::Extension>);
    decide(from.enums, to.enums, d, never<catalog::EnumType>);
    decide(from.sequences, to.sequences, d, never<catalog::Sequence>);
    // A table cannot become partitioned, or change its partition key, in place.
    decide(from.tables, to.tables, d,
           [](const auto& a, const auto& b) { return a.partition_by != b.partition_by; });
    decide(from.columns, to.columns, d, column_needs_rebuild);
    decide(from.constraints, to.constraints, d,
           [](const auto& a, const auto& b) { return !constraint_alters_in_place(a, b); });
    decide(from.indexes, to.indexes, d, always<catalog::Index>);
    decide(from.functions, to.functions, d, function_needs_rebuild);
    decide(from.views, to.views, d, view_needs_rebuild);
    decide(from.triggers, to.triggers, d, always<catalog::Trigger>);
    decide(from.policies, to.policies, d, policy_needs_rebuild);
    // A domain's base type or collation cannot change in place.
    decide(from.domains, to.domains, d, [](const auto& a, const auto& b) {
        return a.base_type != b.base_type || a.collation != b.collation;
    });
    decide(from.composites, to.composites, d, never<catalog::CompositeType>);
    // A partition's columns, constraints and indexes are its parent's:
    // created, attached and dropped with it. Only a partition detached into
    // a plain table has its own to compare.
    auto table_of = [&](const ObjectKey& key) {
        if (key.kind != Kind::Index)
            return catalog::table_of(key);
        const auto& indexes = to.indexes.contains(key) ? to.indexes : from.indexes;
        return catalog::relation_key(Kind::Table, key.schema, indexes.at(key).table);
    };
    auto is_partition = [](const Catalog& c, const ObjectKey& table) {
        auto found = c.tables.find(table);
        return found != c.tables.end() && found->second.partition_of.has_value();
    };
    for (auto* keys : {&d.drop, &d.create, &d.alter})
        std::erase_if(*keys, [&](const ObjectKey& key) {
            if (key.kind != Kind::Column && key.kind != Kind::Constraint && key.kind != Kind::Index)
                return false;
            ObjectKey table = table_of(key);
            return is_partition(to, table) ||
                   (is_partition(from, table) && !to.tables.contains(table));
        });
    for (const auto& [key, type] : to.enums)
        if (d.alter.contains(key) && !enum_only_adds(from.enums.at(key), type)) {
            d.alter.erase(key);
            d.rebuild_enum.insert(key);
        }
    return d;
}

/// Kinds PostgreSQL will not leave in place over a change to what they use
/// (a dropped object, a column whose type changes): they are dropped before
/// it and created again after, never CASCADE.
bool rebuilt_with_what_it_uses(Kind kind) {
    return kind == Kind::Constraint || kind == Kind::Index || kind == Kind::View ||
           kind == Kind::MaterializedView || kind == Kind::Trigger || kind == Kind::Function ||
           kind == Kind::Procedure || kind == Kind::Policy;
}

/// Columns that change type in place: by ALTER COLUMN TYPE, or converted by
/// the rebuild of their enum.
std::set<ObjectKey> retyped_columns(const Catalog& from, const Catalog& to, const Decisions& d) {
    std::set<ObjectKey> out;
    for (const auto& key : d.alter)
        if (key.kind == Kind::Column && from.columns.at(key).type != to.columns.at(key).type)
            out.insert(key);
    for (const auto& dep : from.dependencies)
        if (dep.dependent.kind == Kind::Column && d.rebuild_enum.contains(dep.referenced))
            out.insert(dep.dependent);
    return out;
}

/// An object that depends on something being dropped goes with it: through an
/// automatic dependency always (PostgreSQL drops it too), through a normal one
/// when PostgreSQL would refuse the drop (rebuilt_with_what_it_uses). So does
/// a view, trigger, policy or BEGIN ATOMIC function over a column whose type
/// changes, and what names an enum type that is rebuilt. If it exists on
/// both sides it is rebuilt: dropped and created again.
void propagate_rebuilds(const Catalog& from, const Catalog& to, Decisions& d) {
    auto retyped = retyped_columns(from, to, d);
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& dep : from.dependencies) {
            const ObjectKey& key = dep.dependent;
            if (d.drop.contains(key))
                continue;
            // ALTER COLUMN TYPE rebuilds indexes and constraints by itself.
            bool over_retyped = retyped.contains(dep.referenced) &&
                                (key.kind == Kind::View || key.kind == Kind::MaterializedView ||
                                 key.kind == Kind::Trigger || key.kind == Kind::Policy ||
                                 key.kind == Kind::Function || key.kind == Kind::Procedure);
            // An enum rebuilt under a temporary name: what names the type
            // itself (a function's argument, a cast in a view) goes first.
            bool over_rebuilt_enum = d.rebuild_enum.contains(dep.referenced) &&
                                     key.kind != Kind::Constraint && key.kind != Kind::Index &&
                                     key.kind != Kind::Column;
            bool blocked = d.drop.contains(dep.referenced) || over_retyped || over_rebuilt_enum;
            if (!blocked)
                continue;
            bool goes =
                dep.type != catalog::DependencyType::Normal || rebuilt_with_what_it_uses(key.kind);
            // A default that calls a function being replaced, and stays
            // as it is: taken off while the function is away.
            if (key.kind == Kind::Column && dep.type == catalog::DependencyType::Normal &&
                (dep.referenced.kind == Kind::Function || dep.referenced.kind == Kind::Procedure) &&
                d.rebuilt(dep.referenced) && to.contains(key) && to.columns.at(key).default_expr &&
                from.columns.at(key).default_expr == to.columns.at(key).default_expr) {
                d.reset_default.insert(key);
                continue;
            }
            if (!goes || !to.contains(key))
                continue;
            d.drop.insert(key);
            d.create.insert(key);
            d.alter.erase(key);
            changed = true;
        }
    }
}

/// The dropped object whose drop takes `key` along (itself when none does).
ObjectKey absorber(const Catalog& from, const Decisions& d, const ObjectKey& key,
                   std::map<ObjectKey, ObjectKey>& memo) {
    if (auto it = memo.find(key); it != memo.end())
        return it->second;
    ObjectKey result = key;
    for (const auto& dep : from.dependencies_of(key)) {
        if (dep.type != catalog::DependencyType::Normal && d.drop.contains(dep.referenced)) {
            result = absorber(from, d, dep.referenced, memo);
            break;
        }
    }
    memo.emplace(key, result);
    return result;
}

/// What REVOKE and GRANT take privileges `before` to `after`: an entry that
/// goes is revoked, one that comes is granted, the other way round for a
/// default that was revoked (it comes back by GRANT).
template <class P>
void split_privileges(const std::set<P>& before, const std::set<P>& after, std::vector<P>& revoke,
                      std::vector<P>& grant) {
    for (const auto& p : before)
        if (!after.contains(p))
            (p.revoked_default ? grant : revoke).push_back(p);
    for (const auto& p : after)
        if (!before.contains(p))
            (p.revoked_default ? revoke : grant).push_back(p);
}

template <class T> const T& get(const std::map<ObjectKey, T>& objects, const ObjectKey& key) {
    return objects.at(key);
}

class Writer {
  public:
    Writer(const Catalog& from, const Catalog& to, const Decisions& d)
        : m_from(from), m_to(to), m_d(d) {}

    std::vector<Change> write() {
        write_drops();
        write_creates();
        write_alters();
        write_comments();
        write_privileges();
        write_default_privileges();
        return std::move(m_changes);
    }

  private:
    void write_drops() {
        std::map<ObjectKey, ObjectKey> memo;
        std::map<ObjectKey, std::vector<ObjectKey>> implied;
        std::vector<ObjectKey> roots;
        for (const auto& key : m_d.drop) {
            ObjectKey root = absorber(m_from, m_d, key, memo);
            if (root == key)
                roots.push_back(key);
            else
                implied[root].push_back(key);
        }
        for (const auto& key : roots)
            write_drop(key, implied[key]);
    }

    void write_drop(const ObjectKey& key, std::vector<ObjectKey> implied) {
        catalog::with_objects(m_from, key.kind, [&](const auto& objects) {
            using T = typename std::decay_t<decltype(objects)>::mapped_type;
            add(Drop<T>{objects.at(key), std::move(implied)});
        });
    }

    /// A new table's columns and constraints go inline; NOT VALID constraints
    /// cannot (CREATE TABLE validates), so they are added after.
    void write_create_table(const ObjectKey& key) {
        CreateTable create{get(m_to.tables, key), {}, {}};
        for (const auto* column : m_to.columns_of(key))
            create.columns.push_back(*column);
        for (const auto* constraint : m_to.constraints_of(key)) {
            if (constraint->definition.ends_with(" NOT VALID"))
                add(Create<catalog::Constraint>{*constraint});
            else
                create.constraints.push_back(*constraint);
        }
        // The order a reader expects: keys first, references last.
        auto rank = [](const catalog::Constraint& c) {
            return std::string_view("puxcf").find(static_cast<char>(c.type));
        };
        std::ranges::stable_sort(create.constraints, {}, rank);
        add(std::move(create));
    }

    bool in_new_table(const ObjectKey& key) const {
        return m_d.create.contains(catalog::table_of(key)) &&
               !m_from.tables.contains(catalog::table_of(key));
    }

    void write_creates() {
        for (const auto& key : m_d.create) {
            switch (key.kind) {
            case Kind::Sequence: {
                const auto& sequence = get(m_to.sequences, key);
                add(Create<catalog::Sequence>{sequence});
                if (sequence.owned_by)
                    add(SetOwnedBy{sequence});
                break;
            }
            case Kind::Table:
                write_create_table(key);
                break;
            case Kind::Column:
            case Kind::Constraint:
                if (in_new_table(key))
                    break; // in its CREATE TABLE
                [[fallthrough]];
            default:
                catalog::with_objects(m_to, key.kind, [&](const auto& objects) {
                    using T = typename std::decay_t<decltype(objects)>::mapped_type;
                    if constexpr (std::is_constructible_v<Change, Create<T>>)
                        add(Create<T>{objects.at(key)});
                });
            }
        }
    }

    /// The object `key` names in `c`, of the type its kind is held as.
    template <class T> static const T& object_in(const Catalog& c, const ObjectKey& key) {
        const T* found = nullptr;
        catalog::with_objects(c, key.kind, [&](const auto& objects) {
            if constexpr (std::is_same_v<typename std::decay_t<decltype(objects)>::mapped_type, T>)
                found = &objects.at(key);
        });
        return *found;
    }

    void write_alters() {
        for (const auto& key : m_d.alter) {
            switch (key.kind) {
            case Kind::Enum:
                add(AddEnumValues{get(m_from.enums, key), get(m_to.enums, key)});
                break;
            case Kind::Sequence: {
                const auto& from = get(m_from.sequences, key);
                const auto& to = get(m_to.sequences, key);
                if (from.options != to.options)
                    add(Alter<catalog::Sequence>{from, to});
                if (from.owned_by != to.owned_by)
                    add(SetOwnedBy{to});
                break;
            }
            default:
                // The kinds that change in place (decide() puts no other here).
                catalog::with_objects(m_from, key.kind, [&](const auto& objects) {
                    using T = typename std::decay_t<decltype(objects)>::mapped_type;
                    if constexpr (std::is_constructible_v<Change, Alter<T>>)
                        add(Alter<T>{objects.at(key), object_in<T>(m_to, key)});
                });
            }
        }
        for (const auto& key : m_d.reset_default)
            if (!m_d.drop.contains(key))
                add(ResetDefault{get(m_to.columns, key)});
        for (const auto& key : m_d.rebuild_enum) {
            const auto& to = get(m_to.enums, key);
            add(RebuildEnum{get(m_from.enums, key), to, enum_users(m_from, m_to, to, m_d)});
        }
    }

    template <class T> void comments_of(const std::map<ObjectKey, T>& to_objects) {
        for (const auto& [key, object] : to_objects) {
            auto old = m_d.create.contains(key) ? nullptr : find(key);
            std::optional<std::string> before = old ? *old : std::nullopt;
            // CREATE EXTENSION sets the extension's own comment.
            if (key.kind == Kind::Extension && !old)
                continue;
            if (object.comment != before)
                add(SetComment{key, object.comment});
        }
    }

    /// The current comment of an object that exists on the `from` side.
    const std::optional<std::string>* find(const ObjectKey& key) const {
        const std::optional<std::string>* comment = nullptr;
        catalog::with_objects(m_from, key.kind, [&](const auto& objects) {
            if (auto it = objects.find(key); it != objects.end())
                comment = &it->second.comment;
        });
        return comment;
    }

    void write_comments() {
        catalog::for_each_objects(m_to, [&](const auto& objects) { comments_of(objects); });
    }

    /// Privileges of objects that exist after the migration. A created or
    /// rebuilt object starts from the default, whatever it had before.
    void write_privileges() {
        using Entries = std::set<catalog::Privilege>;
        std::map<std::pair<ObjectKey, std::string>, std::pair<Entries, Entries>> by_grantee;
        for (const auto& p : m_from.privileges)
            if (m_to.contains(p.object) && !m_d.create.contains(p.object))
                by_grantee[{p.object, p.grantee}].first.insert(p);
        for (const auto& p : m_to.privileges)
            by_grantee[{p.object, p.grantee}].second.insert(p);
        for (const auto& [target, sides] : by_grantee) {
            const auto& [before, after] = sides;
            SetPrivileges change{target.first, target.second, {}, {}};
            split_privileges(before, after, change.revoke, change.grant);
            if (!change.grant.empty() || !change.revoke.empty())
                add(std::move(change));
        }
    }

    void write_default_privileges() {
        using Entries = std::set<catalog::DefaultPrivilege>;
        using Group = std::tuple<std::string, std::string, char, std::string>;
        std::map<Group, std::pair<Entries, Entries>> groups;
        for (const auto& p : m_from.default_privileges)
            groups[{p.schema, p.role, p.objects, p.grantee}].first.insert(p);
        for (const auto& p : m_to.default_privileges)
            groups[{p.schema, p.role, p.objects, p.grantee}].second.insert(p);
        for (const auto& [group, sides] : groups) {
            const auto& [schema, role, objects, grantee] = group;
            const auto& [before, after] = sides;
            SetDefaultPrivileges change{
                catalog::schema_key(schema), role, objects, grantee, {}, {}};
            split_privileges(before, after, change.revoke, change.grant);
            if (!change.grant.empty() || !change.revoke.empty())
                add(std::move(change));
        }
    }

    void add(Change change) { m_changes.push_back(std::move(change)); }

    const Catalog& m_from;
    const Catalog& m_to;
    const Decisions& m_d;
    std::vector<Change> m_changes;
};

} // namespace

std::vector<Change> diff(const Catalog& from, const Catalog& to) {
    Decisions d = decide_all(from, to);
    propagate_rebuilds(from, to, d);
    return Writer(from, to, d).write();
}

ObjectKey key_of(const Change& change) {
    return std::visit(
        [](const auto& c) -> ObjectKey {
            using T = std::decay_t<decltype(c)>;
            if constexpr (requires { c.object.key; })
                return c.object.key;
            else if constexpr (requires { c.to.key; })
                return c.to.key;
            else if constexpr (std::is_same_v<T, CreateTable>)
                return c.table.key;
            else if constexpr (std::is_same_v<T, SetOwnedBy>)
                return c.sequence.key;
            else if constexpr (std::is_same_v<T, ResetDefault>)
                return c.column.key;
            else
                return c.target;
        },
        change);
}

} // namespace schemac::diff
