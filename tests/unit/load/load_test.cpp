#include "load/load.h"

#include <doctest/doctest.h>

using namespace schemac;
using namespace schemac::load;

namespace {

/// Parses several in-memory files and orders their statements.
struct Files {
    std::vector<std::unique_ptr<SourceFile>> files;

    Result<std::vector<Statement>> load(std::vector<std::pair<std::string, std::string>> sources) {
        std::vector<Statement> all;
        for (auto& [path, text] : sources) {
            files.push_back(std::make_unique<SourceFile>(path, text));
            auto parsed = parse_file(*files.back());
            if (!parsed)
                return parsed.error();
            for (auto& s : *parsed)
                all.push_back(std::move(s));
        }
        return order_statements(std::move(all));
    }
};

std::vector<std::string> texts(const std::vector<Statement>& statements) {
    std::vector<std::string> out;
    for (const auto& s : statements)
        out.push_back(s.sql);
    return out;
}

std::string error_of(std::vector<std::pair<std::string, std::string>> sources) {
    Files files;
    auto result = files.load(std::move(sources));
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

} // namespace

TEST_CASE("statements are ordered by what they reference, across files") {
    Files files;
    auto result = files.load({
        {"b.sql", "CREATE INDEX posts_ws ON posts (workspace_id);\n"
                  "CREATE TABLE posts (id int, workspace_id int REFERENCES workspaces(id), "
                  "status post_status)"},
        {"a.sql", "COMMENT ON TABLE workspaces IS 'w';\n"
                  "CREATE TABLE workspaces (id int PRIMARY KEY, seq_id int DEFAULT "
                  "nextval('ws_seq'));\n"
                  "CREATE SEQUENCE ws_seq;\n"
                  "CREATE TYPE post_status AS ENUM ('draft')"},
    });
    REQUIRE(result.ok());
    CHECK(texts(*result) ==
          std::vector<std::string>{
              "CREATE SEQUENCE ws_seq",
              "CREATE TABLE workspaces (id int PRIMARY KEY, seq_id int DEFAULT nextval('ws_seq'))",
              "COMMENT ON TABLE workspaces IS 'w'",
              "CREATE TYPE post_status AS ENUM ('draft')",
              "CREATE TABLE posts (id int, workspace_id int REFERENCES workspaces(id), status "
              "post_status)",
              "CREATE INDEX posts_ws ON posts (workspace_id)",
          });
}

TEST_CASE("a foreign key waits for the referenced table's key added by ALTER TABLE") {
    Files files;
    auto result = files.load({{"x.sql", "CREATE TABLE a (b_id int);\n"
                                        "ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) "
                                        "REFERENCES b (id);\n"
                                        "CREATE TABLE b (id int);\n"
                                        "ALTER TABLE b ADD PRIMARY KEY (id)"}});
    REQUIRE(result.ok());
    CHECK(texts(*result) ==
          std::vector<std::string>{
              "CREATE TABLE a (b_id int)",
              "CREATE TABLE b (id int)",
              "ALTER TABLE b ADD PRIMARY KEY (id)",
              "ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b_id) REFERENCES b (id)",
          });
}

TEST_CASE("error texts") {
    SUBCASE("syntax error with caret") {
        CHECK(error_of({{"schema/posts.sql",
                         "CREATE TABLE a (id int);\n\nCREATE TABL posts (\n  id int\n);\n"}}) ==
              "schema/posts.sql:3:8: syntax error at or near \"TABL\"\n"
              "  CREATE TABL posts (\n"
              "         ^");
    }
    SUBCASE("DROP is refused with its location") {
        CHECK(error_of({{"t.sql", "CREATE TABLE a (id int);\n  DROP TABLE a;\n"}}) ==
              "t.sql:2:3: DROP is not declarative DDL; schemac accepts CREATE, COMMENT ON and "
              "GRANT statements that describe the desired state\n"
              "    DROP TABLE a;\n"
              "    ^");
    }
    SUBCASE("data statements are refused") {
        CHECK(error_of({{"t.sql", "INSERT INTO a VALUES (1);"}})
                  .starts_with("t.sql:1:1: INSERT is not declarative DDL"));
        CHECK(
            error_of({{"t.sql", "BEGIN;"}})
                .starts_with(
                    "t.sql:1:1: a transaction command (TRANS_STMT_BEGIN) is not declarative DDL"));
        CHECK(error_of({{"t.sql", "SET search_path = x;"}})
                  .starts_with("t.sql:1:1: SET is not declarative DDL"));
    }
    SUBCASE("ALTER TABLE other than ADD CONSTRAINT") {
        CHECK(error_of({{"t.sql", "ALTER TABLE a ADD COLUMN b int;"}}) ==
              "t.sql:1:1: ALTER TABLE AddColumn is not declarative DDL; describe the column or "
              "table in CREATE TABLE (ALTER TABLE accepts only ADD CONSTRAINT and ENABLE / FORCE "
              "ROW LEVEL SECURITY)\n"
              "  ALTER TABLE a ADD COLUMN b int;\n"
              "  ^");
    }
    SUBCASE("psql meta-commands") {
        CHECK(error_of({{"t.sql", "CREATE TABLE a (id int);\n\\i other.sql\n"}}) ==
              "t.sql:2:1: psql meta-command \\i is not supported; the tree is plain SQL and "
              "every *.sql file below it is loaded\n"
              "  \\i other.sql\n"
              "  ^");
    }
    SUBCASE("the same object twice, in two files") {
        CHECK(error_of({{"a.sql", "CREATE TABLE t (id int);"},
                        {"b.sql", "\n\nCREATE TABLE public.t (x int);"}}) ==
              "b.sql:3:1: table public.t is defined twice; first defined at a.sql:1:1\n"
              "  CREATE TABLE public.t (x int);\n"
              "  ^");
    }
    SUBCASE("a cycle prints its path") {
        CHECK(error_of({{"c.sql", "CREATE TABLE a (b_id int REFERENCES b (id));\n"
                                  "CREATE TABLE b (a_id int REFERENCES a (id));"}}) ==
              "dependency cycle among the tree's statements: table public.a (c.sql:1:1) -> "
              "table public.b (c.sql:2:1) -> table public.a (c.sql:1:1)");
    }
}

TEST_CASE("roles named by the tree are collected") {
    Files files;
    auto result = files.load({{"g.sql", "CREATE TABLE a (id int);\n"
                                        "GRANT SELECT ON a TO authenticated, \"Service Role\";"}});
    REQUIRE(result.ok());
    CHECK(result->back().roles == std::vector<std::string>{"Service Role", "authenticated"});
}
