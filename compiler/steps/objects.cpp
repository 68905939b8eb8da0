// Schemas, extensions, enums, range types, collations, extended statistics,
// sequences and comments.

#include "steps/build.h"
#include "steps/builders.h"
#include "steps/sequence_options.h"

#include "catalog/printed.h"
#include "catalog/quote.h"

#include <algorithm>

namespace schemac::steps {
using catalog::ObjectKey;
using catalog::quote_ident;
using catalog::quote_literal;
using catalog::quote_qualified;

Step make_step(const ObjectKey& key, Action action, std::string sql) {
    Step step;
    step.key = key;
    step.action = action;
    step.statements.push_back(std::move(sql));
    return step;
}

Step drop_step(const ObjectKey& key, std::string sql, const std::vector<ObjectKey>& implied) {
    Step step = make_step(key, Action::Drop, std::move(sql));
    step.removes.push_back(key);
    step.removes.insert(step.removes.end(), implied.begin(), implied.end());
    return step;
}

Step create_step(const ObjectKey& key, std::string sql) {
    Step step = make_step(key, Action::Create, std::move(sql));
    step.provides.push_back(key);
    return step;
}

Step alter_step(const ObjectKey& key, std::string sql) {
    Step step = make_step(key, Action::Alter, std::move(sql));
    step.modifies.push_back(key);
    return step;
}

Step drop_object(const ObjectKey& key, const std::vector<ObjectKey>& implied) {
    return drop_step(key,
                     "DROP " + std::string(catalog::kind_info(key.kind).keyword) + " " +
                         catalog::qualified_name(key),
                     implied);
}

namespace {

std::string name_of(const ObjectKey& key) {
    return quote_qualified(key.schema, key.name);
}

std::string literal_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + quote_literal(v);
    return out;
}

} // namespace

Steps build(const diff::Create<catalog::Schema>& c, const Context&) {
    return {create_step(c.object.key, "CREATE SCHEMA " + quote_ident(c.object.key.name))};
}

Steps build(const diff::Drop<catalog::Schema>& c, const Context&) {
    auto step = drop_step(c.object.key, "DROP SCHEMA " + quote_ident(c.object.key.name), c.implied);
    return {step};
}

Steps build(const diff::Create<catalog::Extension>& c, const Context&) {
    return {create_step(c.object.key, "CREATE EXTENSION " + quote_ident(c.object.key.name) +
                                          " WITH SCHEMA " + quote_ident(c.object.schema))};
}

Steps build(const diff::Drop<catalog::Extension>& c, const Context&) {
    return {drop_step(c.object.key, "DROP EXTENSION " + quote_ident(c.object.key.name), c.implied)};
}

Steps build(const diff::Create<catalog::EnumType>& c, const Context&) {
    return {create_step(c.object.key, "CREATE TYPE " + name_of(c.object.key) + " AS ENUM (" +
                                          literal_list(c.object.values) + ")")};
}

Steps build(const diff::Drop<catalog::EnumType>& c, const Context&) {
    return {drop_step(c.object.key, "DROP TYPE " + name_of(c.object.key), c.implied)};
}

Steps build(const diff::Create<catalog::RangeType>& c, const Context&) {
    const catalog::RangeType& t = c.object;
    std::string sql = "CREATE TYPE " + name_of(t.key) + " AS RANGE (subtype = " + t.subtype;
    if (t.opclass)
        sql += ", subtype_opclass = " + *t.opclass;
    if (t.collation)
        sql += ", collation = " + *t.collation;
    if (t.canonical)
        sql += ", canonical = " + *t.canonical;
    if (t.subtype_diff)
        sql += ", subtype_diff = " + *t.subtype_diff;
    if (!t.multirange.empty())
        sql += ", multirange_type_name = " + t.multirange;
    return {create_step(t.key, sql + ")")};
}

Steps build(const diff::Drop<catalog::RangeType>& c, const Context&) {
    return {drop_step(c.object.key, "DROP TYPE " + name_of(c.object.key), c.implied)};
}

Steps build(const diff::Create<catalog::Collation>& c, const Context&) {
    const catalog::Collation& o = c.object;
    std::string sql = "CREATE COLLATION " + name_of(o.key) + " (provider = " + o.provider;
    if (o.provider == "libc")
        sql +=
            ", lc_collate = " + quote_literal(o.collate) + ", lc_ctype = " + quote_literal(o.ctype);
    else
        sql += ", locale = " + quote_literal(o.locale);
    if (!o.deterministic)
        sql += ", deterministic = false";
    return {create_step(o.key, sql + ")")};
}

