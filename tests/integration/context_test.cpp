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

TEST_CASE("an extension the shadow's server does not have is an error at its statement, "
          "naming the remedies") {
    TempProject project("context-extension");
    write_file(project.root / "schema/extensions.sql",
               "CREATE SCHEMA cron_jobs;\nCREATE EXTENSION pg_cron WITH SCHEMA cron_jobs;\n");
    auto plan = project.schemac("plan");
    CHECK(plan.exit_code == 1);
    CHECK(plan.out == "");
    CHECK_MESSAGE(plan.err.find("schema/extensions.sql:2:1:") != std::string::npos, plan.err);
    CHECK_MESSAGE(plan.err.find("the extension pg_cron is not installed on the server the shadow "
                                "runs on") != std::string::npos,
                  plan.err);
    CHECK(plan.err.find("--dev-url") != std::string::npos);
}

TEST_CASE(".schemacignore: what it matches on either side is left alone, with its parts; plan "
          "says how many") {
    auto db = database_from("CREATE TABLE public.users (id int PRIMARY KEY, name text);\n"
                            "CREATE TABLE public.tmp_import (id serial PRIMARY KEY, line text);\n"
                            "CREATE INDEX tmp_import_line_idx ON public.tmp_import (line);\n"
                            "CREATE SCHEMA partman;\n"
                            "CREATE TABLE partman.part_config (parent_table text PRIMARY KEY);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-ignore");
    write_file(project.root / "schema/users.sql",
               "CREATE TABLE public.users (id int PRIMARY KEY, name text, email text);\n"
               "CREATE TABLE public.tmp_scratch (id int);\n");

    // Without rules, public is the tree's, whole; partman, which neither
    // the tree nor a migration creates, is outside the managed scope.
    auto all = project.schemac("plan" + url);
    REQUIRE_MESSAGE(all.exit_code == 0, all.err);
    CHECK(all.out.find("DROP TABLE public.tmp_import") != std::string::npos);
    CHECK(all.out.find("partman") == std::string::npos);

    write_file(project.root / ".schemacignore",
               "# loaded by hand, and pg_partman's\ntable public.tmp_*\n* partman.*\n");
    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("Plan: 1 to create, 0 to alter, 0 to drop, 0 to rebuild") !=
          std::string::npos);
    CHECK(plan.out.find("tmp_") == std::string::npos);
    CHECK(plan.out.find("partman") == std::string::npos);
    // tmp_import, its two columns, its key, its index, its sequence; partman
    // and part_config with its column and key; the tree's tmp_scratch and
    // its column.
    CHECK_MESSAGE(plan.err.find("schemac: context left alone (.schemacignore, -- schemac:external, "
                                "outside the managed scope): "
                                "10 objects of the current state, 2 of the desired state") !=
                      std::string::npos,
                  plan.err);

    REQUIRE(project.schemac("diff -q --write email" + url).exit_code == 0);
    auto applied = project.schemac("apply" + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    auto dump = schema_dump(db);
    CHECK(dump.find("CREATE TABLE public.tmp_import") != std::string::npos);
    CHECK(dump.find("CREATE INDEX tmp_import_line_idx") != std::string::npos);
    CHECK(dump.find("CREATE TABLE partman.part_config") != std::string::npos);
    CHECK(dump.find("tmp_scratch") == std::string::npos);

    // Drift covers the scope: a whole schema left alone is not drift; a
    // table left alone by name still is (the runtime sees schemas only).
    REQUIRE(psql_apply(db, "ALTER TABLE partman.part_config ADD COLUMN note text;").exit_code == 0);
    auto status = project.schemac("status" + url);
    CHECK_MESSAGE(status.out.find("drift:\n  (none)") != std::string::npos, status.out);
    REQUIRE(psql_apply(db, "ALTER TABLE public.tmp_import ADD COLUMN note text;").exit_code == 0);
    status = project.schemac("status" + url);
    CHECK_MESSAGE(status.out.find("+ column public.tmp_import.note text") != std::string::npos,
                  status.out);

    write_file(project.root / ".schemacignore", "table public.tmp_*\npartman\n");
    auto bad = project.schemac("plan" + url);
    CHECK(bad.exit_code == 1);
    CHECK_MESSAGE(bad.err.find(".schemacignore:2: `partman` is no rule") != std::string::npos,
                  bad.err);
}

