// Golden convergence cases: tests/cases/<name>/{current,desired,expected.up,expected.down}.sql
// (desired may be a directory of files), and optionally `args`: options for
// every schemac run of the case (`--schemas` for a scope wider than what the
// tree creates, as a project whose generated/ made the current state has).
//
// For each case, on the real server: the SQL schemac prints equals the golden
// files; applying it with psql -1 turns `current` into `desired` and back; and
// convergence is judged twice, by schemac's own catalog (a diff against the
// target prints nothing) and by pg_dump --schema-only against a database
// loaded straight from the target SQL. SCHEMAC_UPDATE_GOLDEN=1 rewrites the
// golden files instead of comparing them.

#include "harness.h"
#include "runtime/connection.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace fs = std::filesystem;
using namespace schemac::testing;

namespace {

std::vector<fs::path> case_dirs() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(fs::path(SCHEMAC_SOURCE_DIR) / "tests/cases"))
        if (entry.is_directory())
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    if (const char* only = std::getenv("SCHEMAC_CASE"))
        std::erase_if(out, [&](const fs::path& p) { return p.filename() != only; });
    return out;
}

/// A case's desired state: desired.sql, or a directory desired/ of files
/// (loaded in path order, as a tree is).
fs::path desired_of(const fs::path& dir) {
    return fs::exists(dir / "desired.sql") ? dir / "desired.sql" : dir / "desired";
}

/// The case's `args`, or nothing.
std::string args_of(const fs::path& dir) {
    if (!fs::exists(dir / "args"))
        return "";
    std::string args = read_file(dir / "args");
    std::erase(args, '\n');
    return args;
}

bool update_golden() {
    return std::getenv("SCHEMAC_UPDATE_GOLDEN") != nullptr;
}

std::string diff_command(const std::string& db, const fs::path& schema, const std::string& extra) {
    return schemac_cmd("diff -q --dev-url " + shell_quote(dev_url()) + " --url " +
                       shell_quote(server().conninfo(db)) + " --schema " +
                       shell_quote(schema.string()) + " " + extra);
}

/// The migrated database equals the target: by schemac's catalog, and by pg_dump.
void check_converged(const std::string& db, const fs::path& target_sql, const std::string& what,
                     const std::string& args) {
    auto again = run(diff_command(db, target_sql, "--skip-proof " + args));
    CHECK_MESSAGE(again.exit_code == 0, what << ": " << again.err);
    CHECK_MESSAGE(again.out == "", what << ": schemac still sees changes:\n" << again.out);
    auto reference = database_from_tree(target_sql);
    std::string expected = schema_dump(reference);
    std::string actual = schema_dump(db);
    CHECK_MESSAGE(actual == expected, what << ": pg_dump differs.\n--- migrated:\n"
                                           << actual << "--- loaded directly:\n"
                                           << expected);
    (void)server().drop_database(reference);
}

/// Applies a printed script as its header says: with psql -1, or, when some
/// step cannot run in a transaction, statement by statement.
Output apply_script(const std::string& db, const std::string& sql) {
    if (sql.find("-- schemac:no-transaction") == std::string::npos)
        return psql_apply(db, sql);
    return run(pg_bin("psql") + " -X -q -v ON_ERROR_STOP=1 -f - -d " +
                   shell_quote(server().conninfo(db)),
               sql);
}

void check_golden(const fs::path& file, const std::string& actual, const std::string& what) {
    if (update_golden()) {
        write_file(file, actual);
        return;
    }
    CHECK_MESSAGE(fs::exists(file), what << ": missing " << file);
    CHECK_MESSAGE(read_file(file) == actual, what << ": output differs from " << file
                                                  << "\n--- actual:\n"
                                                  << actual);
}

/// One golden case: its SQL both ways equals the golden files, is the same
/// on a second run, and applied forward then back converges each time.
void check_case(const fs::path& dir) {
    std::string name = dir.filename().string();
    auto current = read_file(dir / "current.sql");
    auto db = database_from(current);
    auto args = args_of(dir);

    auto up = run(diff_command(db, desired_of(dir), args));
    auto down = run(diff_command(db, desired_of(dir), "--reverse " + args));
    REQUIRE_MESSAGE(up.exit_code == 0, name << ": " << up.err);
    REQUIRE_MESSAGE(down.exit_code == 0, name << ": " << down.err);
    check_golden(dir / "expected.up.sql", up.out, name);
    check_golden(dir / "expected.down.sql", down.out, name);

    // Same inputs, byte-identical output.
    auto repeat = run(diff_command(db, desired_of(dir), args));
    CHECK_MESSAGE(repeat.out == up.out, name << ": second run differs");

    auto applied = apply_script(db, up.out);
    REQUIRE_MESSAGE(applied.exit_code == 0, name << ": applying up failed: " << applied.err);
    check_converged(db, desired_of(dir), name + " (up)", args);

    auto reverted = apply_script(db, down.out);
    REQUIRE_MESSAGE(reverted.exit_code == 0, name << ": applying down failed: " << reverted.err);
    check_converged(db, dir / "current.sql", name + " (down)", args);
    (void)server().drop_database(db);
}

