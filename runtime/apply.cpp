// `schemac apply`: the pending migrations of the directory, each in one
// transaction with its history row, or step by step with its progress
// recorded when some of its steps cannot run in a transaction.

#include "session.h"

#include <charconv>

namespace schemac::runtime {
namespace {

constexpr const char* k_insert_applied =
    "INSERT INTO schemac.schema_migrations (version, previous_version, name, up_sha256, "
    "down_sha256, fingerprint_before, fingerprint_after, catalog_after, state, steps_done, "
    "duration_ms, error) VALUES ($1, NULLIF($2, '')::integer, $3, $4, $5, $6, NULLIF($7, ''), "
    "NULLIF($8, ''), $9, $10, NULLIF($11, '')::bigint, NULLIF($12, ''))";

class Applier {
  public:
    explicit Applier(Session& session) : m_session(session) {}

    /// Applies `m`, or resumes it where `resume` (its interrupted row) stopped.
    Status apply(const Loaded& m, const AppliedMigration* resume) {
        m_started = Clock::now();
        m_id = m.migration->id();
        m_where = m.up.path.string();
        // A resumed migration's row exists already and names its predecessor.
        const auto* last = m_session.last_applied();
        m_previous = last ? std::to_string(last->version) : "";
        if (m.up.transactional() && !resume)
            return in_one_transaction(m);
        return step_by_step(m, resume);
    }

  private:
    Result<Fingerprint> read_fingerprint() {
        auto f = fingerprint(m_session.conn());
        if (!f)
            return std::move(f).error().within(m_where);
        return f;
    }

    /// Its row: applied (with `after`), in progress, or failed (with `error`).
    Status insert_row(const Loaded& m, const Fingerprint& before, const Fingerprint* after,
                      const std::string& error = "") {
        std::string state = after ? "applied" : error.empty() ? "applying" : "failed";
        return m_session.exec(k_insert_applied,
                              {std::to_string(m.version), m_previous, m.migration->name,
                               m.up_sha256, m.down_sha256, before.sha256,
                               // In progress: the catalog its steps done left.
                               after ? after->sha256 : "", after ? after->text : before.text, state,
                               "0", after ? std::to_string(elapsed_ms(m_started)) : "", error},
                              m_where);
    }

    Status in_one_transaction(const Loaded& m) {
        std::size_t steps = m.up.steps.size();
        m_session.progress("applying " + m_id + " (" + count(steps, "step") + ", one transaction)");
        Fingerprint before;
        // Both fingerprints are read inside the transaction: what the
        // statements ran on, and what they left.
        auto prelude = [&]() -> Status {
            auto f = read_fingerprint();
            if (!f)
                return std::move(f).error();
            before = std::move(*f);
            return Ok{};
        };
        auto bookkeeping = [&]() -> Status {
            auto after = read_fingerprint();
            if (!after)
                return std::move(after).error();
            return insert_row(m, before, &*after);
        };
        if (auto done = m_session.run_group(m.up, 0, steps, prelude, bookkeeping); !done) {
            if (done.error().commit_unknown)
                return m_session.after_lost_commit(
                    std::move(done).error(), m_id, m.version,
                    "it was applied (the COMMIT went through). Run apply again for the "
                    "migrations after it.",
                    "it was not applied: the database and its history are as they were before "
                    "it.");
            return record_failure(m, std::move(done).error(), false);
        }
        m_session.progress("applied " + m_id + " in " + std::to_string(elapsed_ms(m_started)) +
                           " ms");
        return Ok{};
    }

