#include "runtime/executor.h"
#include "runtime/history.h"
#include "runtime/script.h"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace schemac::runtime;

TEST_CASE("a migration file splits at its step markers, with each statement's line") {
    std::string text = "-- schemac migration 0002_x (up)\n"
                       "--\n"
                       "--   create table public.a\n"
                       "\n"
                       "-- schemac:step create table public.a\n"
                       "CREATE TABLE public.a (id integer);\n"
                       "COMMENT ON TABLE public.a IS 'x; y';\n"
                       "\n"
                       "-- schemac:step create function public.f\n"
                       "CREATE FUNCTION public.f() RETURNS integer LANGUAGE plpgsql AS $$\n"
                       "BEGIN RETURN 1; END;\n"
                       "$$;\n"
                       "\n"
                       "-- schemac:step create index public.a_idx\n"
                       "-- schemac:no-transaction\n"
                       "/* built online */ CREATE INDEX CONCURRENTLY a_idx ON public.a (id);\n";
    auto parsed = parse_script("g/0002_x.up.sql", text);
    REQUIRE(parsed.ok());
    const Script& script = *parsed;
    REQUIRE(script.steps.size() == 3);
    CHECK(script.steps[0].title == "create table public.a");
    REQUIRE(script.steps[0].statements.size() == 2);
    CHECK(script.steps[0].statements[0].sql == "CREATE TABLE public.a (id integer)");
    CHECK(script.steps[0].statements[0].line == 6);
    CHECK(script.steps[0].statements[1].line == 7);
    REQUIRE(script.steps[1].statements.size() == 1);
    CHECK(script.steps[1].statements[0].line == 10);
    CHECK(script.steps[1].statements[0].sql.ends_with("$$"));
    CHECK(script.steps[0].transactional);
    CHECK_FALSE(script.steps[2].transactional);
    CHECK(script.steps[2].statements[0].sql.starts_with("CREATE INDEX CONCURRENTLY"));
    CHECK(script.steps[2].statements[0].line == 16);
    CHECK_FALSE(script.transactional());
}

TEST_CASE("the steps after '-- schemac:phase data' are the data phase's, until the next phase; "
          "a CRLF file's titles end without their carriage return") {
    std::string text = "-- schemac:phase expand\r\n"
                       "-- schemac:step create table public.a\r\n"
                       "CREATE TABLE public.a (id integer);\r\n"
                       "-- schemac:phase data  \r\n"
                       "-- schemac:step data from fill.sql:1\r\n"
                       "INSERT INTO public.a VALUES (1);\r\n"
                       "-- schemac:phase\r\n"
                       "-- schemac:step drop table public.b\r\n"
                       "DROP TABLE public.b;\r\n";
    auto parsed = parse_script("g/0002_x.up.sql", text);
    REQUIRE(parsed.ok());
    const auto& steps = parsed->steps;
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].title == "create table public.a");
    CHECK_FALSE(steps[0].data);
    CHECK(steps[1].title == "data from fill.sql:1");
    CHECK(steps[1].data);
    CHECK_FALSE(steps[2].data);
}

TEST_CASE("a hand-written file without markers is one step named after the file") {
    Script script = *parse_script("g/0003_y.up.sql", "create table t (a int);\n\n"
                                                     "insert into t values (1)");
    REQUIRE(script.steps.size() == 1);
    CHECK(script.steps[0].title == "0003_y.up.sql");
    REQUIRE(script.steps[0].statements.size() == 2);
    CHECK(script.steps[0].statements[1].sql == "insert into t values (1)");
    CHECK(script.steps[0].statements[1].line == 3);
    CHECK(script.transactional());
}

TEST_CASE("a migration file that does not parse is an error at its file:line:col") {
    auto script = parse_script("g/0004_z.up.sql", "-- schemac:step a\nCREATE TABLE t (a int);\n"
                                                  "-- schemac:step b\nCREATE TABEL u ();\n");
    CHECK(script.error().describe() == "g/0004_z.up.sql:4:8: syntax error at or near \"TABEL\"");
}

