// The CLI as a user runs it: errors, exit codes, unmanaged objects, the
// reference tree's round trip, and no server left behind.

#include "harness.h"

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace schemac::testing;

namespace {

fs::path temp_tree(const std::string& name, const std::string& sql) {
    fs::path dir =
        fs::temp_directory_path() / ("schemac-cli-test-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_file(dir / "tree.sql", sql);
    return dir;
}

/// `schemac diff -v` of `tree` against database `db` of the tests' server.
Output diff_verbose(const std::string& db, const fs::path& tree, const std::string& extra = "") {
    return run(schemac_cmd("diff -v --dev-url " + shell_quote(dev_url()) + " --url " +
                           shell_quote(server().conninfo(db)) + " --schema " +
                           shell_quote(tree.string()) + extra));
}

/// Embedded postmasters that outlived the schemac run that started them: their
/// parent is no longer a schemac process (a leaked one is re-parented). Other
/// runs going on at the same time, and this test's own server, are not strays.
std::string stray_postmasters() {
    auto out = run("for pid in $(pgrep -f 'postgres -D /tmp/schem[a]c-'); do "
                   "parent=$(ps -o ppid= -p $pid | tr -d ' '); "
                   "[ -n \"$parent\" ] || continue; "
                   "ps -o args= -p $parent | grep -qE 'schemac|integration_tests' || "
                   "ps -o pid=,args= -p $pid; done; true");
    return out.out;
}

} // namespace

TEST_CASE("a syntax error gives file:line:col, the line and a caret, exit 1") {
    auto dir = temp_tree("syntax", "CREATE TABLE a (id int);\nCREATE TABL posts (\n  id int\n);\n");
    auto out = run(schemac_cmd("diff --schema " + shell_quote((dir / "tree.sql").string())));
    CHECK(out.exit_code == 1);
    CHECK(out.out == "");
    CHECK(out.err ==
          "schemac: " + (dir / "tree.sql").string() +
              ":2:8: syntax error at or near \"TABL\"\n  CREATE TABL posts (\n         ^\n");
}

TEST_CASE("a PostgreSQL error points at the tree's file:line:col") {
    auto dir = temp_tree("pgerror", "CREATE TABLE a (\n  id int,\n  b no_such_type\n);\n");
    auto out = run(schemac_cmd("diff --dev-url " + shell_quote(dev_url()) + " --schema " +
                               shell_quote(dir.string())));
    CHECK(out.exit_code == 1);
    CHECK(out.err ==
          "schemac: " + (dir / "tree.sql").string() +
              ":3:5: type \"no_such_type\" does not exist\n    b no_such_type\n      ^\n"
              "HINT:  if the target database has it and the tree does not own it (a platform's "
              "schema, another service's table), plan with --url to read it from there, or stub "
              "it in the tree in a statement marked -- schemac:external (schemac dump --url URL "
              "--external writes them)\n");
}

TEST_CASE("--exit-code: 0 without changes, 2 with changes, 3 when a change needs approval") {
    auto db = database_from("CREATE TABLE t (id int, note text);");
    auto url = shell_quote(server().conninfo(db));
    auto same = temp_tree("same", "CREATE TABLE t (id int, note text);");
    auto added = temp_tree("added", "CREATE TABLE t (id int, note text, extra int);");
    auto dropped = temp_tree("dropped", "CREATE TABLE t (id int);");
    auto diff = [&](const fs::path& tree) {
        return run(schemac_cmd("diff --exit-code -q --dev-url " + shell_quote(dev_url()) +
                               " --url " + url + " --schema " + shell_quote(tree.string())));
    };
    auto none = diff(same);
    CHECK(none.exit_code == 0);
    CHECK(none.out == "");
    CHECK(diff(added).exit_code == 2);
    auto lossy = diff(dropped);
    CHECK(lossy.exit_code == 3);
    CHECK(lossy.out == "-- hazard data-loss: drops column public.t.note and its data\n"
                       "ALTER TABLE public.t DROP COLUMN note;\n");
    // An index on an existing table: built concurrently it needs no approval;
    // built plainly it blocks writes for the whole build, and does.
    auto indexed = temp_tree("indexed", "CREATE TABLE t (id int, note text);\n"
                                        "CREATE INDEX t_id_idx ON t (id);");
    CHECK(diff(indexed).exit_code == 2);
    auto plain =
        run(schemac_cmd("diff --exit-code -q --no-online --dev-url " + shell_quote(dev_url()) +
                        " --url " + url + " --schema " + shell_quote(indexed.string())));
    CHECK(plain.exit_code == 3);
    CHECK(plain.out == "-- hazard long-lock: holds SHARE on public.t for the whole build of index "
                       "public.t_id_idx: writes wait\n"
                       "CREATE INDEX t_id_idx ON public.t USING btree (id);\n");
}

TEST_CASE("objects of kinds not modeled yet are named on stderr and left alone") {
    auto db = database_from("CREATE TABLE t (id int);\n"
                            "CREATE FUNCTION my_rank() RETURNS bigint LANGUAGE internal WINDOW\n"
                            "  AS 'window_rank';");
    auto tree = temp_tree("unmanaged", "CREATE TABLE t (id int);");
    auto out = run(schemac_cmd("diff --dev-url " + shell_quote(dev_url()) + " --url " +
                               shell_quote(server().conninfo(db)) + " --schema " +
                               shell_quote(tree.string())));
    CHECK(out.exit_code == 0);
    CHECK(out.out == "");
    CHECK_MESSAGE(out.err.find("unmanaged in the current state (not diffed, left alone): "
                               "window function public.my_rank()\n") != std::string::npos,
                  out.err);
}

TEST_CASE("an operator, a cast or a text search configuration is left alone: named in the plan, "
          "refused by --strict, and what it uses is not dropped") {
    auto db =
        database_from("CREATE TYPE pair AS (a int, b int);\n"
                      "CREATE FUNCTION pair_eq(pair, pair) RETURNS boolean LANGUAGE sql IMMUTABLE\n"
                      "  AS 'SELECT $1.a = $2.a AND $1.b = $2.b';\n"
                      "CREATE OPERATOR === (LEFTARG = pair, RIGHTARG = pair, FUNCTION = pair_eq);\n"
                      "CREATE CAST (pair AS text) WITH INOUT;\n"
                      "CREATE TEXT SEARCH CONFIGURATION my_english (COPY = pg_catalog.english);\n");
    const std::string url = shell_quote(server().conninfo(db));
    auto plan = [&](const fs::path& tree, const std::string& extra) {
        return run(schemac_cmd("plan --format json --skip-proof --dev-url " +
                               shell_quote(dev_url()) + " --url " + url + " --schema " +
                               shell_quote(tree.string()) + " " + extra));
    };
    auto keeps = temp_tree("unmanaged-keeps", "CREATE TYPE pair AS (a int, b int);\n"
                                              "CREATE FUNCTION pair_eq(pair, pair) RETURNS boolean "
                                              "LANGUAGE sql IMMUTABLE\n"
                                              "  AS 'SELECT $1.a = $2.a AND $1.b = $2.b';\n");
    auto kept = plan(keeps, "");
    REQUIRE_MESSAGE(kept.exit_code == 0, kept.err);
    auto json = nlohmann::json::parse(kept.out);
    CHECK(json["unmanaged"]["current"] ==
          nlohmann::json::array({"cast (public.pair AS text)",
                                 "operator public.===(public.pair,public.pair)",
                                 "text search configuration public.my_english"}));
    CHECK(json["unmanaged"]["desired"] == nlohmann::json::array());
    CHECK(json["forward"].empty());
    auto strict = plan(keeps, "--strict");
    CHECK(strict.exit_code == 1);
    CHECK_MESSAGE(strict.err.find("--strict refuses to plan while objects of kinds schemac does "
                                  "not diff exist (they would be left as they are): cast "
                                  "(public.pair AS text), operator "
                                  "public.===(public.pair,public.pair), text search "
                                  "configuration public.my_english") != std::string::npos,
                  strict.err);
    // Dropping the type would fail when the migration runs: the cast and
    // the operator's function use it.
    auto drops = plan(temp_tree("unmanaged-drops", "CREATE TABLE t (id int);"), "");
    CHECK(drops.exit_code == 1);
    CHECK_MESSAGE(drops.err.find("schemac leaves that alone (a kind it does not manage, or "
                                 "outside the managed scope): drop it in the database first") !=
                      std::string::npos,
                  drops.err);
}

TEST_CASE("a table that a foreign key outside the managed scope references is not dropped: the "
          "plan is refused, naming the constraint, before any proof") {
    auto db = database_from("CREATE TABLE accounts (id int PRIMARY KEY);\n"
                            "CREATE TABLE notes (id int);\n"
                            "CREATE SCHEMA billing;\n"
                            "CREATE TABLE billing.invoices (id int PRIMARY KEY,\n"
                            "    account int REFERENCES public.accounts);\n");
    auto dropped = run(schemac_cmd("diff --dev-url " + shell_quote(dev_url()) + " --url " +
                                   shell_quote(server().conninfo(db)) + " --schema " +
                                   shell_quote(temp_tree("fk-outside", "CREATE TABLE notes (id "
                                                                       "int);\n")
                                                   .string())));
    CHECK(dropped.exit_code == 1);
    CHECK_MESSAGE(dropped.err.find("the plan drops table public.accounts, which constraint "
                                   "invoices_account_fkey ON billing.invoices (context, left "
                                   "alone) depends on; schemac leaves that alone") !=
                      std::string::npos,
                  dropped.err);
    CHECK(dropped.err.find("proof failed") == std::string::npos);
    // Kept in the tree, the rest of the plan goes through.
    auto kept = run(schemac_cmd(
        "diff --dev-url " + shell_quote(dev_url()) + " --url " +
        shell_quote(server().conninfo(db)) + " --schema " +
        shell_quote(temp_tree("fk-outside-kept", "CREATE TABLE accounts (id int PRIMARY KEY);\n")
                        .string())));
    CHECK_MESSAGE(kept.exit_code == 0, kept.err);
    CHECK(kept.out.find("DROP TABLE public.notes;") != std::string::npos);
}

TEST_CASE("against a live database the proof starts from the desired state: it costs the change, "
          "and a step that fails on rows is still found") {
    auto db = database_from("CREATE TABLE t (id int PRIMARY KEY, name text);\n"
                            "INSERT INTO t VALUES (1, 'a');\n"
                            "CREATE TABLE u (id int);\n");
    auto tree = temp_tree("from-desired", "CREATE TABLE t (id int PRIMARY KEY, name text, "
                                          "code int NOT NULL);\nCREATE TABLE u (id int);\n");
    // t holds a row, so the proof seeds it: validating the new column's
    // check fails on those rows, and the proof passes again without them
    // (on a rebuilt copy, the desired one being used up).
    auto up = diff_verbose(db, tree);
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK_MESSAGE(up.err.find("schemac: proof (from the desired state) ") != std::string::npos,
                  up.err);
    CHECK(up.out.find("ALTER TABLE public.t ADD COLUMN code integer;") != std::string::npos);
    CHECK(up.out.find("-- hazard needs-data: column public.t.code is NOT NULL") !=
          std::string::npos);
    auto down = diff_verbose(db, tree, " --reverse");
    REQUIRE_MESSAGE(down.exit_code == 0, down.err);
    CHECK(down.err.find("schemac: proof (from the desired state) ") != std::string::npos);
    CHECK(down.out.find("ALTER TABLE public.t DROP COLUMN code;") != std::string::npos);
    // No shadow database of schemac's is left on the server (the tests'
    // own are named after this process).
    auto left = run(pg_bin("psql") + " -XAtq -d " + shell_quote(dev_url()) +
                    " -c \"SELECT count(*) FROM pg_database WHERE datname LIKE 'schemac\\_%' "
                    "AND datname NOT LIKE 'schemac\\_" +
                    std::to_string(getpid()) + "\\_%'\"");
    CHECK_MESSAGE(left.out == "0\n", left.out << left.err);
}

TEST_CASE("a proof from the desired state fills the materialized views the tree loaded empty: a "
          "data phase may read them") {
    auto db = database_from("CREATE TABLE t (id int PRIMARY KEY, v int);\n"
                            "INSERT INTO t VALUES (1, 1);\n"
                            "CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\n");
    auto tree = temp_tree("mv-data", "CREATE TABLE t (id int PRIMARY KEY, v int, w int);\n"
                                     "CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\n");
    fs::path data = tree.string() + ".data.sql"; // beside the tree, not in it
    write_file(data, "UPDATE t SET w = (SELECT count(*) FROM mv);\n");
    auto up = diff_verbose(db, tree, " --data " + shell_quote(data.string()));
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK_MESSAGE(up.err.find("schemac: proof (from the desired state) ") != std::string::npos,
                  up.err);
    CHECK(up.out.find("UPDATE t SET w = (SELECT count(*) FROM mv);") != std::string::npos);
    fs::remove(data);
}

TEST_CASE("schema/ round trip on the embedded server: empty -> schema -> empty, proven") {
    fs::path schema = fs::path(SCHEMAC_SOURCE_DIR) / "schema";
    auto up = run(schemac_cmd("diff --schema " + shell_quote(schema.string())));
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out.find("CREATE TABLE public.tenants") != std::string::npos);
    auto down = run(schemac_cmd("diff --reverse --schema " + shell_quote(schema.string())));
    REQUIRE_MESSAGE(down.exit_code == 0, down.err);

