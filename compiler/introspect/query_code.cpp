// Functions, procedures, views, materialized views and triggers (objects
// whose definition PostgreSQL prints back as SQL), domains and composite
// types, policies, privileges and default privileges.

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
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v')
          AND n.nspname = ANY($1::text[])
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

Status query_policies(runtime::Connection& conn, const std::string& schemas,
                      catalog::Catalog& catalog, OidLookup& lookup) {
    auto rows = query(conn, "policies", R"(
        SELECT p.oid, n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,
               (SELECT pg_catalog.string_agg(r.name, ', ' ORDER BY r.name)
                FROM (SELECT CASE WHEN role = 0 THEN 'PUBLIC'
                                  ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(role))
                             END AS name
                      FROM pg_catalog.unnest(p.polroles) role) r),
               pg_catalog.pg_get_expr(p.polqual, p.polrelid),
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid),
               pg_catalog.obj_description(p.oid, 'pg_policy')
        FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[])
        ORDER BY 2, 3, 4)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        catalog::Policy p;
        p.oid = to_oid(rows->text(r, 0));
        p.key =
            catalog::child_key(Kind::Policy, rows->text(r, 1), rows->text(r, 2), rows->text(r, 3));
        p.command = rows->text(r, 4)[0];
        p.permissive = rows->text(r, 5) == "t";
        p.roles = rows->text(r, 6);
        p.using_expr = rows->at(r, 7);
        p.check_expr = rows->at(r, 8);
        p.comment = rows->at(r, 9);
        lookup.add(k_pg_policy, p.oid, 0, p.key);
        catalog.policies.emplace(p.key, p);
    }
    return Ok{};
}

Status query_privileges(runtime::Connection& conn, const std::string& schemas,
                        catalog::Catalog& catalog, OidLookup& lookup) {
    // Each object's ACL against the default for its kind, without the owner:
    // what was granted beyond the default, and what of the default was revoked.
    auto rows = query(conn, "privileges", R"(
        WITH objects AS (
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid AS classid, c.oid, 0 AS subid,
                   c.relowner AS owner, c.relacl AS acl,
                   CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char" AS kind
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid, c.oid, a.attnum, c.relowner,
                   a.attacl, 'c'
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND c.relkind IN ('r', 'p')
              AND n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass::oid, p.oid, 0, p.proowner, p.proacl, 'f'
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass::oid, n.oid, 0, n.nspowner,
                   n.nspacl, 'n'
            FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass::oid, t.oid, 0, t.typowner, t.typacl, 'T'
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
            WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND rc.relkind = 'c'))
              AND n.nspname = ANY($1::text[])
        ), actual AS (
            SELECT o.classid, o.oid, o.subid, g.grantee, g.privilege_type, g.is_grantable
            FROM objects o, pg_catalog.aclexplode(coalesce(o.acl,
                     CASE WHEN o.kind = 'c' THEN '{}'::pg_catalog.aclitem[]
                          ELSE pg_catalog.acldefault(o.kind, o.owner) END)) g
            WHERE g.grantee <> o.owner
        ), implicit AS (
            SELECT o.classid, o.oid, o.subid, g.grantee, g.privilege_type, g.is_grantable
            FROM objects o, pg_catalog.aclexplode(pg_catalog.acldefault(o.kind, o.owner)) g
            WHERE o.kind <> 'c' AND g.grantee <> o.owner
        ), changed AS (
            (SELECT *, false AS revoked FROM actual EXCEPT SELECT *, false FROM implicit)
            UNION ALL
            (SELECT *, true FROM implicit EXCEPT SELECT *, true FROM actual)
        )
        SELECT classid, oid, subid,
               CASE WHEN grantee = 0 THEN 'PUBLIC'
                    ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(grantee)) END,
               privilege_type, is_grantable, revoked
        FROM changed ORDER BY 1, 2, 3, 4, 5)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r) {
        const auto* object = lookup.find(to_oid(rows->text(r, 0)), to_oid(rows->text(r, 1)),
                                         std::stoi(rows->text(r, 2)));
        if (!object || object->kind == Kind::Constraint || object->kind == Kind::Extension)
            continue; // an index, an extension's member: not ours to grant on
        catalog.privileges.insert({*object, rows->text(r, 3), rows->text(r, 4),
                                   rows->text(r, 5) == "t", rows->text(r, 6) == "t"});
    }
    return Ok{};
}

