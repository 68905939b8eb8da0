#include "shadow/replay.h"

#include "runtime/executor.h"
#include "runtime/script.h"

namespace schemac::shadow {

Result<std::string> replay(Server& server, const runtime::MigrationDir& dir) {
    auto db = server.create_database();
    if (!db)
        return db;
    auto conn = server.connect(*db);
    if (!conn)
        return conn.error();
    for (const auto& m : dir.migrations) {
        auto script = runtime::parse_script(m.up, runtime::read_text(m.up));
        if (!script.error.empty())
            return Error{script.error};
        if (auto failed = runtime::execute_steps(*conn, script))
            return Error{failed->where +
                         ": replaying the migration history failed: " + failed->error.describe()};
    }
    return db;
}

} // namespace schemac::shadow
