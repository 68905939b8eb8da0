#pragma once

#include "runtime/result.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

/// `schemac.toml`: a project's settings, so no command repeats them. Found
/// by walking up from the working directory, like git finds `.git`; the
/// paths it holds are relative to the directory it is in. Command-line
/// options override it.
///
///     schema = "schema"            # the tree
///     dir = "generated"            # the migration history
///     ignore = ".schemacignore"    # objects left alone
///     schemas = ["public", "app"]  # managed schemas
///     roles = ["app_reader"]       # managed roles beyond those named
///     dev_url = "env:SCHEMAC_DEV_URL"
///
///     [env.prod]                   # schemac apply --env prod
///     url = "env:DATABASE_URL"
///     schemas = ["public"]
///
/// A URL in the file is `env:NAME` or holds no password: a password in
/// clear is refused (libpq's PGPASSWORD, ~/.pgpass or `env:` carry it).
namespace schemac::cli {

inline constexpr const char* k_config_file = "schemac.toml";

/// One `[env.NAME]` table: where that environment's database is.
struct Environment {
    std::optional<std::string> url; ///< `env:NAME`, or a URL without password
    std::optional<std::string> dev_url;
    std::optional<std::vector<std::string>> schemas;
    std::optional<std::vector<std::string>> roles;
};

struct Config {
    std::filesystem::path file; ///< the schemac.toml read
    std::optional<std::string> schema, dir, ignore, dev_url;
    std::optional<std::vector<std::string>> schemas, roles;
    std::map<std::string, Environment> environments;

    /// `path` (relative to the file's directory) as seen from the working
    /// directory: `generated`, or `../generated` from a subdirectory.
    std::string locate(const std::string& path) const;
    /// The environment `name`, or an error naming the ones there are.
    Result<const Environment*> environment(const std::string& name) const;
};

/// Reads one configuration file; an unknown key, a value of the wrong type
/// or a password in clear is an error at `file:line:col`.
Result<Config> read_config(const std::filesystem::path& file);

/// A new project's schemac.toml: its tree and history, the rest as
/// commented examples.
std::string config_template(const std::string& schema, const std::string& dir);

/// The schemac.toml in `start` or the nearest directory above it, read; none
/// found: no configuration.
Result<std::optional<Config>> find_config(const std::filesystem::path& start);

} // namespace schemac::cli
