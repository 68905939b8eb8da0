// pg_depend, and the dependencies it does not record.

#include "introspect/reader.h"

#include <map>
#include <vector>

namespace schemac::introspect {
using catalog::Kind;
using catalog::ObjectKey;

namespace {

/// Extension members stand for their extension: a default that calls an
/// extension's function depends on the extension.
Status map_extension_members(Reader& r) {
    auto members = r.source.exec(R"(
        SELECT classid, objid, refobjid FROM pg_catalog.pg_depend
        WHERE deptype = 'e' AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass)");
    if (!members)
        return std::move(members).error().within("introspecting extension members failed");
    for (auto row : *members)
        if (auto* ext = r.lookup.find(k_pg_extension, to_oid(row.text("refobjid")), 0))
            r.lookup.add(to_oid(row.text("classid")), to_oid(row.text("objid")), 0, *ext);
    return Ok{};
}

} // namespace

Status read_depend(Reader& r) {
    if (auto mapped = map_extension_members(r); !mapped)
        return mapped;
    // Only user objects (oid >= FirstNormalObjectId) can be ours.
    auto rows = r.source.exec(R"(
        SELECT classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype
        FROM pg_catalog.pg_depend
        WHERE objid >= 16384 AND deptype IN ('n', 'a', 'i', 'P')
        ORDER BY 1, 2, 3, 4, 5, 6)");
    if (!rows)
        return std::move(rows).error().within("introspecting pg_depend failed");
    struct Columns {
        const char* classid;
        const char* objid;
        const char* subid;
    };
    // Read in place: a read holds a row of these per dependency.
    auto find = [&](const runtime::Rows::Row& row, const Columns& columns) {
        auto classid = to_oid(row.at(columns.classid).value());
        auto objid = to_oid(row.at(columns.objid).value());
        int subid = std::stoi(row.at(columns.subid).value());
        const catalog::ObjectKey* key = r.lookup.find(classid, objid, subid);
        // A dependency on a whole table also stands for a column-less reference.
        return key || subid == 0 ? key : r.lookup.find(classid, objid, 0);
    };
    for (auto row : *rows) {
        const auto* dependent = find(row, {"classid", "objid", "objsubid"});
        const auto* referenced = find(row, {"refclassid", "refobjid", "refobjsubid"});
        if (!dependent || !referenced || *dependent == *referenced)
            continue;
        // 'P': a partition's index under its parent's index. It orders a
        // detached partition's index to go before its former parent's.
        char deptype = row.text("deptype")[0];
        // A partition's own key whose index is attached to the parent's
        // plain index: made before that index, which takes it as the
        // partition's part when built (or by ATTACH when it exists), and
        // dropped with it (steps order both).
        if (deptype == 'P' && dependent->kind == Kind::Constraint &&
            referenced->kind == Kind::Index) {
            r.catalog.constraints.at(*dependent).attached_to = *referenced;
            continue;
        }
        // A partition's index under its parent's: the part the parent's
        // CREATE INDEX takes when it exists by then (see steps/indexes.cpp).
        if (deptype == 'P' && dependent->kind == Kind::Index && referenced->kind == Kind::Index)
            r.catalog.indexes.at(*dependent).part_of = *referenced;
        auto type = static_cast<catalog::DependencyType>(deptype == 'P' ? 'n' : deptype);
        if (type == catalog::DependencyType::Auto && dependent->kind == Kind::Sequence &&
            referenced->kind == Kind::Column)
            type = catalog::DependencyType::Owned;
        r.catalog.dependencies.insert({*dependent, *referenced, type});
    }
    return Ok{};
}

void link_inherited_columns(catalog::Catalog& catalog) {
    for (const auto& [key, column] : catalog.columns) {
        auto table = catalog.tables.find(catalog::table_of(key));
        if (table == catalog.tables.end())
            continue;
        std::vector<ObjectKey> parents = table->second.inherits;
        if (table->second.partition_of)
            parents.push_back(*table->second.partition_of);
        else if (column.local)
            continue; // its own: it stays when its parent's goes
        for (const auto& parent : parents) {
            auto inherited = catalog::child_key(Kind::Column, parent.schema, parent.name, key.name);
            if (catalog.columns.contains(inherited))
                catalog.dependencies.insert({key, inherited, catalog::DependencyType::Normal});
        }
    }
}

void link_keys_of_the_parent_alone(catalog::Catalog& catalog) {
    std::map<ObjectKey, std::vector<ObjectKey>> partitions;
    for (const auto& [key, table] : catalog.tables)
        if (table.partition_of)
            partitions[*table.partition_of].push_back(key);
    auto after_partitions = [&](const ObjectKey& object, const ObjectKey& table) {
        for (const auto& partition : partitions[table])
            catalog.dependencies.insert({object, partition, catalog::DependencyType::Normal});
    };
    for (const auto& [key, constraint] : catalog.constraints)
        if (constraint.only)
            after_partitions(key, catalog::table_of(key));
    for (const auto& [key, index] : catalog.indexes)
        if (index.parent_alone())
            after_partitions(key, catalog::relation_key(Kind::Table, key.schema, index.table));
}

} // namespace schemac::introspect