    // Applied with psql, it equals the tree; the reverse empties it again.
    auto db = database_from("");
    auto empty_dump = schema_dump(db);
    REQUIRE(psql_apply(db, up.out).exit_code == 0);
    auto again = run(schemac_cmd("diff -q --skip-proof --dev-url " + shell_quote(dev_url()) +
                                 " --url " + shell_quote(server().conninfo(db)) + " --schema " +
                                 shell_quote(schema.string())));
    CHECK(again.out == "");
    REQUIRE(psql_apply(db, down.out).exit_code == 0);
    CHECK(schema_dump(db) == empty_dump);
    CHECK(stray_postmasters() == "");
}

TEST_CASE("owners the tree states are given on the embedded server, by the tree's role, and "
          "proven: the reverse gives them back") {
    auto db = database_from("CREATE SCHEMA app;\n"
                            "CREATE TABLE app.t (id serial PRIMARY KEY);\n"
                            "CREATE TABLE app.u (id int);\n"
                            "ALTER TABLE app.u OWNER TO authenticated;\n"
                            "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql RETURN 1;\n");
    // service_role has no CREATE on app in the shadow: the administrator
    // grants it around the tree's OWNER TO, which the tree's role runs
    // itself. u's owner is not stated: left as it is.
    auto tree = temp_tree("owners", "CREATE SCHEMA app;\n"
                                    "CREATE TABLE app.t (id serial PRIMARY KEY);\n"
                                    "ALTER TABLE app.t OWNER TO service_role;\n"
                                    "CREATE TABLE app.u (id int);\n"
                                    "CREATE FUNCTION app.f() RETURNS int LANGUAGE sql RETURN 1;\n"
                                    "ALTER FUNCTION app.f() OWNER TO authenticated;\n");
    auto url = shell_quote(server().conninfo(db));
    auto diff = [&](const std::string& extra) {
        return run(
            schemac_cmd("diff --url " + url + " --schema " + shell_quote(tree.string()) + extra));
    };
    auto up = diff("");
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out == "ALTER TABLE app.t OWNER TO service_role;\n\n"
                    "ALTER FUNCTION app.f() OWNER TO authenticated;\n");
    auto down = diff(" --reverse");
    REQUIRE_MESSAGE(down.exit_code == 0, down.err);
    CHECK(down.out == "ALTER TABLE app.t OWNER TO CURRENT_USER;\n\n"
                      "ALTER FUNCTION app.f() OWNER TO CURRENT_USER;\n");
    REQUIRE(psql_apply(db, up.out).exit_code == 0);
    auto again = diff("");
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out == "");
}