    /// Steps outside a transaction: the history row records progress, so an
    /// interrupted run resumes at the first step not done.
    Status step_by_step(const Loaded& m, const AppliedMigration* resume) {
        std::size_t steps = m.up.steps.size();
        std::size_t done = resume ? static_cast<std::size_t>(resume->steps_done) : 0;
        if (!resume) {
            auto before = read_fingerprint();
            Status inserted = before ? insert_row(m, *before, nullptr) : before.error();
            if (!inserted)
                return std::move(inserted).error().with_outcome("nothing was applied.");
            m_session.progress("applying " + m_id + " (" + count(steps, "step") +
                               ", some outside a transaction)");
        } else {
            if (auto checked = m_session.check_resume(*resume, m.up); !checked)
                return std::move(checked).error().with_outcome(
                    "nothing more of " + m_id + " was applied: it stays stopped before step " +
                    std::to_string(done + 1) + " of " + std::to_string(steps) + ".");
            m_session.progress("resuming " + m_id + " at step " + std::to_string(done + 1) +
                               " of " + std::to_string(steps));
        }
        auto record = [&](std::size_t next) { return m_session.record_progress(m, m.up, next); };
        bool committed = false;
        std::size_t done_before = done;
        if (auto ran = m_session.run_recorded(m.up, done, resume != nullptr, record, committed);
            !ran) {
            // A first run that committed nothing: no row is left. Never on a
            // resume (the interrupted run may have committed work), nor when
            // a COMMIT's outcome is unknown.
            if (!resume && !committed && done_before == 0 && !ran.error().commit_unknown)
                return record_failure(m, std::move(ran).error(), true);
            return std::move(ran).error().with_outcome(
                m_id + " stopped before step " + std::to_string(done + 1) + " of " +
                std::to_string(steps) +
                " (steps before it are applied and recorded). Fix the cause and run apply "
                "again: it resumes there.");
        }
        if (auto finished = m_session.with_retries([&] { return finish_row(m); }); !finished)
            return std::move(finished).error().with_outcome(
                "all steps of " + m_id +
                " ran, but its history row was not completed; run "
                "apply again.");
        m_session.progress("applied " + m_id + " in " + std::to_string(elapsed_ms(m_started)) +
                           " ms");
        return Ok{};
    }

    /// A migration that failed before anything of it was committed: its row
    /// (`row_exists`, in progress) says so, with why; fixed, it is applied
    /// again (apply clears the record first).
    Status record_failure(const Loaded& m, Error failure, bool row_exists) {
        std::string why = failure.describe();
        auto recorded = m_session.with_retries([&]() -> Status {
            if (row_exists)
                return m_session.exec("UPDATE schemac.schema_migrations SET state = 'failed', "
                                      "steps_done = 0, error = $2 WHERE version = $1",
                                      {std::to_string(m.version), why}, m_where);
            auto before = read_fingerprint();
            return before ? insert_row(m, *before, nullptr, why) : before.error();
        });
        std::string outcome =
            "nothing of " + m_id + " was applied: the database is as it was before it";
        if (!recorded)
            return std::move(failure).with_outcome(
                outcome + "; recording the failed attempt failed too: " + recorded.error().message);
        return std::move(failure).with_outcome(
            outcome +
            ", and its history records the failed attempt. Fix the cause (after editing the "
            "file, run `schemac hash`) and run apply again.");
    }

    Status finish_row(const Loaded& m) {
        auto after = read_fingerprint();
        if (!after)
            return std::move(after).error();
        return m_session.exec("UPDATE schemac.schema_migrations SET state = 'applied', "
                              "fingerprint_after = $2, catalog_after = $3, duration_ms = $4 "
                              "WHERE version = $1",
                              {std::to_string(m.version), after->sha256, after->text,
                               std::to_string(elapsed_ms(m_started))},
                              m_where);
    }

