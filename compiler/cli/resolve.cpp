// `schemac resolve`: the runtime records the decision; what "applied" means
// comes from here, the history up to the migration replayed in the shadow.

#include "cli/commands.h"

#include "catalog/quote.h"
#include "runtime/connection.h"
#include "runtime/migrations.h"
#include "shadow/replay.h"
#include "shadow/server.h"

#include <iostream>

namespace schemac::cli {
namespace {

/// Roles of the live cluster (the history's GRANTs name them) and the role
/// that applied `version`, which owns what it made.
struct LiveRoles {
    std::vector<std::string> roles;
    std::string applier;
};
Result<LiveRoles> live_roles(const std::string& url, int version) {
    auto conn = runtime::Connection::open(url);
    if (!conn)
        return Error(runtime::connect_error("", url, conn.error().message));
    auto rows = conn->exec("SELECT rolname AS role FROM pg_catalog.pg_roles WHERE rolname !~ "
                           "'^pg_' ORDER BY 1");
    if (!rows)
        return std::move(rows).error();
    LiveRoles out;
    for (auto row : *rows)
        out.roles.push_back(row.text("role"));
    auto applier = conn->exec("SELECT applied_by FROM schemac.schema_migrations WHERE version = $1",
                              {std::to_string(version)});
    if (!applier)
        return std::move(applier).error();
    out.applier = applier->empty() ? "" : (*applier)[0].text("applied_by");
    return out;
}

/// The catalog the history up to `version` leaves, replayed in the shadow
/// and owned as the live one is: by the role that applied it.
Result<runtime::Fingerprint> replayed_catalog(const GlobalOptions& global, const std::string& url,
                                              int version) {
    auto roles = live_roles(url, version);
    if (!roles)
        return roles.error();
    auto dir = runtime::read_verified_migrations(global.dir);
    if (!dir)
        return dir.error();
    std::erase_if(dir->migrations,
                  [&](const runtime::Migration& m) { return std::stoi(m.version) > version; });
    auto server = shadow::open_server(global.dev_url);
    if (!server)
        return server.error();
    if (auto made = (*server)->ensure_roles(roles->roles); !made)
        return made.error();
    auto db = shadow::replay(**server, *dir);
    if (!db)
        return db.error();
    auto admin = (*server)->connect(*db);
    if (!admin)
        return admin.error();
    auto tree = (*server)->connect_tree(*db);
    auto runner =
        tree ? tree->exec("SELECT current_user AS name") : Result<runtime::Rows>(tree.error());
    if (!runner)
        return runner.error();
    std::string replayer = (*runner)[0].text("name");
    if (!roles->applier.empty() && replayer != roles->applier)
        if (auto given = admin->exec("REASSIGN OWNED BY " + catalog::quote_ident(replayer) +
                                     " TO " + catalog::quote_ident(roles->applier));
            !given)
            return std::move(given).error();
    return runtime::fingerprint(*admin);
}

} // namespace

int run_resolve(const GlobalOptions& global, runtime::DeployOptions deploy,
                runtime::ResolveRequest request) {
    std::string url = deploy.url;
    request.expected_after = [&](int version) { return replayed_catalog(global, url, version); };
    return runtime::resolve(deploy, request, std::cout, std::cerr);
}

} // namespace schemac::cli