TEST_CASE("a tree may grant a role it names to its own role, as the idiom before ALTER DEFAULT "
          "PRIVILEGES FOR ROLE does, on the embedded server") {
    auto tree = temp_tree("grant-role",
                          "DO $$ BEGIN EXECUTE pg_catalog.format('GRANT app_admin TO %I', "
                          "current_user); END $$;\n"
                          "ALTER DEFAULT PRIVILEGES FOR ROLE app_admin IN SCHEMA public GRANT "
                          "SELECT ON TABLES TO reporting;\n");
    auto db = database_from("");
    auto up = run(schemac_cmd("diff --url " + shell_quote(server().conninfo(db)) + " --schema " +
                              shell_quote(tree.string())));
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out == "ALTER DEFAULT PRIVILEGES FOR ROLE app_admin IN SCHEMA public GRANT SELECT ON "
                    "TABLES TO reporting;\n");
}

TEST_CASE("a user mapping for another role keeps its options on the embedded server; a role that "
          "may not see a live mapping's options takes them as the tree states them") {
    const std::string mapping = "CREATE USER MAPPING FOR authenticated SERVER s OPTIONS (\"user\" "
                                "'remote_reader');\n";
    auto db = database_from("DO $$ BEGIN CREATE ROLE authenticated NOLOGIN; EXCEPTION WHEN "
                            "duplicate_object THEN NULL; END $$;\n"
                            "CREATE FOREIGN DATA WRAPPER w;\n"
                            "CREATE SERVER s FOREIGN DATA WRAPPER w;\n");
    auto tree = temp_tree("mapping", "CREATE FOREIGN DATA WRAPPER w;\n"
                                     "CREATE SERVER s FOREIGN DATA WRAPPER w;\n" +
                                         mapping);
    auto diff = [&](const std::string& conninfo) {
        return run(schemac_cmd("diff --url " + shell_quote(conninfo) + " --schema " +
                               shell_quote(tree.string())));
    };
    // The tree's role materializes it; before, it read the mapping without
    // its options, and the plan created it so.
    auto up = diff(server().conninfo(db));
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out == mapping);
    REQUIRE(psql_apply(db, up.out).exit_code == 0);
    auto again = diff(server().conninfo(db));
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out == "");
    // A role that is neither the mapped one, nor a superuser, sees no
    // options, on a database made from template1 (the tests' server is an
    // embedded one, whose template0 shows them to every role).
    auto plain = server().create_database("template1");
    REQUIRE(plain);
    REQUIRE(psql_apply(*plain, "DO $$ BEGIN CREATE ROLE mapping_reader LOGIN; EXCEPTION WHEN "
                               "duplicate_object THEN NULL; END $$;\n"
                               "CREATE FOREIGN DATA WRAPPER w;\n"
                               "CREATE SERVER s FOREIGN DATA WRAPPER w;\n" +
                                   mapping)
                .exit_code == 0);
    auto hidden = diff(server().conninfo(*plain) + " user=mapping_reader");
    REQUIRE_MESSAGE(hidden.exit_code == 0, hidden.err);
    CHECK(hidden.out == "");
    CHECK_MESSAGE(hidden.err.find("the options of user mapping FOR authenticated SERVER s are "
                                  "hidden from mapping_reader") != std::string::npos,
                  hidden.err);
    // A dump by that role cannot write them: it says so.
    fs::path out = tree.parent_path() / "mapping-dump";
    fs::remove_all(out);
    auto dumped = run(schemac_cmd("dump --url " +
                                  shell_quote(server().conninfo(*plain) + " user=mapping_reader") +
                                  " --out " + shell_quote(out.string())));
    REQUIRE_MESSAGE(dumped.exit_code == 0, dumped.err);
    CHECK_MESSAGE(dumped.err.find("the options of user mapping FOR authenticated SERVER s are "
                                  "hidden from mapping_reader: dumped without them") !=
                      std::string::npos,
                  dumped.err);
    fs::remove_all(out);
}

