// The clusters the embedded server starts from: initdb'd once per server
// version into the cache, or a replayed history kept there (a base backup),
// copied for each run.

#include "shadow/embedded.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <pwd.h>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace schemac::shadow {
namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    return s;
}

std::string command_output(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        std::array<char, 512> buffer{};
        while (fgets(buffer.data(), buffer.size(), pipe))
            out += buffer.data();
        pclose(pipe);
    }
    return trim(out);
}

bool has_server(const fs::path& dir) {
    return fs::exists(dir / "postgres") && fs::exists(dir / "initdb");
}

} // namespace

/// PostgreSQL's binaries: `pg_config --bindir`, then PATH, then the newest
/// /usr/lib/postgresql/*/bin.
Result<fs::path> find_bindir(int major) {
    if (const char* env = std::getenv("SCHEMAC_PG_BINDIR"); env && has_server(env))
        return fs::path(env);
    if (fs::path same = fs::path("/usr/lib/postgresql") / std::to_string(major) / "bin";
        major > 0 && has_server(same))
        return same;
    fs::path from_pg_config = command_output("pg_config --bindir 2>/dev/null");
    if (!from_pg_config.empty() && has_server(from_pg_config))
        return from_pg_config;
    if (const char* path = std::getenv("PATH")) {
        std::stringstream dirs(path);
        for (std::string dir; std::getline(dirs, dir, ':');)
            if (!dir.empty() && has_server(dir))
                return fs::canonical(fs::path(dir) / "postgres").parent_path();
    }
    std::vector<fs::path> versions;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (has_server(entry.path() / "bin"))
            versions.push_back(entry.path() / "bin");
    std::ranges::sort(versions, [](const fs::path& a, const fs::path& b) {
        return std::atoi(a.parent_path().filename().c_str()) <
               std::atoi(b.parent_path().filename().c_str());
    });
    if (!versions.empty())
        return versions.back();
    return Error{"cannot find the PostgreSQL server (initdb, postgres): not in `pg_config "
                 "--bindir`, PATH or /usr/lib/postgresql/*/bin; install the `postgresql` "
                 "package or pass --dev-url"};
}

namespace {

/// Where the user's cache is: SCHEMAC_CACHE_DIR, XDG_CACHE_HOME, HOME, or
/// the home directory the password database gives; never a shared folder.
std::optional<fs::path> cache_root() {
    if (const char* dir = std::getenv("SCHEMAC_CACHE_DIR"); dir && *dir)
        return fs::path(dir);
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "schemac";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "schemac";
    if (passwd* pw = getpwuid(geteuid()); pw && pw->pw_dir && *pw->pw_dir)
        return fs::path(pw->pw_dir) / ".cache" / "schemac";
    return std::nullopt;
}

} // namespace

std::optional<fs::path> trusted_cache(std::string& refused) {
    auto root = cache_root();
    if (!root)
        return std::nullopt;
    std::error_code ec;
    fs::create_directories(root->parent_path(), ec);
    mkdir(root->c_str(), 0700);
    struct stat st {};
    if (lstat(root->c_str(), &st) != 0)
        refused = "it cannot be created";
    else if (!S_ISDIR(st.st_mode))
        refused = "it is not a folder";
    else if (st.st_uid != geteuid())
        refused = "it is owned by another user (uid " + std::to_string(st.st_uid) + ")";
    else if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        refused = "others may write to it";
    if (!refused.empty()) {
        refused = "the cache " + root->string() + " is not used: " + refused +
                  "; remove it, or set SCHEMAC_CACHE_DIR to a folder of your own";
        return std::nullopt;
    }
    chmod(root->c_str(), 0700); // what is in it is the user's schema
    return root;
}

Status copy_tree(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
    if (ec)
        return Error{"cannot copy " + from.string() + " to " + to.string() + ": " + ec.message()};
    return Ok{};
}