TEST_CASE("drift lists what is missing and what is extra") {
    auto lines = describe_drift("column a.x integer\nrelation a\n", "relation a\nrelation b\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "- column a.x integer");
    CHECK(lines[1] == "+ relation b");
}

TEST_CASE("steps group into transactions, and a non-transactional step stands alone") {
    Script script =
        *parse_script("g/0005_w.up.sql", "-- schemac:step a\nSELECT 1;\n"
                                         "-- schemac:step b\nSELECT 2;\n"
                                         "-- schemac:step c\n-- schemac:no-transaction\n"
                                         "SELECT 3;\n"
                                         "-- schemac:step d\nSELECT 4;\n");
    auto groups = step_groups(script);
    REQUIRE(groups.size() == 3);
    CHECK((groups[0].first == 0 && groups[0].last == 2 && groups[0].transactional));
    CHECK((groups[1].first == 2 && groups[1].last == 3 && !groups[1].transactional));
    CHECK((groups[2].first == 3 && groups[2].last == 4 && groups[2].transactional));
}

TEST_CASE("hazard comments above a step's SQL are read with their line") {
    Script script = *parse_script("g/0006_h.up.sql",
                                  "-- schemac:step drop column public.t.a\n"
                                  "-- hazard data-loss: drops column public.t.a and its data\n"
                                  "ALTER TABLE public.t DROP COLUMN a;\n");
    REQUIRE(script.steps.size() == 1);
    REQUIRE(script.steps[0].hazards.size() == 1);
    CHECK(script.steps[0].hazards[0].kind == "data-loss");
    CHECK(script.steps[0].hazards[0].message == "drops column public.t.a and its data");
    CHECK(script.steps[0].hazards[0].line == 2);
}

TEST_CASE("markers count only as real comments: not inside a body, a string or a name") {
    auto parsed = parse_script(
        "g/0007_m.up.sql", "-- schemac:step create function public.f()\n"
                           "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$\n"
                           "-- schemac:step a forged step\n"
                           "-- schemac:no-transaction\n"
                           "-- hazard data-loss: forged\n"
                           "SELECT 1\n$$;\n"
                           "-- schemac:step comment on function public.f()\n"
                           "COMMENT ON FUNCTION public.f() IS '\n-- schemac:no-transaction';\n");
    REQUIRE(parsed.ok());
    REQUIRE(parsed->steps.size() == 2);
    CHECK(parsed->steps[0].transactional);
    CHECK(parsed->steps[0].hazards.empty());
    CHECK(parsed->steps[0].statements.at(0).sql.ends_with("SELECT 1\n$$"));
    CHECK(parsed->steps[1].transactional);
}

TEST_CASE("a NUL byte in a migration file is an error at its place, not the end of it") {
    auto parsed = parse_script("g/0008_n.up.sql",
                               std::string("SELECT 1;\nSELECT 2;") + '\0' + "\nDROP TABLE t;\n");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().describe() == "g/0008_n.up.sql:2:10: a NUL byte; SQL text holds none");
}

TEST_CASE("the index a concurrent build makes is recognized however it is written") {
    std::string step = "CREATE UNIQUE INDEX CONCURRENTLY big_a_idx ON public.big USING btree (a)";
    CHECK(same_index(step, "CREATE UNIQUE INDEX big_a_idx ON public.big USING btree (a)"));
    CHECK(same_index(step + ";", "create unique index \"big_a_idx\"\n  on public.big (a)"));
    CHECK_FALSE(same_index(step, "CREATE INDEX big_a_idx ON public.big USING btree (a)"));
    CHECK_FALSE(same_index(step, "CREATE UNIQUE INDEX big_a_idx ON public.big USING btree (b)"));
    CHECK_FALSE(same_index(step, "CREATE UNIQUE INDEX big_a_idx ON other.big USING btree (a)"));
    CHECK_FALSE(same_index(step, "SELECT 1"));
}

TEST_CASE("the indexes a concurrent drop removes are read from its parse tree") {
    CHECK(concurrent_drops("DROP INDEX CONCURRENTLY public.\"my idx\"") ==
          std::vector<IndexName>{{"public", "my idx"}});
    CHECK(concurrent_drops("drop index concurrently if exists i;") ==
          std::vector<IndexName>{{"", "i"}});
    CHECK(concurrent_drops("DROP INDEX public.i").empty());
    CHECK(concurrent_drops("SELECT 'DROP INDEX CONCURRENTLY i'").empty());
}

TEST_CASE("the constraints a step validates are read from its parse tree") {
    CHECK(validated_constraints("ALTER TABLE public.\"T\" VALIDATE CONSTRAINT \"t fk\";") ==
          std::vector<ConstraintName>{{"public", "T", "t fk"}});
    CHECK(validated_constraints("alter table t validate constraint c") ==
          std::vector<ConstraintName>{{"", "t", "c"}});
    CHECK(validated_constraints("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID").empty());
}

