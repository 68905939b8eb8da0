#pragma once

#include "runtime/migrations.h"
#include "runtime/result.h"
#include "shadow/server.h"

#include <functional>
#include <string>

namespace schemac::shadow {

/// The migration history replayed into a fresh database on `server`, its
/// steps run as apply runs them: the state the committed history produces
/// (an empty database when there is no history). Returns the database's name.
/// `after_each(db, migrations_run)`, when given, runs before the first
/// migration and after each one.
using AfterEach = std::function<Status(const std::string& db, std::size_t migrations_run)>;
Result<std::string> replay(Server& server, const runtime::MigrationDir& dir,
                           const AfterEach& after_each = {});

} // namespace schemac::shadow
