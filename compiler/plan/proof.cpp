#include "plan/proof.h"

#include "emit/script.h"
#include "plan/planner.h"
#include "plan/rows.h"
#include "runtime/executor.h"
#include "runtime/history.h"
#include "runtime/script.h"
#include "shadow/shadow.h"

#include <algorithm>
#include <cctype>

namespace schemac::plan {
namespace {

Status expect_equal(const catalog::Catalog& actual, const catalog::Catalog& expected,
                    const std::string& when) {
    auto lines = differences(actual, expected);
    if (lines.empty())
        return Ok{};
    std::string message = "proof failed: " + when + "; what it would still take:";
    for (const auto& line : lines)
        message += "\n  " + line;
    return Error{message};
}

/// A script that stopped at one of its steps.
struct Stopped {
    std::size_t step = 0;
    Error error;
};

std::string normalized(std::string_view sql) {
    while (!sql.empty() &&
           (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';'))
        sql.remove_suffix(1);
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front())))
        sql.remove_prefix(1);
    return std::string(sql);
}

/// The index of the step `statement` belongs to (a batched one is written
/// after its marker), or steps.size().
std::size_t step_of(const std::vector<steps::Step>& steps, const std::string& statement) {
    std::string failed = normalized(statement);
    for (std::size_t i = 0; i < steps.size(); ++i)
        for (const auto& sql : steps[i].statements)
            if (!failed.empty() && normalized(sql).ends_with(failed))
                return i;
    return steps.size();
}

/// A shadow database the proof works in, with the two connections it uses
/// throughout: the tree's role's (the scripts, the reads of what they built,
/// seeding and counting rows: the tree's triggers fire then, so never as a
/// superuser) and the administrator's (what needs a superuser). A
/// connection costs a server process, about 20 ms here.
struct ProofDb {
    std::string name;
    runtime::Connection tree, admin;
};

Result<ProofDb> open_db(shadow::Server& server, const std::string& name) {
    auto tree = server.connect_tree(name);
    if (!tree)
        return tree.error();
    auto admin = server.connect(name);
    if (!admin)
        return admin.error();
    return ProofDb{name, std::move(*tree), std::move(*admin)};
}

/// Drops the database once its connections are closed.
Status drop(shadow::Server& server, ProofDb db) {
    std::string name = std::move(db.name);
    { ProofDb closing = std::move(db); }
    return server.drop_database(name);
}

/// Runs `steps` exactly as a migration file holds them, read back and run
/// as apply runs it (steps that cannot run in a transaction on their own);
/// the step that failed, if one did.
Result<std::optional<Stopped>> run_steps(ProofDb& db, const std::vector<steps::Step>& steps,
                                         const std::string& what) {
    auto script = runtime::parse_script(what, emit::render_migration(steps, what));
    if (!script)
        return std::move(script).error().within("proof failed: " + what + " does not parse");
    if (auto ran = runtime::execute_steps(db.tree, *script, &db.admin); !ran) {
        if (db.tree.lost() || !ran.error().server)
            return ran.error();
        return std::optional<Stopped>(
            Stopped{step_of(steps, ran.error().statement), std::move(ran).error()});
    }
    return std::optional<Stopped>();
}

Error proof_failure(const std::string& what, const Error& failed) {
    return Error("proof failed: " + what + " failed at:\n  " + failed.statement + "\n" +
                 (failed.server ? failed.server->describe() : failed.message));
}

/// Runs `steps`, then `then` (when given), and reads the database back.
Result<catalog::Catalog>
run_and_read(ProofDb& db, const std::vector<steps::Step>& steps, const std::string& what,
             const introspect::Options& options,
             const std::function<Status(const std::string& db)>& then = {}) {
    auto stopped = run_steps(db, steps, what);
    if (!stopped)
        return stopped.error();
    if (*stopped)
        return proof_failure(what, (*stopped)->error);
    if (then)
        if (auto done = then(db.name); !done)
            return done.error();
    return introspect::introspect(db.tree, options);
}

/// A shadow database in the current state: a copy of the template, or the
/// current catalog rebuilt from nothing.
Result<ProofDb> copy_of_current(shadow::Server& server, const ProofStart& start,
                                const catalog::Catalog& current,
                                const introspect::Options& options) {
    std::string template_db = start.template_db;
    if (template_db.empty() && start.make_template) {
        auto made = start.make_template();
        if (!made)
            return made.error();
        template_db = *made;
    }
    if (!template_db.empty()) {
        auto name = server.create_database(template_db);
        if (!name)
            return name.error();
        return open_db(server, *name);
    }
    auto name = server.create_database();
    if (!name)
        return name.error();
    if (start.prepare)
        if (auto prepared = start.prepare(*name); !prepared)
            return prepared.error();
    auto db = open_db(server, *name);
    if (!db)
        return db;
    auto empty = introspect::introspect(db->tree, options);
    if (!empty)
        return empty.error();
    auto rebuild = plan_steps(*empty, current);
    if (!rebuild)
        return rebuild.error();
    auto copy = run_and_read(*db, *rebuild, "rebuilding the current state", options, start.finish);
    if (!copy)
        return copy.error();
    if (auto same = expect_equal(*copy, current,
                                 "the current state cannot be reproduced in the "
                                 "shadow database");
        !same)
        return same.error();
    return db;
}

} // namespace

