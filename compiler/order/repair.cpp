#include "order/order_steps.h"

#include <algorithm>
#include <iterator>
#include <set>

namespace schemac::order {
using catalog::ConstraintType;
using catalog::ObjectKey;

namespace {

/// A partition's copy of its parent's key is not split out: it comes and
/// goes with the partition.
bool is_foreign_key_to_other(const catalog::Constraint& c) {
    return c.type == ConstraintType::ForeignKey && c.references &&
           *c.references != catalog::table_of(c.key) && !c.inherited;
}

/// CREATE TABLE without its foreign keys; they become ADD CONSTRAINT steps.
bool split_create(std::vector<diff::Change>& changes, diff::CreateTable& create) {
    std::vector<catalog::Constraint> moved;
    std::erase_if(create.constraints, [&](const catalog::Constraint& c) {
        if (!is_foreign_key_to_other(c))
            return false;
        moved.push_back(c);
        return true;
    });
    for (auto& c : moved)
        changes.push_back(diff::Create<catalog::Constraint>{std::move(c)});
    return !moved.empty();
}

/// A new partition of a new parent without its copies of the parent's
/// foreign keys, and the parent without those keys: added after both, they
/// reach the partition then. PARTITION OF would copy them as it runs,
/// needing what they reference first.
bool split_partition(std::vector<diff::Change>& changes, std::size_t index) {
    auto& partition = std::get<diff::CreateTable>(changes[index]);
    const ObjectKey parent = *partition.table.partition_of;
    auto found = std::ranges::find_if(changes, [&](const diff::Change& change) {
        const auto* create = std::get_if<diff::CreateTable>(&change);
        return create && create->table.key == parent;
    });
    if (found == changes.end())
        return false;
    const auto removed = std::erase_if(partition.constraints, [](const catalog::Constraint& c) {
        return c.inherited && c.type == ConstraintType::ForeignKey && c.references &&
               *c.references != catalog::table_of(c.key);
    });
    if (removed == 0)
        return false;
    split_create(changes, std::get<diff::CreateTable>(*found));
    return true;
}

/// DROP TABLE after its foreign keys were dropped by steps of their own,
/// each with its partitions' copies of it.
bool split_drop(std::vector<diff::Change>& changes, diff::Drop<catalog::Table>& drop,
                const catalog::Catalog& from) {
    std::vector<catalog::Constraint> moved;
    std::erase_if(drop.implied, [&](const ObjectKey& key) {
        auto it = from.constraints.find(key);
        if (it == from.constraints.end() || !is_foreign_key_to_other(it->second))
            return false;
        moved.push_back(it->second);
        return true;
    });
    std::vector<diff::Change> split;
    for (auto& c : moved) {
        std::vector<ObjectKey> copies;
        std::erase_if(drop.implied, [&](const ObjectKey& key) {
            auto it = from.constraints.find(key);
            if (it == from.constraints.end() || !it->second.inherited)
                return false;
            auto uses = from.dependencies_of(key);
            if (std::ranges::none_of(uses, [&](const auto& d) { return d.referenced == c.key; }))
                return false;
            copies.push_back(key);
            return true;
        });
        split.push_back(diff::Drop<catalog::Constraint>{std::move(c), std::move(copies)});
    }
    // Appended last: `drop` is an element of `changes`, which may move.
    std::ranges::move(split, std::back_inserter(changes));
    return !moved.empty();
}

} // namespace

bool split_foreign_keys(std::vector<diff::Change>& changes, const std::vector<steps::Step>& steps,
                        const StepCycle& cycle, const catalog::Catalog& from) {
    std::set<std::size_t> involved;
    for (auto s : cycle.steps)
        involved.insert(steps[s].change);
    bool repaired = false;
    for (auto index : involved) {
        if (auto* create = std::get_if<diff::CreateTable>(&changes[index]))
            repaired = (create->table.partition_of && split_partition(changes, index)) ||
                       split_create(changes, std::get<diff::CreateTable>(changes[index])) ||
                       repaired;
        else if (auto* drop = std::get_if<diff::Drop<catalog::Table>>(&changes[index]))
            repaired = split_drop(changes, *drop, from) || repaired;
    }
    return repaired;
}

} // namespace schemac::order
