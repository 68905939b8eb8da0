#pragma once

#include "catalog/catalog.h"
#include "catalog/ignore.h"
#include "cli/commands.h"
#include "diff/change.h"
#include "plan/lint.h"
#include "plan/proof.h"
#include "runtime/deploy.h"
#include "runtime/migrations.h"
#include "runtime/result.h"
#include "steps/step.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace schemac::cli {

/// What `diff` and `plan` ask for.
struct PlanRequest {
    std::string schema; ///< the tree
    std::string url;    ///< the current state's database; empty: --dir replayed
    bool skip_proof = false;
    bool online = true;
    /// Read the fingerprint of the catalog the plan leaves (for `diff --write`).
    bool fingerprint_after = false;
    /// The data phase of each direction (`diff --data`, `--data-down`).
    std::vector<steps::Step> data_up;
    std::vector<steps::Step> data_down;
    /// Refuse a shadow server of another major version than the target's,
    /// and objects of kinds not diffed (Catalog::unmanaged) in either state.
    bool strict = false;
};

/// Both states, read and planned both ways (and proven unless skipped).
struct Planned {
    runtime::MigrationDir history;
    std::vector<plan::Warning> warnings;
    std::vector<diff::ChangeSummary> changes;         ///< current to desired, per object
    std::map<std::string, catalog::TableStats> sizes; ///< of the live database (--url)
    std::string current_label;
    catalog::Catalog current;
    catalog::Catalog desired;
    std::vector<steps::Step> forward;
    std::vector<steps::Step> reverse;
    /// The replayed history with the forward script applied, when asked for
    /// and proven (its fingerprint is "" otherwise).
    plan::AfterForward after_forward;
    /// Keeps `after_forward.read` as the catalog of the history with the
    /// migration written, given that history's sum (runtime::compute_sum),
    /// when runs keep catalogs: the next plan reads it instead of replaying.
    /// Empty when they do not.
    std::function<void(const std::string& sum, const introspect::Recording& read)>
        keep_after_forward;
};

/// The pipeline behind `diff` and `plan`: load the tree, read the current
/// state (the database at --url, or the history replayed), materialize and
/// read the desired state, plan both ways, prove.
Result<Planned> plan_change(const GlobalOptions& global, const PlanRequest& request);

/// After a migration is written (`diff --write`, `init`): the catalog the
/// proof read after the forward script, kept as the written history's
/// (Planned::keep_after_forward), so the next plan does not replay it.
void keep_written_history(const Planned& planned);

/// The managed scope as the history shows it (DESIGN.md, decision 8):
/// `public` and the schemas its migrations create or create objects in,
/// each unless `rules` leave it alone whole, as `schemas`; the extensions,
/// triggers, policies and indexes they create, wherever, as `keep`. apply
/// and status count drift in these schemas only.
catalog::Scope history_scope(const runtime::MigrationDir& history,
                             const std::vector<catalog::IgnoreRule>& rules);

/// What the runtime's fingerprint lines about `keep` (objects managed one
/// by one: a trigger on `auth.users`) begin with and hold, so a change to
/// them is drift wherever they are.
std::vector<runtime::DeployOptions::KeptLine> kept_lines(const std::set<catalog::ObjectKey>& keep);

} // namespace schemac::cli
