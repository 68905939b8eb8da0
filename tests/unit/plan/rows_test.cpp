// The proof's seed rows (plan/rows.h): what is seeded and the INSERT that
// seeds it, against catalogs built in code. That the rows fit is checked on
// a real server by the integration test "the proof with rows".

#include "plan/rows.h"

#include <doctest/doctest.h>

using namespace schemac;
using namespace schemac::catalog;

namespace {

void add_table(Catalog& c, const std::string& name) {
    Table t;
    t.key = relation_key(Kind::Table, "public", name);
    c.tables.emplace(t.key, t);
}

Column& add_column(Catalog& c, const std::string& table, const std::string& name,
                   const std::string& type, bool not_null = false) {
    Column col;
    col.key = child_key(Kind::Column, "public", table, name);
    col.position =
        static_cast<int>(c.columns_of(relation_key(Kind::Table, "public", table)).size()) + 1;
    col.type = type;
    col.not_null = not_null;
    return c.columns.emplace(col.key, col).first->second;
}

void add_foreign_key(Catalog& c, const std::string& table, const std::string& name,
                     const std::string& definition, const std::string& references) {
    Constraint fk;
    fk.key = child_key(Kind::Constraint, "public", table, name);
    fk.type = ConstraintType::ForeignKey;
    fk.definition = definition;
    fk.references = relation_key(Kind::Table, "public", references);
    c.constraints.emplace(fk.key, fk);
}

steps::Step locking(const std::string& table) {
    steps::Step step;
    step.lock(relation_key(Kind::Table, "public", table), LockMode::AccessExclusive);
    return step;
}

} // namespace

TEST_CASE("seed rows: each column a value of its type; a foreign key a row of what it references") {
    Catalog c;
    add_table(c, "Tenants");
    add_column(c, "Tenants", "id", "bigint", true).identity = Identity::Always;
    add_column(c, "Tenants", "Name", "character varying(20)", true);
    add_column(c, "Tenants", "plan", "text", true);
    Constraint plans;
    plans.key = child_key(Kind::Constraint, "public", "Tenants", "Tenants_plan_check");
    plans.definition = "CHECK ((plan = ANY (ARRAY['free'::text, 'it''s pro'::text])))";
    c.constraints.emplace(plans.key, plans);
    add_table(c, "users");
    add_column(c, "users", "id", "uuid", true);
    add_column(c, "users", "tenant", "bigint", true);
    add_column(c, "users", "created", "timestamp with time zone").default_expr = "now()";
    add_column(c, "users", "total", "public.money_amount");
    add_column(c, "users", "mood", "public.mood", true);
    add_column(c, "users", "tags", "text[]", true);
    add_column(c, "users", "shape", "point");
    add_column(c, "users", "spot", "point", true);
    add_column(c, "users", "manager", "uuid");
    Domain amount;
    amount.key = relation_key(Kind::Domain, "public", "money_amount");
    amount.base_type = "numeric(12,2)";
    c.domains.emplace(amount.key, amount);
    EnumType mood;
    mood.key = relation_key(Kind::Enum, "public", "mood");
    mood.values = {"happy", "sad"};
    c.enums.emplace(mood.key, mood);
    add_foreign_key(c, "users", "users_tenant_fkey",
                    "FOREIGN KEY (tenant) REFERENCES public.\"Tenants\"(id) ON DELETE CASCADE",
                    "Tenants");
    add_foreign_key(c, "users", "users_manager_fkey",
                    "FOREIGN KEY (manager) REFERENCES public.users(id)", "users");

    CHECK(plan::seed_insert(c, relation_key(Kind::Table, "public", "users"), 0) ==
          "INSERT INTO public.users (id, tenant, total, mood, tags, spot, manager) SELECT "
          "md5(seed.i::text)::uuid, r1.c0, (seed.i::numeric(12,2))::public.money_amount, "
          "(enum_range(NULL::public.mood))[1 + (seed.i - 1) % 2], '{}'::text[], "
          "seed.i::text::point, NULL FROM generate_series(1, 3) AS seed(i) LEFT JOIN LATERAL "
          "(SELECT id AS c0 FROM public.\"Tenants\" ORDER BY 1 OFFSET (seed.i - 1) LIMIT 1) AS "
          "r1 ON true ON CONFLICT DO NOTHING");
    CHECK(plan::seed_insert(c, relation_key(Kind::Table, "public", "Tenants"), 2) ==
          "INSERT INTO public.\"Tenants\" (\"Name\", plan) SELECT ('user' || seed.i || "
          "'@example.com')::character varying(20), (ARRAY['free', 'it''s pro'])[1 + (seed.i - 1) "
          "% 2]::text FROM generate_series(1, 3) AS seed(i) ON CONFLICT DO NOTHING");

    // users is touched; Tenants, which it references, is seeded first.
    auto tables = plan::tables_to_seed(c, {locking("users")}, {});
    CHECK(tables == std::vector<ObjectKey>{relation_key(Kind::Table, "public", "Tenants"),
                                           relation_key(Kind::Table, "public", "users")});
    // A table known to be empty is not.
    CHECK(plan::tables_to_seed(c, {locking("users")}, {"public.\"Tenants\""}) ==
          std::vector<ObjectKey>{relation_key(Kind::Table, "public", "users")});
}

