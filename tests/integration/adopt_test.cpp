// Adopting an existing database: pg_dump's output and `schemac dump` read
// back as trees (round trips over schema/ and every golden case), `init`
// from a database, and `apply --baseline`.

#include "harness.h"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <map>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace schemac::testing;

namespace {

const fs::path k_root = SCHEMAC_SOURCE_DIR;

/// The states the round trips start from: schema/, and each golden case's
/// current and desired state, as (name, tree). Each is loaded into a
/// database of its own only while its round trip runs.
std::vector<std::pair<std::string, fs::path>> round_trip_trees() {
    std::vector<std::pair<std::string, fs::path>> out;
    // SCHEMAC_CASE=name: that golden case alone (as cases_test does).
    const char* only = std::getenv("SCHEMAC_CASE");
    if (!only)
        out.emplace_back("schema/", k_root / "schema");
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(k_root / "tests/cases"))
        if (!only || entry.path().filename() == only)
            cases.push_back(entry.path());
    std::ranges::sort(cases);
    for (const auto& dir : cases) {
        std::string name = dir.filename().string();
        out.emplace_back(name + "/current.sql", dir / "current.sql");
        fs::path desired = fs::exists(dir / "desired.sql") ? dir / "desired.sql" : dir / "desired";
        out.emplace_back(name + "/" + desired.filename().string(), desired);
    }
    return out;
}

/// A database loaded from `tree`, dropped when it goes out of scope.
struct RoundTripDatabase {
    std::string name;
    explicit RoundTripDatabase(const fs::path& tree) : name(database_from_tree(tree)) {}
    ~RoundTripDatabase() { (void)server().drop_database(name); }
    RoundTripDatabase(const RoundTripDatabase&) = delete;
    RoundTripDatabase& operator=(const RoundTripDatabase&) = delete;
};

/// `schemac diff --url DB --schema TREE --exit-code`.
Output diff_against(const std::string& db, const fs::path& tree) {
    return run(schemac_cmd("diff -q --exit-code --skip-proof --dev-url " + shell_quote(dev_url()) +
                           " --url " + shell_quote(server().conninfo(db)) + " --schema " +
                           shell_quote(tree.string())));
}

fs::path scratch(const std::string& name) {
    fs::path dir =
        fs::temp_directory_path() / ("schemac-adopt-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

/// Every file below `dir`, relative path -> content.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file())
            out[fs::relative(entry.path(), dir).generic_string()] = read_file(entry.path());
    return out;
}

} // namespace

TEST_CASE("round trip by pg_dump: its output is a tree whose diff against the database is "
          "empty") {
    fs::path dir = scratch("pg-dump");
    fs::create_directories(dir / "full");
    fs::create_directories(dir / "bare");
    // Not structured bindings: clang 14 cannot capture them (CAPTURE, lambdas).
    for (const auto& entry : round_trip_trees()) {
        const std::string& name = entry.first;
        CAPTURE(name);
        RoundTripDatabase loaded(entry.second);
        const std::string& db = loaded.name;
        auto conninfo = shell_quote(server().conninfo(db));
        auto full = run(pg_bin("pg_dump") + " --schema-only -d " + conninfo);
        REQUIRE(full.exit_code == 0);
        write_file(dir / "full/dump.sql", full.out);
        auto same = diff_against(db, dir / "full/dump.sql");
        CHECK_MESSAGE(same.exit_code == 0, same.out << same.err);
        CHECK(same.out == "");
        // Without owners and privileges it is still a tree; what it lacks is
        // only privileges.
        auto bare =
            run(pg_bin("pg_dump") + " --schema-only --no-owner --no-privileges -d " + conninfo);
        write_file(dir / "bare/dump.sql", bare.out);
        auto without = diff_against(db, dir / "bare/dump.sql");
        CHECK_MESSAGE((without.exit_code == 0 || without.exit_code == 2 || without.exit_code == 3),
                      without.err);
        if (full.out.find("GRANT ") == std::string::npos &&
            full.out.find("REVOKE ") == std::string::npos)
            CHECK_MESSAGE(without.exit_code == 0, without.out << without.err);
    }
    fs::remove_all(dir);
}

