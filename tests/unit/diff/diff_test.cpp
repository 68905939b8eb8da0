// Diffs of catalogs built in code, rendered and ordered: no server.

#include "diff/change.h"
#include "emit/script.h"
#include "plan/planner.h"
#include "steps/build.h"

#include <doctest/doctest.h>

using namespace schemac;
using namespace schemac::catalog;

namespace {

Catalog with_public() {
    Catalog c;
    Schema s;
    s.key = schema_key("public");
    c.schemas.emplace(s.key, s);
    return c;
}

void add_table(Catalog& c, const std::string& name) {
    Table t;
    t.key = relation_key(Kind::Table, "public", name);
    c.tables.emplace(t.key, t);
    c.dependencies.insert({t.key, schema_key("public")});
}

Column& add_column(Catalog& c, const std::string& table, const std::string& name,
                   const std::string& type, int position) {
    Column col;
    col.key = child_key(Kind::Column, "public", table, name);
    col.type = col.base_type = type;
    col.position = position;
    c.dependencies.insert({col.key, table_of(col.key), DependencyType::Auto});
    return c.columns.emplace(col.key, col).first->second;
}

Constraint& add_constraint(Catalog& c, const std::string& table, const std::string& name,
                           ConstraintType type, const std::string& definition) {
    Constraint con;
    con.key = child_key(Kind::Constraint, "public", table, name);
    con.type = type;
    con.definition = definition;
    c.dependencies.insert({con.key, table_of(con.key), DependencyType::Auto});
    return c.constraints.emplace(con.key, con).first->second;
}

/// The plain script (online strategies are covered by the golden cases).
std::string plan_sql(const Catalog& from, const Catalog& to) {
    auto steps = plan::plan_steps(from, to, false);
    REQUIRE(steps.ok());
    return emit::render_script(*steps);
}

} // namespace

TEST_CASE("equal catalogs give no changes") {
    Catalog a = with_public();
    add_table(a, "t");
    add_column(a, "t", "id", "integer", 1);
    CHECK(diff::diff(a, a).empty());
    CHECK(plan_sql(a, a) == "");
}

TEST_CASE("a new table carries its columns and constraints") {
    Catalog from = with_public();
    Catalog to = from;
    add_table(to, "Users");
    add_column(to, "Users", "id", "bigint", 1).not_null = true;
    add_column(to, "Users", "user", "text", 2).default_expr = "'x'::text";
    add_constraint(to, "Users", "Users_pkey", ConstraintType::PrimaryKey, "PRIMARY KEY (id)");
    CHECK(plan_sql(from, to) == "CREATE TABLE public.\"Users\" (\n"
                                "    id bigint NOT NULL,\n"
                                "    \"user\" text DEFAULT 'x'::text,\n"
                                "    CONSTRAINT \"Users_pkey\" PRIMARY KEY (id)\n"
                                ");\n");
}

TEST_CASE("a column changes in place: default dropped before the type, set after") {
    Catalog from = with_public();
    add_table(from, "t");
    add_column(from, "t", "n", "text", 1).default_expr = "'1'::text";
    Catalog to = with_public();
    to.casts.strings.insert("text");
    add_table(to, "t");
    Column& n = add_column(to, "t", "n", "integer", 1);
    n.default_expr = "0";
    n.not_null = true;
    CHECK(plan_sql(from, to) ==
          "-- hazard table-rewrite: rewrites the table to convert column "
          "public.t.n from text to integer\n"
          "-- hazard data-loss: converts column public.t.n from text to integer: values may be "
          "rounded or cut, or fail to convert\n"
          "-- hazard needs-data: rows whose n does not convert to integer with a cast make it "
          "fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), "
          "or give the conversion above the column in the tree (`-- schemac:using "
          "<expression>`; `-- schemac:using-reverse` for the reverse script)\n"
          "-- hazard needs-data: rows of public.t where n is NULL make it fail: change them "
          "first, in the data phase (`schemac diff --write NAME --data FILE`)\n"
          "-- hazard long-lock: holds ACCESS EXCLUSIVE on public.t while it "
          "scans every row for NULLs in n\n"
          "ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;\n"
          "ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;\n"
          "ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;\n"
          "ALTER TABLE public.t ALTER COLUMN n SET NOT NULL;\n");
}

TEST_CASE("binary-coercible type changes need no USING") {
    Catalog from = with_public();
    add_table(from, "t");
    add_column(from, "t", "s", "character varying", 1).type = "character varying(10)";
    Catalog to = with_public();
    to.casts.binary.emplace("character varying", "text");
    add_table(to, "t");
    add_column(to, "t", "s", "text", 1);
    CHECK(plan_sql(from, to) == "ALTER TABLE public.t ALTER COLUMN s TYPE text;\n");
}

TEST_CASE("a type change without a cast converts through text; a domain as its base type") {
    Catalog from = with_public();
    add_table(from, "t");
    add_column(from, "t", "seen", "bigint", 1);
    add_column(from, "t", "amount", "public.amount", 2);
    Catalog to = with_public();
    to.casts.declared.emplace("numeric", "integer");
    to.casts.domains.emplace("public.amount", "numeric");
    add_table(to, "t");
    add_column(to, "t", "seen", "timestamp without time zone", 1);
    add_column(to, "t", "amount", "integer", 2);
    auto sql = plan_sql(from, to);
    CHECK(sql.find("ALTER COLUMN seen TYPE timestamp without time zone USING "
                   "seen::text::timestamp without time zone") != std::string::npos);
    CHECK(sql.find("through its text form") != std::string::npos);
    CHECK(sql.find("ALTER COLUMN amount TYPE integer USING amount::integer") != std::string::npos);
}

