// How `schemac rollback` runs a plan's reverse (plan::rollback_of): in one
// transaction with its concurrent steps made plain, or step by step.

#include "plan/plan.h"

#include <doctest/doctest.h>

using namespace schemac;
using namespace schemac::catalog;

namespace {

steps::Step step(const std::string& sql, bool transactional, const std::string& table = "t") {
    steps::Step s;
    s.key = relation_key(Kind::Index, "public", "i");
    s.statements = {sql};
    s.transactional = transactional;
    s.lock(relation_key(Kind::Table, "public", table), transactional
                                                           ? steps::LockMode::AccessExclusive
                                                           : steps::LockMode::ShareUpdateExclusive);
    return s;
}

} // namespace

TEST_CASE("a rollback in one transaction names the stronger locks of its plain builds and drops") {
    auto rollback =
        plan::rollback_of({step("DROP TABLE public.u", true, "u"),
                           step("CREATE UNIQUE INDEX CONCURRENTLY k ON public.t (a)", false),
                           step("ALTER TABLE public.t VALIDATE CONSTRAINT c", false),
                           step("DROP INDEX CONCURRENTLY IF EXISTS public.i", false, "v")});
    CHECK(rollback.one_transaction());
    REQUIRE(rollback.stronger.size() == 2);
    CHECK(rollback.stronger[0].first == 1);
    CHECK(rollback.stronger[0].second.table.name == "t");
    CHECK(rollback.stronger[0].second.mode == steps::LockMode::Share);
    CHECK(rollback.stronger[1].first == 3);
    CHECK(rollback.stronger[1].second.table.name == "v");
    CHECK(rollback.stronger[1].second.mode == steps::LockMode::AccessExclusive);
}

TEST_CASE("a reverse that adds an enum value goes step by step") {
    auto rollback =
        plan::rollback_of({step("CREATE INDEX CONCURRENTLY k ON public.t (a)", false),
                           step("ALTER TYPE public.s ADD VALUE IF NOT EXISTS 'b'", false)});
    CHECK_FALSE(rollback.one_transaction());
    CHECK(rollback.alone == 1);
    CHECK(rollback.stronger.empty());
    CHECK(plan::rollback_of({step("DROP TABLE public.u", true)}).stronger.empty());
}
