#include "load/load.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

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
              "t.sql:2:3: DROP is not declarative DDL; schemac accepts CREATE, COMMENT ON, "
              "GRANT and REVOKE statements that describe the desired state\n"
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

namespace {

/// `kind schema.parent.name <- old` (or `type schema.name value 'new' <- 'old'`) per annotation.
std::vector<std::string> renames_of(const std::string& sql) {
    Files files;
    auto result = files.load({{"r.sql", sql}});
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
    std::vector<std::string> out;
    for (const auto& s : *result)
        for (const auto& r : s.renames) {
            std::string name =
                std::string(catalog::kind_info(r.object.kind).name) + " " + r.object.schema + "." +
                (r.object.parent.empty() ? "" : r.object.parent + ".") + r.object.name;
            if (!r.value.empty())
                name += " value '" + r.value + "'";
            out.push_back(name + " <- " + r.old_name + " @" +
                          std::to_string(r.file->locate(r.offset).line));
        }
    std::ranges::sort(out);
    return out;
}

} // namespace

TEST_CASE("renamed-from annotations attach to the object directly below them") {
    CHECK(
        renames_of("-- schemac:renamed-from billing\n"
                   "CREATE SCHEMA payments;\n"
                   "-- schemac:renamed-from \"Users\"\n"
                   "-- another comment between is fine\n"
                   "CREATE TABLE payments.accounts (\n"
                   "    id int,\n"
                   "    -- schemac:renamed-from Mail\n"
                   "    email text,\n"
                   "    -- schemac:renamed-from old_check\n"
                   "    CONSTRAINT email_shape CHECK (email LIKE '%@%')\n"
                   ");\n"
                   "CREATE TYPE state AS ENUM (\n"
                   "    'open',\n"
                   "    -- schemac:renamed-from 'it''s done'\n"
                   "    'closed'\n"
                   ");\n"
                   "-- schemac:renamed-from acc_email\n"
                   "CREATE INDEX accounts_email ON payments.accounts (email);\n"
                   "-- schemac:renamed-from seq1\n"
                   "CREATE SEQUENCE seq2;\n"
                   "  -- schemac:renamed-from old_fk\n"
                   "ALTER TABLE payments.accounts ADD CONSTRAINT accounts_id_key UNIQUE (id);\n") ==
        std::vector<std::string>{
            "column payments.accounts.email <- mail @7",
            "constraint payments.accounts.accounts_id_key <- old_fk @21",
            "constraint payments.accounts.email_shape <- old_check @9",
            "index payments.accounts_email <- acc_email @17",
            "schema .payments <- billing @1",
            "sequence public.seq2 <- seq1 @19",
            "table payments.accounts <- Users @3",
            "type public.state value 'closed' <- it's done @14",
        });
}

TEST_CASE("a misplaced or malformed renamed-from annotation is an error at the annotation") {
    CHECK(error_of({{"a.sql", "CREATE TABLE t (a int);\n-- schemac:renamed-from x\n"
                              "COMMENT ON TABLE t IS 'x';\n"}})
              .starts_with("a.sql:2:1: -- schemac:renamed-from: it must sit directly above"));
    CHECK(error_of({{"a.sql", "CREATE TABLE t (a int);\n-- schemac:renamed-from x\n"}})
              .starts_with("a.sql:2:1: -- schemac:renamed-from: nothing below it"));
    CHECK(error_of({{"a.sql", "-- schemac:renamed-from public.x\nCREATE TABLE t (a int);\n"}})
              .starts_with("a.sql:1:1: -- schemac:renamed-from: expected the old name of table "
                           "public.t as one identifier"));
    CHECK(error_of({{"a.sql", "-- schemac:renamed-from\nCREATE TABLE t (a int);\n"}})
              .find("as one identifier") != std::string::npos);
    CHECK(error_of({{"a.sql", "CREATE TYPE e AS ENUM (\n  -- schemac:renamed-from b\n  'a');\n"}})
              .starts_with("a.sql:2:3: -- schemac:renamed-from: an enum value's old name is a "
                           "string literal"));
    // An unnamed constraint has no name in the tree to rename to.
    CHECK(error_of({{"a.sql", "CREATE TABLE t (\n  a int,\n  -- schemac:renamed-from c\n"
                              "  CHECK (a > 0));\n"}})
              .starts_with("a.sql:3:3: -- schemac:renamed-from: it must sit directly above"));
}

