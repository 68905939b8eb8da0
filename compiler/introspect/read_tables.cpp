// Tables, their sizes, columns, constraints and indexes.

#include "introspect/reader.h"

#include <algorithm>

namespace schemac::introspect {
using catalog::Kind;

namespace {

/// Every table, partitions included: a partition's columns, constraints and
/// indexes are read too (a detached partition keeps them), and diffed only
/// when it stops being one.
std::string any_table() {
    return "c.relkind IN ('r', 'p', 'f') AND " + managed("pg_class", "c.oid");
}

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

/// The lines of `text`, one per element of the array the query joined.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = std::min(text.find('\n', at), text.size());
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

} // namespace

Status read(Reader& r, Of<catalog::Table>) {
    auto rows = r.query("tables", R"(
        SELECT c.oid, n.nspname, c.relname, c.relpersistence, c.reltype,
               pg_catalog.obj_description(c.oid, 'pg_class') AS comment, c.relrowsecurity,
               c.relforcerowsecurity, c.relreplident,
               (SELECT pg_catalog.string_agg(o, chr(10) ORDER BY toast, n)
                FROM (SELECT o, false AS toast, n
                      FROM pg_catalog.unnest(c.reloptions) WITH ORDINALITY AS u(o, n)
                      UNION ALL
                      SELECT 'toast.' || o, true, n
                      FROM pg_catalog.unnest(tc.reloptions) WITH ORDINALITY AS u(o, n)) AS opts)
                   AS options,
               (SELECT ic.relname FROM pg_catalog.pg_index x
                JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
                WHERE x.indrelid = c.oid AND x.indisreplident) AS replica_index,
               (SELECT ic.relname FROM pg_catalog.pg_index x
                JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
                WHERE x.indrelid = c.oid AND x.indisclustered) AS cluster_on,
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END
                   AS partition_key,
               pn.nspname AS parent_schema, pc.relname AS parent,
               pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound,
               (SELECT s.srvname FROM pg_catalog.pg_foreign_table f
                JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver
                WHERE f.ftrelid = c.oid) AS server,
               (SELECT pg_catalog.string_agg(hn.nspname || chr(9) || hc.relname, chr(10)
                                             ORDER BY h.inhseqno)
                FROM pg_catalog.pg_inherits h
                JOIN pg_catalog.pg_class hc ON hc.oid = h.inhparent
                JOIN pg_catalog.pg_namespace hn ON hn.oid = hc.relnamespace
                WHERE h.inhrelid = c.oid AND NOT c.relispartition) AS inherits
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
        LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
        LEFT JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE )" + any_table() + " ORDER BY n.nspname, c.relname");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Table t;
        t.oid = to_oid(row.text("oid"));
        t.key = catalog::relation_key(Kind::Table, row.text("nspname"), row.text("relname"));
        t.unlogged = row.text("relpersistence") == "u";
        t.comment = row.at("comment");
        t.row_security = row.flag("relrowsecurity");
        t.force_row_security = row.flag("relforcerowsecurity");
        t.options = lines_of(row.text("options"));
        t.replica_identity = row.text("relreplident").front();
        t.replica_index = row.text("replica_index");
        t.cluster_on = row.at("cluster_on");
        t.partition_by = row.at("partition_key");
        t.server = row.at("server"); // its options: read_foreign_options
        if (t.server)                // PostgreSQL keeps `n`, and no ALTER changes it
            t.replica_identity = 'd';
        if (auto parent = row.at("parent")) {
            t.partition_of = catalog::relation_key(Kind::Table, row.text("parent_schema"), *parent);
            t.bound = row.at("bound");
            // Dropped with its parent; created after it.
            r.catalog.dependencies.insert({t.key, *t.partition_of, catalog::DependencyType::Auto});
        }
        for (const auto& parent : lines_of(row.text("inherits"))) {
            auto tab = parent.find('\t');
            t.inherits.push_back(
                catalog::relation_key(Kind::Table, parent.substr(0, tab), parent.substr(tab + 1)));
        }
        r.lookup.add(k_pg_class, t.oid, 0, t.key);
        r.lookup.add(k_pg_type, to_oid(row.text("reltype")), 0, t.key); // its row type
        r.catalog.dependencies.insert({t.key, catalog::schema_key(t.key.schema)});
        r.catalog.tables.emplace(t.key, t);
    }
    return Ok{};
}

Status read_table_sizes(Reader& r) {
    // Plain and partitioned tables, not partitions.
    auto rows = r.query("table sizes", R"(
        SELECT n.nspname, c.relname, c.reltuples::bigint AS rows,
               pg_catalog.pg_total_relation_size(c.oid) AS bytes,
               pg_catalog.pg_size_pretty(pg_catalog.pg_total_relation_size(c.oid)) AS pretty,
               c.relkind = 'r' AND pg_catalog.pg_relation_size(c.oid) = 0 AS empty
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT c.relispartition AND )" + any_table());
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        auto table = r.catalog.tables.find(
            catalog::relation_key(Kind::Table, row.text("nspname"), row.text("relname")));
        if (table != r.catalog.tables.end())
            table->second.stats =
                catalog::TableStats{std::stoll(row.text("rows")), std::stoll(row.text("bytes")),
                                    row.text("pretty"), row.flag("empty")};
    }
    return Ok{};
}

