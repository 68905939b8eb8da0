// The step sort: edges from what steps provide and remove and from both
// catalogs' dependencies, the tie-break, comments after their object, and
// cycles.

#include "order/order_steps.h"

#include <doctest/doctest.h>

using namespace schemac;
using catalog::Kind;
using catalog::ObjectKey;
using steps::Action;
using steps::Step;

namespace {

ObjectKey table(const std::string& name) {
    return catalog::relation_key(Kind::Table, "public", name);
}

Step step(const ObjectKey& key, Action action) {
    Step s;
    s.key = key;
    s.action = action;
    s.statements = {steps::describe_step(s)};
    if (action == Action::Create)
        s.provides.push_back(key);
    else if (action == Action::Drop)
        s.removes.push_back(key);
    else if (action == Action::Alter)
        s.modifies.push_back(key);
    else
        s.touches.push_back(key);
    return s;
}

std::vector<std::string> sorted_steps(std::vector<Step> steps, const catalog::Catalog& from,
                                      const catalog::Catalog& to) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        steps[i].change = i;
    auto sorted = order::order_steps(steps, from, to);
    REQUIRE(std::holds_alternative<std::vector<Step>>(sorted));
    std::vector<std::string> out;
    for (const auto& s : std::get<std::vector<Step>>(sorted))
        out.push_back(steps::describe_step(s));
    return out;
}

} // namespace

TEST_CASE("creates follow what they use; drops precede what they used; expand comes first") {
    catalog::Catalog from, to;
    // In the target, b references a; in the current state, y references x.
    to.dependencies.insert({table("b"), table("a")});
    from.dependencies.insert({table("y"), table("x")});
    auto sorted = sorted_steps({step(table("b"), Action::Create), step(table("x"), Action::Drop),
                                step(table("a"), Action::Create), step(table("y"), Action::Drop)},
                               from, to);
    CHECK(sorted == std::vector<std::string>{"create table public.a", "create table public.b",
                                             "drop table public.y", "drop table public.x"});
}

TEST_CASE("free steps go by phase (expand, check rows, remove), then by kind priority, then by "
          "name") {
    catalog::Catalog none;
    auto sorted = sorted_steps(
        {step(catalog::relation_key(Kind::Index, "public", "i"), Action::Create),
         step(table("t"), Action::Create), step(catalog::schema_key("s"), Action::Create),
         step(catalog::relation_key(Kind::View, "public", "v"), Action::Drop),
         step(table("old"), Action::Drop)},
        none, none);
    CHECK(sorted == std::vector<std::string>{"create schema s", "create table public.t",
                                             "create index public.i", "drop view public.v",
                                             "drop table public.old"});
    // What checks rows goes before anything is dropped.
    Step validate = step(table("t"), Action::Alter);
    validate.checks_rows = true;
    auto contract = sorted_steps({step(table("old"), Action::Drop), validate}, none, none);
    CHECK(contract == std::vector<std::string>{"alter table public.t", "drop table public.old"});
}

TEST_CASE("what goes frees its name before another kind of object takes it") {
    catalog::Catalog none;
    // A table replaced by a view of its name, an index by a sequence: the
    // relation names are one namespace.
    auto sorted =
        sorted_steps({step(catalog::relation_key(Kind::View, "public", "x"), Action::Create),
                      step(table("x"), Action::Drop),
                      step(catalog::relation_key(Kind::Sequence, "public", "i"), Action::Create),
                      step(catalog::relation_key(Kind::Index, "public", "i"), Action::Drop)},
                     none, none);
    auto at = [&](const std::string& what) { return std::ranges::find(sorted, what); };
    CHECK(at("drop table public.x") < at("create view public.x"));
    CHECK(at("drop index public.i") < at("create sequence public.i"));
    CHECK(at("create sequence public.i") != sorted.end());
}

TEST_CASE("a comment moves up to right after its object") {
    catalog::Catalog none;
    auto sorted = sorted_steps({step(table("a"), Action::Create), step(table("b"), Action::Create),
                                step(table("a"), Action::Comment)},
                               none, none);
    CHECK(sorted == std::vector<std::string>{"create table public.a", "comment on table public.a",
                                             "create table public.b"});
}

