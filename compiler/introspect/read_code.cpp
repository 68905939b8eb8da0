// Functions, procedures, views, materialized views and triggers (objects
// whose definition PostgreSQL prints back as SQL), and policies.

#include "introspect/reader.h"
#include "sql/body_references.h"

#include "catalog/quote.h"

#include <cctype>
#include <ranges>

namespace schemac::introspect {
using catalog::Kind;

namespace {

std::string trim_end(std::string text, char also = ' ') {
    while (!text.empty() &&
           (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == also))
        text.pop_back();
    return text;
}

} // namespace

namespace {

/// Aggregates (plain, ordered-set, hypothetical-set), as CREATE OR REPLACE
/// AGGREGATE states them (pg_dump's dumpAgg): PostgreSQL prints none back.
Status read_aggregates(Reader& r) {
    auto rows = r.query("aggregates", R"(
        SELECT p.oid, n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes) AS args,
               pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
               pg_catalog.pg_get_function_result(p.oid) AS result, p.proparallel,
               a.aggkind, a.aggnumdirectargs, a.aggtransfn::pg_catalog.regproc::text AS sfunc,
               pg_catalog.format_type(a.aggtranstype, NULL) AS stype, a.aggtransspace,
               NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc::text AS finalfunc,
               a.aggfinalextra, a.aggfinalmodify,
               NULLIF(a.aggcombinefn, 0)::pg_catalog.regproc::text AS combinefunc,
               NULLIF(a.aggserialfn, 0)::pg_catalog.regproc::text AS serialfunc,
               NULLIF(a.aggdeserialfn, 0)::pg_catalog.regproc::text AS deserialfunc,
               a.agginitval, NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc::text AS msfunc,
               NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc::text AS minvfunc,
               CASE WHEN a.aggmtranstype <> 0
                    THEN pg_catalog.format_type(a.aggmtranstype, NULL) END AS mstype,
               a.aggmtransspace,
               NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc::text AS mfinalfunc,
               a.aggmfinalextra, a.aggmfinalmodify, a.aggminitval,
               CASE WHEN a.aggsortop <> 0 THEN a.aggsortop::pg_catalog.regoperator::text END
                   AS sortop,
               pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
        WHERE )" + managed("pg_proc", "p.oid") +
                                          " ORDER BY 2, 3, 4");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Function f;
        f.oid = to_oid(row.text("oid"));
        f.key = catalog::relation_key(Kind::Aggregate, row.text("nspname"), row.text("proname"));
        f.key.args = row.text("args");
        char kind = row.text("aggkind").front();
        char modify_default = kind == 'n' ? 'r' : 'w';
        auto modify = [](char m) {
            return m == 'r' ? "READ_ONLY" : m == 's' ? "SHAREABLE" : "READ_WRITE";
        };
        std::string options = "SFUNC = " + row.text("sfunc") + ", STYPE = " + row.text("stype");
        auto add = [&](const std::string& option) { options += ",\n    " + option; };
        if (row.text("aggtransspace") != "0")
            add("SSPACE = " + row.text("aggtransspace"));
        if (auto fn = row.at("finalfunc")) {
            add("FINALFUNC = " + *fn);
            if (row.flag("aggfinalextra"))
                add("FINALFUNC_EXTRA");
        }
        if (row.text("aggfinalmodify").front() != modify_default)
            add(std::string("FINALFUNC_MODIFY = ") + modify(row.text("aggfinalmodify").front()));
        for (const char* fn : {"combinefunc", "serialfunc", "deserialfunc"})
            if (auto name = row.at(fn)) {
                std::string upper(fn);
                for (auto& ch : upper)
                    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                add(upper + " = " + *name);
            }
        if (auto init = row.at("agginitval"))
            add("INITCOND = " + catalog::quote_literal(*init));
        if (auto msfunc = row.at("msfunc")) {
            add("MSFUNC = " + *msfunc);
            add("MINVFUNC = " + row.text("minvfunc"));
            add("MSTYPE = " + row.text("mstype"));
            if (row.text("aggmtransspace") != "0")
                add("MSSPACE = " + row.text("aggmtransspace"));
            if (auto fn = row.at("mfinalfunc")) {
                add("MFINALFUNC = " + *fn);
                if (row.flag("aggmfinalextra"))
                    add("MFINALFUNC_EXTRA");
            }
            if (row.text("aggmfinalmodify").front() != modify_default)
                add(std::string("MFINALFUNC_MODIFY = ") +
                    modify(row.text("aggmfinalmodify").front()));
            if (auto init = row.at("aggminitval"))
                add("MINITCOND = " + catalog::quote_literal(*init));
        }
        if (auto op = row.at("sortop")) // `schema.<(type,type)`: the operator alone
            add("SORTOP = OPERATOR(" + op->substr(0, op->find('(')) + ")");
        if (row.text("proparallel") == "s")
            add("PARALLEL = SAFE");
        else if (row.text("proparallel") == "r")
            add("PARALLEL = RESTRICTED");
        if (kind == 'h')
            add("HYPOTHETICAL");
        f.definition = "CREATE OR REPLACE AGGREGATE " +
                       catalog::quote_qualified(f.key.schema, f.key.name) + "(" +
                       row.text("arguments") + ") (\n    " + options + "\n)";
        // What CREATE OR REPLACE AGGREGATE cannot change.
        f.signature = row.text("arguments") + " -> " + row.text("result") + " / " + kind + " " +
                      row.text("stype");
        f.comment = row.at("comment");
        r.lookup.add(k_pg_proc, f.oid, 0, f.key);
        r.catalog.dependencies.insert({f.key, catalog::schema_key(f.key.schema)});
        r.catalog.functions.emplace(f.key, f);
    }
    return Ok{};
}

} // namespace

