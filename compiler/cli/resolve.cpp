// `schemac resolve` and `schemac apply --baseline`: the runtime records the
// decision; what "applied" means comes from here, the history up to the
// migration replayed in the shadow.

#include "cli/commands.h"

#include "catalog/quote.h"
#include "runtime/connection.h"
#include "runtime/migrations.h"
#include "shadow/replay.h"
#include "shadow/server.h"

#include <iostream>

namespace schemac::cli {
namespace {

/// Roles of the live cluster (the history's GRANTs name them), the role
/// that applied `version` (which owns what it made), and the role connected.
struct LiveRoles {
    std::vector<std::string> roles;
    std::string applier;
    std::string current;
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
    auto current = conn->exec("SELECT current_user AS name");
    if (!current)
        return std::move(current).error();
    out.current = (*current)[0].text("name");
    auto history = conn->exec("SELECT to_regclass('schemac.schema_migrations') IS NOT NULL AS "
                              "has");
    if (!history)
        return std::move(history).error();
    if ((*history)[0].text("has") != "t")
        return out;
    auto applier = conn->exec("SELECT applied_by FROM schemac.schema_migrations WHERE version = $1",
                              {std::to_string(version)});
    if (!applier)
        return std::move(applier).error();
    out.applier = applier->empty() ? "" : (*applier)[0].text("applied_by");
    return out;
}

/// `text` with every whole occurrence of the role name `from` (as the
/// fingerprint writes it: an owner, a grantee or grantor in an ACL, the role
/// of default privileges) written as `to`.
std::string rename_role(const std::string& text, const std::string& from, const std::string& to) {
    auto boundary_before = [](char c) { return c == ' ' || c == '{' || c == ',' || c == '/'; };
    auto boundary_after = [](char c) {
        return c == ' ' || c == '=' || c == ',' || c == '/' || c == '}' || c == '\n';
    };
    std::string out;
    std::size_t at = 0;
    for (std::size_t found; (found = text.find(from, at)) != std::string::npos;) {
        std::size_t end = found + from.size();
        bool whole = found > 0 && boundary_before(text[found - 1]) &&
                     (end == text.size() || boundary_after(text[end]));
        out.append(text, at, found - at).append(whole ? to : from);
        at = end;
    }
    return out.append(text, at);
}

/// The catalogs the history up to `version` leaves, replayed in the shadow:
/// before its first migration and after each. What the replay's role owns
/// and granted is written as owned and granted by `owner` (a history applied
/// by several roles is then refused, never wrongly accepted).
Result<std::vector<runtime::Fingerprint>> replayed_catalogs(const GlobalOptions& global,
                                                            const std::vector<std::string>& roles,
                                                            const std::string& owner, int version) {
    auto dir = runtime::read_verified_migrations(global.dir);
    if (!dir)
        return dir.error();
    std::erase_if(dir->migrations,
                  [&](const runtime::Migration& m) { return std::stoi(m.version) > version; });
    auto server = shadow::open_server(global.dev_url);
    if (!server)
        return server.error();
    if (auto made = (*server)->ensure_roles(roles); !made)
        return made.error();
    std::vector<runtime::Fingerprint> out;
    auto read = [&](const std::string& db, std::size_t) -> Status {
        auto tree = (*server)->connect_tree(db);
        if (!tree)
            return tree.error();
        auto runner = tree->exec("SELECT current_user AS name");
        if (!runner)
            return std::move(runner).error();
        auto replayed = runtime::fingerprint(*tree);
        if (!replayed)
            return std::move(replayed).error();
        if (!owner.empty()) {
            std::string replayer = catalog::quote_ident((*runner)[0].text("name"));
            replayed->text = rename_role(replayed->text, replayer, catalog::quote_ident(owner));
            replayed->sha256.clear(); // compared by text
        }
        out.push_back(std::move(*replayed));
        return Ok{};
    };
    if (auto db = shadow::replay(**server, *dir, read); !db)
        return db.error();
    return out;
}

} // namespace

int run_resolve(const GlobalOptions& global, runtime::DeployOptions deploy,
                runtime::ResolveRequest request) {
    std::string url = deploy.url;
    request.expected_after = [&](int version) -> Result<runtime::Fingerprint> {
        auto roles = live_roles(url, version);
        if (!roles)
            return roles.error();
        auto catalogs = replayed_catalogs(global, roles->roles, roles->applier, version);
        if (!catalogs)
            return catalogs.error();
        return std::move(catalogs->back());
    };
    return runtime::resolve(deploy, request, std::cout, std::cerr);
}

int run_baseline(const GlobalOptions& global, runtime::DeployOptions deploy,
                 const std::string& version) {
    std::string url = deploy.url;
    runtime::BaselineRequest request{
        version, [&](int up_to) {
            auto roles = live_roles(url, up_to);
            if (!roles)
                return Result<std::vector<runtime::Fingerprint>>(roles.error());
            // What the migrations make is owned by the role
            // that records the baseline, as if it applied them.
            return replayed_catalogs(global, roles->roles, roles->current, up_to);
        }};
    return runtime::baseline(deploy, request, std::cout, std::cerr);
}

} // namespace schemac::cli
