#include "plan/proof.h"

#include "emit/script.h"
#include "plan/planner.h"
#include "runtime/executor.h"
#include "runtime/history.h"
#include "runtime/script.h"
#include "shadow/shadow.h"

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

Result<catalog::Catalog> run_and_read(shadow::Server& server, const std::string& db,
                                      const std::vector<steps::Step>& steps,
                                      const std::string& what, const introspect::Options& options) {
    // Exactly what a migration file holds, read back and run as apply runs
    // it: steps that cannot run in a transaction on their own.
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
        const Error& failed = ran.error();
        return Error("proof failed: " + what + " failed at:\n  " + failed.statement + "\n" +
                     (failed.server ? failed.server->describe() : failed.message));
    }
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
    auto copy = run_and_read(server, *db, *rebuild, "rebuilding the current state", options);
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

Status prove(shadow::Server& server, const ProofStart& start, const catalog::Catalog& current,
             const catalog::Catalog& desired, const std::vector<steps::Step>& forward,
             const std::vector<steps::Step>& reverse, const introspect::Options& options,
             std::string* fingerprint_after) {
    auto db = copy_of_current(server, start, current, options);
    if (!db)
        return db.error();
    auto after = run_and_read(server, *db, forward, "the forward script", options);
    if (!after)
        return after.error();
    if (auto same = expect_equal(*after, desired,
                                 "after the forward script the database does "
                                 "not match the desired state");
        !same)
        return same;
    if (fingerprint_after) {
        auto conn = server.connect(*db);
        if (!conn)
            return conn.error();
        auto fingerprint = runtime::fingerprint(*conn);
        if (!fingerprint)
            return std::move(fingerprint).error();
        *fingerprint_after = fingerprint->sha256;
    }
    auto back = run_and_read(server, *db, reverse, "the reverse script", options);
    if (!back)
        return back.error();
    if (auto same = expect_equal(*back, current,
                                 "after the reverse script the database does "
                                 "not match the current state");
        !same)
        return same;
    return server.drop_database(*db);
}

} // namespace schemac::plan