    Session& m_session;
    Clock::time_point m_started;
    std::string m_id;
    std::string m_where;
    std::string m_previous;
};

/// The version `--to` names, or the last one of the directory.
Result<int> target_version(const Session& session) {
    const auto& loaded = session.loaded();
    const auto& to = session.options().to;
    if (to.empty())
        return loaded.empty() ? 0 : loaded.back().version;
    int version = 0;
    std::from_chars(to.data(), to.data() + to.size(), version);
    if (!session.find(version))
        return Error("--to " + to + ": no such migration in " + session.dir().dir.string());
    return version;
}

/// What `apply --dry-run` prints: each pending migration's steps and hazards.
void print_dry_run(Session& session, const std::vector<const Loaded*>& pending,
                   const std::optional<AppliedMigration>& resume) {
    std::ostream& out = session.out();
    for (const Loaded* m : pending) {
        out << "-- " << m->migration->up.string() << " (would apply"
            << (resume && m->version == resume->version
                    ? ", resuming at step " + std::to_string(resume->steps_done + 1)
                    : std::string())
            << ")\n";
        for (const auto& step : m->up.steps) {
            out << "-- step: " << step.title
                << (step.transactional ? "" : " (outside a transaction)") << "\n";
            for (const auto& hazard : step.hazards)
                out << "-- hazard " << hazard.kind << ": " << hazard.message << "\n";
            for (const auto& statement : step.statements)
                out << statement.sql << ";\n";
        }
        out << "\n";
    }
    session.progress(count(pending.size(), "migration") + " would be applied; " +
                     session.standing() + " (dry run: nothing changed)");
}

/// Where the database stands before applying: the target, the interrupted
/// migration to resume, or why it cannot go on.
Status check_position(Session& session, int target, std::optional<AppliedMigration>& resume) {
    const AppliedMigration* last = session.last_applied();
    if (last && last->state == "reverting")
        return Error("the rollback of " + version_text(last->version) + "_" + last->name +
                     " was interrupted; run `schemac rollback` to finish it first");
    if (last && last->version > target)
        return Error("--to " + session.options().to + ": the database is already " +
                     session.position() + "; use `schemac rollback` to go back");
    if (last && last->state == "applying")
        resume = *last;
    if (!resume)
        return session.check_drift();
    return Ok{};
}

std::vector<const Loaded*> pending_migrations(const Session& session, int target,
                                              const std::optional<AppliedMigration>& resume) {
    const AppliedMigration* last = session.last_applied();
    std::vector<const Loaded*> pending;
    for (const auto& m : session.loaded())
        if (m.version <= target &&
            (!last || m.version > last->version || (resume && m.version == resume->version)))
            pending.push_back(&m);
    return pending;
}

/// Everything before the first migration runs: directory, connection, lock,
/// history table, applied files.
Status prepare(Session& session) {
    for (auto stage : {&Session::load_directory, &Session::connect})
        if (auto done = (session.*stage)(); !done)
            return done;
    if (!session.options().dry_run) {
        if (auto locked = session.lock(); !locked)
            return locked;
        if (auto made = ensure_history_table(session.conn()); !made)
            return Error("cannot create schemac.schema_migrations: " + made.error().message);
    }
    if (auto read = session.load_history(); !read)
        return read;
    return session.check_applied_files();
}

} // namespace

int apply(const DeployOptions& options, std::ostream& out, std::ostream& err) {
    Session session(options, out, err);
    if (auto prepared = prepare(session); !prepared)
        return session.report(prepared.error());
    auto target = target_version(session);
    if (!target)
        return session.report(target.error());
    std::optional<AppliedMigration> resume;
    if (auto position = check_position(session, *target, resume); !position)
        return session.report(position.error());
    auto pending = pending_migrations(session, *target, resume);
    if (options.dry_run) {
        print_dry_run(session, pending, resume);
        return 0;
    }
    std::vector<const Script*> scripts;
    for (const Loaded* m : pending)
        scripts.push_back(&m->up);
    if (auto allowed = session.check_hazards(scripts); !allowed)
        return session.report(allowed.error());
    if (auto secrets = session.check_secrets(scripts); !secrets)
        return session.report(secrets.error());
    // The record of an attempt that failed goes before it is tried again.
    if (!pending.empty())
        if (auto cleared = session.clear_failed(); !cleared)
            return session.report(cleared.error());
    Applier applier(session);
    for (const Loaded* m : pending) {
        if (auto applied =
                applier.apply(*m, resume && m->version == resume->version ? &*resume : nullptr);
            !applied)
            return session.report(applied.error());
        if (auto read = session.load_history(); !read)
            return session.report(read.error());
    }
    session.progress(pending.empty()
                         ? "nothing to apply; " + session.standing()
                         : count(pending.size(), "migration") + " applied; " + session.standing());
    return 0;
}

} // namespace schemac::runtime
