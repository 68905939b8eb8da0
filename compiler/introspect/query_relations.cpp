// Tables, columns, constraints and indexes.

#include "introspect/queries.h"

#include <algorithm>

namespace schemac::introspect {
using catalog::Kind;

namespace {

std::int64_t to_int(const std::string& text) {
    return std::stoll(text);
}

/// Tables whose sizes are read: plain and partitioned tables.
constexpr const char* k_managed_table = R"(c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype = 'e'))";

/// What indexes are read on: every table, and materialized views.
constexpr const char* k_indexed_relation = R"(c.relkind IN ('r', 'p', 'm')
          AND n.nspname = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype = 'e'))";

/// Every table, partitions included: a partition's columns, constraints and
/// indexes are read too (a detached partition keeps them), and diffed only
/// when it stops being one.
constexpr const char* k_any_table = R"(c.relkind IN ('r', 'p')
          AND n.nspname = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype = 'e'))";

/// pg_get_constraintdef leaves out the storage parameters of the index behind
/// a key or exclusion constraint (pg_dump adds them itself); they go after the
/// column list and INCLUDE, before WHERE and DEFERRABLE.
std::string with_storage_parameters(std::string definition, const std::string& options) {
    if (options.empty())
        return definition;
    std::size_t at = definition.size();
    for (const char* tail : {" WHERE (", " DEFERRABLE", " INITIALLY "})
        at = std::min(at, definition.find(tail));
    definition.insert(at, " WITH (" + options + ")");
    return definition;
}

} // namespace

Status query_tables(runtime::Connection& conn, const std::string& schemas,
                    catalog::Catalog& catalog, OidLookup& lookup) {
    auto rows = query(conn, "tables", std::string(R"(
        SELECT c.oid, n.nspname, c.relname, c.relpersistence, c.reltype,
               pg_catalog.obj_description(c.oid, 'pg_class'), c.relrowsecurity,
               c.relforcerowsecurity,
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
               pn.nspname, pc.relname, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
        LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE )") + k_any_table + " ORDER BY n.nspname, c.relname",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Table t;
        t.oid = to_oid(rows->text(r, 0));
        t.key = catalog::relation_key(Kind::Table, rows->text(r, 1), rows->text(r, 2));
        t.unlogged = rows->text(r, 3) == "u";
        t.comment = rows->at(r, 5);
        t.row_security = rows->text(r, 6) == "t";
        t.force_row_security = rows->text(r, 7) == "t";
        t.partition_by = rows->at(r, 8);
        if (auto parent = rows->at(r, 10)) {
            t.partition_of = catalog::relation_key(Kind::Table, rows->text(r, 9), *parent);
            t.bound = rows->at(r, 11);
            // Dropped with its parent; created after it.
            catalog.dependencies.insert({t.key, *t.partition_of, catalog::DependencyType::Auto});
        }
        lookup.add(k_pg_class, t.oid, 0, t.key);
        lookup.add(k_pg_type, to_oid(rows->text(r, 4)), 0, t.key); // its row type
        catalog.dependencies.insert({t.key, catalog::schema_key(t.key.schema)});
        catalog.tables.emplace(t.key, t);
    }
    return Ok{};
}

Status query_table_sizes(runtime::Connection& conn, const std::string& schemas,
                         catalog::Catalog& catalog) {
    auto rows = query(conn, "table sizes", std::string(R"(
        SELECT n.nspname, c.relname, c.reltuples::bigint,
               pg_catalog.pg_total_relation_size(c.oid),
               pg_catalog.pg_size_pretty(pg_catalog.pg_total_relation_size(c.oid))
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE )") + k_managed_table,
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        auto table = catalog.tables.find(
            catalog::relation_key(Kind::Table, rows->text(r, 0), rows->text(r, 1)));
        if (table != catalog.tables.end())
            table->second.stats = catalog::TableStats{
                std::stoll(rows->text(r, 2)), std::stoll(rows->text(r, 3)), rows->text(r, 4)};
    }
    return Ok{};
}

