#include "sql/body_references.h"

#include <doctest/doctest.h>

using schemac::sql::created_by;
using schemac::sql::Names;
using schemac::sql::read_function;
using schemac::sql::roles_named;
using schemac::sql::writes;

TEST_CASE("a string SQL body: what it names, what it writes, unqualified names in public") {
    auto body = read_function(
        "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM t "
        "JOIN app.\"Users\" u ON true WHERE EXISTS (SELECT 1 FROM s.v) $$");
    CHECK(body.language == "sql");
    CHECK(body.checked_at_creation == Names{{"app", "Users"}, {"public", "t"}, {"s", "v"}});
    CHECK(body.written.empty());
    // Several statements, and the old quoted form of the body.
    body = read_function("CREATE PROCEDURE p() LANGUAGE sql AS 'DELETE FROM a; "
                         "INSERT INTO b SELECT * FROM c; UPDATE s.d SET x = 1'");
    CHECK(body.checked_at_creation ==
          Names{{"public", "a"}, {"public", "b"}, {"public", "c"}, {"s", "d"}});
    CHECK(body.written == Names{{"public", "a"}, {"public", "b"}, {"s", "d"}});
}

TEST_CASE("a string SQL body's nextval('s') names its sequence: the text becomes a regclass "
          "when the body is analyzed") {
    auto body = read_function("CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT "
                              "nextval('app.invoice_no') + currval('\"Seq\"') + length('x') $$");
    CHECK(body.checked_at_creation == Names{{"app", "invoice_no"}, {"public", "Seq"}});
}

TEST_CASE("a BEGIN ATOMIC body is in pg_depend, but what it writes is read here") {
    auto body = read_function("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC "
                              "INSERT INTO app.log SELECT * FROM app.src; END");
    CHECK(body.checked_at_creation.empty());
    CHECK(body.written == Names{{"app", "log"}});
}

TEST_CASE("PL/pgSQL: %ROWTYPE and %TYPE declarations, not the queries") {
    auto body =
        read_function("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\n"
                      "DECLARE r app.posts%ROWTYPE; t tags.name%TYPE; u s.\"T\".c%TYPE; n int;\n"
                      "BEGIN PERFORM 1 FROM never_read; DELETE FROM never_locked; END $$");
    CHECK(body.language == "plpgsql");
    CHECK(body.checked_at_creation == Names{{"app", "posts"}, {"public", "tags"}, {"s", "T"}});
    CHECK(body.written.empty());
}

TEST_CASE("a RETURN body, other languages and bad SQL name nothing") {
    CHECK(read_function("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql RETURN $1 + 1")
              .checked_at_creation.empty());
    auto c = read_function("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'lib', 'sym'");
    CHECK(c.language == "c");
    CHECK(c.checked_at_creation.empty());
    CHECK(read_function("CREATE FUNCTION f( RETURNS").language.empty());
}

TEST_CASE("a plpgsql function without a body is read, not handed to the body parser") {
    // Found by tests/fuzz/run: libpg_query aborts on a plpgsql function with
    // no AS clause (an assertion), which PostgreSQL refuses in its own words.
    for (const char* create : {"CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql",
                               "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql RETURN 1",
                               "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql BEGIN ATOMIC "
                               "SELECT 1; END"}) {
        INFO(create);
        auto body = read_function(create);
        CHECK(body.language == "plpgsql");
        CHECK(body.checked_at_creation.empty());
    }
}

TEST_CASE("what a migration creates, for the managed scope: schemas it creates or fills, "
          "extensions, and triggers, policies and indexes wherever they are") {
    auto created =
        created_by("CREATE SCHEMA app;\n"
                   "CREATE TABLE reporting.t (id int);\n"
                   "CREATE VIEW v1.v AS SELECT 1;\n"
                   "CREATE MATERIALIZED VIEW m1.m AS SELECT 1 WITH NO DATA;\n"
                   "CREATE SEQUENCE s1.s;\n"
                   "CREATE TYPE e1.mood AS ENUM ('a');\n"
                   "CREATE TYPE c1.pair AS (a int);\n"
                   "CREATE DOMAIN d1.d AS int;\n"
                   "CREATE FUNCTION f1.f() RETURNS int LANGUAGE sql RETURN 1;\n"
                   "CREATE FUNCTION unqualified() RETURNS int LANGUAGE sql RETURN 1;\n"
                   "ALTER TABLE public.x SET SCHEMA moved;\n"
                   "CREATE EXTENSION \"uuid-ossp\" WITH SCHEMA extensions;\n"
                   "CREATE TABLE public.p (id uuid REFERENCES auth.users);\n"
                   "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW "
                   "EXECUTE FUNCTION public.f();\n"
                   "CREATE POLICY own ON auth.users USING (true);\n"
                   "CREATE INDEX users_email_idx ON auth.users (email);\n"
                   "DROP TABLE gone.t;\n");
    CHECK(created.schemas == std::set<std::string>{"app", "c1", "d1", "e1", "f1", "m1", "moved",
                                                   "public", "reporting", "s1", "v1"});
    CHECK(created.extensions == std::set<std::string>{"uuid-ossp"});
    CHECK(created.triggers ==
          std::set<std::array<std::string, 3>>{{"auth", "users", "on_auth_user_created"}});
    CHECK(created.policies == std::set<std::array<std::string, 3>>{{"auth", "users", "own"}});
    CHECK(created.indexes == Names{{"auth", "users_email_idx"}});
    CHECK(created_by("CREATE TABLE (").schemas.empty());
}

TEST_CASE("writes: the tables a data phase's statements write rows of") {
    CHECK(writes("INSERT INTO tenants (id) VALUES (1);\n"
                 "-- schemac:batch\n"
                 "UPDATE app.users SET t = 1 WHERE id IN (SELECT id FROM app.users LIMIT 9);\n"
                 "WITH gone AS (DELETE FROM \"Old\" RETURNING *) INSERT INTO archive SELECT * "
                 "FROM gone;\n"
                 "TRUNCATE scratch, app.tmp;\n"
                 "SELECT count(*) FROM only_read;\n") == Names{{"app", "tmp"},
                                                               {"app", "users"},
                                                               {"public", "Old"},
                                                               {"public", "archive"},
                                                               {"public", "scratch"},
                                                               {"public", "tenants"}});
    CHECK(writes("UPDATE (").empty());
}

TEST_CASE("the roles a script names include those it gives objects to") {
    CHECK(roles_named("GRANT SELECT ON t TO reader; ALTER TABLE t OWNER TO \"App Owner\";\n"
                      "ALTER FUNCTION f() OWNER TO app; ALTER VIEW v OWNER TO CURRENT_USER") ==
          std::set<std::string>{"App Owner", "app", "reader"});
}