TEST_CASE("the enum types a step adds values to are read from its parse tree") {
    CHECK(extended_enums("ALTER TYPE public.\"Mood\" ADD VALUE IF NOT EXISTS 'ok' AFTER 'sad';") ==
          std::vector<QualifiedName>{{"public", "Mood"}});
    CHECK(extended_enums("alter type mood add value 'x'") ==
          std::vector<QualifiedName>{{"", "mood"}});
    CHECK(extended_enums("ALTER TYPE mood RENAME VALUE 'a' TO 'b'").empty());
    CHECK(extended_enums("SELECT 'ALTER TYPE mood ADD VALUE x'").empty());
}

TEST_CASE("a statement that makes a function leakproof is recognized") {
    CHECK(marks_leakproof("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql IMMUTABLE LEAKPROOF "
                          "RETURN $1"));
    CHECK(marks_leakproof("ALTER FUNCTION public.f(int) LEAKPROOF"));
    CHECK_FALSE(marks_leakproof("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql NOT LEAKPROOF "
                                "RETURN $1"));
    CHECK_FALSE(marks_leakproof("COMMENT ON FUNCTION f(int) IS 'LEAKPROOF'"));
}

TEST_CASE("the roles a statement gives objects to are read") {
    using V = std::vector<std::string>;
    CHECK(new_owners("ALTER TABLE app.t OWNER TO \"App Owner\"") == V{"App Owner"});
    CHECK(new_owners("ALTER FUNCTION f(int) OWNER TO app; ALTER SCHEMA s OWNER TO CURRENT_USER") ==
          V{"app", "CURRENT_USER"});
    CHECK(new_owners("COMMENT ON TABLE t IS 'OWNER TO x'").empty());
    CHECK(new_owners("ALTER TABLE t ADD COLUMN owner text").empty());
    // By name, once each: the roles the administrator lets be given objects.
    CHECK(roles_given("ALTER TABLE t OWNER TO b; ALTER VIEW v OWNER TO a; "
                      "ALTER SEQUENCE s OWNER TO b; ALTER SCHEMA s OWNER TO CURRENT_USER") ==
          V{"a", "b"});
    CHECK_FALSE(needs_superuser("ALTER VIEW v OWNER TO reporting"));
}

TEST_CASE("a statement that manages an event trigger is recognized") {
    CHECK(manages_event_trigger("CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f()"));
    CHECK(manages_event_trigger("ALTER EVENT TRIGGER e DISABLE"));
    CHECK(manages_event_trigger("DROP EVENT TRIGGER e"));
    CHECK(manages_event_trigger("COMMENT ON EVENT TRIGGER e IS 'x'"));
    CHECK_FALSE(manages_event_trigger("CREATE TRIGGER t AFTER INSERT ON t EXECUTE FUNCTION f()"));
}

TEST_CASE("a statement that moves or renames an extension or event trigger is recognized") {
    CHECK(manages_extension("ALTER EXTENSION citext SET SCHEMA \"New Ext\""));
    CHECK(manages_event_trigger("ALTER EVENT TRIGGER e RENAME TO f"));
    CHECK_FALSE(manages_extension("ALTER TABLE extension SET SCHEMA other"));
    CHECK_FALSE(manages_extension("ALTER FUNCTION extension() RENAME TO f"));
}

TEST_CASE("a move into a system schema is recognized") {
    CHECK(moves_into_system_schema("ALTER EXTENSION hstore SET SCHEMA pg_catalog"));
    CHECK(moves_into_system_schema("ALTER EXTENSION hstore SET SCHEMA information_schema"));
    CHECK(moves_into_system_schema("ALTER EXTENSION hstore SET SCHEMA pg_temp_3"));
    CHECK(moves_into_system_schema("ALTER EXTENSION hstore SET SCHEMA pg_toast"));
    CHECK_FALSE(moves_into_system_schema("ALTER EXTENSION hstore SET SCHEMA \"PG_CATALOG\""));
    CHECK_FALSE(moves_into_system_schema("ALTER EXTENSION hstore SET SCHEMA extensions"));
    CHECK_FALSE(moves_into_system_schema("CREATE SCHEMA pg_catalog_copy"));
}

