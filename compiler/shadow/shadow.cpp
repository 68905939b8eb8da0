#include "shadow/shadow.h"

#include "runtime/executor.h"

namespace schemac::shadow {
namespace {

/// The server's error, located in the tree: at the character the server
/// points to inside the statement, else at the statement's start.
std::string locate_error(const load::Statement& statement, const runtime::ServerError& error) {
    std::size_t offset = statement.offset;
    if (error.position > 0) {
        // position counts characters from the start of the statement text.
        int seen = 0;
        for (std::size_t i = 0; i < statement.sql.size(); ++i) {
            if ((static_cast<unsigned char>(statement.sql[i]) & 0xC0) != 0x80 &&
                ++seen == error.position) {
                offset = statement.offset + i;
                break;
            }
        }
    }
    std::string message = statement.file->diagnostic(offset, error.message);
    if (!error.detail.empty())
        message += "\nDETAIL:  " + error.detail;
    if (!error.hint.empty())
        message += "\nHINT:  " + error.hint;
    return message;
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
    if (auto begun = conn->exec("BEGIN"); !begun.ok())
        return Error{"cannot start loading the tree: " + begun.error.message};
    for (const auto& statement : tree.statements) {
        auto done = conn->exec(statement.sql);
        if (!done.ok())
            return Error{locate_error(statement, done.error)};
    }
    if (auto committed = conn->exec("COMMIT"); !committed.ok())
        return Error{"loading the tree failed at COMMIT: " + committed.error.describe()};
    return *db;
}

} // namespace schemac::shadow