TEST_CASE("steps that wait on each other are a cycle, described by its path") {
    catalog::Catalog from, to;
    to.dependencies.insert({table("a"), table("b")});
    to.dependencies.insert({table("b"), table("a")});
    std::vector<Step> steps{step(table("a"), Action::Create), step(table("b"), Action::Create)};
    steps[1].change = 1;
    auto sorted = order::order_steps(steps, from, to);
    REQUIRE(std::holds_alternative<order::StepCycle>(sorted));
    CHECK(order::describe_cycle(steps, std::get<order::StepCycle>(sorted)) ==
          "dependency cycle: create table public.a -> create table public.b -> create table "
          "public.a");
}

TEST_CASE("the data phase goes after what expands, before what checks rows or removes") {
    auto data = steps::data_steps("backfill.sql", "INSERT INTO t VALUES (1);\n"
                                                  "UPDATE t SET a = 1;\n"
                                                  "-- schemac:batch\n"
                                                  "UPDATE t SET b = 1 WHERE b IS NULL;\n");
    REQUIRE(data.ok());
    REQUIRE(data->size() == 2);
    CHECK(steps::describe_step((*data)[0]) == "data from backfill.sql:1");
    CHECK((*data)[0].statements.size() == 2);
    CHECK((*data)[0].transactional);
    CHECK(steps::describe_step((*data)[1]) == "data from backfill.sql:4, in batches");
    CHECK_FALSE((*data)[1].transactional);
    CHECK((*data)[1].statements[0].starts_with("-- schemac:batch\nUPDATE t SET b"));

    Step validate = step(table("t"), Action::Alter);
    validate.checks_rows = true;
    auto phased = steps::with_data_phase(
        {step(table("a"), Action::Create), validate, step(table("old"), Action::Drop)}, *data);
    std::vector<std::string> described;
    for (const auto& s : phased)
        described.push_back(steps::describe_step(s));
    CHECK(described == std::vector<std::string>{"create table public.a", "data from backfill.sql:1",
                                                "data from backfill.sql:4, in batches",
                                                "alter table public.t", "drop table public.old"});
    // A file that does not parse: an error at its file:line:col.
    auto broken = steps::data_steps("backfill.sql", "UPDATE t SET a = 1;\nUPDATE SET;\n");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.starts_with("backfill.sql:2:"));
}

TEST_CASE("a dropped table's foreign keys are split out, each with its partitions' copies") {
    // t has two foreign keys to other tables; its partition has a copy of
    // the second. Every one is split out of DROP TABLE, the copy with its key.
    catalog::Catalog from;
    auto key = [](const std::string& table, const std::string& name) {
        return catalog::child_key(Kind::Constraint, "public", table, name);
    };
    auto foreign_key = [&](const std::string& table, const std::string& name, const std::string& to,
                           bool inherited) {
        catalog::Constraint c;
        c.key = key(table, name);
        c.type = catalog::ConstraintType::ForeignKey;
        c.references = catalog::relation_key(Kind::Table, "public", to);
        c.inherited = inherited;
        from.constraints.emplace(c.key, c);
    };
    foreign_key("t", "a_fk", "a", false);
    foreign_key("t", "b_fk", "b", false);
    foreign_key("t_1", "b_fk", "b", true);
    from.dependencies.insert({key("t_1", "b_fk"), key("t", "b_fk")});
    diff::Drop<catalog::Table> drop;
    drop.object.key = table("t");
    drop.implied = {table("t_1"), key("t", "a_fk"), key("t", "b_fk"), key("t_1", "b_fk")};
    std::vector<diff::Change> changes{drop};
    changes.shrink_to_fit(); // the first split moves the vector
    Step dropping = step(table("t"), Action::Drop);
    dropping.change = 0;
    REQUIRE(order::split_foreign_keys(changes, {dropping}, order::StepCycle{{0, 0}}, from));
    REQUIRE(changes.size() == 3);
    CHECK(std::get<diff::Drop<catalog::Table>>(changes[0]).implied ==
          std::vector<ObjectKey>{table("t_1")});
    auto& second = std::get<diff::Drop<catalog::Constraint>>(changes[2]);
    CHECK(second.object.key == key("t", "b_fk"));
    CHECK(second.implied == std::vector<ObjectKey>{key("t_1", "b_fk")});
}
