// The runtime's drift fingerprint covers every kind of object the compiler
// diffs: a kind added to the compiler's table without a fingerprint part
// fails here.

#include "catalog/kinds.h"
#include "runtime/history.h"

#include <doctest/doctest.h>
#include <set>
#include <sstream>
#include <string>

namespace {

/// Everything the fingerprint's parts say they cover.
std::set<std::string> covered() {
    std::set<std::string> out;
    for (const auto& part : schemac::runtime::fingerprint_parts()) {
        std::stringstream names{std::string(part.covers)};
        for (std::string name; std::getline(names, name, ',');)
            out.insert(name.substr(name.find_first_not_of(' ')));
    }
    return out;
}

} // namespace

TEST_CASE("the drift fingerprint covers every kind the compiler diffs") {
    auto parts = covered();
    for (const auto& info : schemac::catalog::k_kind_info) {
        INFO("kind " << info.name);
        CHECK(parts.contains(std::string(info.name)));
    }
    // What the compiler diffs beyond objects of a kind.
    for (const char* also : {"privileges", "default privileges", "comments"}) {
        INFO(also);
        CHECK(parts.contains(also));
    }
}

TEST_CASE("every fingerprint part gives lines of its own") {
    for (const auto& part : schemac::runtime::fingerprint_parts()) {
        INFO(part.covers);
        CHECK(std::string(part.sql).find("SELECT ") != std::string::npos);
        CHECK_FALSE(part.covers.empty());
    }
}

TEST_CASE("schema_of_line: the schema of the object each kind of fingerprint line is about") {
    using schemac::runtime::schema_of_line;
    CHECK(schema_of_line("schema auth acl {postgres=UC/postgres}") == "auth");
    CHECK(schema_of_line("owner of schema \"My App\" postgres") == "My App");
    CHECK(schema_of_line("comment on schema auth 'x'") == "auth");
    CHECK(schema_of_line("extension uuid-ossp 1.1 in extensions") == "extensions");
    CHECK(schema_of_line("default privileges for postgres on r acl {}") == "");
    CHECK(schema_of_line("default privileges for postgres in app on r acl {}") == "app");
    CHECK(schema_of_line("relation auth.users kind r persistence p") == "auth");
    CHECK(schema_of_line("column auth.users.phone text") == "auth");
    CHECK(schema_of_line("column \"a.b\".\"t\".c integer default 1.5") == "a.b");
    CHECK(schema_of_line("constraint public.profiles profiles_user_id_fkey FOREIGN KEY "
                         "(user_id) REFERENCES auth.users(id)") == "public");
    CHECK(schema_of_line("index CREATE UNIQUE INDEX users_pkey ON auth.users USING btree (id)") ==
          "auth");
    CHECK(schema_of_line("trigger CREATE TRIGGER t AFTER INSERT ON auth.users FOR EACH ROW "
                         "EXECUTE FUNCTION public.on_signup()") == "auth");
    CHECK(schema_of_line("routine auth.uid() kind f 0123") == "auth");
    CHECK(schema_of_line("owner of routine auth.uid() postgres") == "auth");
    CHECK(schema_of_line("comment on column storage.objects.id 'x'") == "storage");
    CHECK(schema_of_line("publication p owner postgres all tables publish insert") == "");
    CHECK(schema_of_line("publication p tables in schema storage") == "storage");
    CHECK(schema_of_line("publication p table storage.objects") == "storage");
}