/// Runs each step of the plan from `db` to `target` in its own transaction
/// and compares what pg_locks shows it holding, before COMMIT, on the tables
/// that existed before the migration with what the plan declares: the
/// strongest mode per table, no more and no less. Returns the steps checked.
int check_declared_locks(const std::string& db, const fs::path& target, const std::string& what,
                         const std::string& args) {
    constexpr const char* k_rank = "array_position(ARRAY['AccessShareLock', 'RowShareLock', "
                                   "'RowExclusiveLock', 'ShareUpdateExclusiveLock', 'ShareLock', "
                                   "'ShareRowExclusiveLock', 'ExclusiveLock', "
                                   "'AccessExclusiveLock'], l.mode)";
    constexpr const char* k_names[] = {
        "ACCESS SHARE", "ROW SHARE",           "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
        "SHARE",        "SHARE ROW EXCLUSIVE", "EXCLUSIVE",     "ACCESS EXCLUSIVE"};
    auto planned =
        run(schemac_cmd("plan -q --format json --skip-proof --dev-url " + shell_quote(dev_url()) +
                        " --url " + shell_quote(server().conninfo(db)) + " --schema " +
                        shell_quote(target.string()) + " " + args));
    REQUIRE_MESSAGE(planned.exit_code == 0, planned.err);
    auto plan = nlohmann::json::parse(planned.out);
    auto conn = schemac::runtime::Connection::open(server().conninfo(db));
    REQUIRE(conn.ok());
    // By oid: a table the step drops is gone from pg_class before COMMIT.
    // Names are read again before each step: a step declares a table by the
    // name it has then (after an earlier step renamed it).
    constexpr const char* k_tables =
        "SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c "
        "JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'f') AND n.nspname NOT IN "
        "('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'";
    std::map<std::string, std::string> tables;
    auto read_names = [&] {
        auto existing = conn->exec(k_tables);
        REQUIRE(existing.ok());
        for (auto row : *existing)
            if (auto known = tables.find(row.text("oid")); known != tables.end())
                known->second = row.text("name");
    };
    auto existing = conn->exec(k_tables);
    REQUIRE(existing.ok());
    std::string oids = "{";
    for (auto row : *existing) {
        oids += (tables.empty() ? "" : ",") + row.text("oid");
        tables[row.text("oid")] = row.text("name");
    }
    oids += "}";
    int checked = 0;
    for (const auto& step : plan.at("forward")) {
        std::string where = what + " step " + step.at("description").get<std::string>();
        read_names();
        if (step.at("sql").dump().find(" CONCURRENTLY ") != std::string::npos) {
            // A concurrent index build or drop cannot run in a transaction
            // of ours: its lock is the manual's (SHARE UPDATE EXCLUSIVE).
            CHECK(step.at("locks").dump().find("SHARE UPDATE EXCLUSIVE") != std::string::npos);
            for (const auto& statement : step.at("sql")) {
                auto done = conn->exec(statement.get<std::string>());
                REQUIRE_MESSAGE(done.ok(), where << ": " << done.error().message);
            }
            continue;
        }
        REQUIRE(conn->exec("BEGIN").ok());
        for (const auto& statement : step.at("sql")) {
            auto done = conn->exec(statement.get<std::string>());
            REQUIRE_MESSAGE(done.ok(), where << ": " << done.error().message);
        }
        auto held = conn->exec(
            std::string("SELECT l.relation, max(") + k_rank +
                ") AS mode FROM pg_locks l WHERE l.pid = pg_backend_pid() AND l.granted AND "
                "l.relation = ANY($1::oid[]) GROUP BY 1",
            {oids});
        REQUIRE_MESSAGE(held.ok(), held.error().message);
        REQUIRE(conn->exec("COMMIT").ok());
        std::map<std::string, std::string> actual;
        for (auto row : *held)
            actual[tables.at(row.text("relation"))] = k_names[std::stoi(row.text("mode")) - 1];
        std::map<std::string, std::string> declared;
        for (const auto& lock : step.at("locks"))
            declared[lock.at("table").get<std::string>()] = lock.at("mode").get<std::string>();
        CHECK_MESSAGE(declared == actual, where << ": declared " << step.at("locks").dump()
                                                << ", pg_locks " << nlohmann::json(actual).dump());
        ++checked;
    }
    return checked;
}

} // namespace

TEST_CASE("golden cases converge forward and reverse on a real server") {
    auto cases = case_dirs();
    REQUIRE(!cases.empty());
    // One subcase per case: a failing case stops only itself, and one run
    // reports every case that fails.
    for (const auto& dir : cases) {
        std::string name = dir.filename().string();
        SUBCASE(name.c_str()) {
            check_case(dir);
        }
    }
}

TEST_CASE("every step's declared locks are what PostgreSQL holds (pg_locks), in every case") {
    static int steps_checked = 0; // the test case runs again for each subcase
    auto cases = case_dirs();
    for (const auto& dir : cases) {
        std::string name = dir.filename().string();
        SUBCASE(name.c_str()) {
            auto db = database_from(read_file(dir / "current.sql"));
            auto args = args_of(dir);
            steps_checked += check_declared_locks(db, desired_of(dir), name + " (up)", args);
            steps_checked += check_declared_locks(db, dir / "current.sql", name + " (down)", args);
            (void)server().drop_database(db);
            if (dir == cases.back())
                MESSAGE(steps_checked << " steps checked against pg_locks");
        }
    }
}
