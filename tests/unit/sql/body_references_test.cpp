#include "sql/body_references.h"

#include <doctest/doctest.h>

using schemac::sql::relations_checked_at_creation;
using Names = std::set<std::pair<std::string, std::string>>;

TEST_CASE("a string SQL body's relations are found, unqualified ones in public") {
    CHECK(relations_checked_at_creation(
              "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM t "
              "JOIN app.\"Users\" u ON true WHERE EXISTS (SELECT 1 FROM s.v) $$") ==
          Names{{"app", "Users"}, {"public", "t"}, {"s", "v"}});
    // Several statements, and the old quoted form of the body.
    CHECK(relations_checked_at_creation("CREATE PROCEDURE p() LANGUAGE sql AS 'DELETE FROM a; "
                                        "INSERT INTO b SELECT * FROM c'") ==
          Names{{"public", "a"}, {"public", "b"}, {"public", "c"}});
}

TEST_CASE("PL/pgSQL: %ROWTYPE and %TYPE declarations, not the queries") {
    CHECK(relations_checked_at_creation(
              "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\n"
              "DECLARE r app.posts%ROWTYPE; t tags.name%TYPE; u s.\"T\".c%TYPE; n int;\n"
              "BEGIN PERFORM 1 FROM never_read; END $$") ==
          Names{{"app", "posts"}, {"public", "tags"}, {"s", "T"}});
}

TEST_CASE("bodies pg_depend covers, other languages and bad SQL give nothing") {
    CHECK(relations_checked_at_creation(
              "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT 1; END")
              .empty());
    CHECK(relations_checked_at_creation("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql "
                                        "RETURN $1 + 1")
              .empty());
    CHECK(relations_checked_at_creation("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'lib', "
                                        "'sym'")
              .empty());
    CHECK(relations_checked_at_creation("CREATE FUNCTION f( RETURNS").empty());
}
