// The processes of the embedded server: spawned as the server's user, bound
// to die with us, and stopped on every exit path, signals included.

#include "shadow/embedded.h"
#include "shadow/server.h"

#include <array>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <grp.h>
#include <mutex>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace schemac::shadow {
namespace fs = std::filesystem;

namespace {

// Postmasters this process started, for the signal and exit handlers. Fixed
// size and plain data so a signal handler can read it.
constexpr std::size_t k_max_servers = 8;
std::array<volatile pid_t, k_max_servers> g_postmasters{};
// Their run folders (socket, data, logs), removed with them. Fixed buffers
// for the same reason; a slot's path is read only while `used` is set, which
// is set after the path is written and cleared before it is reused.
constexpr std::size_t k_max_path = 4096;
struct RunDirSlot {
    std::array<char, k_max_path> path{};
    volatile std::sig_atomic_t used = 0;
};
std::array<RunDirSlot, k_max_servers> g_run_dirs{};

/// Removes `dir` from a signal handler: rm, executed directly. _Fork (not
/// fork, which runs at-fork handlers and may wait on malloc's locks), execv
/// and waitpid are async-signal-safe; a recursive walk here would not be.
void remove_from_handler(const char* dir) noexcept {
    pid_t pid = _Fork();
    if (pid == 0) {
        const char* argv[] = {"rm", "-rf", "--", dir, nullptr};
        execv("/bin/rm", const_cast<char* const*>(argv));
        _exit(127);
    }
    if (pid > 0)
        waitpid(pid, nullptr, 0);
}

} // namespace

void register_run_dir(const fs::path& dir) {
    const std::string& text = dir.native();
    if (text.size() >= k_max_path)
        return;
    for (auto& slot : g_run_dirs)
        if (!slot.used) {
            std::copy(text.begin(), text.end(), slot.path.begin());
            slot.path[text.size()] = '\0';
            std::atomic_signal_fence(std::memory_order_release);
            slot.used = 1;
            return;
        }
}

void unregister_run_dir(const fs::path& dir) {
    for (auto& slot : g_run_dirs)
        if (slot.used && dir.native() == slot.path.data())
            slot.used = 0;
}

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
    for (int i = 0; i < 2000; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        usleep(5'000);
    }
    kill(pid, SIGQUIT);
    usleep(500'000);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

namespace {

extern "C" void on_signal(int signal) {
    for (auto& slot : g_postmasters) {
        pid_t pid = slot;
        if (pid != 0) {
            kill(pid, SIGINT);
            waitpid(pid, nullptr, 0);
            slot = 0;
        }
    }
    for (auto& slot : g_run_dirs)
        if (slot.used) {
            std::atomic_signal_fence(std::memory_order_acquire);
            remove_from_handler(slot.path.data());
            slot.used = 0;
        }
    std::signal(signal, SIG_DFL);
    raise(signal);
}

} // namespace

void install_handlers() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
            std::signal(sig, on_signal);
        std::atexit([] { stop_all_embedded(); });
    });
}

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
    // The server gets no more of schemac's environment than it needs (its
    // locale, zone, PATH and library path): not the secrets a migration takes from it
    // (SCHEMAC_SECRET_*), nor a CI's tokens or libpq's passwords.
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e) {
        std::string_view entry(*e);
        std::string_view name = entry.substr(0, entry.find('='));
        if (name == "PATH" || name == "LANG" || name == "LANGUAGE" || name.starts_with("LC_") ||
            name == "TZ" || name == "TMPDIR" || name == "LD_LIBRARY_PATH")
            environment.emplace_back(entry);
    }
    std::vector<char*> env;
    for (auto& e : environment)
        env.push_back(e.data());
    env.push_back(nullptr);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = fork();
    if (pid < 0)
        return Error{"fork failed"};
    if (pid == 0) {
        int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0600);
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
        execve(args[0], args.data(), env.data());
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

void stop_all_embedded() noexcept {
    for (auto& slot : g_postmasters) {
        pid_t pid = slot;
        if (pid != 0) {
            slot = 0;
            stop_postmaster(pid);
        }
    }
    for (auto& slot : g_run_dirs)
        if (slot.used) {
            std::error_code ec;
            fs::remove_all(slot.path.data(), ec);
            slot.used = 0;
        }
}

} // namespace schemac::shadow
