// Functions, procedures, views, materialized views and triggers: objects
// whose definition PostgreSQL prints back as SQL.

#include "introspect/queries.h"

namespace schemac::introspect {
using catalog::Kind;

namespace {

/// Not a member of an extension (its objects are the extension's).
std::string not_extension_member(const char* catalog, const char* oid) {
    return std::string("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '") +
           catalog + "'::pg_catalog.regclass AND e.objid = " + oid + " AND e.deptype = 'e')";
}

std::string trim_end(std::string text, char also = ' ') {
    while (!text.empty() &&
           (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == also))
        text.pop_back();
    return text;
}

} // namespace

Status query_functions(runtime::Connection& conn, const std::string& schemas,
                       catalog::Catalog& catalog, OidLookup& lookup) {
    // Aggregates, window functions and event trigger functions are not
    // diffed yet (reported unmanaged, with the event triggers).
    auto rows = query(conn, "functions",
                      R"(
        SELECT p.oid, n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes), p.prokind,
               pg_catalog.pg_get_functiondef(p.oid),
               pg_catalog.pg_get_function_arguments(p.oid) || ' -> ' ||
                   coalesce(pg_catalog.pg_get_function_result(p.oid), ''),
               pg_catalog.obj_description(p.oid, 'pg_proc')
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1::text[]) AND p.prokind IN ('f', 'p')
          AND p.prorettype <> 'pg_catalog.event_trigger'::pg_catalog.regtype AND )" +
                          not_extension_member("pg_catalog.pg_proc", "p.oid") + " ORDER BY 2, 3, 4",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Function f;
        f.oid = to_oid(rows->text(r, 0));
        f.key = catalog::relation_key(rows->text(r, 4) == "p" ? Kind::Procedure : Kind::Function,
                                      rows->text(r, 1), rows->text(r, 2));
        f.key.args = rows->text(r, 3);
        f.definition = trim_end(rows->text(r, 5));
        f.signature = rows->text(r, 6);
        f.comment = rows->at(r, 7);
        lookup.add(k_pg_proc, f.oid, 0, f.key);
        catalog.dependencies.insert({f.key, catalog::schema_key(f.key.schema)});
        catalog.functions.emplace(f.key, f);
    }
    return Ok{};
}

Status query_views(runtime::Connection& conn, const std::string& schemas, catalog::Catalog& catalog,
                   OidLookup& lookup) {
    auto rows = query(conn, "views",
                      R"(
        SELECT c.oid, n.nspname, c.relname, c.relkind, pg_catalog.pg_get_viewdef(c.oid),
               coalesce(pg_catalog.array_to_string(c.reloptions, ', '), ''),
               (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' ' ||
                           pg_catalog.format_type(a.atttypid, a.atttypmod), E'\n' ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
               pg_catalog.obj_description(c.oid, 'pg_class'), r.oid, c.reltype
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_rewrite r ON r.ev_class = c.oid AND r.rulename = '_RETURN'
        WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY($1::text[]) AND )" +
                          not_extension_member("pg_catalog.pg_class", "c.oid") + " ORDER BY 2, 3",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::View v;
        v.oid = to_oid(rows->text(r, 0));
        v.key = catalog::relation_key(rows->text(r, 3) == "m" ? Kind::MaterializedView : Kind::View,
                                      rows->text(r, 1), rows->text(r, 2));
        v.definition = trim_end(rows->text(r, 4), ';');
        v.options = rows->text(r, 5);
        std::string columns = rows->text(r, 6);
        for (std::size_t at = 0; at < columns.size();) {
            auto end = columns.find('\n', at);
            end = end == std::string::npos ? columns.size() : end;
            v.columns.push_back(columns.substr(at, end - at));
            at = end + 1;
        }
        v.comment = rows->at(r, 7);
        lookup.add(k_pg_class, v.oid, 0, v.key);
        lookup.add(k_pg_type, to_oid(rows->text(r, 9)), 0, v.key); // its row type
        if (auto rule = rows->at(r, 8))
            lookup.add(k_pg_rewrite, to_oid(*rule), 0, v.key);
        catalog.dependencies.insert({v.key, catalog::schema_key(v.key.schema)});
        catalog.views.emplace(v.key, v);
    }
    return Ok{};
}

Status query_triggers(runtime::Connection& conn, const std::string& schemas,
                      catalog::Catalog& catalog, OidLookup& lookup) {
    // Clones on partitions (tgparentid) follow their parent's trigger.
    auto rows = query(conn, "triggers", R"(
        SELECT t.oid, n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid),
               pg_catalog.obj_description(t.oid, 'pg_trigger')
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'v')
          AND NOT c.relispartition AND n.nspname = ANY($1::text[])
        ORDER BY 2, 3, 4)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Trigger t;
        t.oid = to_oid(rows->text(r, 0));
        t.key =
            catalog::child_key(Kind::Trigger, rows->text(r, 1), rows->text(r, 2), rows->text(r, 3));
        t.definition = rows->text(r, 4);
        t.comment = rows->at(r, 5);
        lookup.add(k_pg_trigger, t.oid, 0, t.key);
        catalog.triggers.emplace(t.key, t);
    }
    return Ok{};
}

} // namespace schemac::introspect
