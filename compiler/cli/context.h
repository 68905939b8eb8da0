#pragma once

#include "load/load.h"
#include "runtime/result.h"
#include "shadow/server.h"
#include "steps/step.h"

#include <set>
#include <string>
#include <vector>

/// Context read from the target (DESIGN.md, decision 8): what the tree names
/// in schemas it neither creates nor stubs (Supabase's `auth`), as the
/// database at --url has it, built in every shadow before the tree, and
/// never diffed.
namespace schemac::cli {

/// The schemas the tree creates, or stubs too when `stubs_count`.
std::set<std::string> made_schemas(const load::Tree& tree, bool stubs_count = true);

/// The schemas the tree's statements name (the schema of a qualified name)
/// that no statement of the tree creates, nor stubs when `stubs_count`;
/// `public` and the system schemas left out.
std::set<std::string> referenced_schemas(const load::Tree& tree, bool stubs_count = true);

/// Schemas of a target, as plain DDL that builds them from nothing.
struct TargetContext {
    std::vector<std::string> schemas; ///< those asked for that the target has
    std::vector<steps::Step> steps;
    /// Foreign keys from the context to tables it does not hold (managed
    /// ones): added once the current state is rebuilt in the proof's copy of
    /// it, where they hold what the migration may drop as they do on the
    /// target.
    std::vector<steps::Step> late_steps;
    std::size_t objects = 0;
};

/// Reads `schemas` from the database at `url`: their objects and the
/// extensions living in them (no privileges: the shadow needs the objects,
/// not who may use them), but not what the tree creates there (`own`: a
/// trigger on `auth.users`), planned from nothing.
Result<TargetContext> read_target_context(const std::string& url,
                                          const std::set<std::string>& schemas,
                                          const std::set<catalog::ObjectKey>& own);

/// Runs the context's steps in database `db` of `server`, each on its own:
/// a step that fails there (an extension the shadow's server lacks, or
/// what needs it) is left out, and named at -v; what the tree needs of it
/// is then reported where the tree uses it.
Status load_target_context(shadow::Server& server, const std::string& db,
                           const TargetContext& context, int verbosity);

/// The same for the context's late steps.
Status load_late_target_context(shadow::Server& server, const std::string& db,
                                const TargetContext& context, int verbosity);

} // namespace schemac::cli
