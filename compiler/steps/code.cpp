// Functions, procedures, views, materialized views, triggers and rules
// (created from the definition PostgreSQL prints back, replaced in place where
// CREATE OR REPLACE allows it), policies, privileges and default privileges.

#include "steps/builders.h"

#include "catalog/printed.h"
#include "catalog/quote.h"

#include <set>

namespace schemac::steps {
using catalog::Kind;
using catalog::ObjectKey;

namespace {

/// Analyzing the statements an object holds (a view's query, a SQL
/// function's body) locks each table they use: ACCESS SHARE to read it, ROW
/// EXCLUSIVE to write it (`written`). A function's body is also rewritten,
/// which expands the views it reads (`through_views`): their tables are read
/// too.
void lock_used_tables(Step& step, const ObjectKey& key, const Context& context,
                      const std::set<ObjectKey>& written = {}, bool through_views = false) {
    for (const auto& dep : context.to.dependencies_of(key)) {
        const ObjectKey& used = dep.referenced;
        ObjectKey table = used.kind == Kind::Column ? catalog::table_of(used) : used;
        if (table.kind == Kind::Table)
            step.lock(table,
                      written.contains(table) ? LockMode::RowExclusive : LockMode::AccessShare);
        else if (through_views && used.kind == Kind::View)
            lock_used_tables(step, used, context, {}, true);
    }
}

/// Running a query (a materialized view filled at creation) also runs the
/// SQL functions it calls, which lock what their bodies use, and the functions
/// those call in turn (`seen` stops at recursion).
void lock_executed_tables(Step& step, const ObjectKey& key, const Context& context,
                          std::set<ObjectKey>& seen) {
    if (!seen.insert(key).second)
        return;
    auto function = context.to.functions.find(key);
    bool is_function = function != context.to.functions.end();
    if (is_function && function->second.language != "sql")
        return;
    lock_used_tables(step, key, context,
                     is_function ? function->second.writes : std::set<ObjectKey>{}, true);
    for (const auto& dep : context.to.dependencies_of(key))
        if (dep.referenced.kind == Kind::Function || dep.referenced.kind == Kind::View)
            lock_executed_tables(step, dep.referenced, context, seen);
}

/// A SQL-language body is analyzed when the function is created, which locks
/// what it uses; a PL/pgSQL body is compiled without locking anything.
void lock_function_body(Step& step, const catalog::Function& f, const Context& context) {
    if (f.language == "sql")
        lock_used_tables(step, f.key, context, f.writes, true);
}

std::string view_sql(const catalog::View& view, bool replace) {
    return std::string(replace ? "CREATE OR REPLACE " : "CREATE ") +
           std::string(catalog::kind_info(view.key.kind).keyword) + " " +
           catalog::quote_qualified(view.key.schema, view.key.name) +
           (view.options.empty() ? "" : " WITH (" + view.options + ")") + " AS\n" +
           catalog::pin_array_casts(view.definition);
}

} // namespace

Steps build(const diff::Create<catalog::Function>& c, const Context& context) {
    Step step = create_step(c.object.key, c.object.definition);
    lock_function_body(step, c.object, context);
    return {step};
}

Steps build(const diff::Alter<catalog::Function>& c, const Context& context) {
    Step step = alter_step(c.to.key, c.to.definition);
    step.detail = "CREATE OR REPLACE";
    lock_function_body(step, c.to, context);
    return {step};
}

Steps build(const diff::Drop<catalog::Function>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

Steps build(const diff::Create<catalog::View>& c, const Context& context) {
    Step step = create_step(c.object.key, view_sql(c.object, false));
    lock_used_tables(step, c.object.key, context);
    if (c.object.key.kind == Kind::MaterializedView) {
        std::set<ObjectKey> seen;
        lock_executed_tables(step, c.object.key, context, seen);
    }
    return {step};
}

Steps build(const diff::Alter<catalog::View>& c, const Context& context) {
    Step step = alter_step(c.to.key, view_sql(c.to, true));
    step.detail = "CREATE OR REPLACE";
    lock_used_tables(step, c.to.key, context);
    return {step};
}

Steps build(const diff::Drop<catalog::View>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

namespace {

/// What ALTER says for the state of a trigger, rule or event trigger
/// (pg_trigger.tgenabled, pg_rewrite.ev_enabled, pg_event_trigger.evtenabled:
/// O, D, R or A).
std::string enabled_words(char enabled) {
    return enabled == 'D'   ? "DISABLE"
           : enabled == 'R' ? "ENABLE REPLICA"
           : enabled == 'A' ? "ENABLE ALWAYS"
                            : "ENABLE";
}

/// `ALTER TABLE t DISABLE TRIGGER x` and the like: the state of a trigger or
/// rule.
std::string enabled_state(const ObjectKey& key, char enabled) {
    return alter_table(key) + enabled_words(enabled) + " " +
           std::string(catalog::kind_info(key.kind).keyword) + " " + catalog::quote_ident(key.name);
}

} // namespace

Steps build(const diff::Create<catalog::Trigger>& c, const Context&) {
    Step step = create_step(c.object.key, catalog::pin_array_casts(c.object.definition));
    if (c.object.enabled != 'O')
        step.statements.push_back(enabled_state(c.object.key, c.object.enabled));
    step.lock(catalog::table_of(c.object.key), LockMode::ShareRowExclusive);
    return {step};
}

Steps build(const diff::Alter<catalog::Trigger>& c, const Context&) {
    Step step = alter_step(c.to.key, enabled_state(c.to.key, c.to.enabled));
    step.lock(catalog::table_of(c.to.key), LockMode::ShareRowExclusive);
    return {step};
}

Steps build(const diff::Drop<catalog::Trigger>& c, const Context&) {
    Step step = drop_object(c.object.key, c.implied);
    step.lock(catalog::table_of(c.object.key), LockMode::AccessExclusive);
    return {step};
}

namespace {

/// CREATE [OR REPLACE] RULE, then its state when not the default: under
/// ACCESS EXCLUSIVE on its table, and the locks analyzing its actions takes.
Step rule_step(const catalog::Rule& rule, const Context& context, bool replace) {
    std::string sql = rule.definition;
    if (replace && sql.starts_with("CREATE RULE"))
        sql.replace(0, std::string_view("CREATE RULE").size(), "CREATE OR REPLACE RULE");
    Step step = replace ? alter_step(rule.key, sql) : create_step(rule.key, sql);
    if (replace)
        step.detail = "CREATE OR REPLACE";
    if (rule.enabled != 'O')
        step.statements.push_back(enabled_state(rule.key, rule.enabled));
    lock_used_tables(step, rule.key, context, rule.writes);
    step.lock(catalog::table_of(rule.key), LockMode::AccessExclusive);
    return step;
}

} // namespace

Steps build(const diff::Create<catalog::Rule>& c, const Context& context) {
    return {rule_step(c.object, context, false)};
}

Steps build(const diff::Alter<catalog::Rule>& c, const Context& context) {
    if (c.from.definition != c.to.definition) {
        // Whatever state CREATE OR REPLACE leaves, the one wanted is set.
        Step step = rule_step(c.to, context, true);
        if (c.to.enabled == 'O' && c.from.enabled != 'O')
            step.statements.push_back(enabled_state(c.to.key, c.to.enabled));
        return {step};
    }
    Step step = alter_step(c.to.key, enabled_state(c.to.key, c.to.enabled));
    step.lock(catalog::table_of(c.to.key), LockMode::AccessExclusive);
    return {step};
}

Steps build(const diff::Drop<catalog::Rule>& c, const Context&) {
    Step step = drop_object(c.object.key, c.implied);
    step.lock(catalog::table_of(c.object.key), LockMode::AccessExclusive);
    return {step};
}

namespace {

std::string event_trigger_state(const catalog::EventTrigger& t) {
    return "ALTER EVENT TRIGGER " + catalog::quote_ident(t.key.name) + " " +
           enabled_words(t.enabled);
}

} // namespace

Steps build(const diff::Create<catalog::EventTrigger>& c, const Context&) {
    const catalog::EventTrigger& t = c.object;
    std::string sql = "CREATE EVENT TRIGGER " + catalog::quote_ident(t.key.name) + " ON " +
                      catalog::quote_ident(t.event);
    if (!t.tags.empty()) {
        std::string tags;
        for (const auto& tag : t.tags)
            tags += (tags.empty() ? "" : ", ") + catalog::quote_literal(tag);
        sql += " WHEN TAG IN (" + tags + ")";
    }
    sql +=
        " EXECUTE FUNCTION " + catalog::quote_qualified(t.function.schema, t.function.name) + "()";
    Step step = create_step(t.key, sql);
    if (t.enabled != 'O')
        step.statements.push_back(event_trigger_state(t));
    step.needs.push_back(t.function);
    return {step};
}

Steps build(const diff::Alter<catalog::EventTrigger>& c, const Context&) {
    return {alter_step(c.to.key, event_trigger_state(c.to))};
}

Steps build(const diff::Drop<catalog::EventTrigger>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

namespace {

/// `TO roles USING (...) WITH CHECK (...)`, as CREATE and ALTER POLICY take them.
std::string policy_clauses(const catalog::Policy& p) {
    std::string out = " TO " + p.roles;
    if (p.using_expr)
        out += " USING (" + catalog::pin_array_casts(*p.using_expr) + ")";
    if (p.check_expr)
        out += " WITH CHECK (" + catalog::pin_array_casts(*p.check_expr) + ")";
    return out;
}

std::string_view policy_command(char command) {
    switch (command) {
    case 'r':
        return " FOR SELECT";
    case 'a':
        return " FOR INSERT";
    case 'w':
        return " FOR UPDATE";
    case 'd':
        return " FOR DELETE";
    default:
        return "";
    }
}

} // namespace

Steps build(const diff::Create<catalog::Policy>& c, const Context&) {
    const catalog::Policy& p = c.object;
    Step step = create_step(p.key, "CREATE POLICY " + catalog::qualified_name(p.key) +
                                       (p.permissive ? "" : " AS RESTRICTIVE") +
                                       std::string(policy_command(p.command)) + policy_clauses(p));
    step.lock(catalog::table_of(p.key), LockMode::AccessExclusive);
    return {step};
}

Steps build(const diff::Alter<catalog::Policy>& c, const Context&) {
    Step step = alter_step(c.to.key, "ALTER POLICY " + catalog::qualified_name(c.to.key) +
                                         policy_clauses(c.to));
    step.lock(catalog::table_of(c.to.key), LockMode::AccessExclusive);
    return {step};
}

Steps build(const diff::Drop<catalog::Policy>& c, const Context&) {
    Step step = drop_object(c.object.key, c.implied);
    step.lock(catalog::table_of(c.object.key), LockMode::AccessExclusive);
    return {step};
}

namespace {

/// `TABLE public.t`, `FUNCTION public.f(integer)`: the object as GRANT names it.
std::string privilege_target(const ObjectKey& key) {
    const auto& kind = catalog::kind_info(key.kind);
    // A column's privileges are granted on its table, naming the column.
    if (kind.naming == catalog::Naming::Routine)
        return std::string(kind.grant_keyword) + " " +
               catalog::quote_qualified(key.schema, key.name) + "(" + key.args + ")";
    return std::string(kind.grant_keyword) + " " +
           catalog::qualified_name(kind.altered_through_table ? catalog::table_of(key) : key);
}

/// `SELECT, INSERT` or, for a column, `SELECT (email), INSERT (email)`.
template <class P> std::string privilege_list(const std::vector<P>& privileges) {
    std::string out;
    for (const auto& p : privileges) {
        out += (out.empty() ? "" : ", ") + p.privilege;
        if constexpr (requires { p.object; })
            if (p.object.kind == Kind::Column)
                out += " (" + catalog::quote_ident(p.object.name) + ")";
    }
    return out;
}

/// `<head>REVOKE ... ON <on> FROM g`, then GRANT (WITH GRANT OPTION where due).
template <class P>
void grant_statements(Step& step, const std::string& head, const std::string& on,
                      const std::string& grantee, const std::vector<P>& revoke,
                      const std::vector<P>& grant) {
    if (!revoke.empty())
        step.statements.push_back(head + "REVOKE " + privilege_list(revoke) + " ON " + on +
                                  " FROM " + grantee);
    std::vector<P> plain, with_option;
    for (const auto& p : grant)
        (p.grantable ? with_option : plain).push_back(p);
    if (!plain.empty())
        step.statements.push_back(head + "GRANT " + privilege_list(plain) + " ON " + on + " TO " +
                                  grantee);
    if (!with_option.empty())
        step.statements.push_back(head + "GRANT " + privilege_list(with_option) + " ON " + on +
                                  " TO " + grantee + " WITH GRANT OPTION");
}

} // namespace

Steps build(const diff::SetPrivileges& c, const Context&) {
    Step step;
    step.key = c.target;
    step.action = Action::Alter;
    step.detail = "privileges of " + c.grantee;
    grant_statements(step, "", privilege_target(c.target), c.grantee, c.revoke, c.grant);
    step.touches.push_back(c.target);
    // After its owner changes (the owner's own entries go with it), but for
    // the role it is given to, before.
    auto owner =
        catalog::facet_of(c.target.kind == Kind::Column ? catalog::table_of(c.target) : c.target,
                          catalog::Facet::Owner);
    (c.before_owner ? step.removes : step.touches).push_back(std::move(owner));
    return {step};
}

Steps build(const diff::SetDefaultPrivileges& c, const Context&) {
    std::string objects = c.objects == 'S'   ? "SEQUENCES"
                          : c.objects == 'f' ? "FUNCTIONS"
                          : c.objects == 'T' ? "TYPES"
                          : c.objects == 'n' ? "SCHEMAS"
                                             : "TABLES";
    std::string head =
        "ALTER DEFAULT PRIVILEGES" + (c.role.empty() ? "" : " FOR ROLE " + c.role) +
        (c.target.name.empty() ? "" : " IN SCHEMA " + catalog::quote_ident(c.target.name)) + " ";
    Step step;
    step.key = c.target;
    step.action = Action::Alter;
    step.detail = "default privileges" + (c.role.empty() ? "" : " of " + c.role) + " on " +
                  objects + " for " + c.grantee;
    grant_statements(step, head, objects, c.grantee, c.revoke, c.grant);
    if (!c.target.name.empty())
        step.touches.push_back(c.target);
    step.modifies.push_back(catalog::default_privileges_key(c.target.name, c.objects));
    return {step};
}

} // namespace schemac::steps
