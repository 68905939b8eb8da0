#include "shadow/server.h"

#include "catalog/quote.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <grp.h>
#include <libpq-fe.h>
#include <mutex>
#include <optional>
#include <pwd.h>
#include <random>
#include <sstream>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace schemac::shadow {
namespace fs = std::filesystem;
using catalog::quote_ident;

// ---------------------------------------------------------------------------
// Databases on any server

Result<runtime::Connection> Server::connect(const std::string& dbname) const {
    auto conn = runtime::Connection::open(conninfo(dbname));
    if (!conn.ok())
        return Error{"cannot connect to the shadow database " + dbname + ": " +
                     conn.error().message};
    return std::move(*conn);
}

Result<std::string> Server::create_database(const std::string& template_db) {
    static std::mt19937_64 random{std::random_device{}()};
    std::string name = "schemac_" + std::to_string(getpid()) + "_" + std::to_string(++m_counter) +
                       "_" + std::to_string(random() % 100000);
    auto admin = connect(maintenance_database());
    if (!admin)
        return admin.error();
    std::string sql = "CREATE DATABASE " + quote_ident(name) + " TEMPLATE " +
                      quote_ident(template_db.empty() ? "template0" : template_db);
    auto created = admin->exec(sql);
    if (!created.ok())
        return Error{"cannot create a shadow database: " + created.error().describe()};
    m_databases.push_back(name);
    return name;
}

Status Server::drop_database(const std::string& dbname) {
    auto admin = connect(maintenance_database());
    if (!admin)
        return admin.error();
    auto dropped = admin->exec("DROP DATABASE IF EXISTS " + quote_ident(dbname) + " WITH (FORCE)");
    std::erase(m_databases, dbname);
    if (!dropped.ok())
        return Error{"cannot drop shadow database " + dbname + ": " + dropped.error().message};
    return Ok{};
}

void Server::drop_all_databases() {
    auto names = m_databases;
    for (const auto& name : names)
        (void)drop_database(name);
}

Status Server::ensure_roles(const std::vector<std::string>& roles) {
    if (roles.empty())
        return Ok{};
    auto admin = connect(maintenance_database());
    if (!admin)
        return admin.error();
    for (const auto& role : roles) {
        auto exists = admin->exec("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", {role});
        if (exists.ok() && !exists->empty())
            continue;
        auto created = admin->exec("CREATE ROLE " + quote_ident(role) + " NOLOGIN");
        // Another run may have created it meanwhile (duplicate_object).
        if (!created.ok() && created.error().sqlstate() != "42710")
            return Error{"cannot create role " + role +
                         " in the shadow server: " + created.error().message};
    }
    return Ok{};
}

// ---------------------------------------------------------------------------
// The existing server of --dev-url

namespace {

class ExistingServer final : public Server {
  public:
    explicit ExistingServer(std::string url) : m_url(std::move(url)) {}
    ~ExistingServer() override { drop_all_databases(); }
    std::string conninfo(const std::string& dbname) const override {
        return runtime::with_database(m_url, dbname);
    }

  protected:
    std::string maintenance_database() const override {
        std::string db = runtime::database_of(m_url);
        return db.empty() ? "postgres" : db;
    }

  private:
    std::string m_url;
};

} // namespace

Result<std::unique_ptr<Server>> use_existing(const std::string& url) {
    auto conn = runtime::Connection::open(url);
    if (!conn.ok())
        return Error{"cannot connect to --dev-url " + runtime::redact(url) + ": " +
                     conn.error().message};
    return std::unique_ptr<Server>(std::make_unique<ExistingServer>(url));
}

// ---------------------------------------------------------------------------
// The embedded server

