#include "shadow/shadow.h"

#include "catalog/utf8.h"
#include "runtime/executor.h"
#include "runtime/script.h"

#include <algorithm>
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

using Settings = std::vector<std::pair<std::string, std::string>>;

/// One connection's session settings, brought to what a statement's file
/// has set where the statement stands (each file starts from the defaults).
class Session {
  public:
    explicit Session(runtime::Connection& conn) : m_conn(conn) {}

    /// The connection with `wanted` applied; the server's error for a value
    /// it refuses.
    Result<runtime::Connection*> to(const Settings& wanted) {
        if (wanted == m_applied)
            return &m_conn;
        for (const auto& [name, value] : m_applied)
            if (std::ranges::find(wanted, name, &Settings::value_type::first) == wanted.end())
                if (auto reset = m_conn.exec("RESET " + name); !reset)
                    return std::move(reset).error();
        for (const auto& setting : wanted)
            if (std::ranges::find(m_applied, setting) == m_applied.end())
                if (auto set = m_conn.exec("SELECT pg_catalog.set_config($1, $2, false)",
                                           {setting.first, setting.second});
                    !set)
                    return std::move(set).error();
        m_applied = wanted;
        return &m_conn;
    }

  private:
    runtime::Connection& m_conn;
    Settings m_applied;
};

/// One statement of the tree, in the open transaction of the tree's role,
/// with its file's settings; one that manages an extension or makes a
/// function LEAKPROOF runs as the administrator, between two transactions of
/// the tree. What is read but not run (OWNER TO) is skipped.
Status run(Session& tree, Session& admin, const load::Statement& s) {
    if (!s.runs)
        return Ok{};
    auto located = [&](Result<runtime::Rows> done) -> Status {
        if (done)
            return Ok{};
        return locate_error(s, std::move(done).error());
    };
    auto conn = tree.to(s.settings);
    if (!conn)
        return locate_error(s, std::move(conn).error());
    if (!runtime::needs_superuser(s.sql))
        return located((*conn)->exec(s.populates ? without_data(s.sql) : s.sql));
    auto privileged = admin.to(s.settings);
    if (!privileged)
        return locate_error(s, std::move(privileged).error());
    return located(runtime::run_as_superuser(**conn, **privileged, s.sql));
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
    Session tree_session(*conn);
    Session admin_session(*admin);
    for (const auto& statement : tree.statements)
        if (auto done = run(tree_session, admin_session, statement); !done)
            return done.error();
    if (auto committed = conn->exec("COMMIT"); !committed)
        return std::move(committed).error().within("loading the tree failed at COMMIT");
    return *db;
}

} // namespace schemac::shadow
