// Privileges on objects, and default privileges.

#include "introspect/reader.h"

namespace schemac::introspect {
using catalog::Kind;

Status read_privileges(Reader& r) {
    // Each object's ACL against the default for its kind: what was granted
    // beyond the default, and what of the default was revoked. The owner's
    // own entries are read under the grantee "" (whoever owns it on the
    // other side). An extension's members are the extension's, not read.
    auto rows = r.query("privileges", R"(
        WITH objects AS (
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid AS classid, c.oid, 0 AS subid,
                   c.relowner AS owner, c.relacl AS acl,
                   CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char" AS kind
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid, c.oid, a.attnum, c.relowner,
                   a.attacl, 'c'
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND c.relkind IN ('r', 'p', 'f')
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
            WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND rc.relkind = 'c'))
              AND n.nspname = ANY($1::text[])
        ), actual AS (
            SELECT o.classid, o.oid, o.subid, g.grantee, g.privilege_type, g.is_grantable
            FROM objects o, pg_catalog.aclexplode(coalesce(o.acl,
                     CASE WHEN o.kind = 'c' THEN '{}'::pg_catalog.aclitem[]
                          ELSE pg_catalog.acldefault(o.kind, o.owner) END)) g
        ), implicit AS (
            SELECT o.classid, o.oid, o.subid, g.grantee, g.privilege_type, g.is_grantable
            FROM objects o, pg_catalog.aclexplode(pg_catalog.acldefault(o.kind, o.owner)) g
            WHERE o.kind <> 'c'
        ), changed AS (
            (SELECT *, false AS revoked FROM actual EXCEPT SELECT *, false FROM implicit)
            UNION ALL
            (SELECT *, true FROM implicit EXCEPT SELECT *, true FROM actual)
        )
        SELECT c.classid, c.oid, c.subid,
               CASE WHEN c.grantee = o.owner THEN ''
                    WHEN c.grantee = 0 THEN 'PUBLIC'
                    ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.grantee)) END
                   AS grantee,
               c.privilege_type, c.is_grantable, c.revoked
        FROM changed c JOIN objects o USING (classid, oid, subid)
        ORDER BY 1, 2, 3, 4, 5)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        const auto* object = r.lookup.find(to_oid(row.text("classid")), to_oid(row.text("oid")),
                                           std::stoi(row.text("subid")));
        if (!object || object->kind == Kind::Constraint || object->kind == Kind::Extension)
            continue; // an index, an extension's member: not ours to grant on
        r.catalog.privileges.insert({*object, row.text("grantee"), row.text("privilege_type"),
                                     row.flag("is_grantable"), row.flag("revoked")});
    }
    return Ok{};
}

Status read_owners(Reader& r) {
    // A sequence a column owns follows its table's owner; a range type's
    // constructors (read after it, by class) are its own.
    auto rows = r.query("owners", R"(
        WITH objects AS (
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid AS classid, c.oid,
                   c.relowner AS owner
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND n.nspname = ANY($1::text[])
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.objid = c.oid AND c.relkind = 'S'
                                AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.deptype IN ('a', 'i'))
            UNION ALL
            SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass::oid, p.oid, p.proowner
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass::oid, n.oid, n.nspowner
            FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass::oid, t.oid, t.typowner
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
            WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND rc.relkind = 'c'))
              AND n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass::oid, c.oid, c.collowner
            FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n
              ON n.oid = c.collnamespace
            WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass::oid, s.oid, s.stxowner
            FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n
              ON n.oid = s.stxnamespace
            WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_foreign_server'::pg_catalog.regclass::oid, s.oid, s.srvowner
            FROM pg_catalog.pg_foreign_server s
        )
        SELECT me.reader, o.classid, o.oid, pg_catalog.pg_get_userbyid(o.owner) AS owner
        FROM (SELECT current_user::text AS reader) me LEFT JOIN objects o ON true
        ORDER BY o.classid, o.oid)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        r.catalog.reader = row.text("reader"); // one row at least
        if (!row.at("classid"))
            continue;
        const auto* object = r.lookup.find(to_oid(row.text("classid")), to_oid(row.text("oid")), 0);
        if (object && catalog::kind_info(object->kind).owned)
            r.catalog.owners.emplace(*object, row.text("owner"));
    }
    return Ok{};
}

Status read_default_privileges(Reader& r) {
    // Against the kind's acldefault for entries that cover every schema (a
    // schema's own entries add to those), without the role itself.
    auto rows = r.query("default privileges", R"(
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
                    ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(d.role)) END AS role,
               coalesce(n.nspname, '') AS schema, d.kind,
               CASE WHEN c.grantee = 0 THEN 'PUBLIC'
                    ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.grantee)) END
                   AS grantee,
               c.privilege_type, c.is_grantable, c.revoked
        FROM changed c JOIN d ON d.oid = c.oid
        LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.ns
        ORDER BY 1, 2, 3, 4, 5)");
    if (!rows)
        return rows.error();
    for (auto row : *rows)
        r.catalog.default_privileges.insert(
            {row.text("role"), row.text("schema"), row.text("kind")[0], row.text("grantee"),
             row.text("privilege_type"), row.flag("is_grantable"), row.flag("revoked")});
    return Ok{};
}

} // namespace schemac::introspect
