// Publications: created with what they publish, altered by the members that
// leave and join them.

#include "steps/builders.h"

#include "catalog/quote.h"

#include <algorithm>

namespace schemac::steps {
using catalog::ObjectKey;
using catalog::Publication;
using catalog::quote_ident;

namespace {

std::string member_sql(const Publication::Member& m) {
    // ONLY: the table itself, not its inheritance children as members too.
    std::string sql = "TABLE ONLY " + catalog::qualified_name(m.table);
    if (!m.columns.empty())
        sql += " (" + m.columns + ")";
    if (!m.where.empty())
        sql += " WHERE (" + m.where + ")";
    return sql;
}

/// `TABLE ONLY a (x) WHERE (...), TABLES IN SCHEMA s`, as CREATE and ALTER
/// PUBLICATION ... ADD take it; DROP takes the tables without list or filter.
std::string members_sql(const std::vector<Publication::Member>& tables,
                        const std::vector<std::string>& schemas, bool with_filters) {
    std::string sql;
    for (auto m : tables) {
        if (!with_filters) {
            m.columns.clear();
            m.where.clear();
        }
        sql += (sql.empty() ? "" : ", ") + member_sql(m);
    }
    for (const auto& schema : schemas)
        sql += (sql.empty() ? "" : ", ") + std::string("TABLES IN SCHEMA ") + quote_ident(schema);
    return sql;
}

std::string options_sql(const Publication& p) {
    return "publish = " + catalog::quote_literal(p.publish) +
           ", publish_via_partition_root = " + (p.via_root ? "true" : "false");
}

/// Adding or dropping a table member takes SHARE UPDATE EXCLUSIVE on it; a
/// schema member locks no table.
void lock_tables(Step& step, const std::vector<Publication::Member>& tables) {
    for (const auto& m : tables)
        step.lock(m.table, LockMode::ShareUpdateExclusive);
}

} // namespace

Steps build(const diff::Create<Publication>& c, const Context&) {
    const Publication& p = c.object;
    std::string sql = "CREATE PUBLICATION " + quote_ident(p.key.name);
    if (p.all_tables)
        sql += " FOR ALL TABLES";
    else if (!p.tables.empty() || !p.schemas.empty())
        sql += " FOR " + members_sql(p.tables, p.schemas, true);
    if (p.publish != Publication{}.publish || p.via_root)
        sql += " WITH (" + options_sql(p) + ")";
    Step step = create_step(p.key, sql);
    step.provides.push_back(p.members());
    lock_tables(step, p.tables);
    return {step};
}

Steps build(const diff::AlterPublication& c, const Context&) {
    const Publication& from = c.from;
    const Publication& to = c.to;
    const std::string alter = "ALTER PUBLICATION " + quote_ident(to.key.name);
    auto rejoins = [&](const ObjectKey& table) {
        return std::ranges::find(c.rejoin, table) != c.rejoin.end();
    };
    auto member_of = [](const Publication& p, const Publication::Member& m) {
        return std::ranges::find(p.tables, m) != p.tables.end();
    };
    std::vector<Publication::Member> leave, join;
    for (const auto& m : from.tables)
        if (!member_of(to, m) || rejoins(m.table))
            leave.push_back(m);
    for (const auto& m : to.tables)
        if (!member_of(from, m) || rejoins(m.table))
            join.push_back(m);
    std::vector<std::string> leave_schemas, join_schemas;
    std::ranges::set_difference(from.schemas, to.schemas, std::back_inserter(leave_schemas));
    std::ranges::set_difference(to.schemas, from.schemas, std::back_inserter(join_schemas));

    // Members leave before what they name goes or changes (the step removes
    // them), and join once it exists as it ends up (the step provides them).
    auto members_step = [&](bool joining, const std::vector<Publication::Member>& tables,
                            const std::vector<std::string>& schemas) {
        Step step = make_step(to.key, Action::Alter,
                              alter + (joining ? " ADD " : " DROP ") +
                                  members_sql(tables, schemas, joining));
        step.detail = joining ? "members that join" : "members that leave";
        (joining ? step.provides : step.removes).push_back(to.members());
        lock_tables(step, tables);
        return step;
    };
    Steps out;
    if (!leave.empty() || !leave_schemas.empty())
        out.push_back(members_step(false, leave, leave_schemas));
    if (from.publish != to.publish || from.via_root != to.via_root)
        out.push_back(alter_step(to.key, alter + " SET (" + options_sql(to) + ")"));
    if (!join.empty() || !join_schemas.empty())
        out.push_back(members_step(true, join, join_schemas));
    return out;
}

Steps build(const diff::Drop<Publication>& c, const Context&) {
    Step step = drop_object(c.object.key, c.implied);
    step.removes.push_back(c.object.members());
    return {step};
}

} // namespace schemac::steps