TEST_CASE("what a file's bytes hold that is not SQL text is an error at its place") {
    CHECK(error_of({{"n.sql", std::string("CREATE TABLE a (id int);\nCREATE TABLE b (x int);") +
                                  '\0' + "\nCREATE TABLE c ();\n"}}) ==
          "n.sql:2:24: a NUL byte; SQL text holds none\n"
          "  CREATE TABLE b (x int);" +
              std::string(1, '\0') + "\n                         ^");
    CHECK(error_of({{"u.sql", "CREATE TABLE b (\xff int);\n"}}) ==
          "u.sql:1:17: a byte that is not UTF-8; save the file as UTF-8\n"
          "  CREATE TABLE b (\xff int);\n"
          "                  ^");
    // Sequences of the right shape that UTF-8 still forbids (found by
    // tests/fuzz/run: an overlong one reached the JSON reader and aborted):
    // overlong forms, a surrogate, a code point beyond U+10FFFF.
    for (const char* bad :
         {"\xc1\xbe", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
        INFO(bad);
        CHECK(error_of({{"u.sql", std::string("-- ") + bad + "\nCREATE TABLE b (a int);\n"}})
                  .starts_with("u.sql:1:4: a byte that is not UTF-8"));
    }
    Files files;
    CHECK(files
              .load({{"ok.sql", "-- \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf\n"
                                "CREATE TABLE b (a int);\n"}})
              .ok());
}

TEST_CASE("a statement nested tens of thousands deep is read, not a crash") {
    std::string terms = "1";
    for (int i = 0; i < 60000; ++i)
        terms += "+1";
    Files files;
    auto result = files.load({{"deep.sql", "CREATE TABLE t (a int CHECK (a < " + terms + "));"}});
    REQUIRE_MESSAGE(result.ok(), result.error().message);
    CHECK(result->size() == 1);
    // Too deep for the parser's own stack: an error at the place, not a crash.
    std::string parens = std::string(20000, '(') + "1" + std::string(20000, ')');
    CHECK(error_of({{"p.sql", "CREATE TABLE t (a int CHECK (a < " + parens + "));"}})
              .starts_with("p.sql:1:10018: memory exhausted at or near \"(\"\n"
                           "  ...(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("));
}

TEST_CASE("a long line is shown around the error's column") {
    std::string columns;
    for (int i = 0; i < 200; ++i)
        columns += "c" + std::to_string(i) + " int, ";
    CHECK(error_of({{"w.sql", "CREATE TABLE t (" + columns + "x no_type_here ,);"}}) ==
          "w.sql:1:1923: syntax error at or near \")\"\n"
          "  ...nt, c196 int, c197 int, c198 int, c199 int, x no_type_here ,);\n"
          "                                                                 ^");
}

TEST_CASE("annotations count only as real comments, never inside a body or a string") {
    Files files;
    auto result = files.load({{"f.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n"
                                        "-- schemac:renamed-from nothing\n"
                                        "SELECT 1\n$$;\n"
                                        "COMMENT ON FUNCTION f() IS '\n"
                                        "-- schemac:renamed-from nothing';\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().message);
    for (const auto& s : *result)
        CHECK(s.renames.empty());
}

TEST_CASE("a byte order mark before the first statement is skipped") {
    auto dir = std::filesystem::temp_directory_path() / "schemac-bom-test";
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "t.sql") << "\xEF\xBB\xBF"
                                     << "CREATE TABLE t (id int);\n";
    }
    auto tree = load_tree(dir);
    REQUIRE_MESSAGE(tree.ok(), tree.error().message);
    CHECK(tree->statements.at(0).sql == "CREATE TABLE t (id int)");
    std::filesystem::remove_all(dir);
}