Status query_columns(runtime::Connection& conn, const std::string& schemas,
                     catalog::Catalog& catalog, OidLookup& lookup) {
    // One query for the columns of every managed table. The identity
    // sequence's options come along: they belong to the column.
    auto rows = query(conn, "columns",
                      std::string(R"(
        SELECT c.oid, n.nspname, c.relname, a.attname, a.attnum,
               pg_catalog.format_type(a.atttypid, a.atttypmod),
               pg_catalog.format_type(a.atttypid, NULL),
               CASE WHEN a.attcollation <> t.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
               END,
               pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), ad.oid,
               a.attnotnull, a.attidentity, a.attgenerated,
               pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
               s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               pg_catalog.col_description(c.oid, a.attnum),
               -- A default that calls a volatile function (gen_random_uuid,
               -- nextval, clock_timestamp) is computed per row when added.
               EXISTS (SELECT 1 FROM pg_catalog.regexp_matches(ad.adbin::text,
                                         ':(?:funcid|opfuncid) (\d+)', 'g') AS m(id)
                       JOIN pg_catalog.pg_proc p ON p.oid = m.id[1]::pg_catalog.oid
                       WHERE p.provolatile = 'v')
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_depend idd
               ON a.attidentity <> '' AND idd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND idd.refobjid = c.oid AND idd.refobjsubid = a.attnum AND idd.deptype = 'i'
              AND idd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
        LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = idd.objid
        WHERE a.attnum > 0 AND NOT a.attisdropped AND )") +
                          k_any_table + " ORDER BY n.nspname, c.relname, a.attnum",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Column col;
        col.key =
            catalog::child_key(Kind::Column, rows->text(r, 1), rows->text(r, 2), rows->text(r, 3));
        col.position = std::stoi(rows->text(r, 4));
        col.type = rows->text(r, 5);
        col.base_type = rows->text(r, 6);
        col.collation = rows->at(r, 7);
        bool generated = rows->text(r, 12) == "s";
        (generated ? col.generated_expr : col.default_expr) = rows->at(r, 8);
        col.not_null = rows->text(r, 10) == "t";
        std::string identity = rows->text(r, 11);
        col.identity = identity.empty() ? catalog::Identity::None
                                        : static_cast<catalog::Identity>(identity[0]);
        if (col.identity != catalog::Identity::None && rows->at(r, 13)) {
            col.identity_options.type = rows->text(r, 13);
            col.identity_options.start = to_int(rows->text(r, 14));
            col.identity_options.increment = to_int(rows->text(r, 15));
            col.identity_options.min = to_int(rows->text(r, 16));
            col.identity_options.max = to_int(rows->text(r, 17));
            col.identity_options.cache = to_int(rows->text(r, 18));
            col.identity_options.cycle = rows->text(r, 19) == "t";
        }
        col.comment = rows->at(r, 20);
        col.volatile_default = rows->text(r, 21) == "t";
        auto table_oid = to_oid(rows->text(r, 0));
        lookup.add(k_pg_class, table_oid, col.position, col.key);
        if (rows->at(r, 9))
            lookup.add(k_pg_attrdef, to_oid(rows->text(r, 9)), 0, col.key);
        catalog.dependencies.insert(
            {col.key, catalog::table_of(col.key), catalog::DependencyType::Auto});
        catalog.columns.emplace(col.key, col);
    }
    return Ok{};
}

Status query_constraints(runtime::Connection& conn, const std::string& schemas,
                         catalog::Catalog& catalog, OidLookup& lookup) {
    auto rows = query(conn, "constraints",
                      std::string(R"(
        SELECT con.oid, n.nspname, c.relname, con.conname, con.contype,
               pg_catalog.pg_get_constraintdef(con.oid), con.conindid,
               fn.nspname, fc.relname,
               pg_catalog.obj_description(con.oid, 'pg_constraint'),
               pg_catalog.array_to_string(ic.reloptions, ', ')
        FROM pg_catalog.pg_constraint con
        LEFT JOIN pg_catalog.pg_class ic ON ic.oid = con.conindid AND con.contype IN ('p', 'u', 'x')
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND )") +
                          k_any_table + " ORDER BY n.nspname, c.relname, con.conname",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Constraint con;
        con.oid = to_oid(rows->text(r, 0));
        con.key = catalog::child_key(Kind::Constraint, rows->text(r, 1), rows->text(r, 2),
                                     rows->text(r, 3));
        con.type = static_cast<catalog::ConstraintType>(rows->text(r, 4)[0]);
        con.definition = with_storage_parameters(rows->text(r, 5), rows->text(r, 10));
        if (rows->at(r, 8))
            con.references = catalog::relation_key(Kind::Table, rows->text(r, 7), rows->text(r, 8));
        con.comment = rows->at(r, 9);
        lookup.add(k_pg_constraint, con.oid, 0, con.key);
        // The index behind a key or exclusion constraint is the constraint.
        if (con.type != catalog::ConstraintType::ForeignKey && rows->text(r, 6) != "0")
            lookup.add(k_pg_class, to_oid(rows->text(r, 6)), 0, con.key);
        catalog.dependencies.insert(
            {con.key, catalog::table_of(con.key), catalog::DependencyType::Auto});
        catalog.constraints.emplace(con.key, con);
    }
    return Ok{};
}

