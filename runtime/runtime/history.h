#pragma once

#include "runtime/connection.h"

#include <span>
#include <string>
#include <string_view>
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
    /// The catalog description the fingerprint hashes; while a migration is
    /// in progress, the catalog its last recorded step left.
    std::string catalog_after;
    std::string state;  ///< applying, applied, reverting, failed
    int steps_done = 0; ///< for a migration interrupted among non-transactional steps
    std::string applied_at;
    std::string duration_ms;
    std::string applied_by;
    std::string fingerprint_before; ///< the catalog's fingerprint before it ran
    /// Why an attempt failed before anything of it committed (state failed).
    std::string error;
};

/// Creates the schema and table when missing (the statements are idempotent).
Status ensure_history_table(Connection& conn);

/// The history, oldest first; empty when the table does not exist.
Result<std::vector<AppliedMigration>> read_history(Connection& conn);

/// The live catalog of every non-system schema (schemac's own excluded) as
/// sorted lines, one per object, and their SHA-256.
struct Fingerprint {
    std::string text;
    std::string sha256;
};
/// The fingerprint this schemac records. Version 1 texts have no first line
/// naming it; later ones start with `fingerprint vN`. A text recorded at an
/// older version is compared with the live catalog read at that version, so
/// a new part never shows up as drift in a database applied before it.
constexpr int k_fingerprint_version = 4;
Result<Fingerprint> fingerprint(Connection& conn, int version = k_fingerprint_version);
/// The version a recorded fingerprint text was read at.
int fingerprint_version(const std::string& text);

/// One query of the fingerprint: the lines it gives and what they cover,
/// named as the compiler names what it diffs (`table, view`, `default
/// privileges`), so a test can hold the fingerprint to every kind.
struct FingerprintPart {
    std::string_view covers;
    std::string_view sql;
    int since = 1; ///< the fingerprint version that added it
};
std::span<const FingerprintPart> fingerprint_parts();

/// What differs between two catalog descriptions: "- line" for what only
/// `expected` has, "+ line" for what only `actual` has.
std::vector<std::string> describe_drift(const std::string& expected, const std::string& actual);
/// The schema of the object a fingerprint line is about (`column auth.users.id
/// uuid` -> `auth`), or "" for a line about no schema's object (a
/// publication, default privileges everywhere).
std::string schema_of_line(std::string_view line);
/// `lines` of describe_drift, one per line after a heading, the first 20
/// only ("... and N more").
std::string list_drift(const std::vector<std::string>& lines);

} // namespace schemac::runtime