Status read(Reader& r, Of<catalog::Function>) {
    // Window functions are not diffed yet (reported unmanaged). A range
    // type's constructors are the type's (an internal dependency).
    auto rows = r.query("functions", R"(
        SELECT p.oid, n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes) AS args,
               p.prokind, pg_catalog.pg_get_functiondef(p.oid) AS definition,
               pg_catalog.pg_get_function_arguments(p.oid) || ' -> ' ||
                   coalesce(pg_catalog.pg_get_function_result(p.oid), '') AS signature,
               pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
        FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                            AND d.objid = p.oid AND d.deptype = 'i')
          AND )" + managed("pg_proc", "p.oid") +
                                         " ORDER BY 2, 3, 4");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Function f;
        f.oid = to_oid(row.text("oid"));
        f.key = catalog::relation_key(row.text("prokind") == "p" ? Kind::Procedure : Kind::Function,
                                      row.text("nspname"), row.text("proname"));
        f.key.args = row.text("args");
        f.definition = trim_end(row.text("definition"));
        f.signature = row.text("signature");
        f.comment = row.at("comment");
        r.lookup.add(k_pg_proc, f.oid, 0, f.key);
        r.catalog.dependencies.insert({f.key, catalog::schema_key(f.key.schema)});
        r.catalog.functions.emplace(f.key, f);
    }
    return read_aggregates(r);
}

