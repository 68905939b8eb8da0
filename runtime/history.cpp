#include "runtime/history.h"

#include "runtime/sha256.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace schemac::runtime {
namespace {

// Linearity lives in the table: every row but the first names its
// predecessor, a predecessor has one successor at most, there is one first
// row, and only one migration can be in progress.
constexpr const char* k_create_history = R"sql(
CREATE SCHEMA IF NOT EXISTS schemac;
CREATE TABLE IF NOT EXISTS schemac.schema_migrations (
    version integer PRIMARY KEY CHECK (version > 0),
    previous_version integer UNIQUE REFERENCES schemac.schema_migrations (version),
    name text NOT NULL CHECK (name ~ '^[a-z0-9_]+$'),
    up_sha256 text NOT NULL CHECK (up_sha256 ~ '^[0-9a-f]{64}$'),
    down_sha256 text NOT NULL CHECK (down_sha256 ~ '^[0-9a-f]{64}$'),
    fingerprint_before text NOT NULL CHECK (fingerprint_before ~ '^[0-9a-f]{64}$'),
    fingerprint_after text CHECK (fingerprint_after ~ '^[0-9a-f]{64}$'),
    catalog_after text,
    state text NOT NULL CHECK (state IN ('applying', 'applied', 'reverting')),
    steps_done integer NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
    applied_at timestamptz NOT NULL DEFAULT now(),
    duration_ms bigint CHECK (duration_ms >= 0),
    applied_by text NOT NULL DEFAULT session_user,
    CHECK (previous_version < version),
    CHECK (state <> 'applied' OR (fingerprint_after IS NOT NULL AND catalog_after IS NOT NULL
                                  AND duration_ms IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_one_first
    ON schemac.schema_migrations ((true)) WHERE previous_version IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_one_in_progress
    ON schemac.schema_migrations ((true)) WHERE state <> 'applied';
)sql";

// One line per object of every non-system schema, by name, never by oid, so
// the same catalog gives the same text in any database. Objects that belong
// to an extension are covered by the extension's line. An ACL equal to its
// kind's default reads as none: GRANT then REVOKE leaves the default spelled
// out, which is the same privileges.
constexpr const char* k_fingerprint = R"sql(
WITH ns AS (
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'schemac')
      AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp\_%'
), ext AS (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
), rel AS (
    SELECT c.oid, c.relkind, c.relpersistence, c.reloptions,
           nullif(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char",
                                       c.relowner)) AS relacl,
           c.relrowsecurity,
           c.relforcerowsecurity, format('%I.%I', ns.nspname, c.relname) AS name
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
), lines(line) AS (
    SELECT 'schema ' || quote_ident(nspname)
           || coalesce(' acl ' || nullif(nspacl, acldefault('n', nspowner))::text, '')
    FROM pg_namespace WHERE oid IN (SELECT oid FROM ns)
    UNION ALL
    SELECT 'extension ' || quote_ident(e.extname) || ' ' || e.extversion || ' in '
           || quote_ident(n.nspname)
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname <> 'plpgsql'
    UNION ALL
    SELECT 'relation ' || name || ' kind ' || relkind::text || ' persistence ' || relpersistence::text
           || coalesce(' with ' || array_to_string(reloptions, ','), '')
           || CASE WHEN relrowsecurity THEN ' row-security' ELSE '' END
           || CASE WHEN relforcerowsecurity THEN ' force-row-security' ELSE '' END
           || coalesce(' acl ' || relacl::text, '')
    FROM rel
    UNION ALL
    SELECT 'column ' || rel.name || '.' || quote_ident(a.attname) || ' '
           || format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
           || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
           || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
           || CASE WHEN a.attcollation <> t.typcollation
                   THEN ' collate ' || a.attcollation::regcollation::text ELSE '' END
           || coalesce(' acl ' || nullif(a.attacl, '{}')::text, '')
    FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT 'constraint ' || rel.name || ' ' || quote_ident(co.conname) || ' '
           || pg_get_constraintdef(co.oid)
    FROM pg_constraint co JOIN rel ON rel.oid = co.conrelid
    UNION ALL
    SELECT 'index ' || pg_get_indexdef(i.indexrelid)
           || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END
    FROM pg_index i JOIN rel ON rel.oid = i.indrelid
    UNION ALL
    SELECT 'view ' || name || ' ' || pg_get_viewdef(oid) FROM rel WHERE relkind IN ('v', 'm')
    UNION ALL
    SELECT 'sequence ' || rel.name || ' ' || format_type(s.seqtypid, NULL) || ' start '
           || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max '
           || s.seqmax || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
    FROM pg_sequence s JOIN rel ON rel.oid = s.seqrelid
    UNION ALL
    SELECT 'trigger ' || pg_get_triggerdef(tg.oid)
           || CASE tg.tgenabled WHEN 'O' THEN '' ELSE ' enabled ' || tg.tgenabled::text END
    FROM pg_trigger tg JOIN rel ON rel.oid = tg.tgrelid WHERE NOT tg.tgisinternal
    UNION ALL
    SELECT 'policy ' || rel.name || ' ' || quote_ident(p.polname) || ' for ' || p.polcmd::text
           || CASE WHEN p.polpermissive THEN ' permissive' ELSE ' restrictive' END
           || ' to ' || p.polroles::regrole[]::text
           || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')
           || coalesce(' check ' || pg_get_expr(p.polwithcheck, p.polrelid), '')
    FROM pg_policy p JOIN rel ON rel.oid = p.polrelid
    UNION ALL
    SELECT CASE t.typtype
               WHEN 'e' THEN 'enum ' || format('%I.%I', ns.nspname, t.typname) || ' '
                             || (SELECT string_agg(quote_literal(enumlabel), ', '
                                                   ORDER BY enumsortorder)
                                 FROM pg_enum WHERE enumtypid = t.oid)
               WHEN 'd' THEN 'domain ' || format('%I.%I', ns.nspname, t.typname) || ' '
                             || format_type(t.typbasetype, t.typtypmod)
                             || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
                             || coalesce(' default ' || t.typdefault, '')
               ELSE 'type ' || format('%I.%I', ns.nspname, t.typname) || ' ' || t.typtype::text
           END || coalesce(' acl ' || nullif(t.typacl, acldefault('T', t.typowner))::text, '')
    FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'r')
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_type'::regclass AND objid = t.oid)
    UNION ALL
    SELECT 'constraint ' || format('%I.%I', ns.nspname, t.typname) || ' '
           || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
    FROM pg_constraint co JOIN pg_type t ON t.oid = co.contypid
    JOIN ns ON ns.oid = t.typnamespace
    UNION ALL
    SELECT 'routine ' || format('%I.%I', ns.nspname, p.proname) || '('
           || pg_get_function_identity_arguments(p.oid) || ') kind ' || p.prokind::text
           || CASE WHEN p.prokind IN ('f', 'p') THEN ' ' || md5(pg_get_functiondef(p.oid))
                   ELSE '' END
           || coalesce(' acl ' || nullif(p.proacl, acldefault('f', p.proowner))::text, '')
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_proc'::regclass AND objid = p.oid)
    UNION ALL
    SELECT 'comment on ' || o.type || ' ' || o.identity || ' ' || quote_literal(d.description)
    FROM pg_description d, pg_identify_object(d.classoid, d.objoid, d.objsubid) o
    WHERE o.schema IN (SELECT nspname FROM ns)
       OR (o.type = 'schema' AND d.objoid IN (SELECT oid FROM ns))
)
SELECT line FROM lines ORDER BY line COLLATE "C"
)sql";

} // namespace

