#include "cli/commands.h"

#include "cli/planner.h"
#include "cli/proof.h"
#include "emit/steps.h"
#include "introspect/introspect.h"
#include "load/load.h"
#include "runtime/connection.h"
#include "shadow/shadow.h"

#include <algorithm>
#include <chrono>
#include <iostream>

namespace schemac::cli {
namespace {

/// Hazards that need a person's approval (exit code 3 with --exit-code).
bool needs_approval(const std::vector<diff::Step>& steps) {
    for (const auto& step : steps)
        for (const auto& hazard : step.hazards)
            if (hazard.kind == "data-loss" || hazard.kind == "table-rewrite" ||
                hazard.kind == "enum-rebuild")
                return true;
    return false;
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

} // namespace

int run_diff(const GlobalOptions& global, const DiffOptions& options) {
    Timer timer(global.verbosity);
    introspect::Options scope{global.schemas};
    auto tree = load::load_tree(options.schema);
    if (!tree)
        return fail(tree.error());
    timer.lap("load");

    auto server = shadow::open_server(global.dev_url);
    if (!server)
        return fail(server.error());
    timer.lap("shadow server");
    auto desired_db = shadow::materialize(**server, *tree);
    if (!desired_db)
        return fail(desired_db.error());
    timer.lap("materialize");
    auto desired = introspect::introspect((*server)->conninfo(*desired_db), scope);
    if (!desired)
        return fail(desired.error());

    ProofStart start;
    std::string current_conninfo = options.url;
    if (current_conninfo.empty()) {
        auto empty = (*server)->create_database();
        if (!empty)
            return fail(empty.error());
        start.template_db = *empty;
        current_conninfo = (*server)->conninfo(*empty);
    }
    auto current = introspect::introspect(current_conninfo, scope);
    if (!current)
        return fail(current.error());
    timer.lap("introspect");
    report_unmanaged(*current, "current", global.verbosity);
    report_unmanaged(*desired, "desired", global.verbosity);

    auto forward = plan_steps(*current, *desired);
    if (!forward)
        return fail(forward.error());
    auto reverse = plan_steps(*desired, *current);
    if (!reverse)
        return fail(reverse.error());
    timer.lap("diff and order");

    if (!options.skip_proof) {
        if (auto proven = prove(**server, start, *current, *desired, *forward, *reverse, scope);
            !proven)
            return fail(with_unmanaged_hint(proven.error(), *current, *desired));
        timer.lap("proof");
    }
    const auto& shown = options.reverse ? *reverse : *forward;
    std::cout << emit::render_script(shown) << std::flush;
    if (!options.exit_code || shown.empty())
        return 0;
    return needs_approval(shown) ? 3 : 2;
}

} // namespace schemac::cli