TEST_CASE("a secret's placeholder is filled from the environment or a stand-in, as a literal") {
    const std::string sql = "CREATE USER MAPPING FOR CURRENT_USER SERVER s OPTIONS (password "
                            "'${SCHEMAC_SECRET_S_PASSWORD}', note '${HOME}', "
                            "api_key '${SCHEMAC_SECRET_S_API_KEY}')";
    CHECK(secrets_in(sql) ==
          std::vector<std::string>{"SCHEMAC_SECRET_S_PASSWORD", "SCHEMAC_SECRET_S_API_KEY"});
    CHECK(*with_secrets(sql, "it's") ==
          "CREATE USER MAPPING FOR CURRENT_USER SERVER s OPTIONS (password 'it''s', "
          "note '${HOME}', api_key 'it''s')");
    unsetenv("SCHEMAC_SECRET_S_PASSWORD");
    setenv("SCHEMAC_SECRET_S_API_KEY", "k", 1);
    auto missing = with_secrets(sql);
    REQUIRE(!missing);
    CHECK(missing.error().message.find("SCHEMAC_SECRET_S_PASSWORD") != std::string::npos);
    setenv("SCHEMAC_SECRET_S_PASSWORD", "p", 1);
    CHECK(*with_secrets(sql) == "CREATE USER MAPPING FOR CURRENT_USER SERVER s OPTIONS "
                                "(password 'p', note '${HOME}', api_key 'k')");
    unsetenv("SCHEMAC_SECRET_S_PASSWORD");
    unsetenv("SCHEMAC_SECRET_S_API_KEY");
    CHECK(*with_secrets("SELECT 1") == "SELECT 1");
}

TEST_CASE("a statement after -- schemac:batch is batched, and its step runs alone") {
    auto script = parse_script("data.sql", "INSERT INTO t VALUES (1);\n"
                                           "-- a comment\n"
                                           "-- schemac:batch\n"
                                           "UPDATE t SET x = 1 WHERE id IN (SELECT id FROM t "
                                           "WHERE x IS NULL LIMIT 10);\n"
                                           "DELETE FROM t WHERE false; -- schemac:batch\n");
    REQUIRE(script.ok());
    REQUIRE(script->steps.size() == 1);
    const auto& statements = script->steps[0].statements;
    REQUIRE(statements.size() == 3);
    CHECK_FALSE(statements[0].batched);
    CHECK(statements[1].batched);
    CHECK(statements[1].line == 4);
    CHECK_FALSE(statements[2].batched); // the marker must be on a line before it
    CHECK_FALSE(script->steps[0].transactional);
}

TEST_CASE("a rollback in one transaction: concurrent builds and drops made plain") {
    CHECK(without_concurrently("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users "
                               "USING btree (email)") ==
          "CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)");
    CHECK(without_concurrently("DROP INDEX CONCURRENTLY IF EXISTS public.\"concurrently\"") ==
          "DROP INDEX IF EXISTS public.\"concurrently\"");
    CHECK(without_concurrently("CREATE INDEX \"CONCURRENTLY\" ON t (a)") ==
          "CREATE INDEX \"CONCURRENTLY\" ON t (a)");
    auto script =
        parse_script("0002_x.down.sql", "-- schemac:step create index public.i (concurrently)\n"
                                        "-- schemac:no-transaction\n"
                                        "CREATE INDEX CONCURRENTLY i ON public.t USING btree (a);\n"
                                        "-- schemac:step alter constraint c (validate)\n"
                                        "-- schemac:no-transaction\n"
                                        "ALTER TABLE public.t VALIDATE CONSTRAINT c;\n"
                                        "-- schemac:step drop table public.u\n"
                                        "DROP TABLE public.u;\n");
    REQUIRE(script.ok());
    auto whole = atomic(*script);
    REQUIRE(whole);
    CHECK(whole->transactional());
    CHECK(whole->steps[0].statements[0].sql == "CREATE INDEX i ON public.t USING btree (a)");
    // An enum value added cannot be used in the transaction that adds it.
    auto enums =
        parse_script("0003_y.down.sql", "-- schemac:step alter type public.s\n"
                                        "-- schemac:no-transaction\n"
                                        "ALTER TYPE public.s ADD VALUE IF NOT EXISTS 'b';\n");
    REQUIRE(enums.ok());
    CHECK_FALSE(atomic(*enums));
}

TEST_CASE("the lock a concurrent build or drop takes once made plain, for a reader") {
    CHECK(lock_without_concurrently("CREATE INDEX CONCURRENTLY i ON public.t USING btree (a)") ==
          "SHARE on its table: writes wait");
    CHECK(lock_without_concurrently("DROP INDEX CONCURRENTLY IF EXISTS public.i") ==
          "ACCESS EXCLUSIVE on its table: reads and writes wait");
    CHECK(lock_without_concurrently("CREATE INDEX i ON public.t (a)").empty());
    CHECK(lock_without_concurrently("ALTER TABLE public.t VALIDATE CONSTRAINT c").empty());
}
