#include "runtime/history.h"

#include "runtime/sha256.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

namespace schemac::runtime {
namespace {

// One line per object of every non-system schema, by name, never by oid, so
// the same catalog gives the same text in any database. Objects that belong
// to an extension are covered by the extension's line. An ACL equal to its
// kind's default reads as none: GRANT then REVOKE leaves the default spelled
// out, which is the same privileges.
constexpr std::string_view k_scope = R"sql(
WITH ns AS (
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'schemac')
      AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp\_%'
), ext AS (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
), rel AS (
    SELECT c.oid, c.relkind, c.relpersistence, c.reloptions, c.relowner, c.relreplident,
           nullif(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char",
                                       c.relowner)) AS relacl,
           c.relrowsecurity,
           c.relforcerowsecurity, format('%I.%I', ns.nspname, c.relname) AS name
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
), lines(line) AS ()sql";

constexpr std::string_view k_lines_end = R"sql(
)
SELECT line FROM lines ORDER BY line COLLATE "C"
)sql";

// clang-format off
constexpr FingerprintPart k_parts[] = {
    {"schema, privileges", R"sql(
    SELECT 'schema ' || quote_ident(nspname)
           || coalesce(' acl ' || nullif(nspacl, acldefault('n', nspowner))::text, '')
    FROM pg_namespace WHERE oid IN (SELECT oid FROM ns))sql"},
    {"extension", R"sql(
    SELECT 'extension ' || quote_ident(e.extname) || ' ' || e.extversion || ' in '
           || quote_ident(n.nspname)
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname <> 'plpgsql')sql"},
    {"table, view, materialized view, sequence, type, privileges", R"sql(
    SELECT 'relation ' || name || ' kind ' || relkind::text || ' persistence ' || relpersistence::text
           || coalesce(' with ' || array_to_string(reloptions, ','), '')
           || CASE WHEN relrowsecurity THEN ' row-security' ELSE '' END
           || CASE WHEN relforcerowsecurity THEN ' force-row-security' ELSE '' END
           || coalesce(' acl ' || relacl::text, '')
    FROM rel)sql"},
    {"column, privileges", R"sql(
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
    WHERE a.attnum > 0 AND NOT a.attisdropped)sql"},
    {"constraint", R"sql(
    SELECT 'constraint ' || rel.name || ' ' || quote_ident(co.conname) || ' '
           || pg_get_constraintdef(co.oid)
    FROM pg_constraint co JOIN rel ON rel.oid = co.conrelid)sql"},
    {"index", R"sql(
    SELECT 'index ' || pg_get_indexdef(i.indexrelid)
           || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END
    FROM pg_index i JOIN rel ON rel.oid = i.indrelid)sql"},
    {"view, materialized view", R"sql(
    SELECT 'view ' || name || ' ' || pg_get_viewdef(oid) FROM rel WHERE relkind IN ('v', 'm'))sql"},
    {"sequence", R"sql(
    SELECT 'sequence ' || rel.name || ' ' || format_type(s.seqtypid, NULL) || ' start '
           || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max '
           || s.seqmax || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
    FROM pg_sequence s JOIN rel ON rel.oid = s.seqrelid)sql"},
    {"trigger", R"sql(
    SELECT 'trigger ' || pg_get_triggerdef(tg.oid)
           || CASE tg.tgenabled WHEN 'O' THEN '' ELSE ' enabled ' || tg.tgenabled::text END
    FROM pg_trigger tg JOIN rel ON rel.oid = tg.tgrelid WHERE NOT tg.tgisinternal)sql"},
    {"policy", R"sql(
    SELECT 'policy ' || rel.name || ' ' || quote_ident(p.polname) || ' for ' || p.polcmd::text
           || CASE WHEN p.polpermissive THEN ' permissive' ELSE ' restrictive' END
           || ' to ' || p.polroles::regrole[]::text
           || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')
           || coalesce(' check ' || pg_get_expr(p.polwithcheck, p.polrelid), '')
    FROM pg_policy p JOIN rel ON rel.oid = p.polrelid)sql"},
    {"type, domain, privileges", R"sql(
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
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_type'::regclass AND objid = t.oid))sql"},
    {"domain", R"sql(
    SELECT 'constraint ' || format('%I.%I', ns.nspname, t.typname) || ' '
           || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
    FROM pg_constraint co JOIN pg_type t ON t.oid = co.contypid
    JOIN ns ON ns.oid = t.typnamespace)sql"},
    {"function, procedure, aggregate, privileges", R"sql(
    SELECT 'routine ' || format('%I.%I', ns.nspname, p.proname) || '('
           || pg_get_function_identity_arguments(p.oid) || ') kind ' || p.prokind::text
           || CASE WHEN p.prokind IN ('f', 'p') THEN ' ' || md5(pg_get_functiondef(p.oid))
                   ELSE '' END
           || coalesce(' acl ' || nullif(p.proacl, acldefault('f', p.proowner))::text, '')
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_proc'::regclass AND objid = p.oid))sql"},
    {"comments", R"sql(
    SELECT 'comment on ' || o.type || ' ' || o.identity || ' ' || quote_literal(d.description)
    FROM pg_description d, pg_identify_object(d.classoid, d.objoid, d.objsubid) o
    WHERE o.schema IN (SELECT nspname FROM ns)
       OR (o.type = 'schema' AND d.objoid IN (SELECT oid FROM ns)))sql"},
    // What a role will grant on what it creates, everywhere or in a schema.
    {"default privileges", R"sql(
    SELECT 'default privileges for ' || quote_ident(pg_get_userbyid(da.defaclrole))
           || coalesce(' in ' || quote_ident(n.nspname), '') || ' on '
           || da.defaclobjtype::text || ' acl ' || da.defaclacl::text
    FROM pg_default_acl da LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
    WHERE da.defaclnamespace = 0 OR da.defaclnamespace IN (SELECT oid FROM ns))sql"},
    // Version 2.
    {"owner", R"sql(
    SELECT 'owner of schema ' || quote_ident(nspname) || ' ' || quote_ident(pg_get_userbyid(nspowner))
    FROM pg_namespace WHERE oid IN (SELECT oid FROM ns)
    UNION ALL
    SELECT 'owner of relation ' || name || ' ' || quote_ident(pg_get_userbyid(relowner)) FROM rel
    UNION ALL
    SELECT 'owner of routine ' || p.oid::regprocedure::text || ' '
           || quote_ident(pg_get_userbyid(p.proowner))
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_proc'::regclass AND objid = p.oid)
    UNION ALL
    SELECT 'owner of type ' || format('%I.%I', ns.nspname, t.typname) || ' '
           || quote_ident(pg_get_userbyid(t.typowner))
    FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'r', 'm')
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_type'::regclass AND objid = t.oid))sql",
     2},
    {"rule", R"sql(
    SELECT 'rule ' || pg_get_ruledef(r.oid)
           || CASE r.ev_enabled WHEN 'O' THEN '' ELSE ' enabled ' || r.ev_enabled::text END
    FROM pg_rewrite r JOIN rel ON rel.oid = r.ev_class WHERE r.rulename <> '_RETURN')sql", 2},
    {"replica identity", R"sql(
    SELECT 'replica identity ' || name || ' ' || relreplident::text
           || coalesce(' using ' || (SELECT quote_ident(ic.relname) FROM pg_index i
                                     JOIN pg_class ic ON ic.oid = i.indexrelid
                                     WHERE i.indrelid = rel.oid AND i.indisreplident), '')
    FROM rel WHERE relkind IN ('r', 'p', 'm') AND relreplident <> 'd')sql", 2},
    {"column storage, statistics", R"sql(
    SELECT 'column settings ' || rel.name || '.' || quote_ident(a.attname)
           || CASE WHEN a.attstorage <> t.typstorage THEN ' storage ' || a.attstorage::text
                   ELSE '' END
           || CASE WHEN a.attstattarget <> -1 THEN ' statistics ' || a.attstattarget ELSE '' END
           || CASE WHEN a.attcompression <> '' THEN ' compression ' || a.attcompression::text
                   ELSE '' END
           || coalesce(' options ' || array_to_string(a.attoptions, ','), '')
    FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE a.attnum > 0 AND NOT a.attisdropped
      AND (a.attstorage <> t.typstorage OR a.attstattarget <> -1 OR a.attcompression <> ''
           OR a.attoptions IS NOT NULL))sql", 2},
    {"publication", R"sql(
    SELECT 'publication ' || quote_ident(p.pubname) || ' owner '
           || quote_ident(pg_get_userbyid(p.pubowner))
           || CASE WHEN p.puballtables THEN ' all tables' ELSE '' END
           || ' publish ' || concat_ws(',', CASE WHEN p.pubinsert THEN 'insert' END,
                                       CASE WHEN p.pubupdate THEN 'update' END,
                                       CASE WHEN p.pubdelete THEN 'delete' END,
                                       CASE WHEN p.pubtruncate THEN 'truncate' END)
           || CASE WHEN p.pubviaroot THEN ' via root' ELSE '' END
    FROM pg_publication p
    UNION ALL
    SELECT 'publication ' || quote_ident(p.pubname) || ' table ' || rel.name
           || coalesce(' columns ' || (SELECT string_agg(quote_ident(a.attname), ','
                                                         ORDER BY a.attname)
                                       FROM pg_attribute a
                                       WHERE a.attrelid = pr.prrelid
                                         AND a.attnum = ANY (pr.prattrs::int2[])), '')
           || coalesce(' where ' || pg_get_expr(pr.prqual, pr.prrelid), '')
    FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
    JOIN rel ON rel.oid = pr.prrelid
    UNION ALL
    SELECT 'publication ' || quote_ident(p.pubname) || ' tables in schema ' || quote_ident(ns.nspname)
    FROM pg_publication_namespace pn JOIN pg_publication p ON p.oid = pn.pnpubid
    JOIN ns ON ns.oid = pn.pnnspid)sql", 2},
    {"extended statistics", R"sql(
    SELECT 'statistics ' || pg_get_statisticsobjdef(s.oid)
           || CASE WHEN s.stxstattarget <> -1 THEN ' target ' || s.stxstattarget ELSE '' END
    FROM pg_statistic_ext s JOIN ns ON ns.oid = s.stxnamespace)sql", 2},
    // Version 3. An option whose name says it is a secret (as the compiler's
    // is_secret_option) is named, its value never read: history rows keep
    // this text.
    {"foreign-data wrapper, server, user mapping", R"sql(
    SELECT 'foreign-data wrapper ' || quote_ident(w.fdwname)
           || coalesce(' handler ' || nullif(w.fdwhandler, 0)::regproc::text, '')
           || coalesce(' validator ' || nullif(w.fdwvalidator, 0)::regproc::text, '')
           || coalesce(' options ' || (SELECT string_agg(o.option_name || CASE
                   WHEN o.option_name ~* '(password|secret|key|token)' THEN ''
                   ELSE '=' || o.option_value END, ',' ORDER BY o.option_name)
               FROM pg_options_to_table(w.fdwoptions) o), '')
    FROM pg_foreign_data_wrapper w
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_foreign_data_wrapper'::regclass
                                          AND objid = w.oid)
    UNION ALL
    SELECT 'server ' || quote_ident(s.srvname) || ' wrapper ' || quote_ident(w.fdwname)
           || coalesce(' type ' || quote_literal(s.srvtype), '')
           || coalesce(' version ' || quote_literal(s.srvversion), '')
           || coalesce(' options ' || (SELECT string_agg(o.option_name || CASE
                   WHEN o.option_name ~* '(password|secret|key|token)' THEN ''
                   ELSE '=' || o.option_value END, ',' ORDER BY o.option_name)
               FROM pg_options_to_table(s.srvoptions) o), '')
    FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
    UNION ALL
    SELECT 'user mapping for ' || CASE WHEN u.umuser = 0 THEN 'PUBLIC'
                                       ELSE quote_ident(u.usename) END
           || ' server ' || quote_ident(u.srvname)
           || coalesce(' options ' || (SELECT string_agg(o.option_name || CASE
                   WHEN o.option_name ~* '(password|secret|key|token)' THEN ''
                   ELSE '=' || o.option_value END, ',' ORDER BY o.option_name)
               FROM pg_options_to_table(u.umoptions) o), '')
    FROM pg_user_mappings u
    UNION ALL
    SELECT 'foreign table ' || rel.name || ' server ' || quote_ident(s.srvname)
           || coalesce(' options ' || (SELECT string_agg(o.option_name || CASE
                   WHEN o.option_name ~* '(password|secret|key|token)' THEN ''
                   ELSE '=' || o.option_value END, ',' ORDER BY o.option_name)
               FROM pg_options_to_table(f.ftoptions) o), '')
    FROM pg_foreign_table f JOIN rel ON rel.oid = f.ftrelid
    JOIN pg_foreign_server s ON s.oid = f.ftserver)sql", 3},
    {"collation", R"sql(
    SELECT 'collation ' || format('%I.%I', ns.nspname, c.collname) || ' ' || c.collprovider::text
           || ' ' || coalesce(c.collcollate, '') || ' ' || coalesce(c.collctype, '')
           || ' ' || coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale', '')
           || CASE WHEN c.collisdeterministic THEN '' ELSE ' nondeterministic' END
    FROM pg_collation c JOIN ns ON ns.oid = c.collnamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_collation'::regclass
                                          AND objid = c.oid))sql", 3},
    // Version 4. An event trigger is named outside any schema: its line
    // names its function (whose schema scopes it) and carries its comment.
    {"event trigger", R"sql(
    SELECT 'event trigger ' || quote_ident(t.evtname) || ' on ' || t.evtevent
           || coalesce(' tags ' || array_to_string(t.evttags, ','), '')
           || ' runs ' || format('%I.%I', ns.nspname, p.proname) || ' ' || t.evtenabled::text
           || coalesce(' comment ' || quote_literal(obj_description(t.oid, 'pg_event_trigger')), '')
    FROM pg_event_trigger t JOIN pg_proc p ON p.oid = t.evtfoid
    JOIN ns ON ns.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_event_trigger'::regclass
                                          AND objid = t.oid))sql", 4},
};
// clang-format on