TEST_CASE("the proof writes and reads its rows as the tree's role: a trigger of the current state "
          "never runs as the shadow's administrator") {
    fs::path out_dir = fs::temp_directory_path() / ("schemac-seed-" + std::to_string(getpid()));
    fs::remove_all(out_dir);
    fs::create_directories(out_dir);
    fs::permissions(out_dir, fs::perms::all);
    std::string table = "CREATE FUNCTION public.watch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                        "BEGIN\n"
                        "  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = "
                        "current_user) THEN\n"
                        "    EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id > " +
                        (out_dir / "pwned").string() +
                        "''';\n"
                        "  END IF;\n"
                        "  RETURN NEW;\n"
                        "END $$;\n"
                        "CREATE TABLE public.t (id int PRIMARY KEY, name text);\n";
    std::string trigger = "CREATE TRIGGER watch BEFORE INSERT ON public.t FOR EACH ROW "
                          "EXECUTE FUNCTION public.watch();\n";
    // The row before the trigger: the tests' server runs this as its superuser.
    auto db = database_from(table + "INSERT INTO public.t VALUES (1, 'a');\n" + trigger);
    // A new NOT NULL column: the proof seeds t to find the step that fails on rows.
    auto tree =
        temp_tree("seed", table + trigger + "ALTER TABLE public.t ADD COLUMN code int NOT NULL;\n");
    auto up = run(schemac_cmd("diff --url " + shell_quote(server().conninfo(db)) + " --schema " +
                              shell_quote(tree.string())));
    CHECK_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out.find("-- hazard needs-data: column public.t.code is NOT NULL") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(out_dir / "pwned"));
    fs::remove_all(out_dir);
}

TEST_CASE("the tree is code: on the embedded server nothing in it runs a program or reads a file") {
    // A folder the server's user can write to: were the tree run by a
    // superuser, COPY ... TO PROGRAM would leave a file here.
    fs::path out_dir = fs::temp_directory_path() / ("schemac-pwned-" + std::to_string(getpid()));
    fs::remove_all(out_dir);
    fs::create_directories(out_dir);
    fs::permissions(out_dir, fs::perms::all);
    std::string copy = "CREATE FUNCTION harmless() RETURNS int LANGUAGE plpgsql AS $$\n"
                       "BEGIN\n  EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id > " +
                       (out_dir / "pwned").string() + "''';\n  RETURN 1;\nEND $$;\n";
    struct Tree {
        const char* name;
        std::string sql;
        std::string error;
    };
    std::vector<Tree> trees{
        {"matview", copy + "CREATE MATERIALIZED VIEW m AS SELECT harmless() AS x;\n",
         "must be superuser or have privileges of the pg_execute_server_program role"},
        {"bound",
         copy + "CREATE TABLE p (id int) PARTITION BY RANGE (id);\n"
                "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (harmless()) TO (100);\n",
         "tree.sql:7:1: must be superuser or have privileges of the pg_execute_server_program"},
        // LEAKPROOF needs the superuser, who then gives the function to the
        // tree's role: a SECURITY DEFINER body still runs with no rights.
        {"leakproof",
         "CREATE FUNCTION harmless() RETURNS int LANGUAGE plpgsql LEAKPROOF SECURITY DEFINER "
         "AS $$\nBEGIN\n  EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id > " +
             (out_dir / "pwned").string() +
             "''';\n  RETURN 1;\nEND $$;\nCREATE MATERIALIZED VIEW m AS SELECT harmless() AS x;\n",
         "must be superuser or have privileges of the pg_execute_server_program role"},
        // Nothing is given to a superuser or a predefined role: the body
        // would run with its rights.
        {"owner",
         "CREATE FUNCTION harmless() RETURNS int LANGUAGE plpgsql SECURITY DEFINER "
         "AS $$\nBEGIN\n  EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id > " +
             (out_dir / "pwned").string() +
             "''';\n  RETURN 1;\nEND $$;\nALTER FUNCTION harmless() OWNER TO schemac_admin;\n"
             "CREATE MATERIALIZED VIEW m AS SELECT harmless() AS x;\n",
         "tree.sql:6:1: the shadow gives no object to schemac_admin"},
        {"owner-predefined",
         copy + "ALTER FUNCTION harmless() OWNER TO pg_execute_server_program;\n",
         "tree.sql:6:1: the shadow gives no object to pg_execute_server_program"},
        // Nor anything the tree's role does not own: owning pg_catalog's
        // objects, it could put functions there that the administrator calls.
        {"owner-system", "ALTER FUNCTION pg_catalog.pg_read_file(text) OWNER TO reader;\n",
         "tree.sql:1:1:"},
        // A predefined role the tree names is no membership of its role's.
        {"predefined-member",
         "GRANT USAGE ON SCHEMA public TO pg_execute_server_program;\n"
         "DO $$ BEGIN EXECUTE pg_catalog.concat('COPY (SELECT 1) TO PROGRAM ''id > " +
             (out_dir / "pwned").string() + "'''); END $$;\n",
         "must be superuser or have privileges of the pg_execute_server_program role"},
        // With standard_conforming_strings off, the server reads a string on
        // two lines otherwise than the parser: the administrator runs its
        // statement with it on, as one command.
        {"strings",
         "SET standard_conforming_strings = off;\n"
         "COMMENT ON EXTENSION plpgsql IS 'a\\'\n"
         "'; COPY (SELECT 1) TO PROGRAM $$id > " +
             (out_dir / "pwned").string() +
             "$$; --';\n"
             "CREATE TABLE t (id int REFERENCES nowhere (id));\n",
         "tree.sql:4:35: relation \"nowhere\" does not exist"},
        {"read",
         "CREATE TABLE p (id text) PARTITION BY LIST (id);\n"
         "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (pg_read_file('/etc/passwd'));\n",
         "tree.sql:2:1: permission denied for function pg_read_file"},
    };
    for (const auto& tree : trees) {
        INFO(tree.name);
        auto dir = temp_tree(std::string("code-") + tree.name, tree.sql);
        auto out = run(schemac_cmd("diff --schema " + shell_quote(dir.string())));
        CHECK(out.exit_code == 1);
        CHECK_MESSAGE(out.err.find(tree.error) != std::string::npos, out.err);
        CHECK(out.err.find("root:") == std::string::npos); // no file's contents
        CHECK_FALSE(fs::exists(out_dir / "pwned"));
        fs::remove_all(dir);
    }
    fs::remove_all(out_dir);
}