Status query_types(runtime::Connection& conn, const std::string& schemas, catalog::Catalog& catalog,
                   OidLookup& lookup) {
    auto rows = query(conn, "domains and composite types",
                      R"(
        SELECT t.oid, n.nspname, t.typname, t.typtype,
               pg_catalog.format_type(t.typbasetype, t.typtypmod),
               CASE WHEN t.typtype = 'd' AND t.typcollation <> bt.typcollation
                    THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
               END,
               pg_catalog.pg_get_expr(t.typdefaultbin, 0), t.typnotnull,
               (SELECT pg_catalog.string_agg(a.attname || E'\x1f' ||
                           pg_catalog.format_type(a.atttypid, a.atttypmod) ||
                           CASE WHEN a.attcollation <> at.typcollation
                                THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::text
                                ELSE '' END, E'\n' ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
               (SELECT pg_catalog.string_agg(c.oid || E'\x1f' || c.conname || E'\x1f' ||
                           pg_catalog.pg_get_constraintdef(c.oid), E'\n' ORDER BY c.conname)
                FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid),
               pg_catalog.obj_description(t.oid, 'pg_type'), t.typrelid, t.typarray
        FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
        WHERE (t.typtype = 'd' OR (t.typtype = 'c' AND rc.relkind = 'c'))
          AND n.nspname = ANY($1::text[]) AND )" +
                          not_extension_member("pg_catalog.pg_type", "t.oid") + " ORDER BY 2, 3",
                      schemas);
    if (!rows)
        return rows.error();
    auto split = [](const std::string& text, char at) {
        std::vector<std::string> out;
        for (std::size_t start = 0; start <= text.size();) {
            auto end = text.find(at, start);
            end = end == std::string::npos ? text.size() : end;
            out.push_back(text.substr(start, end - start));
            start = end + 1;
        }
        return out;
    };
    for (std::size_t r = 0; r < rows->size(); ++r) {
        auto oid = to_oid(rows->text(r, 0));
        bool domain = rows->text(r, 3) == "d";
        auto key = catalog::relation_key(domain ? Kind::Domain : Kind::CompositeType,
                                         rows->text(r, 1), rows->text(r, 2));
        lookup.add(k_pg_type, oid, 0, key);
        lookup.add(k_pg_type, to_oid(rows->text(r, 12)), 0, key); // its array type
        catalog.dependencies.insert({key, catalog::schema_key(key.schema)});
        if (domain) {
            catalog::Domain d;
            d.oid = oid;
            d.key = key;
            d.base_type = rows->text(r, 4);
            d.collation = rows->at(r, 5);
            d.default_expr = rows->at(r, 6);
            d.not_null = rows->text(r, 7) == "t";
            if (auto checks = rows->at(r, 9))
                for (const auto& line : split(*checks, '\n')) {
                    auto parts = split(line, '\x1f');
                    lookup.add(k_pg_constraint, to_oid(parts.at(0)), 0, key);
                    d.checks[parts.at(1)] = parts.at(2);
                }
            d.comment = rows->at(r, 10);
            catalog.domains.emplace(key, d);
        } else {
            catalog::CompositeType c;
            c.oid = oid;
            c.key = key;
            if (auto attributes = rows->at(r, 8))
                for (const auto& line : split(*attributes, '\n')) {
                    auto parts = split(line, '\x1f');
                    c.attributes.push_back({parts.at(0), parts.at(1)});
                }
            c.comment = rows->at(r, 10);
            lookup.add(k_pg_class, to_oid(rows->text(r, 11)), 0, key);
            catalog.composites.emplace(key, c);
        }
    }
    return Ok{};
}

Status query_default_privileges(runtime::Connection& conn, const std::string& schemas,
                                catalog::Catalog& catalog, OidLookup&) {
    // Against the kind's acldefault for entries that cover every schema (a
    // schema's own entries add to those), without the role itself.
    auto rows = query(conn, "default privileges", R"(
        WITH d AS (
            SELECT d.oid, d.defaclrole AS role, d.defaclnamespace AS ns, d.defaclobjtype AS kind,
                   d.defaclacl AS acl
            FROM pg_catalog.pg_default_acl d
            LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
            WHERE d.defaclnamespace = 0 OR n.nspname = ANY($1::text[])
        ), actual AS (
            SELECT d.oid, g.grantee, g.privilege_type, g.is_grantable
            FROM d, pg_catalog.aclexplode(d.acl) g WHERE g.grantee <> d.role
        ), implicit AS (
            SELECT d.oid, g.grantee, g.privilege_type, g.is_grantable
            FROM d, pg_catalog.aclexplode(pg_catalog.acldefault(d.kind, d.role)) g
            WHERE d.ns = 0 AND g.grantee <> d.role
        ), changed AS (
            (SELECT *, false AS revoked FROM actual EXCEPT SELECT *, false FROM implicit)
            UNION ALL
            (SELECT *, true FROM implicit EXCEPT SELECT *, true FROM actual)
        )
        SELECT CASE WHEN pg_catalog.pg_get_userbyid(d.role) = current_user THEN ''
                    ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(d.role)) END,
               coalesce(n.nspname, ''), d.kind,
               CASE WHEN c.grantee = 0 THEN 'PUBLIC'
                    ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.grantee)) END,
               c.privilege_type, c.is_grantable, c.revoked
        FROM changed c JOIN d ON d.oid = c.oid
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.ns
        ORDER BY 1, 2, 3, 4, 5)",
                      schemas);
    if (!rows)
        return rows.error();
    for (std::size_t r = 0; r < rows->size(); ++r)
        catalog.default_privileges.insert({rows->text(r, 0), rows->text(r, 1), rows->text(r, 2)[0],
                                           rows->text(r, 3), rows->text(r, 4),
                                           rows->text(r, 5) == "t", rows->text(r, 6) == "t"});
    return Ok{};
}

} // namespace schemac::introspect