Steps build(const diff::Drop<catalog::Collation>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

namespace {

/// ALTER STATISTICS ... SET STATISTICS to its target (-1: the default).
std::string statistics_target(const catalog::Statistics& s) {
    return "ALTER STATISTICS " + name_of(s.key) + " SET STATISTICS " + std::to_string(s.target);
}

} // namespace

// CREATE and DROP STATISTICS take SHARE UPDATE EXCLUSIVE on the table: they
// read no row (ANALYZE fills the statistics later).
Steps build(const diff::Create<catalog::Statistics>& c, const Context&) {
    const catalog::Statistics& s = c.object;
    Step step = create_step(s.key, catalog::pin_array_casts(s.definition));
    if (s.target != -1)
        step.statements.push_back(statistics_target(s));
    step.lock(s.table, LockMode::ShareUpdateExclusive);
    return {step};
}

Steps build(const diff::Alter<catalog::Statistics>& c, const Context&) {
    return {alter_step(c.to.key, statistics_target(c.to))};
}

Steps build(const diff::Drop<catalog::Statistics>& c, const Context&) {
    Step step = drop_object(c.object.key, c.implied);
    step.lock(c.object.table, LockMode::ShareUpdateExclusive);
    return {step};
}

Steps build(const diff::AddEnumValues& c, const Context&) {
    // Each new value goes right after its predecessor in the desired order (or
    // before the first old value when it leads), so the final order is exact.
    // A value cannot be used before the transaction that added it commits
    // ("unsafe use of new value"): each is added on its own, outside a
    // transaction, IF NOT EXISTS so that a resumed run may add it again.
    Steps out;
    const auto& values = c.to.values;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::ranges::find(c.from.values, values[i]) != c.from.values.end())
            continue;
        std::string sql = "ALTER TYPE " + name_of(c.to.key) + " ADD VALUE IF NOT EXISTS " +
                          quote_literal(values[i]);
        if (i > 0) {
            sql += " AFTER " + quote_literal(values[i - 1]);
        } else {
            auto next = std::ranges::find_if(values, [&](const std::string& v) {
                return std::ranges::find(c.from.values, v) != c.from.values.end();
            });
            if (next != values.end())
                sql += " BEFORE " + quote_literal(*next);
        }
        Step step = alter_step(c.to.key, sql);
        step.transactional = false;
        out.push_back(std::move(step));
    }
    return out;
}

Steps build(const diff::RebuildEnum& c, const Context&) {
    // PostgreSQL cannot remove or reorder enum values: rename the old type
    // away, create the new one, convert every column through text, drop the old.
    std::string name = name_of(c.to.key);
    std::string old_name = temporary_name(c.to.key.name, "__schemac_old");
    Step step = make_step(c.to.key, Action::Alter,
                          "ALTER TYPE " + name + " RENAME TO " + quote_ident(old_name));
    step.statements.push_back("CREATE TYPE " + name + " AS ENUM (" + literal_list(c.to.values) +
                              ")");
    for (const auto& use : c.columns) {
        std::string table = alter_table(use.to.key);
        std::string column = quote_ident(use.to.key.name);
        bool array = use.to.type.ends_with("[]");
        if (use.from.default_expr)
            step.statements.push_back(table + "ALTER COLUMN " + column + " DROP DEFAULT");
        step.statements.push_back(table + "ALTER COLUMN " + column + " TYPE " + use.to.type +
                                  " USING " + column + "::text" + (array ? "[]" : "") +
                                  "::" + use.to.type);
        if (use.to.default_expr && use.to.default_expr == use.from.default_expr)
            step.statements.push_back(table + "ALTER COLUMN " + column + " SET DEFAULT " +
                                      *use.to.default_expr);
        step.modifies.push_back(use.to.key);
        step.lock(catalog::relation_key(catalog::Kind::Table, use.to.key.schema, use.to.key.parent),
                  LockMode::AccessExclusive);
    }
    step.statements.push_back("DROP TYPE " + quote_qualified(c.to.key.schema, old_name));
    step.modifies.push_back(c.to.key);
    // A new type: its comment, grants and owner are set after it.
    step.provides.push_back(c.to.key);
    std::vector<std::string> removed;
    for (const auto& v : c.from.values)
        if (std::ranges::find(c.to.values, v) == c.to.values.end())
            removed.push_back(v);
    std::string message = "rebuilds type " + name + " and converts the columns that use it";
    step.checks_rows = !removed.empty() && !c.columns.empty();
    if (!removed.empty())
        message += "; rows holding removed value(s) " + literal_list(removed) + " make it fail";
    step.hazards.push_back({HazardKind::EnumRebuild, message});
    return {step};
}

