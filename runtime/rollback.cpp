// `schemac rollback`: the .down.sql of the last applied migrations, newest
// first, with the same lock, checks and bookkeeping as apply.

#include "session.h"

namespace schemac::runtime {
namespace {

/// How `m`'s rollback runs from `row`: its whole .down.sql in one
/// transaction (as written, or with concurrent builds and drops made plain),
/// or nothing when it goes step by step.
std::optional<Script> one_transaction(const Session& session, const Loaded& m,
                                      const AppliedMigration& row) {
    if (row.state != "applied")
        return std::nullopt; // an interrupted rollback resumes step by step
    if (m.down.transactional())
        return m.down;
    return session.options().online ? std::nullopt : atomic(m.down);
}

/// What `rollback --dry-run` prints: each migration it would undo, newest
/// first, with its steps as they would run and the locks that takes.
void print_dry_run(Session& session, const std::vector<AppliedMigration>& rows) {
    std::ostream& out = session.out();
    for (const AppliedMigration& row : rows) {
        const Loaded& m = *session.find(row.version);
        auto whole = one_transaction(session, m, row);
        std::size_t from = row.state == "reverting" ? static_cast<std::size_t>(row.steps_done) : 0;
        out << "-- " << m.migration->down.string() << " (would revert "
            << (whole ? "in one transaction, all or nothing"
                      : "step by step, some steps outside a transaction: a failure leaves it "
                        "half undone, to resume")
            << (from > 0 ? ", resuming at step " + std::to_string(from + 1) : std::string())
            << ")\n";
        const Script& script = whole ? *whole : m.down;
        for (std::size_t i = from; i < script.steps.size(); ++i) {
            const ScriptStep& step = script.steps[i];
            out << "-- step: " << step.title
                << (step.transactional ? "" : " (outside a transaction)") << "\n";
            bool made_plain = whole && !m.down.steps[i].transactional;
            for (const auto& hazard : step.hazards)
                if (!(made_plain && hazard.kind == "index-build")) // it no longer is concurrent
                    out << "-- hazard " << hazard.kind << ": " << hazard.message << "\n";
            for (std::size_t j = 0; j < step.statements.size(); ++j) {
                if (made_plain)
                    if (auto lock = lock_without_concurrently(m.down.steps[i].statements[j].sql);
                        !lock.empty())
                        out << "-- without CONCURRENTLY, until the rollback commits: " << lock
                            << "\n";
                out << step.statements[j].sql << ";\n";
            }
        }
        out << "\n";
    }
    session.progress(count(rows.size(), "migration") + " would be rolled back; " +
                     session.standing() + " (dry run: nothing changed)");
}

/// Reverts `m`, whose history row is `row` (applied, or interrupted while
/// reverting, in which case it resumes).
Status revert(Session& session, const Loaded& m, const AppliedMigration& row) {
    const Script& script = m.down;
    auto started = Clock::now();
    std::string id = m.migration->id();
    std::size_t steps = script.steps.size();
    std::string where = script.path.string();
    auto delete_row = [&] {
        return session.exec("DELETE FROM schemac.schema_migrations WHERE version = $1",
                            {std::to_string(m.version)}, where);
    };
    auto reverted = [&]() -> Status {
        session.progress("reverted " + id + " in " + std::to_string(elapsed_ms(started)) + " ms");
        return Ok{};
    };
    // All or nothing, unless --online: concurrent builds and drops run
    // plainly in the one transaction, under their stronger locks.
    std::optional<Script> whole = one_transaction(session, m, row);
    if (whole) {
        session.progress("reverting " + id + " (" + count(steps, "step") + ", one transaction" +
                         (script.transactional()
                              ? ")"
                              : "; indexes built and dropped without CONCURRENTLY: writes to "
                                "their tables wait until it commits)"));
        auto nothing = []() -> Status { return Ok{}; };
        if (auto done = session.run_group(*whole, 0, steps, nothing, delete_row); !done) {
            if (done.error().commit_unknown)
                return session.after_lost_commit(
                    std::move(done).error(), id, m.version,
                    "its rollback did not go through: it is still applied.",
                    "it was reverted (the COMMIT went through).");
            return std::move(done).error().with_outcome("the rollback of " + id +
                                                        " was rolled back: the database and its "
                                                        "history are as they were before it.");
        }
        return reverted();
    }
    std::size_t done = 0;
    if (row.state == "reverting") {
        if (auto checked = session.check_resume(row, script); !checked)
            return std::move(checked).error().with_outcome(
                "nothing more of " + id + " was reverted: its rollback stays stopped.");
        done = static_cast<std::size_t>(row.steps_done);
        session.progress("resuming the rollback of " + id + " at step " + std::to_string(done + 1) +
                         " of " + std::to_string(steps));
    } else {
        if (auto marked = session.exec("UPDATE schemac.schema_migrations SET state = "
                                       "'reverting', steps_done = 0 WHERE version = $1",
                                       {std::to_string(m.version)}, where);
            !marked)
            return std::move(marked).error().with_outcome("nothing was reverted.");
        session.progress("reverting " + id + " (" + count(steps, "step") +
                         ", some outside a transaction" +
                         (session.options().online
                              ? ", as --online asks: a failure leaves it half undone, to resume)"
                              : ": one of them cannot run in a transaction)"));
    }
    // The last step's bookkeeping removes the row: the migration is undone.
    auto record = [&](std::size_t next) {
        return next == steps ? delete_row() : session.record_progress(m, script, next);
    };
    bool committed = false;
    if (auto ran = session.run_recorded(script, done, row.state == "reverting", record, committed);
        !ran)
        return std::move(ran).error().with_outcome(
            "the rollback of " + id + " stopped before step " + std::to_string(done + 1) + " of " +
            std::to_string(steps) + ". Fix the cause and run rollback again: it resumes there.");
    if (steps == 0)
        if (auto deleted = delete_row(); !deleted)
            return std::move(deleted).error().with_outcome("nothing was reverted.");
    return reverted();
}

/// Everything before the first migration is reverted.
Status prepare(Session& session) {
    for (auto stage : {&Session::load_directory, &Session::connect, &Session::lock,
                       &Session::load_history, &Session::check_applied_files}) {
        if (stage == &Session::lock && session.options().dry_run)
            continue; // it changes nothing, and waits for nobody
        if (auto done = (session.*stage)(); !done)
            return done;
    }
    if (session.options().steps < 1)
        return Error("--steps must be at least 1");
    return Ok{};
}

/// The applied history allows undoing --steps migrations now.
Status check_position(Session& session) {
    const AppliedMigration* last = session.last_applied();
    const auto& history = session.history();
    int steps = session.options().steps;
    if (last->state == "applying")
        return Error(version_text(last->version) + "_" + last->name +
                     " was interrupted while applying (" +
                     count(static_cast<std::size_t>(last->steps_done), "step") +
                     " done); run `schemac apply` to finish it first");
    if (last->state == "applied")
        if (auto drift = session.check_drift(); !drift)
            return drift;
    if (steps > static_cast<int>(history.size()))
        return Error("--steps " + std::to_string(steps) + ": only " +
                     count(history.size(), "migration") + " applied");
    return Ok{};
}

} // namespace

int rollback(const DeployOptions& options, std::ostream& out, std::ostream& err) {
    Session session(options, out, err);
    if (auto prepared = prepare(session); !prepared)
        return session.report(prepared.error());
    // A failed attempt after the last applied migration committed nothing:
    // its record goes first, so what it follows can be undone.
    if (!options.dry_run)
        if (auto cleared = session.clear_failed(); !cleared)
            return session.report(cleared.error());
    if (!session.last_applied()) {
        session.progress("nothing to roll back; no migration is applied");
        return 0;
    }
    if (auto position = check_position(session); !position)
        return session.report(position.error());
    std::vector<const Script*> scripts;
    std::vector<AppliedMigration> rows;
    const auto& history = session.history();
    for (int i = 0; i < options.steps; ++i) {
        rows.push_back(history[history.size() - 1 - i]);
        scripts.push_back(&session.find(rows.back().version)->down);
    }
    if (options.dry_run) {
        print_dry_run(session, rows);
        return 0;
    }
    if (auto allowed = session.check_hazards(scripts); !allowed)
        return session.report(allowed.error());
    if (auto secrets = session.check_secrets(scripts); !secrets)
        return session.report(secrets.error());
    for (int i = 0; i < options.steps; ++i) {
        AppliedMigration row = session.history().back();
        if (auto reverted = revert(session, *session.find(row.version), row); !reverted)
            return session.report(reverted.error());
        if (auto read = session.load_history(); !read)
            return session.report(read.error());
    }
    session.progress(count(static_cast<std::size_t>(options.steps), "migration") +
                     " rolled back; " + session.standing());
    return 0;
}

} // namespace schemac::runtime
