#pragma once

#include "runtime/connection.h"
#include "runtime/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

/// A PostgreSQL server that schemac materializes states in: its own embedded
/// throwaway server, or an existing one given by --dev-url. Databases created
/// through it are gone when it goes away (dropped on --dev-url's server,
/// deleted with the embedded one's cluster).
namespace schemac::shadow {

class Server {
  public:
    virtual ~Server() = default;

    /// A connection string for database `dbname` on this server, as the
    /// server's administrator (the tests load their states this way).
    virtual std::string conninfo(const std::string& dbname) const = 0;

    /// A connection string for `dbname` as the role that runs what the tree
    /// holds: its statements, the migrations made of it, and the reads of
    /// what they built. The tree is code: on the embedded server this role
    /// is no superuser (it cannot run a program or read a server file); with
    /// --dev-url it is the user of that URL.
    virtual std::string tree_conninfo(const std::string& dbname) const { return conninfo(dbname); }

    /// Creates a uniquely named empty database (or a copy of `template_db`),
    /// owned by the tree's role, and returns its name; it is dropped with the
    /// server object.
    Result<std::string> create_database(const std::string& template_db = "");
    Status drop_database(const std::string& dbname);
    /// Creates each role that does not exist yet, NOLOGIN, so the tree loads;
    /// the tree's role is made a member of each (ALTER DEFAULT PRIVILEGES FOR
    /// ROLE and OWNER TO need it), unless it is a superuser.
    Status ensure_roles(const std::vector<std::string>& roles);

    /// The server's version number (150018).
    Result<int> version() const;
    /// An administrator's connection to `dbname`.
    Result<runtime::Connection> connect(const std::string& dbname) const;
    /// A connection to `dbname` as the tree's role.
    Result<runtime::Connection> connect_tree(const std::string& dbname) const;

    /// The database holding the replayed history the server was started
    /// with (see open_server's `replay_key`), or "" when there is none.
    virtual std::string replayed_database() const { return ""; }
    /// Keeps this server's current cluster, where `dbname` holds the history
    /// with `key` replayed, so a later run starts from it. Best effort: the
    /// embedded server takes a base backup into its cache; others keep nothing.
    virtual void keep_replay(const std::string& /*key*/, const std::string& /*dbname*/) {}
    /// A tree materialized by an earlier run, kept with its cluster: the
    /// database holding it, what it was built of (shadow/incremental.h's
    /// Built, serialized) and the context it was built in (whatever the
    /// caller keyed it by).
    struct KeptTree {
        std::string database;
        std::string built;
        std::string context;
    };
    /// The kept tree this server was started with (open_server's
    /// `tree_key`), or nullopt.
    virtual std::optional<KeptTree> kept_tree() const { return std::nullopt; }
    /// Keeps this server's current cluster, where `tree.database` holds a
    /// tree materialized, so a later run updates it rather than
    /// materializing anew, under the `tree_key` the server was started with
    /// (none without one). Best effort, as keep_replay; the newest 4 keys
    /// are kept per server version.
    virtual void keep_tree(const KeptTree& /*tree*/) {}
    /// The role that owns the databases made here and runs the tree, when it
    /// is not the administrator ("").
    virtual std::string tree_role() const { return ""; }

  protected:
    /// The database to run CREATE / DROP DATABASE from.
    virtual std::string maintenance_database() const = 0;
    /// Drops every database made here, then closes the administrator's
    /// connection.
    void drop_all_databases();
    /// Closes the administrator's connection (before the server stops).
    void close_admin() { m_admin.reset(); }
    /// Takes `conn`, to the maintenance database, as the administrator's.
    void adopt_admin(runtime::Connection conn) { m_admin = std::move(conn); }

  private:
    Status grant_to_tree(runtime::Connection& admin, const std::string& role);
    /// The administrator's connection to the maintenance database, opened
    /// once: a connection costs a server process (about 20 ms here), and a
    /// run creates and drops several databases.
    Result<runtime::Connection*> admin() const;

    mutable std::optional<runtime::Connection> m_admin;
    std::vector<std::string> m_databases;
    int m_counter = 0;
};

/// Starts the embedded server: binaries from `pg_config --bindir`, PATH or
/// /usr/lib/postgresql/*/bin; a cluster initdb'd once into the cache directory
/// and copied per run (or the cached cluster kept for `replay_key`, when
/// there is one); a private unix socket; fsync off. As root, the server runs
/// as the `postgres` user. It is stopped on every exit path.
/// `major`: the target's major version, used when that server is installed.
/// `tree_key`: the key of the tree keep_tree keeps (a project's); start
/// from the tree kept under it instead, when there is one and `from_tree`.
Result<std::unique_ptr<Server>> start_embedded(const std::string& replay_key = "", int major = 0,
                                               const std::string& tree_key = "",
                                               bool from_tree = false);

/// Uses an existing server (`--dev-url`): only temporary databases are made there.
Result<std::unique_ptr<Server>> use_existing(const std::string& url);

/// The server for a run: `dev_url` when not empty, else the embedded one,
/// started from the history replayed under `replay_key` when it is cached,
/// of major version `major` when that is installed; from the kept tree
/// instead when `from_tree` and there is one under `tree_key`.
Result<std::unique_ptr<Server>> open_server(const std::string& dev_url,
                                            const std::string& replay_key = "", int major = 0,
                                            const std::string& tree_key = "",
                                            bool from_tree = false);

/// Stops every embedded server still running (for signal and exit handlers).
void stop_all_embedded() noexcept;

} // namespace schemac::shadow
