#pragma once

#include "runtime/deploy.h"
#include "runtime/result.h"

#include <map>
#include <string>
#include <vector>

namespace schemac::cli {

/// Prints `error` on stderr as every command reports failure ("schemac: "
/// first) and returns exit code 1.
int fail(const Error& error);

/// Options every command takes.
struct GlobalOptions {
    std::string dev_url;              ///< --dev-url / SCHEMAC_DEV_URL
    std::vector<std::string> schemas; ///< --schemas a,b
    /// --roles a,b: managed beyond the roles the tree and --dir name
    std::vector<std::string> roles;
    std::string dir = "generated"; ///< --dir: the migration history
    /// Objects left alone (schemac.toml's `ignore`).
    std::string ignore_file = ".schemacignore";
    std::string env;   ///< --env NAME: schemac.toml's [env.NAME]
    int verbosity = 0; ///< -v: 1, -q: -1
};

struct DiffOptions {
    std::string schema = "schema";
    std::string url;
    bool reverse = false;
    bool exit_code = false;
    bool skip_proof = false;
    std::string write;     ///< --write NAME: write the next migration pair to --dir
    bool online = true;    ///< --no-online turns the lighter-locking strategies off
    std::string data;      ///< --data FILE: the forward script's data phase
    std::string data_down; ///< --data-down FILE: the reverse script's
    /// --allow-hazards: needs-data lets --write go on without --data.
    std::vector<std::string> allow_hazards;
    bool strict = false; ///< refuse another major version than --url's, or unmanaged objects
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
    bool strict = false; ///< refuse another major version than --url's, or unmanaged objects
};

/// `schemac plan`: the reviewable plan, or with --check whether --dir
/// reproduces the tree.
int run_plan(const GlobalOptions& global, const PlanOptions& options);

/// `schemac hash`: rewrites the sum file of --dir after a deliberate hand edit.
int run_hash(const GlobalOptions& global);

struct DumpOptions {
    std::string url;
    std::string out = "schema";
    bool force = false; ///< overwrite files that exist
    /// Write only `external.sql`: what the tree in `schema` names of the
    /// target's schemas it does not create, as `-- schemac:external` stubs.
    bool external = false;
    std::string schema = "schema";
};

/// `schemac dump`: writes the database at --url as a tree in --out.
int run_dump(const GlobalOptions& global, const DumpOptions& options);

/// The files `schemac dump` writes (path relative to the tree's root, text):
/// the plan from an empty database to the one at `url`, rendered by the
/// migration renderer, grouped by object; deterministic.
Result<std::map<std::string, std::string>> dump_files(const GlobalOptions& global,
                                                      const std::string& url);

/// Writes `files` below `out`; unless `force`, nothing is written when any
/// of them exists (the error lists them).
Status write_tree(const std::string& out, const std::map<std::string, std::string>& files,
                  bool force);

struct InitOptions {
    std::string url; ///< an existing database to start from
    std::string schema = "schema";
};

/// `schemac init`: a new project's schema/ (an example file, or the
/// database at --url dumped) and, from a database, generated/0001_baseline.
int run_init(const GlobalOptions& global, const InitOptions& options);

/// `schemac resolve VERSION --as applied|reverted`: the runtime's resolve,
/// with "applied" meaning what the history up to VERSION leaves, replayed in
/// the shadow server.
int run_resolve(const GlobalOptions& global, runtime::DeployOptions deploy,
                runtime::ResolveRequest request);

/// `schemac apply --baseline VERSION`: the runtime's baseline, with what the
/// history up to VERSION leaves replayed in the shadow server.
int run_baseline(const GlobalOptions& global, runtime::DeployOptions deploy,
                 const std::string& version);

} // namespace schemac::cli
