// schemac.toml, named environments, and connections as psql makes them:
// run as a user would, from a subdirectory of the project.

#include "harness.h"

#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <map>

using namespace schemac::testing;
namespace fs = std::filesystem;

namespace {

/// The keywords of a conninfo libpq reads (host, port, user, dbname).
std::map<std::string, std::string> conninfo_fields(const std::string& conninfo) {
    std::map<std::string, std::string> out;
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    REQUIRE(options);
    for (PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val)
            out[o->keyword] = o->val;
    PQconninfoFree(options);
    return out;
}

/// PGHOST=... PGPORT=... PGUSER=... PGDATABASE=db, for a shell command.
std::string pg_environment(const std::string& db) {
    auto fields = conninfo_fields(server().conninfo(db));
    std::string out;
    for (const auto& [keyword, variable] : {std::pair{"host", "PGHOST"},
                                            {"port", "PGPORT"},
                                            {"user", "PGUSER"},
                                            {"dbname", "PGDATABASE"}})
        if (fields.count(keyword))
            out += std::string(variable) + "=" + shell_quote(fields[keyword]) + " ";
    return out;
}

} // namespace

TEST_CASE("schemac.toml is found from a subdirectory; --env takes its URL from the environment") {
    TempProject project("config");
    const fs::path& root = project.root;
    write_file(root / "schemac.toml", "schema = \"db/schema\"\n"
                                      "dir = \"db/generated\"\n"
                                      "dev_url = \"env:SCHEMAC_TEST_DEV\"\n"
                                      "\n"
                                      "[env.prod]\n"
                                      "url = \"env:SCHEMAC_TEST_PROD\"\n");
    fs::create_directories(root / "db/schema");
    fs::create_directories(root / "app/src");
    write_file(root / "db/schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
    auto target = database_from("");
    std::string env = "SCHEMAC_TEST_DEV=" + shell_quote(dev_url()) +
                      " SCHEMAC_TEST_PROD=" + shell_quote(server().conninfo(target)) + " ";
    auto in_sub = [&](const std::string& args) {
        return run_in(root / "app/src", env + schemac_cmd(args));
    };

    auto written = in_sub("diff --write initial");
    REQUIRE_MESSAGE(written.exit_code == 0, written.err);
    CHECK(written.err == "schemac: wrote ../../db/generated/0001_initial.up.sql and "
                         "../../db/generated/0001_initial.down.sql\n");
    CHECK(in_sub("plan --check").err ==
          "schemac: ../../db/generated/ reproduces ../../db/schema (1 migration)\n");

    auto applied = in_sub("apply --env prod");
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(applied.err.find("1 migration applied; the database is at 0001_initial") !=
          std::string::npos);
    // The plan against the environment's database: nothing left to do.
    auto plan = in_sub("plan --env prod --skip-proof");
    CHECK_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("Plan: no changes") != std::string::npos);
    // A command-line option overrides the file.
    CHECK(in_sub("plan --check --dir nowhere").exit_code == 1);

    auto unknown = in_sub("status --env staging");
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "schemac: --env staging: " + (root / "schemac.toml").string() +
                             " has no [env.staging] (environments: prod)\n");
}

TEST_CASE("schemac.toml refuses a password in clear, an unknown setting and a wrong type") {
    TempProject project("config-bad");
    const fs::path& root = project.root;
    std::string file = (root / "schemac.toml").string();
    auto refused = [&](const std::string& toml) {
        write_file(root / "schemac.toml", toml);
        auto out = project.schemac("plan --skip-proof");
        CHECK(out.exit_code == 1);
        CHECK(out.out == "");
        return out.err;
    };
    CHECK(refused("[env.prod]\nurl = \"postgresql://app:hunter2@db.example.com/app\"\n") ==
          "schemac: " + file +
              ":2:7: env.prod.url holds a password in clear; write url = \"env:NAME\" and set the "
              "environment variable NAME, or use ~/.pgpass\n");
    CHECK(refused("shema = \"db\"\n") ==
          "schemac: " + file +
              ":1:1: unknown setting shema (settings: dev_url, dir, ignore, roles, schema, "
              "schemas, env)\n");
    CHECK(refused("schemas = \"public\"\n") ==
          "schemac: " + file + ":1:11: schemas is a list of strings\n");
}

TEST_CASE("without --url, apply and status connect as psql would: DATABASE_URL, then PG*") {
    TempProject project("pgenv");
    const fs::path& root = project.root;
    write_file(root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n");
    REQUIRE(project.schemac("diff --write initial").exit_code == 0);
    auto by_pg = database_from("");
    auto applied = run_in(root, pg_environment(by_pg) + schemac_cmd("apply"));
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    auto status = run_in(root, pg_environment(by_pg) + schemac_cmd("status"));
    CHECK_MESSAGE(status.exit_code == 0, status.err);
    // The name shown is the database connected to.
    CHECK(status.out.starts_with("database: " + by_pg + " (at 0001_initial)\n"));

    auto by_url = database_from("");
    auto url = run_in(root, "DATABASE_URL=" + shell_quote(server().conninfo(by_url)) + " " +
                                schemac_cmd("status"));
    CHECK(url.out.starts_with("database: " + by_url + " (no migration applied)\n"));
    auto dry = run_in(root, "DATABASE_URL=" + shell_quote(server().conninfo(by_url)) + " " +
                                schemac_cmd("apply --dry-run"));
    CHECK(dry.err.find("1 migration would be applied; no migration is applied to the database "
                       "(dry run: nothing changed)") != std::string::npos);
}

TEST_CASE("command-line mistakes are named the way every other error is") {
    auto unknown = run(schemac_cmd("frob"));
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err == "schemac: unknown command frob; the commands are diff, plan, hash, "
                         "apply, status, rollback, resolve, dump, init (schemac --help)\n");
    auto empty = run(schemac_cmd("diff --write ''"));
    CHECK(empty.exit_code == 1);
    CHECK(empty.err == "schemac: --write: a migration name is lower-case letters, digits and _ "
                       "(schemac diff --help)\n");
    auto help = run(schemac_cmd("diff --help"));
    CHECK(help.out.starts_with("Print the SQL that takes the current state to the schema tree\n"
                               "Usage: schemac diff [OPTIONS]"));
    CHECK(help.out.find("{false}") == std::string::npos);
}

TEST_CASE("a stage that runs over a second is announced on stderr, not with -q") {
    TempProject project("progress");
    write_file(project.root / "schema/t.sql", "CREATE TABLE t (id int PRIMARY KEY);\n"
                                              "DO $$ BEGIN PERFORM pg_sleep(1.5); END $$;\n");
    auto shown = run_in(project.root,
                        "env -u SCHEMAC_PROGRESS " +
                            schemac_cmd("diff --skip-proof --dev-url " + shell_quote(dev_url())));
    CHECK_MESSAGE(shown.exit_code == 0, shown.err);
    CHECK_MESSAGE(shown.err.find("schemac: materializing 2 statements...\n") != std::string::npos,
                  shown.err);
    auto quiet = run_in(
        project.root, "env -u SCHEMAC_PROGRESS " +
                          schemac_cmd("diff -q --skip-proof --dev-url " + shell_quote(dev_url())));
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err == "");
}