namespace {

/// A column as one row of the columns query gives it.
catalog::Column column_of(const runtime::Rows::Row& row) {
    catalog::Column col;
    col.key = catalog::child_key(Kind::Column, row.text("nspname"), row.text("relname"),
                                 row.text("attname"));
    col.position = std::stoi(row.text("attnum"));
    col.type = row.text("type");
    col.base_type = row.text("base_type");
    col.collation = row.at("collation");
    (row.text("attgenerated") == "s" ? col.generated_expr : col.default_expr) = row.at("expr");
    col.not_null = row.flag("attnotnull");
    std::string identity = row.text("attidentity");
    col.identity =
        identity.empty() ? catalog::Identity::None : static_cast<catalog::Identity>(identity[0]);
    if (col.identity != catalog::Identity::None && row.at("identity_seqtype")) {
        col.identity_options = identity_options(row);
        col.identity_sequence = row.text("identity_seqname");
    }
    col.comment = row.at("comment");
    col.volatile_default = row.flag("volatile_default");
    col.statistics = std::stoi(row.text("stattarget"));
    col.type_storage = row.text("typstorage").front();
    if (char storage = row.text("attstorage").front(); storage != col.type_storage)
        col.storage = storage;
    if (auto compression = row.at("compression"); compression && !compression->empty())
        col.compression = compression->front();
    col.local = row.flag("attislocal");
    col.of_parent = row.text("attinhcount") != "0";
    return col;
}

} // namespace