TEST_CASE("a Supabase-shaped target: the tree's objects are managed, the platform's schemas are "
          "context; external stubs stand in for what the tree uses, in every shadow") {
    // The platform: auth with more than the tree stubs, storage and
    // extensions the tree never creates, and its roles.
    const std::string platform =
        "DO $$ BEGIN CREATE ROLE anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n"
        "DO $$ BEGIN CREATE ROLE authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
        "END $$;\n"
        "DO $$ BEGIN CREATE ROLE service_role NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
        "END $$;\n"
        "CREATE SCHEMA auth;\n"
        "CREATE TABLE auth.users (id uuid PRIMARY KEY, email text);\n"
        "CREATE TABLE auth.sessions (id uuid PRIMARY KEY, user_id uuid REFERENCES auth.users);\n"
        "CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE\n"
        "    AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;\n"
        "CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE\n"
        "    AS $$ SELECT current_setting('request.jwt.claim.role', true) $$;\n"
        "CREATE SCHEMA storage;\n"
        "CREATE TABLE storage.buckets (id text PRIMARY KEY, name text);\n"
        "ALTER DEFAULT PRIVILEGES IN SCHEMA storage GRANT ALL ON TABLES TO service_role;\n"
        "CREATE SCHEMA extensions;\n"
        "CREATE EXTENSION \"uuid-ossp\" WITH SCHEMA extensions;\n";
    auto db = database_from(platform);
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    // Everything of the platform but auth.users, which gets the tree's
    // trigger; pg_dump's \restrict key differs on every run.
    auto platform_dump = [&] {
        auto dump = run(pg_bin("pg_dump") +
                        " --schema-only -n auth -n storage -n extensions -T auth.users -d " +
                        shell_quote(server().conninfo(db)) + " | grep -v '^\\\\'");
        return dump.out + query(db, "SELECT string_agg(attname || ' ' || atttypid::regtype, ', ' "
                                    "ORDER BY attnum) FROM pg_attribute WHERE attrelid = "
                                    "'auth.users'::regclass AND attnum > 0");
    };
    const std::string platform_before = platform_dump();

    TempProject project("context-external");
    write_file(
        project.root / "schema/platform.sql",
        "-- schemac:external\n"
        "-- What the platform provides, as much as the tree uses.\n"
        "CREATE SCHEMA auth;\n"
        "CREATE TABLE auth.users (id uuid PRIMARY KEY);\n"
        "CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS 'SELECT NULL::uuid';\n"
        "CREATE SCHEMA extensions;\n"
        "CREATE EXTENSION \"uuid-ossp\" WITH SCHEMA extensions;\n");
    const std::string profiles =
        "CREATE TABLE public.profiles (\n"
        "    id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE,\n"
        "    ref uuid NOT NULL DEFAULT extensions.uuid_generate_v4(),\n"
        "    name text\n"
        ");\n"
        "ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY own ON public.profiles TO authenticated USING (id = auth.uid());\n"
        "CREATE POLICY service ON public.profiles TO service_role USING (true);\n"
        "GRANT SELECT ON public.profiles TO anon;\n"
        "GRANT SELECT, INSERT, UPDATE ON public.profiles TO authenticated;\n"
        "GRANT ALL ON public.profiles TO service_role;\n"
        "-- schemac:external\n"
        "GRANT USAGE ON SCHEMA auth TO authenticated;\n"
        "CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql\n"
        "    SET search_path = '' AS $$\n"
        "BEGIN\n"
        "    INSERT INTO public.profiles (id) VALUES (NEW.id);\n"
        "    RETURN NEW;\n"
        "END $$;\n";
    const std::string trigger = "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users\n"
                                "    FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();\n";
    write_file(project.root / "schema/profiles.sql", profiles + trigger);

    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("Plan: 5 to create, 3 to alter, 0 to drop") != std::string::npos);
    CHECK(plan.out.find("CREATE TABLE public.profiles") != std::string::npos);
    CHECK(plan.out.find("CREATE POLICY own ON public.profiles") != std::string::npos);
    CHECK(plan.out.find("CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users") !=
          std::string::npos);
    CHECK(plan.out.find("TABLE auth.") == std::string::npos);
    CHECK(plan.out.find("SCHEMA") == std::string::npos);
    CHECK(plan.out.find("storage") == std::string::npos);
    CHECK(plan.out.find("sessions") == std::string::npos);
    CHECK(plan.out.find("EXTENSION") == std::string::npos);
    CHECK(plan.out.find("FUNCTION auth.") == std::string::npos);

    REQUIRE(project.schemac("diff -q --write profiles" + url).exit_code == 0);
    auto applied = project.schemac("apply" + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(platform_dump() == platform_before);
    CHECK(query(db, "SELECT tgname FROM pg_trigger WHERE tgrelid = 'auth.users'::regclass AND "
                    "NOT tgisinternal") == "on_auth_user_created");

    // The platform changes its own schemas: no change, no drift.
    REQUIRE(psql_apply(db, "ALTER TABLE auth.users ADD COLUMN phone text;\n"
                           "CREATE TABLE storage.objects (id int);\n"
                           "CREATE TABLE auth.mfa_factors (id int);")
                .exit_code == 0);
    auto again = project.schemac("plan --exit-code" + url);
    CHECK_MESSAGE(again.exit_code == 0, again.out << again.err);
    auto status = project.schemac("status" + url);
    CHECK_MESSAGE(status.exit_code == 0, status.out << status.err);
    CHECK_MESSAGE(status.out.find("drift:\n  (none)") != std::string::npos, status.out);
    // A change to the tree's own objects still is drift.
    REQUIRE(psql_apply(db, "ALTER TABLE public.profiles ADD COLUMN x int;").exit_code == 0);
    status = project.schemac("status" + url);
    CHECK_MESSAGE(status.out.find("+ column public.profiles.x integer") != std::string::npos,
                  status.out);
    REQUIRE(psql_apply(db, "ALTER TABLE public.profiles DROP COLUMN x;").exit_code == 0);
    // So is a change to what the history put on the platform's table.
    REQUIRE(psql_apply(db, "DROP TRIGGER on_auth_user_created ON auth.users;").exit_code == 0);
    status = project.schemac("status" + url);
    CHECK_MESSAGE(status.out.find("- trigger CREATE TRIGGER on_auth_user_created AFTER INSERT ON "
                                  "auth.users") != std::string::npos,
                  status.out);
    CHECK(status.out.find("phone") == std::string::npos);
    REQUIRE(psql_apply(db, trigger).exit_code == 0);

    // Without a database: generated/ replays on the stub.
    auto replayed = project.schemac("plan --exit-code");
    CHECK_MESSAGE(replayed.exit_code == 0, replayed.out << replayed.err);
    auto check = project.schemac("plan --check");
    CHECK_MESSAGE(check.exit_code == 0, check.out << check.err);

    // The trigger the history put on auth.users is the tree's: taken out of
    // the tree, it is dropped.
    write_file(project.root / "schema/profiles.sql", profiles);
    auto dropped = project.schemac("plan" + url);
    REQUIRE_MESSAGE(dropped.exit_code == 0, dropped.err);
    CHECK_MESSAGE(dropped.out.find("Plan: 0 to create, 0 to alter, 1 to drop") != std::string::npos,
                  dropped.out);
    CHECK(dropped.out.find("DROP TRIGGER on_auth_user_created ON auth.users") != std::string::npos);
}