TEST_CASE("the tree's event triggers never run as the shadow's administrator") {
    // Its function runs a program only as a superuser: it would when the
    // administrator runs a statement (CREATE PUBLICATION ... FOR ALL TABLES)
    // while the trigger is enabled, in the tree or in the proof.
    fs::path out_dir = fs::temp_directory_path() / ("schemac-evt-" + std::to_string(getpid()));
    fs::remove_all(out_dir);
    fs::create_directories(out_dir);
    fs::permissions(out_dir, fs::perms::all);
    auto dir = temp_tree(
        "event-trigger",
        "CREATE FUNCTION watch() RETURNS event_trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN\n"
        "    EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id > " +
            (out_dir / "pwned").string() +
            "''';\n"
            "  END IF;\n"
            "END $$;\n"
            "CREATE EVENT TRIGGER watch ON ddl_command_start EXECUTE FUNCTION watch();\n"
            "ALTER EVENT TRIGGER watch ENABLE ALWAYS;\n"
            "CREATE TABLE t (id int);\n"
            "CREATE PUBLICATION everything FOR ALL TABLES;\n");
    auto out = run(schemac_cmd("diff --schema " + shell_quote(dir.string())));
    CHECK_MESSAGE(out.exit_code == 0, out.err);
    CHECK(out.out.find("CREATE EVENT TRIGGER watch") != std::string::npos);
    CHECK_FALSE(fs::exists(out_dir / "pwned"));
    fs::remove_all(dir);
    fs::remove_all(out_dir);
}

TEST_CASE("no postmaster survives an error or Ctrl-C") {
    auto tree = temp_tree("interrupt", "CREATE TABLE a (id int);\nCREATE TABLE b (x nope);\n");
    auto failed = run(schemac_cmd("diff --schema " + shell_quote(tree.string())));
    CHECK(failed.exit_code == 1);
    CHECK(stray_postmasters() == "");

    // Interrupt runs at several moments of their life, by Ctrl-C and by
    // SIGTERM: no server, and no run folder in their TMPDIR, is left.
    auto ok_tree = temp_tree("interrupt-ok", "CREATE TABLE a (id int);\n");
    fs::path tmp = ok_tree / "tmp";
    fs::create_directories(tmp);
    for (const char* signal : {"INT", "TERM"})
        for (int delay_ms : {100, 300, 600, 900}) {
            auto out = run("TMPDIR=" + shell_quote(tmp.string()) + " " +
                           schemac_cmd("diff --schema " + shell_quote(ok_tree.string())) +
                           " & pid=$!; sleep " + std::to_string(delay_ms / 1000.0) + "; kill -" +
                           signal + " $pid; wait $pid; exit 0");
            CHECK(out.exit_code == 0);
            CHECK_MESSAGE(stray_postmasters() == "",
                          "after SIG" << signal << " at " << delay_ms << " ms");
            CHECK_MESSAGE(fs::is_empty(tmp), "after SIG" << signal << " at " << delay_ms << " ms");
        }
}

TEST_CASE("a cache someone else owns or may write is not used; there is no shared fallback") {
    auto tree = temp_tree("cache-trust", "CREATE TABLE a (id int);\n");
    fs::path cache = tree / "cache";
    auto diff = [&](const std::string& env) {
        return run_in(tree, env + " " + schemac_cmd("diff --schema tree.sql"));
    };
    std::string with_cache = "SCHEMAC_CACHE_DIR=" + shell_quote(cache.string());
    auto made = diff(with_cache);
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.err == "");
    CHECK((fs::status(cache).permissions() & fs::perms::all) == fs::perms::owner_all);

    fs::permissions(cache, fs::perms::all);
    auto writable = diff(with_cache);
    CHECK(writable.exit_code == 0);
    CHECK_MESSAGE(writable.err.find("the cache " + cache.string() +
                                    " is not used: others may write to it") != std::string::npos,
                  writable.err);
    fs::permissions(cache, fs::perms::owner_all);
    if (geteuid() == 0) { // a planted cache: another user's
        REQUIRE(run("chown nobody " + shell_quote(cache.string())).exit_code == 0);
        auto planted = diff(with_cache);
        CHECK(planted.exit_code == 0);
        CHECK_MESSAGE(planted.err.find("is owned by another user") != std::string::npos,
                      planted.err);
    }
    // Without HOME, XDG_CACHE_HOME or SCHEMAC_CACHE_DIR: the user's home from
    // the password database, never a folder under TMPDIR.
    fs::path tmp = tree / "tmp";
    fs::create_directories(tmp);
    auto homeless = diff("env -u HOME -u XDG_CACHE_HOME -u SCHEMAC_CACHE_DIR TMPDIR=" +
                         shell_quote(tmp.string()));
    CHECK_MESSAGE(homeless.exit_code == 0, homeless.err);
    CHECK(fs::is_empty(tmp));
    fs::remove_all(tree);
}

TEST_CASE("--dev-url leaves no temporary database behind, on success or error") {
    auto count = [] {
        return run(pg_bin("psql") + " -XAt -d " + shell_quote(dev_url()) +
                   " -c 'SELECT count(*) FROM pg_database'")
            .out;
    };
    std::string before = count();
    auto good = temp_tree("devurl-good", "CREATE TABLE a (id int PRIMARY KEY);");
    auto bad = temp_tree("devurl-bad", "CREATE TABLE a (id int);\nCREATE TABLE b (x nope);");
    auto ok = run(schemac_cmd("diff --dev-url " + shell_quote(dev_url()) + " --schema " +
                              shell_quote(good.string())));
    CHECK(ok.exit_code == 0);
    auto failed = run(schemac_cmd("diff --dev-url " + shell_quote(dev_url()) + " --schema " +
                                  shell_quote(bad.string())));
    CHECK(failed.exit_code == 1);
    CHECK(count() == before);
}

