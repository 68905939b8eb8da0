#include "steps/build.h"

#include "steps/builders.h"
#include "steps/sequence_options.h"

#include "catalog/utf8.h"

#include <algorithm>
#include <map>
#include <set>

namespace schemac::steps {

std::string temporary_name(const std::string& base, const std::string& suffix) {
    constexpr std::size_t k_max = 63; // NAMEDATALEN - 1, in bytes
    return std::string(catalog::utf8::truncate(base, k_max - suffix.size())) + suffix;
}

namespace {

/// A table or column dropped while another appears beside it (a new table,
/// a new column of the same table) is likely moved: its rows would be lost
/// unless the data phase copies them over first.
void likely_moves(std::vector<Step>& out) {
    using catalog::Kind;
    std::set<catalog::ObjectKey> gains_columns;
    std::vector<std::string> new_tables;
    for (const auto& step : out)
        if (step.action == Action::Create && step.key.kind == Kind::Column)
            gains_columns.insert(catalog::table_of(step.key));
        else if (step.action == Action::Create && step.key.kind == Kind::Table)
            new_tables.push_back(catalog::qualified_name(step.key));
    for (auto& step : out) {
        bool loses = std::ranges::any_of(
            step.hazards, [](const Hazard& h) { return h.kind == HazardKind::DataLoss; });
        if (step.action != Action::Drop || !loses)
            continue;
        std::string what = catalog::qualified_name(step.key);
        if (step.key.kind == Kind::Column && gains_columns.contains(catalog::table_of(step.key)))
            step.hazards.push_back(
                {HazardKind::NeedsData,
                 "column " + what + " goes while its table gains a column: if that one takes " +
                     "its values, copy them in the data phase (`schemac diff --write NAME " +
                     "--data FILE`), or state a rename (`-- schemac:renamed-from`)",
                 catalog::table_of(step.key)});
        else if (step.key.kind == Kind::Table)
            // A table created again under its own name is rebuilt, not moved.
            if (auto others = new_tables; std::erase(others, what), !others.empty())
                step.hazards.push_back(
                    {HazardKind::NeedsData,
                     "table " + what + " goes while " + joined(others, ", ").substr(2) +
                         (others.size() == 1 ? " appears: if it takes" : " appear: if they take") +
                         " its rows, copy them in the data phase (`schemac diff --write NAME "
                         "--data FILE`), or state a rename (`-- schemac:renamed-from`)",
                     step.key});
    }
}

} // namespace

std::vector<Step> build_steps(const std::vector<diff::Change>& changes,
                              const catalog::Catalog& from, const catalog::Catalog& to,
                              bool online) {
    Context context{from, to, online};
    std::set<catalog::ObjectKey> dropped;
    for (const auto& change : changes)
        std::visit(
            [&](const auto& c) {
                if constexpr (requires { c.implied; }) {
                    dropped.insert(c.object.key);
                    context.dropped.insert(c.implied.begin(), c.implied.end());
                }
            },
            change);
    context.dropped.insert(dropped.begin(), dropped.end());
    for (const auto& [key, index] : to.indexes) {
        context.indexes_on.emplace(
            catalog::relation_key(catalog::Kind::Table, key.schema, index.table), &index);
        if (index.part_of)
            context.parts_of.emplace(*index.part_of, &index);
    }
    // An index built anew beside the old one, unless the old one goes because
    // something it uses goes (a function replaced): the new one needs the
    // replacement, and the old one is in the way of dropping what it uses.
    auto uses_dropped = [&](const catalog::ObjectKey& index) {
        return std::ranges::any_of(from.dependencies_of(index), [&](const auto& dep) {
            return dep.referenced.kind != catalog::Kind::Table &&
                   dep.referenced.kind != catalog::Kind::Column && dropped.contains(dep.referenced);
        });
    };
    for (const auto& change : changes)
        if (const auto* create = std::get_if<diff::Create<catalog::Index>>(&change))
            if (dropped.contains(create->object.key) && !uses_dropped(create->object.key) &&
                context.lives_on(catalog::relation_key(
                    catalog::Kind::Table, create->object.key.schema, create->object.table)))
                context.swapped_indexes.insert(create->object.key);
    // Locks matter on tables that exist already, managed or context (one a
    // foreign key references, such as `auth.users`, is in neither catalog):
    // nobody else sees one the migration creates, nor a view's.
    auto matters = [&](const catalog::ObjectKey& table) {
        if (from.tables.contains(table))
            return true;
        if (to.tables.contains(table))
            return false;
        using catalog::Kind;
        for (auto kind : {Kind::View, Kind::MaterializedView})
            for (const auto* side : {&from, &to})
                if (side->views.contains(catalog::relation_key(kind, table.schema, table.name)))
                    return false;
        return true;
    };
    std::vector<Step> out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        Steps steps = std::visit([&](const auto& c) { return build(c, context); }, changes[i]);
        for (std::size_t part = 0; part < steps.size(); ++part) {
            std::erase_if(steps[part].locks,
                          [&](const TableLock& lock) { return !matters(lock.table); });
            steps[part].change = i;
            steps[part].part = part;
            out.push_back(std::move(steps[part]));
        }
    }
    likely_moves(out);
    return out;
}

void lock_partitions(std::vector<Step>& ordered, const catalog::Catalog& from) {
    using catalog::Kind;
    std::map<catalog::ObjectKey, std::set<catalog::ObjectKey>> partitions;
    std::map<catalog::ObjectKey, catalog::ObjectKey> default_partition; // of a parent
    for (const auto& [key, table] : from.tables)
        if (table.partition_of) {
            partitions[*table.partition_of].insert(key);
            if (table.bound == "DEFAULT")
                default_partition[*table.partition_of] = key;
        }
    for (auto& step : ordered) {
        bool recurses =
            catalog::kind_info(step.key.kind).recurses_to_partitions && !step.parent_alone;
        bool drops_table = step.key.kind == Kind::Table && step.action == Action::Drop;
        for (std::size_t i = 0; i < step.locks.size(); ++i) {
            auto lock = step.locks[i]; // step.lock may grow the vector
            if (!recurses && !(drops_table && lock.table == step.key))
                continue;
            for (const auto& partition : partitions[lock.table])
                if (from.tables.contains(partition)) // its own partitions: later in the loop
                    step.lock(partition, step.partition_lock.value_or(lock.mode));
        }
        // A partition joining or leaving a parent with a DEFAULT partition
        // changes what the default may hold: PostgreSQL locks it too.
        for (const auto& parent : {step.partition_joins, step.partition_leaves})
            if (auto found = parent ? default_partition.find(*parent) : default_partition.end();
                found != default_partition.end() && found->second != step.key &&
                from.tables.contains(found->second))
                step.lock(found->second, LockMode::AccessExclusive);
        if (step.partition_leaves) {
            partitions[*step.partition_leaves].erase(step.key);
            if (default_partition[*step.partition_leaves] == step.key)
                default_partition.erase(*step.partition_leaves);
        }
        if (step.partition_joins)
            partitions[*step.partition_joins].insert(step.key);
    }
}

void forget_dropped_tables(std::vector<Step>& ordered) {
    std::set<catalog::ObjectKey> dropped;
    for (auto& step : ordered) {
        std::erase_if(step.locks,
                      [&](const TableLock& lock) { return dropped.contains(lock.table); });
        std::erase_if(step.hazards, [&](const Hazard& hazard) {
            return hazard.locked && dropped.contains(*hazard.locked);
        });
        for (const auto& key : step.removes)
            if (key.kind == catalog::Kind::Table)
                dropped.insert(key);
    }
}

} // namespace schemac::steps