/// Gives a copied data directory to the server's user (the cached cluster may
/// have been made by another user's run).
Status own_tree(const fs::path& root, const RunAs& as) {
    if (!as.switch_user)
        return Ok{};
    std::error_code ec;
    if (lchown(root.c_str(), as.uid, as.gid) != 0)
        return Error{"cannot give " + root.string() + " to user " + as.name};
    for (const auto& entry : fs::recursive_directory_iterator(root, ec))
        if (lchown(entry.path().c_str(), as.uid, as.gid) != 0)
            return Error{"cannot give " + entry.path().string() + " to user " + as.name};
    return Ok{};
}

/// Makes `dir` private and owned by the server's user.
void hand_over(const fs::path& dir, const RunAs& as) {
    chmod(dir.c_str(), 0700);
    if (as.switch_user && chown(dir.c_str(), as.uid, as.gid) != 0)
        return;
}

namespace {

/// What the shadow changes in a new cluster's template0, which every shadow
/// database is created from: pg_user_mappings shows every mapping's options
/// to every role, so the tree's role reads the options of the mappings the
/// tree made for other roles (PostgreSQL shows them only to the mapped role
/// and to superusers), and shows none as an empty array, never NULL (which
/// the introspector reads as hidden). A shadow holds only the tree's own
/// values, and a secret's stand-in (runtime::with_secrets), which the
/// introspector drops.
constexpr std::string_view k_shadow_catalog = R"(
CREATE OR REPLACE VIEW pg_catalog.pg_user_mappings AS
    SELECT u.oid AS umid, s.oid AS srvid, s.srvname, u.umuser,
           CASE WHEN u.umuser = 0::oid THEN 'public'::name ELSE a.rolname END AS usename,
           COALESCE(u.umoptions, '{}'::text[]) AS umoptions
    FROM pg_catalog.pg_user_mapping u
    JOIN pg_catalog.pg_foreign_server s ON u.umserver = s.oid
    LEFT JOIN pg_catalog.pg_authid a ON a.oid = u.umuser;

)";

/// FNV-1a of `text`, in hex: the cached cluster's name carries that of
/// k_shadow_catalog, so a cluster prepared with other statements is not
/// reused.
std::string text_hash(std::string_view text) {
    std::uint32_t hash = 2166136261U;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619U;
    }
    constexpr std::string_view k_digits = "0123456789abcdef";
    std::string out(8, '0');
    for (int i = 7; i >= 0; --i, hash >>= 4)
        out[static_cast<std::size_t>(i)] = k_digits[hash & 0xF];
    return out;
}

/// The cache directory for this server version,
/// ~/.cache/schemac/pg15.18-schemac_admin-<k_shadow_catalog's hash>,
/// from `postgres --version` ("postgres (PostgreSQL) 15.18 (Debian ...)").
Result<fs::path> version_cache(const fs::path& cache, const fs::path& bindir, const fs::path& run) {
    fs::path log = run / "version.log";
    auto rc = run_and_wait({(bindir / "postgres").string(), "--version"}, RunAs{}, log);
    std::string text = read_all(log);
    std::string_view marker = "(PostgreSQL) ";
    auto at = text.find(marker);
    if (!rc || *rc != 0 || at == std::string::npos)
        return Error{"cannot read the version of " + (bindir / "postgres").string() + ": " +
                     trim(text)};
    std::string version = text.substr(at + marker.size());
    version = version.substr(0, version.find_first_of(" \n"));
    // Named for the cluster's superuser and for what shadow_catalog()
    // changes: clusters made otherwise are not reused.
    return cache /
           ("pg" + version + "-" + std::string(k_admin_role) + "-" + text_hash(k_shadow_catalog));
}

/// Runs k_shadow_catalog in `data`'s template0, through a single-user
/// backend (which may connect to template0 and change a system view).
Status shadow_catalog(const fs::path& bindir, const RunAs& as, const fs::path& data,
                      const fs::path& run) {
    // A new file (never one a link points to), given to the server's user.
    fs::path sql = run / "shadow_catalog.sql";
    int fd = open(sql.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
    if (fd < 0)
        return Error{"cannot create " + sql.string()};
    bool written = write(fd, k_shadow_catalog.data(), k_shadow_catalog.size()) ==
                   static_cast<ssize_t>(k_shadow_catalog.size());
    bool given = !as.switch_user || fchown(fd, as.uid, as.gid) == 0;
    close(fd);
    if (!written || !given)
        return Error{"cannot write " + sql.string() + " for " + as.name};
    fs::path log = run / "shadow_catalog.log";
    auto rc = run_and_wait({"/bin/sh", "-c",
                            "exec \"$0\" --single -O -j -c exit_on_error=on -D \"$1\" "
                            "template0 < \"$2\"",
                            (bindir / "postgres").string(), data.string(), sql.string()},
                           as, log);
    std::string output = read_all(log);
    if (!rc || *rc != 0 || output.find("ERROR") != std::string::npos)
        return Error{"preparing the shadow's template0 failed:\n" + output};
    return Ok{};
}

} // namespace