Steps build(const diff::Create<catalog::Sequence>& c, const Context&) {
    return {create_step(c.object.key, "CREATE SEQUENCE " + name_of(c.object.key) +
                                          joined(creation_clauses(c.object.options, true), " "))};
}

Steps build(const diff::Drop<catalog::Sequence>& c, const Context&) {
    return {drop_step(c.object.key, "DROP SEQUENCE " + name_of(c.object.key), c.implied)};
}

Steps build(const diff::Alter<catalog::Sequence>& c, const Context&) {
    auto clauses = changed_clauses(c.from.options, c.to.options, true);
    Step step = alter_step(c.to.key, "ALTER SEQUENCE " + name_of(c.to.key) + joined(clauses, " "));
    if (auto move = value_into_range(c.from.options, c.to.options, name_of(c.to.key)))
        step.statements.insert(step.statements.begin(), *move);
    return {step};
}

Steps build(const diff::SetOwnedBy& c, const Context&) {
    const auto& owner = c.sequence.owned_by;
    std::string target = owner ? catalog::qualified_name(*owner) : "NONE";
    Step step = make_step(c.sequence.key, Action::Alter,
                          "ALTER SEQUENCE " + name_of(c.sequence.key) + " OWNED BY " + target);
    step.touches.push_back(c.sequence.key);
    if (c.releases)
        step.releases.push_back(c.sequence.key);
    if (owner) {
        step.needs.push_back(*owner);
        step.lock(catalog::table_of(*owner), LockMode::AccessShare);
    }
    return {step};
}

namespace {

/// `TABLE public.t`, `FOREIGN TABLE public.f`, `FUNCTION public.f(integer)`:
/// the object as COMMENT ON and ALTER ... OWNER TO name it.
std::string object_words(const ObjectKey& target, const Context& context) {
    auto table = context.to.tables.find(target);
    bool foreign = table != context.to.tables.end() && table->second.server;
    return std::string(foreign ? "FOREIGN " : "") +
           std::string(catalog::kind_info(target.kind).keyword) + " " +
           catalog::qualified_name(target);
}

} // namespace

Steps build(const diff::SetComment& c, const Context& context) {
    std::string sql = "COMMENT ON " + object_words(c.target, context) + " IS " +
                      (c.comment ? quote_literal(*c.comment) : "NULL");
    Step step = make_step(c.target, Action::Comment, sql);
    // COMMENT ON locks what it comments on, or the table that holds it.
    if (auto mode = catalog::kind_info(c.target.kind).comment_lock)
        step.lock(catalog::table_of_object(c.target), *mode);
    step.touches.push_back(c.target);
    if (c.within)
        step.touches.push_back(*c.within);
    return {step};
}

Steps build(const diff::SetOwner& c, const Context& context) {
    std::string sql = "ALTER " + object_words(c.target, context) + " OWNER TO " +
                      (c.owner.empty() ? "CURRENT_USER" : quote_ident(c.owner));
    Step step = make_step(c.target, Action::Alter, sql);
    step.detail = "owner";
    step.modifies.push_back(catalog::facet_of(c.target, catalog::Facet::Owner));
    // Its indexes and the sequences its columns own go with a table, not
    // its partitions.
    if (c.target.kind == catalog::Kind::Table) {
        step.lock(c.target, LockMode::AccessExclusive);
        step.parent_alone = true;
    }
    step.touches.push_back(c.target);
    return {step};
}

namespace {

/// Checking a domain's new constraint scans every column of that domain,
/// under SHARE on its table.
void lock_domain_users(Step& step, const ObjectKey& domain, const Context& context) {
    for (const auto& dep : context.from.dependencies)
        if (dep.referenced == domain && dep.dependent.kind == catalog::Kind::Column)
            step.lock(catalog::table_of(dep.dependent), LockMode::Share);
}

} // namespace

