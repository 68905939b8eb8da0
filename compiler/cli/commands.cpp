#include "cli/commands.h"

#include "cli/lint.h"
#include "cli/plan.h"
#include "cli/planner.h"
#include "cli/proof.h"
#include "cli/renames.h"
#include "emit/steps.h"
#include "introspect/introspect.h"
#include "load/load.h"
#include "runtime/connection.h"
#include "runtime/executor.h"
#include "runtime/migrations.h"
#include "runtime/sha256.h"
#include "shadow/shadow.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <unistd.h>

namespace schemac::cli {
namespace {

/// "1 migration", "2 migrations".
std::string count(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

class Timer {
  public:
    explicit Timer(int verbosity) : m_verbosity(verbosity) {}
    void lap(const char* stage) {
        auto now = std::chrono::steady_clock::now();
        if (m_verbosity > 0)
            std::cerr << "schemac: " << stage << " "
                      << std::chrono::duration_cast<std::chrono::milliseconds>(now - m_last).count()
                      << " ms\n";
        m_last = now;
    }

  private:
    int m_verbosity;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

void report_unmanaged(const catalog::Catalog& catalog, const char* side, int verbosity) {
    if (verbosity < 0)
        return;
    for (const auto& name : catalog.unmanaged)
        std::cerr << "schemac: unmanaged in the " << side
                  << " state (not diffed, left alone): " << name << "\n";
}

/// Why a proof may fail that is not schemac's plan: the tree defines objects
/// of kinds not diffed yet, which the plan cannot create.
Error with_unmanaged_hint(Error error, const catalog::Catalog& current,
                          const catalog::Catalog& desired) {
    std::vector<std::string> missing;
    for (const auto& name : desired.unmanaged)
        if (std::ranges::find(current.unmanaged, name) == current.unmanaged.end())
            missing.push_back(name);
    if (missing.empty())
        return error;
    error.message += "\nHINT:  the tree defines objects of kinds schemac does not diff yet, so "
                     "the plan cannot create them: ";
    for (std::size_t i = 0; i < missing.size(); ++i)
        error.message += (i ? ", " : "") + missing[i];
    error.message += ". Create them in the target database first.";
    return error;
}

int fail(const Error& error) {
    std::cerr << error.message << "\n";
    return 1;
}

Result<runtime::MigrationDir> read_history(const std::string& path) {
    auto dir = runtime::read_verified_migrations(path);
    if (!dir.error.empty())
        return Error{dir.error};
    return dir;
}

/// generated/ replayed into a fresh shadow database: the state the committed
/// history produces (an empty database when there is no history).
Result<std::string> replay(shadow::Server& server, const runtime::MigrationDir& dir) {
    auto db = server.create_database();
    if (!db)
        return db;
    auto conn = server.connect(*db);
    if (!conn)
        return conn.error();
    for (const auto& m : dir.migrations) {
        auto script = runtime::parse_script(m.up, runtime::read_text(m.up));
        if (!script.error.empty())
            return Error{script.error};
        if (auto failed = runtime::execute_steps(*conn, script))
            return Error{failed->where +
                         ": replaying the migration history failed: " + failed->error.describe()};
    }
    return db;
}

/// A replay faster than this is redone rather than cached: starting from a
/// kept replay copies a larger cluster, which costs about 4 s more at 1,000
/// tables, where the replay takes 4.7 s (tests/bench/replay: at 5,000 tables
/// the replay takes 45 s and the cached start 6 s).
/// SCHEMAC_REPLAY_CACHE_MIN_MS overrides it.
std::chrono::milliseconds replay_cache_threshold() {
    if (const char* ms = std::getenv("SCHEMAC_REPLAY_CACHE_MIN_MS"))
        return std::chrono::milliseconds(std::atol(ms));
    return std::chrono::milliseconds(5000);
}

/// Writes the next NNNN_name.up.sql / .down.sql pair and updates the sum.
Status write_migration(const runtime::MigrationDir& dir, const std::string& name,
                       const std::vector<diff::Step>& forward,
                       const std::vector<diff::Step>& reverse, int verbosity) {
    static const std::regex k_name("[a-z0-9_]+");
    if (!std::regex_match(name, k_name))
        return Error{"--write " + name + ": a migration name is lower-case letters, digits and _"};
    int last = dir.migrations.empty() ? 0 : std::stoi(dir.migrations.back().version);
    char version[16];
    std::snprintf(version, sizeof version, "%04d", last + 1);
    std::string id = std::string(version) + "_" + name;
    std::filesystem::create_directories(dir.dir);
    auto write = [&](const char* direction, const std::vector<diff::Step>& steps) {
        std::ofstream out(dir.dir / (id + "." + direction + ".sql"), std::ios::binary);
        out << emit::render_migration(steps, "schemac migration " + id + " (" + direction + ")");
        return static_cast<bool>(out);
    };
    if (!write("up", forward) || !write("down", reverse))
        return Error{"cannot write " + id + " in " + dir.dir.string()};
    if (auto problem = runtime::write_sum(runtime::read_migrations(dir.dir)); !problem.empty())
        return Error{problem};
    if (verbosity >= 0)
        std::cerr << "schemac: wrote " << (dir.dir / (id + ".up.sql")).string() << " and "
                  << (dir.dir / (id + ".down.sql")).string() << "\n";
    return Ok{};
}

/// Both states, read and planned both ways (and proven unless skipped).
struct Planned {
    runtime::MigrationDir history;
    std::vector<Warning> warnings;
    std::vector<diff::ChangeSummary> changes;         ///< current to desired, per object
    std::map<std::string, catalog::TableStats> sizes; ///< of the live database (--url)
    std::string current_label;
    catalog::Catalog current;
    catalog::Catalog desired;
    std::vector<diff::Step> forward;
    std::vector<diff::Step> reverse;
};

Result<Planned> plan_change(const GlobalOptions& global, const std::string& schema,
                            const std::string& url, bool skip_proof, bool online) {
    Timer timer(global.verbosity);
    introspect::Options scope{global.schemas};
    auto tree = load::load_tree(schema);
    if (!tree)
        return tree.error();
    timer.lap("load");

    Planned out;
    auto history = read_history(global.dir);
    if (!history)
        return history.error();
    out.history = std::move(*history);
    // The replayed history is cached with the cluster, keyed by the sum.
    std::string replay_key =
        url.empty() && !out.history.migrations.empty()
            ? runtime::sha256_hex(runtime::compute_sum(out.history)).substr(0, 32)
            : "";
    auto server = shadow::open_server(global.dev_url, replay_key);
    if (!server)
        return server.error();
    // Roles are the cluster's: the history's GRANTs need the tree's roles too.
    if (auto roles = (*server)->ensure_roles(tree->roles()); !roles)
        return roles.error();
    timer.lap("shadow server");

    // The current state: the database at --url, or the committed history.
    ProofStart start;
    std::string current_conninfo = url;
    if (current_conninfo.empty()) {
        std::string replayed = (*server)->replayed_database();
        if (replayed.empty()) {
            auto started = std::chrono::steady_clock::now();
            auto made = replay(**server, out.history);
            if (!made)
                return made.error();
            replayed = *made;
            timer.lap("replay");
            if (!replay_key.empty() &&
                std::chrono::steady_clock::now() - started >= replay_cache_threshold()) {
                (*server)->keep_replay(replay_key, replayed);
                timer.lap("replay kept in the cache");
            }
        } else {
            timer.lap("replay (cached)");
        }
        start.template_db = replayed;
        current_conninfo = (*server)->conninfo(replayed);
        out.current_label = out.history.migrations.empty()
                                ? "empty (no migrations in " + out.history.dir.string() + "/)"
                                : out.history.dir.string() + "/ replayed (" +
                                      count(out.history.migrations.size(), "migration") +
                                      ", last " + out.history.migrations.back().id() + ")";
    } else {
        out.current_label = "database " + runtime::database_of(url);
    }

    auto desired_db = shadow::materialize(**server, *tree);
    if (!desired_db)
        return desired_db.error();
    timer.lap("materialize");
    auto desired = introspect::introspect((*server)->conninfo(*desired_db), scope);
    if (!desired)
        return desired.error();
    out.desired = std::move(*desired);
    out.warnings = lint(out.desired, *tree);

    // A live database's table sizes go beside the locks in the plan.
    introspect::Options live = scope;
    live.sizes = !url.empty();
    auto current = introspect::introspect(current_conninfo, live);
    if (!current)
        return current.error();
    out.current = std::move(*current);
    timer.lap("introspect");
    report_unmanaged(out.current, "current", global.verbosity);
    report_unmanaged(out.desired, "desired", global.verbosity);

    for (const auto& [key, table] : out.current.tables)
        if (table.stats)
            out.sizes[catalog::qualified_name(key)] = *table.stats;

    // Renames run first; the rest of the plan starts from their result, so
    // a renamed table is altered, not dropped and created.
    auto renames = resolve_renames(tree->renames(), out.current, out.desired);
    if (!renames)
        return renames.error();
    auto rename_forward = emit::rename_steps(*renames, false);
    catalog::Catalog renamed;
    const catalog::Catalog* from = &out.current;
    if (!renames->empty()) {
        auto after = state_after(**server, start, out.current, rename_forward, scope);
        if (!after)
            return after.error();
        renamed = std::move(*after);
        from = &renamed;
        timer.lap("renames");
    }
    for (const auto& rename : *renames) {
        out.changes.push_back(diff::summary_of(rename));
        if (rename.object.kind == catalog::Kind::Table)
            if (auto size = out.sizes.find(catalog::qualified_name(rename.current));
                size != out.sizes.end())
                out.sizes[catalog::qualified_name(rename.after())] = size->second;
    }

    auto changes = diff::diff(*from, out.desired);
    for (const auto& change : changes)
        out.changes.push_back(diff::summary_of(change));
    auto forward = plan_steps(std::move(changes), *from, out.desired, online);
    if (!forward)
        return forward.error();
    out.forward = std::move(rename_forward);
    std::ranges::move(*forward, std::back_inserter(out.forward));
    auto reverse = plan_steps(out.desired, *from, online);
    if (!reverse)
        return reverse.error();
    out.reverse = std::move(*reverse);
    std::ranges::move(emit::rename_steps(*renames, true), std::back_inserter(out.reverse));
    timer.lap("diff and order");
    for (auto& warning : lint_live(out.forward, out.desired, out.sizes, *tree))
        out.warnings.push_back(std::move(warning));

    if (!skip_proof) {
        if (auto proven =
                prove(**server, start, out.current, out.desired, out.forward, out.reverse, scope);
            !proven)
            return with_unmanaged_hint(proven.error(), out.current, out.desired);
        timer.lap("proof");
    }
    return out;
}

} // namespace

int run_diff(const GlobalOptions& global, const DiffOptions& options) {
    auto planned =
        plan_change(global, options.schema, options.url, options.skip_proof, options.online);
    if (!planned)
        return fail(planned.error());
    if (!options.write.empty()) {
        if (planned->forward.empty()) {
            if (global.verbosity >= 0)
                std::cerr << "schemac: no changes; nothing written\n";
            return 0;
        }
        auto written = write_migration(planned->history, options.write, planned->forward,
                                       planned->reverse, global.verbosity);
        return written ? 0 : fail(written.error());
    }
    const auto& shown = options.reverse ? planned->reverse : planned->forward;
    std::cout << emit::render_script(shown) << std::flush;
    if (!options.exit_code || shown.empty())
        return 0;
    return needs_approval(shown) ? 3 : 2;
}

int run_plan(const GlobalOptions& global, const PlanOptions& options) {
    if (options.check && !options.url.empty())
        return fail(
            Error{"plan --check compares schema/ with " + global.dir + "; it takes no --url"});
    auto planned =
        plan_change(global, options.schema, options.url, options.skip_proof, options.online);
    if (!planned)
        return fail(planned.error());
    Plan plan;
    plan.current = planned->current_label;
    plan.changes = std::move(planned->changes);
    // A reviewer reads by object: a table's changes together, kinds apart.
    std::ranges::stable_sort(plan.changes, {}, &diff::ChangeSummary::object);
    plan.warnings = std::move(planned->warnings);
    plan.forward = std::move(planned->forward);
    plan.reverse = std::move(planned->reverse);
    plan.sizes = std::move(planned->sizes);
    if (options.check) {
        if (plan.forward.empty()) {
            if (global.verbosity >= 0)
                std::cerr << "schemac: " << global.dir << "/ reproduces " << options.schema << " ("
                          << count(planned->history.migrations.size(), "migration") << ")\n";
            return 0;
        }
        std::string message = "schemac: " + options.schema + " differs from what " + global.dir +
                              "/ produces; run `schemac diff --write NAME` and commit the result:";
        for (const auto& change : plan.changes)
            message += "\n  " + diff::summary_line(change);
        return fail(Error{message});
    }
    if (options.format == "markdown")
        std::cout << render_markdown(plan);
    else if (options.format == "json")
        std::cout << render_json(plan);
    else
        std::cout << render_text(plan, isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    std::cout << std::flush;
    if (!options.exit_code || plan.forward.empty())
        return 0;
    return needs_approval(plan.forward) ? 3 : 2;
}

int run_hash(const GlobalOptions& global) {
    auto dir = runtime::read_migrations(global.dir);
    if (!dir.error.empty())
        return fail(Error{dir.error});
    if (auto problem = runtime::write_sum(dir); !problem.empty())
        return fail(Error{problem});
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << (dir.dir / runtime::k_sum_file).string() << " ("
                  << dir.migrations.size() << " migrations)\n";
    return 0;
}

} // namespace schemac::cli
