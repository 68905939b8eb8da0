// Schemas, extensions, enums, sequences, publications, casts and the unmanaged
// list.

#include "introspect/reader.h"

namespace schemac::introspect {
using catalog::Kind;

namespace {

std::int64_t to_int(const std::string& text) {
    return std::stoll(text);
}

} // namespace

Status read(Reader& r, Of<catalog::Schema>) {
    auto rows = r.query("schemas", R"(
        SELECT n.oid, n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment
        FROM pg_catalog.pg_namespace n
        WHERE n.nspname = ANY($1::text[])
        ORDER BY n.nspname)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Schema s;
        s.oid = to_oid(row.text("oid"));
        s.key = catalog::schema_key(row.text("nspname"));
        s.comment = row.at("comment");
        r.lookup.add(k_pg_namespace, s.oid, 0, s.key);
        r.catalog.schemas.emplace(s.key, s);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Extension>) {
    // plpgsql is in every database; it is not the tree's to manage.
    auto rows = r.query("extensions", R"(
        SELECT e.oid, e.extname, n.nspname, e.extrelocatable,
               pg_catalog.obj_description(e.oid, 'pg_extension') AS comment
        FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql' AND $1::text[] IS NOT NULL
        ORDER BY e.extname)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Extension e;
        e.oid = to_oid(row.text("oid"));
        e.key = catalog::extension_key(row.text("extname"));
        e.schema = row.text("nspname");
        e.relocatable = row.flag("extrelocatable");
        e.comment = row.at("comment");
        r.lookup.add(k_pg_extension, e.oid, 0, e.key);
        r.catalog.extensions.emplace(e.key, e);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::EnumType>) {
    auto rows = r.query("enums", R"(
        SELECT t.oid, n.nspname, t.typname, t.typarray,
               (SELECT pg_catalog.array_agg(e.enumlabel ORDER BY e.enumsortorder)
                FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels,
               pg_catalog.obj_description(t.oid, 'pg_type') AS comment
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'e' AND )" +
                                     managed("pg_type", "t.oid") + R"(
        ORDER BY n.nspname, t.typname)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::EnumType e;
        e.oid = to_oid(row.text("oid"));
        e.key = catalog::relation_key(Kind::Enum, row.text("nspname"), row.text("typname"));
        e.values = runtime::parse_text_array(row.text("labels"));
        e.comment = row.at("comment");
        r.lookup.add(k_pg_type, e.oid, 0, e.key);
        r.lookup.add(k_pg_type, to_oid(row.text("typarray")), 0, e.key); // its array type
        r.catalog.enums.emplace(e.key, e);
    }
    return Ok{};
}

namespace {

/// A sequence's options from the columns of pg_sequence; `prefix` names them
/// (an identity column reads them with a prefix of its own).
catalog::SequenceOptions sequence_options(const runtime::Rows::Row& row,
                                          const std::string& prefix = "") {
    catalog::SequenceOptions o;
    o.type = row.text(prefix + "seqtype");
    o.start = to_int(row.text(prefix + "seqstart"));
    o.increment = to_int(row.text(prefix + "seqincrement"));
    o.min = to_int(row.text(prefix + "seqmin"));
    o.max = to_int(row.text(prefix + "seqmax"));
    o.cache = to_int(row.text(prefix + "seqcache"));
    o.cycle = row.flag(prefix + "seqcycle");
    return o;
}

} // namespace

Status read(Reader& r, Of<catalog::Sequence>) {
    // Identity sequences belong to their column (deptype 'i') and are read there.
    auto rows = r.query("sequences", R"(
        SELECT c.oid, n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL) AS seqtype,
               s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               own_n.nspname AS owner_schema, own_c.relname AS owner_table,
               own_a.attname AS owner_column,
               pg_catalog.obj_description(c.oid, 'pg_class') AS comment
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
        WHERE c.relkind = 'S' AND (own.deptype IS NULL OR own.deptype <> 'i')
          AND )" + managed("pg_class", "c.oid") +
                                         R"(
        ORDER BY n.nspname, c.relname)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Sequence s;
        s.oid = to_oid(row.text("oid"));
        s.key = catalog::relation_key(Kind::Sequence, row.text("nspname"), row.text("relname"));
        s.options = sequence_options(row);
        if (row.at("owner_table"))
            s.owned_by = catalog::child_key(Kind::Column, row.text("owner_schema"),
                                            row.text("owner_table"), row.text("owner_column"));
        s.comment = row.at("comment");
        r.lookup.add(k_pg_class, s.oid, 0, s.key);
        r.catalog.sequences.emplace(s.key, s);
    }
    return Ok{};
}