Status read(Reader& r, Of<catalog::View>) {
    auto rows = r.query("views", R"(
        SELECT c.oid, n.nspname, c.relname, c.relkind,
               pg_catalog.pg_get_viewdef(c.oid) AS definition,
               coalesce(pg_catalog.array_to_string(c.reloptions, ', '), '') AS options,
               (SELECT pg_catalog.array_agg(pg_catalog.quote_ident(a.attname) || ' ' ||
                           pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
               coalesce(cc.commented, '{}') AS commented,
               coalesce(cc.comments, '{}') AS column_comments,
               pg_catalog.obj_description(c.oid, 'pg_class') AS comment, rw.oid AS rule,
               c.reltype
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_rewrite rw ON rw.ev_class = c.oid AND rw.rulename = '_RETURN'
        LEFT JOIN LATERAL (
            SELECT pg_catalog.array_agg(a.attname ORDER BY a.attnum) AS commented,
                   pg_catalog.array_agg(d.description ORDER BY a.attnum) AS comments
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_description d
              ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND d.objsubid = a.attnum
            WHERE a.attrelid = c.oid AND a.attnum > 0) cc ON true
        WHERE c.relkind IN ('v', 'm') AND )" +
                                     managed("pg_class", "c.oid") + " ORDER BY 2, 3");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::View v;
        v.oid = to_oid(row.text("oid"));
        v.key =
            catalog::relation_key(row.text("relkind") == "m" ? Kind::MaterializedView : Kind::View,
                                  row.text("nspname"), row.text("relname"));
        v.definition = trim_end(row.text("definition"), ';');
        v.options = row.text("options");
        v.columns = runtime::parse_text_array(row.text("columns"));
        v.comment = row.at("comment");
        auto commented = runtime::parse_text_array(row.text("commented"));
        auto column_comments = runtime::parse_text_array(row.text("column_comments"));
        for (std::size_t i = 0; i < commented.size() && i < column_comments.size(); ++i)
            v.column_comments.emplace(commented[i], column_comments[i]);
        r.lookup.add(k_pg_class, v.oid, 0, v.key);
        r.lookup.add(k_pg_type, to_oid(row.text("reltype")), 0, v.key); // its row type
        if (auto rule = row.at("rule"))
            r.lookup.add(k_pg_rewrite, to_oid(*rule), 0, v.key);
        r.catalog.dependencies.insert({v.key, catalog::schema_key(v.key.schema)});
        r.catalog.views.emplace(v.key, v);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Trigger>) {
    // Clones on partitions (tgparentid) follow their parent's trigger.
    auto rows = r.query("triggers", R"(
        SELECT t.oid, n.nspname, c.relname, t.tgname,
               pg_catalog.pg_get_triggerdef(t.oid) AS definition, t.tgenabled,
               pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v')
          AND n.nspname = ANY($1::text[])
        ORDER BY 2, 3, 4)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Trigger t;
        t.oid = to_oid(row.text("oid"));
        t.key = catalog::child_key(Kind::Trigger, row.text("nspname"), row.text("relname"),
                                   row.text("tgname"));
        t.definition = row.text("definition");
        t.enabled = row.text("tgenabled").front();
        t.comment = row.at("comment");
        r.lookup.add(k_pg_trigger, t.oid, 0, t.key);
        r.catalog.triggers.emplace(t.key, t);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Rule>) {
    // A view's own _RETURN rule is the view.
    auto rows = r.query("rules", R"(
        SELECT rw.oid, n.nspname, c.relname, rw.rulename, rw.ev_enabled,
               pg_catalog.pg_get_ruledef(rw.oid) AS definition,
               pg_catalog.obj_description(rw.oid, 'pg_rewrite') AS comment
        FROM pg_catalog.pg_rewrite rw JOIN pg_catalog.pg_class c ON c.oid = rw.ev_class
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE rw.rulename <> '_RETURN' AND c.relkind IN ('r', 'p', 'v')
          AND n.nspname = ANY($1::text[])
        ORDER BY 2, 3, 4)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Rule rule;
        rule.oid = to_oid(row.text("oid"));
        rule.key = catalog::child_key(Kind::Rule, row.text("nspname"), row.text("relname"),
                                      row.text("rulename"));
        rule.definition = trim_end(row.text("definition"), ';');
        rule.enabled = row.text("ev_enabled").front();
        for (const auto& [schema, table] : sql::rule_writes(rule.definition))
            rule.writes.insert(catalog::relation_key(Kind::Table, schema, table));
        rule.comment = row.at("comment");
        r.lookup.add(k_pg_rewrite, rule.oid, 0, rule.key);
        r.catalog.rules.emplace(rule.key, rule);
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::EventTrigger>) {
    // The project's when the function it runs is (an extension's are its own).
    auto rows = r.query("event triggers", R"(
        SELECT t.oid, t.evtname, t.evtevent, t.evtenabled,
               coalesce(pg_catalog.array_to_string(t.evttags, ','), '') AS tags,
               n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes) AS args,
               pg_catalog.obj_description(t.oid, 'pg_event_trigger') AS comment
        FROM pg_catalog.pg_event_trigger t JOIN pg_catalog.pg_proc p ON p.oid = t.evtfoid
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        WHERE )" + managed("pg_event_trigger", "t.oid") +
                                              " ORDER BY 2");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::EventTrigger t;
        t.oid = to_oid(row.text("oid"));
        t.key = catalog::global_key(Kind::EventTrigger, row.text("evtname"));
        t.event = row.text("evtevent");
        // Comma-separated (not std::views::split: clang 14 cannot compile
        // libstdc++ 12's).
        std::string tags = row.text("tags");
        for (std::size_t at = 0; at < tags.size();) {
            std::size_t end = std::min(tags.find(',', at), tags.size());
            if (end > at)
                t.tags.push_back(tags.substr(at, end - at));
            at = end + 1;
        }
        t.function =
            catalog::relation_key(Kind::Function, row.text("nspname"), row.text("proname"));
        t.function.args = row.text("args");
        t.enabled = row.text("evtenabled").front();
        t.comment = row.at("comment");
        r.lookup.add(k_pg_event_trigger, t.oid, 0, t.key);
        r.catalog.event_triggers.emplace(t.key, std::move(t));
    }
    return Ok{};
}

Status read(Reader& r, Of<catalog::Policy>) {
    auto rows = r.query("policies", R"(
        SELECT p.oid, n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,
               (SELECT pg_catalog.string_agg(r.name, ', ' ORDER BY r.name)
                FROM (SELECT CASE WHEN role = 0 THEN 'PUBLIC'
                                  ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(role))
                             END AS name
                      FROM pg_catalog.unnest(p.polroles) role) r) AS roles,
               pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
               pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
               pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
        FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[])
        ORDER BY 2, 3, 4)");
    if (!rows)
        return rows.error();
    for (auto row : *rows) {
        catalog::Policy p;
        p.oid = to_oid(row.text("oid"));
        p.key = catalog::child_key(Kind::Policy, row.text("nspname"), row.text("relname"),
                                   row.text("polname"));
        p.command = row.text("polcmd")[0];
        p.permissive = row.flag("polpermissive");
        p.roles = row.text("roles");
        p.using_expr = row.at("using_expr");
        p.check_expr = row.at("check_expr");
        p.comment = row.at("comment");
        r.lookup.add(k_pg_policy, p.oid, 0, p.key);
        r.catalog.policies.emplace(p.key, p);
    }
    return Ok{};
}

} // namespace schemac::introspect