TEST_CASE("the managed scope: a schema the history created is the tree's; one it never "
          "created is context") {
    auto db = database_from("CREATE SCHEMA legacy;\n"
                            "CREATE TABLE legacy.t (id int);\n"
                            "CREATE TABLE public.old (id int);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-scope");
    write_file(project.root / "schema/app.sql", "CREATE SCHEMA app;\n"
                                                "CREATE TABLE app.a (id int);\n");
    // public is managed: its table the tree does not have is dropped; legacy,
    // which neither the tree nor the history creates, is left alone.
    auto plan = project.schemac("plan -v" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK_MESSAGE(plan.out.find("Plan: 2 to create, 0 to alter, 1 to drop") != std::string::npos,
                  plan.out);
    CHECK(plan.out.find("DROP TABLE public.old") != std::string::npos);
    CHECK(plan.out.find("legacy") == std::string::npos);
    CHECK_MESSAGE(plan.err.find("schemac: managed scope: schemas app public") != std::string::npos,
                  plan.err);
    CHECK_MESSAGE(plan.err.find("schemac: left alone: schema legacy (2 objects in it)\n") !=
                      std::string::npos,
                  plan.err);
    REQUIRE(project.schemac("diff -q --write app" + url).exit_code == 0);
    REQUIRE(project.schemac("apply --allow-hazards data-loss" + url).exit_code == 0);

    // app leaves the tree: the history created it, so it is dropped.
    write_file(project.root / "schema/app.sql", "CREATE TABLE public.b (id int);\n");
    plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("DROP SCHEMA app") != std::string::npos);
    CHECK(plan.out.find("legacy") == std::string::npos);
    // --schemas names the scope instead.
    plan = project.schemac("plan --schemas public,legacy" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("DROP TABLE legacy.t") != std::string::npos);
}