TEST_CASE("diff --write keeps a summed history that later diffs start from") {
    TempProject project("history");
    const fs::path& root = project.root;
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
    auto in_root = [&](const std::string& args) { return project.schemac(args); };
    auto first = in_root("diff --write initial");
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(first.out == "");
    CHECK(fs::exists(root / "generated/0001_initial.up.sql"));
    CHECK(fs::exists(root / "generated/0001_initial.down.sql"));
    CHECK(read_file(root / "generated/0001_initial.up.sql")
              .starts_with("-- schemac migration 0001_initial (up)\n--\n"
                           "--   create table public.t\n\n-- schemac:phase expand\n\n"
                           "-- schemac:step create table public.t\n"));

    // The replayed history is now the current state: nothing left to do.
    auto again = in_root("diff --exit-code");
    CHECK(again.exit_code == 0);
    CHECK(again.out == "");
    auto nothing = in_root("diff --write noop");
    CHECK(nothing.exit_code == 0);
    CHECK(nothing.err.find("no changes; nothing written") != std::string::npos);
    CHECK_FALSE(fs::exists(root / "generated/0002_noop.up.sql"));

    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY, note text);\n");
    REQUIRE(in_root("diff --write add_note").exit_code == 0);
    CHECK(read_file(root / "generated/0002_add_note.up.sql").find("ADD COLUMN note text;") !=
          std::string::npos);

    // A hand edit is refused, naming the file, until it is re-summed.
    write_file(root / "generated/0001_initial.up.sql",
               read_file(root / "generated/0001_initial.up.sql") + "-- reviewed\n");
    auto refused = in_root("diff");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("generated/0001_initial.up.sql changed since the sum was written") !=
          std::string::npos);
    CHECK(in_root("hash").exit_code == 0);
    auto accepted = in_root("diff --exit-code");
    CHECK(accepted.exit_code == 0);
    CHECK(accepted.out == "");
}

TEST_CASE("the replay of generated/ is cached with the embedded cluster, keyed by the sum") {
    TempProject project("replay-cache");
    const fs::path& root = project.root;
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
    // The embedded server with a private cache, and every replay kept
    // however fast it was.
    auto in_root = [&](const std::string& args) {
        return run_in(root, "SCHEMAC_CACHE_DIR=" + shell_quote((root / "cache").string()) +
                                " SCHEMAC_REPLAY_CACHE_MIN_MS=0 " + schemac_cmd(args));
    };
    auto snapshots = [&] {
        int n = 0;
        for (const auto& version : fs::directory_iterator(root / "cache"))
            for (const auto& entry : fs::directory_iterator(version.path()))
                n += entry.path().filename().string().starts_with("replay-");
        return n;
    };
    // Without the catalogs and verdicts kept, each plan reads the history
    // from a replay (with them, a plan after an edit proves from the tree).
    auto replaying = [&](const std::string& args) {
        fs::remove_all(root / "cache/catalogs");
        fs::remove_all(root / "cache/proofs");
        return in_root(args);
    };
    REQUIRE(in_root("diff --write initial -q").exit_code == 0);
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY, note text);\n");

    auto first = replaying("plan -v");
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(first.err.find("schemac: replay kept in the cache") != std::string::npos);
    CHECK(snapshots() == 1);
    auto second = replaying("plan -v");
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);
    CHECK(second.err.find("schemac: replay (cached)") != std::string::npos);
    CHECK(second.out == first.out);
    CHECK(second.out.find("+ column public.t.note") != std::string::npos);

    // The cache is trusted only as far as its catalog is the one the sum
    // records: a cluster that differs (here, the recorded line does) is not
    // used, and a history without the line (after `schemac hash`) never is.
    const fs::path sum = root / "generated/schemac.sum";
    const std::string recorded = read_file(sum);
    auto line = recorded.find("\ncatalog ");
    REQUIRE(line != std::string::npos);
    std::string other = recorded;
    other[line + 9] = other[line + 9] == '0' ? '1' : '0';
    write_file(sum, other);
    auto mismatch = replaying("plan -v");
    REQUIRE_MESSAGE(mismatch.exit_code == 0, mismatch.err);
    CHECK(mismatch.err.find("schemac: the cached replay is not the catalog schemac.sum records; "
                            "replaying") != std::string::npos);
    CHECK(mismatch.err.find("replay (cached)") == std::string::npos);
    CHECK(mismatch.err.find("kept in the cache") == std::string::npos);
    CHECK(mismatch.out == first.out);
    REQUIRE(in_root("hash -q").exit_code == 0);
    CHECK(read_file(sum).find("catalog ") == std::string::npos);
    auto unrecorded = replaying("plan -v");
    REQUIRE_MESSAGE(unrecorded.exit_code == 0, unrecorded.err);
    CHECK(unrecorded.err.find("replay (cached)") == std::string::npos);
    write_file(sum, recorded);
    CHECK(replaying("plan -v").err.find("schemac: replay (cached)") != std::string::npos);

    // A new migration changes the sum, so the cached replay is not used: a
    // plan with no change reads the catalog the write kept, and the next
    // replay is of the new history, kept too.
    REQUIRE(in_root("diff --write note -q").exit_code == 0);
    auto third = in_root("plan -v --exit-code");
    CHECK(third.exit_code == 0);
    CHECK(third.err.find("replay (cached)") == std::string::npos);
    CHECK(third.err.find("schemac: replay (its catalog kept)") != std::string::npos);
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY, note text, n int);\n");
    auto fourth = replaying("plan -v");
    REQUIRE_MESSAGE(fourth.exit_code == 0, fourth.err);
    CHECK(fourth.err.find("replay (cached)") == std::string::npos);
    CHECK(fourth.err.find("schemac: replay kept in the cache") != std::string::npos);
    CHECK(snapshots() == 2);
}

