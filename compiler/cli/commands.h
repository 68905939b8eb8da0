#pragma once

#include "runtime/deploy.h"

#include <string>
#include <vector>

namespace schemac::cli {

/// Options every command takes.
struct GlobalOptions {
    std::string dev_url;              ///< --dev-url / SCHEMAC_DEV_URL
    std::vector<std::string> schemas; ///< --schemas a,b
    std::string dir = "generated";    ///< --dir: the migration history
    int verbosity = 0;                ///< -v: 1, -q: -1
};

struct DiffOptions {
    std::string schema = "schema";
    std::string url;
    bool reverse = false;
    bool exit_code = false;
    bool skip_proof = false;
    std::string write;  ///< --write NAME: write the next migration pair to --dir
    bool online = true; ///< --no-online turns the lighter-locking strategies off
};

/// `schemac diff`: prints the SQL that takes the current state to the tree.
/// Returns the process exit code.
int run_diff(const GlobalOptions& global, const DiffOptions& options);

struct PlanOptions {
    std::string schema = "schema";
    std::string url;
    std::string format = "text"; ///< text, markdown, json
    bool check = false;
    bool exit_code = false;
    bool skip_proof = false;
    bool online = true;
};

/// `schemac plan`: the reviewable plan, or with --check whether --dir
/// reproduces the tree.
int run_plan(const GlobalOptions& global, const PlanOptions& options);

/// `schemac hash`: rewrites the sum file of --dir after a deliberate hand edit.
int run_hash(const GlobalOptions& global);

/// `schemac resolve VERSION --as applied|reverted`: the runtime's resolve,
/// with "applied" meaning what the history up to VERSION leaves, replayed in
/// the shadow server.
int run_resolve(const GlobalOptions& global, runtime::DeployOptions deploy,
                runtime::ResolveRequest request);

} // namespace schemac::cli
