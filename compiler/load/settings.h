#pragma once

#include "load/statement.h"
#include "runtime/result.h"

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

namespace schemac::load {

/// The session settings of one tree file, as its `SET`, `RESET` and
/// `SELECT pg_catalog.set_config(...)` statements leave them (pg_dump writes
/// both forms). Each file starts from the defaults.
class FileSettings {
  public:
    /// Reads `stmt` when it changes a setting, and says whether it did; a
    /// setting the tree cannot use is an error at the statement.
    Result<bool> read(const Statement& statement, const nlohmann::json& stmt);

    /// The settings the shadow applies before a statement of the file runs
    /// (search_path, check_function_bodies, ...), as set_config takes them.
    std::vector<std::pair<std::string, std::string>> applied() const;

    /// The schemas an unqualified name resolves in: search_path without
    /// `$user` and pg_catalog.
    const std::vector<std::string>& search_path() const { return m_search_path; }

  private:
    Status set(const Statement& statement, const std::string& name,
               std::optional<std::string> value);

    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_search_path{"public"};
};

/// search_path's text (`"$user", public`) as the list of its schemas.
std::vector<std::string> parse_search_path(const std::string& text);

} // namespace schemac::load
