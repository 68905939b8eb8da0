#include "runtime/migrations.h"
#include "runtime/sha256.h"

#include <doctest/doctest.h>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace schemac::runtime;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir =
        fs::temp_directory_path() / ("schemac-unit-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("sha256 matches FIPS 180-4 test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    Sha256 pieces;
    pieces.update("ab").update("c");
    CHECK(pieces.hex() == sha256_hex("abc"));
}

TEST_CASE("the sum file is a chain: a change names the first file that differs") {
    auto dir = fresh_dir("sum");
    write(dir / "0001_a.up.sql", "CREATE TABLE a ();\n");
    write(dir / "0001_a.down.sql", "DROP TABLE a;\n");
    write(dir / "0002_b.up.sql", "CREATE TABLE b ();\n");
    write(dir / "0002_b.down.sql", "DROP TABLE b;\n");
    auto read = read_migrations(dir);
    REQUIRE(read.ok());
    const MigrationDir& history = *read;
    REQUIRE(history.migrations.size() == 2);
    CHECK(history.migrations[1].id() == "0002_b");
    CHECK(verify_sum(history).error().describe() ==
          (dir / "schemac.sum").string() + ": missing; run `schemac hash`");
    REQUIRE(write_sum(history).ok());
    CHECK(verify_sum(history).ok());

    write(dir / "0001_a.down.sql", "DROP TABLE a; -- edited\n");
    CHECK(verify_sum(history).error().describe() ==
          (dir / "schemac.sum").string() + " disagrees with the migration files:\n  " +
              (dir / "0001_a.down.sql").string() +
              " changed since the sum was written\n"
              "If the change was deliberate, run `schemac hash`.");
    REQUIRE(write_sum(history).ok());
    CHECK(verify_sum(history).ok());

    write(dir / "0003_c.up.sql", "CREATE TABLE c ();\n");
    write(dir / "0003_c.down.sql", "DROP TABLE c;\n");
    auto grown = read_migrations(dir);
    REQUIRE(grown.ok());
    CHECK(verify_sum(*grown).error().describe().find((dir / "0003_c.up.sql").string() +
                                                     " is not in the sum") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the sum records the catalog the history leaves, outside the chain") {
    auto dir = fresh_dir("catalog");
    write(dir / "0001_a.up.sql", "CREATE TABLE a ();\n");
    write(dir / "0001_a.down.sql", "DROP TABLE a;\n");
    auto read = read_migrations(dir);
    REQUIRE(read.ok());
    CHECK(recorded_catalog(*read).empty());
    const std::string sha(64, 'a');
    REQUIRE(write_sum(*read, sha).ok());
    CHECK(verify_sum(*read).ok());
    CHECK(recorded_catalog(*read) == sha);
    // The files' lines are the same with or without it.
    CHECK(compute_sum(*read, sha) == compute_sum(*read) + "catalog " + sha + "\n");
    // `schemac hash` after a hand edit writes none: the edit's catalog is unknown.
    REQUIRE(write_sum(*read).ok());
    CHECK(recorded_catalog(*read).empty());
    // A malformed line records nothing.
    write(dir / "schemac.sum", compute_sum(*read) + "catalog xyz\n");
    CHECK(verify_sum(*read).ok());
    CHECK(recorded_catalog(*read).empty());
    fs::remove_all(dir);
}

TEST_CASE("malformed migration directories are refused by name") {
    auto dir = fresh_dir("bad");
    write(dir / "0001_a.up.sql", "");
    CHECK(read_migrations(dir).error().describe() ==
          (dir / "0001_a.down.sql").string() +
              ": missing (every migration has an up and a down file)");
    write(dir / "notes.sql", "");
    CHECK(read_migrations(dir).error().describe().ends_with(
        "notes.sql: not a migration file name (NNNN_name.up.sql or NNNN_name.down.sql)"));
    CHECK(read_migrations(dir / "absent")->migrations.empty());
    fs::remove_all(dir);
}
