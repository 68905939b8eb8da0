// Objects schemac does not own: what the target holds beside the tree
// (grants to roles the tree never names) is context, left alone.

#include "harness.h"

#include <doctest/doctest.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace schemac::testing;

namespace {

/// One value from a query on database `db`.
std::string query(const std::string& db, const std::string& sql) {
    auto out = run(pg_bin("psql") + " -XAtq -d " + shell_quote(server().conninfo(db)) + " -c " +
                   shell_quote(sql));
    return out.out.substr(0, out.out.find('\n'));
}

/// schemac in `project`, its shadow the embedded server with the cache in
/// `cache`: a cluster of its own, which has only the roles schemac creates.
Output embedded(const TempProject& project, const std::string& cache,
                const std::string& arguments) {
    return run_in(project.root,
                  "SCHEMAC_CACHE_DIR=" + shell_quote((project.root / cache).string()) + " " +
                      schemac_cmd(arguments));
}

} // namespace

TEST_CASE("a live grant to a role the tree never names is context: planned and proven without "
          "it, kept by apply; with --roles it is managed and revoked") {
    // A role the shadow server does not have, with a name that needs quotes.
    const std::string role = "ctx reader " + std::to_string(getpid());
    const std::string quoted = "\"" + role + "\"";
    (void)psql_apply("postgres", "DROP ROLE IF EXISTS " + quoted);
    REQUIRE(psql_apply("postgres", "CREATE ROLE " + quoted + " NOLOGIN").exit_code == 0);
    auto db = database_from("CREATE TABLE public.users (id int PRIMARY KEY, name text);\n"
                            "GRANT SELECT ON TABLE public.users TO " +
                            quoted +
                            ";\n"
                            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO " +
                            quoted +
                            ";\n"
                            "ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;\n"
                            "CREATE POLICY staff ON public.users TO " +
                            quoted + " USING (true);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-roles");
    write_file(project.root / "schema/users.sql",
               "CREATE TABLE public.users (id int PRIMARY KEY, name text, email text);\n"
               "ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;\n");

    auto plan = embedded(project, "cache", "plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("REVOKE") == std::string::npos);
    CHECK(plan.out.find("ADD COLUMN email text") != std::string::npos);
    // The policy is an object on a managed table: the tree drops it; its
    // reverse names the role, which the shadow got to prove it.
    CHECK(plan.out.find("DROP POLICY staff ON public.users;") != std::string::npos);
    CHECK(plan.out.find("CREATE POLICY staff ON public.users TO " + quoted) != std::string::npos);
    CHECK_MESSAGE(plan.err.find("unmanaged in the current state (not diffed, left alone): "
                                "privileges of role " +
                                quoted + " (the tree does not name it; --roles manages it)") !=
                      std::string::npos,
                  plan.err);

    REQUIRE(embedded(project, "cache", "diff -q --write email" + url).exit_code == 0);
    auto applied = project.schemac("apply" + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(query(db, "SELECT has_table_privilege('" + role + "', 'public.users', 'SELECT')") == "t");
    CHECK(query(db, "SELECT count(*) FROM pg_default_acl") == "1");
    auto status = project.schemac("status" + url);
    CHECK_MESSAGE(status.exit_code == 0, status.out << status.err);

    // Managed: the grant and the default privilege the tree does not state go.
    auto managed = embedded(project, "cache", "plan --roles " + shell_quote(role) + url);
    REQUIRE_MESSAGE(managed.exit_code == 0, managed.err);
    CHECK(managed.out.find("REVOKE SELECT ON TABLE public.users FROM " + quoted + ";") !=
          std::string::npos);
    REQUIRE(embedded(project, "cache", "diff -q --write revoke --roles " + shell_quote(role) + url)
                .exit_code == 0);
    applied = project.schemac("apply" + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(query(db, "SELECT has_table_privilege('" + role + "', 'public.users', 'SELECT')") == "f");
    CHECK(query(db, "SELECT count(*) FROM pg_default_acl") == "0");

    // generated/ now names the role: its grants are managed without --roles.
    CHECK(psql_apply(db, "GRANT UPDATE ON TABLE public.users TO " + quoted).exit_code == 0);
    auto fresh = embedded(project, "fresh-cache", "plan" + url);
    REQUIRE_MESSAGE(fresh.exit_code == 0, fresh.err);
    CHECK(fresh.out.find("REVOKE UPDATE ON TABLE public.users FROM " + quoted + ";") !=
          std::string::npos);
}