catalog::SequenceOptions identity_options(const runtime::Rows::Row& row) {
    return sequence_options(row, "identity_");
}

Status read_casts(Reader& r) {
    // What ALTER COLUMN TYPE may convert and how: the casts (binary-coercible
    // ones need no USING), the string types every type converts to and from
    // through its text form, and the base type behind each domain.
    auto casts = r.source.exec(R"(
        SELECT pg_catalog.format_type(castsource, NULL) AS source,
               pg_catalog.format_type(casttarget, NULL) AS target,
               castmethod = 'b' AS binary, castcontext = 'i' AS implicit
        FROM pg_catalog.pg_cast ORDER BY 1, 2)");
    if (!casts)
        return std::move(casts).error().within("introspecting casts failed");
    for (auto row : *casts) {
        std::pair pair{row.text("source"), row.text("target")};
        if (row.flag("binary"))
            r.catalog.casts.binary.insert(pair);
        if (row.flag("implicit"))
            r.catalog.casts.implicit.insert(pair);
        r.catalog.casts.declared.insert(std::move(pair));
    }
    auto types = r.source.exec(R"(
        SELECT pg_catalog.format_type(oid, NULL) AS name,
               CASE WHEN typtype = 'd' THEN pg_catalog.format_type(typbasetype, NULL) END AS base,
               typcategory = 'N' AS number
        FROM pg_catalog.pg_type WHERE typcategory IN ('S', 'N') OR typtype = 'd' ORDER BY 1)");
    if (!types)
        return std::move(types).error().within("introspecting casts failed");
    for (auto row : *types) {
        if (row.at("base"))
            r.catalog.casts.domains.emplace(row.text("name"), row.text("base"));
        else if (row.flag("number"))
            r.catalog.casts.numbers.insert(row.text("name"));
        else
            r.catalog.casts.strings.insert(row.text("name"));
    }
    return Ok{};
}

namespace {

/// What the publications publish: tables with their column lists (by name:
/// PostgreSQL keeps no order of its own but the columns' physical one) and
/// row filters, and schemas (PostgreSQL 15 and later). Each depends on what it
/// names, the columns its list and filter use included (pg_depend records
/// them against the pg_publication_rel row, which has no key of its own).
Status read_publication_members(Reader& r) {
    const bool v15 = r.source.server_version() >= 150000;
    auto rows = r.source.exec(std::string(R"(
        SELECT p.pubname, n.nspname, c.relname, )") +
                              (v15 ? R"(
               (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', '
                                             ORDER BY a.attname)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = pr.prrelid AND a.attnum = ANY(pr.prattrs)) AS columns,
               pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) AS qual,
               (SELECT pg_catalog.array_agg(a.attname ORDER BY a.attname)
                FROM pg_catalog.pg_depend d
                JOIN pg_catalog.pg_attribute a
                  ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.classid = 'pg_catalog.pg_publication_rel'::pg_catalog.regclass
                  AND d.objid = pr.oid AND d.refobjsubid > 0) AS used)"
                                   : R"(
               NULL AS columns, NULL AS qual, NULL AS used)") +
                              R"(
        FROM pg_catalog.pg_publication_rel pr
        JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
        JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        ORDER BY 1, 2, 3)");
    if (!rows)
        return std::move(rows).error().within("introspecting publication tables failed");
    for (auto row : *rows) {
        auto found = r.catalog.publications.find(catalog::publication_key(row.text("pubname")));
        if (found == r.catalog.publications.end())
            continue;
        catalog::Publication& p = found->second;
        catalog::Publication::Member m;
        m.table = catalog::relation_key(Kind::Table, row.text("nspname"), row.text("relname"));
        m.columns = row.at("columns").value_or("");
        m.where = row.at("qual").value_or("");
        r.catalog.dependencies.insert({p.members(), m.table});
        if (auto used = row.at("used"))
            for (const auto& column : runtime::parse_text_array(*used))
                r.catalog.dependencies.insert(
                    {p.members(),
                     catalog::child_key(Kind::Column, m.table.schema, m.table.name, column)});
        p.tables.push_back(std::move(m));
    }
    if (!v15)
        return Ok{};
    auto schemas = r.source.exec(R"(
        SELECT p.pubname, n.nspname
        FROM pg_catalog.pg_publication_namespace pn
        JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid
        JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
        ORDER BY 1, 2)");
    if (!schemas)
        return std::move(schemas).error().within("introspecting publication schemas failed");
    for (auto row : *schemas) {
        auto found = r.catalog.publications.find(catalog::publication_key(row.text("pubname")));
        if (found == r.catalog.publications.end())
            continue;
        found->second.schemas.push_back(row.text("nspname"));
        r.catalog.dependencies.insert(
            {found->second.members(), catalog::schema_key(row.text("nspname"))});
    }
    return Ok{};
}

} // namespace