/// The whole query at `version`: the scope, then the lines of every part
/// that version has, sorted.
std::string fingerprint_query(int version) {
    std::string sql(k_scope);
    bool first = true;
    for (const auto& part : k_parts)
        if (part.since <= version) {
            sql += std::string(first ? "" : "\n    UNION ALL") + std::string(part.sql);
            first = false;
        }
    return sql + std::string(k_lines_end);
}

constexpr std::string_view k_version_line = "fingerprint v";

} // namespace

std::span<const FingerprintPart> fingerprint_parts() {
    return k_parts;
}

int fingerprint_version(const std::string& text) {
    if (!text.starts_with(k_version_line))
        return 1;
    return std::atoi(text.c_str() + k_version_line.size());
}

Result<Fingerprint> fingerprint(Connection& conn, int version) {
    if (version > k_fingerprint_version)
        return Error("the history was recorded by a newer schemac (fingerprint v" +
                     std::to_string(version) + "; this one reads up to v" +
                     std::to_string(k_fingerprint_version) + "): upgrade schemac");
    auto rows = conn.exec_qualified(fingerprint_query(std::max(version, 1)));
    if (!rows)
        return std::move(rows).error();
    Fingerprint f;
    if (version > 1)
        f.text = std::string(k_version_line) + std::to_string(version) + "\n";
    for (auto row : *rows)
        f.text += row.text("line") + "\n";
    f.sha256 = sha256_hex(f.text);
    return f;
}

