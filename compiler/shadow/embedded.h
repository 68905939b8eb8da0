#pragma once

// Internal to shadow: what the embedded server is made of. The processes it
// runs (process.cpp) and the clusters it starts from (cluster.cpp).

#include "runtime/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace schemac::shadow {

// --- process.cpp

/// Remembers a postmaster this process started, for the signal and exit
/// handlers, which stop every one still running.
void register_postmaster(pid_t pid);
void unregister_postmaster(pid_t pid);
/// Remembers a run folder of this process, removed by the signal and exit
/// handlers when the server that uses it could not remove it itself.
void register_run_dir(const std::filesystem::path& dir);
void unregister_run_dir(const std::filesystem::path& dir);
/// Fast shutdown, escalating when it does not go.
void stop_postmaster(pid_t pid) noexcept;
/// Stops the postmasters on SIGINT, SIGTERM, SIGHUP, SIGQUIT and at exit.
void install_handlers();

/// The user the server runs as: `postgres` when we are root (PostgreSQL
/// refuses to run as root), ourselves otherwise.
struct RunAs {
    bool switch_user = false;
    uid_t uid = 0;
    gid_t gid = 0;
    std::string name;
};
Result<RunAs> server_user();

/// Forks and executes `argv` as `as`, output appended to `log`. In the child,
/// the server is bound to die with us (PR_SET_PDEATHSIG), even on SIGKILL.
Result<pid_t> spawn(const std::vector<std::string>& argv, const RunAs& as,
                    const std::filesystem::path& log);
/// spawn, then its exit status.
Result<int> run_and_wait(const std::vector<std::string>& argv, const RunAs& as,
                         const std::filesystem::path& log);

// --- cluster.cpp

std::string read_all(const std::filesystem::path& path);

/// PostgreSQL's binaries: SCHEMAC_PG_BINDIR; then /usr/lib/postgresql/MAJOR/bin
/// when `major` is given (the target's version) and installed; then
/// `pg_config --bindir`, PATH, and the newest /usr/lib/postgresql/*/bin.
Result<std::filesystem::path> find_bindir(int major = 0);

/// A data directory copied, modes kept (the server checks them); no program
/// runs, so no path can be taken for a command.
Status copy_tree(const std::filesystem::path& from, const std::filesystem::path& to);
/// Gives a copied data directory to the server's user.
Status own_tree(const std::filesystem::path& root, const RunAs& as);
/// Makes `dir` private and owned by the server's user.
void hand_over(const std::filesystem::path& dir, const RunAs& as);

/// The cache folder, when there is a trusted one: the user's own (never a
/// shared fallback), private (created 0700; refused when someone else owns
/// it or others may write it, with the reason in `refused`).
std::optional<std::filesystem::path> trusted_cache(std::string& refused);

/// The embedded cluster's superuser (initdb's bootstrap role). Not
/// `postgres`: a tree (a pg_dump's above all) gives objects to `postgres`,
/// which the shadow creates as an ordinary role like every role a tree names.
inline constexpr std::string_view k_admin_role = "schemac_admin";

/// The initdb'd cluster for this server version: cached in `cache` (made in
/// `run` and copied there when missing), or made in `run` when there is no
/// cache.
Result<std::filesystem::path> cached_cluster(const std::filesystem::path& bindir, const RunAs& as,
                                             const std::filesystem::path& run,
                                             const std::optional<std::filesystem::path>& cache);

/// A cached cluster holding a replayed history: `data` (a base backup) and
/// `database` (the name of the replayed database in it).
struct Snapshot {
    std::filesystem::path dir;
    std::string database;
};
std::optional<Snapshot> find_snapshot(const std::filesystem::path& cache, const std::string& key);
/// Keeps the newest snapshots only.
void prune_snapshots(const std::filesystem::path& cache);

/// The folder of the tree kept under `key` (Server::keep_tree) in `cache`:
/// `data`, and the files `database`, `built` and `context`.
std::filesystem::path tree_snapshot_dir(const std::filesystem::path& cache, const std::string& key);
/// Keeps the newest kept trees only.
void prune_trees(const std::filesystem::path& cache);

/// A lock on the kept trees of `cache` (flock on a file beside them):
/// shared while one is copied, exclusive while one is replaced, so a copy
/// never mixes two clusters. Released when it goes.
class TreeLock {
  public:
    TreeLock(const std::filesystem::path& cache, bool exclusive);
    ~TreeLock();
    TreeLock(const TreeLock&) = delete;
    TreeLock& operator=(const TreeLock&) = delete;

  private:
    int m_fd = -1;
};

} // namespace schemac::shadow
