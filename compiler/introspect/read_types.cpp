// Domains, composite types, range types and collations.

#include "introspect/reader.h"

namespace schemac::introspect {
using catalog::Kind;

namespace {

/// What every type of the two queries is known by: itself, its array type,
/// and its schema, which it depends on.
catalog::ObjectKey type_key(Reader& r, const runtime::Rows::Row& row, Kind kind) {
    auto key = catalog::relation_key(kind, row.text("nspname"), row.text("typname"));
    r.lookup.add(k_pg_type, to_oid(row.text("oid")), 0, key);
    r.lookup.add(k_pg_type, to_oid(row.text("typarray")), 0, key); // its array type
    r.catalog.dependencies.insert({key, catalog::schema_key(key.schema)});
    return key;
}

} // namespace

Status read(Reader& r, Of<catalog::Domain>) {
    auto rows = r.query("domains", R"(
        SELECT t.oid, n.nspname, t.typname, t.typarray,
               pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
               CASE WHEN t.typcollation <> bt.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
               END AS collation,
               pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr, t.typnotnull,
               (SELECT pg_catalog.array_agg(c.oid ORDER BY c.conname)
                FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid) AS check_oids,
               (SELECT pg_catalog.array_agg(c.conname ORDER BY c.conname)
                FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid) AS check_names,
               (SELECT pg_catalog.array_agg(pg_catalog.pg_get_constraintdef(c.oid) ORDER BY c.conname)
                FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid) AS check_definitions,
               pg_catalog.obj_description(t.oid, 'pg_type') AS comment
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        WHERE t.typtype = 'd' AND )" + managed("pg_type", "t.oid") +
                                       " ORDER BY 2, 3");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Domain d;
        d.oid = to_oid(row.text("oid"));
        d.key = type_key(r, row, Kind::Domain);
        d.base_type = row.text("base_type");
        d.collation = row.at("collation");
        d.default_expr = row.at("default_expr");
        d.not_null = row.flag("typnotnull");
        auto oids = runtime::parse_text_array(row.text("check_oids"));
        auto names = runtime::parse_text_array(row.text("check_names"));
        auto definitions = runtime::parse_text_array(row.text("check_definitions"));
        for (std::size_t i = 0; i < oids.size() && i < names.size() && i < definitions.size();
             ++i) {
            r.lookup.add(k_pg_constraint, to_oid(oids[i]), 0, d.key);
            d.checks[names[i]] = definitions[i];
        }
        d.comment = row.at("comment");
        r.catalog.domains.emplace(d.key, d);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::CompositeType>) {
    auto rows = r.query("composite types", R"(
        SELECT t.oid, n.nspname, t.typname, t.typarray, t.typrelid,
               (SELECT pg_catalog.array_agg(a.attname ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
                   AS attribute_names,
               (SELECT pg_catalog.array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) ||
                           CASE WHEN a.attcollation <> at.typcollation
                                THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::text
                                ELSE '' END ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
                   AS attribute_types,
               pg_catalog.obj_description(t.oid, 'pg_type') AS comment
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
        WHERE t.typtype = 'c' AND rc.relkind = 'c' AND )" +
                                               managed("pg_type", "t.oid") + " ORDER BY 2, 3");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::CompositeType c;
        c.oid = to_oid(row.text("oid"));
        c.key = type_key(r, row, Kind::CompositeType);
        auto names = runtime::parse_text_array(row.text("attribute_names"));
        auto types = runtime::parse_text_array(row.text("attribute_types"));
        for (std::size_t i = 0; i < names.size() && i < types.size(); ++i)
            c.attributes.push_back({names[i], types[i]});
        c.comment = row.at("comment");
        r.lookup.add(k_pg_class, to_oid(row.text("typrelid")), 0, c.key);
        r.catalog.composites.emplace(c.key, c);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::RangeType>) {
    auto rows = r.query("range types", R"(
        SELECT t.oid, n.nspname, t.typname, t.typarray,
               pg_catalog.format_type(rg.rngsubtype, NULL) AS subtype,
               CASE WHEN NOT oc.opcdefault
                    THEN pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname)
               END AS opclass,
               CASE WHEN rg.rngcollation <> st.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
               END AS collation,
               CASE WHEN rg.rngcanonical <> 0 THEN rg.rngcanonical::pg_catalog.regproc::text END
                   AS canonical,
               CASE WHEN rg.rngsubdiff <> 0 THEN rg.rngsubdiff::pg_catalog.regproc::text END
                   AS subtype_diff,
               rg.rngmultitypid AS multirange_oid, mt.typarray AS multirange_array,
               pg_catalog.format_type(rg.rngmultitypid, NULL) AS multirange,
               (SELECT pg_catalog.array_agg(d.objid ORDER BY d.objid) FROM pg_catalog.pg_depend d
                WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                  AND d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
                  AND d.refobjid IN (t.oid, rg.rngmultitypid) AND d.deptype = 'i')
                   AS constructors,
               pg_catalog.obj_description(t.oid, 'pg_type') AS comment
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_range rg ON rg.rngtypid = t.oid
        JOIN pg_catalog.pg_type st ON st.oid = rg.rngsubtype
        JOIN pg_catalog.pg_type mt ON mt.oid = rg.rngmultitypid
        JOIN pg_catalog.pg_opclass oc ON oc.oid = rg.rngsubopc
        JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = rg.rngcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        WHERE t.typtype = 'r' AND )" + managed("pg_type", "t.oid") +
                                           " ORDER BY 2, 3");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::RangeType t;
        t.oid = to_oid(row.text("oid"));
        t.key = type_key(r, row, Kind::RangeType);
        // Its multirange type, and that one's array, are it too.
        r.lookup.add(k_pg_type, to_oid(row.text("multirange_oid")), 0, t.key);
        r.lookup.add(k_pg_type, to_oid(row.text("multirange_array")), 0, t.key);
        // So are its constructors: what calls one depends on the type.
        for (const auto& oid : runtime::parse_text_array(row.text("constructors")))
            r.lookup.add(k_pg_proc, to_oid(oid), 0, t.key);
        t.subtype = row.text("subtype");
        t.opclass = row.at("opclass");
        t.collation = row.at("collation");
        t.canonical = row.at("canonical");
        t.subtype_diff = row.at("subtype_diff");
        t.multirange = row.text("multirange");
        t.comment = row.at("comment");
        r.catalog.ranges.emplace(t.key, t);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Collation>) {
    // The ICU locale's column is named by release (colliculocale in 15 and
    // 16, colllocale from 17): read by name from the row as JSON.
    auto rows = r.query("collations", R"(
        SELECT c.oid, n.nspname, c.collname,
               CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END
                   AS provider,
               coalesce(c.collcollate, '') AS collate, coalesce(c.collctype, '') AS ctype,
               coalesce(pg_catalog.to_jsonb(c) ->> 'colllocale',
                        pg_catalog.to_jsonb(c) ->> 'colliculocale', '') AS locale,
               c.collisdeterministic,
               pg_catalog.obj_description(c.oid, 'pg_collation') AS comment
        FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
        WHERE )" + managed("pg_collation", "c.oid") +
                                          " ORDER BY 2, 3");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Collation c;
        c.oid = to_oid(row.text("oid"));
        c.key = catalog::relation_key(Kind::Collation, row.text("nspname"), row.text("collname"));
        c.provider = row.text("provider");
        c.collate = row.text("collate");
        c.ctype = row.text("ctype");
        c.locale = row.text("locale");
        c.deterministic = row.flag("collisdeterministic");
        c.comment = row.at("comment");
        r.lookup.add(k_pg_collation, c.oid, 0, c.key);
        r.catalog.dependencies.insert({c.key, catalog::schema_key(c.key.schema)});
        r.catalog.collations.emplace(c.key, c);
    }
    return Ok{};
}

} // namespace schemac::introspect
