#include "shadow/shadow.h"

#include "catalog/utf8.h"
#include "runtime/executor.h"
#include "runtime/script.h"

#include <regex>

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

/// CREATE MATERIALIZED VIEW ... WITH NO DATA: created empty, its query
/// analyzed but not run.
std::string without_data(const std::string& sql) {
    static const std::regex k_with_data(R"(\bWITH\s+DATA\s*$)", std::regex::icase);
    std::smatch match;
    if (std::regex_search(sql, match, k_with_data))
        return sql.substr(0, static_cast<std::size_t>(match.position(0))) + "WITH NO DATA";
    return sql + "\nWITH NO DATA";
}

/// One statement of the tree, in the open transaction of `conn` (the tree's
/// role); one that manages an extension or makes a function LEAKPROOF runs
/// as the administrator, between two transactions of the tree.
Status run(runtime::Connection& conn, runtime::Connection& admin, const load::Statement& s) {
    auto located = [&](Result<runtime::Rows> done) -> Status {
        if (done)
            return Ok{};
        return locate_error(s, std::move(done).error());
    };
    if (!runtime::needs_superuser(s.sql))
        return located(conn.exec(s.populates ? without_data(s.sql) : s.sql));
    return located(runtime::run_as_superuser(conn, admin, s.sql));
}

} // namespace

Result<std::string> materialize(Server& server, const load::Tree& tree) {
    if (auto roles = server.ensure_roles(tree.roles()); !roles)
        return roles.error();
    auto db = server.create_database();
    if (!db)
        return db.error();
    auto conn = server.connect_tree(*db);
    if (!conn)
        return conn.error();
    auto admin = server.connect(*db);
    if (!admin)
        return admin.error();
    // One transaction: a commit per statement costs more than the statements.
    if (auto begun = conn->exec("BEGIN"); !begun)
        return Error("cannot start loading the tree: " + begun.error().message);
    for (const auto& statement : tree.statements)
        if (auto done = run(*conn, *admin, statement); !done)
            return done.error();
    if (auto committed = conn->exec("COMMIT"); !committed)
        return std::move(committed).error().within("loading the tree failed at COMMIT");
    return *db;
}

} // namespace schemac::shadow
