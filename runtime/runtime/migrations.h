#pragma once

#include "runtime/result.h"

#include <filesystem>
#include <string>
#include <vector>

/// The migration directory (generated/): NNNN_name.up.sql / .down.sql pairs and
/// schemac.sum, a chained SHA-256 in which each line covers its file and every
/// earlier one, so two branches that both add a migration conflict in git.
namespace schemac::runtime {

struct Migration {
    std::string version; ///< "0001"
    std::string name;    ///< "initial"
    std::filesystem::path up;
    std::filesystem::path down;
    std::string id() const { return version + "_" + name; }
};

struct MigrationDir {
    std::filesystem::path dir;
    std::vector<Migration> migrations; ///< by version
};

inline constexpr const char* k_sum_file = "schemac.sum";

/// A file's whole content ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);

/// Reads the pairs in `dir` (a missing directory is an empty history); an
/// error names a file that is not a migration, or a pair that is not whole.
Result<MigrationDir> read_migrations(const std::filesystem::path& dir);

/// The sum file's text for the directory's current files. `catalog`, when
/// given, is the fingerprint (SHA-256) of the catalog the whole history
/// leaves, recorded on a `catalog` line: a cached replay of the history is
/// used only when its catalog has it. The line is not part of the chain.
std::string compute_sum(const MigrationDir& dir, const std::string& catalog = "");

/// Whether schemac.sum agrees with the files; the error names the files that
/// disagree.
Status verify_sum(const MigrationDir& dir);

/// read_migrations, then verify_sum.
Result<MigrationDir> read_verified_migrations(const std::filesystem::path& dir);

/// Writes schemac.sum for the current files (see compute_sum).
Status write_sum(const MigrationDir& dir, const std::string& catalog = "");

/// The catalog fingerprint schemac.sum records, or "" when it has none.
std::string recorded_catalog(const MigrationDir& dir);

} // namespace schemac::runtime
