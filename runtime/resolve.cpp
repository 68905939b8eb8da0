// `schemac resolve VERSION --as applied|reverted`: a person's decision about
// an interrupted migration, recorded only when the live catalog is what that
// decision means.

#include "session.h"

#include <charconv>

namespace schemac::runtime {
namespace {

/// The interrupted migration `version` names: the last history row, not
/// applied.
Result<AppliedMigration> interrupted(const Session& session, const std::string& version) {
    int number = 0;
    std::from_chars(version.data(), version.data() + version.size(), number);
    if (const AppliedMigration* failed = session.failed(); failed && failed->version == number)
        return Error("resolve " + version + ": " + version_text(failed->version) + "_" +
                     failed->name +
                     " failed before anything of it was applied; there is nothing to resolve: "
                     "fix it and run `schemac apply` (or `schemac rollback` to go back)");
    const AppliedMigration* last = session.last_applied();
    if (!last || last->version != number)
        return Error("resolve " + version + ": not the last migration of the history (" +
                     session.standing() + ")");
    if (last->state == "applied")
        return Error("resolve " + version + ": " + version_text(last->version) + "_" + last->name +
                     " is applied, not interrupted; `schemac rollback` undoes it");
    return *last;
}

/// Refuses when `live` is not `expected`, listing what differs.
Status same_catalog(const std::string& expected, const Fingerprint& live, const std::string& what) {
    auto lines = describe_drift(expected, live.text);
    if (lines.empty())
        return Ok{};
    return Error("the live catalog is not " + what + " (- expected, + found):" + list_drift(lines));
}

Status as_reverted(Session& session, const AppliedMigration& row, const std::string& id) {
    // Before the migration, the catalog was what the row's fingerprint_before
    // says (read at this version or, by an older schemac, at an older one).
    bool same = false;
    for (int version = k_fingerprint_version; version >= 1; --version) {
        auto live = fingerprint(session.conn(), version);
        if (!live)
            return std::move(live).error();
        same = same || live->sha256 == row.fingerprint_before;
    }
    if (!same) {
        const auto& history = session.history();
        std::string detail;
        if (history.size() >= 2) {
            const std::string& before = history[history.size() - 2].catalog_after;
            auto live = fingerprint(session.conn(), fingerprint_version(before));
            if (live)
                if (auto differs = same_catalog(before, *live, "what it was before " + id);
                    !differs)
                    detail = "\n" + differs.error().message;
        }
        return Error("refusing to record " + id +
                     " as reverted: the live catalog is not what "
                     "it was before " +
                     id + detail +
                     "\nRevert what it did first (its .down.sql shows how), or run "
                     "`schemac apply` / `schemac rollback` to go on.");
    }
    return session.exec("DELETE FROM schemac.schema_migrations WHERE version = $1",
                        {std::to_string(row.version)}, "resolve");
}

Status as_applied(Session& session, const AppliedMigration& row, const std::string& id,
                  const ExpectedCatalog& expected_after) {
    const Loaded* m = session.find(row.version);
    auto expected = expected_after(row.version);
    if (!expected)
        return std::move(expected).error().within("reading what " + id + " leaves when applied");
    auto live = fingerprint(session.conn());
    if (!live)
        return std::move(live).error();
    if (auto same = same_catalog(expected->text, *live, "what " + id + " leaves when applied");
        !same)
        return std::move(same).error().within("refusing to record " + id + " as applied");
    return session.exec(
        "UPDATE schemac.schema_migrations SET state = 'applied', steps_done = $2, "
        "fingerprint_after = $3, catalog_after = $4, duration_ms = coalesce(duration_ms, 0) "
        "WHERE version = $1",
        {std::to_string(row.version), std::to_string(m ? m->up.steps.size() : 0), live->sha256,
         live->text},
        "resolve");
}

} // namespace

int resolve(const DeployOptions& options, const ResolveRequest& request, std::ostream& out,
            std::ostream& err) {
    Session session(options, out, err);
    for (auto stage : {&Session::load_directory, &Session::connect, &Session::lock,
                       &Session::load_history, &Session::check_applied_files})
        if (auto done = (session.*stage)(); !done)
            return session.report(done.error());
    auto row = interrupted(session, request.version);
    if (!row)
        return session.report(row.error());
    std::string id = version_text(row->version) + "_" + row->name;
    Status recorded = request.as == "reverted"
                          ? as_reverted(session, *row, id)
                          : as_applied(session, *row, id, request.expected_after);
    if (!recorded)
        return session.report(std::move(recorded).error().with_outcome(
            "the history is unchanged: " + id + " stays interrupted."));
    session.progress("recorded " + id + " as " + request.as +
                     "; the live catalog is what that "
                     "means. The database is " +
                     (request.as == "reverted" ? "now " : "") + "at " +
                     (request.as == "reverted" ? "the migration before it" : id) + ".");
    return 0;
}

} // namespace schemac::runtime
