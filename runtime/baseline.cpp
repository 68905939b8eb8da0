// `schemac apply --baseline VERSION`: a database that already holds what the
// history up to VERSION builds (made by hand, or before schemac) is recorded
// as at VERSION without running anything, only when its live catalog is
// exactly what those migrations leave.

#include "session.h"

#include "runtime/sha256.h"

#include <algorithm>
#include <charconv>

namespace schemac::runtime {

int baseline(const DeployOptions& options, const BaselineRequest& request, std::ostream& out,
             std::ostream& err) {
    Session session(options, out, err);
    for (auto stage :
         {&Session::load_directory, &Session::connect, &Session::lock, &Session::load_history})
        if (auto done = (session.*stage)(); !done)
            return session.report(done.error());
    const std::string nothing = "nothing was recorded.";
    if (!session.history().empty())
        return session.report(
            Error("--baseline: the database already has a history (it is " + session.position() +
                  "); a baseline is recorded once, on a database schemac has not applied to")
                .with_outcome(nothing));
    int version = 0;
    std::from_chars(request.version.data(), request.version.data() + request.version.size(),
                    version);
    const auto& loaded = session.loaded();
    auto last = std::ranges::find(loaded, version, &Loaded::version);
    if (version <= 0 || last == loaded.end())
        return session.report(Error("--baseline " + request.version + ": no such migration in " +
                                    options.dir.string() + "/")
                                  .with_outcome(nothing));
    const std::string id = last->migration->id();
    auto expected = request.catalogs(version);
    if (!expected)
        return session.report(std::move(expected).error().within(
            "reading what " + options.dir.string() + "/ up to " + id + " leaves"));
    auto live = fingerprint(session.conn());
    if (!live)
        return session.report(std::move(live).error());
    if (auto lines = describe_drift(expected->back().text, live->text); !lines.empty())
        return session.report(Error("--baseline " + request.version +
                                    ": the live catalog is not what " + options.dir.string() +
                                    "/ up to " + id +
                                    " leaves (- expected, + found):" + list_drift(lines))
                                  .with_outcome(nothing));
    if (auto made = ensure_history_table(session.conn()); !made)
        return session.report(std::move(made).error());
    // A failed `apply` on this database (what exists already, created
    // again) committed nothing: its record gives way to the baseline.
    if (auto cleared = session.clear_failed(); !cleared)
        return session.report(std::move(cleared).error().with_outcome(nothing));
    constexpr const char* k_insert =
        "INSERT INTO schemac.schema_migrations (version, previous_version, name, up_sha256, "
        "down_sha256, fingerprint_before, fingerprint_after, catalog_after, state, steps_done, "
        "duration_ms) VALUES ($1, NULLIF($2, '')::integer, $3, $4, $5, $6, $7, $8, 'applied', "
        "$9, 0)";
    auto record = [&]() -> Status {
        int previous = 0;
        for (auto m = loaded.begin(); m <= last; ++m) {
            auto index = static_cast<std::size_t>(m - loaded.begin());
            // After the last one, what is live (equal to what it leaves).
            const Fingerprint& after = m == last ? *live : (*expected)[index + 1];
            const std::string before = sha256_hex((*expected)[index].text);
            if (auto done = session.exec(
                    k_insert,
                    {std::to_string(m->version), previous ? std::to_string(previous) : "",
                     m->migration->name, m->up_sha256, m->down_sha256, before,
                     sha256_hex(after.text), after.text, std::to_string(m->up.steps.size())},
                    id);
                !done)
                return done;
            previous = m->version;
        }
        return Ok{};
    };
    if (auto done = session.run_group(Script{}, 0, 0, record, [] { return Status(Ok{}); }); !done)
        return session.report(std::move(done).error().with_outcome(nothing));
    session.progress(
        "recorded " + count(static_cast<std::size_t>(last - loaded.begin()) + 1, "migration") +
        " as applied without running them: the database is at " + id + ", whose catalog it has.");
    return 0;
}

} // namespace schemac::runtime
