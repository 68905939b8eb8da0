#include "load/load.h"
#include "load/written.h"

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
        std::vector<const SourceFile*> read;
        for (auto& [path, text] : sources) {
            files.push_back(std::make_unique<SourceFile>(path, text));
            read.push_back(files.back().get());
        }
        auto parsed = parse_files(read); // as load_tree does
        if (!parsed)
            return parsed.error();
        std::vector<Statement> all;
        for (auto& file : *parsed)
            for (auto& s : file.statements)
                all.push_back(std::move(s));
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
              "t.sql:2:3: DROP is refused: remove the CREATE instead; a DROP in the tree would "
              "not say what the schema is (DROP ... IF EXISTS is accepted directly before the "
              "statement that creates the object)\n"
              "    DROP TABLE a;\n"
              "    ^");
        // IF EXISTS, but nothing after it creates the object.
        CHECK(error_of({{"t.sql", "DROP TABLE IF EXISTS a;\nCREATE TABLE b (id int);\n"}})
                  .starts_with("t.sql:1:1: DROP is refused: remove the CREATE instead"));
    }
    SUBCASE("what writes or moves data is refused in SQL words") {
        CHECK(error_of({{"t.sql", "INSERT INTO a VALUES (1);"}})
                  .starts_with("t.sql:1:1: INSERT writes data; the tree describes the schema "
                               "(data moves in data steps)"));
        CHECK(
            error_of({{"t.sql", "COPY a FROM stdin;"}}).starts_with("t.sql:1:1: COPY writes data"));
        CHECK(error_of({{"t.sql", "TRUNCATE a;"}}).starts_with("t.sql:1:1: TRUNCATE writes data"));
        CHECK(error_of({{"t.sql", "SELECT pg_catalog.setval('public.s', 5, true);"}})
                  .starts_with("t.sql:1:1: SELECT setval(...) sets a sequence's position; "
                               "sequence positions are data, not schema"));
        CHECK(error_of({{"t.sql", "CREATE SEQUENCE s;\nALTER SEQUENCE s RESTART WITH 5;"}})
                  .starts_with("t.sql:2:1: ALTER SEQUENCE ... RESTART sets the sequence's "
                               "position; sequence positions are data, not schema"));
        CHECK(error_of({{"t.sql", "DO $$ BEGIN INSERT INTO a VALUES (1); END $$;"}})
                  .starts_with("t.sql:1:1: DO: the block runs INSERT, which writes data"));
    }
    SUBCASE("operations and transaction control are refused in SQL words") {
        CHECK(error_of({{"t.sql", "VACUUM;"}})
                  .starts_with("t.sql:1:1: VACUUM or ANALYZE is an operation, not a description "
                               "of the schema"));
        CHECK(error_of({{"t.sql", "CREATE DATABASE x;"}})
                  .starts_with("t.sql:1:1: CREATE DATABASE is an operation"));
        CHECK(error_of({{"t.sql", "ROLLBACK;"}})
                  .starts_with("t.sql:1:1: ROLLBACK is refused; the tree is run as one "
                               "transaction"));
        CHECK(error_of({{"t.sql", "CREATE TYPE c AS (a int);\n"
                                  "CREATE CAST (c AS text) WITH INOUT;"}})
                  .starts_with("t.sql:2:1: CREATE CAST is not supported yet"));
        CHECK(error_of({{"t.sql", "CREATE OPERATOR CLASS c FOR TYPE int4 USING btree AS "
                                  "OPERATOR 1 <;"}})
                  .starts_with("t.sql:1:1: CREATE OPERATOR CLASS is not supported yet"));
        CHECK(error_of({{"t.sql", "CREATE LANGUAGE plsample HANDLER plsample_call_handler;"}})
                  .starts_with("t.sql:1:1: CREATE LANGUAGE is not supported yet"));
        CHECK(error_of({{"t.sql", "CREATE TABLE t (id int);\nCREATE PUBLICATION p FOR TABLE t;\n"
                                  "ALTER PUBLICATION p DROP TABLE t;"}})
                  .starts_with("t.sql:3:1: ALTER PUBLICATION ... DROP takes away what the tree "
                               "states"));
    }
    SUBCASE("settings the tree cannot use") {
        CHECK(error_of({{"t.sql", "SET work_mem = '1GB';"}})
                  .starts_with("t.sql:1:1: SET work_mem is not a setting the tree can use; "
                               "schemac accepts SET, RESET and set_config() of search_path, "));
        CHECK(error_of({{"t.sql", "SET client_encoding = 'LATIN1';"}})
                  .starts_with("t.sql:1:1: SET client_encoding = LATIN1: the tree is read with "
                               "client_encoding = utf8"));
        CHECK(error_of({{"t.sql", "SELECT pg_catalog.set_config('search_path', '', false);\n"
                                  "CREATE TABLE t (id int);"}})
                  .starts_with("t.sql:2:1: no schema has been selected to create in: the file's "
                               "search_path is empty; qualify the name"));
    }
    SUBCASE("ALTER that takes away what the tree states, or of what it does not create") {
        CHECK(error_of({{"t.sql", "CREATE TABLE a (b int);\nALTER TABLE a DROP COLUMN b;"}}) ==
              "t.sql:2:1: ALTER TABLE ... DROP COLUMN takes away what the tree states; change "
              "the CREATE statement instead\n"
              "  ALTER TABLE a DROP COLUMN b;\n"
              "  ^");
        CHECK(error_of({{"t.sql", "ALTER TABLE auth.users ADD COLUMN b int;"}}) ==
              "t.sql:1:1: the tree does not create auth.users, which this statement alters; the "
              "tree may alter only what it creates\n"
              "  ALTER TABLE auth.users ADD COLUMN b int;\n"
              "  ^");
        CHECK(error_of({{"t.sql", "ALTER TABLE a RENAME TO b;"}})
                  .starts_with("t.sql:1:1: ALTER ... RENAME is refused: write the new name in "
                               "the tree"));
    }
    SUBCASE("psql meta-commands") {
        CHECK(error_of({{"t.sql", "CREATE TABLE a (id int);\n\\i other.sql\n"}}) ==
              "t.sql:2:1: psql meta-command \\i is not supported; the tree is plain SQL and "
              "every *.sql file below it is loaded\n"
              "  \\i other.sql\n"
              "  ^");
    }
    SUBCASE("a data dump's rows, after COPY ... FROM stdin") {
        for (const char* end : {"\\.\n", ""})
            CHECK(error_of({{"t.sql", std::string("CREATE TABLE a (id int, s text);\n"
                                                  "COPY public.a (id, s) FROM stdin;\n"
                                                  "1\tone\n") +
                                          end}}) ==
                  "t.sql:2:1: COPY ... FROM stdin writes data (the rows of a data dump follow "
                  "it); the tree describes the schema: dump it with pg_dump --schema-only, and "
                  "move data in data steps\n"
                  "  COPY public.a (id, s) FROM stdin;\n"
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

TEST_CASE("pg_dump's output is a tree: settings, psql guards, ALTERs after the tables") {
    Files files;
    auto result = files.load({{"dump.sql", R"sql(--
-- PostgreSQL database dump
--
\restrict AbC123

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET row_security = off;

CREATE SCHEMA app;
ALTER SCHEMA app OWNER TO postgres;
SET default_tablespace = '';
CREATE TABLE app.orders (id integer NOT NULL, user_id integer);
ALTER TABLE app.orders OWNER TO postgres;
CREATE TABLE app.users (id integer NOT NULL);
ALTER TABLE app.users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME app.users_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1
);
CREATE INDEX orders_user_idx ON app.orders USING btree (user_id);
ALTER TABLE ONLY app.orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES app.users(id);
ALTER TABLE ONLY app.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
GRANT SELECT ON SEQUENCE app.users_id_seq TO reader;
\unrestrict AbC123
)sql"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    auto sql = texts(*result);
    auto at = [&](std::string_view prefix) {
        return std::ranges::find_if(sql, [&](const auto& s) { return s.starts_with(prefix); }) -
               sql.begin();
    };
    // The foreign key waits for the primary key added after it in the file.
    CHECK(at("ALTER TABLE ONLY app.users ADD CONSTRAINT users_pkey") <
          at("ALTER TABLE ONLY app.orders ADD CONSTRAINT orders_user_fk"));
    // The grant waits for the identity that makes its sequence.
    CHECK(at("ALTER TABLE app.users ALTER COLUMN id ADD GENERATED") < at("GRANT SELECT"));
    const Statement& table = (*result)[static_cast<std::size_t>(at("CREATE TABLE app.orders"))];
    CHECK(table.search_path.empty());
    CHECK(table.settings ==
          std::vector<std::pair<std::string, std::string>>{{"check_function_bodies", "false"},
                                                           {"default_tablespace", ""},
                                                           {"search_path", ""},
                                                           {"standard_conforming_strings", "on"}});
    // OWNER TO runs in the shadow, and the shadow must have the role.
    const auto& owner = (*result)[static_cast<std::size_t>(at("ALTER TABLE app.orders OWNER"))];
    CHECK(owner.runs);
    CHECK(owner.roles == std::vector<std::string>{"postgres"});
}

TEST_CASE("search_path decides where unqualified names are created and found") {
    Files files;
    auto result = files.load({{"a.sql", "SET search_path = app, public;\n"
                                        "CREATE VIEW v AS SELECT * FROM t;\n"},
                              {"b.sql", "CREATE SCHEMA app;\n"
                                        "SET search_path TO app;\n"
                                        "CREATE TABLE t (id int);\n"
                                        "RESET search_path;\n"
                                        "CREATE TABLE t (id int);\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    std::vector<std::string> created;
    for (const auto& s : *result)
        if (s.creates)
            created.push_back(catalog::qualified_name(*s.creates));
    // The view finds app.t first (its path), so it waits for it.
    CHECK(created == std::vector<std::string>{"app", "app.t", "app.v", "public.t"});
}

TEST_CASE("ALTERs of what the tree creates: in the order written, before what uses them") {
    Files files;
    auto result = files.load({{"a_view.sql", "CREATE VIEW v AS SELECT id, note FROM t;\n"},
                              {"b_alter.sql", "ALTER TABLE t ADD COLUMN note text;\n"
                                              "ALTER TABLE t ALTER COLUMN note SET DEFAULT 'x';\n"},
                              {"c_table.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK(texts(*result) == std::vector<std::string>{
                                "CREATE TABLE t (id int)",
                                "ALTER TABLE t ADD COLUMN note text",
                                // Only what changes columns holds a user back.
                                "CREATE VIEW v AS SELECT id, note FROM t",
                                "ALTER TABLE t ALTER COLUMN note SET DEFAULT 'x'",
                            });
}

TEST_CASE("DO blocks take part in the ordering through the statements inside") {
    Files files;
    auto result = files.load(
        {{"a.sql", "CREATE TABLE t (s status);\n"},
         {"b.sql", "DO $$ BEGIN\n"
                   "  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status') THEN\n"
                   "    CREATE TYPE status AS ENUM ('a', 'b');\n"
                   "  END IF;\n"
                   "END $$;\n"},
         {"c.sql", "DO $$ BEGIN CREATE ROLE app_reader NOLOGIN; EXCEPTION WHEN "
                   "duplicate_object THEN NULL; END $$;\n"
                   "CREATE ROLE \"App Writer\" LOGIN;\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK((*result)[0].node == "DoStmt");
    CHECK((*result)[0].runs);
    CHECK((*result)[1].sql.starts_with("CREATE TABLE t"));
    // A block that only creates roles names them; the shadow creates them.
    CHECK((*result)[2].roles == std::vector<std::string>{"app_reader"});
    CHECK_FALSE((*result)[2].runs);
    // So does CREATE ROLE: roles belong to the cluster, not to migrations.
    CHECK((*result)[3].roles == std::vector<std::string>{"App Writer"});
    CHECK_FALSE((*result)[3].runs);
}

TEST_CASE("idempotent-script idioms: DROP IF EXISTS before the CREATE, IF NOT EXISTS twice") {
    Files files;
    auto result = files.load({{"a.sql", "CREATE EXTENSION IF NOT EXISTS citext;\n"
                                        "DROP VIEW IF EXISTS v;\n"
                                        "CREATE VIEW v AS SELECT 1 AS one"},
                              {"b.sql", "CREATE EXTENSION IF NOT EXISTS citext;\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK(texts(*result) == std::vector<std::string>{"CREATE EXTENSION IF NOT EXISTS citext",
                                                     "CREATE VIEW v AS SELECT 1 AS one"});
}

TEST_CASE("pg_dump's stub view, replaced later, is one view replaced after its stub") {
    Files files;
    auto result = files.load(
        {{"d.sql", "CREATE VIEW v AS SELECT NULL::integer AS id;\n"
                   "CREATE FUNCTION f() RETURNS SETOF v LANGUAGE sql AS 'SELECT * FROM v';\n"
                   "CREATE TABLE t (id int);\n"
                   "CREATE OR REPLACE VIEW v AS SELECT id FROM t;\n"
                   "CREATE VIEW w AS SELECT id FROM v;\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    auto sql = texts(*result);
    auto at = [&](std::string_view prefix) {
        return std::ranges::find_if(sql, [&](const auto& s) { return s.starts_with(prefix); }) -
               sql.begin();
    };
    CHECK(at("CREATE VIEW v") < at("CREATE OR REPLACE VIEW v"));
    CHECK(at("CREATE TABLE t") < at("CREATE OR REPLACE VIEW v"));
    CHECK(at("CREATE OR REPLACE VIEW v") < at("CREATE VIEW w"));
}

TEST_CASE("what is created in a schema comes after the schema, whatever the file order") {
    Files files;
    auto result = files.load(
        {{"app/functions/f.sql", "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1'"},
         {"app/schema.sql", "CREATE SCHEMA app"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK(texts(*result) == std::vector<std::string>{
                                "CREATE SCHEMA app",
                                "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1'"});
}

TEST_CASE("GRANT ON ALL <kind> IN SCHEMA comes after what it reaches in that schema, whatever "
          "the file order") {
    Files files;
    auto result =
        files.load({{"a_grants.sql", "GRANT SELECT ON ALL TABLES IN SCHEMA app TO r;\n"
                                     "GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO r;\n"
                                     "REVOKE EXECUTE ON ALL ROUTINES IN SCHEMA app FROM PUBLIC;\n"
                                     "GRANT SELECT ON ALL TABLES IN SCHEMA other TO r;"},
                    {"b_app.sql", "CREATE SCHEMA app;\n"
                                  "CREATE TABLE app.t (id serial);\n"
                                  "CREATE VIEW app.v AS SELECT 1 AS one;\n"
                                  "CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1'"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK(texts(*result) ==
          std::vector<std::string>{"GRANT SELECT ON ALL TABLES IN SCHEMA other TO r",
                                   "CREATE SCHEMA app", "CREATE TABLE app.t (id serial)",
                                   "GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO r",
                                   "CREATE VIEW app.v AS SELECT 1 AS one",
                                   "GRANT SELECT ON ALL TABLES IN SCHEMA app TO r",
                                   "CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1'",
                                   "REVOKE EXECUTE ON ALL ROUTINES IN SCHEMA app FROM PUBLIC"});
}

TEST_CASE("an extension comes before what uses names the tree does not create, whatever the "
          "file order, and after its schema") {
    Files files;
    auto result = files.load(
        {{"a_events.sql", "CREATE TABLE events (id uuid DEFAULT extensions.uuid_generate_v4(), "
                          "email citext)"},
         {"b_extensions.sql", "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA "
                              "extensions;\nCREATE EXTENSION citext"},
         {"c_schema.sql", "CREATE SCHEMA extensions"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK(texts(*result) ==
          std::vector<std::string>{
              "CREATE EXTENSION citext", "CREATE SCHEMA extensions",
              "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions",
              "CREATE TABLE events (id uuid DEFAULT extensions.uuid_generate_v4(), email citext)"});
}

TEST_CASE("-- schemac:external marks the statement below it, or a whole file as its first line") {
    Files files;
    auto result =
        files.load({{"a.sql", "CREATE TABLE a (id int); -- schemac:external\n"
                              "CREATE TABLE b (id int);\n"
                              "-- the platform's\n"
                              "  -- schemac:external\n"
                              "CREATE SCHEMA auth;\n"
                              "CREATE TABLE c (id int);\n"},
                    {"b.sql", "-- schemac:external\nCREATE TABLE d (id int);\nCREATE FUNCTION "
                              "e(int) RETURNS int LANGUAGE sql AS 'SELECT 1';\n"}});
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    std::vector<std::string> external;
    for (const auto& s : *result)
        if (s.external)
            external.push_back(s.sql);
    CHECK(external == std::vector<std::string>{"CREATE SCHEMA auth", "CREATE TABLE d (id int)",
                                               "CREATE FUNCTION e(int) RETURNS int LANGUAGE sql "
                                               "AS 'SELECT 1'"});
    Tree tree;
    tree.statements = std::move(*result);
    auto rules = tree.context();
    REQUIRE(rules.size() == 3);
    CHECK(rules[0].kind == "*");
    CHECK(rules[0].name == "auth.*");
    CHECK(rules[1].kind == "table");
    CHECK(rules[1].name == "public.d");
    CHECK(rules[2].kind == "function");
    CHECK(rules[2].name == "public.e");
}

TEST_CASE("\\connect is ignored with a note; other psql meta-commands are refused") {
    SourceFile file("d.sql", "\\connect app\nCREATE TABLE t (id int);\n");
    auto parsed = parse_file(file);
    REQUIRE_MESSAGE(parsed.ok(), parsed.error().describe());
    CHECK(parsed->statements.size() == 1);
    CHECK(parsed->notes ==
          std::vector<std::string>{"d.sql:1:1: \\connect app ignored: the tree describes one "
                                   "database"});
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

TEST_CASE("using annotations give a column of CREATE TABLE its conversion") {
    Files files;
    auto result =
        files.load({{"u.sql", "SET search_path = app, public;\n"
                              "CREATE SCHEMA app;\n"
                              "CREATE TABLE prices (\n"
                              "    id int,\n"
                              "    -- schemac:using nullif(trim(amount), '')::numeric(12,2)\n"
                              "    amount numeric(12,2),\n"
                              "    -- schemac:renamed-from \"Cents\"\n"
                              "    -- schemac:using round(cents * 100)::bigint\n"
                              "    -- schemac:using-reverse cents / 100.0\n"
                              "    cents bigint);\n"}});
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
    std::vector<std::string> out;
    for (const auto& s : *result)
        for (const auto& u : s.usings)
            out.push_back(u.column.schema + "." + u.column.parent + "." + u.column.name +
                          (u.reverse ? " back " : " ") + u.expression + " @" +
                          std::to_string(u.file->locate(u.offset).line));
    CHECK(out ==
          std::vector<std::string>{"app.prices.amount nullif(trim(amount), '')::numeric(12,2) @5",
                                   "app.prices.cents round(cents * 100)::bigint @8",
                                   "app.prices.cents back cents / 100.0 @9"});
    CHECK(renames_of("CREATE TABLE t (\n"
                     "  -- schemac:renamed-from b\n"
                     "  -- schemac:using b::int\n"
                     "  a int);\n") == std::vector<std::string>{"column public.t.a <- b @2"});
}

TEST_CASE("a misplaced or malformed using annotation is an error at the annotation") {
    CHECK(error_of({{"a.sql", "-- schemac:using a::int\nCREATE TABLE t (a int);\n"}})
              .starts_with("a.sql:1:1: -- schemac:using: it must sit directly above a column in "
                           "CREATE TABLE"));
    CHECK(error_of({{"a.sql", "CREATE TABLE t (\n  -- schemac:using\n  a int);\n"}})
              .starts_with("a.sql:2:3: -- schemac:using: expected the expression"));
    CHECK(error_of({{"a.sql", "CREATE TABLE t (\n  -- schemac:using a::int)\n  a int);\n"}})
              .starts_with("a.sql:2:3: -- schemac:using: the expression does not parse: syntax "
                           "error at or near \")\""));
    for (const char* not_one : {"a::int; DROP TABLE t", "a, 1", "a FROM t", "1 UNION SELECT 2"}) {
        INFO(not_one);
        CHECK(error_of({{"a.sql", std::string("CREATE TABLE t (\n  -- schemac:using ") + not_one +
                                      "\n  a int);\n"}})
                  .starts_with("a.sql:2:3: -- schemac:using: expected one expression"));
    }
    CHECK(error_of({{"a.sql", "CREATE TABLE t (a int);\n-- schemac:using a::int\n"}})
              .starts_with("a.sql:2:1: -- schemac:using: nothing below it to convert"));
    CHECK(error_of({{"a.sql", "CREATE TABLE t (\n  -- schemac:using-reverse\n  a int);\n"}})
              .starts_with("a.sql:2:3: -- schemac:using-reverse: expected the expression that "
                           "converts the column's values back"));
    CHECK(error_of({{"a.sql", "CREATE TABLE t (\n  -- schemac:using-reverse a::text\n"
                              "  -- schemac:using-reverse a::varchar\n  a int);\n"}})
              .starts_with("a.sql:3:3: -- schemac:using-reverse: the column already has one"));
    // Another word after the marker's prefix is no annotation.
    Files files;
    CHECK(files.load({{"a.sql", "-- schemac:usingx\nCREATE TABLE t (a int);\n"}}).ok());
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

TEST_CASE("foreign data and string SQL bodies' calls are ordered by what they name") {
    Files files;
    auto result = files.load({
        {"a.sql", "CREATE FUNCTION a_label() RETURNS text LANGUAGE sql AS $$ SELECT z_word() $$;\n"
                  "CREATE FOREIGN TABLE remote (id int) SERVER billing;\n"
                  "CREATE USER MAPPING FOR CURRENT_USER SERVER billing;\n"
                  "CREATE SERVER billing FOREIGN DATA WRAPPER plain;\n"
                  "COMMENT ON SERVER billing IS 'b';\n"
                  "CREATE FOREIGN DATA WRAPPER plain;\n"
                  "CREATE FUNCTION z_word() RETURNS text LANGUAGE sql AS $$ SELECT 'w' $$"},
    });
    REQUIRE(result.ok());
    auto order = texts(*result);
    auto at = [&](const std::string& start) {
        return std::ranges::find_if(order, [&](const auto& s) { return s.starts_with(start); }) -
               order.begin();
    };
    CHECK(at("CREATE FUNCTION z_word") < at("CREATE FUNCTION a_label"));
    CHECK(at("CREATE FOREIGN DATA WRAPPER") < at("CREATE SERVER"));
    for (const char* user : {"CREATE FOREIGN TABLE", "CREATE USER MAPPING", "COMMENT ON SERVER"})
        CHECK(at("CREATE SERVER") < at(user));
}

TEST_CASE("the CHECK expressions of the tree, as written, with the table they are on") {
    Files files;
    auto ordered = files.load({{"a.sql", "SET search_path = app, public;\n"
                                         "CREATE TABLE t (\n"
                                         "  s varchar(20) CHECK (s IN ('a', 'b)')),\n"
                                         "  CONSTRAINT \"odd (name\" CHECK ((s <> 'c') -- (\n"
                                         "  ) NO INHERIT\n"
                                         ");\n"
                                         "CREATE TABLE public.u (x int);\n"
                                         "ALTER TABLE public.u ADD CHECK (x > /* ) */ 0);\n"
                                         "CREATE INDEX i ON t (s) WHERE (s IN ('a'));\n"}});
    REQUIRE(ordered.ok());
    Tree tree;
    tree.statements = std::move(*ordered);
    auto checks = written_checks(tree);
    REQUIRE(checks.size() == 3);
    std::ranges::sort(checks, {}, &WrittenCheck::expression);
    CHECK(checks[0].expression == "(s <> 'c') -- (\n  ");
    CHECK(checks[1].expression == "s IN ('a', 'b)')");
    CHECK(checks[2].expression == "x > /* ) */ 0");
    CHECK(checks[1].search_path == std::vector<std::string>{"app", "public"});
    CHECK(checks[1].table.schema == "app");
    CHECK(checks[1].table.name == "t");
    CHECK(checks[2].table.schema == "public");
    CHECK(checks[2].table.name == "u");
    CHECK(parenthesized("CHECK (a = 'x''(')", 0) == "a = 'x''('");
    CHECK(parenthesized("CHECK (unclosed", 0).empty());
}

TEST_CASE("the predicates of the tree's partial indexes, as written, with the index's name") {
    Files files;
    auto ordered = files.load({{"a.sql", "SET search_path = app, public;\n"
                                         "CREATE TABLE t (s varchar(20), n int);\n"
                                         "CREATE INDEX i ON t (s) where ( (s IN ('a', 'b')));\n"
                                         "CREATE UNIQUE INDEX \"odd name\" ON t (n)\n"
                                         "  WHERE n > 0 -- positive\n"
                                         ";\n"
                                         "CREATE INDEX whole ON t (n);\n"}});
    REQUIRE(ordered.ok());
    Tree tree;
    tree.statements = std::move(*ordered);
    auto predicates = written_predicates(tree);
    REQUIRE(predicates.size() == 2);
    std::ranges::sort(predicates, {}, &WrittenPredicate::index);
    CHECK(predicates[0].index == "i");
    // From WHERE on: its parentheses are the predicate's.
    CHECK(predicates[0].predicate == "( (s IN ('a', 'b')))");
    CHECK(predicates[0].search_path == std::vector<std::string>{"app", "public"});
    CHECK(predicates[1].index == "odd name");
    // A line comment at the end is closed, so that the `;` after it counts.
    CHECK(predicates[1].predicate == "n > 0 -- positive\n");
}

TEST_CASE("a file of many statements is read in order, its error where it stands, on two threads") {
    // More statements, and more bytes of them, than are parsed ahead of their
    // reading (load.cpp, ParsedAhead): every tree reaches the reader in order.
    std::string text;
    const std::string padding(2000, 'x');
    for (int i = 0; i < 700; ++i)
        text += "CREATE TABLE t" + std::to_string(i) + " (id int, note text DEFAULT '" + padding +
                "');\nCOMMENT ON TABLE t" + std::to_string(i) + " IS 'table " + std::to_string(i) +
                "';\n";
    Files files;
    auto loaded = files.load({{"many.sql", text}});
    REQUIRE(loaded.ok());
    REQUIRE(loaded->size() == 1400);
    std::size_t last = 0;
    std::vector<Statement> in_file = std::move(*loaded);
    std::ranges::sort(in_file, {}, &Statement::offset);
    for (std::size_t i = 0; i < in_file.size(); ++i) {
        const auto& s = in_file[i];
        CHECK(s.offset >= last);
        last = s.offset;
        std::string table = "t" + std::to_string(i / 2);
        CHECK(s.sql.starts_with(i % 2 ? "COMMENT ON TABLE " + table + " IS"
                                      : "CREATE TABLE " + table + " (id int"));
        // The tree read with the text is that text's.
        CHECK(s.node == (i % 2 ? "CommentStmt" : "CreateStmt"));
        if (i % 2)
            CHECK(std::ranges::any_of(s.references,
                                      [&](const auto& key) { return key.name == table; }));
        else
            CHECK((s.creates && s.creates->name == table));
    }
    // A statement refused near the end: its place, and nothing else.
    std::string refused = text + "INSERT INTO t1 VALUES (1);\n";
    CHECK(error_of({{"many.sql", refused}}).starts_with("many.sql:1401:1: "));
    std::string early = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n" + text;
    CHECK(error_of({{"many.sql", early}}).starts_with("many.sql:2:1: "));
}

TEST_CASE("many files are parsed by one pair of threads; the first file's error comes first") {
    // One reader and one maker for all of them (load.cpp, ParsedAhead): each
    // file's statements come back with it, in file order.
    std::vector<std::unique_ptr<SourceFile>> owned;
    std::vector<const SourceFile*> files;
    for (int i = 0; i < 1500; ++i) {
        owned.push_back(
            std::make_unique<SourceFile>("f" + std::to_string(i) + ".sql",
                                         "CREATE TABLE t" + std::to_string(i) + " (id int);\n"));
        files.push_back(owned.back().get());
    }
    auto parsed = parse_files(files);
    REQUIRE(parsed.ok());
    REQUIRE(parsed->size() == 1500);
    for (std::size_t i = 0; i < parsed->size(); ++i) {
        REQUIRE((*parsed)[i].statements.size() == 1);
        const auto& s = (*parsed)[i].statements.front();
        CHECK(s.file == files[i]);
        CHECK((s.creates && s.creates->name == "t" + std::to_string(i)));
    }
    // A statement refused in the first file, a syntax error in the second:
    // the first file's error, as when files were read one by one.
    CHECK(error_of({{"a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n"},
                    {"b.sql", "CREATE TABL b (id int);\n"}})
              .starts_with("a.sql:2:1: "));
    CHECK(
        error_of({{"a.sql", "CREATE TABLE a (id int);\n"}, {"b.sql", "CREATE TABL b (id int);\n"}})
            .starts_with("b.sql:1:8: syntax error"));
}
