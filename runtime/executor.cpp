#include "runtime/executor.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace schemac::runtime {
namespace {

/// What a shadow gets for a migration's secrets: never the real ones.
const std::string k_secret_stand_in = "schemac-shadow-secret";

/// Runs one statement of `script` on `conn`; a failure knows where it is.
Status run_statement(Connection& conn, const Script& script, const ScriptStatement& statement) {
    auto done = conn.exec(*with_secrets(statement.sql, k_secret_stand_in));
    if (done)
        return Ok{};
    Error error = std::move(done).error();
    error.statement = statement.sql;
    return std::move(error).within(script.path.string() + ":" + std::to_string(statement.line));
}

Status exec(Connection& conn, const char* sql, const Script& script) {
    if (auto done = conn.exec(sql); !done)
        return std::move(done).error().within(script.path.string());
    return Ok{};
}

} // namespace

Status run_batched(Connection& conn, const std::string& sql,
                   const std::function<void(std::size_t, std::size_t)>& after_batch,
                   std::optional<std::size_t> limit) {
    for (std::size_t batch = 1;; ++batch) {
        if (limit && batch > *limit)
            return Error("a batched statement (-- schemac:batch) still changed rows after " +
                         std::to_string(*limit) +
                         " runs: it must change fewer each time (a LIMIT, or a WHERE that "
                         "its own change makes false)");
        auto done = conn.exec(sql);
        if (!done)
            return std::move(done).error();
        after_batch(batch, done->affected());
        if (done->affected() == 0)
            return Ok{};
    }
}

bool needs_superuser(const std::string& sql) {
    return manages_extension(sql) || manages_publication(sql) || manages_foreign_data(sql) ||
           manages_event_trigger(sql) || marks_leakproof(sql);
}

namespace {

Result<Rows> run_and_hand_over(Connection& tree, Connection& admin, const std::string& sql) {
    if (auto committed = tree.exec("COMMIT"); !committed)
        return committed;
    // Through the extended protocol, which runs one command: never more than
    // the one statement the parser read, whatever the server makes of its
    // strings.
    auto done = admin.exec(sql, {});
    if (!done)
        return done;
    // What the administrator made that the tree's role goes on with: the
    // functions it marked LEAKPROOF, the servers it created.
    bool leakproof = marks_leakproof(sql);
    bool foreign = manages_foreign_data(sql);
    if (leakproof || foreign) {
        auto role = tree.exec("SELECT current_user AS name");
        if (!role)
            return role;
        // With no search path: the tree's may have put its own operators first.
        auto servers = admin.exec_qualified(
            "SELECT pg_catalog.format('ALTER SERVER %I OWNER TO %I', srvname, $1::text) AS sql "
            "FROM pg_catalog.pg_foreign_server WHERE srvowner = (SELECT oid FROM "
            "pg_catalog.pg_roles WHERE rolname = current_user) AND current_user <> $1::text",
            {(*role)[0].text("name")});
        if (!servers)
            return servers;
        for (auto row : *servers)
            if (auto given = admin.exec(row.text("sql")); !given)
                return given;
        // Functions the superuser owns outside extensions and the system:
        // only what statements like this one made.
        auto handovers = admin.exec_qualified(
            "SELECT pg_catalog.format('ALTER ROUTINE %s OWNER TO %I', p.oid::pg_catalog."
            "regprocedure, $1::text) AS sql FROM pg_catalog.pg_proc p WHERE p.proowner = "
            "(SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) AND "
            "current_user <> $1::text AND p.pronamespace NOT IN "
            "('pg_catalog'::pg_catalog.regnamespace, 'information_schema'::pg_catalog."
            "regnamespace) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE "
            "d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND "
            "d.deptype = 'e')",
            {(*role)[0].text("name")});
        if (!handovers)
            return handovers;
        for (auto row : *handovers)
            if (auto given = admin.exec(row.text("sql")); !given)
                return given;
    }
    if (auto begun = tree.exec("BEGIN"); !begun)
        return begun;
    return done;
}

std::string_view enabled_words(std::string_view state) {
    return state == "R" ? "ENABLE REPLICA" : state == "A" ? "ENABLE ALWAYS" : "ENABLE";
}

} // namespace

Result<std::vector<std::string>> refused_owners(Connection& admin,
                                                const std::vector<std::string>& roles) {
    auto named = admin.exec_qualified(
        "SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.rolname = ANY($1::text[]) AND " +
            std::string(k_powerful) + " ORDER BY 1",
        {text_array(roles)});
    if (!named)
        return std::move(named).error();
    std::vector<std::string> out;
    for (auto row : *named)
        out.push_back(row.text("rolname"));
    return out;
}

Error refusal(const std::string& role) {
    return Error("the shadow gives no object to " + role +
                 ": a superuser, predefined or privileged role there, whose rights the tree's "
                 "code would run with");
}