TEST_CASE("--schemas scopes extensions too: one living elsewhere is context, in the shadow for "
          "what the managed schemas use of it, never emitted") {
    auto db = database_from("CREATE EXTENSION citext;\n"
                            "CREATE EXTENSION pg_trgm;\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-extension-scope");
    write_file(project.root / "schema/reporting.sql",
               "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;\n"
               "CREATE SCHEMA reporting;\n"
               "CREATE TABLE reporting.r (name public.citext);\n");
    for (const std::string& target : {url, std::string()}) {
        INFO("target: " << target);
        auto plan = project.schemac("plan --schemas reporting" + target);
        REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
        CHECK(plan.out.find("CREATE TABLE reporting.r") != std::string::npos);
        CHECK(plan.out.find("EXTENSION") == std::string::npos);
    }
    // Without --schemas, public is managed: citext is the tree's, pg_trgm
    // (in public, not in the tree) is dropped.
    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("DROP EXTENSION pg_trgm") != std::string::npos);
    CHECK(plan.out.find("EXTENSION citext") == std::string::npos);
}

TEST_CASE("with --url, what the tree uses of a schema it does not create is read from the "
          "target; dump --external writes it as stubs for plans without a database") {
    auto db = database_from(
        "CREATE SCHEMA auth;\n"
        "CREATE TABLE auth.users (id uuid PRIMARY KEY, email text);\n"
        "CREATE TABLE auth.sessions (id uuid PRIMARY KEY, user_id uuid REFERENCES auth.users);\n"
        "CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE\n"
        "    AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;\n"
        "CREATE SCHEMA storage;\n"
        "CREATE TABLE storage.buckets (id text PRIMARY KEY);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-from-target");
    write_file(project.root / "schema/profiles.sql",
               "CREATE TABLE public.profiles (\n"
               "    id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE\n"
               ");\n"
               "CREATE POLICY own ON public.profiles USING (id = auth.uid());\n"
               "CREATE FUNCTION public.on_user() RETURNS trigger LANGUAGE plpgsql AS\n"
               "    $$ BEGIN INSERT INTO public.profiles VALUES (NEW.id); RETURN NEW; END $$;\n"
               "CREATE TRIGGER on_user AFTER INSERT ON auth.users\n"
               "    FOR EACH ROW EXECUTE FUNCTION public.on_user();\n");

    // Without a database and without stubs, the reference is the error.
    auto alone = project.schemac("plan");
    CHECK(alone.exit_code == 1);
    CHECK_MESSAGE(alone.err.find("profiles.sql:2:36: schema \"auth\" does not exist") !=
                      std::string::npos,
                  alone.err);
    CHECK(alone.err.find("-- schemac:external") != std::string::npos);

    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK_MESSAGE(plan.err.find("schemac: context read from the target for the shadow (never "
                                "diffed): schema auth (") != std::string::npos,
                  plan.err);
    CHECK(plan.out.find("Plan: 4 to create, 0 to alter, 0 to drop") != std::string::npos);
    CHECK(plan.out.find("CREATE TRIGGER on_user AFTER INSERT ON auth.users") != std::string::npos);
    CHECK(plan.out.find("TABLE auth.") == std::string::npos);
    CHECK(plan.out.find("storage") == std::string::npos);
    REQUIRE(project.schemac("diff -q --write profiles" + url).exit_code == 0);
    auto applied = project.schemac("apply" + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    auto again = project.schemac("plan --exit-code" + url);
    CHECK_MESSAGE(again.exit_code == 0, again.out << again.err);

    // The stubs, from the target, for plans without it.
    auto dumped = project.schemac("dump --external" + url);
    REQUIRE_MESSAGE(dumped.exit_code == 0, dumped.err);
    std::string stubs = read_file(project.root / "schema/external.sql");
    CHECK(stubs.starts_with("-- schemac:external\n"));
    CHECK(stubs.find("CREATE TABLE auth.users") != std::string::npos);
    CHECK_MESSAGE(stubs.find("FUNCTION auth.uid()") != std::string::npos, stubs);
    CHECK(stubs.find("storage") == std::string::npos);
    CHECK(project.schemac("dump --external" + url).exit_code == 1); // it exists
    auto replayed = project.schemac("plan --exit-code");
    CHECK_MESSAGE(replayed.exit_code == 0, replayed.out << replayed.err);
    auto live = project.schemac("plan --exit-code" + url);
    CHECK_MESSAGE(live.exit_code == 0, live.out << live.err);
    CHECK(live.err.find("context read from the target") == std::string::npos);
}

TEST_CASE("with --url, what the target's own tables reference in a schema the tree does not name "
          "is read too, so the proof rebuilds the current state") {
    // public.orders references billing.accounts; the tree drops orders and
    // names billing nowhere: billing stays context, and the proof still
    // needs it to rebuild the current state.
    auto db = database_from("CREATE SCHEMA billing;\n"
                            "CREATE TABLE billing.accounts (id integer PRIMARY KEY);\n"
                            "CREATE TABLE public.orders (\n"
                            "    id integer PRIMARY KEY,\n"
                            "    account integer REFERENCES billing.accounts\n"
                            ");\n"
                            "CREATE TABLE public.keep (id integer);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-of-current");
    write_file(project.root / "schema/keep.sql", "CREATE TABLE public.keep (id integer);\n");
    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.out << plan.err);
    CHECK_MESSAGE(plan.out.find("Plan: 0 to create, 0 to alter, 1 to drop") != std::string::npos,
                  plan.out);
    CHECK(plan.out.find("DROP TABLE public.orders") != std::string::npos);
    CHECK(plan.out.find("billing.accounts") != std::string::npos); // its lock, not a change
    CHECK(plan.out.find("DROP TABLE billing") == std::string::npos);
    CHECK(plan.out.find("SCHEMA billing") == std::string::npos);
    // The tree was materialized without billing: the proof rebuilds the
    // current state instead of starting from the desired one.
    auto verbose = project.schemac("plan -v" + url);
    REQUIRE_MESSAGE(verbose.exit_code == 0, verbose.err);
    CHECK_MESSAGE(verbose.err.find("schemac: proof ") != std::string::npos, verbose.err);
    CHECK(verbose.err.find("proof (from the desired state)") == std::string::npos);
}

