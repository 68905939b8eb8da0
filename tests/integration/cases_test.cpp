// Golden convergence cases: tests/cases/<name>/{current,desired,expected.up,expected.down}.sql.
//
// For each case, on the real server: the SQL schemac prints equals the golden
// files; applying it with psql -1 turns `current` into `desired` and back; and
// convergence is judged twice, by schemac's own catalog (a diff against the
// target prints nothing) and by pg_dump --schema-only against a database
// loaded straight from the target SQL. SCHEMAC_UPDATE_GOLDEN=1 rewrites the
// golden files instead of comparing them.

#include "harness.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
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

bool update_golden() {
    return std::getenv("SCHEMAC_UPDATE_GOLDEN") != nullptr;
}

std::string diff_command(const std::string& db, const fs::path& schema, const std::string& extra) {
    return schemac_cmd("diff -q --dev-url " + shell_quote(dev_url()) + " --url " +
                       shell_quote(server().conninfo(db)) + " --schema " +
                       shell_quote(schema.string()) + " " + extra);
}

/// The migrated database equals the target: by schemac's catalog, and by pg_dump.
void check_converged(const std::string& db, const fs::path& target_sql, const std::string& what) {
    auto again = run(diff_command(db, target_sql, "--skip-proof"));
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

} // namespace

TEST_CASE("golden cases converge forward and reverse on a real server") {
    auto cases = case_dirs();
    REQUIRE(!cases.empty());
    for (const auto& dir : cases) {
        std::string name = dir.filename().string();
        INFO("case " << name);
        auto current = read_file(dir / "current.sql");
        auto db = database_from(current);

        auto up = run(diff_command(db, dir / "desired.sql", ""));
        auto down = run(diff_command(db, dir / "desired.sql", "--reverse"));
        REQUIRE_MESSAGE(up.exit_code == 0, name << ": " << up.err);
        REQUIRE_MESSAGE(down.exit_code == 0, name << ": " << down.err);
        check_golden(dir / "expected.up.sql", up.out, name);
        check_golden(dir / "expected.down.sql", down.out, name);

        // Same inputs, byte-identical output.
        auto repeat = run(diff_command(db, dir / "desired.sql", ""));
        CHECK_MESSAGE(repeat.out == up.out, name << ": second run differs");

        auto applied = psql_apply(db, up.out);
        REQUIRE_MESSAGE(applied.exit_code == 0, name << ": applying up failed: " << applied.err);
        check_converged(db, dir / "desired.sql", name + " (up)");

        auto reverted = psql_apply(db, down.out);
        REQUIRE_MESSAGE(reverted.exit_code == 0,
                        name << ": applying down failed: " << reverted.err);
        check_converged(db, dir / "current.sql", name + " (down)");
        (void)server().drop_database(db);
    }
}