std::string list_drift(const std::vector<std::string>& lines) {
    constexpr std::size_t k_shown = 20;
    std::string out;
    for (std::size_t i = 0; i < lines.size() && i < k_shown; ++i)
        out += "\n  " + lines[i];
    if (lines.size() > k_shown)
        out += "\n  ... and " + std::to_string(lines.size() - k_shown) + " more";
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

namespace {

/// The identifier at `at` (bare, or double-quoted with "" inside), unquoted;
/// `at` moves past it. Empty when there is none.
std::string identifier(std::string_view line, std::size_t& at) {
    std::string out;
    if (at < line.size() && line[at] == '"') {
        for (std::size_t i = at + 1; i < line.size(); ++i) {
            if (line[i] != '"') {
                out += line[i];
            } else if (i + 1 < line.size() && line[i + 1] == '"') {
                out += '"';
                ++i;
            } else {
                at = i + 1;
                return out;
            }
        }
        return {};
    }
    auto word = [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80;
    };
    while (at < line.size() && word(static_cast<unsigned char>(line[at])))
        out += line[at++];
    return out;
}

/// The identifier after `word` in `line` (`... in <schema>`), or "".
std::string identifier_after(std::string_view line, std::string_view word) {
    auto found = line.rfind(word);
    if (found == std::string_view::npos)
        return {};
    std::size_t at = found + word.size();
    return identifier(line, at);
}

} // namespace

std::string schema_of_line(std::string_view line) {
    // Lines about a schema itself, and those that say their schema in words.
    for (std::string_view prefix : {"schema ", "owner of schema ", "comment on schema "})
        if (line.starts_with(prefix)) {
            std::size_t at = prefix.size();
            return identifier(line, at);
        }
    if (line.starts_with("extension "))
        return identifier_after(line, " in ");
    if (line.starts_with("default privileges for "))
        return line.find(" in ") == std::string_view::npos ? "" : identifier_after(line, " in ");
    if (line.starts_with("publication ") &&
        line.find(" tables in schema ") != std::string_view::npos)
        return identifier_after(line, " tables in schema ");
    // Otherwise the first qualified name is the object's (or its table's).
    for (std::size_t at = 0; at < line.size();) {
        bool starts = at == 0 || line[at - 1] == ' ' || line[at - 1] == '(' || line[at - 1] == ',';
        std::size_t end = at;
        std::string first = starts ? identifier(line, end) : std::string();
        if (first.empty()) {
            ++at;
            continue;
        }
        if (end < line.size() && line[end] == '.' &&
            !std::isdigit(static_cast<unsigned char>(first[0]))) {
            std::size_t after = end + 1;
            if (!identifier(line, after).empty())
                return first;
        }
        at = end;
    }
    return {};
}

} // namespace schemac::runtime
