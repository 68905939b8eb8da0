// Schemas, extensions, enums, sequences, casts and the unmanaged list.

#include "introspect/queries.h"

namespace schemac::introspect {
using catalog::Kind;
using catalog::ObjectKey;

namespace {

std::optional<std::string> comment(const runtime::Rows& rows, std::size_t row, std::size_t col) {
    return rows.at(row, col);
}

std::int64_t to_int(const std::string& text) {
    return std::stoll(text);
}

} // namespace

Status query_schemas(runtime::Connection& conn, const std::string& schemas,
                     catalog::Catalog& catalog, OidLookup& lookup) {
    auto rows = query(conn, "schemas", R"(
        SELECT n.oid, n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace')
        FROM pg_catalog.pg_namespace n
        WHERE n.nspname = ANY($1::text[])
        ORDER BY n.nspname)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Schema s;
        s.oid = to_oid(rows->text(r, 0));
        s.key = catalog::schema_key(rows->text(r, 1));
        s.comment = comment(*rows, r, 2);
        lookup.add(k_pg_namespace, s.oid, 0, s.key);
        catalog.schemas.emplace(s.key, s);
    }
    return Ok{};
}

Status query_extensions(runtime::Connection& conn, const std::string& schemas,
                        catalog::Catalog& catalog, OidLookup& lookup) {
    // plpgsql is in every database; it is not the tree's to manage.
    auto rows = query(conn, "extensions", R"(
        SELECT e.oid, e.extname, n.nspname, pg_catalog.obj_description(e.oid, 'pg_extension')
        FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' AND $1::text[] IS NOT NULL
        ORDER BY e.extname)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Extension e;
        e.oid = to_oid(rows->text(r, 0));
        e.key = catalog::extension_key(rows->text(r, 1));
        e.schema = rows->text(r, 2);
        e.comment = comment(*rows, r, 3);
        lookup.add(k_pg_extension, e.oid, 0, e.key);
        catalog.extensions.emplace(e.key, e);
    }
    return Ok{};
}

Status query_enums(runtime::Connection& conn, const std::string& schemas, catalog::Catalog& catalog,
                   OidLookup& lookup) {
    auto rows = query(conn, "enums", R"(
        SELECT t.oid, n.nspname, t.typname, t.typarray,
               (SELECT pg_catalog.array_agg(e.enumlabel ORDER BY e.enumsortorder)
                FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
               pg_catalog.obj_description(t.oid, 'pg_type')
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'e' AND n.nspname = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                            AND d.objid = t.oid AND d.deptype = 'e')
        ORDER BY n.nspname, t.typname)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::EnumType e;
        e.oid = to_oid(rows->text(r, 0));
        e.key = catalog::relation_key(Kind::Enum, rows->text(r, 1), rows->text(r, 2));
        e.values = runtime::parse_text_array(rows->text(r, 4));
        e.comment = comment(*rows, r, 5);
        lookup.add(k_pg_type, e.oid, 0, e.key);
        lookup.add(k_pg_type, to_oid(rows->text(r, 3)), 0, e.key); // its array type
        catalog.enums.emplace(e.key, e);
    }
    return Ok{};
}

Status query_sequences(runtime::Connection& conn, const std::string& schemas,
                       catalog::Catalog& catalog, OidLookup& lookup) {
    // Identity sequences belong to their column (deptype 'i') and are read there.
    auto rows = query(conn, "sequences", R"(
        SELECT c.oid, n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL),
               s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               own_n.nspname, own_c.relname, own_a.attname,
               pg_catalog.obj_description(c.oid, 'pg_class')
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
        LEFT JOIN pg_catalog.pg_depend own
               ON own.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND own.objid = c.oid
              AND own.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND own.deptype IN ('a', 'i')
        LEFT JOIN pg_catalog.pg_class own_c ON own_c.oid = own.refobjid
        LEFT JOIN pg_catalog.pg_namespace own_n ON own_n.oid = own_c.relnamespace
        LEFT JOIN pg_catalog.pg_attribute own_a
               ON own_a.attrelid = own.refobjid AND own_a.attnum = own.refobjsubid
        WHERE c.relkind = 'S' AND n.nspname = ANY($1::text[])
          AND (own.deptype IS NULL OR own.deptype <> 'i')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                            AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Sequence s;
        s.oid = to_oid(rows->text(r, 0));
        s.key = catalog::relation_key(Kind::Sequence, rows->text(r, 1), rows->text(r, 2));
        s.options.type = rows->text(r, 3);
        s.options.start = to_int(rows->text(r, 4));
        s.options.increment = to_int(rows->text(r, 5));
        s.options.min = to_int(rows->text(r, 6));
        s.options.max = to_int(rows->text(r, 7));
        s.options.cache = to_int(rows->text(r, 8));
        s.options.cycle = rows->text(r, 9) == "t";
        if (rows->at(r, 11))
            s.owned_by = catalog::child_key(Kind::Column, rows->text(r, 10), rows->text(r, 11),
                                            rows->text(r, 12));
        s.comment = comment(*rows, r, 13);
        lookup.add(k_pg_class, s.oid, 0, s.key);
        catalog.sequences.emplace(s.key, s);
    }
    return Ok{};
}