Steps build(const diff::Create<catalog::Domain>& c, const Context&) {
    const catalog::Domain& d = c.object;
    std::string sql = "CREATE DOMAIN " + name_of(d.key) + " AS " + d.base_type;
    if (d.collation)
        sql += " COLLATE " + *d.collation;
    if (d.default_expr)
        sql += " DEFAULT " + *d.default_expr;
    if (d.not_null)
        sql += " NOT NULL";
    // CREATE DOMAIN takes no NOT VALID: such a check is added after it.
    std::vector<std::string> not_valid;
    for (const auto& [name, definition] : d.checks) {
        if (definition.ends_with(" NOT VALID"))
            not_valid.push_back("ALTER DOMAIN " + name_of(d.key) + " ADD CONSTRAINT " +
                                quote_ident(name) + " " + catalog::pin_array_casts(definition));
        else
            sql += " CONSTRAINT " + quote_ident(name) + " " + catalog::pin_array_casts(definition);
    }
    Step step = create_step(d.key, sql);
    std::ranges::move(not_valid, std::back_inserter(step.statements));
    return {step};
}

Steps build(const diff::Alter<catalog::Domain>& c, const Context& context) {
    const catalog::Domain& from = c.from;
    const catalog::Domain& to = c.to;
    std::string alter = "ALTER DOMAIN " + name_of(to.key) + " ";
    Step step;
    step.key = to.key;
    step.action = Action::Alter;
    if (from.default_expr != to.default_expr)
        step.statements.push_back(
            alter + (to.default_expr ? "SET DEFAULT " + *to.default_expr : "DROP DEFAULT"));
    for (const auto& [name, definition] : from.checks)
        if (auto kept = to.checks.find(name); kept == to.checks.end() || kept->second != definition)
            step.statements.push_back(alter + "DROP CONSTRAINT " + quote_ident(name));
    bool scans = false;
    if (from.not_null != to.not_null) {
        step.statements.push_back(alter + (to.not_null ? "SET NOT NULL" : "DROP NOT NULL"));
        scans = to.not_null;
    }
    for (const auto& [name, definition] : to.checks)
        if (auto old = from.checks.find(name);
            old == from.checks.end() || old->second != definition) {
            step.statements.push_back(alter + "ADD CONSTRAINT " + quote_ident(name) + " " +
                                      catalog::pin_array_casts(definition));
            scans = scans || !definition.ends_with(" NOT VALID");
        }
    if (scans)
        lock_domain_users(step, to.key, context);
    step.checks_rows = scans;
    if (scans)
        step.hazards.push_back(needs_data("values of " + name_of(to.key) +
                                          " in the columns that use it that break it"));
    step.modifies.push_back(to.key);
    return {step};
}

Steps build(const diff::Drop<catalog::Domain>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

Steps build(const diff::Create<catalog::CompositeType>& c, const Context&) {
    std::string body;
    for (const auto& a : c.object.attributes)
        body += (body.empty() ? "\n    " : ",\n    ") + quote_ident(a.name) + " " + a.type;
    return {create_step(c.object.key, "CREATE TYPE " + name_of(c.object.key) + " AS (" + body +
                                          (body.empty() ? ")" : "\n)"))};
}

Steps build(const diff::Alter<catalog::CompositeType>& c, const Context&) {
    // One ALTER TYPE with every action, so the attributes change together.
    std::vector<std::string> actions;
    auto find = [](const auto& list, const std::string& name) {
        return std::ranges::find(list, name, &catalog::CompositeType::Attribute::name);
    };
    for (const auto& a : c.from.attributes)
        if (find(c.to.attributes, a.name) == c.to.attributes.end())
            actions.push_back("DROP ATTRIBUTE " + quote_ident(a.name));
    for (const auto& a : c.to.attributes) {
        auto old = find(c.from.attributes, a.name);
        if (old == c.from.attributes.end())
            actions.push_back("ADD ATTRIBUTE " + quote_ident(a.name) + " " + a.type);
        else if (old->type != a.type)
            actions.push_back("ALTER ATTRIBUTE " + quote_ident(a.name) + " TYPE " + a.type);
    }
    std::string sql = "ALTER TYPE " + name_of(c.to.key);
    for (std::size_t i = 0; i < actions.size(); ++i)
        sql += (i ? ", " : " ") + actions[i];
    if (actions.empty())
        return {};
    return {alter_step(c.to.key, sql)};
}

Steps build(const diff::Drop<catalog::CompositeType>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

} // namespace schemac::steps
