#include "harness.h"

#include "runtime/migrations.h"
#include "shadow/shadow.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace schemac::testing {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    return runtime::read_text(path);
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Output run(const std::string& command, const std::string& input) {
    static int counter = 0;
    fs::path dir = fs::temp_directory_path() / ("schemac-test-io-" + std::to_string(getpid()) +
                                                "-" + std::to_string(++counter));
    fs::create_directories(dir);
    write_file(dir / "in", input);
    std::string full = "( " + command + " ) <" + shell_quote((dir / "in").string()) + " >" +
                       shell_quote((dir / "out").string()) + " 2>" +
                       shell_quote((dir / "err").string());
    int status = std::system(full.c_str());
    Output out;
    out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    out.out = read_file(dir / "out");
    out.err = read_file(dir / "err");
    fs::remove_all(dir);
    return out;
}

std::string schemac_cmd(const std::string& arguments) {
    return shell_quote(SCHEMAC_BINARY) + " " + arguments;
}

Output run_in(const fs::path& dir, const std::string& command) {
    return run("cd " + shell_quote(dir.string()) + " && " + command);
}

TempProject::TempProject(const std::string& name)
    : root(fs::temp_directory_path() / ("schemac-test-" + name + "-" + std::to_string(getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root / "schema");
}

TempProject::~TempProject() {
    std::error_code ec;
    fs::remove_all(root, ec);
}

Output TempProject::schemac(const std::string& arguments) const {
    return run_in(root, schemac_cmd(arguments + " --dev-url " + shell_quote(dev_url())));
}

std::string pg_bin(const std::string& name) {
    static std::string bindir = [] {
        auto out = run("pg_config --bindir");
        std::string dir = out.out.substr(0, out.out.find('\n'));
        return fs::exists(fs::path(dir) / "pg_dump") ? dir
                                                     : std::string("/usr/lib/postgresql/15/bin");
    }();
    return shell_quote((fs::path(bindir) / name).string());
}

shadow::Server& server() {
    static std::unique_ptr<shadow::Server> instance = [] {
        auto started = shadow::start_embedded();
        if (!started) {
            std::cerr << "cannot start the test server: " << started.error().message << "\n";
            std::exit(1);
        }
        // Roles are the cluster's, not a database's: the ones cases grant to
        // exist before any case's current state is loaded.
        if (auto roles = (*started)->ensure_roles({"authenticated", "service_role"}); !roles) {
            std::cerr << "cannot create the test roles: " << roles.error().message << "\n";
            std::exit(1);
        }
        return std::move(*started);
    }();
    return *instance;
}

std::string dev_url() {
    return server().conninfo("postgres");
}

Output psql_apply(const std::string& dbname, const std::string& sql) {
    return run(pg_bin("psql") + " -X -q -v ON_ERROR_STOP=1 -1 -f - -d " +
                   shell_quote(server().conninfo(dbname)),
               sql);
}

std::string database_from(const std::string& sql) {
    auto db = server().create_database();
    if (!db) {
        std::cerr << db.error().message << "\n";
        std::exit(1);
    }
    auto loaded = psql_apply(*db, sql);
    if (loaded.exit_code != 0)
        std::cerr << "loading a test database failed: " << loaded.err << "\n";
    return *db;
}

std::string database_from_tree(const fs::path& tree) {
    auto loaded = load::load_tree(tree);
    if (!loaded) {
        std::cerr << loaded.error().message << "\n";
        std::exit(1);
    }
    auto db = shadow::materialize(server(), *loaded);
    if (!db) {
        std::cerr << db.error().message << "\n";
        std::exit(1);
    }
    return *db;
}

std::string schema_dump(const std::string& dbname) {
    auto dump = run(pg_bin("pg_dump") + " --schema-only --no-owner --no-privileges -d " +
                    shell_quote(server().conninfo(dbname)));
    std::stringstream in(dump.out);
    std::string out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.starts_with("--") || line.starts_with("SET ") ||
            line.starts_with("SELECT pg_catalog.set_config") || line.starts_with("\\restrict") ||
            line.starts_with("\\unrestrict"))
            continue;
        out += line + "\n";
    }
    return out;
}

} // namespace schemac::testing