TEST_CASE("with --url, a type the target's own tables use from a schema the tree does not name "
          "is read too") {
    auto db = database_from("CREATE SCHEMA billing;\n"
                            "CREATE TYPE billing.currency AS ENUM ('eur', 'usd');\n"
                            "CREATE TABLE public.prices (id integer, currency billing.currency);\n"
                            "CREATE TABLE public.keep (id integer);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-of-current-type");
    write_file(project.root / "schema/keep.sql", "CREATE TABLE public.keep (id integer);\n");
    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.out << plan.err);
    CHECK_MESSAGE(plan.out.find("DROP TABLE public.prices") != std::string::npos, plan.out);
    CHECK(plan.out.find("DROP TYPE") == std::string::npos); // context
}

TEST_CASE("with --url, a foreign key from a context table to one the tree drops is on the "
          "proof's copy of the target too: the plan is refused, naming it, as the target would "
          "refuse the script") {
    auto db = database_from("CREATE SCHEMA billing;\n"
                            "CREATE TABLE public.orders (id integer PRIMARY KEY);\n"
                            "CREATE TABLE billing.invoices (\n"
                            "    id integer PRIMARY KEY,\n"
                            "    order_id integer REFERENCES public.orders\n"
                            ");\n"
                            "CREATE TABLE public.keep (id integer);\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-referencing-current");
    write_file(project.root / "schema/keep.sql", "CREATE TABLE public.keep (id integer);\n");
    auto plan = project.schemac("plan" + url);
    CHECK_MESSAGE(plan.exit_code == 1, plan.out << plan.err);
    CHECK_MESSAGE(plan.err.find("the plan drops table public.orders, which constraint "
                                "invoices_order_id_fkey ON billing.invoices (context, left "
                                "alone) depends on") != std::string::npos,
                  plan.err);
    // With the key out of the way, the same tree plans.
    REQUIRE(run(pg_bin("psql") + " -XAtq -d " + shell_quote(server().conninfo(db)) +
                " -c 'ALTER TABLE billing.invoices DROP CONSTRAINT invoices_order_id_fkey'")
                .exit_code == 0);
    plan = project.schemac("plan" + url);
    CHECK_MESSAGE(plan.exit_code == 0, plan.out << plan.err);
}

