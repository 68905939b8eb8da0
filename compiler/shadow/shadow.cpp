#include "shadow/shadow.h"

#include "catalog/utf8.h"
#include "runtime/executor.h"
#include "runtime/script.h"
#include "runtime/sql_text.h"

#include <algorithm>
#include <regex>
#include <set>

namespace schemac::shadow {
namespace {

/// Where in `sql` the object a "does not exist" error names is written
/// (`schema "auth" does not exist` has no position), or npos.
std::size_t missing_name_at(const std::string& sql, const std::string& message) {
    static const std::regex k_missing(R"re(^(schema|relation|type) "(.+)" does not exist$)re");
    std::smatch match;
    if (!std::regex_match(message, match, k_missing))
        return std::string::npos;
    std::vector<std::string> parts;
    std::string name = match[2];
    for (std::size_t dot; (dot = name.find('.')) != std::string::npos; name.erase(0, dot + 1))
        parts.push_back(name.substr(0, dot));
    parts.push_back(name);
    return runtime::find_name(sql, parts, match[1] == "schema");
}

/// The server's error, located in the tree: at the character the server
/// points to inside the statement, else where the statement names what
/// does not exist, else at the statement's start. Its DETAIL and HINT stay
/// with it.
Error locate_error(const load::Statement& statement, Error error) {
    // The position counts characters from the start of the statement text.
    int position = error.server ? error.server->position : 0;
    std::size_t offset = statement.offset;
    if (position > 0 && static_cast<std::size_t>(position) <= catalog::utf8::length(statement.sql))
        offset += catalog::utf8::offset_of(statement.sql, static_cast<std::size_t>(position));
    else if (auto at = missing_name_at(statement.sql, error.message); at != std::string::npos)
        offset += at;
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

/// CREATE INDEX CONCURRENTLY built plainly, in the shadow's transaction.
std::string without_concurrently(const std::string& sql) {
    static const std::regex k_concurrently(R"(\bINDEX\s+CONCURRENTLY\b)", std::regex::icase);
    return std::regex_replace(sql, k_concurrently, "INDEX",
                              std::regex_constants::format_first_only);
}

/// `remedy` as the error's last HINT line.
void add_hint(Error& error, const std::string& remedy) {
    if (!error.server) {
        error.message += "\nHINT:  " + remedy;
        return;
    }
    auto& hint = error.server->hint;
    hint += (hint.empty() ? "" : "\nHINT:  ") + remedy;
}

/// What to do about an error of the tree's: an extension the shadow's
/// server does not have (no control file), or a name that neither the tree
/// nor PostgreSQL provides (undefined schema, table, function or type),
/// which may be context the tree does not own.
Error with_remedy(const load::Statement& s, Error error) {
    const std::string& state = error.sqlstate();
    bool missing_extension =
        s.creates && s.creates->kind == catalog::Kind::Extension && error.server &&
        error.server->detail.find("extension control file") != std::string::npos;
    if (missing_extension)
        add_hint(error, "the extension " + s.creates->name +
                            " is not installed on the server the shadow runs on: install it for "
                            "that server's PostgreSQL version (on Debian, the package of the "
                            "same major version), or give --dev-url a server that has it");
    else if (!s.external &&
             (state == "3F000" || state == "42P01" || state == "42883" || state == "42704"))
        add_hint(error, "if the target database has it and the tree does not own it (a "
                        "platform's schema, another service's table), plan with --url to read "
                        "it from there, or stub it in the tree in a statement marked -- "
                        "schemac:external (schemac dump --url URL --external writes them)");
    return error;
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
/// the tree. OWNER TO runs last (give_owners). What is read but not run is
/// skipped.
Status run(Session& tree, Session& admin, const load::Statement& s) {
    if (!s.runs)
        return Ok{};
    auto located = [&](Result<runtime::Rows> done) -> Status {
        if (done)
            return Ok{};
        return with_remedy(s, locate_error(s, std::move(done).error()));
    };
    auto conn = tree.to(s.settings);
    if (!conn)
        return locate_error(s, std::move(conn).error());
    if (!runtime::needs_superuser(s.sql))
        return located((*conn)->exec(s.populates    ? without_data(s.sql)
                                     : s.concurrent ? without_concurrently(s.sql)
                                                    : s.sql));
    // Not the file's standard_conforming_strings: with it off, the server
    // would read the statement's strings otherwise than the parser did.
    Settings settings = s.settings;
    std::erase_if(settings, [](const auto& setting) {
        return setting.first == "standard_conforming_strings";
    });
    auto privileged = admin.to(settings);
    if (!privileged)
        return locate_error(s, std::move(privileged).error());
    return located(runtime::run_as_superuser(**conn, **privileged, s.sql));
}

/// Whether `s` gives an object to a role by name (OWNER TO): run after the
/// rest of the tree, by give_owners.
bool gives_owner(const load::Statement& s) {
    return s.runs && !runtime::roles_given(s.sql).empty();
}

/// The tree's OWNER TO statements, after the rest (but the GRANT and REVOKE
/// written after the first of them, which run last), by the tree's role (the
/// administrator grants the roles named CREATE where they lack it, around
/// them: runtime::give_owners). Nothing the tree runs depends on an owner it
/// gives: the tree's role is a member of every role it names.
Status give_owners(Session& tree, runtime::Connection& tree_conn, runtime::Connection& admin,
                   const std::vector<const load::Statement*>& statements, bool boundary) {
    if (statements.empty())
        return Ok{};
    std::vector<std::string> roles;
    for (const auto* s : statements)
        std::ranges::move(runtime::roles_given(s->sql), std::back_inserter(roles));
    std::ranges::sort(roles);
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    // A role refused, at the first statement that names it (where the tree
    // runs as another role than the administrator).
    auto refused = boundary ? runtime::refused_owners(admin, roles)
                            : Result<std::vector<std::string>>(std::vector<std::string>{});
    if (!refused)
        return refused.error();
    for (const auto* s : statements)
        for (const auto& role : runtime::roles_given(s->sql))
            if (std::ranges::find(*refused, role) != refused->end())
                return locate_error(*s, runtime::refusal(role));
    return runtime::give_owners(tree_conn, admin, roles, [&]() -> Status {
        for (const auto* s : statements) {
            auto conn = tree.to(s->settings);
            if (!conn)
                return locate_error(*s, std::move(conn).error());
            if (auto done = (*conn)->exec(s->sql); !done)
                return with_remedy(*s, locate_error(*s, std::move(done).error()));
        }
        return Ok{};
    });
}

/// The GRANT and REVOKE statements of `statements` written after the first
/// OWNER TO: where owners are given last, they run after them (the owner's
/// own entries they name exist only then).
std::set<const load::Statement*>
after_owners(const std::vector<const load::Statement*>& statements) {
    std::set<const load::Statement*> out;
    bool owner_seen = false;
    for (const auto* s : statements) {
        owner_seen = owner_seen || gives_owner(*s);
        if (owner_seen && s->runs && s->node == "GrantStmt" && !runtime::needs_superuser(s->sql))
            out.insert(s);
    }
    return out;
}

/// Executes `drops`, then `statements` in database `db`, in one
/// transaction of the tree's role. `deferred`: the GRANTs that run after
/// the owners are given (after_owners of the whole tree), when `statements`
/// is part of it.
Status execute(Server& server, const std::string& db,
               const std::vector<const load::Statement*>& statements,
               const std::vector<std::string>& drops = {},
               const std::set<const load::Statement*>* deferred = nullptr) {
    auto conn = server.connect_tree(db);
    if (!conn)
        return conn.error();
    // The administrator's connection only when a statement needs it: a
    // connection costs a server process.
    std::optional<runtime::Connection> admin;
    if (std::ranges::any_of(statements, [](const load::Statement* s) {
            return s->runs && (runtime::needs_superuser(s->sql) || gives_owner(*s));
        })) {
        auto opened = server.connect(db);
        if (!opened)
            return opened.error();
        admin = std::move(*opened);
    }
    // One transaction: a commit per statement costs more than the statements.
    if (auto begun = conn->exec("BEGIN"); !begun)
        return Error("cannot start loading the tree: " + begun.error().message);
    for (const auto& drop : drops)
        if (auto dropped = conn->exec(drop); !dropped)
            return std::move(dropped).error().within(drop);
    Session tree_session(*conn);
    Session admin_session(admin ? *admin : *conn); // used only when opened
    // Where the tree runs as the administrator (--dev-url), owners are
    // given only by a superuser: another role may not be a member of them.
    const bool boundary = !server.tree_role().empty();
    bool owners_given = boundary;
    if (!owners_given) {
        auto super = conn->exec("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = "
                                "current_user");
        if (!super)
            return super.error();
        owners_given = !super->empty() && (*super)[0].flag("rolsuper");
    }
    std::vector<const load::Statement*> owners, grants;
    const auto own_deferred =
        deferred ? std::set<const load::Statement*>{} : after_owners(statements);
    const auto& after = deferred ? *deferred : own_deferred;
    for (const auto* statement : statements) {
        if (gives_owner(*statement)) {
            if (owners_given)
                owners.push_back(statement);
            continue;
        }
        // A GRANT or REVOKE after an owner is given goes after it too.
        if (owners_given && after.contains(statement)) {
            grants.push_back(statement);
            continue;
        }
        if (auto done = run(tree_session, admin_session, *statement); !done)
            return done;
    }
    if (!owners.empty())
        if (auto given = give_owners(tree_session, *conn, *admin, owners, boundary); !given)
            return given;
    // After the CREATE that give_owners grants for OWNER TO is taken back: a
    // GRANT CREATE of the tree's stays.
    for (const auto* statement : grants)
        if (auto done = run(tree_session, admin_session, *statement); !done)
            return done;
    if (auto committed = conn->exec("COMMIT"); !committed)
        return std::move(committed).error().within("loading the tree failed at COMMIT");
    return Ok{};
}

} // namespace

Result<std::string> materialize(Server& server, const load::Tree& tree,
                                const std::function<Status(const std::string& db)>& prepare) {
    if (auto roles = server.ensure_roles(tree.roles()); !roles)
        return roles.error();
    auto db = server.create_database();
    if (!db)
        return db.error();
    if (prepare)
        if (auto prepared = prepare(*db); !prepared)
            return prepared.error();
    std::vector<const load::Statement*> all;
    for (const auto& statement : tree.statements)
        all.push_back(&statement);
    if (auto done = execute(server, *db, all); !done)
        return done.error();
    return *db;
}

Status run_again(Server& server, const std::string& db, const std::vector<std::string>& drops,
                 const std::vector<const load::Statement*>& statements, const load::Tree& tree) {
    std::vector<const load::Statement*> all;
    for (const auto& statement : tree.statements)
        all.push_back(&statement);
    const auto deferred = after_owners(all);
    return execute(server, db, statements, drops, &deferred);
}

Status load_context(Server& server, const std::string& db, const load::Tree& tree) {
    auto external = tree.external();
    if (external.empty())
        return Ok{};
    return execute(server, db, external);
}

} // namespace schemac::shadow
