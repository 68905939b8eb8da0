// Indexes: built and dropped CONCURRENTLY on tables that stay, a changed one
// built beside the old and swapped in.

#include "steps/builders.h"

#include "catalog/printed.h"
#include "catalog/quote.h"

#include <algorithm>
#include <optional>

namespace schemac::steps {
using catalog::ObjectKey;
using catalog::quote_ident;
using catalog::quote_qualified;

namespace {

/// What an index is created from: the tree's text of its predicate where
/// PostgreSQL's would store something else, else PostgreSQL's made to.
std::string created_from(const catalog::Index& index) {
    return index.written.empty() ? catalog::pin_array_casts(index.definition) : index.written;
}

/// pg_get_indexdef's `CREATE [UNIQUE] INDEX name ON ...` built CONCURRENTLY,
/// under `name` instead of its own when given.
std::string concurrently(const catalog::Index& index, const std::string& name = "") {
    std::string sql = created_from(index);
    std::size_t at = sql.find("INDEX ") + 6;
    sql.insert(at, "CONCURRENTLY ");
    if (!name.empty()) // the name follows, quoted as pg_get_indexdef quotes it
        sql.replace(at + 13, quote_ident(index.key.name).size(), quote_ident(name));
    return sql;
}

/// The parts the partitions have of new partitioned index `index`, built
/// under their own names before it, deepest first: it takes them as they are
/// (built after it, PostgreSQL would build parts under names it chooses).
/// A partition's index that exists and stays becomes its part as it is,
/// with the parts it has in turn.
void build_parts_first(Step& step, const catalog::Index& index, const Context& context) {
    auto stays = [&](const catalog::Index& part) {
        auto before = context.from.indexes.find(part.key);
        return before != context.from.indexes.end() &&
               before->second.definition == part.definition && !context.dropped.contains(part.key);
    };
    std::vector<std::string> first;
    auto below = [&](const ObjectKey& parent, auto& self) -> void {
        for (auto [it, end] = context.parts_of.equal_range(parent); it != end; ++it) {
            const catalog::Index& part = *it->second;
            step.needs.push_back(
                catalog::relation_key(catalog::Kind::Table, part.key.schema, part.table));
            if (stays(part))
                continue;
            self(part.key, self);
            first.push_back(created_from(part));
            step.provides.push_back(part.key);
        }
    };
    below(index.key, below);
    step.statements.insert(step.statements.begin(), first.begin(), first.end());
}

} // namespace

Steps build(const diff::Create<catalog::Index>& c, const Context& context) {
    const catalog::Index& index = c.object;
    ObjectKey table = catalog::relation_key(catalog::Kind::Table, index.key.schema, index.table);
    if (context.swapped_indexes.contains(index.key)) {
        // The new definition is built beside the old one, which serves until
        // it is dropped; then the new one takes the name.
        ObjectKey temp = index.key;
        temp.name = temporary_name(index.key.name, "_schemac_new");
        Step build = make_step(index.key, Action::Create, concurrently(index, temp.name));
        build.detail = "concurrently, as " + temp.name;
        build.transactional = false;
        build.checks_rows = index.definition.starts_with("CREATE UNIQUE");
        if (build.checks_rows)
            build.hazards.push_back(
                needs_data("rows with equal keys in " + catalog::qualified_name(table), table));
        build.lock(table, LockMode::ShareUpdateExclusive);
        build.hazards.push_back(concurrent_build(index.key, table));
        build.provides.push_back(temp);
        // What it uses that the migration creates (a new column) comes first;
        // what exists already is there for it, whatever else changes about it.
        for (const auto& dep : context.to.dependencies_of(index.key))
            if (!context.from.contains(dep.referenced))
                build.needs.push_back(dep.referenced);
        // The table's replica identity moves to the new index before the
        // old one goes, so UPDATE and DELETE are never without one.
        std::optional<Step> identity;
        if (auto t = context.to.tables.find(table); t != context.to.tables.end() &&
                                                    t->second.replica_identity == 'i' &&
                                                    t->second.replica_index == index.key.name) {
            identity = make_step(index.key, Action::Alter,
                                 alter_table(table) + "REPLICA IDENTITY USING INDEX " +
                                     quote_ident(temp.name));
            identity->detail = "the new definition is the replica identity";
            identity->lock(table, LockMode::AccessExclusive);
            identity->needs.push_back(temp);
        }
        Step drop = make_step(index.key, Action::Drop,
                              "DROP INDEX CONCURRENTLY IF EXISTS " +
                                  quote_qualified(index.key.schema, index.key.name));
        drop.detail = "concurrently, the old definition";
        drop.transactional = false;
        drop.lock(table, LockMode::ShareUpdateExclusive);
        drop.removes.push_back(index.key);
        drop.needs.push_back(temp);
        Step rename = make_step(index.key, Action::Alter,
                                "ALTER INDEX " + quote_qualified(index.key.schema, temp.name) +
                                    " RENAME TO " + quote_ident(index.key.name));
        rename.detail = "the new definition takes the name";
        rename.needs.push_back(temp);
        rename.provides.push_back(index.key);
        if (identity)
            return {build, *identity, drop, rename};
        return {build, drop, rename};
    }
    bool online = context.lives_on(table);
    Step step =
        make_step(index.key, Action::Create, online ? concurrently(index) : created_from(index));
    step.transactional = !online;
    if (online)
        step.detail = "concurrently";
    step.lock(table, online ? LockMode::ShareUpdateExclusive : LockMode::Share);
    // ON ONLY a partitioned table (not valid yet) builds nothing: the
    // partitions' parts are attached to it.
    step.parent_alone = index.parent_alone();
    if (online)
        step.hazards.push_back(concurrent_build(index.key, table));
    else if (context.from.tables.contains(table) && !step.parent_alone)
        step.hazards.push_back(long_lock(LockMode::Share, table,
                                         "for the whole build of index " +
                                             catalog::qualified_name(index.key) + ": writes wait"));
    step.provides.push_back(index.key);
    // A partition's own key made in this migration to be its part comes
    // first: the index takes it rather than build one.
    if (auto t = context.to.tables.find(table);
        t != context.to.tables.end() && t->second.partition_by) {
        for (const auto& [key, constraint] : context.to.constraints)
            if (constraint.attached_to == index.key && !context.from.constraints.contains(key))
                step.needs.push_back(key);
        if (!step.parent_alone)
            build_parts_first(step, index, context);
    }
    // A partition's index of its own comes after its parent's new indexes
    // and after a new partition is attached, either of which would otherwise
    // take it as a part if it matches.
    if (auto t = context.to.tables.find(table);
        t != context.to.tables.end() && t->second.partition_of && !index.inherited) {
        for (auto [it, end] = context.indexes_on.equal_range(*t->second.partition_of); it != end;
             ++it)
            step.needs.push_back(it->second->key);
        step.needs.push_back(joined(table));
    }
    step.checks_rows = index.definition.starts_with("CREATE UNIQUE") &&
                       context.from.tables.contains(table) && !step.parent_alone;
    if (step.checks_rows)
        step.hazards.push_back(
            needs_data("rows with equal keys in " + catalog::qualified_name(table), table));
    return {step};
}

Steps build(const diff::Drop<catalog::Index>& c, const Context& context) {
    if (context.swapped_indexes.contains(c.object.key))
        return {}; // the new index's steps drop it
    ObjectKey table =
        catalog::relation_key(catalog::Kind::Table, c.object.key.schema, c.object.table);
    bool online = context.lives_on(table);
    // A partition's own key attached to it goes only with CASCADE: neither
    // can be dropped alone, and nothing else depends on the key by then.
    bool takes_keys = std::ranges::any_of(c.implied, [&](const ObjectKey& implied) {
        auto key = context.from.constraints.find(implied);
        return key != context.from.constraints.end() && key->second.attached_to == c.object.key;
    });
    Step step =
        make_step(c.object.key, Action::Drop,
                  // Outside a transaction, a step run again finds it gone.
                  std::string(online ? "DROP INDEX CONCURRENTLY IF EXISTS " : "DROP INDEX ") +
                      quote_qualified(c.object.key.schema, c.object.key.name) +
                      (takes_keys ? " CASCADE" : ""));
    step.transactional = !online;
    if (online)
        step.detail = "concurrently";
    step.lock(table, online ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
    after_detach(step, table, context);
    step.removes.push_back(c.object.key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    // A partition's index attached to this one goes with it, but only while
    // the partition is attached: the drop comes before the partition leaves.
    for (const auto& implied : c.implied)
        if (auto index = context.from.indexes.find(implied); implied.kind == catalog::Kind::Index &&
                                                             index != context.from.indexes.end() &&
                                                             index->second.inherited)
            step.removes.push_back(detached(
                catalog::relation_key(catalog::Kind::Table, implied.schema, index->second.table)));
    return {step};
}

} // namespace schemac::steps