TEST_CASE("seed rows: a partition's root is seeded in its place; a foreign table is not") {
    Catalog c;
    add_table(c, "events");
    c.tables.at(relation_key(Kind::Table, "public", "events")).partition_by = "RANGE (at)";
    add_table(c, "events_2026");
    c.tables.at(relation_key(Kind::Table, "public", "events_2026")).partition_of =
        relation_key(Kind::Table, "public", "events");
    add_table(c, "remote");
    c.tables.at(relation_key(Kind::Table, "public", "remote")).server = "elsewhere";
    auto tables = plan::tables_to_seed(c, {locking("events_2026"), locking("remote")}, {});
    CHECK(tables == std::vector<ObjectKey>{relation_key(Kind::Table, "public", "events")});
}

TEST_CASE("seed rows: quoted names in a foreign key, a doubled quote before its columns") {
    Catalog c;
    add_table(c, "we\"ird");
    add_column(c, "we\"ird", "Key", "integer", true);
    add_table(c, "child");
    add_column(c, "child", "Parent Key", "integer", true);
    add_foreign_key(c, "child", "child_fkey",
                    "FOREIGN KEY (\"Parent Key\") REFERENCES public.\"we\"\"ird\"(\"Key\")",
                    "we\"ird");
    CHECK(plan::seed_insert(c, relation_key(Kind::Table, "public", "child"), 0) ==
          "INSERT INTO public.child (\"Parent Key\") SELECT r1.c0 FROM generate_series(1, 3) AS "
          "seed(i) LEFT JOIN LATERAL (SELECT \"Key\" AS c0 FROM public.\"we\"\"ird\" ORDER BY 1 "
          "OFFSET (seed.i - 1) LIMIT 1) AS r1 ON true ON CONFLICT DO NOTHING");
}

TEST_CASE("seed rows: no ON CONFLICT on a table an INSERT or UPDATE rule rewrites, which "
          "PostgreSQL refuses it on") {
    Catalog c;
    add_table(c, "t");
    add_column(c, "t", "id", "integer", true);
    catalog::Rule rule;
    rule.key = child_key(Kind::Rule, "public", "t", "r");
    rule.definition = "CREATE RULE r AS\n    ON UPDATE TO public.t DO\n NOTIFY x";
    c.rules.emplace(rule.key, rule);
    CHECK(plan::seed_insert(c, relation_key(Kind::Table, "public", "t"), 0) ==
          "INSERT INTO public.t (id) SELECT seed.i::integer FROM generate_series(1, 3) AS seed(i)");
    c.rules.begin()->second.definition =
        "CREATE RULE r AS\n    ON DELETE TO public.t DO\n NOTIFY x";
    CHECK(plan::seed_insert(c, relation_key(Kind::Table, "public", "t"), 0)
              .ends_with(" ON CONFLICT DO NOTHING"));
}

TEST_CASE("seed rows: a foreign key into context (a table outside the catalog) gets the "
          "referenced rows first, valued from the referencing columns' types") {
    Catalog c;
    add_table(c, "profiles");
    add_column(c, "profiles", "id", "uuid", true);
    add_column(c, "profiles", "Org", "integer", true);
    add_foreign_key(c, "profiles", "profiles_id_fkey",
                    "FOREIGN KEY (id, \"Org\") REFERENCES auth.users(id, \"Org Id\")", "users");
    c.constraints.begin()->second.references = relation_key(Kind::Table, "auth", "users");
    add_table(c, "notes");
    add_column(c, "notes", "profile", "uuid", true);
    add_foreign_key(c, "notes", "notes_profile_fkey",
                    "FOREIGN KEY (profile) REFERENCES public.profiles(id)", "profiles");
    auto tables = std::vector{relation_key(Kind::Table, "public", "profiles"),
                              relation_key(Kind::Table, "public", "notes")};
    CHECK(plan::context_seed_inserts(c, tables) ==
          std::vector<std::pair<ObjectKey, std::string>>{
              {relation_key(Kind::Table, "auth", "users"),
               "INSERT INTO auth.users (id, \"Org Id\") SELECT md5(seed.i::text)::uuid, "
               "seed.i::integer FROM generate_series(1, 3) AS seed(i) ON CONFLICT DO NOTHING"}});
}
