#include "shadow/replay.h"

#include "runtime/executor.h"
#include "runtime/script.h"

namespace schemac::shadow {

Result<std::string> replay(Server& server, const runtime::MigrationDir& dir,
                           const AfterEach& after_each) {
    auto db = server.create_database();
    if (!db)
        return db;
    auto conn = server.connect_tree(*db);
    if (!conn)
        return conn.error();
    auto admin = server.connect(*db);
    if (!admin)
        return admin.error();
    std::size_t run = 0;
    if (after_each)
        if (auto done = after_each(*db, run); !done)
            return done.error();
    for (const auto& m : dir.migrations) {
        auto script = runtime::parse_script(m.up, runtime::read_text(m.up));
        if (!script)
            return std::move(script).error();
        if (auto replayed = runtime::execute_steps(*conn, *script, &*admin); !replayed)
            return std::move(replayed).error().within("replaying the migration history failed");
        if (after_each)
            if (auto done = after_each(*db, ++run); !done)
                return done.error();
    }
    return db;
}

} // namespace schemac::shadow