Result<catalog::Catalog> state_after(shadow::Server& server, const ProofStart& start,
                                     const catalog::Catalog& current,
                                     const std::vector<steps::Step>& steps,
                                     const introspect::Options& options) {
    auto db = copy_of_current(server, start, current, options);
    if (!db)
        return db.error();
    auto after = run_and_read(*db, steps, "the renames and extensions' moves", options);
    if (!after)
        return after.error();
    if (auto dropped = drop(server, std::move(*db)); !dropped)
        return dropped.error();
    return after;
}

namespace {

/// Whether a step of `scripts` drops `table` (a table rebuilt is dropped
/// first).
bool dropped_by(const catalog::ObjectKey& table,
                std::initializer_list<const std::vector<steps::Step>*> scripts) {
    for (const auto* script : scripts)
        for (const auto& step : *script)
            if (std::ranges::find(step.removes, table) != step.removes.end() ||
                (step.action == steps::Action::Drop && step.key == table))
                return true;
    return false;
}

/// The seeded tables of `seeded` still counted after the scripts: kept by
/// them, not written by their data phases, and not partitioned (a partition
/// that joins or leaves moves rows in or out).
std::vector<catalog::ObjectKey>
counted(const std::map<catalog::ObjectKey, long long>& seeded, const catalog::Catalog& after,
        const std::set<std::string>& written,
        std::initializer_list<const std::vector<steps::Step>*> scripts) {
    std::vector<catalog::ObjectKey> out;
    for (const auto& [table, rows] : seeded) {
        auto kept = after.tables.find(table);
        if (kept != after.tables.end() && !kept->second.partition_by &&
            !written.contains(catalog::qualified_name(table)) && !dropped_by(table, scripts))
            out.push_back(table);
    }
    return out;
}

/// The seeded tables in `tables` have the row counts they were seeded with.
Status expect_rows(ProofDb& db, const std::map<catalog::ObjectKey, long long>& seeded,
                   const std::vector<catalog::ObjectKey>& tables, const std::string& when) {
    // As the tree's role: a trigger, default or check of the current state
    // runs as the one who writes or reads the rows.
    auto counts = count_rows(db.tree, tables);
    if (!counts)
        return counts.error();
    std::string lost;
    for (const auto& [table, rows] : *counts)
        if (rows != seeded.at(table))
            lost += "\n  " + catalog::qualified_name(table) + ": " +
                    std::to_string(seeded.at(table)) + " rows before, " + std::to_string(rows) +
                    " after";
    if (lost.empty())
        return Ok{};
    return Error("proof failed: " + when + " the tables it keeps do not keep their rows:" + lost);
}

/// What one run of the proof compares against.
struct Scripts {
    const catalog::Catalog& current;
    const catalog::Catalog& desired;
    const std::vector<steps::Step>& forward;
    const std::vector<steps::Step>& reverse;
    const introspect::Options& options;
};

/// The proof from `db`, a database in the current state: seeded when `rows`
/// is given, then the forward script (its result must be the desired state)
/// and the reverse one (back to the current state). A step that fails on
/// seeded rows is returned; any other failure is an error. The database is
/// dropped, unless an error leaves it to the server's cleanup.
Result<std::optional<FailedOnRows>> from_current(shadow::Server& server, ProofDb db,
                                                 const Scripts& s, const ProofRows* rows,
                                                 Proven& proven, AfterForward* after_forward) {
    if (rows) {
        auto seeded = seed(db.tree, s.current, tables_to_seed(s.current, s.forward, rows->empty));
        if (!seeded)
            return seeded.error();
        proven.seeded = std::move(seeded->rows);
        proven.unseeded = std::move(seeded->unseeded);
    }
    bool on_rows = rows && !proven.seeded.empty();
    // A step that fails on rows: the database is dropped for the next attempt.
    auto run = [&](const std::vector<steps::Step>& steps, bool reverse_script,
                   const std::string& what) -> Result<std::optional<FailedOnRows>> {
        auto stopped = run_steps(db, steps, what);
        if (!stopped)
            return stopped.error();
        if (!*stopped)
            return std::optional<FailedOnRows>();
        const Error& error = (*stopped)->error;
        if (!on_rows)
            return proof_failure(what, error);
        auto failed = FailedOnRows{reverse_script, (*stopped)->step, error.server->message};
        if (auto dropped = drop(server, std::move(db)); !dropped)
            return dropped.error();
        return std::optional<FailedOnRows>(std::move(failed));
    };
    auto forward_ran = run(s.forward, false, "the forward script");
    if (!forward_ran || *forward_ran)
        return forward_ran;
    auto after =
        introspect::introspect(db.tree, s.options, after_forward ? &after_forward->read : nullptr);
    if (!after)
        return after.error();
    if (auto same = expect_equal(*after, s.desired,
                                 "after the forward script the database does "
                                 "not match the desired state");
        !same)
        return same.error();
    if (on_rows)
        if (auto kept =
                expect_rows(db, proven.seeded,
                            counted(proven.seeded, s.desired, rows->written_up, {&s.forward}),
                            "after the forward script");
            !kept)
            return kept.error();
    if (after_forward) {
        auto fingerprint = runtime::fingerprint(db.tree);
        if (!fingerprint)
            return std::move(fingerprint).error();
        after_forward->fingerprint = fingerprint->sha256;
    }
    auto reverse_ran = run(s.reverse, true, "the reverse script");
    if (!reverse_ran || *reverse_ran)
        return reverse_ran;
    auto back = introspect::introspect(db.tree, s.options);
    if (!back)
        return back.error();
    if (auto same = expect_equal(*back, s.current,
                                 "after the reverse script the database does "
                                 "not match the current state");
        !same)
        return same.error();
    if (on_rows) {
        std::set<std::string> written = rows->written_up;
        written.insert(rows->written_down.begin(), rows->written_down.end());
        if (auto kept =
                expect_rows(db, proven.seeded,
                            counted(proven.seeded, s.current, written, {&s.forward, &s.reverse}),
                            "after the forward and reverse scripts");
            !kept)
            return kept.error();
    }
    if (auto dropped = drop(server, std::move(db)); !dropped)
        return dropped.error();
    return std::optional<FailedOnRows>();
}

/// Fills the materialized views the tree left empty (it loads them WITH NO
/// DATA), as the tree's role: the current state has them filled, which a
/// data phase or a seeded row's trigger may read.
Status populate_materialized_views(ProofDb& db) {
    auto empty = db.tree.exec_qualified(
        "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) AS name "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'm' AND NOT c.relispopulated ORDER BY 1");
    if (!empty)
        return empty.error();
    for (auto row : *empty)
        if (auto refreshed = db.tree.exec("REFRESH MATERIALIZED VIEW " + row.text("name"));
            !refreshed)
            return refreshed.error();
    return Ok{};
}

/// The current state reached from the desired one, which the tree was
/// materialized in, by the reverse script: its first proof, without rows,
/// and no rebuild of the whole current state. Nothing when the reverse
/// script does not reach it there (the shadow lacks context the current
/// state uses, or the script is wrong): the proof then starts from a
/// rebuild, which says why.
Result<std::optional<ProofDb>> current_from_desired(shadow::Server& server, const ProofStart& start,
                                                    const Scripts& s) {
    auto db = open_db(server, start.desired_db);
    if (!db)
        return db.error();
    auto back = run_and_read(*db, s.reverse, "the reverse script", s.options);
    if (!back && db->tree.lost())
        return back.error();
    auto populated = !back ? Status(Ok{}) : populate_materialized_views(*db);
    if (!back || !differences(*back, s.current).empty() || !populated) {
        if (auto dropped = drop(server, std::move(*db)); !dropped)
            return dropped.error();
        return std::optional<ProofDb>();
    }
    if (start.finish)
        if (auto finished = start.finish(db->name); !finished)
            return finished.error();
    return std::optional<ProofDb>(std::move(*db));
}

} // namespace

Result<Proven> prove(shadow::Server& server, const ProofStart& start,
                     const catalog::Catalog& current, const catalog::Catalog& desired,
                     const std::vector<steps::Step>& forward,
                     const std::vector<steps::Step>& reverse, const introspect::Options& options,
                     const ProofRows& rows, AfterForward* after) {
    const Scripts scripts{current, desired, forward, reverse, options};
    Proven proven;
    if (!proof_needs_database(forward, reverse, after != nullptr)) {
        if (auto same = prove_unchanged(current, desired); !same)
            return same.error();
        return proven;
    }
    std::optional<ProofDb> db;
    if (start.template_db.empty() && !start.desired_db.empty()) {
        auto reached = current_from_desired(server, start, scripts);
        if (!reached)
            return reached.error();
        db = std::move(*reached);
        proven.from_desired = db.has_value();
    }
    if (!db) {
        auto copy = copy_of_current(server, start, current, options);
        if (!copy)
            return copy.error();
        db = std::move(*copy);
    }
    auto with_rows = from_current(server, std::move(*db), scripts, &rows, proven, after);
    if (!with_rows)
        return with_rows.error();
    if (!*with_rows)
        return proven;
    // Does it fail without rows too? Then it is no matter of rows.
    auto again = copy_of_current(server, start, current, options);
    if (!again)
        return again.error();
    Proven without;
    auto empty = from_current(server, std::move(*again), scripts, nullptr, without, after);
    if (!empty)
        return empty.error();
    proven.failed_on_rows = std::move(**with_rows);
    return proven;
}

bool proof_needs_database(const std::vector<steps::Step>& forward,
                          const std::vector<steps::Step>& reverse, bool fingerprint_after) {
    return !forward.empty() || !reverse.empty() || fingerprint_after;
}

Status prove_unchanged(const catalog::Catalog& current, const catalog::Catalog& desired) {
    return expect_equal(current, desired,
                        "after the forward script the database does not match the desired state");
}

} // namespace schemac::plan
