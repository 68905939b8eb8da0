// Steps rendered as a script and as a migration file, and the file read back
// as the runtime reads it.

#include "emit/script.h"
#include "runtime/script.h"

#include <doctest/doctest.h>

using namespace schemac;
using schemac::catalog::Kind;

namespace {

steps::Step make(Kind kind, const std::string& name, steps::Action action,
                 std::vector<std::string> statements) {
    steps::Step step;
    step.key = catalog::relation_key(kind, "public", name);
    step.action = action;
    step.statements = std::move(statements);
    return step;
}

std::vector<steps::Step> sample() {
    auto drop = make(Kind::Table, "old", steps::Action::Drop, {"DROP TABLE public.old"});
    drop.hazards.push_back({steps::HazardKind::DataLoss, "drops table public.old and every row"});
    auto body = make(Kind::Function, "f", steps::Action::Create,
                     {"CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$ SELECT 1; "
                      "SELECT 2 $$"});
    auto index = make(Kind::Index, "t_idx", steps::Action::Create,
                      {"CREATE INDEX CONCURRENTLY t_idx ON public.t USING btree (a)"});
    index.transactional = false;
    index.detail = "concurrently";
    return {drop, body, index};
}

} // namespace

TEST_CASE("a script: statements end with ';', hazards and the no-transaction note above") {
    CHECK(emit::render_script(sample()) ==
          "-- hazard data-loss: drops table public.old and every row\n"
          "DROP TABLE public.old;\n"
          "\n"
          "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$ SELECT 1; SELECT 2 $$;\n"
          "\n"
          "-- schemac:no-transaction (run on its own, outside a transaction: schemac apply "
          "does)\n"
          "CREATE INDEX CONCURRENTLY t_idx ON public.t USING btree (a);\n");
    CHECK(emit::render_script({}) == "");
}

TEST_CASE("a migration file reads back as the same steps, statements and hazards") {
    auto steps = sample();
    std::string text = emit::render_migration(steps, "schemac migration 0002_x (up)");
    CHECK(text.starts_with("-- schemac migration 0002_x (up)\n--\n"
                           "--   drop table public.old\n"
                           "--   create function public.f()\n"
                           "--   create index public.t_idx (concurrently)\n"));
    auto script = runtime::parse_script("0002_x.up.sql", text);
    REQUIRE(script.ok());
    REQUIRE(script->steps.size() == steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& read = script->steps[i];
        CHECK(read.title == steps::describe_step(steps[i]));
        CHECK(read.transactional == steps[i].transactional);
        REQUIRE(read.statements.size() == steps[i].statements.size());
        CHECK(read.statements[0].sql == steps[i].statements[0]);
        REQUIRE(read.hazards.size() == steps[i].hazards.size());
    }
    CHECK(script->steps[0].hazards[0].kind == "data-loss");
    CHECK(runtime::concurrent_indexes(script->steps[2].statements[0].sql) ==
          std::vector<runtime::IndexName>{{"public", "t_idx"}});
    CHECK(runtime::concurrent_indexes("CREATE INDEX CONCURRENTLY i ON t (a)") ==
          std::vector<runtime::IndexName>{{"", "i"}});
    CHECK(runtime::concurrent_indexes("CREATE INDEX t_idx ON public.t (a)").empty());
    CHECK(runtime::concurrent_indexes("CREATE UNIQUE INDEX CONCURRENTLY \"A b\" ON s.t (a)") ==
          std::vector<runtime::IndexName>{{"s", "A b"}});
}
