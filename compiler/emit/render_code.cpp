// Functions, procedures, views, materialized views and triggers: created from
// the definition PostgreSQL prints back, replaced in place where CREATE OR
// REPLACE allows it.

#include "emit/render.h"

#include "catalog/quote.h"

namespace schemac::emit {
using catalog::Kind;
using catalog::ObjectKey;
using diff::Action;
using diff::LockMode;
using diff::Step;

namespace {

/// Reading the tables an object uses (a view's query, a SQL function's
/// body) takes ACCESS SHARE on each.
void lock_used_tables(Step& step, const ObjectKey& key, const Context& context) {
    for (const auto& dep : context.to.dependencies_of(key)) {
        const ObjectKey& used = dep.referenced;
        if (used.kind == Kind::Table)
            step.lock(used, LockMode::AccessShare);
        else if (used.kind == Kind::Column)
            step.lock(catalog::table_of(used), LockMode::AccessShare);
    }
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
    lock_used_tables(step, c.object.key, context);
    step.provides.push_back(c.object.key);
    return {step};
}

Steps render(const diff::Alter<catalog::Function>& c, const Context& context) {
    Step step = make_step(c.to.key, Action::Alter, c.to.definition);
    step.detail = "CREATE OR REPLACE";
    lock_used_tables(step, c.to.key, context);
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
    lock_used_tables(step, c.object.key, context);
    step.provides.push_back(c.object.key);
    return {step};
}

Steps render(const diff::Alter<catalog::View>& c, const Context& context) {
    Step step = make_step(c.to.key, Action::Alter, view_sql(c.to, true));
    step.detail = "CREATE OR REPLACE";
    lock_used_tables(step, c.to.key, context);
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

} // namespace schemac::emit
