#include "shadow/server.h"

#include "catalog/quote.h"
#include "runtime/executor.h"

#include <random>
#include <unistd.h>

namespace schemac::shadow {
using catalog::quote_ident;

// ---------------------------------------------------------------------------
// Databases on any server

namespace {

Result<runtime::Connection> open(const std::string& conninfo, const std::string& dbname) {
    auto conn = runtime::Connection::open(conninfo);
    if (!conn)
        return Error("cannot connect to the shadow database " + dbname + ": " +
                     conn.error().message);
    return conn;
}

} // namespace

Result<runtime::Connection> Server::connect(const std::string& dbname) const {
    return open(conninfo(dbname), dbname);
}

Result<runtime::Connection> Server::connect_tree(const std::string& dbname) const {
    return open(tree_conninfo(dbname), dbname);
}

Result<runtime::Connection*> Server::admin() const {
    if (m_admin && m_admin->lost())
        m_admin.reset();
    if (!m_admin) {
        auto conn = connect(maintenance_database());
        if (!conn)
            return conn.error();
        m_admin = std::move(*conn);
    }
    return &*m_admin;
}

Result<std::string> Server::create_database(const std::string& template_db) {
    static std::mt19937_64 random{std::random_device{}()};
    std::string name = "schemac_" + std::to_string(getpid()) + "_" + std::to_string(++m_counter) +
                       "_" + std::to_string(random() % 100000);
    auto admin = this->admin();
    if (!admin)
        return admin.error();
    std::string sql = "CREATE DATABASE " + quote_ident(name) + " TEMPLATE " +
                      quote_ident(template_db.empty() ? "template0" : template_db);
    if (std::string owner = tree_role(); !owner.empty())
        sql += " OWNER " + quote_ident(owner);
    auto created = (*admin)->exec(sql);
    if (!created.ok())
        return Error{"cannot create a shadow database: " + created.error().describe()};
    m_databases.push_back(name);
    return name;
}

Status Server::drop_database(const std::string& dbname) {
    auto admin = this->admin();
    if (!admin)
        return admin.error();
    auto dropped =
        (*admin)->exec("DROP DATABASE IF EXISTS " + quote_ident(dbname) + " WITH (FORCE)");
    std::erase(m_databases, dbname);
    if (!dropped.ok())
        return Error{"cannot drop shadow database " + dbname + ": " + dropped.error().message};
    return Ok{};
}

void Server::drop_all_databases() {
    auto names = m_databases;
    for (const auto& name : names)
        (void)drop_database(name);
    close_admin();
}

Status Server::ensure_roles(const std::vector<std::string>& roles) {
    if (roles.empty())
        return Ok{};
    auto admin = this->admin();
    if (!admin)
        return admin.error();
    for (const auto& role : roles) {
        auto exists =
            (*admin)->exec("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", {role});
        if (!exists || exists->empty()) {
            auto created = (*admin)->exec("CREATE ROLE " + quote_ident(role) + " NOLOGIN");
            // Another run may have created it meanwhile (duplicate_object).
            if (!created && created.error().sqlstate() != "42710")
                return Error("cannot create role " + role +
                             " in the shadow server: " + created.error().message);
        }
        if (auto granted = grant_to_tree(**admin, role); !granted)
            return granted;
    }
    return Ok{};
}

Status Server::grant_to_tree(runtime::Connection& admin, const std::string& role) {
    std::string tree = tree_role();
    if (tree.empty() || role == tree)
        return Ok{};
    // Never a membership that gives more than objects and grants: not a
    // superuser's, nor a predefined role's (pg_execute_server_program runs
    // programs), nor one that may create roles, replicate or bypass RLS, nor
    // a member of one of those.
    auto powerful = admin.exec_qualified("SELECT " + std::string(runtime::k_powerful) +
                                             " AS powerful FROM pg_catalog.pg_roles r "
                                             "WHERE r.rolname = $1",
                                         {role});
    if (!powerful)
        return powerful.error();
    if (powerful->empty() || (*powerful)[0].flag("powerful"))
        return Ok{};
    // With ADMIN OPTION: a tree may grant a role it names to another, or to
    // itself (`GRANT app_admin TO current_user`, which needs it), as its
    // owner's role would on the target.
    auto granted = admin.exec("GRANT " + quote_ident(role) + " TO " + quote_ident(tree) +
                              " WITH ADMIN OPTION");
    if (!granted)
        return Error("cannot make " + tree + " a member of " + role +
                     " in the shadow server: " + granted.error().message);
    return Ok{};
}

// ---------------------------------------------------------------------------
// The existing server of --dev-url

namespace {

class ExistingServer final : public Server {
  public:
    /// `admin`: a connection to `url`, taken as the administrator's when
    /// the URL names the database CREATE DATABASE runs from.
    ExistingServer(std::string url, runtime::Connection admin) : m_url(std::move(url)) {
        if (!runtime::database_of(m_url).empty())
            adopt_admin(std::move(admin));
    }
    ~ExistingServer() override { drop_all_databases(); }
    std::string conninfo(const std::string& dbname) const override {
        return runtime::with_database(m_url, dbname);
    }

  protected:
    std::string maintenance_database() const override {
        std::string db = runtime::database_of(m_url);
        return db.empty() ? "postgres" : db;
    }

  private:
    std::string m_url;
};

} // namespace

Result<std::unique_ptr<Server>> use_existing(const std::string& url) {
    auto conn = runtime::Connection::open(url);
    if (!conn.ok())
        return Error(runtime::connect_error("--dev-url ", url, conn.error().message));
    return std::unique_ptr<Server>(std::make_unique<ExistingServer>(url, std::move(*conn)));
}

Result<std::unique_ptr<Server>> open_server(const std::string& dev_url,
                                            const std::string& replay_key, int major,
                                            const std::string& tree_key, bool from_tree) {
    return dev_url.empty() ? start_embedded(replay_key, major, tree_key, from_tree)
                           : use_existing(dev_url);
}

Result<int> Server::version() const {
    auto conn = admin();
    if (!conn)
        return std::move(conn).error();
    return (*conn)->server_version();
}

} // namespace schemac::shadow
