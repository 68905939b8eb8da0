#include "diff/change.h"

#include "catalog/quote.h"
#include "diff/diff_internal.h"

#include <algorithm>
#include <compare>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

namespace schemac::diff {
using catalog::Catalog;
using catalog::Kind;
using catalog::ObjectKey;

namespace {

/// Calls `visit(key, old, now)` for each key of either side, in key order,
/// with nullptr on the side that lacks it: one pass over both maps (they
/// share their order), not a lookup per object.
template <class T, class Visit>
void merge_sides(const std::map<ObjectKey, T>& from, const std::map<ObjectKey, T>& to,
                 Visit&& visit) {
    auto old = from.begin();
    auto now = to.begin();
    while (old != from.end() || now != to.end()) {
        auto order = old == from.end() ? std::strong_ordering::greater
                     : now == to.end() ? std::strong_ordering::less
                                       : old->first <=> now->first;
        if (order < 0) {
            visit(old->first, &old->second, static_cast<const T*>(nullptr));
            ++old;
        } else if (order > 0) {
            visit(now->first, static_cast<const T*>(nullptr), &now->second);
            ++now;
        } else {
            visit(now->first, &old->second, &now->second);
            ++old;
            ++now;
        }
    }
}

/// Sorts every object of one kind into drop / create / alter: a changed
/// object is altered in place unless needs_rebuild says it cannot be.
template <class T>
void decide(const std::map<ObjectKey, T>& from, const std::map<ObjectKey, T>& to, Decisions& d) {
    merge_sides(from, to, [&](const ObjectKey& key, const T* old, const T* now) {
        if (!now) {
            d.drop.insert(key);
        } else if (!old) {
            d.create.insert(key);
        } else if (!same_definition(*old, *now)) {
            if (needs_rebuild(*old, *now)) {
                d.drop.insert(key);
                d.create.insert(key);
            } else {
                d.alter.insert(key);
            }
        }
    });
}

/// The table a column, constraint or index is part of.
ObjectKey owning_table(const Catalog& from, const Catalog& to, const ObjectKey& key) {
    if (key.kind != Kind::Index)
        return catalog::table_of(key);
    const auto& indexes = to.indexes.contains(key) ? to.indexes : from.indexes;
    return catalog::relation_key(Kind::Table, key.schema, indexes.at(key).table);
}

bool is_partition(const Catalog& c, const ObjectKey& table) {
    auto found = c.tables.find(table);
    return found != c.tables.end() && found->second.partition_of.has_value();
}

/// A partition's column as the ALTER COLUMN of its parent leaves it: SET and
/// DROP DEFAULT or NOT NULL on a partitioned table reach every partition
/// (a partition's own value is set again after them), the nearest parent's
/// first. Any other column comes back as it is.
catalog::Column as_parent_leaves_it(const Catalog& from, const Catalog& to,
                                    catalog::Column column) {
    ObjectKey table = catalog::table_of(column.key);
    bool default_set = false, not_null_set = false;
    for (auto t = to.tables.find(table); t != to.tables.end() && t->second.partition_of;
         t = to.tables.find(table)) {
        auto before = from.tables.find(table);
        if (before == from.tables.end() || before->second.partition_of != t->second.partition_of)
            break;
        table = *t->second.partition_of;
        ObjectKey parent =
            catalog::child_key(Kind::Column, table.schema, table.name, column.key.name);
        auto old = from.columns.find(parent);
        auto now = to.columns.find(parent);
        if (old == from.columns.end() || now == to.columns.end())
            break;
        // A new type drops the default and sets it again.
        if (!default_set && (old->second.default_expr != now->second.default_expr ||
                             old->second.type != now->second.type)) {
            column.default_expr = now->second.default_expr;
            default_set = true;
        }
        if (!not_null_set && old->second.not_null != now->second.not_null) {
            column.not_null = now->second.not_null;
            not_null_set = true;
        }
    }
    return column;
}

enum class Decided { All, Creations };

/// A partition's columns, and the constraints and indexes it has of its
/// parent's, are the parent's: created, attached and dropped with it.
/// Only a partition detached into a plain table has them to compare; the
/// keys and indexes it has of its own are always its own, and so are its
/// columns' defaults and NOT NULL where its parent's changes leave them
/// other than it states. Applied to what the catalogs decide, and again to
/// the creations rebuilds add (a partition rebuilt to join another parent:
/// PARTITION OF makes its parts of the parent's indexes); the drops they
/// add go with their parents' (DROP INDEX of the parent takes its parts).
void leave_to_partition_parents(const Catalog& from, const Catalog& to, Decisions& d,
                                Decided which) {
    // A drop is of the current state's object, a creation of the desired
    // one's: an index of a partition may share its name with one of a table
    // of its own.
    auto inherited = [&](const ObjectKey& key, const Catalog& side) {
        return key.kind == Kind::Column || side.inherited(key);
    };
    auto own_default_or_not_null = [&](const ObjectKey& key) {
        const catalog::Column& after = to.columns.at(key);
        catalog::Column left = as_parent_leaves_it(from, to, from.columns.at(key));
        return left.default_expr != after.default_expr || left.not_null != after.not_null;
    };
    // One that stays as it was is set again after its parent's change.
    if (which == Decided::All)
        for (const auto& [key, column] : to.columns)
            if (from.columns.contains(key) && is_partition(to, catalog::table_of(key)) &&
                own_default_or_not_null(key))
                d.alter.insert(key);
    auto decided =
        which == Decided::All ? std::vector{&d.drop, &d.create, &d.alter} : std::vector{&d.create};
    for (auto* keys : decided)
        std::erase_if(*keys, [&](const ObjectKey& key) {
            if (!catalog::kind_info(key.kind).held_by_partition_parent ||
                !inherited(key, keys == &d.drop ? from : to))
                return false;
            if (keys == &d.alter && key.kind == Kind::Column && own_default_or_not_null(key))
                return false;
            ObjectKey table = owning_table(from, to, key);
            // A partition dropped keeps them in its drop: they go with it,
            // and what uses them goes first.
            return is_partition(to, table);
        });
}

Decisions decide_all(const Catalog& from, const Catalog& to) {
    Decisions d;
    catalog::for_each_objects(to, [&](const auto& after) {
        using T = typename std::decay_t<decltype(after)>::mapped_type;
        decide(catalog::objects_of<T>(from), after, d);
    });
    leave_to_partition_parents(from, to, d, Decided::All);
    // An inheritance child's columns and CHECKs that are only its parents'
    // come and go with theirs (ADD and DROP recurse), as long as it keeps
    // those parents; one it gains a parent with must exist before INHERIT,
    // one it keeps after NO INHERIT is its own to drop.
    auto of_parents_only = [&](const Catalog& side, const ObjectKey& key) {
        if (key.kind == Kind::Column)
            return !side.columns.at(key).local;
        return key.kind == Kind::Constraint && side.constraints.at(key).inherited;
    };
    auto keeps_parents = [](const Catalog& a, const Catalog& b, const ObjectKey& table) {
        auto in_a = a.tables.find(table);
        auto in_b = b.tables.find(table);
        if (in_a == a.tables.end() || in_a->second.inherits.empty())
            return false;
        return in_b == b.tables.end() ||
               std::ranges::all_of(in_a->second.inherits, [&](const ObjectKey& parent) {
                   return std::ranges::find(in_b->second.inherits, parent) !=
                          in_b->second.inherits.end();
               });
    };
    std::erase_if(d.create, [&](const ObjectKey& key) {
        return of_parents_only(to, key) && keeps_parents(to, from, catalog::table_of(key));
    });
    std::erase_if(d.drop, [&](const ObjectKey& key) {
        ObjectKey table = catalog::table_of(key);
        return of_parents_only(from, key) && to.tables.contains(table) &&
               keeps_parents(from, to, table);
    });
    // A CHECK of its parents' changes with theirs; a column of theirs has
    // a default and NOT NULL of its own (its type is theirs: ALTER COLUMN).
    std::erase_if(d.alter, [&](const ObjectKey& key) {
        return key.kind == Kind::Constraint && of_parents_only(to, key) &&
               of_parents_only(from, key) && keeps_parents(to, from, catalog::table_of(key));
    });
    for (const auto& [key, type] : to.enums)
        if (d.alter.contains(key) && !enum_only_adds(from.enums.at(key), type)) {
            d.alter.erase(key);
            d.rebuild_enum.insert(key);
        }
    return d;
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
    // ALTER COLUMN TYPE on a partitioned table converts its partitions'
    // column too, at every level: those that stay its partitions (one the
    // plan attaches or detaches is not converted by it).
    for (bool more = true; more;) {
        more = false;
        for (const auto& [key, table] : from.tables) {
            auto after = to.tables.find(key);
            if (!table.partition_of || after == to.tables.end() ||
                after->second.partition_of != table.partition_of)
                continue;
            const ObjectKey& parent = *table.partition_of;
            for (auto it = out.lower_bound(
                     catalog::child_key(Kind::Column, parent.schema, parent.name, ""));
                 it != out.end() && it->schema == parent.schema && it->parent == parent.name;
                 ++it) {
                auto own = catalog::child_key(Kind::Column, key.schema, key.name, it->name);
                if (it->kind == Kind::Column && from.columns.contains(own) &&
                    out.insert(own).second)
                    more = true;
            }
        }
    }
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
    // ALTER COLUMN TYPE carries a foreign key over one of its sides; over
    // both, it would check it between a converted column and one not yet
    // converted ("incompatible types"): it is dropped and added again.
    std::set<ObjectKey> retyped_at_both_ends;
    for (const auto& [key, constraint] : from.constraints) {
        if (constraint.type != catalog::ConstraintType::ForeignKey || !constraint.references)
            continue;
        bool own = false, referenced = false;
        for (const auto& dep : from.dependencies_of(key))
            if (retyped.contains(dep.referenced)) {
                auto table = catalog::table_of(dep.referenced);
                own = own || table == catalog::table_of(key);
                referenced = referenced || table == *constraint.references;
            }
        if (own && referenced)
            retyped_at_both_ends.insert(key);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& dep : from.dependencies) {
            const ObjectKey& key = dep.dependent;
            if (d.drop.contains(key))
                continue;
            const auto& kind = catalog::kind_info(key.kind);
            // ALTER COLUMN TYPE rebuilds indexes and constraints by itself.
            bool over_retyped = retyped.contains(dep.referenced) && kind.blocks_drop &&
                                (!kind.carried_by_alter_type || retyped_at_both_ends.contains(key));
            // An enum rebuilt under a temporary name: what names the type
            // itself (a function's argument, a cast in a view) goes first.
            bool over_rebuilt_enum =
                d.rebuild_enum.contains(dep.referenced) && !kind.carried_by_alter_type;
            bool blocked = d.drop.contains(dep.referenced) || over_retyped || over_rebuilt_enum;
            if (!blocked)
                continue;
            bool goes = dep.type != catalog::DependencyType::Normal || kind.blocks_drop;
            // A sequence whose ownership moves away from a column that goes
            // stays: OWNED BY releases it first.
            if (dep.type == catalog::DependencyType::Owned && to.sequences.contains(key) &&
                to.sequences.at(key).owned_by != dep.referenced)
                continue;
            // A default that calls a function being replaced, and stays
            // as it is: taken off while the function is away.
            if (key.kind == Kind::Column && dep.type == catalog::DependencyType::Normal &&
                catalog::is_routine(dep.referenced.kind) && d.rebuilt(dep.referenced) &&
                to.contains(key) && to.columns.at(key).default_expr &&
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

/// What an index indexes, as ATTACH PARTITION matches a partition's index
/// to its parent's: uniqueness, method, columns or expressions, and the
/// rest of its definition, but not its name or table.
std::string indexed(const catalog::Index& index) {
    auto using_at = index.definition.find(" USING ");
    if (using_at == std::string::npos)
        return {};
    return (index.definition.starts_with("CREATE UNIQUE ") ? "UNIQUE" : "") +
           index.definition.substr(using_at);
}

/// A table that joins a partitioned table as its partition: ATTACH
/// PARTITION takes a plain index of its that matches one of the parent's as
/// its part of that index. One the desired state keeps apart (the parent's
/// index has a part of its own there) is dropped before and created after.
void keep_apart_from_parent_indexes(const Catalog& from, const Catalog& to, Decisions& d) {
    for (const auto& [key, index] : to.indexes) {
        auto before = from.indexes.find(key);
        if (index.inherited || index.part_of || before == from.indexes.end() ||
            before->second.inherited || before->second.part_of || d.drop.contains(key))
            continue;
        auto table = catalog::relation_key(Kind::Table, key.schema, index.table);
        auto was = from.tables.find(table);
        auto now = to.tables.find(table);
        if (was == from.tables.end() || now == to.tables.end() || !now->second.partition_of ||
            was->second.partition_of == now->second.partition_of || d.create.contains(table))
            continue;
        const ObjectKey& parent = *now->second.partition_of;
        const bool taken = std::ranges::any_of(to.indexes, [&](const auto& entry) {
            const auto& [other, of_parent] = entry;
            return other.schema == parent.schema && of_parent.table == parent.name &&
                   indexed(of_parent) == indexed(index);
        });
        if (taken) {
            d.drop.insert(key);
            d.create.insert(key);
            d.alter.erase(key);
        }
    }
}

/// A publication's member whose table goes (to be rebuilt), or whose column
/// list or row filter uses a column that goes or changes type, leaves the
/// publication first and joins it again after: PostgreSQL drops a table's
/// membership with it, and refuses to drop or retype a column a publication
/// names.
void rejoin_publications(const Catalog& from, const Catalog& to, Decisions& d) {
    if (from.publications.empty() || to.publications.empty())
        return;
    auto retyped = retyped_columns(from, to, d);
    for (const auto& [key, publication] : to.publications) {
        auto old = from.publications.find(key);
        if (old == from.publications.end() || d.drop.contains(key))
            continue;
        std::set<ObjectKey> leaving;
        for (const auto& dep : from.dependencies_of(old->second.members())) {
            const ObjectKey& used = dep.referenced;
            if (used.kind == Kind::Table && d.drop.contains(used))
                leaving.insert(used);
            else if (used.kind == Kind::Column && (d.drop.contains(used) || retyped.contains(used)))
                leaving.insert(catalog::table_of(used));
        }
        // Only members that stay need to join again; the rest simply leave.
        std::vector<ObjectKey> rejoin;
        for (const auto& member : publication.tables)
            if (leaving.contains(member.table) &&
                std::ranges::find(old->second.tables, member) != old->second.tables.end())
                rejoin.push_back(member.table);
        if (rejoin.empty())
            continue;
        d.alter.insert(key);
        d.rejoin[key] = std::move(rejoin);
    }
}

/// The dropped object whose drop takes `key` along (itself when none does).
ObjectKey absorber(const Catalog& from, const Decisions& d, const ObjectKey& key,
                   std::map<ObjectKey, ObjectKey>& memo) {
    if (auto it = memo.find(key); it != memo.end())
        return it->second;
    ObjectKey result = key;
    // A partition's own key attached to its parent's plain index.
    if (auto c = from.constraints.find(key); c != from.constraints.end() && c->second.attached_to &&
                                             d.drop.contains(*c->second.attached_to)) {
        result = absorber(from, d, *c->second.attached_to, memo);
        memo.emplace(key, result);
        return result;
    }
    for (const auto& dep : from.dependencies_of(key)) {
        // An index depends on an index only as a partition's attached to its
        // parent's ('P'), which cannot be dropped alone.
        bool attached = key.kind == Kind::Index && dep.referenced.kind == Kind::Index;
        if ((dep.type != catalog::DependencyType::Normal || attached) &&
            d.drop.contains(dep.referenced)) {
            result = absorber(from, d, dep.referenced, memo);
            break;
        }
    }
    memo.emplace(key, result);
    return result;
}

/// Whether `key` uses, directly or through what it uses, something that
/// goes with the drop of `root` (`absorbers` as absorber() finds them).
bool uses_what_goes_with(const Catalog& from, const std::map<ObjectKey, ObjectKey>& absorbers,
                         const ObjectKey& key, const ObjectKey& root) {
    std::set<ObjectKey> seen{key};
    std::vector<ObjectKey> pending{key};
    while (!pending.empty()) {
        ObjectKey next = std::move(pending.back());
        pending.pop_back();
        for (const auto& dep : from.dependencies_of(next)) {
            auto goes_with = absorbers.find(dep.referenced);
            if (dep.referenced == root ||
                (goes_with != absorbers.end() && goes_with->second == root))
                return true;
            if (seen.insert(dep.referenced).second)
                pending.push_back(dep.referenced);
        }
    }
    return false;
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

/// The privileges an object has once the migration creates it: what the
/// default privileges of the role running it give objects of its kind, in
/// every schema and in its own (a schema's entries only add). SetDefaultPrivileges
/// steps come before the objects they cover, so these are the target's.
std::set<catalog::Privilege> privileges_at_creation(const Catalog& to, const ObjectKey& object) {
    char kind = catalog::kind_info(object.kind).default_privileges;
    std::set<catalog::Privilege> given;
    if (!kind)
        return given;
    for (const auto& p : to.default_privileges)
        if (p.role.empty() && p.objects == kind &&
            (p.schema.empty() || (object.kind != Kind::Schema && p.schema == object.schema)))
            given.insert({object, p.grantee, p.privilege, p.grantable, p.revoked_default});
    // A default revoked everywhere and granted again in the schema: the default.
    std::erase_if(given, [&](const catalog::Privilege& p) {
        catalog::Privilege other = p;
        other.revoked_default = !p.revoked_default;
        return given.contains(other);
    });
    return given;
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
        write_owners();
        write_privileges();
        write_default_privileges();
        return std::move(m_changes);
    }

  private:
    void write_drops() {
        std::map<ObjectKey, ObjectKey> memo;
        for (const auto& key : m_d.drop)
            absorber(m_from, m_d, key, memo);
        std::map<ObjectKey, std::vector<ObjectKey>> implied;
        std::vector<ObjectKey> roots;
        for (const auto& key : m_d.drop) {
            ObjectKey root = memo.at(key);
            // What also uses something dropped on its own that must go
            // before its root (a policy on a dropped table reading a dropped
            // view of that table) is dropped on its own: taken along, it
            // would go both before that and after it.
            if (root != key)
                for (const auto& dep : m_from.dependencies_of(key))
                    if (auto other = memo.find(dep.referenced);
                        dep.type == catalog::DependencyType::Normal && other != memo.end() &&
                        other->second != root &&
                        uses_what_goes_with(m_from, memo, other->second, root)) {
                        root = key;
                        break;
                    }
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
    /// cannot (CREATE TABLE validates), so they are added after, and so are
    /// keys of a partitioned table alone (after its partitions).
    void write_create_table(const ObjectKey& key) {
        CreateTable create{get(m_to.tables, key), {}, {}};
        for (const auto* column : m_to.columns_of(key))
            create.columns.push_back(*column);
        // A partition gets its parent's constraints as it joins (they stay
        // in its CREATE for the locks they take); those of its own are added
        // after (PARTITION OF is written without a column list).
        const bool partition = create.table.partition_of.has_value();
        for (const auto* constraint : m_to.constraints_of(key)) {
            if (partition ? !constraint->inherited
                          : constraint->definition.ends_with(" NOT VALID") || constraint->only)
                add(Create<catalog::Constraint>{*constraint});
            else
                create.constraints.push_back(*constraint);
        }
        // The order a reader expects: keys first, references last.
        auto rank = [](const catalog::Constraint& c) {
            return std::string_view("puxcf").find(static_cast<char>(c.type));
        };
        std::ranges::stable_sort(create.constraints, {}, rank);
        catalog::Table table = create.table;
        add(std::move(create));
        // The index it is replicated or clustered by comes after the table.
        catalog::Table plain = without_index_uses(table);
        if (plain != table)
            add(Alter<catalog::Table>{plain, table});
    }

    /// A table as it is before any index of it is named by REPLICA IDENTITY
    /// USING INDEX or CLUSTER ON.
    static catalog::Table without_index_uses(catalog::Table table) {
        if (table.replica_identity == 'i')
            table.replica_identity = 'd';
        table.replica_index.clear();
        table.cluster_on.reset();
        return table;
    }

    /// A table as it is once the migration has dropped what it drops: an
    /// index dropped (to be rebuilt, say) takes its REPLICA IDENTITY USING
    /// INDEX and CLUSTER ON marks along, so they are set again after.
    catalog::Table after_drops(catalog::Table table) const {
        auto dropped = [&](const std::string& index) {
            return m_d.drop.contains(catalog::relation_key(Kind::Index, table.key.schema, index)) ||
                   m_d.drop.contains(catalog::child_key(Kind::Constraint, table.key.schema,
                                                        table.key.name, index));
        };
        if (table.replica_identity == 'i' && dropped(table.replica_index))
            table.replica_index.clear();
        if (table.cluster_on && dropped(*table.cluster_on))
            table.cluster_on.reset();
        return table;
    }

    /// Made again by the migration: created, created again, or an enum
    /// rebuilt under its name. It starts with no comment, the default
    /// privileges and the migrating role as its owner.
    bool anew(const ObjectKey& key) const {
        return m_d.create.contains(key) || m_d.rebuild_enum.contains(key);
    }

    /// In a table created (or created again): its CREATE TABLE makes it.
    bool in_new_table(const ObjectKey& key) const {
        return m_d.create.contains(catalog::table_of(key));
    }

    void write_creates() {
        for (const auto& key : m_d.create)
            catalog::with_objects(m_to, key.kind,
                                  [&](const auto& objects) { write_create(objects.at(key)); });
    }

    template <class T> void write_create(const T& object) { add(Create<T>{object}); }
    void write_create(const catalog::Table& table) { write_create_table(table.key); }
    void write_create(const catalog::Column& column) {
        if (!in_new_table(column.key)) // else in its CREATE TABLE
            add(Create<catalog::Column>{column});
    }
    void write_create(const catalog::Constraint& constraint) {
        if (!in_new_table(constraint.key)) // else in its CREATE TABLE
            add(Create<catalog::Constraint>{constraint});
    }
    void write_create(const catalog::Sequence& sequence) {
        add(Create<catalog::Sequence>{sequence});
        if (sequence.owned_by)
            add(SetOwnedBy{sequence});
    }

    void write_alters() {
        for (const auto& key : m_d.alter)
            catalog::with_objects(m_from, key.kind, [&](const auto& objects) {
                using T = typename std::decay_t<decltype(objects)>::mapped_type;
                write_alter(objects.at(key), catalog::objects_of<T>(m_to).at(key));
            });
        // A table that stays as it is but for an index it names being rebuilt.
        for (const auto& [key, table] : m_to.tables) {
            auto old = m_from.tables.find(key);
            if (m_d.alter.contains(key) || m_d.create.contains(key) || old == m_from.tables.end() ||
                (old->second.replica_identity != 'i' && !old->second.cluster_on))
                continue;
            if (catalog::Table before = after_drops(old->second); !same_definition(before, table))
                add(Alter<catalog::Table>{before, table});
        }
        for (const auto& key : m_d.reset_default)
            if (!m_d.drop.contains(key))
                add(ResetDefault{get(m_to.columns, key)});
        for (const auto& key : m_d.rebuild_enum) {
            const auto& to = get(m_to.enums, key);
            add(RebuildEnum{get(m_from.enums, key), to, enum_users(m_from, m_to, to, m_d)});
        }
    }

    /// The kinds that change in place; decide() puts no other in `alter`.
    void write_alter(const catalog::Column& from, const catalog::Column& to) {
        add(Alter<catalog::Column>{as_parent_leaves_it(m_from, m_to, from), to});
    }
    template <class T> void write_alter(const T& from, const T& to) {
        if constexpr (std::is_constructible_v<Change, Alter<T>>)
            add(Alter<T>{from, to});
        else
            throw std::logic_error(catalog::describe(to.key) + " cannot change in place");
    }
    void write_alter(const catalog::EnumType& from, const catalog::EnumType& to) {
        add(AddEnumValues{from, to});
    }
    void write_alter(const catalog::Table& from, const catalog::Table& to) {
        add(Alter<catalog::Table>{after_drops(from), to});
    }
    void write_alter(const catalog::Publication& from, const catalog::Publication& to) {
        auto rejoin = m_d.rejoin.find(to.key);
        add(AlterPublication{
            from, to, rejoin == m_d.rejoin.end() ? std::vector<ObjectKey>{} : rejoin->second});
    }
    void write_alter(const catalog::Sequence& from, const catalog::Sequence& to) {
        if (from.options != to.options)
            add(Alter<catalog::Sequence>{from, to});
        if (from.owned_by != to.owned_by)
            add(SetOwnedBy{to, true});
    }

    template <class T> void comments_of(const std::map<ObjectKey, T>& to_objects) {
        merge_sides(catalog::objects_of<T>(m_from), to_objects,
                    [&](const ObjectKey& key, const T* old, const T* now) {
                        if (!now)
                            return;
                        if (old && anew(key))
                            old = nullptr;
                        // CREATE EXTENSION sets the extension's own comment.
                        if (catalog::kind_info(key.kind).created_with_comment && !old)
                            return;
                        if (now->comment != (old ? old->comment : std::nullopt))
                            add(SetComment{key, now->comment});
                    });
    }

    void write_comments() {
        catalog::for_each_objects(m_to, [&](const auto& objects) { comments_of(objects); });
        // Comments on what an object holds: a view's columns, a key's index.
        auto before = [&](const auto& objects, const ObjectKey& key) {
            auto old = m_d.create.contains(key) ? objects.end() : objects.find(key);
            return old == objects.end() ? nullptr : &old->second;
        };
        auto comment_on = [](const catalog::View* view,
                             const std::string& column) -> std::optional<std::string> {
            if (!view)
                return std::nullopt;
            auto found = view->column_comments.find(column);
            if (found == view->column_comments.end())
                return std::nullopt;
            return found->second;
        };
        for (const auto& [key, view] : m_to.views) {
            const catalog::View* old = before(m_from.views, key);
            std::set<std::string> columns;
            for (const auto* side : {&view, old})
                if (side)
                    for (const auto& [column, comment] : side->column_comments)
                        columns.insert(column);
            for (const auto& column : columns)
                if (auto after = comment_on(&view, column); after != comment_on(old, column))
                    add(SetComment{catalog::child_key(Kind::Column, key.schema, key.name, column),
                                   after, key});
        }
        for (const auto& [key, constraint] : m_to.constraints) {
            const catalog::Constraint* old = before(m_from.constraints, key);
            if (constraint.index_comment != (old ? old->index_comment : std::nullopt))
                add(SetComment{catalog::relation_key(Kind::Index, key.schema, key.name),
                               constraint.index_comment, key});
        }
    }

    /// Owners where either side says the tree states one
    /// (Catalog::owners_compared), of objects that exist after the
    /// migration. An object made anew starts owned by whoever runs the
    /// migration.
    void write_owners() {
        std::set<ObjectKey> keys = m_from.owners_compared;
        keys.insert(m_to.owners_compared.begin(), m_to.owners_compared.end());
        for (const auto& key : keys)
            if (auto owner = owner_change(key))
                add(SetOwner{key, *owner});
    }

    /// The owner ALTER ... OWNER TO gives `key` ("" for whoever runs the
    /// migration), when its owner is compared and changes.
    std::optional<std::string> owner_change(const ObjectKey& key) const {
        if (!catalog::kind_info(key.kind).owned || !m_to.contains(key) ||
            (!m_from.owners_compared.contains(key) && !m_to.owners_compared.contains(key)))
            return std::nullopt;
        std::string before = anew(key) ? "" : m_from.owner_of(key);
        std::string after = m_to.owner_of(key);
        if (after == before)
            return std::nullopt;
        return after;
    }

    /// Privileges of objects that exist after the migration. A created or
    /// rebuilt object starts from what the default privileges give it,
    /// whatever it had before.
    void write_privileges() {
        using Entries = std::set<catalog::Privilege>;
        std::map<std::pair<ObjectKey, std::string>, std::pair<Entries, Entries>> by_grantee;
        for (const auto& p : m_from.privileges)
            if (m_to.contains(p.object) && !anew(p.object))
                by_grantee[{p.object, p.grantee}].first.insert(p);
        for (const auto* made : {&m_d.create, &m_d.rebuild_enum})
            for (const auto& key : *made)
                for (const auto& p : privileges_at_creation(m_to, key))
                    by_grantee[{p.object, p.grantee}].first.insert(p);
        for (const auto& p : m_to.privileges)
            by_grantee[{p.object, p.grantee}].second.insert(p);
        for (const auto& [target, sides] : by_grantee) {
            const auto& [before, after] = sides;
            SetPrivileges change{target.first, target.second, {}, {}};
            const ObjectKey owned = owned_as(change.target);
            if (change.grantee.empty())
                change.grantee = owner_grantee(owned);
            else if (auto given = owner_change(owned); given && !given->empty())
                change.before_owner = change.grantee == catalog::quote_ident(*given);
            split_privileges(before, after, change.revoke, change.grant);
            if (!change.grant.empty() || !change.revoke.empty())
                add(std::move(change));
        }
    }

    /// What owns `key`'s privileges: a column's table, the table whose
    /// column owns a sequence; `key` itself otherwise.
    ObjectKey owned_as(const ObjectKey& key) const {
        if (key.kind == Kind::Column)
            return catalog::table_of(key);
        for (const auto* side : {&m_to, &m_from})
            if (auto sequence = side->sequences.find(key); key.kind == Kind::Sequence &&
                                                           sequence != side->sequences.end() &&
                                                           sequence->second.owned_by)
                return catalog::table_of(*sequence->second.owned_by);
        return key;
    }

    /// How GRANT names the owner of `owned` where its privileges change
    /// (after any OWNER TO): the role it is given to, the role that owns it
    /// now (the target's, when it exists already), or the one that runs the
    /// migration.
    std::string owner_grantee(const ObjectKey& owned) const {
        std::string owner;
        if (auto given = owner_change(owned))
            owner = *given;
        else
            owner = m_from.contains(owned) && !anew(owned) ? m_from.owner_of(owned)
                                                           : m_to.owner_of(owned);
        return owner.empty() ? "CURRENT_USER" : catalog::quote_ident(owner);
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
    keep_apart_from_parent_indexes(from, to, d);
    propagate_rebuilds(from, to, d);
    leave_to_partition_parents(from, to, d, Decided::Creations);
    rejoin_publications(from, to, d);
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