Status read(Reader& r, Of<catalog::Publication>) {
    // Publications belong to the database, not to a schema: every one is
    // read, and the managed scope decides (catalog/ignore.h).
    auto rows = r.query("publications", R"(
        SELECT p.oid, p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete,
               p.pubtruncate, p.pubviaroot,
               pg_catalog.obj_description(p.oid, 'pg_publication') AS comment
        FROM pg_catalog.pg_publication p
        WHERE $1::text[] IS NOT NULL
        ORDER BY p.pubname)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Publication p;
        p.oid = to_oid(row.text("oid"));
        p.key = catalog::publication_key(row.text("pubname"));
        p.all_tables = row.flag("puballtables");
        std::string publish;
        for (const char* op : {"insert", "update", "delete", "truncate"})
            if (row.flag(std::string("pub") + op))
                publish += (publish.empty() ? "" : ", ") + std::string(op);
        p.publish = publish;
        p.via_root = row.flag("pubviaroot");
        p.comment = row.at("comment");
        r.catalog.publications.emplace(p.key, std::move(p));
    }
    return read_publication_members(r);
}

namespace {

/// The options of every wrapper, server, user mapping and foreign table, in
/// the order PostgreSQL keeps them; a secret's value is dropped as it is
/// read. A user mapping's show only to its user, its server's owner and a
/// superuser (pg_user_mappings).
Status read_foreign_options(Reader& r) {
    auto rows = r.source.exec(R"(
        SELECT x.classid, x.oid, o.name, o.value
        FROM (SELECT 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass::oid AS classid,
                     oid, fdwoptions AS options FROM pg_catalog.pg_foreign_data_wrapper
              UNION ALL
              SELECT 'pg_catalog.pg_foreign_server'::pg_catalog.regclass::oid, oid, srvoptions
              FROM pg_catalog.pg_foreign_server
              UNION ALL
              SELECT 'pg_catalog.pg_user_mapping'::pg_catalog.regclass::oid, umid, umoptions
              FROM pg_catalog.pg_user_mappings
              UNION ALL
              SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid, ftrelid, ftoptions
              FROM pg_catalog.pg_foreign_table) AS x,
             pg_catalog.pg_options_to_table(x.options) WITH ORDINALITY AS o(name, value, n)
        WHERE x.options IS NOT NULL
        ORDER BY 1, 2, o.n)");
    if (!rows)
        return std::move(rows).error().within("introspecting foreign-data options failed");
    for (auto row : *rows) {
        const auto* key = r.lookup.find(to_oid(row.text("classid")), to_oid(row.text("oid")), 0);
        if (!key)
            continue;
        catalog::ForeignOption option{row.text("name"), row.text("value")};
        if (catalog::is_secret_option(option.name))
            option.value.clear();
        if (auto table = r.catalog.tables.find(*key); table != r.catalog.tables.end())
            table->second.foreign_options.push_back(std::move(option));
        else if (auto object = r.catalog.foreign.find(*key); object != r.catalog.foreign.end())
            object->second.options.push_back(std::move(option));
    }
    return Ok{};
}

} // namespace

