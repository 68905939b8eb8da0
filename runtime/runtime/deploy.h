#pragma once

#include "runtime/history.h"

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

/// The deploy commands: apply, status and rollback of a migration directory
/// against a live database. Products (a dry run's SQL, a status report) go to
/// `out`; progress and errors go to `err`. Each returns the exit code.
namespace schemac::runtime {

struct DeployOptions {
    std::string url;
    std::filesystem::path dir = "generated";
    std::string to;                  ///< apply: last version to apply ("" = all)
    bool dry_run = false;            ///< apply, rollback: print what would run, change nothing
    std::string lock_timeout = "5s"; ///< lock_timeout for every statement
    int lock_retries = 5;            ///< attempts after a lock timeout (SQLSTATE 55P03)
    int backoff_ms = 500;            ///< first wait before a retry; doubles each time
    bool no_wait = false;            ///< exit instead of waiting for another apply
    int lock_wait_s = 600;           ///< how long to wait for another apply or rollback
    bool allow_drift = false;        ///< go on when the live catalog is not what history says
    int steps = 1;                   ///< rollback: how many migrations to undo
    /// rollback: keep concurrent index builds and steps outside a
    /// transaction (not all or nothing); by default each migration is undone
    /// in one transaction.
    bool online = false;
    std::vector<std::string> allow_hazards; ///< gated hazards (see hazards.h) allowed to run
    int verbosity = 0;                      ///< -1 quiet, 0 progress, 1 more
    /// The managed scope, for drift: the schemas managed (--schemas; empty:
    /// all), and glob patterns of schemas that are context (whole schemas
    /// that .schemacignore leaves alone). A change to an object in a schema
    /// outside the scope is not drift.
    std::vector<std::string> schemas;
    std::vector<std::string> context_schemas;
    /// Objects managed one by one outside those schemas (a trigger the
    /// history put on `auth.users`): a fingerprint line that starts with
    /// `prefix` and holds `within` is about one of them, so it is drift.
    struct KeptLine {
        std::string prefix;
        std::string within;
    };
    std::vector<KeptLine> kept;
};

int apply(const DeployOptions& options, std::ostream& out, std::ostream& err);
int status(const DeployOptions& options, std::ostream& out, std::ostream& err);
int rollback(const DeployOptions& options, std::ostream& out, std::ostream& err);

/// The catalog the migrations of the directory up to `version` leave, read
/// as the runtime's fingerprint reads a live one (the CLI replays them in
/// its shadow server).
using ExpectedCatalog = std::function<Result<Fingerprint>(int version)>;
struct ResolveRequest {
    std::string version;            ///< the interrupted migration
    std::string as;                 ///< "applied" or "reverted"
    ExpectedCatalog expected_after; ///< for "applied"
};
/// Records a person's decision about an interrupted migration: `applied`
/// when the live catalog is what the migration leaves, `reverted` when it is
/// what it was before it; refused otherwise, the history unchanged.
int resolve(const DeployOptions& options, const ResolveRequest& request, std::ostream& out,
            std::ostream& err);

/// For `apply --baseline`: the catalogs the directory's migrations leave, read
/// as the runtime's fingerprint reads a live one: [0] before the first, [k]
/// after the k-th, up to `version`.
using ExpectedCatalogs = std::function<Result<std::vector<Fingerprint>>(int version)>;
struct BaselineRequest {
    std::string version; ///< the last migration the database already has
    ExpectedCatalogs catalogs;
};
/// Records the migrations up to `version` as applied, running nothing, on a
/// database without a history whose live catalog is what they leave;
/// refused otherwise (listing what differs), nothing recorded.
int baseline(const DeployOptions& options, const BaselineRequest& request, std::ostream& out,
             std::ostream& err);

} // namespace schemac::runtime
