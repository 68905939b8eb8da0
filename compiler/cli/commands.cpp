#include "cli/commands.h"

#include "cli/pipeline.h"
#include "emit/migration_files.h"
#include "emit/script.h"
#include "plan/plan.h"
#include "report/plan_graph.h"
#include "report/plan_render.h"
#include "runtime/migrations.h"
#include "runtime/progress.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace schemac::cli {
namespace {

using runtime::count;

/// A migration whose steps need rows prepared is written with the data
/// that prepares them (--data) or on purpose (--allow-hazards needs-data).
Status needs_data(const std::vector<steps::Step>& forward) {
    std::string message;
    for (const auto& step : forward)
        for (const auto& hazard : step.hazards)
            if (hazard.kind == steps::HazardKind::NeedsData)
                message += "\n  " + steps::describe_step(step) + ": " + hazard.message;
    if (message.empty())
        return Ok{};
    return Error{"not written: steps need data moved first (needs-data):" + message +
                 "\nGive the statements that prepare the rows with --data FILE (they run "
                 "between expand and contract), or write it as it is with "
                 "--allow-hazards needs-data (for tables known to be empty)."};
}

/// `diff --write NAME`: the plan as the next migration pair in --dir.
int write_planned(const GlobalOptions& global, const Planned& planned, const std::string& name) {
    if (planned.forward.empty()) {
        if (global.verbosity >= 0)
            std::cerr << "schemac: no changes; nothing written\n";
        return 0;
    }
    auto written = emit::write_migration(planned.history, name, planned.forward, planned.reverse,
                                         planned.after_forward.fingerprint);
    if (!written)
        return fail(written.error());
    keep_written_history(planned);
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << written->first << " and " << written->second << "\n";
    return 0;
}

/// `plan --check`: the history reproduces the tree, or what it would take.
int check_planned(const GlobalOptions& global, const PlanOptions& options, const plan::Plan& plan,
                  std::size_t migrations) {
    if (plan.forward.empty()) {
        if (global.verbosity >= 0)
            std::cerr << "schemac: " << global.dir << "/ reproduces " << options.schema << " ("
                      << count(migrations, "migration") << ")\n";
        return 0;
    }
    std::string message = options.schema + " differs from what " + global.dir +
                          "/ produces; run `schemac diff --write NAME` and commit the result:";
    for (const auto& change : plan.changes)
        message += "\n  " + diff::summary_line(change);
    return fail(Error{message});
}

} // namespace

int fail(const Error& error) {
    std::cerr << "schemac: " << error.describe() << "\n";
    return 1;
}

int run_diff(const GlobalOptions& global, const DiffOptions& options) {
    PlanRequest request;
    request.schema = options.schema;
    request.url = options.url;
    request.skip_proof = options.skip_proof;
    request.online = options.online;
    request.strict = options.strict;
    request.fingerprint_after = !options.write.empty();
    for (auto [file, steps] : {std::pair{&options.data, &request.data_up},
                               std::pair{&options.data_down, &request.data_down}}) {
        if (file->empty())
            continue;
        auto data = steps::data_steps(*file, runtime::read_text(*file));
        if (!data)
            return fail(data.error());
        *steps = std::move(*data);
    }
    auto planned = plan_change(global, request);
    if (!planned)
        return fail(planned.error());
    if (!options.write.empty()) {
        if (options.data.empty() &&
            std::ranges::find(options.allow_hazards, "needs-data") == options.allow_hazards.end())
            if (auto refused = needs_data(planned->forward); !refused)
                return fail(refused.error());
        return write_planned(global, *planned, options.write);
    }
    const auto& shown = options.reverse ? planned->reverse : planned->forward;
    std::cout << emit::render_script(shown) << std::flush;
    if (!options.exit_code || shown.empty())
        return 0;
    return plan::needs_approval(shown) ? 3 : 2;
}

int run_plan(const GlobalOptions& global, const PlanOptions& options) {
    if (options.check && !options.url.empty())
        return fail(
            Error{"plan --check compares schema/ with " + global.dir + "; it takes no --url"});
    auto planned = plan_change(global, {options.schema,
                                        options.url,
                                        options.skip_proof,
                                        options.online,
                                        false,
                                        {},
                                        {},
                                        options.strict});
    if (!planned)
        return fail(planned.error());
    plan::Plan plan;
    plan.current = planned->current_label;
    plan.changes = std::move(planned->changes);
    // A reviewer reads by object: a table's changes together, kinds apart.
    std::ranges::stable_sort(plan.changes, {}, &diff::ChangeSummary::object);
    plan.warnings = std::move(planned->warnings);
    plan.unmanaged_current = planned->current.unmanaged;
    plan.unmanaged_desired = planned->desired.unmanaged;
    plan.forward = std::move(planned->forward);
    plan.reverse = std::move(planned->reverse);
    plan.sizes = std::move(planned->sizes);
    if (options.check)
        return check_planned(global, options, plan, planned->history.migrations.size());
    if (options.format == "markdown")
        std::cout << report::render_markdown(plan);
    else if (options.format == "dot")
        std::cout << report::render_dot(plan);
    else if (options.format == "json")
        std::cout << report::render_json(plan);
    else
        std::cout << report::render_text(plan, isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
    std::cout << std::flush;
    if (!options.exit_code || plan.forward.empty())
        return 0;
    return plan::needs_approval(plan.forward) ? 3 : 2;
}

int run_hash(const GlobalOptions& global) {
    auto dir = runtime::read_migrations(global.dir);
    if (!dir)
        return fail(dir.error());
    if (auto written = runtime::write_sum(*dir); !written)
        return fail(written.error());
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << (dir->dir / runtime::k_sum_file).string() << " ("
                  << count(dir->migrations.size(), "migration") << ")\n";
    return 0;
}

} // namespace schemac::cli