TEST_CASE("mutual foreign keys: tables first, constraints after (and the reverse)") {
    Catalog from = with_public();
    Catalog to = with_public();
    for (auto [table, other] : {std::pair{"a", "b"}, std::pair{"b", "a"}}) {
        add_table(to, table);
        add_column(to, table, "id", "integer", 1);
        add_column(to, table, std::string(other) + "_id", "integer", 2);
        add_constraint(to, table, std::string(table) + "_pkey", ConstraintType::PrimaryKey,
                       "PRIMARY KEY (id)");
        auto& fk = add_constraint(to, table, std::string(table) + "_fk", ConstraintType::ForeignKey,
                                  "FOREIGN KEY (" + std::string(other) + "_id) REFERENCES public." +
                                      other + "(id)");
        fk.references = relation_key(Kind::Table, "public", other);
        to.dependencies.insert(
            {fk.key, child_key(Kind::Constraint, "public", other, std::string(other) + "_pkey")});
    }
    CHECK(plan_sql(from, to) == "CREATE TABLE public.a (\n"
                                "    id integer,\n"
                                "    b_id integer,\n"
                                "    CONSTRAINT a_pkey PRIMARY KEY (id)\n"
                                ");\n\n"
                                "CREATE TABLE public.b (\n"
                                "    id integer,\n"
                                "    a_id integer,\n"
                                "    CONSTRAINT b_pkey PRIMARY KEY (id)\n"
                                ");\n\n"
                                "ALTER TABLE public.a ADD CONSTRAINT a_fk FOREIGN KEY (b_id) "
                                "REFERENCES public.b(id);\n\n"
                                "ALTER TABLE public.b ADD CONSTRAINT b_fk FOREIGN KEY (a_id) "
                                "REFERENCES public.a(id);\n");
    CHECK(plan_sql(to, from) == "ALTER TABLE public.a DROP CONSTRAINT a_fk;\n\n"
                                "ALTER TABLE public.b DROP CONSTRAINT b_fk;\n\n"
                                "-- hazard data-loss: drops table public.a and every row in it\n"
                                "DROP TABLE public.a;\n\n"
                                "-- hazard data-loss: drops table public.b and every row in it\n"
                                "DROP TABLE public.b;\n");
}

TEST_CASE("enum values are added in place, in position") {
    Catalog from = with_public();
    EnumType e;
    e.key = relation_key(Kind::Enum, "public", "role");
    e.values = {"admin", "member"};
    from.enums.emplace(e.key, e);
    Catalog to = with_public();
    e.values = {"owner", "admin", "editor", "member", "guest"};
    to.enums.emplace(e.key, e);
    // Each commits on its own, so that later steps may use the value.
    const std::string alone =
        "-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)\n";
    CHECK(plan_sql(from, to) ==
          alone + "ALTER TYPE public.role ADD VALUE IF NOT EXISTS 'owner' BEFORE 'admin';\n\n" +
              alone + "ALTER TYPE public.role ADD VALUE IF NOT EXISTS 'editor' AFTER 'admin';\n\n" +
              alone + "ALTER TYPE public.role ADD VALUE IF NOT EXISTS 'guest' AFTER 'member';\n");
    auto changes = diff::diff(to, from);
    REQUIRE(changes.size() == 1);
    CHECK(std::holds_alternative<diff::RebuildEnum>(changes[0]));
}

TEST_CASE("an index changes by drop and create; comments by COMMENT ON") {
    Catalog from = with_public();
    add_table(from, "t");
    Index idx;
    idx.key = relation_key(Kind::Index, "public", "t_idx");
    idx.table = "t";
    idx.definition = "CREATE INDEX t_idx ON public.t USING btree (a)";
    from.indexes.emplace(idx.key, idx);
    Catalog to = from;
    to.indexes.at(idx.key).definition = "CREATE INDEX t_idx ON public.t USING btree (b)";
    to.tables.at(relation_key(Kind::Table, "public", "t")).comment = "it's";
    // The comment expands; the drop contracts, and the new index takes its
    // name after it.
    CHECK(plan_sql(from, to) == "COMMENT ON TABLE public.t IS 'it''s';\n\n"
                                "DROP INDEX public.t_idx;\n\n"
                                "-- hazard long-lock: holds SHARE on public.t for the whole build "
                                "of index public.t_idx: writes wait\n"
                                "CREATE INDEX t_idx ON public.t USING btree (b);\n");
    // Online, the new definition is built beside the old one and swapped in.
    auto online = plan::plan_steps(from, to);
    REQUIRE(online.ok());
    CHECK(emit::render_script(*online).find(
              "CREATE INDEX CONCURRENTLY t_idx_schemac_new ON public.t USING btree (b);\n\n"
              "-- schemac:no-transaction (run on its own, outside a transaction: schemac apply "
              "does)\nDROP INDEX CONCURRENTLY IF EXISTS public.t_idx;\n\n"
              "ALTER INDEX public.t_idx_schemac_new RENAME TO t_idx;\n") != std::string::npos);
}

TEST_CASE("a cycle no repair rule breaks is an error that prints the path") {
    Catalog from = with_public();
    Catalog to = with_public();
    for (const char* name : {"a", "b"}) {
        EnumType e;
        e.key = relation_key(Kind::Enum, "public", name);
        e.values = {"x"};
        to.enums.emplace(e.key, e);
    }
    to.dependencies.insert(
        {relation_key(Kind::Enum, "public", "a"), relation_key(Kind::Enum, "public", "b")});
    to.dependencies.insert(
        {relation_key(Kind::Enum, "public", "b"), relation_key(Kind::Enum, "public", "a")});
    auto steps = plan::plan_steps(from, to);
    REQUIRE_FALSE(steps.ok());
    CHECK(steps.error().message ==
          "dependency cycle: create type public.a -> create type public.b -> create type public.a");
}
