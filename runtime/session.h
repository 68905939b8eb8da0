#pragma once

// Internal to the runtime: what apply, status and rollback share.

#include "runtime/connection.h"
#include "runtime/deploy.h"
#include "runtime/history.h"
#include "runtime/migrations.h"
#include "runtime/progress.h"
#include "runtime/result.h"
#include "runtime/script.h"

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace schemac::runtime {

using Clock = std::chrono::steady_clock;

long long elapsed_ms(Clock::time_point since);

/// "0003".
std::string version_text(int version);

/// A migration of the directory with both scripts parsed and summed.
struct Loaded {
    const Migration* migration = nullptr;
    int version = 0;
    Script up;
    Script down;
    std::string up_sha256;
    std::string down_sha256;
};

/// One run of apply, status or rollback: the directory, the connection, the
/// history, and the streams. Each check returns a Status; the command that
/// runs it reports a failure once.
class Session {
  public:
    Session(const DeployOptions& options, std::ostream& out, std::ostream& err)
        : m_options(options), m_out(out), m_err(err), m_live(options.verbosity) {}

    /// Reads --dir, without checking its sum.
    Status read_directory();
    /// Reads --dir and verifies its sum, then load_scripts.
    Status load_directory();
    /// Parses and sums every migration of the directory.
    Status load_scripts();
    Status connect();
    /// The advisory lock every apply and rollback holds, waited for (up to
    /// --lock-wait) without holding a snapshot.
    Status lock();
    Status load_history();
    /// Applied files unchanged, and no gap below the last applied one.
    Status check_applied_files();
    /// The live catalog is what the last applied migration left.
    Status check_drift();
    /// Before `row`'s interrupted migration resumes on `script`: the live
    /// catalog is what its last recorded step left, but for what the step it
    /// resumes at (outside a transaction) may have done before the
    /// interruption. Drift found then is refused, never absorbed.
    Status check_resume(const AppliedMigration& row, const Script& script);
    /// Refuses scripts with a gated hazard --allow-hazards does not allow,
    /// naming each step and what it would do.
    Status check_hazards(const std::vector<const Script*>& scripts);
    /// Every secret the scripts take is in the environment (nothing runs
    /// before that holds).
    Status check_secrets(const std::vector<const Script*>& scripts) const;
    std::vector<std::string> changed_files() const;
    /// The live catalog's differences from what the history left, in the
    /// managed scope (DeployOptions::schemas, context_schemas).
    std::vector<std::string> drift_lines();
    /// Whether a fingerprint line is about an object in the managed scope.
    bool in_scope(std::string_view line) const;

    using Action = std::function<Status()>;
    using Record = std::function<Status(std::size_t next)>;
    /// Runs steps [first, last) of `script` in one transaction, `prelude`
    /// after BEGIN and `bookkeeping` before COMMIT.
    Status run_group(const Script& script, std::size_t first, std::size_t last,
                     const Action& prelude, const Action& bookkeeping);
    /// Runs steps from `done` on, whose progress the history row records:
    /// consecutive transactional steps together in one transaction, each
    /// other step alone. `record(next)` runs in the same transaction as a
    /// group (right after a lone step, retried) and records that the steps
    /// before `next` are done. On a failure `done` is the step that failed,
    /// and `committed` says whether anything of the script was committed.
    /// Resumed, a step outside a transaction that is already done is skipped.
    Status run_recorded(const Script& script, std::size_t& done, bool resuming,
                        const Record& record, bool& committed);
    /// `lost` was the connection lost during the COMMIT of migration `id`:
    /// on a new connection, its history row says whether that committed
    /// (`if_row`: it is there, `if_none`: it is not).
    Status after_lost_commit(Error lost, const std::string& id, int version,
                             const std::string& if_row, const std::string& if_none);
    Status record_progress(const Loaded& m, const Script& script, std::size_t steps_done);
    /// A statement; a failure is located at `where`.
    Status exec(const std::string& sql, const std::vector<std::string>& params,
                const std::string& where);
    /// Runs `attempt` again after a lock timeout, with backoff.
    Status with_retries(const Action& attempt);

    void progress(const std::string& line) const;
    /// Prints the error (with what it left behind, and why a lock timed out)
    /// and returns 1, the exit code: the one place a failure is reported.
    int report(const Error& error) const;

    const DeployOptions& options() const { return m_options; }
    std::ostream& out() const { return m_out; }
    Connection& conn() { return *m_conn; }
    /// The database's name: the one connected to, once connected.
    std::string database() const;
    const MigrationDir& dir() const { return m_dir; }
    const std::vector<Loaded>& loaded() const { return m_loaded; }
    const std::vector<AppliedMigration>& history() const { return m_history; }
    const Loaded* find(int version) const;
    const AppliedMigration* last_applied() const {
        return m_history.empty() ? nullptr : &m_history.back();
    }
    /// The attempt after the last applied migration that failed before
    /// anything of it committed, when one is on record (not in history()).
    const AppliedMigration* failed() const { return m_failed ? &*m_failed : nullptr; }
    /// Removes the record of the failed attempt, before it is tried again or
    /// what precedes it is rolled back.
    Status clear_failed();
    /// "at 0003_x", "no migration applied", with an interrupted state.
    std::string position() const;
    /// The position as a clause: "the database is at 0003_x", "no migration
    /// is applied to the database".
    std::string standing() const;

  private:
    /// Refuses drift `lines` (unless --allow-drift), which differ from what
    /// `expected` names.
    Status refuse_drift(const std::vector<std::string>& lines, const std::string& expected);
    /// The catalog lines a step outside a transaction touches, as prefixes:
    /// its concurrently built or dropped indexes, its validated constraints.
    Result<std::vector<std::string>> touched_lines(const ScriptStep& step);
    /// One try at the advisory lock: whether it was taken.
    Result<bool> try_lock();
    Status run_alone(const Script& script, std::size_t step, bool resuming, bool& committed);
    /// A `-- schemac:batch` statement run until it changes no row, with its
    /// progress; `committed` (outside a transaction) learns that a batch
    /// committed.
    Status exec_batched(const ScriptStatement& statement, const std::string& where,
                        bool* committed);
    /// Drops what an interrupted concurrent build left behind: the INVALID
    /// index of the very name the statement creates, nothing else.
    Status drop_invalid_index(const std::string& where, const IndexName& index);
    /// A statement outside a transaction whose work is found done: a
    /// concurrent build whose valid index is there as it defines it, a
    /// concurrent drop whose index is gone.
    Result<bool> already_done(const std::string& where, const std::string& sql);

    const DeployOptions& m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    MigrationDir m_dir;
    std::vector<Loaded> m_loaded;
    std::optional<Connection> m_conn;
    int m_retries_made = 0; ///< by the last with_retries
    std::vector<AppliedMigration> m_history;
    std::optional<AppliedMigration> m_failed;
    /// The step running, on a live line when it takes over a second.
    mutable Progress m_live;
};

} // namespace schemac::runtime