std::vector<std::string> roles_given(const std::string& sql) {
    auto roles = new_owners(sql);
    std::erase(roles, "CURRENT_USER");
    std::ranges::sort(roles);
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

namespace {

Status run_on(Connection& conn, const std::string& sql) {
    if (auto done = conn.exec(sql); !done)
        return std::move(done).error();
    return Ok{};
}

/// Runs `body` on the administrator's connection with the event triggers
/// that would fire disabled, then sets them back: the tree's event trigger
/// functions never run as a superuser. Read with no search path, where the
/// tree's own operators cannot stand in for the catalog's.
Status without_event_triggers(Connection& admin, const std::function<Status()>& body) {
    auto armed =
        admin.exec_qualified("SELECT pg_catalog.quote_ident(evtname) AS name, evtenabled AS state "
                             "FROM pg_catalog.pg_event_trigger WHERE evtenabled <> 'D'");
    if (!armed)
        return std::move(armed).error();
    for (auto row : *armed)
        if (auto off = admin.exec("ALTER EVENT TRIGGER " + row.text("name") + " DISABLE"); !off)
            return std::move(off).error();
    Status done = body();
    auto left = admin.exec_qualified("SELECT pg_catalog.quote_ident(evtname) AS name "
                                     "FROM pg_catalog.pg_event_trigger");
    if (!left)
        return std::move(left).error();
    std::set<std::string> exist;
    for (auto row : *left)
        exist.insert(row.text("name"));
    for (auto row : *armed) {
        if (!exist.contains(row.text("name")))
            continue; // dropped with an extension
        if (auto on = admin.exec("ALTER EVENT TRIGGER " + row.text("name") + " " +
                                 std::string(enabled_words(row.text("state"))));
            !on)
            return std::move(on).error();
    }
    return done;
}

} // namespace

Result<Rows> run_as_superuser(Connection& tree, Connection& admin, const std::string& sql) {
    if (moves_into_system_schema(sql))
        return Error("the shadow moves no object into a system schema (pg_catalog, "
                     "information_schema, pg_toast, pg_temp), where it would take the place of "
                     "what its administrator calls");
    // A command on an event trigger fires none.
    if (manages_event_trigger(sql))
        return run_and_hand_over(tree, admin, sql);
    Result<Rows> out = Rows{};
    auto done = without_event_triggers(admin, [&]() -> Status {
        out = run_and_hand_over(tree, admin, sql);
        return Ok{};
    });
    if (!done)
        return std::move(done).error();
    return out;
}

Status give_owners(Connection& tree, Connection& admin, const std::vector<std::string>& roles,
                   const std::function<Status()>& give) {
    // Where the tree runs as the administrator (--dev-url), there is no
    // boundary to keep and nothing to grant.
    auto who = tree.exec("SELECT current_user::text AS tree");
    auto admin_is = admin.exec("SELECT current_user::text AS name");
    if (!who)
        return std::move(who).error();
    if (!admin_is)
        return std::move(admin_is).error();
    if ((*who)[0].text("tree") == (*admin_is)[0].text("name"))
        return give();
    auto refused = refused_owners(admin, roles);
    if (!refused)
        return std::move(refused).error();
    if (!refused->empty())
        return refusal(refused->front());
    // What the tree made is the administrator's to see once committed.
    if (auto committed = tree.exec("COMMIT"); !committed)
        return std::move(committed).error();
    // Each grant with the revoke that takes it back (schema 0: the database).
    auto lacking = admin.exec_qualified(
        "SELECT n.oid AS schema, r.oid AS role, "
        "pg_catalog.format('GRANT CREATE ON SCHEMA %I TO %I', n.nspname, r.rolname) AS grant_sql, "
        "pg_catalog.format('REVOKE CREATE ON SCHEMA %I FROM %I', n.nspname, r.rolname) "
        "AS revoke_sql "
        "FROM pg_catalog.pg_namespace n, pg_catalog.pg_roles r "
        "WHERE r.rolname = ANY($1::text[]) AND n.nspname !~ '^pg_' "
        "AND n.nspname <> 'information_schema' "
        "AND pg_catalog.has_schema_privilege($2::text, n.oid, 'CREATE') "
        "AND NOT pg_catalog.has_schema_privilege(r.oid, n.oid, 'CREATE') "
        "UNION ALL "
        "SELECT 0, r.oid, pg_catalog.format('GRANT CREATE ON DATABASE %I TO %I', "
        "pg_catalog.current_database(), r.rolname), pg_catalog.format("
        "'REVOKE CREATE ON DATABASE %I FROM %I', pg_catalog.current_database(), r.rolname) "
        "FROM pg_catalog.pg_roles r WHERE r.rolname = ANY($1::text[]) "
        "AND NOT pg_catalog.has_database_privilege(r.oid, pg_catalog.current_database(), "
        "'CREATE')",
        {text_array(roles), (*who)[0].text("tree")});
    if (!lacking)
        return std::move(lacking).error();
    std::vector<std::string> schemas;
    std::string grants;
    for (auto row : *lacking) {
        schemas.push_back(row.text("schema"));
        grants += row.text("grant_sql") + ";\n";
    }
    if (!grants.empty())
        if (auto done = without_event_triggers(admin, [&]() { return run_on(admin, grants); });
            !done)
            return done;
    if (auto begun = tree.exec("BEGIN"); !begun)
        return std::move(begun).error();
    Status given = give();
    if (auto ended = tree.exec(given ? "COMMIT" : "ROLLBACK"); !ended && given)
        given = std::move(ended).error();
    // Taken back, but from a role that now owns the schema: its own.
    if (!grants.empty()) {
        auto owners = admin.exec_qualified("SELECT oid::text AS schema, nspowner::text AS owner "
                                           "FROM pg_catalog.pg_namespace "
                                           "WHERE oid = ANY($1::pg_catalog.oid[])",
                                           {text_array(schemas)});
        if (!owners)
            return std::move(owners).error();
        std::set<std::pair<std::string, std::string>> owned;
        for (auto row : *owners)
            owned.emplace(row.text("schema"), row.text("owner"));
        std::string revokes;
        for (auto row : *lacking)
            if (!owned.contains({row.text("schema"), row.text("role")}))
                revokes += row.text("revoke_sql") + ";\n";
        if (!revokes.empty())
            if (auto done = without_event_triggers(admin, [&]() { return run_on(admin, revokes); });
                !done)
                return done;
    }
    if (auto begun = tree.exec("BEGIN"); !begun)
        return std::move(begun).error();
    return given;
}

namespace {

class Runner {
  public:
    Runner(Connection& conn, const Script& script, Connection* privileged)
        : m_conn(conn), m_script(script), m_privileged(privileged) {}

    /// Steps [group.first, group.last) in one transaction: all of them, or
    /// (on the first error, which rolls everything back) none; a statement
    /// that runs on the privileged connection ends the transaction so far.
    Status in_transaction(const StepGroup& group) {
        if (auto begun = exec(m_conn, "BEGIN", m_script); !begun)
            return begun;
        for (std::size_t s = group.first; s < group.last; ++s)
            for (const auto& statement : m_script.steps[s].statements)
                if (auto done = in_transaction(statement); !done) {
                    (void)m_conn.exec("ROLLBACK");
                    return done;
                }
        return exec(m_conn, "COMMIT", m_script);
    }

    Status alone(const StepGroup& group) {
        for (const auto& statement : m_script.steps[group.first].statements)
            if (auto done = statement.batched ? batched(statement)
                            : privileged(statement)
                                ? run_statement(*m_privileged, m_script, statement)
                                : run_statement(m_conn, m_script, statement);
                !done)
                return done;
        return Ok{};
    }

  private:
    /// On a shadow, with as many rows as a proof seeds: a few runs at most.
    Status batched(const ScriptStatement& statement) {
        constexpr std::size_t k_limit = 1000;
        if (auto done = run_batched(
                m_conn, *with_secrets(statement.sql, k_secret_stand_in),
                [](std::size_t, std::size_t) {}, k_limit);
            !done) {
            Error error = std::move(done).error();
            error.statement = statement.sql;
            return std::move(error).within(m_script.path.string() + ":" +
                                           std::to_string(statement.line));
        }
        return Ok{};
    }

    bool privileged(const ScriptStatement& statement) const {
        return m_privileged && needs_superuser(statement.sql);
    }

    Status in_transaction(const ScriptStatement& statement) {
        if (m_privileged)
            if (auto roles = roles_given(statement.sql); !roles.empty())
                return give_owners(m_conn, *m_privileged, roles,
                                   [&] { return run_statement(m_conn, m_script, statement); });
        if (!privileged(statement))
            return run_statement(m_conn, m_script, statement);
        if (auto done = run_as_superuser(m_conn, *m_privileged,
                                         *with_secrets(statement.sql, k_secret_stand_in));
            !done) {
            Error error = std::move(done).error();
            error.statement = statement.sql;
            return std::move(error).within(m_script.path.string() + ":" +
                                           std::to_string(statement.line));
        }
        return Ok{};
    }

    Connection& m_conn;
    const Script& m_script;
    Connection* m_privileged;
};

} // namespace

Status execute_steps(Connection& conn, const Script& script, Connection* privileged) {
    Runner runner(conn, script, privileged);
    for (const auto& group : step_groups(script))
        if (auto done = group.transactional ? runner.in_transaction(group) : runner.alone(group);
            !done)
            return done;
    return Ok{};
}

} // namespace schemac::runtime
