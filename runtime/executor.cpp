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

namespace {

/// Before the administrator gives objects away (`check`: owner_check of
/// the statement), the tree's role must show that it owns them: it gives
/// them to itself in a savepoint it rolls back. Then no role that is a
/// superuser or predefined (but pg_database_owner) is given one: a
/// SECURITY DEFINER function would run with its rights. Where the tree runs
/// as the administrator (--dev-url), there is no boundary to keep.
Status may_give(Connection& tree, Connection& admin, const std::string& sql,
                const std::string& check) {
    auto who = tree.exec("SELECT current_user::text AS name");
    auto admin_is = admin.exec("SELECT current_user::text AS name");
    if (!who)
        return std::move(who).error();
    if (!admin_is)
        return std::move(admin_is).error();
    if ((*who)[0].text("name") == (*admin_is)[0].text("name"))
        return Ok{};
    bool in_block = tree.exec("SAVEPOINT schemac_owner_check").ok();
    if (!in_block)
        if (auto begun = tree.exec("BEGIN"); !begun)
            return std::move(begun).error();
    auto owned = tree.exec(check);
    auto undone = tree.exec(in_block ? "ROLLBACK TO SAVEPOINT schemac_owner_check; "
                                       "RELEASE SAVEPOINT schemac_owner_check"
                                     : "ROLLBACK");
    if (!owned)
        return Error("the shadow gives away only what the tree's role owns: " +
                     owned.error().message);
    if (!undone)
        return std::move(undone).error();
    auto owners = new_owners(sql);
    auto powerful =
        admin.exec("SELECT pg_catalog.string_agg(rolname, ', ' ORDER BY rolname) AS names "
                   "FROM pg_catalog.pg_roles WHERE (rolsuper OR (rolname ~ '^pg_' AND rolname <> "
                   "'pg_database_owner')) AND rolname = ANY($1::text[])",
                   {text_array(owners)});
    if (!powerful)
        return std::move(powerful).error();
    if (auto names = (*powerful)[0].at("names"))
        return Error("the shadow gives no object to " + *names +
                     ": a superuser or predefined role there, whose rights the tree's code "
                     "would run with");
    return Ok{};
}

} // namespace

bool needs_superuser(const std::string& sql) {
    return manages_extension(sql) || manages_publication(sql) || manages_foreign_data(sql) ||
           manages_event_trigger(sql) || marks_leakproof(sql) || owner_check(sql).has_value();
}

namespace {

Result<Rows> run_and_hand_over(Connection& tree, Connection& admin, const std::string& sql) {
    if (auto committed = tree.exec("COMMIT"); !committed)
        return committed;
    auto done = admin.exec(sql);
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
        auto servers = admin.exec(
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
        auto handovers = admin.exec(
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

Result<Rows> run_as_superuser(Connection& tree, Connection& admin, const std::string& sql) {
    if (auto check = owner_check(sql))
        if (auto safe = may_give(tree, admin, sql, *check); !safe)
            return std::move(safe).error();
    // A command on an event trigger fires none; any other the administrator
    // runs would run the tree's event trigger functions as a superuser, so
    // those that would fire are disabled around it and then set back.
    if (manages_event_trigger(sql))
        return run_and_hand_over(tree, admin, sql);
    auto armed = admin.exec("SELECT pg_catalog.quote_ident(evtname) AS name, evtenabled AS state "
                            "FROM pg_catalog.pg_event_trigger WHERE evtenabled <> 'D'");
    if (!armed)
        return armed;
    for (auto row : *armed)
        if (auto off = admin.exec("ALTER EVENT TRIGGER " + row.text("name") + " DISABLE"); !off)
            return off;
    auto done = run_and_hand_over(tree, admin, sql);
    auto left = admin.exec("SELECT pg_catalog.quote_ident(evtname) AS name "
                           "FROM pg_catalog.pg_event_trigger");
    if (!left)
        return left;
    std::set<std::string> exist;
    for (auto row : *left)
        exist.insert(row.text("name"));
    for (auto row : *armed) {
        if (!exist.contains(row.text("name")))
            continue; // dropped with an extension
        if (auto on = admin.exec("ALTER EVENT TRIGGER " + row.text("name") + " " +
                                 std::string(enabled_words(row.text("state"))));
            !on)
            return on;
    }
    return done;
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
