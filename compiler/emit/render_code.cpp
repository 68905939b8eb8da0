// Functions, procedures, views, materialized views and triggers (created
// from the definition PostgreSQL prints back, replaced in place where CREATE
// OR REPLACE allows it), policies, privileges and default privileges.

#include "emit/render.h"

#include "catalog/quote.h"

#include <cctype>

namespace schemac::emit {
using catalog::Kind;
using catalog::ObjectKey;
using diff::Action;
using diff::LockMode;
using diff::Step;

namespace {

/// Does a printed SQL body write to `table` (INSERT INTO, UPDATE, DELETE
/// FROM, MERGE INTO it)? pg_get_functiondef prints names qualified.
bool writes_to(const std::string& body, const ObjectKey& table) {
    std::string name = catalog::quote_qualified(table.schema, table.name);
    for (const char* verb : {"INSERT INTO ", "UPDATE ", "DELETE FROM ", "MERGE INTO "}) {
        std::string target = verb + name;
        for (auto at = body.find(target); at != std::string::npos; at = body.find(target, at + 1)) {
            char next = at + target.size() < body.size() ? body[at + target.size()] : ' ';
            if (!std::isalnum(static_cast<unsigned char>(next)) && next != '_' && next != '.' &&
                next != '"')
                return true;
        }
    }
    return false;
}

/// Analyzing the statements an object holds (a view's query, a SQL
/// function's body) locks each table they use: ACCESS SHARE to read it, ROW
/// EXCLUSIVE to write it. `body` is the printed definition. A function's body
/// is also rewritten, which expands the views it reads (`through_views`):
/// their tables are read too.
void lock_used_tables(Step& step, const ObjectKey& key, const Context& context,
                      const std::string& body, bool through_views = false) {
    for (const auto& dep : context.to.dependencies_of(key)) {
        const ObjectKey& used = dep.referenced;
        ObjectKey table = used.kind == Kind::Column ? catalog::table_of(used) : used;
        if (table.kind == Kind::Table)
            step.lock(table,
                      writes_to(body, table) ? LockMode::RowExclusive : LockMode::AccessShare);
        else if (through_views && used.kind == Kind::View)
            lock_used_tables(step, used, context, "", true);
    }
}

/// A SQL-language body is analyzed when the function is created, which locks
/// what it uses; a PL/pgSQL body is compiled without locking anything.
void lock_function_body(Step& step, const catalog::Function& f, const Context& context) {
    if (f.definition.find("\n LANGUAGE sql\n") != std::string::npos)
        lock_used_tables(step, f.key, context, f.definition, true);
}

std::string view_sql(const catalog::View& view, bool replace) {
    bool materialized = view.key.kind == Kind::MaterializedView;
    return std::string(replace ? "CREATE OR REPLACE " : "CREATE ") +
           (materialized ? "MATERIALIZED VIEW " : "VIEW ") +
           catalog::quote_qualified(view.key.schema, view.key.name) +
           (view.options.empty() ? "" : " WITH (" + view.options + ")") + " AS\n" + view.definition;
}

} // namespace

Steps render(const diff::Create<catalog::Function>& c, const Context& context) {
    Step step = make_step(c.object.key, Action::Create, c.object.definition);
    lock_function_body(step, c.object, context);
    step.provides.push_back(c.object.key);
    return {step};
}

Steps render(const diff::Alter<catalog::Function>& c, const Context& context) {
    Step step = make_step(c.to.key, Action::Alter, c.to.definition);
    step.detail = "CREATE OR REPLACE";
    lock_function_body(step, c.to, context);
    step.modifies.push_back(c.to.key);
    return {step};
}

Steps render(const diff::Drop<catalog::Function>& c, const Context&) {
    const ObjectKey& key = c.object.key;
    Step step = make_step(key, Action::Drop,
                          "DROP " + std::string(catalog::kind_info(key.kind).keyword) + " " +
                              catalog::qualified_name(key));
    step.removes.push_back(key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    return {step};
}

Steps render(const diff::Create<catalog::View>& c, const Context& context) {
    Step step = make_step(c.object.key, Action::Create, view_sql(c.object, false));
    lock_used_tables(step, c.object.key, context, c.object.definition);
    step.provides.push_back(c.object.key);
    return {step};
}

Steps render(const diff::Alter<catalog::View>& c, const Context& context) {
    Step step = make_step(c.to.key, Action::Alter, view_sql(c.to, true));
    step.detail = "CREATE OR REPLACE";
    lock_used_tables(step, c.to.key, context, c.to.definition);
    step.modifies.push_back(c.to.key);
    return {step};
}

Steps render(const diff::Drop<catalog::View>& c, const Context&) {
    const ObjectKey& key = c.object.key;
    Step step = make_step(key, Action::Drop,
                          "DROP " + std::string(catalog::kind_info(key.kind).keyword) + " " +
                              catalog::qualified_name(key));
    step.removes.push_back(key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    return {step};
}

Steps render(const diff::Create<catalog::Trigger>& c, const Context&) {
    Step step = make_step(c.object.key, Action::Create, c.object.definition);
    step.lock(catalog::table_of(c.object.key), LockMode::ShareRowExclusive);
    step.provides.push_back(c.object.key);
    return {step};
}

Steps render(const diff::Drop<catalog::Trigger>& c, const Context&) {
    const ObjectKey& key = c.object.key;
    Step step = make_step(key, Action::Drop, "DROP TRIGGER " + catalog::qualified_name(key));
    step.lock(catalog::table_of(key), LockMode::AccessExclusive);
    step.removes.push_back(key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    return {step};
}

namespace {

/// `TO roles USING (...) WITH CHECK (...)`, as CREATE and ALTER POLICY take them.
std::string policy_clauses(const catalog::Policy& p) {
    std::string out = " TO " + p.roles;
    if (p.using_expr)
        out += " USING (" + *p.using_expr + ")";
    if (p.check_expr)
        out += " WITH CHECK (" + *p.check_expr + ")";
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

Steps render(const diff::Create<catalog::Policy>& c, const Context&) {
    const catalog::Policy& p = c.object;
    Step step = make_step(p.key, Action::Create,
                          "CREATE POLICY " + catalog::qualified_name(p.key) +
                              (p.permissive ? "" : " AS RESTRICTIVE") +
                              std::string(policy_command(p.command)) + policy_clauses(p));
    step.lock(catalog::table_of(p.key), LockMode::AccessExclusive);
    step.provides.push_back(p.key);
    return {step};
}

Steps render(const diff::Alter<catalog::Policy>& c, const Context&) {
    Step step =
        make_step(c.to.key, Action::Alter,
                  "ALTER POLICY " + catalog::qualified_name(c.to.key) + policy_clauses(c.to));
    step.lock(catalog::table_of(c.to.key), LockMode::AccessExclusive);
    step.modifies.push_back(c.to.key);
    return {step};
}

Steps render(const diff::Drop<catalog::Policy>& c, const Context&) {
    const ObjectKey& key = c.object.key;
    Step step = make_step(key, Action::Drop, "DROP POLICY " + catalog::qualified_name(key));
    step.lock(catalog::table_of(key), LockMode::AccessExclusive);
    step.removes.push_back(key);
    return {step};
}

namespace {

/// `TABLE public.t`, `FUNCTION public.f(integer)`: the object as GRANT names it.
std::string privilege_target(const ObjectKey& key) {
    switch (key.kind) {
    case Kind::Column:
        return "TABLE " + catalog::quote_qualified(key.schema, key.parent);
    case Kind::View:
    case Kind::MaterializedView:
        return "TABLE " + catalog::qualified_name(key);
    case Kind::Enum:
        return "TYPE " + catalog::qualified_name(key);
    default:
        return std::string(catalog::kind_info(key.kind).keyword) + " " +
               catalog::qualified_name(key);
    }
}

/// `SELECT, INSERT` or, for a column, `SELECT (email), INSERT (email)`.
std::string privilege_list(const std::vector<catalog::Privilege>& privileges) {
    std::string out;
    for (const auto& p : privileges)
        out +=
            (out.empty() ? "" : ", ") + p.privilege +
            (p.object.kind == Kind::Column ? " (" + catalog::quote_ident(p.object.name) + ")" : "");
    return out;
}

} // namespace

Steps render(const diff::SetPrivileges& c, const Context&) {
    Step step;
    step.key = c.target;
    step.action = Action::Alter;
    step.detail = "privileges of " + c.grantee;
    std::string on = " ON " + privilege_target(c.target);
    if (!c.revoke.empty())
        step.statements.push_back("REVOKE " + privilege_list(c.revoke) + on + " FROM " + c.grantee);
    std::vector<catalog::Privilege> plain, with_option;
    for (const auto& p : c.grant)
        (p.grantable ? with_option : plain).push_back(p);
    if (!plain.empty())
        step.statements.push_back("GRANT " + privilege_list(plain) + on + " TO " + c.grantee);
    if (!with_option.empty())
        step.statements.push_back("GRANT " + privilege_list(with_option) + on + " TO " + c.grantee +
                                  " WITH GRANT OPTION");
    step.touches.push_back(c.target);
    return {step};
}

Steps render(const diff::SetDefaultPrivileges& c, const Context&) {
    std::string objects = c.objects == 'S'   ? "SEQUENCES"
                          : c.objects == 'f' ? "FUNCTIONS"
                          : c.objects == 'T' ? "TYPES"
                          : c.objects == 'n' ? "SCHEMAS"
                                             : "TABLES";
    std::string alter =
        "ALTER DEFAULT PRIVILEGES" + (c.role.empty() ? "" : " FOR ROLE " + c.role) +
        (c.target.name.empty() ? "" : " IN SCHEMA " + catalog::quote_ident(c.target.name));
    auto list = [](const std::vector<catalog::DefaultPrivilege>& privileges) {
        std::string out;
        for (const auto& p : privileges)
            out += (out.empty() ? "" : ", ") + p.privilege;
        return out;
    };
    Step step;
    step.key = c.target;
    step.action = Action::Alter;
    step.detail = "default privileges" + (c.role.empty() ? "" : " of " + c.role) + " on " +
                  objects + " for " + c.grantee;
    if (!c.revoke.empty())
        step.statements.push_back(alter + " REVOKE " + list(c.revoke) + " ON " + objects +
                                  " FROM " + c.grantee);
    std::vector<catalog::DefaultPrivilege> plain, with_option;
    for (const auto& p : c.grant)
        (p.grantable ? with_option : plain).push_back(p);
    if (!plain.empty())
        step.statements.push_back(alter + " GRANT " + list(plain) + " ON " + objects + " TO " +
                                  c.grantee);
    if (!with_option.empty())
        step.statements.push_back(alter + " GRANT " + list(with_option) + " ON " + objects +
                                  " TO " + c.grantee + " WITH GRANT OPTION");
    if (!c.target.name.empty())
        step.touches.push_back(c.target);
    return {step};
}

} // namespace schemac::emit