Status query_indexes(runtime::Connection& conn, const std::string& schemas,
                     catalog::Catalog& catalog, OidLookup& lookup) {
    // Indexes that back a primary key, unique or exclusion constraint are the
    // constraint's, not separate objects.
    auto rows = query(conn, "indexes", std::string(R"(
        SELECT i.indexrelid, n.nspname, ic.relname, c.relname,
               pg_catalog.pg_get_indexdef(i.indexrelid),
               pg_catalog.obj_description(i.indexrelid, 'pg_class'), c.relkind
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
          AND )") + k_indexed_relation + " ORDER BY n.nspname, ic.relname",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Index idx;
        idx.oid = to_oid(rows->text(r, 0));
        idx.key = catalog::relation_key(Kind::Index, rows->text(r, 1), rows->text(r, 2));
        idx.table = rows->text(r, 3);
        idx.definition = rows->text(r, 4);
        // A partitioned table's index is printed ON ONLY the parent, as
        // pg_dump attaches the partitions' own; created, it covers them all.
        if (auto only = idx.definition.find(" ON ONLY "); only != std::string::npos)
            idx.definition.replace(only, 9, " ON ");
        idx.comment = rows->at(r, 5);
        lookup.add(k_pg_class, idx.oid, 0, idx.key);
        // On a table, or on a materialized view (rebuilt with it).
        Kind on = rows->text(r, 6) == "m" ? Kind::MaterializedView : Kind::Table;
        catalog.dependencies.insert({idx.key, catalog::relation_key(on, idx.key.schema, idx.table),
                                     catalog::DependencyType::Auto});
        catalog.indexes.emplace(idx.key, idx);
    }
    return Ok{};
}

Status query_depend(runtime::Connection& conn, catalog::Catalog& catalog, OidLookup& lookup) {
    // Extension members stand for their extension: a default that calls an
    // extension's function depends on the extension.
    auto members = conn.exec(R"(
        SELECT classid, objid, refobjid FROM pg_catalog.pg_depend
        WHERE deptype = 'e' AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass)");
    if (!members.ok())
        return Error{"introspecting extension members failed: " + members.error.describe()};
    for (std::size_t r = 0; r < members.value->size(); ++r)
        if (auto* ext = lookup.find(k_pg_extension, to_oid(members.value->text(r, 2)), 0))
            lookup.add(to_oid(members.value->text(r, 0)), to_oid(members.value->text(r, 1)), 0,
                       *ext);

    // Only user objects (oid >= FirstNormalObjectId) can be ours.
    auto rows = conn.exec(R"(
        SELECT classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype
        FROM pg_catalog.pg_depend
        WHERE objid >= 16384 AND deptype IN ('n', 'a', 'i', 'P')
        ORDER BY 1, 2, 3, 4, 5, 6)");
    if (!rows.ok())
        return Error{"introspecting pg_depend failed: " + rows.error.describe()};
    auto find = [&](std::size_t r, int c) -> const catalog::ObjectKey* {
        auto classid = to_oid(rows.value->text(r, c));
        auto objid = to_oid(rows.value->text(r, c + 1));
        int subid = std::stoi(rows.value->text(r, c + 2));
        if (auto* key = lookup.find(classid, objid, subid))
            return key;
        // A dependency on a whole table also stands for a column-less reference.
        return subid != 0 ? lookup.find(classid, objid, 0) : nullptr;
    };
    for (std::size_t r = 0; r < rows.value->size(); ++r) {
        const auto* dependent = find(r, 0);
        const auto* referenced = find(r, 3);
        if (!dependent || !referenced || *dependent == *referenced)
            continue;
        // 'P': a partition's index under its parent's index. It orders a
        // detached partition's index to go before its former parent's.
        char deptype = rows.value->text(r, 6)[0];
        auto type = static_cast<catalog::DependencyType>(deptype == 'P' ? 'n' : deptype);
        if (type == catalog::DependencyType::Auto && dependent->kind == Kind::Sequence &&
            referenced->kind == Kind::Column)
            type = catalog::DependencyType::Owned;
        catalog.dependencies.insert({*dependent, *referenced, type});
    }
    return Ok{};
}

void link_partition_columns(catalog::Catalog& catalog) {
    for (const auto& [key, column] : catalog.columns) {
        auto table = catalog.tables.find(catalog::table_of(key));
        if (table == catalog.tables.end() || !table->second.partition_of)
            continue;
        const auto& parent = *table->second.partition_of;
        auto inherited = catalog::child_key(Kind::Column, parent.schema, parent.name, key.name);
        if (catalog.columns.contains(inherited))
            catalog.dependencies.insert({key, inherited, catalog::DependencyType::Normal});
    }
}

} // namespace schemac::introspect