TEST_CASE("a changed tree updates the tree kept with its cluster: what changed and what uses it "
          "are made again, and the plan is the one a cold run makes") {
    TempProject project("kept-tree");
    const fs::path& root = project.root;
    auto tree = [&](const std::string& t1_extra, const std::string& t2_extra) {
        write_file(root / "schema/tenants.sql", "CREATE TABLE tenants (id int PRIMARY KEY);\n");
        write_file(root / "schema/t1.sql",
                   "CREATE TABLE t1 (id int PRIMARY KEY, tenant int REFERENCES tenants, "
                   "code int" +
                       t1_extra +
                       ");\nCOMMENT ON TABLE t1 IS 'one';\nCREATE VIEW v1 AS SELECT id, code "
                       "FROM t1;\n");
        write_file(root / "schema/t2.sql",
                   "CREATE TABLE t2 (id int PRIMARY KEY" + t2_extra + ");\n");
    };
    // Every tree kept, however fast it was made.
    auto in_root = [&](const std::string& cache, const std::string& args) {
        return run_in(root, "SCHEMAC_CACHE_DIR=" + shell_quote((root / cache).string()) +
                                " SCHEMAC_TREE_KEEP_MIN_MS=0 " + schemac_cmd(args));
    };
    auto cold = [&] {
        fs::remove_all(root / "cold");
        return in_root("cold", "plan");
    };
    tree("", "");
    REQUIRE(in_root("cache", "diff --write initial -q").exit_code == 0);

    tree("", ", note text");
    auto leaf = in_root("cache", "plan -v");
    REQUIRE_MESSAGE(leaf.exit_code == 0, leaf.err);
    CHECK(leaf.err.find("schemac: materialize (the kept tree: 1 object made again, 1 statement)") !=
          std::string::npos);
    CHECK(leaf.out.find("+ column public.t2.note") != std::string::npos);
    CHECK(leaf.out == cold().out);

    // A column's type: its table, its comment and the view over it.
    tree(", extra bigint", ", note text");
    auto used = in_root("cache", "plan -v");
    REQUIRE_MESSAGE(used.exit_code == 0, used.err);
    CHECK(
        used.err.find("schemac: materialize (the kept tree: 2 objects made again, 3 statements)") !=
        std::string::npos);
    CHECK(used.out == cold().out);

    // An update that could not be exact declines: the tree is materialized
    // anew, and planned the same.
    write_file(root / "schema/defaults.sql",
               "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;\n");
    auto declined = in_root("cache", "plan -v");
    REQUIRE_MESSAGE(declined.exit_code == 0, declined.err);
    CHECK(declined.err.find("schemac: the kept tree is materialized anew: ") != std::string::npos);
    CHECK(declined.out == cold().out);
    fs::remove(root / "schema/defaults.sql");

    // An error in the tree is reported as a cold run reports it.
    write_file(root / "schema/t2.sql", "CREATE TABLE t2 (id int PRIMARY KEY, n no_such_type);\n");
    auto wrong = in_root("cache", "plan");
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("t2.sql:1:") != std::string::npos);
    CHECK(wrong.err == cold().err);

    // A record the next run cannot read is not trusted: the tree is made anew.
    tree(", other int", "");
    fs::path kept;
    for (const auto& version : fs::directory_iterator(root / "cache"))
        if (fs::is_directory(version.path()))
            for (const auto& entry : fs::directory_iterator(version.path()))
                if (entry.path().filename().string().starts_with("tree-") &&
                    fs::exists(entry.path() / "built"))
                    kept = entry.path() / "built";
    REQUIRE(!kept.empty());
    write_file(kept, read_file(kept).substr(0, 40));
    auto damaged = in_root("cache", "plan -v");
    REQUIRE_MESSAGE(damaged.exit_code == 0, damaged.err);
    CHECK(damaged.err.find("the kept tree is materialized anew: its record cannot be read") !=
          std::string::npos);
    CHECK(damaged.out == cold().out);
}

TEST_CASE("an unchanged tree and history are planned from the catalogs kept: no server starts") {
    TempProject project("kept-catalogs");
    const fs::path& root = project.root;
    // A CHECK whose printed text PostgreSQL would store otherwise: the tree's
    // own text of it must come back from the cache too.
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY, s varchar(5) "
                                      "CHECK (s IN ('a', 'b')));\n");
    auto in_root = [&](const std::string& args) {
        return run_in(root, "SCHEMAC_CACHE_DIR=" + shell_quote((root / "cache").string()) + " " +
                                schemac_cmd(args));
    };
    auto cold_diff = in_root("diff -v");
    REQUIRE_MESSAGE(cold_diff.exit_code == 0, cold_diff.err);
    CHECK(cold_diff.out.find("CHECK (s IN ('a', 'b'))") != std::string::npos);
    auto kept_diff = in_root("diff -v");
    REQUIRE_MESSAGE(kept_diff.exit_code == 0, kept_diff.err);
    CHECK(kept_diff.err.find("schemac: materialize and introspect (kept)") != std::string::npos);
    CHECK(kept_diff.out == cold_diff.out);
    REQUIRE(in_root("diff --write initial -q").exit_code == 0);
    // The write keeps the catalog its proof read after the forward script as
    // the written history's: the first plan after it replays nothing.
    auto first = in_root("plan -v");
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(first.out.find("Plan: no changes") != std::string::npos);
    CHECK(first.err.find("schemac: replay (its catalog kept)") != std::string::npos);
    CHECK(first.err.find("shadow server") == std::string::npos);
    auto second = in_root("plan -v");
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);
    CHECK(second.out == first.out);
    CHECK(second.err.find("schemac: materialize and introspect (kept)") != std::string::npos);
    CHECK(second.err.find("schemac: replay (its catalog kept)") != std::string::npos);
    CHECK(second.err.find("shadow server") == std::string::npos);

    // An edit is read from the tree: the kept history answers, the server
    // starts for the proof only, and the plan is the one a cold run makes.
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY, s varchar(5) "
                                      "CHECK (s IN ('a', 'b')), note text);\n");
    auto edited = in_root("plan -v");
    REQUIRE_MESSAGE(edited.exit_code == 0, edited.err);
    CHECK(edited.out.find("+ column public.t.note") != std::string::npos);
    CHECK(edited.err.find("schemac: replay (its catalog kept)") != std::string::npos);
    CHECK(edited.err.find("schemac: materialize ") != std::string::npos);
    // The proof starts from the tree just materialized: the reverse script
    // leads back to the kept history's catalog, so nothing is replayed.
    CHECK(edited.err.find("schemac: proof (from the desired state)") != std::string::npos);
    // The same plan again: both catalogs kept, and the verdict on the same
    // scripts between them.
    auto again = in_root("plan -v");
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.err.find("schemac: materialize and introspect (kept)") != std::string::npos);
    CHECK(again.err.find("schemac: proof (its verdict kept)") != std::string::npos);
    CHECK(again.err.find("shadow server") == std::string::npos);
    auto cold = run_in(root, "SCHEMAC_CACHE_DIR=" + shell_quote((root / "cold").string()) + " " +
                                 schemac_cmd("plan"));
    CHECK(cold.out == edited.out);
    CHECK(again.out == edited.out);
    // A verdict that is not one is no verdict: the plan is proven again.
    for (const auto& entry : fs::directory_iterator(root / "cache/proofs"))
        write_file(entry.path(), "proven?\n");
    auto unsure = in_root("plan -v");
    REQUIRE_MESSAGE(unsure.exit_code == 0, unsure.err);
    CHECK(unsure.err.find("its verdict kept") == std::string::npos);
    CHECK(unsure.err.find("schemac: proof ") != std::string::npos);
    CHECK(unsure.out == edited.out);

    // A kept file damaged (a byte of a value changed) is read again from a
    // server, never misread.
    for (const auto& entry : fs::directory_iterator(root / "cache/catalogs")) {
        std::string bytes = read_file(entry.path());
        bytes[bytes.size() / 2] ^= 1;
        write_file(entry.path(), bytes);
    }
    auto damaged = in_root("plan -v");
    REQUIRE_MESSAGE(damaged.exit_code == 0, damaged.err);
    CHECK(damaged.out == edited.out);
    CHECK(damaged.err.find("(kept)") == std::string::npos);
    CHECK(damaged.err.find("its catalog kept") == std::string::npos);

    // A new migration is another history; --write proves with the database.
    auto written = in_root("diff --write note -v");
    REQUIRE_MESSAGE(written.exit_code == 0, written.err);
    CHECK(written.err.find("schemac: replay ") != std::string::npos);
    auto after = in_root("plan -v --exit-code");
    CHECK_MESSAGE(after.exit_code == 0, after.out << after.err);
    CHECK(after.err.find("schemac: replay (its catalog kept)") != std::string::npos);
    CHECK(after.err.find("shadow server") == std::string::npos);
    auto replayed = run_in(root, "SCHEMAC_CACHE_DIR=" + shell_quote((root / "cold2").string()) +
                                     " " + schemac_cmd("plan -v --exit-code"));
    CHECK_MESSAGE(replayed.exit_code == 0, replayed.out << replayed.err);
    CHECK(replayed.err.find("schemac: replay ") != std::string::npos);
    CHECK(replayed.out == after.out);
}