Status read(Reader& r, Of<catalog::ForeignObject>) {
    // Wrappers an extension made (postgres_fdw) are the extension's.
    auto rows = r.source.exec(R"(
        SELECT 'w' AS what, w.oid, w.fdwname AS name, '' AS server,
               CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::pg_catalog.regproc::text END
                   AS handler,
               CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::pg_catalog.regproc::text END
                   AS validator,
               NULL AS wrapper, NULL AS type, NULL AS version,
               pg_catalog.obj_description(w.oid, 'pg_foreign_data_wrapper') AS comment,
               false AS hidden
        FROM pg_catalog.pg_foreign_data_wrapper w
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass
                            AND e.objid = w.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 's', s.oid, s.srvname, '', NULL, NULL, w.fdwname, s.srvtype, s.srvversion,
               pg_catalog.obj_description(s.oid, 'pg_foreign_server'), false
        FROM pg_catalog.pg_foreign_server s
        JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
        UNION ALL
        SELECT 'u', u.umid,
               CASE WHEN u.umuser = 0 THEN 'PUBLIC'
                    WHEN u.usename = current_user THEN 'CURRENT_USER'
                    ELSE pg_catalog.quote_ident(u.usename) END,
               u.srvname, NULL, NULL, NULL, NULL, NULL, NULL,
               -- NULL options are none where the view would show them.
               u.umoptions IS NULL AND NOT (
                   (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
                   OR (u.umuser = 0 AND pg_catalog.pg_has_role(s.srvowner, 'USAGE'))
                   OR (u.umuser <> 0 AND u.usename = current_user
                       AND (pg_catalog.pg_has_role(s.srvowner, 'USAGE')
                            OR pg_catalog.has_server_privilege(s.oid, 'USAGE'))))
        FROM pg_catalog.pg_user_mappings u
        JOIN pg_catalog.pg_foreign_server s ON s.oid = u.srvid
        ORDER BY 1, 4, 3)");
    if (!rows)
        return std::move(rows).error().within(
            "introspecting foreign-data wrappers, servers and user mappings failed");
    for (auto row : *rows) {
        catalog::ForeignObject o;
        o.oid = to_oid(row.text("oid"));
        const char what = row.text("what").front();
        catalog::Oid classid = k_pg_user_mapping;
        if (what == 'w') {
            o.key = catalog::global_key(Kind::ForeignDataWrapper, row.text("name"));
            o.handler = row.at("handler");
            o.validator = row.at("validator");
            classid = k_pg_foreign_data_wrapper;
        } else if (what == 's') {
            o.key = catalog::global_key(Kind::Server, row.text("name"));
            o.wrapper = row.text("wrapper");
            o.type = row.at("type");
            o.version = row.at("version");
            classid = k_pg_foreign_server;
        } else {
            o.key = catalog::user_mapping_key(row.text("server"), row.text("name"));
            o.options_hidden = row.flag("hidden");
        }
        o.comment = row.at("comment");
        r.lookup.add(classid, o.oid, 0, o.key);
        r.catalog.foreign.emplace(o.key, std::move(o));
    }
    return read_foreign_options(r);
}

Status read_unmanaged(Reader& r) {
    // Kinds schemac does not diff yet. They are named on stderr and never
    // touched: not created, altered or dropped. A subscription is the
    // database's (it holds a connection string): always named.
    auto rows = r
                    .query("unmanaged objects", R"(
        SELECT 'window function ' || p.oid::pg_catalog.regprocedure::text AS object
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind = 'w' AND )" + managed("pg_proc", "p.oid") +
                                                    R"(
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
        SELECT 'rule ' || pg_catalog.quote_ident(r.rulename) || ' on ' || r.ev_class::pg_catalog.regclass::text
        FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE r.rulename <> '_RETURN' AND n.nspname = ANY($1::text[])
          AND c.relkind NOT IN ('r', 'p', 'v')
        UNION ALL
        SELECT 'operator ' || o.oid::pg_catalog.regoperator::text
        FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
        WHERE )" + managed("pg_operator", "o.oid") + R"(
        UNION ALL
        SELECT 'operator class ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(c.opcname) || ' using ' || am.amname
        FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
        JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
        WHERE )" + managed("pg_opclass", "c.oid") + R"(
        UNION ALL
        SELECT 'operator family ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(f.opfname) || ' using ' || am.amname
        FROM pg_catalog.pg_opfamily f JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
        JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass c
                          WHERE c.opcfamily = f.oid AND c.opcname = f.opfname)
          AND )" + managed("pg_opfamily", "f.oid") + R"(
        UNION ALL
        SELECT 'cast (' || pg_catalog.format_type(c.castsource, NULL) || ' AS '
               || pg_catalog.format_type(c.casttarget, NULL) || ')'
        FROM pg_catalog.pg_cast c
        WHERE c.oid >= 16384
          AND EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                      JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                      WHERE t.oid IN (c.castsource, c.casttarget) AND n.nspname = ANY($1::text[]))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass
                            AND e.objid = c.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'base type ' || t.oid::pg_catalog.regtype::text
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype IN ('b', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
          AND )" + managed("pg_type", "t.oid") + R"(
        UNION ALL
        SELECT 'conversion ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(c.conname)
        FROM pg_catalog.pg_conversion c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
        WHERE )" + managed("pg_conversion", "c.oid") +
                                                    R"(
        UNION ALL
        SELECT 'text search configuration ' || c.oid::pg_catalog.regconfig::text
        FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
        WHERE )" + managed("pg_ts_config", "c.oid") +
                                                    R"(
        UNION ALL
        SELECT 'text search dictionary ' || d.oid::pg_catalog.regdictionary::text
        FROM pg_catalog.pg_ts_dict d JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
        WHERE )" + managed("pg_ts_dict", "d.oid") + R"(
        UNION ALL
        SELECT 'text search template ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(t.tmplname)
        FROM pg_catalog.pg_ts_template t JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
        WHERE )" + managed("pg_ts_template", "t.oid") +
                                                    R"(
        UNION ALL
        SELECT 'text search parser ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(p.prsname)
        FROM pg_catalog.pg_ts_parser p JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
        WHERE )" + managed("pg_ts_parser", "p.oid") +
                                                    R"(
        UNION ALL
        SELECT 'subscription ' || pg_catalog.quote_ident(s.subname)
        FROM pg_catalog.pg_subscription s
        WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database
                           WHERE datname = pg_catalog.current_database())
        ORDER BY 1)");
    if (!rows)
        return rows.error();
    for (auto row : *rows)
        r.catalog.unmanaged.push_back(row.text("object"));
    // What they use of the managed objects (the lookup knows every one).
    auto uses = r.query("what unmanaged objects use", R"(
        SELECT d.refclassid, d.refobjid, d.refobjsubid,
               pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) AS object
        FROM pg_catalog.pg_depend d
        WHERE d.classid = ANY (ARRAY['pg_catalog.pg_operator', 'pg_catalog.pg_opclass',
                                     'pg_catalog.pg_opfamily', 'pg_catalog.pg_amop',
                                     'pg_catalog.pg_amproc', 'pg_catalog.pg_cast',
                                     'pg_catalog.pg_conversion', 'pg_catalog.pg_ts_config',
                                     'pg_catalog.pg_ts_dict', 'pg_catalog.pg_ts_template',
                                     'pg_catalog.pg_ts_parser']::pg_catalog.regclass[])
          AND d.deptype = 'n' AND d.objid >= 16384 AND $1::text[] IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = d.classid AND e.objid = d.objid AND e.deptype = 'e')
        ORDER BY 4)");
    if (!uses)
        return uses.error();
    for (auto row : *uses)
        if (const auto* key =
                r.lookup.find(to_oid(row.text("refclassid")), to_oid(row.text("refobjid")),
                              std::stoi(row.text("refobjsubid"))))
            r.catalog.used_by_unmanaged.emplace(*key, row.text("object"));
    return Ok{};
}

} // namespace schemac::introspect
