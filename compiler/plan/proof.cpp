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

/// Runs `steps` exactly as a migration file holds them, read back and run
/// as apply runs it (steps that cannot run in a transaction on their own);
/// the step that failed, if one did.
Result<std::optional<Stopped>> run_steps(shadow::Server& server, const std::string& db,
                                         const std::vector<steps::Step>& steps,
                                         const std::string& what) {
    auto script = runtime::parse_script(what, emit::render_migration(steps, what));
    if (!script)
        return std::move(script).error().within("proof failed: " + what + " does not parse");
    auto conn = server.connect_tree(db);
    if (!conn)
        return conn.error();
    auto admin = server.connect(db);
    if (!admin)
        return admin.error();
    if (auto ran = runtime::execute_steps(*conn, *script, &*admin); !ran) {
        if (conn->lost() || !ran.error().server)
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
run_and_read(shadow::Server& server, const std::string& db, const std::vector<steps::Step>& steps,
             const std::string& what, const introspect::Options& options,
             const std::function<Status(const std::string& db)>& then = {}) {
    auto stopped = run_steps(server, db, steps, what);
    if (!stopped)
        return stopped.error();
    if (*stopped)
        return proof_failure(what, (*stopped)->error);
    if (then)
        if (auto done = then(db); !done)
            return done.error();
    return introspect::introspect(server.tree_conninfo(db), options);
}

/// A shadow database in the current state.
Result<std::string> copy_of_current(shadow::Server& server, const ProofStart& start,
                                    const catalog::Catalog& current,
                                    const introspect::Options& options) {
    if (!start.template_db.empty())
        return server.create_database(start.template_db);
    auto db = server.create_database();
    if (!db)
        return db;
    if (start.prepare)
        if (auto prepared = start.prepare(*db); !prepared)
            return prepared.error();
    auto empty = introspect::introspect(server.tree_conninfo(*db), options);
    if (!empty)
        return empty.error();
    auto rebuild = plan_steps(*empty, current);
    if (!rebuild)
        return rebuild.error();
    auto copy =
        run_and_read(server, *db, *rebuild, "rebuilding the current state", options, start.finish);
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
    auto after = run_and_read(server, *db, steps, "the renames", options);
    if (!after)
        return after.error();
    if (auto dropped = server.drop_database(*db); !dropped)
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
Status expect_rows(shadow::Server& server, const std::string& db,
                   const std::map<catalog::ObjectKey, long long>& seeded,
                   const std::vector<catalog::ObjectKey>& tables, const std::string& when) {
    auto conn = server.connect(db);
    if (!conn)
        return conn.error();
    auto counts = count_rows(*conn, tables);
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

/// One run of the proof from a fresh copy of the current state: seeded
/// when `rows` is given. A step that fails on seeded rows is returned; any
/// other failure is an error.
Result<std::optional<FailedOnRows>>
attempt(shadow::Server& server, const ProofStart& start, const catalog::Catalog& current,
        const catalog::Catalog& desired, const std::vector<steps::Step>& forward,
        const std::vector<steps::Step>& reverse, const introspect::Options& options,
        const ProofRows* rows, Proven& proven, std::string* fingerprint_after) {
    auto db = copy_of_current(server, start, current, options);
    if (!db)
        return db.error();
    if (rows) {
        auto conn = server.connect(*db);
        if (!conn)
            return conn.error();
        auto seeded = seed(*conn, current, tables_to_seed(current, forward, rows->empty));
        if (!seeded)
            return seeded.error();
        proven.seeded = std::move(seeded->rows);
        proven.unseeded = std::move(seeded->unseeded);
    }
    bool on_rows = rows && !proven.seeded.empty();
    // A step that fails on rows: the database is left for the next attempt.
    auto run = [&](const std::vector<steps::Step>& steps, bool reverse_script,
                   const std::string& what) -> Result<std::optional<FailedOnRows>> {
        auto stopped = run_steps(server, *db, steps, what);
        if (!stopped)
            return stopped.error();
        if (!*stopped)
            return std::optional<FailedOnRows>();
        const Error& error = (*stopped)->error;
        if (!on_rows)
            return proof_failure(what, error);
        if (auto dropped = server.drop_database(*db); !dropped)
            return dropped.error();
        return std::optional<FailedOnRows>(
            FailedOnRows{reverse_script, (*stopped)->step, error.server->message});
    };
    auto forward_ran = run(forward, false, "the forward script");
    if (!forward_ran || *forward_ran)
        return forward_ran;
    auto after = introspect::introspect(server.tree_conninfo(*db), options);
    if (!after)
        return after.error();
    if (auto same = expect_equal(*after, desired,
                                 "after the forward script the database does "
                                 "not match the desired state");
        !same)
        return same.error();
    if (on_rows)
        if (auto kept = expect_rows(server, *db, proven.seeded,
                                    counted(proven.seeded, desired, rows->written_up, {&forward}),
                                    "after the forward script");
            !kept)
            return kept.error();
    if (fingerprint_after) {
        auto conn = server.connect(*db);
        if (!conn)
            return conn.error();
        auto fingerprint = runtime::fingerprint(*conn);
        if (!fingerprint)
            return std::move(fingerprint).error();
        *fingerprint_after = fingerprint->sha256;
    }
    auto reverse_ran = run(reverse, true, "the reverse script");
    if (!reverse_ran || *reverse_ran)
        return reverse_ran;
    auto back = introspect::introspect(server.tree_conninfo(*db), options);
    if (!back)
        return back.error();
    if (auto same = expect_equal(*back, current,
                                 "after the reverse script the database does "
                                 "not match the current state");
        !same)
        return same.error();
    if (on_rows) {
        std::set<std::string> written = rows->written_up;
        written.insert(rows->written_down.begin(), rows->written_down.end());
        if (auto kept = expect_rows(server, *db, proven.seeded,
                                    counted(proven.seeded, current, written, {&forward, &reverse}),
                                    "after the forward and reverse scripts");
            !kept)
            return kept.error();
    }
    if (auto dropped = server.drop_database(*db); !dropped)
        return dropped.error();
    return std::optional<FailedOnRows>();
}

} // namespace

Result<Proven> prove(shadow::Server& server, const ProofStart& start,
                     const catalog::Catalog& current, const catalog::Catalog& desired,
                     const std::vector<steps::Step>& forward,
                     const std::vector<steps::Step>& reverse, const introspect::Options& options,
                     const ProofRows& rows, std::string* fingerprint_after) {
    Proven proven;
    auto with_rows = attempt(server, start, current, desired, forward, reverse, options, &rows,
                             proven, fingerprint_after);
    if (!with_rows)
        return with_rows.error();
    if (!*with_rows)
        return proven;
    // Does it fail without rows too? Then it is no matter of rows.
    Proven without;
    auto empty = attempt(server, start, current, desired, forward, reverse, options, nullptr,
                         without, fingerprint_after);
    if (!empty)
        return empty.error();
    proven.failed_on_rows = std::move(**with_rows);
    return proven;
}

} // namespace schemac::plan