TEST_CASE("a history with a step outside a transaction replays as apply runs it") {
    TempProject project("no-transaction");
    const fs::path& root = project.root;
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int);\n");
    auto in_root = [&](const std::string& args) { return project.schemac(args); };
    REQUIRE(in_root("diff --write initial -q").exit_code == 0);
    write_file(root / "generated/0002_t_id.up.sql",
               "-- schemac:step create index public.t_id_idx\n-- schemac:no-transaction\n"
               "CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);\n");
    write_file(root / "generated/0002_t_id.down.sql",
               "-- schemac:step drop index public.t_id_idx\n-- schemac:no-transaction\n"
               "DROP INDEX CONCURRENTLY public.t_id_idx;\n");
    REQUIRE(in_root("hash -q").exit_code == 0);
    write_file(root / "schema/t.sql",
               "CREATE TABLE t (id int);\nCREATE INDEX t_id_idx ON t (id);\n");
    auto check = in_root("plan --check");
    CHECK_MESSAGE(check.exit_code == 0, check.err);
}

TEST_CASE("renamed-from: an unknown old name is an error at the annotation; once applied, a "
          "left annotation changes nothing") {
    TempProject project("rename");
    const fs::path& root = project.root;
    // On a fresh history the old name is nowhere, and that is no error.
    write_file(root / "schema/t.sql", "-- schemac:renamed-from people\n"
                                      "CREATE TABLE users (id int PRIMARY KEY, mail text);\n");
    auto first = project.schemac("diff --write initial");
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);

    write_file(root / "schema/t.sql", "-- a typo in the old name\n"
                                      "-- schemac:renamed-from usres\n"
                                      "CREATE TABLE accounts (id int PRIMARY KEY, mail text);\n");
    auto typo = project.schemac("diff");
    CHECK(typo.exit_code == 1);
    CHECK(typo.out == "");
    CHECK(typo.err ==
          "schemac: schema/t.sql:2:1: -- schemac:renamed-from usres: in the current state "
          "neither table public.usres nor table public.accounts exists; check the "
          "old name, or remove the annotation\n"
          "  -- schemac:renamed-from usres\n"
          "  ^\n");

    write_file(root / "schema/t.sql", "-- schemac:renamed-from users\n"
                                      "CREATE TABLE accounts (\n"
                                      "    id int PRIMARY KEY,\n"
                                      "    -- schemac:renamed-from mail\n"
                                      "    email text\n"
                                      ");\n");
    auto renamed = project.schemac("diff --write rename_users");
    REQUIRE_MESSAGE(renamed.exit_code == 0, renamed.err);
    auto up = read_file(root / "generated/0002_rename_users.up.sql");
    CHECK(up.find("ALTER TABLE public.users RENAME TO accounts;") != std::string::npos);
    CHECK(up.find("ALTER TABLE public.accounts RENAME COLUMN mail TO email;") != std::string::npos);
    CHECK(up.find("RENAME CONSTRAINT users_pkey TO accounts_pkey;") != std::string::npos);
    CHECK(up.find("DROP") == std::string::npos);
    auto down = read_file(root / "generated/0002_rename_users.down.sql");
    CHECK(down.find("ALTER TABLE public.accounts RENAME TO users;") != std::string::npos);

    // The annotations stay in the tree; the replayed history already has the names.
    auto again = project.schemac("diff --exit-code");
    CHECK_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out == "");
    CHECK(project.schemac("plan --check").exit_code == 0);
}

TEST_CASE("--help of schemac and of every command matches tests/help/ (the manual's source)") {
    const fs::path dir = fs::path(SCHEMAC_SOURCE_DIR) / "tests/help";
    for (std::string command :
         {"", "diff", "plan", "hash", "apply", "status", "rollback", "resolve", "dump", "init"}) {
        auto help = run(schemac_cmd(command + " --help"));
        CHECK(help.exit_code == 0);
        fs::path expected = dir / ((command.empty() ? "schemac" : command) + ".txt");
        if (std::getenv("SCHEMAC_UPDATE_GOLDEN"))
            write_file(expected, help.out);
        CHECK_MESSAGE(help.out == read_file(expected), expected.string());
    }
}
