#include "catalog/quote.h"

#include <doctest/doctest.h>

using namespace schemac::catalog;

TEST_CASE("quote_ident keeps plain lower-case names bare") {
    CHECK(quote_ident("tenants") == "tenants");
    CHECK(quote_ident("_private") == "_private");
    CHECK(quote_ident("a1$") == "a1$");
    // Unreserved keywords need no quotes, as in PostgreSQL's quote_ident().
    CHECK(quote_ident("name") == "name");
    CHECK(quote_ident("data") == "data");
}

TEST_CASE("quote_ident quotes what PostgreSQL would fold or reject") {
    SUBCASE("mixed case") {
        CHECK(quote_ident("Tenants") == "\"Tenants\"");
    }
    SUBCASE("spaces") {
        CHECK(quote_ident("user name") == "\"user name\"");
    }
    SUBCASE("embedded quotes are doubled") {
        CHECK(quote_ident("a\"b") == "\"a\"\"b\"");
    }
    SUBCASE("reserved and column-name keywords") {
        CHECK(quote_ident("user") == "\"user\"");
        CHECK(quote_ident("select") == "\"select\"");
        CHECK(quote_ident("order") == "\"order\"");
        CHECK(quote_ident("int") == "\"int\"");
        CHECK(quote_ident("timestamp") == "\"timestamp\"");
    }
    SUBCASE("leading digit and dollar") {
        CHECK(quote_ident("1st") == "\"1st\"");
        CHECK(quote_ident("$x") == "\"$x\"");
    }
    SUBCASE("unicode") {
        CHECK(quote_ident("café") == "\"café\"");
    }
    SUBCASE("empty") {
        CHECK(quote_ident("") == "\"\"");
    }
    SUBCASE("names at the 63-byte limit") {
        std::string name(63, 'a');
        CHECK(quote_ident(name) == name);
        std::string upper(63, 'A');
        CHECK(quote_ident(upper) == "\"" + upper + "\"");
    }
}

TEST_CASE("quote_qualified and quote_literal") {
    CHECK(quote_qualified("public", "tenants") == "public.tenants");
    CHECK(quote_qualified("My Schema", "user") == "\"My Schema\".\"user\"");
    CHECK(quote_qualified("", "x") == "x");
    CHECK(quote_literal("it's") == "'it''s'");
    CHECK(quote_literal("back\\slash") == "'back\\slash'");
}

TEST_CASE("the quote-everything switch") {
    set_quote_all(true);
    CHECK(quote_ident("tenants") == "\"tenants\"");
    set_quote_all(false);
    CHECK(quote_ident("tenants") == "tenants");
}

TEST_CASE("role_names reads a grantee or a policy's role list back as names") {
    using V = std::vector<std::string>;
    CHECK(role_names("reader") == V{"reader"});
    CHECK(role_names("PUBLIC").empty());
    CHECK(role_names("\"PUBLIC\"") == V{"PUBLIC"});
    CHECK(role_names("\"Ops, EU\", PUBLIC, app") == V{"Ops, EU", "app"});
    CHECK(role_names("\"a\"\"b\", c") == V{"a\"b", "c"});
    CHECK(role_names("").empty());
}
