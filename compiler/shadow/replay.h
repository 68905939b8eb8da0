#pragma once

#include "runtime/migrations.h"
#include "runtime/result.h"
#include "shadow/server.h"

#include <string>

namespace schemac::shadow {

/// The migration history replayed into a fresh database on `server`, its
/// steps run as apply runs them: the state the committed history produces
/// (an empty database when there is no history). Returns the database's name.
Result<std::string> replay(Server& server, const runtime::MigrationDir& dir);

} // namespace schemac::shadow
