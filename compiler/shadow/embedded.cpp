// The embedded server: a throwaway PostgreSQL on a private unix socket,
// started from a cached cluster and removed with everything in it.

#include "shadow/embedded.h"
#include "shadow/server.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <libpq-fe.h>
#include <linux/magic.h>
#include <string_view>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace schemac::shadow {
namespace fs = std::filesystem;

namespace {

/// The role the tree, and every script made of it, runs as: no superuser, so
/// nothing it holds can run a program, read a server file or change roles.
constexpr std::string_view k_tree_role = "schemac_tree";

/// Creates the tree's role, when the cluster does not have it yet.
Status ensure_tree_role(const std::string& conninfo) {
    auto admin = runtime::Connection::open(conninfo);
    if (!admin)
        return Error("cannot connect to the embedded PostgreSQL: " + admin.error().message);
    auto created = admin->exec("DO $$ BEGIN CREATE ROLE " + std::string(k_tree_role) +
                               " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                               "NOBYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    if (!created)
        return Error("cannot create the role " + std::string(k_tree_role) +
                     " in the embedded PostgreSQL: " + created.error().message);
    return Ok{};
}

class EmbeddedServer final : public Server {
  public:
    EmbeddedServer(pid_t pid, fs::path dir, fs::path bindir, RunAs as, fs::path cache,
                   std::string replayed, std::string tree_key, std::optional<KeptTree> tree)
        : m_pid(pid), m_dir(std::move(dir)), m_bindir(std::move(bindir)), m_as(as),
          m_cache(std::move(cache)), m_replayed(std::move(replayed)),
          m_tree_key(std::move(tree_key)), m_tree(std::move(tree)) {}
    ~EmbeddedServer() override {
        // Its databases go with the cluster: none is dropped first.
        close_admin();
        unregister_postmaster(m_pid);
        stop_postmaster(m_pid);
        std::error_code ec;
        fs::remove_all(m_dir, ec);
        unregister_run_dir(m_dir);
    }
    std::string conninfo(const std::string& dbname) const override {
        return "host='" + m_dir.string() + "' port=5432 user=" + std::string(k_admin_role) +
               " dbname='" + dbname + "'";
    }
    std::string tree_conninfo(const std::string& dbname) const override {
        return "host='" + m_dir.string() + "' port=5432 user=" + std::string(k_tree_role) +
               " dbname='" + dbname + "'";
    }

    std::string replayed_database() const override { return m_replayed; }

    void keep_replay(const std::string& key, const std::string& dbname) override {
        if (m_cache.empty()) // no trusted cache
            return;
        std::error_code ec;
        fs::path final_dir = m_cache / ("replay-" + key);
        if (fs::exists(final_dir, ec))
            return;
        fs::path staging = m_cache / ("replay-" + key + ".tmp" + std::to_string(getpid()));
        if (!back_up(staging, {{"database", dbname}}))
            return;
        // Another schemac may have kept the same replay; either is as good.
        fs::rename(staging, final_dir, ec);
        if (ec)
            fs::remove_all(staging, ec);
        prune_snapshots(m_cache);
    }

    std::optional<KeptTree> kept_tree() const override { return m_tree; }

    void keep_tree(const KeptTree& tree) override {
        if (m_cache.empty() || m_tree_key.empty())
            return;
        std::error_code ec;
        fs::path final_dir = tree_snapshot_dir(m_cache, m_tree_key);
        std::string pid = std::to_string(getpid());
        fs::path staging = final_dir.string() + ".tmp" + pid;
        if (!back_up(
                staging,
                {{"database", tree.database}, {"built", tree.built}, {"context", tree.context}}))
            return;
        // The newest replaces the one before, while no run copies it.
        fs::path old = final_dir.string() + ".old" + pid;
        {
            TreeLock lock(m_cache, true);
            fs::rename(final_dir, old, ec);
            fs::rename(staging, final_dir, ec);
        }
        if (ec)
            fs::remove_all(staging, ec);
        fs::remove_all(old, ec);
        prune_trees(m_cache);
    }

    std::string tree_role() const override { return std::string(k_tree_role); }

  protected:
    std::string maintenance_database() const override { return "postgres"; }

  private:
    /// A base backup of the running cluster into `staging`/data, with
    /// `files` written beside it; false (and nothing left) when it fails.
    bool back_up(const fs::path& staging,
                 const std::vector<std::pair<std::string, std::string>>& files) const {
        std::error_code ec;
        fs::remove_all(staging, ec);
        fs::create_directories(staging, ec);
        // A base backup is the server's own consistent copy of a running
        // cluster (its WAL is replayed when the copy starts). pg_basebackup
        // is a client: it runs as schemac's user and writes straight into
        // the cache; a run that starts from the copy hands it over as it
        // does the initdb'd cluster.
        auto rc =
            run_and_wait({(m_bindir / "pg_basebackup").string(), "-h", m_dir.string(), "-p", "5432",
                          "-U", std::string(k_admin_role), "-D", (staging / "data").string(), "-X",
                          "stream", "-c", "fast", "--no-sync", "--no-manifest"},
                         RunAs{}, m_dir / "basebackup.log");
        for (const auto& [name, text] : files)
            std::ofstream(staging / name, std::ios::binary) << text;
        if (!rc || *rc != 0 || !fs::exists(staging / "data" / "PG_VERSION")) {
            fs::remove_all(staging, ec);
            return false;
        }
        return true;
    }

    pid_t m_pid;
    fs::path m_dir;
    fs::path m_bindir;
    RunAs m_as;
    fs::path m_cache;
    std::string m_replayed;
    std::string m_tree_key;
    std::optional<KeptTree> m_tree;
};

bool wait_ready(const std::string& conninfo, pid_t pid) {
    for (int i = 0; i < 1500; ++i) {
        if (PQping(conninfo.c_str()) == PQPING_OK)
            return true;
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

/// The data directory a run starts from, in `run`: a copy of the replay
/// the cache keeps for `replay_key`, of the cached initdb'd cluster, or a
/// cluster made now when there is no trusted cache.
struct Start {
    fs::path replays; ///< where replays are kept ("" without a cache)
    std::optional<Snapshot> snapshot;
    std::optional<Server::KeptTree> tree;
};

/// The cluster of the tree kept under `key` copied into `data`, or nullopt
/// (and nothing in `data`) when there is none or it cannot be copied.
std::optional<Server::KeptTree> copy_kept_tree(const fs::path& cache, const std::string& key,
                                               const fs::path& data) {
    TreeLock lock(cache, false);
    fs::path dir = tree_snapshot_dir(cache, key);
    Server::KeptTree tree{read_all(dir / "database"), read_all(dir / "built"),
                          read_all(dir / "context")};
    std::error_code ec;
    if (tree.database.empty() || !fs::exists(dir / "data" / "PG_VERSION", ec))
        return std::nullopt;
    if (auto copied = copy_tree(dir / "data", data); !copied) {
        fs::remove_all(data, ec);
        return std::nullopt;
    }
    fs::last_write_time(dir, fs::file_time_type::clock::now(), ec); // the least used goes
    return tree;
}

Result<Start> prepare_data(const fs::path& bindir, const RunAs& as, const fs::path& run,
                           const std::string& replay_key, const std::string& tree_key,
                           bool from_tree) {
    std::string refused;
    auto cache = trusted_cache(refused);
    if (!refused.empty())
        std::cerr << "schemac: warning: " << refused << "\n";
    auto cluster = cached_cluster(bindir, as, run, cache);
    if (!cluster)
        return cluster.error();
    fs::path data = run / "data";
    if (!cache) {
        std::error_code ec;
        fs::rename(*cluster, data, ec);
        if (ec)
            return Error{"cannot move " + cluster->string() + " to " + data.string()};
        return Start{};
    }
    // Replays are kept beside the cluster of their server version.
    Start start{cluster->parent_path(), std::nullopt, std::nullopt};
    if (from_tree && !tree_key.empty())
        start.tree = copy_kept_tree(start.replays, tree_key, data);
    if (!start.tree) {
        start.snapshot = find_snapshot(start.replays, replay_key);
        if (auto copied = copy_tree(start.snapshot ? start.snapshot->dir / "data" : *cluster, data);
            !copied)
            return copied.error();
    }
    if (auto owned = own_tree(data, as); !owned)
        return owned.error();
    return start;
}

/// Where a run's cluster goes: `$TMPDIR` when it is set; otherwise
/// /dev/shm when it is a tmpfs with 4 GiB free, since the cluster is thrown
/// away and on a disk every file PostgreSQL creates and removes costs more
/// (a CREATE and DROP DATABASE: 234 ms on this project's ext4, 47 ms on
/// tmpfs); else the system's temporary directory. scripts/scratch-dir says
/// the same for the tests and the benchmarks.
fs::path run_parent() {
    if (const char* tmpdir = std::getenv("TMPDIR"); tmpdir && *tmpdir)
        return fs::temp_directory_path();
    constexpr unsigned long long k_room = 4ULL << 30;
    struct statfs shm {};
    if (statfs("/dev/shm", &shm) == 0 && shm.f_type == TMPFS_MAGIC &&
        static_cast<unsigned long long>(shm.f_bavail) *
                static_cast<unsigned long long>(shm.f_bsize) >=
            k_room &&
        access("/dev/shm", W_OK | X_OK) == 0)
        return "/dev/shm";
    return fs::temp_directory_path();
}

} // namespace

Result<std::unique_ptr<Server>> start_embedded(const std::string& replay_key, int major,
                                               const std::string& tree_key, bool from_tree) {
    install_handlers();
    auto bindir = find_bindir(major);
    if (!bindir)
        return bindir.error();
    auto as = server_user();
    if (!as)
        return as.error();

    fs::path parent = run_parent();
    std::string pattern = (parent / "schemac-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        return Error{"cannot create a temporary directory in " + parent.string()};
    fs::path run = pattern;
    register_run_dir(run);
    hand_over(run, *as);
    auto remove_run = [&](Error error) {
        std::error_code ec;
        fs::remove_all(run, ec);
        unregister_run_dir(run);
        return error;
    };
    auto start = prepare_data(*bindir, *as, run, replay_key, tree_key, from_tree);
    if (!start)
        return remove_run(std::move(start).error());
    fs::path data = run / "data";

    fs::path log = run / "server.log";
    auto pid = spawn({(*bindir / "postgres").string(), "-D", data.string(), "-k", run.string(),
                      "-p", "5432", "-c", "listen_addresses=", "-c", "fsync=off", "-c",
                      "full_page_writes=off", "-c", "synchronous_commit=off", "-c",
                      "max_connections=40", "-c", "logging_collector=off",
                      // Whole migrations run in one transaction: 10,000 tables
                      // take ~50,000 locks (the default table holds 2,560).
                      "-c", "max_locks_per_transaction=2048"},
                     *as, log);
    if (!pid)
        return remove_run(std::move(pid).error());
    register_postmaster(*pid);
    auto server = std::make_unique<EmbeddedServer>(*pid, run, *bindir, *as, start->replays,
                                                   start->snapshot ? start->snapshot->database : "",
                                                   tree_key, std::move(start->tree));
    if (!wait_ready(server->conninfo("postgres"), *pid)) {
        std::string text = read_all(log);
        return Error{"the embedded PostgreSQL did not start:\n" + text};
    }
    if (auto role = ensure_tree_role(server->conninfo("postgres")); !role)
        return role.error();
    return std::unique_ptr<Server>(std::move(server));
}

} // namespace schemac::shadow
