#pragma once

// Helpers for integration tests: run the real schemac binary, psql and
// pg_dump against a real PostgreSQL started by the test itself.

#include "shadow/server.h"

#include <filesystem>
#include <string>

namespace schemac::testing {

struct Output {
    int exit_code = 0;
    std::string out;
    std::string err;
};

/// Runs a shell command; stdin from `input` when not empty.
Output run(const std::string& command, const std::string& input = "");

/// The schemac binary under test, with its arguments appended.
std::string schemac_cmd(const std::string& arguments);

/// Runs a shell command from directory `dir`.
Output run_in(const std::filesystem::path& dir, const std::string& command);

/// A temporary project directory for one test, with an empty schema/,
/// removed when the object goes.
struct TempProject {
    explicit TempProject(const std::string& name);
    ~TempProject();
    TempProject(const TempProject&) = delete;
    TempProject& operator=(const TempProject&) = delete;

    /// schemac run from the project's directory, its shadow databases on the
    /// tests' server (--dev-url; the deploy commands ignore it).
    Output schemac(const std::string& arguments) const;

    std::filesystem::path root;
};

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

/// Shell-quoted string.
std::string shell_quote(const std::string& text);

/// PostgreSQL client binaries (psql, pg_dump) of the server's version.
std::string pg_bin(const std::string& name);

/// The one server the integration tests share (started on first use,
/// stopped at exit), and its conninfo for `--dev-url`.
shadow::Server& server();
std::string dev_url();

/// A fresh database on the shared server, loaded with `sql` through psql.
std::string database_from(const std::string& sql);

/// A fresh database with a tree's statements executed in the loader's order
/// (files may be in any order; no diff or rendering involved).
std::string database_from_tree(const std::filesystem::path& tree);

/// `pg_dump --schema-only` of a database, without comments, SET lines and
/// blank lines, so two dumps compare by content.
std::string schema_dump(const std::string& dbname);

/// Applies a script with `psql -v ON_ERROR_STOP=1 -1`.
Output psql_apply(const std::string& dbname, const std::string& sql);

} // namespace schemac::testing
