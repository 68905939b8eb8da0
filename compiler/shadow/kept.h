#pragma once

#include <optional>
#include <string>

/// Small files a run keeps for the next ones in the user's trusted cache
/// (shadow/embedded.h's trusted_cache), by key: the catalogs it read
/// (cli/cached_states.h). Nothing is kept where there is no trusted cache.
namespace schemac::shadow {

/// The bytes kept under `key` in `folder`, or nullopt. A hit counts as a use:
/// the newest used are the ones kept.
std::optional<std::string> kept_file(const std::string& folder, const std::string& key);

/// Keeps `bytes` under `key` in `folder` (written whole, then renamed into
/// place, so a reader never sees half of it); only the `newest` most
/// recently used files of the folder stay. Best effort: a failure keeps
/// nothing.
void keep_file(const std::string& folder, const std::string& key, const std::string& bytes,
               std::size_t newest);

/// What identifies the embedded server this run would start and the schemac
/// binary running, for a key: their paths, sizes and modification times (a
/// rebuilt schemac or an upgraded PostgreSQL reads otherwise); "" when the
/// server cannot be found.
std::string embedded_identity();

} // namespace schemac::shadow