Status read(Reader& r, Of<catalog::Column>) {
    // One query for the columns of every managed table. The identity
    // sequence's options come along: they belong to the column.
    // attcompression is PostgreSQL 14's; attstattarget NULL for the default
    // PostgreSQL 17's.
    const std::string compression =
        r.source.server_version() >= 140000 ? "NULLIF(a.attcompression::text, '')" : "NULL::text";
    auto rows = r.query("columns", R"(
        SELECT c.oid AS table_oid, n.nspname, c.relname, a.attname, a.attnum,
               coalesce(a.attstattarget::integer, -1) AS stattarget, a.attstorage, t.typstorage,
               )" + compression + R"( AS compression,
               pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
               pg_catalog.format_type(a.atttypid, NULL) AS base_type,
               CASE WHEN a.attcollation <> t.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
               END AS collation,
               pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expr, ad.oid AS default_oid,
               a.attnotnull, a.attidentity, a.attgenerated, a.attislocal, a.attinhcount,
               pg_catalog.format_type(s.seqtypid, NULL) AS identity_seqtype,
               s.seqstart AS identity_seqstart, s.seqincrement AS identity_seqincrement,
               s.seqmin AS identity_seqmin, s.seqmax AS identity_seqmax,
               s.seqcache AS identity_seqcache, s.seqcycle AS identity_seqcycle,
               (SELECT sc.relname FROM pg_catalog.pg_class sc WHERE sc.oid = s.seqrelid)
                   AS identity_seqname,
               pg_catalog.col_description(c.oid, a.attnum) AS comment,
               -- A default that calls a volatile function (gen_random_uuid,
               -- nextval, clock_timestamp) is computed per row when added.
               EXISTS (SELECT 1 FROM pg_catalog.regexp_matches(ad.adbin::text,
                                         ':(?:funcid|opfuncid) (\d+)', 'g') AS m(id)
                       JOIN pg_catalog.pg_proc p ON p.oid = m.id[1]::pg_catalog.oid
                       WHERE p.provolatile = 'v') AS volatile_default
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
        WHERE a.attnum > 0 AND NOT a.attisdropped AND )" +
                                       any_table() + " ORDER BY n.nspname, c.relname, a.attnum");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Column col = column_of(row);
        r.lookup.add(k_pg_class, to_oid(row.text("table_oid")), col.position, col.key);
        if (auto default_oid = row.at("default_oid"))
            r.lookup.add(k_pg_attrdef, to_oid(*default_oid), 0, col.key);
        r.catalog.dependencies.insert(
            {col.key, catalog::table_of(col.key), catalog::DependencyType::Auto});
        r.catalog.columns.emplace(col.key, col);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Constraint>) {
    auto rows = r.query("constraints", R"(
        SELECT con.oid, n.nspname, c.relname, con.conname, con.contype,
               pg_catalog.pg_get_constraintdef(con.oid) AS definition, con.conindid,
               fn.nspname AS referenced_schema, fc.relname AS referenced_table,
               pg_catalog.obj_description(con.oid, 'pg_constraint') AS comment,
               con.conparentid <> 0 OR NOT con.conislocal AS inherited,
               pg_catalog.array_to_string(ic.reloptions, ', ') AS index_options,
               pg_catalog.obj_description(ic.oid, 'pg_class') AS index_comment,
               c.relkind = 'p' AND NOT ix.indisvalid AS only
        FROM pg_catalog.pg_constraint con
        LEFT JOIN pg_catalog.pg_class ic ON ic.oid = con.conindid AND con.contype IN ('p', 'u', 'x')
        LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = ic.oid
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
          -- A foreign key to a partitioned table has a clone per partition of
          -- it on the same table (conparentid): PostgreSQL's, made and
          -- dropped with the key. A partition's own clone of its parent's
          -- key is kept (detached, it becomes the partition's).
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                          WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
          AND )" + any_table() + " ORDER BY n.nspname, c.relname, con.conname");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Constraint con;
        con.oid = to_oid(row.text("oid"));
        con.key = catalog::child_key(Kind::Constraint, row.text("nspname"), row.text("relname"),
                                     row.text("conname"));
        con.type = static_cast<catalog::ConstraintType>(row.text("contype")[0]);
        con.definition = with_storage_parameters(row.text("definition"), row.text("index_options"));
        if (row.at("referenced_table"))
            con.references = catalog::relation_key(Kind::Table, row.text("referenced_schema"),
                                                   row.text("referenced_table"));
        con.comment = row.at("comment");
        con.index_comment = row.at("index_comment");
        con.inherited = row.flag("inherited");
        con.only = row.flag("only");
        r.lookup.add(k_pg_constraint, con.oid, 0, con.key);
        // The index behind a key or exclusion constraint is the constraint.
        if (con.type != catalog::ConstraintType::ForeignKey && row.text("conindid") != "0")
            r.lookup.add(k_pg_class, to_oid(row.text("conindid")), 0, con.key);
        r.catalog.dependencies.insert(
            {con.key, catalog::table_of(con.key), catalog::DependencyType::Auto});
        r.catalog.constraints.emplace(con.key, con);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Index>) {
    // Indexes that back a primary key, unique or exclusion constraint are the
    // constraint's, not separate objects. Materialized views have them too.
    auto rows =
        r.query("indexes", R"(
        SELECT i.indexrelid, n.nspname, ic.relname AS index_name, c.relname AS table_name,
               pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
               pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment, c.relkind,
               i.indisvalid,
               EXISTS (SELECT 1 FROM pg_catalog.pg_inherits inh
                       WHERE inh.inhrelid = i.indexrelid) AS inherited
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                          WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
          AND c.relkind IN ('r', 'p', 'm') AND )" +
                               managed("pg_class", "c.oid") + " ORDER BY n.nspname, ic.relname");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Index idx;
        idx.oid = to_oid(row.text("indexrelid"));
        idx.key = catalog::relation_key(Kind::Index, row.text("nspname"), row.text("index_name"));
        idx.table = row.text("table_name");
        idx.definition = row.text("definition");
        // A partitioned table's index is printed ON ONLY the parent, as
        // pg_dump attaches the partitions' own; created, it covers them all.
        // One not valid yet is built so: not every partition has its part.
        if (auto only = idx.definition.find(" ON ONLY ");
            only != std::string::npos && row.flag("indisvalid"))
            idx.definition.replace(only, 9, " ON ");
        idx.comment = row.at("comment");
        idx.inherited = row.flag("inherited");
        r.lookup.add(k_pg_class, idx.oid, 0, idx.key);
        // On a table, or on a materialized view (rebuilt with it).
        Kind on = row.text("relkind") == "m" ? Kind::MaterializedView : Kind::Table;
        r.catalog.dependencies.insert({idx.key,
                                       catalog::relation_key(on, idx.key.schema, idx.table),
                                       catalog::DependencyType::Auto});
        r.catalog.indexes.emplace(idx.key, idx);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Statistics>) {
    // stxstattarget is NULL for the default from PostgreSQL 17 on, -1 before.
    auto rows = r.query("extended statistics", R"(
        SELECT s.oid, n.nspname, s.stxname, tn.nspname AS table_schema,
               c.relname AS table_name, c.relkind,
               pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
               coalesce(s.stxstattarget::integer, -1) AS target,
               pg_catalog.obj_description(s.oid, 'pg_statistic_ext') AS comment
        FROM pg_catalog.pg_statistic_ext s
        JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
        JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
        WHERE )" + managed("pg_statistic_ext", "s.oid") +
                                                   " ORDER BY 2, 3");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Statistics st;
        st.oid = to_oid(row.text("oid"));
        st.key = catalog::relation_key(Kind::Statistics, row.text("nspname"), row.text("stxname"));
        Kind on = row.text("relkind") == "m" ? Kind::MaterializedView : Kind::Table;
        st.table = catalog::relation_key(on, row.text("table_schema"), row.text("table_name"));
        st.definition = row.text("definition");
        st.target = std::stoi(row.text("target"));
        st.comment = row.at("comment");
        r.lookup.add(k_pg_statistic_ext, st.oid, 0, st.key);
        r.catalog.dependencies.insert({st.key, st.table, catalog::DependencyType::Auto});
        r.catalog.statistics.emplace(st.key, std::move(st));
    }
    return Ok{};
}

} // namespace schemac::introspect
