// `schemac status`: what is applied, pending, changed and drifted.

#include "session.h"

namespace schemac::runtime {
namespace {

/// Prints `lines` under `heading`, or "(none)"; true when there were some.
bool section(std::ostream& out, const std::string& heading, const std::vector<std::string>& lines) {
    out << heading << ":\n";
    if (lines.empty())
        out << "  (none)\n";
    for (const auto& line : lines)
        out << "  " << line << "\n";
    return !lines.empty();
}

/// The applied migrations, one line each; true when one was interrupted.
bool applied_section(std::ostream& out, const std::vector<AppliedMigration>& history) {
    bool interrupted = false;
    out << "applied:\n";
    if (history.empty())
        out << "  (none)\n";
    for (const auto& row : history) {
        out << "  " << version_text(row.version) << "_" << row.name << "  " << row.applied_at
            << "  by " << row.applied_by;
        if (row.state == "applied") {
            out << "  " << row.duration_ms << " ms\n";
            continue;
        }
        out << "  INTERRUPTED while " << row.state << " after "
            << count(static_cast<std::size_t>(row.steps_done), "step") << "\n";
        interrupted = true;
    }
    return interrupted;
}

/// The pending migrations; the one whose last attempt failed says why.
std::vector<std::string> pending_ids(const Session& session) {
    const auto& history = session.history();
    int last = history.empty() ? 0 : history.back().version;
    const AppliedMigration* failed = session.failed();
    std::vector<std::string> out;
    for (const auto& m : session.dir().migrations) {
        int version = std::stoi(m.version);
        if (version <= last)
            continue;
        out.push_back(m.id());
        if (failed && failed->version == version)
            out.back() += "  FAILED, nothing of it applied: " +
                          failed->error.substr(0, failed->error.find('\n')) + " (" +
                          failed->applied_at + ", by " + failed->applied_by + ")";
    }
    return out;
}

/// The one thing to do next, when there is something: what continues an
/// interrupted migration, what clears a refusal, or the apply of what is
/// pending.
std::string next_step(const Session& session, bool files_ok, bool changed, bool drifted,
                      bool pending) {
    const AppliedMigration* last = session.last_applied();
    if (last && last->state != "applied") {
        std::string id = version_text(last->version) + "_" + last->name;
        const Loaded* m = session.find(last->version);
        std::string of =
            m ? " of " + std::to_string((last->state == "applying" ? m->up : m->down).steps.size())
              : "";
        return last->state == "applying"
                   ? "schemac apply (resumes " + id + " at step " +
                         std::to_string(last->steps_done + 1) + of + ")"
                   : "schemac rollback (resumes the rollback of " + id + " at step " +
                         std::to_string(last->steps_done + 1) + of + ")";
    }
    if (const AppliedMigration* failed = session.failed())
        return "fix " + version_text(failed->version) + "_" + failed->name +
               " (after editing it, `schemac hash`), then schemac apply";
    if (!files_ok || changed)
        return "restore the migration files as they were applied (a deliberate edit of a "
               "pending one: `schemac hash`)";
    if (drifted)
        return "undo the hand-made change, or capture it in schema/ and a new migration";
    return pending ? "schemac apply" : "";
}

} // namespace

int status(const DeployOptions& options, std::ostream& out, std::ostream& err) {
    Session session(options, out, err);
    if (auto read = session.read_directory(); !read)
        return session.report(read.error());
    Status sum = verify_sum(session.dir());
    if (sum)
        if (auto loaded = session.load_scripts(); !loaded)
            return session.report(loaded.error());
    for (auto stage : {&Session::connect, &Session::load_history})
        if (auto done = (session.*stage)(); !done)
            return session.report(done.error());
    out << "database: " << session.database() << " (" << session.position() << ")\n";
    bool interrupted = applied_section(out, session.history());
    auto pending = pending_ids(session);
    section(out, "pending", pending);
    bool changed = false;
    if (!sum)
        out << "sum:\n  " << sum.error().describe() << "\n";
    else
        changed = section(out, "changed files", session.changed_files());
    bool drifted = section(out, "drift", session.drift_lines());
    if (std::string next = next_step(session, sum.ok(), changed, drifted, !pending.empty());
        !next.empty())
        out << "next:\n  " << next << "\n";
    if (!sum || interrupted || changed || drifted || session.failed())
        return 1;
    return pending.empty() ? 0 : 2;
}

} // namespace schemac::runtime