DbResult<Rows> ensure_history_table(Connection& conn) {
    return conn.exec(k_create_history);
}

DbResult<std::vector<AppliedMigration>> read_history(Connection& conn) {
    DbResult<std::vector<AppliedMigration>> out;
    auto exists = conn.exec("SELECT to_regclass('schemac.schema_migrations') IS NOT NULL");
    if (!exists.ok()) {
        out.error = exists.error;
        return out;
    }
    out.value.emplace();
    if (exists.value->text(0, 0) != "t")
        return out;
    auto rows = conn.exec(
        "SELECT version, name, up_sha256, down_sha256, fingerprint_after, catalog_after, state, "
        "steps_done, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', "
        "duration_ms, applied_by FROM schemac.schema_migrations ORDER BY version");
    if (!rows.ok()) {
        out.value.reset();
        out.error = rows.error;
        return out;
    }
    for (std::size_t r = 0; r < rows.value->size(); ++r) {
        const Rows& v = *rows.value;
        out.value->push_back({std::stoi(v.text(r, 0)), v.text(r, 1), v.text(r, 2), v.text(r, 3),
                              v.text(r, 4), v.text(r, 5), v.text(r, 6), std::stoi(v.text(r, 7)),
                              v.text(r, 8), v.text(r, 9), v.text(r, 10)});
    }
    return out;
}

DbResult<Fingerprint> fingerprint(Connection& conn) {
    DbResult<Fingerprint> out;
    // Definitions print names qualified only when the search path hides
    // them; with an empty path they are always qualified, whatever a
    // migration did to the session's path.
    auto saved = conn.exec("SELECT current_setting('search_path')");
    if (!saved.ok()) {
        out.error = saved.error;
        return out;
    }
    (void)conn.exec("SELECT set_config('search_path', '', false)");
    auto rows = conn.exec(k_fingerprint);
    (void)conn.exec("SELECT set_config('search_path', $1, false)", {saved.value->text(0, 0)});
    if (!rows.ok()) {
        out.error = rows.error;
        return out;
    }
    Fingerprint f;
    for (std::size_t r = 0; r < rows.value->size(); ++r)
        f.text += rows.value->text(r, 0) + "\n";
    f.sha256 = sha256_hex(f.text);
    out.value = std::move(f);
    return out;
}

std::vector<std::string> describe_drift(const std::string& expected, const std::string& actual) {
    auto split = [](const std::string& text) {
        std::set<std::string> lines;
        std::stringstream in(text);
        for (std::string line; std::getline(in, line);)
            lines.insert(line);
        return lines;
    };
    auto want = split(expected);
    auto have = split(actual);
    std::vector<std::string> out;
    for (const auto& line : want)
        if (!have.contains(line))
            out.push_back("- " + line);
    for (const auto& line : have)
        if (!want.contains(line))
            out.push_back("+ " + line);
    return out;
}

} // namespace schemac::runtime
