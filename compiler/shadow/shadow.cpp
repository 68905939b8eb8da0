#include "shadow/shadow.h"

#include "catalog/utf8.h"
#include "runtime/executor.h"

namespace schemac::shadow {
namespace {

/// The server's error, located in the tree: at the character the server
/// points to inside the statement, else at the statement's start. Its
/// DETAIL and HINT stay with it.
Error locate_error(const load::Statement& statement, Error error) {
    // The position counts characters from the start of the statement text.
    int position = error.server ? error.server->position : 0;
    std::size_t offset = statement.offset;
    if (position > 0 && static_cast<std::size_t>(position) <= catalog::utf8::length(statement.sql))
        offset += catalog::utf8::offset_of(statement.sql, static_cast<std::size_t>(position));
    error.message = statement.file->diagnostic(offset, error.message);
    return error;
}

} // namespace

Result<std::string> materialize(Server& server, const load::Tree& tree) {
    if (auto roles = server.ensure_roles(tree.roles()); !roles)
        return roles.error();
    auto db = server.create_database();
    if (!db)
        return db.error();
    auto conn = server.connect(*db);
    if (!conn)
        return conn.error();
    // One transaction: a commit per statement costs more than the statements.
    if (auto begun = conn->exec("BEGIN"); !begun)
        return Error("cannot start loading the tree: " + begun.error().message);
    for (const auto& statement : tree.statements) {
        auto done = conn->exec(statement.sql);
        if (!done)
            return locate_error(statement, std::move(done).error());
    }
    if (auto committed = conn->exec("COMMIT"); !committed)
        return std::move(committed).error().within("loading the tree failed at COMMIT");
    return *db;
}

} // namespace schemac::shadow
