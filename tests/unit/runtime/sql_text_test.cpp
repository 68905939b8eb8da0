// SQL text read with libpg_query's scanner: names found as tokens.

#include "runtime/sql_text.h"

#include <doctest/doctest.h>

using schemac::runtime::find_name;

TEST_CASE("a name is found where it is written as tokens, quoted or in any case, never in a "
          "string, a body or a comment") {
    const std::string sql = "CREATE TABLE p ( -- auth.users is the platform's\n"
                            "  note text DEFAULT 'auth.users',\n"
                            "  id uuid REFERENCES Auth . \"users\"\n"
                            ")";
    CHECK(find_name(sql, {"auth", "users"}) == sql.find("Auth"));
    CHECK(find_name(sql, {"auth"}, true) == sql.find("Auth"));
    CHECK(find_name(sql, {"users"}) == sql.find("\"users\""));
    CHECK(find_name(sql, {"Auth"}, true) == std::string::npos); // "Auth" would be quoted
    CHECK(find_name(sql, {"storage"}, true) == std::string::npos);
    // A schema is a qualifier: `auth` alone (a column) is not it.
    const std::string column = "CREATE VIEW v AS SELECT auth, x FROM auth.t";
    CHECK(find_name(column, {"auth"}, true) == column.find("auth.t"));
    CHECK(find_name("CREATE FUNCTION f() RETURNS int AS $$ SELECT auth.uid() $$ LANGUAGE sql",
                    {"auth"}, true) == std::string::npos);
    CHECK(find_name("'unterminated", {"x"}) == std::string::npos);
}
