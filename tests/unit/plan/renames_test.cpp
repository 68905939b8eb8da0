// Rename resolution: the tree's `-- schemac:renamed-from` annotations against
// catalogs built in code.

#include "load/load.h"
#include "plan/renames.h"

#include <doctest/doctest.h>

using namespace schemac;
using namespace schemac::catalog;

namespace {

struct Annotated {
    load::SourceFile file;
    std::vector<load::RenameIntent> intents;
    explicit Annotated(const std::string& text) : file("schema/t.sql", text) {
        auto statements = load::parse_file(file);
        REQUIRE(statements.ok());
        for (const auto& s : statements->statements)
            intents.insert(intents.end(), s.renames.begin(), s.renames.end());
    }
};

Catalog with_table(const std::string& name, const std::vector<std::string>& columns) {
    Catalog c;
    Table t;
    t.key = relation_key(Kind::Table, "public", name);
    c.tables.emplace(t.key, t);
    for (const auto& column : columns) {
        Column col;
        col.key = child_key(Kind::Column, "public", name, column);
        c.columns.emplace(col.key, col);
    }
    Constraint pk;
    pk.key = child_key(Kind::Constraint, "public", name, name + "_pkey");
    pk.type = ConstraintType::PrimaryKey;
    c.constraints.emplace(pk.key, pk);
    return c;
}

std::vector<std::string> described(const std::vector<diff::Rename>& renames) {
    std::vector<std::string> out;
    for (const auto& r : renames)
        out.push_back(diff::summary_line(diff::summary_of(r)));
    return out;
}

} // namespace

TEST_CASE("a renamed table brings its default-named key along, after the table") {
    Annotated tree("-- schemac:renamed-from users\n"
                   "CREATE TABLE accounts (id int PRIMARY KEY, email text);\n");
    auto renames = plan::resolve_renames(tree.intents, with_table("users", {"id", "email"}),
                                         with_table("accounts", {"id", "email"}));
    REQUIRE(renames.ok());
    CHECK(described(*renames) ==
          std::vector<std::string>{
              "~ table public.accounts (renamed from users)",
              "~ constraint accounts_pkey ON public.accounts (renamed from users_pkey, following "
              "table public.accounts)"});
}

TEST_CASE("a column rename runs after its table's, under the table's new name") {
    Annotated tree("-- schemac:renamed-from users\n"
                   "CREATE TABLE accounts (\n"
                   "    id int PRIMARY KEY,\n"
                   "    -- schemac:renamed-from mail\n"
                   "    email text\n"
                   ");\n");
    auto renames = plan::resolve_renames(tree.intents, with_table("users", {"id", "mail"}),
                                         with_table("accounts", {"id", "email"}));
    REQUIRE(renames.ok());
    // The table first; then what it holds (the column, the key it brings).
    CHECK(described(*renames) ==
          std::vector<std::string>{
              "~ table public.accounts (renamed from users)",
              "~ column public.accounts.email (renamed from mail)",
              "~ constraint accounts_pkey ON public.accounts (renamed from users_pkey, following "
              "table public.accounts)"});
    const auto& column = (*renames)[1];
    CHECK(column.current == child_key(Kind::Column, "public", "users", "mail"));
    CHECK(column.before() == child_key(Kind::Column, "public", "accounts", "mail"));
    CHECK(column.after() == child_key(Kind::Column, "public", "accounts", "email"));
}

TEST_CASE("an applied rename gives nothing; an unknown old name is an error at the annotation") {
    Annotated tree("CREATE TABLE t (\n"
                   "    id int PRIMARY KEY,\n"
                   "    -- schemac:renamed-from mial\n"
                   "    email text\n"
                   ");\n");
    auto applied = plan::resolve_renames(tree.intents, with_table("t", {"id", "email"}),
                                         with_table("t", {"id", "email"}));
    REQUIRE(applied.ok());
    CHECK(applied->empty());
    auto typo = plan::resolve_renames(tree.intents, with_table("t", {"id", "mail"}),
                                      with_table("t", {"id", "email"}));
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().describe() ==
          "schema/t.sql:3:5: -- schemac:renamed-from mial: in the current state neither column "
          "public.t.mial nor column public.t.email exists; check the old name, or remove the "
          "annotation\n"
          "      -- schemac:renamed-from mial\n"
          "      ^");
    // A fresh database: nothing holds the column yet.
    auto fresh = plan::resolve_renames(tree.intents, Catalog{}, with_table("t", {"id", "email"}));
    REQUIRE(fresh.ok());
    CHECK(fresh->empty());
}
