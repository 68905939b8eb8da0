// Connection strings are never printed with their password, parsed or not.

#include "runtime/connection.h"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace schemac::runtime;

TEST_CASE("a password is never printed, whether libpq parses the string or not") {
    CHECK(redact("postgresql://u:secret@localhost/db") == "user='u' dbname='db' host='localhost'");
    CHECK(redact("host=h password=secret dbname=d") == "dbname='d' host='h'");
    // libpq cannot parse these: masked as text.
    CHECK(redact("postgresql://u:secret@localhost/db?foo=bar") ==
          "postgresql://u:***@localhost/db?foo=bar");
    CHECK(redact("host=h password='secret") == "host=h password='***");
    CHECK(redact("postgresql://u:secret@[::1/db") == "postgresql://u:***@[::1/db");
    // libpq's own message repeats the URI.
    CHECK(connect_error("", "postgresql://u:secret@[::1/db",
                        "end of string reached in URI: \"postgresql://u:secret@[::1/db\"") ==
          "cannot connect to postgresql://u:***@[::1/db: end of string reached in URI: "
          "\"postgresql://u:***@[::1/db\"");
    CHECK(scrub("no password here", "host=h") == "no password here");
}

TEST_CASE("--url env:NAME reads the URL from the environment") {
    setenv("SCHEMAC_TEST_URL", "postgresql:///x", 1);
    CHECK(resolve_url("env:SCHEMAC_TEST_URL").value() == "postgresql:///x");
    CHECK(resolve_url("postgresql:///y").value() == "postgresql:///y");
    unsetenv("SCHEMAC_TEST_URL");
    CHECK(resolve_url("env:SCHEMAC_TEST_URL").error().describe() ==
          "env:SCHEMAC_TEST_URL: the environment variable SCHEMAC_TEST_URL is not set");
}