namespace {

struct Running {
    pid_t pid;
    std::string dir;
};

// Postmasters this process started, for the signal and exit handlers. Fixed
// size and plain data so a signal handler can read it.
constexpr std::size_t k_max_servers = 8;
std::array<volatile pid_t, k_max_servers> g_postmasters{};

void register_postmaster(pid_t pid) {
    for (auto& slot : g_postmasters)
        if (slot == 0) {
            slot = pid;
            return;
        }
}

void unregister_postmaster(pid_t pid) {
    for (auto& slot : g_postmasters)
        if (slot == pid)
            slot = 0;
}

void stop_postmaster(pid_t pid) noexcept {
    // SIGINT is PostgreSQL's fast shutdown; escalate if it does not go.
    kill(pid, SIGINT);
    for (int i = 0; i < 200; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        usleep(50'000);
    }
    kill(pid, SIGQUIT);
    usleep(500'000);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

extern "C" void on_signal(int signal) {
    for (auto& slot : g_postmasters) {
        pid_t pid = slot;
        if (pid != 0) {
            kill(pid, SIGINT);
            waitpid(pid, nullptr, 0);
            slot = 0;
        }
    }
    std::signal(signal, SIG_DFL);
    raise(signal);
}

void install_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            std::signal(sig, on_signal);
        std::atexit([] { stop_all_embedded(); });
    });
}

/// The user the server runs as: `postgres` when we are root (PostgreSQL
/// refuses to run as root), ourselves otherwise.
struct RunAs {
    bool switch_user = false;
    uid_t uid = 0;
    gid_t gid = 0;
    std::string name;
};

Result<RunAs> server_user() {
    RunAs as;
    if (geteuid() != 0)
        return as;
    passwd* pw = getpwnam("postgres");
    if (!pw)
        return Error{"schemac runs as root, and the embedded PostgreSQL must run as another "
                     "user, but there is no user `postgres` (install the postgresql package, "
                     "or pass --dev-url)"};
    as.switch_user = true;
    as.uid = pw->pw_uid;
    as.gid = pw->pw_gid;
    as.name = pw->pw_name;
    return as;
}

/// Forks and executes `argv` as `as`, output appended to `log`. In the child,
/// the server is bound to die with us (PR_SET_PDEATHSIG), even on SIGKILL.
Result<pid_t> spawn(const std::vector<std::string>& argv, const RunAs& as, const fs::path& log) {
    pid_t pid = fork();
    if (pid < 0)
        return Error{"fork failed"};
    if (pid == 0) {
        int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        if (as.switch_user) {
            if (setgid(as.gid) != 0 || initgroups(as.name.c_str(), as.gid) != 0 ||
                setuid(as.uid) != 0)
                _exit(126);
        }
        // After the user switch: changing credentials clears the death signal.
        prctl(PR_SET_PDEATHSIG, SIGINT);
        if (getppid() == 1)
            _exit(125);
        std::signal(SIGINT, SIG_DFL);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

Result<int> run_and_wait(const std::vector<std::string>& argv, const RunAs& as,
                         const fs::path& log) {
    auto pid = spawn(argv, as, log);
    if (!pid)
        return pid.error();
    int status = 0;
    waitpid(*pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

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

/// PostgreSQL's binaries: `pg_config --bindir`, then PATH, then the newest
/// /usr/lib/postgresql/*/bin.
Result<fs::path> find_bindir() {
    if (const char* env = std::getenv("SCHEMAC_PG_BINDIR"); env && has_server(env))
        return fs::path(env);
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

fs::path cache_root() {
    if (const char* dir = std::getenv("SCHEMAC_CACHE_DIR"))
        return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"))
        return fs::path(xdg) / "schemac";
    if (const char* home = std::getenv("HOME"))
        return fs::path(home) / ".cache" / "schemac";
    return fs::temp_directory_path() / "schemac-cache";
}

Status copy_tree(const fs::path& from, const fs::path& to) {
    // `cp -a` keeps ownership and modes, which the server checks.
    std::string command = "cp -a '" + from.string() + "' '" + to.string() + "'";
    if (std::system(command.c_str()) != 0)
        return Error{"cannot copy " + from.string() + " to " + to.string()};
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

/// The cache directory for this server version: ~/.cache/schemac/pg15.5.
fs::path version_cache(const fs::path& bindir) {
    std::string version = command_output("'" + (bindir / "postgres").string() + "' --version");
    auto space = version.rfind(' ');
    return cache_root() /
           ("pg" + (space == std::string::npos ? version : version.substr(space + 1)));
}

/// Ensures the cached initdb'd cluster for this server version exists; makes
/// it in `scratch` and copies it into the cache when missing.
Result<fs::path> cached_cluster(const fs::path& bindir, const RunAs& as, const fs::path& run) {
    fs::path cached = version_cache(bindir) / "data";
    if (fs::exists(cached / "PG_VERSION"))
        return cached;
    fs::path fresh = run / "initdb";
    auto rc = run_and_wait({(bindir / "initdb").string(), "-D", fresh.string(), "-U", "postgres",
                            "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"},
                           as, run / "initdb.log");
    if (!rc || *rc != 0)
        return Error{"initdb failed:\n" + read_all(run / "initdb.log")};
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

/// A cached cluster holding a replayed history: `data` (a base backup) and
/// `database` (the name of the replayed database in it).
struct Snapshot {
    fs::path dir;
    std::string database;
};

constexpr std::size_t k_snapshots_kept = 4;

std::optional<Snapshot> find_snapshot(const fs::path& cache, const std::string& key) {
    if (key.empty())
        return std::nullopt;
    fs::path dir = cache / ("replay-" + key);
    std::string database = read_all(dir / "database");
    if (!fs::exists(dir / "data" / "PG_VERSION") || database.empty())
        return std::nullopt;
    std::error_code ec;
    fs::last_write_time(dir, fs::file_time_type::clock::now(), ec); // least recently used goes
    return Snapshot{dir, database};
}

/// Keeps the newest snapshots only.
void prune_snapshots(const fs::path& cache) {
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(cache, ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("replay-") && name.find(".tmp") == std::string::npos)
            found.emplace_back(fs::last_write_time(entry.path(), ec), entry.path());
    }
    std::ranges::sort(found, std::greater<>());
    for (std::size_t i = k_snapshots_kept; i < found.size(); ++i)
        fs::remove_all(found[i].second, ec);
}

class EmbeddedServer final : public Server {
  public:
    EmbeddedServer(pid_t pid, fs::path dir, fs::path bindir, RunAs as, fs::path cache,
                   std::string replayed)
        : m_pid(pid), m_dir(std::move(dir)), m_bindir(std::move(bindir)), m_as(as),
          m_cache(std::move(cache)), m_replayed(std::move(replayed)) {}
    ~EmbeddedServer() override {
        drop_all_databases();
        unregister_postmaster(m_pid);
        stop_postmaster(m_pid);
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::string conninfo(const std::string& dbname) const override {
        return "host='" + m_dir.string() + "' port=5432 user=postgres dbname='" + dbname + "'";
    }

    std::string replayed_database() const override { return m_replayed; }

    void keep_replay(const std::string& key, const std::string& dbname) override {
        std::error_code ec;
        fs::path final_dir = m_cache / ("replay-" + key);
        if (fs::exists(final_dir, ec))
            return;
        fs::path staging = m_cache / ("replay-" + key + ".tmp" + std::to_string(getpid()));
        fs::remove_all(staging, ec);
        fs::create_directories(staging, ec);
        // A base backup is the server's own consistent copy of a running
        // cluster (its WAL is replayed when the copy starts). pg_basebackup
        // is a client: it runs as schemac's user and writes straight into
        // the cache; a run that starts from the copy hands it over as it
        // does the initdb'd cluster.
        auto rc = run_and_wait({(m_bindir / "pg_basebackup").string(), "-h", m_dir.string(), "-p",
                                "5432", "-U", "postgres", "-D", (staging / "data").string(), "-X",
                                "stream", "-c", "fast", "--no-sync", "--no-manifest"},
                               RunAs{}, m_dir / "basebackup.log");
        std::ofstream(staging / "database") << dbname;
        if (!rc || *rc != 0 || !fs::exists(staging / "data" / "PG_VERSION")) {
            fs::remove_all(staging, ec);
            return;
        }
        // Another schemac may have kept the same replay; either is as good.
        fs::rename(staging, final_dir, ec);
        if (ec)
            fs::remove_all(staging, ec);
        prune_snapshots(m_cache);
    }

  protected:
    std::string maintenance_database() const override { return "postgres"; }

  private:
    pid_t m_pid;
    fs::path m_dir;
    fs::path m_bindir;
    RunAs m_as;
    fs::path m_cache;
    std::string m_replayed;
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

} // namespace

void stop_all_embedded() noexcept {
    for (auto& slot : g_postmasters) {
        pid_t pid = slot;
        if (pid != 0) {
            slot = 0;
            stop_postmaster(pid);
        }
    }
}

Result<std::unique_ptr<Server>> start_embedded(const std::string& replay_key) {
    install_handlers();
    auto bindir = find_bindir();
    if (!bindir)
        return bindir.error();
    auto as = server_user();
    if (!as)
        return as.error();

    std::string pattern = (fs::temp_directory_path() / "schemac-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        return Error{"cannot create a temporary directory in " +
                     fs::temp_directory_path().string()};
    fs::path run = pattern;
    hand_over(run, *as);

    auto cluster = cached_cluster(*bindir, *as, run);
    if (!cluster) {
        fs::remove_all(run);
        return cluster.error();
    }
    fs::path cache = cluster->parent_path();
    auto snapshot = find_snapshot(cache, replay_key);
    fs::path data = run / "data";
    if (auto copied = copy_tree(snapshot ? snapshot->dir / "data" : *cluster, data); !copied) {
        fs::remove_all(run);
        return copied.error();
    }
    if (auto owned = own_tree(data, *as); !owned) {
        fs::remove_all(run);
        return owned.error();
    }

    fs::path log = run / "server.log";
    auto pid = spawn({(*bindir / "postgres").string(), "-D", data.string(), "-k", run.string(),
                      "-p", "5432", "-c", "listen_addresses=", "-c", "fsync=off", "-c",
                      "full_page_writes=off", "-c", "synchronous_commit=off", "-c",
                      "max_connections=40", "-c", "logging_collector=off",
                      // Whole migrations run in one transaction: 10,000 tables
                      // take ~50,000 locks (the default table holds 2,560).
                      "-c", "max_locks_per_transaction=2048"},
                     *as, log);
    if (!pid) {
        fs::remove_all(run);
        return pid.error();
    }
    register_postmaster(*pid);
    auto server = std::make_unique<EmbeddedServer>(*pid, run, *bindir, *as, cache,
                                                   snapshot ? snapshot->database : "");
    if (!wait_ready(server->conninfo("postgres"), *pid)) {
        std::string text = read_all(log);
        return Error{"the embedded PostgreSQL did not start:\n" + text};
    }
    return std::unique_ptr<Server>(std::move(server));
}

Result<std::unique_ptr<Server>> open_server(const std::string& dev_url,
                                            const std::string& replay_key) {
    return dev_url.empty() ? start_embedded(replay_key) : use_existing(dev_url);
}

} // namespace schemac::shadow