/// Ensures the cached initdb'd cluster for this server version exists; makes
/// it in `scratch` and copies it into the cache when missing.
Result<fs::path> cached_cluster(const fs::path& bindir, const RunAs& as, const fs::path& run,
                                const std::optional<fs::path>& cache) {
    fs::path cached;
    if (cache) {
        auto dir = version_cache(*cache, bindir, run);
        if (!dir)
            return dir.error();
        cached = *dir / "data";
        if (fs::exists(cached / "PG_VERSION"))
            return cached;
    }
    fs::path fresh = run / "initdb";
    auto rc = run_and_wait({(bindir / "initdb").string(), "-D", fresh.string(), "-U",
                            std::string(k_admin_role), "-A", "trust", "-E", "UTF8", "--locale=C",
                            "--no-sync"},
                           as, run / "initdb.log");
    if (!rc || *rc != 0)
        return Error{"initdb failed:\n" + read_all(run / "initdb.log")};
    if (auto prepared = shadow_catalog(bindir, as, fresh, run); !prepared)
        return prepared.error();
    if (!cache)
        return fresh;
    std::error_code ec;
    fs::create_directories(cached.parent_path(), ec);
    fs::path staging = cached.parent_path() / ("data.tmp" + std::to_string(getpid()));
    if (auto copied = copy_tree(fresh, staging); !copied)
        return copied.error();
    // Another schemac may have won the race; either cluster is as good.
    fs::rename(staging, cached, ec);
    if (ec)
        fs::remove_all(staging, ec);
    fs::remove_all(fresh, ec);
    return cached;
}

namespace {

constexpr std::size_t k_snapshots_kept = 4;

} // namespace

std::optional<Snapshot> find_snapshot(const fs::path& cache, const std::string& key) {
    if (key.empty() || cache.empty())
        return std::nullopt;
    fs::path dir = cache / ("replay-" + key);
    std::string database = read_all(dir / "database");
    if (!fs::exists(dir / "data" / "PG_VERSION") || database.empty())
        return std::nullopt;
    std::error_code ec;
    fs::last_write_time(dir, fs::file_time_type::clock::now(), ec); // least recently used goes
    return Snapshot{dir, database};
}

namespace {

/// Keeps the newest k_snapshots_kept folders of `cache` named `prefix` and
/// a key (not those being written or replaced: .tmp, .old).
void prune_newest(const fs::path& cache, std::string_view prefix) {
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(cache, ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.find('.') == std::string::npos)
            found.emplace_back(fs::last_write_time(entry.path(), ec), entry.path());
    }
    std::ranges::sort(found, std::greater<>());
    for (std::size_t i = k_snapshots_kept; i < found.size(); ++i)
        fs::remove_all(found[i].second, ec);
}

} // namespace

fs::path tree_snapshot_dir(const fs::path& cache, const std::string& key) {
    return cache / ("tree-" + key);
}

void prune_trees(const fs::path& cache) {
    prune_newest(cache, "tree-");
}

TreeLock::TreeLock(const fs::path& cache, bool exclusive)
    : m_fd(open((cache / "trees.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) {
    if (m_fd >= 0 && flock(m_fd, exclusive ? LOCK_EX : LOCK_SH) != 0) {
        close(m_fd);
        m_fd = -1;
    }
}

TreeLock::~TreeLock() {
    if (m_fd >= 0)
        close(m_fd);
}

void prune_snapshots(const fs::path& cache) {
    prune_newest(cache, "replay-");
}

} // namespace schemac::shadow