TEST_CASE("round trip by schemac dump: the tree diffs empty, and a second dump is the same "
          "bytes") {
    fs::path dir = scratch("dump");
    // Not structured bindings: clang 14 cannot capture them (CAPTURE, lambdas).
    for (const auto& entry : round_trip_trees()) {
        const std::string& name = entry.first;
        CAPTURE(name);
        RoundTripDatabase loaded(entry.second);
        const std::string& db = loaded.name;
        auto dump = [&](const fs::path& out, const std::string& extra) {
            return run(schemac_cmd("dump -q --dev-url " + shell_quote(dev_url()) + " --url " +
                                   shell_quote(server().conninfo(db)) + " --out " +
                                   shell_quote(out.string()) + extra));
        };
        fs::remove_all(dir);
        auto first = dump(dir / "a", "");
        REQUIRE_MESSAGE(first.exit_code == 0, first.err);
        auto same = diff_against(db, dir / "a");
        CHECK_MESSAGE(same.exit_code == 0, same.out << same.err);
        CHECK(same.out == "");
        REQUIRE(dump(dir / "b", "").exit_code == 0);
        CHECK(files_of(dir / "a") == files_of(dir / "b"));
        if (name == "schema/") {
            // Existing files are kept unless --force; with it, the same bytes.
            CHECK(dump(dir / "a", "").exit_code == 1);
            REQUIRE(dump(dir / "a", " --force").exit_code == 0);
            CHECK(files_of(dir / "a") == files_of(dir / "b"));
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("a schemac dump is laid out for people: a folder per schema, a file per table") {
    auto db = database_from("CREATE SCHEMA app;\n"
                            "CREATE TABLE app.users (id int PRIMARY KEY, email text);\n"
                            "CREATE INDEX users_email ON app.users (email);\n"
                            "COMMENT ON COLUMN app.users.email IS 'login';\n"
                            "CREATE TABLE \"Odd/Name\" (id serial PRIMARY KEY);\n"
                            "CREATE VIEW app.emails AS SELECT email FROM app.users;\n"
                            "CREATE FUNCTION app.one() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                            "CREATE TYPE app.mood AS ENUM ('ok');\n");
    fs::path dir = scratch("layout");
    auto dumped = run(schemac_cmd("dump -q --dev-url " + shell_quote(dev_url()) + " --url " +
                                  shell_quote(server().conninfo(db)) + " --out " +
                                  shell_quote((dir / "tree").string())));
    REQUIRE_MESSAGE(dumped.exit_code == 0, dumped.err);
    std::vector<std::string> names;
    for (const auto& [file, text] : files_of(dir / "tree"))
        names.push_back(file);
    CHECK(names == std::vector<std::string>{"app/functions/one.sql", "app/schema.sql",
                                            "app/tables/users.sql", "app/types/mood.sql",
                                            "app/views/emails.sql",
                                            "public/tables/Odd%2FName.sql"});
    auto users = read_file(dir / "tree/app/tables/users.sql");
    CHECK(users.find("CREATE TABLE app.users") != std::string::npos);
    CHECK(users.find("CREATE INDEX users_email ON app.users") != std::string::npos);
    CHECK(users.find("COMMENT ON COLUMN app.users.email IS 'login';") != std::string::npos);
    // The serial's sequence goes with its table.
    CHECK(read_file(dir / "tree/public/tables/Odd%2FName.sql").find("CREATE SEQUENCE") !=
          std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("adopting a database built by hand: init, plan shows nothing, apply --baseline, then "
          "changes as usual") {
    // schema/ built with psql by the role that will deploy (the tests'
    // superuser), and some ad-hoc changes on top.
    auto built = database_from_tree(k_root / "schema");
    auto script = run(pg_bin("pg_dump") + " --schema-only --no-owner -d " +
                      shell_quote(server().conninfo(built)));
    REQUIRE(script.exit_code == 0);
    auto db = database_from(script.out);
    REQUIRE(psql_apply(db, "ALTER TABLE public.workspaces ADD COLUMN nickname text;\n"
                           "CREATE INDEX workspaces_nickname_idx ON public.workspaces (nickname);\n"
                           "COMMENT ON TABLE public.workspaces IS 'added by hand';\n")
                .exit_code == 0);
    TempProject project("adopt");
    fs::remove_all(project.root / "schema");
    const std::string url = shell_quote(server().conninfo(db));
    auto init = project.schemac("init --url " + url);
    REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    CHECK(init.err.find("generated/0001_baseline.up.sql") != std::string::npos);
    CHECK(init.err.find("schemac apply --url <the same URL> --baseline 0001") != std::string::npos);
    CHECK(project.schemac("plan --exit-code").exit_code == 0);
    CHECK(project.schemac("plan --check").exit_code == 0);
    // A second init never overwrites.
    CHECK(project.schemac("init --url " + url).exit_code == 1);

    // A database that is not what the baseline leaves is refused, nothing recorded.
    auto other = database_from("CREATE TABLE unrelated (id int);\n");
    auto refused = project.schemac("apply --url " + shell_quote(server().conninfo(other)) +
                                   " --baseline 0001");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("--baseline 0001: the live catalog is not what generated/ up to "
                           "0001_baseline leaves (- expected, + found):") != std::string::npos);
    CHECK(refused.err.find("nothing was recorded.") != std::string::npos);
    auto untouched = project.schemac("status --url " + shell_quote(server().conninfo(other)));
    CHECK(untouched.out.find("0001_baseline") != std::string::npos);
    CHECK(untouched.out.find("pending") != std::string::npos);

    // A plain apply creates what exists: it fails and is recorded as
    // failed; the baseline then replaces that record.
    auto plain = project.schemac("apply --url " + url);
    CHECK(plain.exit_code == 1);
    CHECK_MESSAGE(plain.err.find("already exists") != std::string::npos, plain.err);

    auto baseline = project.schemac("apply --url " + url + " --baseline 0001");
    REQUIRE_MESSAGE(baseline.exit_code == 0, baseline.err);
    CHECK(baseline.err.find("recorded 1 migration as applied without running them: the "
                            "database is at 0001_baseline") != std::string::npos);
    // Once only.
    CHECK(project.schemac("apply --url " + url + " --baseline 0001").exit_code == 1);
    auto nothing = project.schemac("apply --url " + url);
    CHECK_MESSAGE(nothing.exit_code == 0, nothing.err);

    // A later change plans and applies as usual.
    write_file(project.root / "schema/later.sql",
               "CREATE TABLE public.audit (id bigint PRIMARY KEY, note text);\n");
    REQUIRE(project.schemac("diff --write audit -q").exit_code == 0);
    auto applied = project.schemac("apply --url " + url);
    CHECK_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(diff_against(db, project.root / "schema").exit_code == 0);
}

TEST_CASE("init without a database writes an example that is a valid, empty tree") {
    TempProject project("init-empty");
    fs::remove_all(project.root / "schema");
    auto init = project.schemac("init");
    REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    CHECK(fs::exists(project.root / "schema/example.sql"));
    CHECK(init.err.find("schemac: wrote schemac.toml\n") != std::string::npos);
    CHECK(read_file(project.root / "schemac.toml")
              .starts_with("# schemac's settings for this project (man schemac): found from any\n"
                           "# directory below this one; command-line options override them.\n"
                           "schema = \"schema\"\ndir = \"generated\"\n"));
    auto diff = project.schemac("diff --exit-code");
    CHECK_MESSAGE(diff.exit_code == 0, diff.err);
    CHECK(project.schemac("init").exit_code == 1);
}