Status query_casts(runtime::Connection& conn, catalog::Catalog& catalog) {
    // Casts PostgreSQL performs without a function: ALTER COLUMN TYPE needs no
    // USING between these.
    auto rows = conn.exec(R"(
        SELECT pg_catalog.format_type(castsource, NULL), pg_catalog.format_type(casttarget, NULL)
        FROM pg_catalog.pg_cast WHERE castmethod = 'b' ORDER BY 1, 2)");
    if (!rows.ok())
        return Error{"introspecting casts failed: " + rows.error.describe()};
    for (std::size_t r = 0; r < rows.value->size(); ++r)
        catalog.binary_coercible.emplace(rows.value->text(r, 0), rows.value->text(r, 1));
    return Ok{};
}

Status query_unmanaged(runtime::Connection& conn, const std::string& schemas,
                       catalog::Catalog& catalog) {
    // Kinds schemac does not diff yet. They are named on stderr and never
    // touched: not created, altered or dropped.
    auto rows = query(conn, "unmanaged objects", R"(
        WITH member AS (SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e')
        SELECT 'foreign table '
               || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1::text[])
          AND c.relkind = 'f'
          AND (1259, c.oid) NOT IN (SELECT classid, objid FROM member)
        UNION ALL
        SELECT CASE p.prokind WHEN 'a' THEN 'aggregate ' WHEN 'w' THEN 'window function '
                              ELSE 'event trigger function ' END
               || p.oid::pg_catalog.regprocedure::text
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1::text[])
          AND (p.prokind IN ('a', 'w')
               OR p.prorettype = 'pg_catalog.event_trigger'::pg_catalog.regtype)
          AND (1255, p.oid) NOT IN (SELECT classid, objid FROM member)
        UNION ALL
        SELECT 'range type ' || t.oid::pg_catalog.regtype::text
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ANY($1::text[]) AND t.typtype = 'r'
          AND (1247, t.oid) NOT IN (SELECT classid, objid FROM member)
        UNION ALL
        SELECT 'trigger ' || pg_catalog.quote_ident(t.tgname) || ' on ' || t.tgrelid::pg_catalog.regclass::text
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY($1::text[])
          AND c.relkind NOT IN ('r', 'p', 'v')
        UNION ALL
        SELECT 'policy ' || pg_catalog.quote_ident(p.polname) || ' on ' || p.polrelid::pg_catalog.regclass::text
        FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1::text[]) AND c.relkind NOT IN ('r', 'p')
        UNION ALL
        SELECT 'row level security on ' || c.oid::pg_catalog.regclass::text
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND n.nspname = ANY($1::text[])
          AND c.relkind NOT IN ('r', 'p')
        UNION ALL
        SELECT 'event trigger ' || pg_catalog.quote_ident(evtname) FROM pg_catalog.pg_event_trigger
        UNION ALL
        SELECT 'publication ' || pg_catalog.quote_ident(pubname) FROM pg_catalog.pg_publication
        UNION ALL
        SELECT 'rule ' || pg_catalog.quote_ident(r.rulename) || ' on ' || r.ev_class::pg_catalog.regclass::text
        FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE r.rulename <> '_RETURN' AND n.nspname = ANY($1::text[])
        ORDER BY 1)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r)
        catalog.unmanaged.push_back(rows->text(r, 0));
    return Ok{};
}

} // namespace schemac::introspect