TEST_CASE("with --url, the schema a managed extension of the target lives in is read too, when "
          "the tree does not name it") {
    auto db = database_from("CREATE SCHEMA ext_old;\n"
                            "CREATE EXTENSION citext SCHEMA ext_old;\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-of-extension");
    write_file(project.root / "schema/ext.sql",
               "CREATE SCHEMA ext_new;\nCREATE EXTENSION citext SCHEMA ext_new;\n");
    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.out << plan.err);
    CHECK_MESSAGE(plan.out.find("SCHEMA ext_new") != std::string::npos, plan.out);
    CHECK(plan.out.find("DROP SCHEMA ext_old") == std::string::npos); // context
}

TEST_CASE("with --url, a publication is the project's when all it names is: one for all tables, "
          "one naming nothing and one publishing a schema outside the scope are left alone") {
    auto db = database_from("CREATE SCHEMA billing;\n"
                            "CREATE TABLE billing.accounts (id integer PRIMARY KEY);\n"
                            "CREATE TABLE public.keep (id integer PRIMARY KEY);\n"
                            "CREATE PUBLICATION supabase_realtime;\n"
                            "CREATE PUBLICATION everything FOR ALL TABLES;\n"
                            "CREATE PUBLICATION billing_feed FOR TABLE billing.accounts;\n"
                            "CREATE PUBLICATION mixed FOR TABLE billing.accounts, public.keep;\n"
                            "CREATE PUBLICATION old_feed FOR TABLE public.keep;\n");
    const std::string url = " --url " + shell_quote(server().conninfo(db));
    TempProject project("context-publications");
    write_file(project.root / "schema/keep.sql",
               "CREATE TABLE public.keep (id integer PRIMARY KEY);\n"
               "CREATE PUBLICATION feed FOR TABLE public.keep WITH (publish = 'insert');\n");
    auto plan = project.schemac("plan" + url);
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.out << plan.err);
    CHECK_MESSAGE(plan.out.find("Plan: 1 to create, 0 to alter, 1 to drop") != std::string::npos,
                  plan.out);
    CHECK(plan.out.find("CREATE PUBLICATION feed FOR TABLE ONLY public.keep WITH (publish = "
                        "'insert', publish_via_partition_root = false)") != std::string::npos);
    CHECK(plan.out.find("DROP PUBLICATION old_feed") != std::string::npos);
    for (const char* context : {"supabase_realtime", "everything", "billing_feed", "mixed"})
        CHECK_MESSAGE(plan.out.find(context) == std::string::npos, context);
}
