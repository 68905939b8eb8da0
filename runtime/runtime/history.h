#pragma once

#include "runtime/connection.h"

#include <optional>
#include <string>
#include <vector>

/// The history table schemac.schema_migrations and the catalog fingerprint
/// that lets apply notice changes made behind its back (drift).
namespace schemac::runtime {

/// One row of schemac.schema_migrations.
struct AppliedMigration {
    int version = 0;
    std::string name;
    std::string up_sha256;
    std::string down_sha256;
    std::string fingerprint_after; ///< "" while a migration is in progress
    std::string catalog_after;     ///< the catalog description the fingerprint hashes
    std::string state;             ///< applying, applied, reverting
    int steps_done = 0;            ///< for a migration interrupted among non-transactional steps
    std::string applied_at;
    std::string duration_ms;
    std::string applied_by;
};

/// Creates the schema and table when missing (the statements are idempotent).
DbResult<Rows> ensure_history_table(Connection& conn);

/// The history, oldest first; empty when the table does not exist.
DbResult<std::vector<AppliedMigration>> read_history(Connection& conn);

/// The live catalog of every non-system schema (schemac's own excluded) as
/// sorted lines, one per object, and their SHA-256.
struct Fingerprint {
    std::string text;
    std::string sha256;
};
DbResult<Fingerprint> fingerprint(Connection& conn);

/// What differs between two catalog descriptions: "- line" for what only
/// `expected` has, "+ line" for what only `actual` has.
std::vector<std::string> describe_drift(const std::string& expected, const std::string& actual);

} // namespace schemac::runtime
