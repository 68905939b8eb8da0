// Privileges on objects, and default privileges.

#include "introspect/reader.h"

namespace schemac::introspect {
using catalog::Kind;

namespace {

/// The key GRANT names an extension's member by (the privileges query's
/// nsp, name, args, kind and subkind), or none for a member's column.
std::optional<catalog::ObjectKey> member_key(const runtime::Rows::Row& row) {
    Kind kind;
    std::string subkind = row.text("subkind");
    switch (row.text("kind")[0]) {
    case 'r':
        kind = subkind == "v" ? Kind::View : subkind == "m" ? Kind::MaterializedView : Kind::Table;
        break;
    case 's':
        kind = Kind::Sequence;
        break;
    case 'f':
        kind = subkind == "p" ? Kind::Procedure : subkind == "a" ? Kind::Aggregate : Kind::Function;
        break;
    case 'n':
        return catalog::schema_key(row.text("name"));
    case 'T':
        kind = subkind == "d" ? Kind::Domain : subkind == "e" ? Kind::Enum : Kind::CompositeType;
        break;
    default:
        return std::nullopt;
    }
    catalog::ObjectKey key{
        kind, row.text("nsp"), "", row.text("name"), row.text("args"), catalog::Facet::Object};
    return key;
}

} // namespace

Status read_privileges(Reader& r) {
    // Each object's ACL against the default for its kind: what was granted
    // beyond the default, and what of the default was revoked. The owner's
    // own entries are read under the grantee "" (whoever owns it on the
    // other side). An extension's member starts from what its script left
    // (pg_init_privs), so only what was granted or revoked since is read.
    auto rows = r.query("privileges", R"(
        WITH objects AS (
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid AS classid, c.oid, 0 AS subid,
                   c.relowner AS owner, c.relacl AS acl,
                   CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char" AS kind,
                   n.nspname AS nsp, c.relname AS name, '' AS args, c.relkind::text AS subkind
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::oid, c.oid, a.attnum, c.relowner,
                   a.attacl, 'c', n.nspname, c.relname, '', ''
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND c.relkind IN ('r', 'p', 'f')
              AND n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass::oid, p.oid, 0, p.proowner, p.proacl,
                   'f', n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes),
                   p.prokind::text
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass::oid, n.oid, 0, n.nspowner,
                   n.nspacl, 'n', '', n.nspname, '', ''
            FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY($1::text[])
            UNION ALL
            SELECT 'pg_catalog.pg_type'::pg_catalog.regclass::oid, t.oid, 0, t.typowner, t.typacl,
                   'T', n.nspname, t.typname, '', t.typtype::text
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = t.typrelid
            WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND rc.relkind = 'c'))
              AND n.nspname = ANY($1::text[])
        ), based AS (
            SELECT o.*, coalesce(ip.initprivs,
                                 CASE WHEN o.kind = 'c' THEN '{}'::pg_catalog.aclitem[]
                                      ELSE pg_catalog.acldefault(o.kind, o.owner) END) AS base
            FROM objects o LEFT JOIN pg_catalog.pg_init_privs ip
              ON ip.classoid = o.classid AND ip.objoid = o.oid AND ip.objsubid = o.subid
             AND ip.privtype = 'e'
        ), actual AS (
            SELECT o.classid, o.oid, o.subid, g.grantee, g.privilege_type, g.is_grantable
            FROM based o, pg_catalog.aclexplode(coalesce(o.acl,
                     CASE WHEN o.kind = 'c' THEN '{}'::pg_catalog.aclitem[]
                          ELSE pg_catalog.acldefault(o.kind, o.owner) END)) g
        ), implicit AS (
            SELECT o.classid, o.oid, o.subid, g.grantee, g.privilege_type, g.is_grantable
            FROM based o, pg_catalog.aclexplode(o.base) g
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
               c.privilege_type, c.is_grantable, c.revoked, o.nsp, o.name, o.args, o.kind,
               o.subkind, x.extname AS extension
        FROM changed c JOIN objects o USING (classid, oid, subid)
        LEFT JOIN pg_catalog.pg_depend e
          ON e.classid = c.classid AND e.objid = c.oid AND e.objsubid = 0 AND e.deptype = 'e'
         AND e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
        LEFT JOIN pg_catalog.pg_extension x ON x.oid = e.refobjid
        ORDER BY 1, 2, 3, 4, 5)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        std::string extension = row.text("extension");
        std::optional<catalog::ObjectKey> object;
        if (!extension.empty())
            object = member_key(row); // none for a member's column
        else if (const auto* found =
                     r.lookup.find(to_oid(row.text("classid")), to_oid(row.text("oid")),
                                   std::stoi(row.text("subid")));
                 found && found->kind != Kind::Constraint) // an index: not granted on
            object = *found;
        if (!object)
            continue;
        catalog::Privilege p{std::move(*object),         row.text("grantee"),
                             row.text("privilege_type"), row.flag("is_grantable"),
                             row.flag("revoked"),        std::move(extension)};
        r.catalog.privileges.insert(std::move(p));
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
