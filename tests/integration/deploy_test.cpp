// The deploy runtime against a real server: apply, status and rollback with
// their lock, history, checksums, drift and resume.

#include "harness.h"

#include <chrono>
#include <cstdlib>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace schemac::testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// A migration directory of hand-written pairs, summed with `schemac hash`.
class History {
  public:
    explicit History(const std::string& name)
        : m_dir(fs::temp_directory_path() /
                ("schemac-deploy-test-" + name + "-" + std::to_string(getpid()))) {
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    ~History() { fs::remove_all(m_dir); }

    void add(const std::string& id, const std::string& up, const std::string& down) {
        write_file(m_dir / (id + ".up.sql"), up);
        write_file(m_dir / (id + ".down.sql"), down);
        rehash();
    }
    void rehash() { REQUIRE(run(schemac_cmd("hash -q --dir " + dir())).exit_code == 0); }
    std::string dir() const { return shell_quote(m_dir.string()); }
    fs::path path() const { return m_dir; }

  private:
    fs::path m_dir;
};

/// A fresh, empty database and what it takes to reach it.
struct Database {
    std::string name = database_from("");
    std::string url = server().conninfo(name);

    Output schemac(const std::string& command, const History& history,
                   const std::string& extra = "") const {
        return run(schemac_cmd(command + " --url " + shell_quote(url) + " --dir " + history.dir() +
                               " " + extra));
    }
    std::string query(const std::string& sql) const {
        auto out =
            run(pg_bin("psql") + " -X -A -t -q -d " + shell_quote(url) + " -c " + shell_quote(sql));
        REQUIRE_MESSAGE(out.exit_code == 0, out.err);
        return out.out;
    }
    std::string history_rows() const {
        return query("SELECT string_agg(version || ' ' || name || ' ' || state, ', ' ORDER BY "
                     "version) FROM schemac.schema_migrations");
    }
    /// Everything outside schemac's own schema, by definition.
    std::string catalog() const {
        auto out = run(pg_bin("pg_dump") + " --schema-only --exclude-schema=schemac -d " +
                       shell_quote(url) + " | grep -v -e '^--' -e '^SET' -e '^$' -e '^\\\\'");
        return out.out;
    }
};

constexpr const char* k_posts_up = "-- schemac:step create table public.posts\n"
                                   "CREATE TABLE public.posts (id bigint PRIMARY KEY);\n";
constexpr const char* k_posts_down = "-- schemac:step drop table public.posts\n"
                                     "DROP TABLE public.posts;\n";

} // namespace

TEST_CASE("apply, status and rollback: the history records each step and undoes it") {
    History history("basic");
    history.add("0001_posts", k_posts_up, k_posts_down);
    history.add("0002_title",
                "-- schemac:step alter table public.posts\n"
                "ALTER TABLE public.posts ADD COLUMN title text;\n",
                "-- schemac:step alter table public.posts\n"
                "ALTER TABLE public.posts DROP COLUMN title;\n");
    Database db;
    auto pending = db.schemac("status", history);
    CHECK(pending.exit_code == 2);
    CHECK(contains(pending.out, "pending:\n  0001_posts\n  0002_title\n"));
    CHECK(contains(pending.out, "next:\n  schemac apply\n"));

    auto dry = db.schemac("apply --dry-run", history);
    CHECK(dry.exit_code == 0);
    CHECK(contains(dry.out, "ALTER TABLE public.posts ADD COLUMN title text;"));
    CHECK(db.query("SELECT to_regclass('public.posts') IS NULL") == "t\n");

    auto first = db.schemac("apply --to 1", history);
    CHECK_MESSAGE(first.exit_code == 0, first.err);
    CHECK(db.history_rows() == "1 posts applied\n");
    auto all = db.schemac("apply", history);
    CHECK_MESSAGE(all.exit_code == 0, all.err);
    CHECK(contains(all.err, "applied 0002_title"));
    CHECK(db.history_rows() == "1 posts applied, 2 title applied\n");
    CHECK(db.query("SELECT count(*) FROM schemac.schema_migrations WHERE applied_by = "
                   "session_user AND duration_ms >= 0 AND fingerprint_after ~ '^[0-9a-f]{64}$'") ==
          "2\n");
    auto current = db.schemac("status", history);
    CHECK(current.exit_code == 0);
    CHECK(contains(current.out, "pending:\n  (none)\n"));

    // The history's linearity is the table's own: a second first row or a
    // second successor is refused by its constraints.
    CHECK(run(pg_bin("psql") + " -X -q -d " + shell_quote(db.url) +
              " -c \"INSERT INTO schemac.schema_migrations (version, name, up_sha256, "
              "down_sha256, fingerprint_before, state) VALUES (5, 'x', repeat('a', 64), "
              "repeat('a', 64), repeat('a', 64), 'applying')\"")
              .exit_code != 0);

    auto back = db.schemac("rollback", history);
    CHECK_MESSAGE(back.exit_code == 0, back.err);
    CHECK(db.history_rows() == "1 posts applied\n");
    CHECK(db.query("SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.posts'::regclass "
                   "AND attname = 'title'") == "0\n");
    CHECK(db.schemac("apply", history).exit_code == 0);
    CHECK(db.schemac("rollback --steps 2", history).exit_code == 0);
    CHECK(db.history_rows() == "\n");
    CHECK(db.catalog() == Database{}.catalog());
    CHECK(db.schemac("rollback", history).exit_code == 0);
}

TEST_CASE("a migration failing on its third statement changes nothing and names file:line") {
    History history("failing");
    history.add("0001_posts", k_posts_up, k_posts_down);
    history.add("0002_broken",
                "-- schemac migration 0002_broken (up)\n"
                "\n"
                "-- schemac:step create table public.a\n"
                "CREATE TABLE public.a (id int);\n"
                "\n"
                "-- schemac:step create table public.b\n"
                "CREATE TABLE public.b (id int);\n"
                "-- schemac:step alter table public.posts\n"
                "ALTER TABLE public.posts\n"
                "    ADD COLUMN author_id bigint REFERENCES public.authors (id);\n",
                "DROP TABLE public.b;\nDROP TABLE public.a;\n");
    Database db;
    REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);
    std::string before = db.catalog();
    std::string rows_before = db.history_rows();
    auto failed = db.schemac("apply", history);
    CHECK(failed.exit_code == 1);
    CHECK_MESSAGE(contains(failed.err, (history.path() / "0002_broken.up.sql").string() +
                                           ":9: relation \"public.authors\" does not exist"),
                  failed.err);
    CHECK(contains(failed.err, "nothing of 0002_broken was applied"));
    CHECK(db.catalog() == before);
    // The attempt is recorded as failed, with why.
    CHECK(db.history_rows() == "1 posts applied, 2 broken failed\n");
    CHECK(contains(db.query("SELECT error FROM schemac.schema_migrations WHERE version = 2"),
                   "relation \"public.authors\" does not exist"));
    auto shown = db.schemac("status", history);
    CHECK(shown.exit_code == 1);
    CHECK_MESSAGE(contains(shown.out, "0002_broken  FAILED, nothing of it applied: "), shown.out);
    CHECK_MESSAGE(contains(shown.out, "next:\n  fix 0002_broken"), shown.out);
    CHECK(contains(db.schemac("apply", history).err, "nothing of 0002_broken was applied"));
    CHECK(db.history_rows() == "1 posts applied, 2 broken failed\n");

    // Fixed and summed again, it applies; the failed record is replaced.
    history.add("0002_broken", "CREATE TABLE public.a (id int);\nCREATE TABLE public.b (id int);\n",
                "DROP TABLE public.b;\nDROP TABLE public.a;\n");
    auto fixed = db.schemac("apply", history);
    CHECK_MESSAGE(fixed.exit_code == 0, fixed.err);
    CHECK(db.history_rows() == "1 posts applied, 2 broken applied\n");
    CHECK(db.schemac("status", history).exit_code == 0);
}

TEST_CASE("a failed attempt on record: rollback clears it and undoes what is applied") {
    History history("failed-rollback");
    history.add("0001_posts", k_posts_up, k_posts_down);
    history.add("0002_broken", "CREATE TABLE public.a (id int REFERENCES public.nowhere);\n",
                "DROP TABLE public.a;\n");
    Database db;
    REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);
    // A history table made by an older schemac, without the failed state.
    db.query("ALTER TABLE schemac.schema_migrations DROP COLUMN error, DROP CONSTRAINT "
             "schema_migrations_state_check, ADD CONSTRAINT schema_migrations_state_check CHECK "
             "(state IN ('applying', 'applied', 'reverting'))");
    CHECK(db.schemac("status", history).exit_code == 2);
    CHECK(db.schemac("apply", history).exit_code == 1);
    CHECK(db.history_rows() == "1 posts applied, 2 broken failed\n");
    auto back = db.schemac("rollback", history);
    CHECK_MESSAGE(back.exit_code == 0, back.err);
    CHECK_MESSAGE(contains(back.err, "cleared the failed attempt of 0002_broken"), back.err);
    CHECK(db.history_rows() == "\n");
}

TEST_CASE("a connection lost during COMMIT: the history on a new connection says what happened") {
    History history("lost-commit");
    history.add("0001_posts", k_posts_up, k_posts_down);
    // A deferred trigger fires at COMMIT and ends its own backend there.
    history.add("0002_doomed",
                "-- schemac:step create table public.doomed\n"
                "CREATE TABLE public.doomed (id int);\n"
                "CREATE FUNCTION public.end_session() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                "BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$;\n"
                "CREATE CONSTRAINT TRIGGER doomed AFTER INSERT ON public.doomed\n"
                "    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW\n"
                "    EXECUTE FUNCTION public.end_session();\n"
                "INSERT INTO public.doomed VALUES (1);\n",
                "DROP TABLE public.doomed;\nDROP FUNCTION public.end_session();\n");
    Database db;
    REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);
    std::string before = db.catalog();
    auto lost = db.schemac("apply", history);
    CHECK(lost.exit_code == 1);
    CHECK_MESSAGE(contains(lost.err, "the connection was lost during the COMMIT of 0002_doomed; "
                                     "the history read on a new connection shows it was not "
                                     "applied"),
                  lost.err);
    CHECK_FALSE(contains(lost.err, "was rolled back"));
    CHECK(db.catalog() == before);
    CHECK(db.history_rows() == "1 posts applied\n");
}

TEST_CASE("resolve records a person's decision only when the database is what it means") {
    History history("resolve");
    history.add("0001_t", "CREATE TABLE public.t (id int PRIMARY KEY, v int);\n",
                "DROP TABLE public.t;\n");
    history.add("0002_x",
                "-- schemac:step create table public.a\n"
                "CREATE TABLE public.a (id int);\n"
                "-- schemac:step create index public.t_v_key (concurrently)\n"
                "-- schemac:no-transaction\n"
                "CREATE UNIQUE INDEX CONCURRENTLY t_v_key ON public.t USING btree (v);\n"
                "-- schemac:step create table public.b\n"
                "CREATE TABLE public.b (id int);\n",
                "DROP TABLE public.b;\nDROP INDEX public.t_v_key;\nDROP TABLE public.a;\n");
    // Rows the unique index cannot be built over stop 0002 after its first step.
    auto interrupted = [&](const Database& db) {
        REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);
        db.query("INSERT INTO public.t VALUES (1, 7), (2, 7)");
        REQUIRE(db.schemac("apply", history).exit_code == 1);
        REQUIRE(db.history_rows() == "1 t applied, 2 x applying\n");
    };

    Database applied;
    interrupted(applied);
    auto early = applied.schemac("resolve 0002 --as applied", history);
    CHECK(early.exit_code == 1);
    CHECK_MESSAGE(contains(early.err, "refusing to record 0002_x as applied: the live catalog is "
                                      "not what 0002_x leaves when applied"),
                  early.err);
    CHECK(contains(early.err, "- relation public.b kind r"));
    CHECK(contains(early.err, "- index CREATE UNIQUE INDEX t_v_key ON public.t"));
    CHECK(applied.history_rows() == "1 t applied, 2 x applying\n");
    // Done by hand: the duplicate removed, the rest of the migration run.
    applied.query("DELETE FROM public.t WHERE id = 2; CREATE UNIQUE INDEX t_v_key ON public.t "
                  "USING btree (v); CREATE TABLE public.b (id int)");
    auto done = applied.schemac("resolve 0002 --as applied", history);
    CHECK_MESSAGE(done.exit_code == 0, done.err);
    CHECK(applied.history_rows() == "1 t applied, 2 x applied\n");
    CHECK(applied.schemac("status", history).exit_code == 0);

    Database reverted;
    interrupted(reverted);
    auto refused = reverted.schemac("resolve 0002 --as reverted", history);
    CHECK(refused.exit_code == 1);
    CHECK_MESSAGE(contains(refused.err, "refusing to record 0002_x as reverted"), refused.err);
    CHECK(contains(refused.err, "+ relation public.a kind r"));
    CHECK(reverted.history_rows() == "1 t applied, 2 x applying\n");
    reverted.query("DROP TABLE public.a");
    auto undone = reverted.schemac("resolve 0002 --as reverted", history);
    CHECK_MESSAGE(undone.exit_code == 0, undone.err);
    CHECK(reverted.history_rows() == "1 t applied\n");
    CHECK(reverted.schemac("status", history).exit_code == 2); // 0002 pending again

    auto wrong = reverted.schemac("resolve 0001 --as reverted", history);
    CHECK(wrong.exit_code == 1);
    CHECK(contains(wrong.err, "0001_t is applied, not interrupted"));
}

TEST_CASE("a changed applied file, a changed sum and drift are refused") {
    History history("checks");
    history.add("0001_posts", k_posts_up, k_posts_down);
    Database db;
    REQUIRE(db.schemac("apply", history).exit_code == 0);

    // An applied file edited and re-summed: the history's checksum disagrees.
    fs::path up = history.path() / "0001_posts.up.sql";
    write_file(up, read_file(up) + "CREATE INDEX ON public.posts (id);\n");
    history.rehash();
    auto changed = db.schemac("apply", history);
    CHECK(changed.exit_code == 1);
    CHECK(contains(changed.err, up.string() + " changed after it was applied"));
    auto changed_status = db.schemac("status", history);
    CHECK(changed_status.exit_code == 1);
    CHECK(contains(changed_status.out, up.string() + " changed after it was applied"));
    CHECK(db.schemac("rollback", history).exit_code == 1);

    // Edited without re-summing: the sum file disagrees.
    write_file(up, k_posts_up);
    auto sum = db.schemac("apply", history);
    CHECK(sum.exit_code == 1);
    CHECK(contains(sum.err, up.string() + " changed since the sum was written"));
    history.rehash();

    // Drift: a column added by hand is named, and blocks the next apply.
    history.add("0002_more", "CREATE TABLE public.more (id int);\n", "DROP TABLE public.more;\n");
    db.query("ALTER TABLE public.posts ADD COLUMN sneaky text");
    auto status = db.schemac("status", history);
    CHECK(status.exit_code == 1);
    CHECK(contains(status.out, "drift:\n  + column public.posts.sneaky text\n"));
    auto refused = db.schemac("apply", history);
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "+ column public.posts.sneaky text"));
    CHECK(db.query("SELECT to_regclass('public.more') IS NULL") == "t\n");
    auto allowed = db.schemac("apply --allow-drift", history);
    CHECK_MESSAGE(allowed.exit_code == 0, allowed.err);
    CHECK(db.schemac("status", history).exit_code == 0);
}

TEST_CASE("drift in default privileges is reported by status and refused by apply") {
    History history("default-privileges");
    history.add("0001_posts", k_posts_up, k_posts_down);
    Database db;
    REQUIRE(db.schemac("apply", history).exit_code == 0);
    history.add("0002_more", "CREATE TABLE public.more (id int);\n", "DROP TABLE public.more;\n");
    db.query("DO $$ BEGIN CREATE ROLE schemac_drift_reader NOLOGIN; "
             "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    db.query("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO "
             "schemac_drift_reader");
    // The tests' server's superuser (the embedded server's, schemac_admin).
    std::string line = "+ default privileges for schemac_admin in public on r acl "
                       "{schemac_drift_reader=r/schemac_admin}";
    auto status = db.schemac("status", history);
    CHECK(status.exit_code == 1);
    CHECK_MESSAGE(contains(status.out, "drift:\n  " + line + "\n"), status.out);
    auto refused = db.schemac("apply", history);
    CHECK(refused.exit_code == 1);
    CHECK_MESSAGE(contains(refused.err, line), refused.err);
    CHECK(db.query("SELECT to_regclass('public.more') IS NULL") == "t\n");
    // Undone by hand, the catalog is what the history says again.
    db.query("ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM "
             "schemac_drift_reader");
    auto applied = db.schemac("apply", history);
    CHECK_MESSAGE(applied.exit_code == 0, applied.err);
}

TEST_CASE("drift of every kind the history records: owner, rule, replica identity, column "
          "settings, publication, extended statistics") {
    History history("drift-kinds");
    history.add("0001_t",
                "CREATE TABLE public.t (id int PRIMARY KEY, a int, b int, c text);\n"
                "CREATE TABLE public.log (id int);\n",
                "DROP TABLE public.log;\nDROP TABLE public.t;\n");
    Database db;
    REQUIRE(db.schemac("apply", history).exit_code == 0);
    REQUIRE(db.schemac("status", history).exit_code == 0);
    db.query("DO $$ BEGIN CREATE ROLE schemac_drift_owner NOLOGIN; "
             "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    struct Case {
        const char* change;
        const char* undo;
        const char* line;
    };
    for (const Case& c : std::initializer_list<Case>{
             {"ALTER TABLE public.t OWNER TO schemac_drift_owner",
              "ALTER TABLE public.t OWNER TO CURRENT_USER",
              "+ owner of relation public.t schemac_drift_owner"},
             {"CREATE RULE keep AS ON DELETE TO public.log DO INSTEAD NOTHING",
              "DROP RULE keep ON public.log", "+ rule CREATE RULE keep AS"},
             {"ALTER TABLE public.t REPLICA IDENTITY FULL",
              "ALTER TABLE public.t REPLICA IDENTITY DEFAULT", "+ replica identity public.t f"},
             {"ALTER TABLE public.t ALTER COLUMN a SET STATISTICS 500",
              "ALTER TABLE public.t ALTER COLUMN a SET STATISTICS -1",
              "+ column settings public.t.a statistics 500"},
             {"ALTER TABLE public.t ALTER COLUMN c SET STORAGE EXTERNAL",
              "ALTER TABLE public.t ALTER COLUMN c SET STORAGE EXTENDED",
              "+ column settings public.t.c storage e"},
             {"CREATE PUBLICATION schemac_drift_pub FOR TABLE public.t",
              "DROP PUBLICATION schemac_drift_pub",
              "+ publication schemac_drift_pub table public.t"},
             {"CREATE STATISTICS public.t_ab (dependencies) ON a, b FROM public.t",
              "DROP STATISTICS public.t_ab", "+ statistics CREATE STATISTICS public.t_ab"},
         }) {
        INFO(c.change);
        db.query(c.change);
        auto status = db.schemac("status", history);
        CHECK(status.exit_code == 1);
        CHECK_MESSAGE(contains(status.out, c.line), status.out);
        db.query(c.undo);
        CHECK_MESSAGE(db.schemac("status", history).exit_code == 0, "after: " << c.undo);
    }
}

TEST_CASE("a history recorded with the first fingerprint is compared at that version") {
    History history("fingerprint-v1");
    history.add("0001_posts", k_posts_up, k_posts_down);
    Database db;
    REQUIRE(db.schemac("apply", history).exit_code == 0);
    // What a schemac of fingerprint version 1 recorded: no version line, and
    // none of the lines version 2 added (owners, here).
    db.query("UPDATE schemac.schema_migrations SET catalog_after = v1, fingerprint_after = "
             "encode(sha256(convert_to(v1, 'UTF8')), 'hex') FROM (SELECT string_agg(line || "
             "E'\\n', '' ORDER BY n) AS v1 FROM schemac.schema_migrations, "
             "regexp_split_to_table(rtrim(catalog_after, E'\\n'), E'\\n') WITH ORDINALITY "
             "AS l(line, n) WHERE line !~ '^(fingerprint v|owner of )') AS old");
    CHECK(db.query("SELECT catalog_after LIKE 'fingerprint v%' FROM "
                   "schemac.schema_migrations") == "f\n");
    auto status = db.schemac("status", history);
    CHECK_MESSAGE(status.exit_code == 0, status.out);
    db.query("ALTER TABLE public.posts ADD COLUMN note text");
    auto drifted = db.schemac("status", history);
    CHECK(drifted.exit_code == 1);
    CHECK_MESSAGE(contains(drifted.out, "drift:\n  + column public.posts.note text\n"),
                  drifted.out);
}

TEST_CASE("a data-loss step is refused, named, until --allow-hazards data-loss") {
    History history("hazards");
    history.add("0001_posts",
                "-- schemac:step create table public.posts\n"
                "CREATE TABLE public.posts (id bigint PRIMARY KEY, legacy text);\n",
                k_posts_down);
    history.add("0002_drop_legacy",
                "-- schemac:step drop column public.posts.legacy\n"
                "-- hazard data-loss: drops column public.posts.legacy and its data\n"
                "ALTER TABLE public.posts DROP COLUMN legacy;\n",
                "ALTER TABLE public.posts ADD COLUMN legacy text;\n");
    Database db;
    auto refused = db.schemac("apply", history);
    CHECK(refused.exit_code == 1);
    CHECK_MESSAGE(refused.err.find((history.path() / "0002_drop_legacy.up.sql").string() +
                                   ":2: drop column public.posts.legacy: data-loss: drops column "
                                   "public.posts.legacy and its data") != std::string::npos,
                  refused.err);
    CHECK(refused.err.find("--allow-hazards data-loss") != std::string::npos);
    // Refused before anything ran: not even the harmless first migration.
    CHECK(db.history_rows() == "\n");
    CHECK(db.schemac("apply", history, "--allow-hazards table-rewrite").exit_code == 1);
    CHECK(db.schemac("apply", history, "--allow-hazards everything").exit_code == 1);
    auto allowed = db.schemac("apply", history, "--allow-hazards data-loss");
    CHECK_MESSAGE(allowed.exit_code == 0, allowed.err);
    CHECK(db.history_rows() == "1 posts applied, 2 drop_legacy applied\n");
}

TEST_CASE("two applies at once: one applies, the other waits and finds nothing pending") {
    History history("concurrent");
    history.add("0001_slow",
                "-- schemac:step create table public.slow\n"
                "CREATE TABLE public.slow (id int);\nSELECT pg_sleep(2);\n",
                "DROP TABLE public.slow;\n");
    Database db;
    std::string apply =
        schemac_cmd("apply --url " + shell_quote(db.url) + " --dir " + history.dir());
    auto both = run("(" + apply + " 2>&1 | sed 's/^/A: /') & sleep 0.5; (" + apply +
                    " 2>&1 | sed 's/^/B: /'); wait");
    CHECK(both.exit_code == 0);
    CHECK_MESSAGE(contains(both.out, "B: schemac: waiting for another schemac apply"), both.out);
    CHECK(contains(both.out, "B: schemac: nothing to apply"));
    CHECK(contains(both.out, "A: schemac: applied 0001_slow"));
    CHECK(db.history_rows() == "1 slow applied\n");

    // --no-wait does not queue behind a running apply.
    history.add("0002_slower", "SELECT pg_sleep(2);\n", "SELECT 1;\n");
    auto no_wait = run("(" + apply + " >/dev/null 2>&1) & sleep 0.5; " + apply +
                       " --no-wait; rc=$?; wait; exit $rc");
    CHECK(no_wait.exit_code == 1);
    CHECK(contains(no_wait.err, "not waiting (--no-wait)"));
    CHECK(db.history_rows() == "1 slow applied, 2 slower applied\n");
}

TEST_CASE("five applies at once over concurrent index builds: all succeed, each version once") {
    // A session waiting for the advisory lock must hold no snapshot: a
    // concurrent index build waits for every older snapshot to go.
    History history("concurrent-index");
    history.add("0001_items",
                "-- schemac:step create table public.items\n"
                "CREATE TABLE public.items (id int, a int, b int);\n"
                "INSERT INTO public.items SELECT g, g, g FROM generate_series(1, 20000) g;\n",
                "DROP TABLE public.items;\n");
    history.add("0002_indexes",
                "-- schemac:step create index public.items_a_idx (concurrently)\n"
                "-- schemac:no-transaction\n"
                "CREATE INDEX CONCURRENTLY items_a_idx ON public.items (a);\n"
                "-- schemac:step create index public.items_b_idx (concurrently)\n"
                "-- schemac:no-transaction\n"
                "CREATE INDEX CONCURRENTLY items_b_idx ON public.items (b);\n",
                "DROP INDEX public.items_b_idx;\nDROP INDEX public.items_a_idx;\n");
    Database db;
    std::string apply =
        schemac_cmd("apply --url " + shell_quote(db.url) + " --dir " + history.dir());
    std::string all;
    for (int i = 0; i < 5; ++i)
        all +=
            "(" + apply + " >/dev/null 2>&1; echo \"apply " + std::to_string(i) + " exit $?\") & ";
    auto five = run(all + "wait");
    for (int i = 0; i < 5; ++i)
        CHECK_MESSAGE(contains(five.out, "apply " + std::to_string(i) + " exit 0"), five.out);
    CHECK(db.history_rows() == "1 items applied, 2 indexes applied\n");
    CHECK(db.query("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                   "WHERE c.relname IN ('items_a_idx', 'items_b_idx') AND i.indisvalid") == "2\n");
}

TEST_CASE("kill -9 during a non-transactional step: the next apply resumes and converges") {
    History history("resume");
    history.add("0001_items",
                "-- schemac:step create table public.items\n"
                "CREATE TABLE public.items (id int);\n"
                "INSERT INTO public.items SELECT generate_series(1, 2000);\n"
                "-- A lie that makes the index build slow enough to interrupt.\n"
                "CREATE FUNCTION public.slow_key(x int) RETURNS int IMMUTABLE LANGUAGE plpgsql\n"
                "AS $$ BEGIN PERFORM pg_sleep(0.002); RETURN x; END $$;\n"
                "\n"
                "-- schemac:step create index public.items_slow_idx\n"
                "-- schemac:no-transaction\n"
                "CREATE INDEX CONCURRENTLY items_slow_idx ON public.items (public.slow_key(id));\n"
                "\n"
                "-- schemac:step create table public.after\n"
                "CREATE TABLE public.after (id int);\n",
                "DROP TABLE public.after;\nDROP TABLE public.items;\n"
                "DROP FUNCTION public.slow_key(int);\n");
    Database db;
    fs::path log = history.path() / "first.log";
    auto started = run(
        "sh -c " +
        shell_quote("exec " +
                    schemac_cmd("apply --url " + shell_quote(db.url) + " --dir " + history.dir()) +
                    " >/dev/null 2>" + shell_quote(log.string())) +
        " & echo $!");
    std::string pid = started.out.substr(0, started.out.find('\n'));
    // Wait until the concurrent build is running, then kill the client.
    bool building = false;
    for (int i = 0; i < 200 && !building; ++i) {
        building = db.query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE "
                            "INDEX CONCURRENTLY%' AND state = 'active'") == "1\n";
        if (!building)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    REQUIRE_MESSAGE(building, read_file(log));
    run("kill -9 " + pid);
    CHECK(db.history_rows() == "1 items applying\n");

    auto interrupted = db.schemac("status", history);
    CHECK(interrupted.exit_code == 1);
    CHECK(contains(interrupted.out, "INTERRUPTED while applying after 1 step"));
    CHECK_MESSAGE(
        contains(interrupted.out, "next:\n  schemac apply (resumes 0001_items at step 2 of 3)\n"),
        interrupted.out);

    auto resumed = db.schemac("apply", history);
    CHECK_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(contains(resumed.err, "resuming 0001_items at step 2 of 3"));
    // The killed client's backend stopped its build, which left an INVALID
    // index behind; the resume dropped it before building again.
    CHECK_MESSAGE(contains(resumed.err, "dropping the invalid index public.items_slow_idx"),
                  resumed.err);
    CHECK(db.history_rows() == "1 items applied\n");
    CHECK(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                   "'public.items_slow_idx'::regclass") == "t\n");
    CHECK(db.query("SELECT count(*) FROM public.items") == "2000\n");
    CHECK(db.schemac("status", history).exit_code == 0);
}

TEST_CASE("generated/: apply all then roll all back returns the catalog to empty") {
    Database empty;
    Database db;
    std::string dir = shell_quote(SCHEMAC_SOURCE_DIR "/generated");
    auto in_repo = [&](const std::string& command) {
        return run(schemac_cmd(command + " --url " + shell_quote(db.url) + " --dir " + dir));
    };
    auto applied = in_repo("apply");
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    // The applied history is what schema/ says: nothing left to diff.
    auto diff = run(schemac_cmd("diff --schema " + shell_quote(SCHEMAC_SOURCE_DIR "/schema") +
                                " --url " + shell_quote(db.url) + " --dev-url " +
                                shell_quote(dev_url()) + " --exit-code"));
    CHECK_MESSAGE(diff.exit_code == 0, diff.err);
    CHECK(diff.out == "");
    int migrations = std::stoi(db.query("SELECT count(*) FROM schemac.schema_migrations"));
    CHECK(migrations >= 1);
    // Undoing the initial migration drops tables: refused until allowed,
    // before anything runs.
    auto refused = in_repo("rollback --steps " + std::to_string(migrations));
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("data-loss: drops table public.tenants and every row in it") !=
          std::string::npos);
    CHECK(in_repo("status").exit_code == 0);
    CHECK(in_repo("rollback --steps 1 --allow-hazards data-loss").exit_code == 0);
    CHECK(in_repo("status").exit_code == 2);
    CHECK(in_repo("apply").exit_code == 0);
    CHECK(in_repo("status").exit_code == 0);
    CHECK(in_repo("rollback --allow-hazards data-loss --steps " + std::to_string(migrations))
              .exit_code == 0);
    CHECK(db.catalog() == empty.catalog());
}

TEST_CASE("a data step's notices are printed as it runs, quiet or not; those of schemac's own "
          "statements are not") {
    TempProject project("deploy-notices");
    const fs::path& root = project.root;
    write_file(root / "schema/app.sql", "CREATE TABLE jobs (id bigint PRIMARY KEY);\n");
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);
    write_file(root / "schema/app.sql", "CREATE TABLE jobs (id bigint PRIMARY KEY, note text);\n"
                                        "CREATE INDEX jobs_note_idx ON jobs (note);\n");
    write_file(root / "schedule.sql",
               "DO $$ BEGIN\n"
               "  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN\n"
               "    RAISE NOTICE 'pg_cron is not installed: % not scheduled', 'cleanup';\n"
               "  END IF;\n"
               "  RAISE NOTICE E'two\\nschemac: lines\\r\\033[2K';\n"
               "END $$;\n");
    REQUIRE(project.schemac("diff -q --write note --data schedule.sql --data-down schedule.sql")
                .exit_code == 0);
    Database db;
    auto applied = project.schemac("apply -q --url " + shell_quote(db.url));
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(applied.err == "schemac: data from schedule.sql:1: NOTICE: pg_cron is not installed: "
                         "cleanup not scheduled\n"
                         // Control characters cannot forge a line of schemac's own.
                         "schemac: data from schedule.sql:1: NOTICE: two\\nschemac: lines?"
                         "?[2K\n");
    // The reverse drops the index (DROP INDEX CONCURRENTLY IF EXISTS ... on
    // its own): no notice of it.
    auto back =
        project.schemac("rollback -q --allow-hazards data-loss --url " + shell_quote(db.url));
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    CHECK(back.err == "schemac: data from schedule.sql:1: NOTICE: pg_cron is not installed: "
                      "cleanup not scheduled\n"
                      // Control characters cannot forge a line of schemac's own.
                      "schemac: data from schedule.sql:1: NOTICE: two\\nschemac: lines?"
                      "?[2K\n");
}

TEST_CASE("online changes and renames on tables holding rows: every row survives, forward and "
          "back") {
    TempProject project("deploy-online");
    const fs::path& root = project.root;
    auto in_root = [&](const std::string& args) { return project.schemac(args); };
    write_file(root / "schema/app.sql",
               "CREATE TABLE authors (id bigint PRIMARY KEY, name text);\n"
               "CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint, title text,\n"
               "                    words integer);\n"
               "CREATE INDEX posts_title_idx ON posts (title);\n");
    REQUIRE(in_root("diff -q --write initial").exit_code == 0);
    Database db;
    auto apply = [&] { return in_root("apply --url " + shell_quote(db.url)); };
    REQUIRE(apply().exit_code == 0);
    db.query("INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(1, 500) g;"
             "INSERT INTO posts SELECT g, 1 + g % 500, 'post ' || g, g FROM "
             "generate_series(1, 5000) g");
    auto rows = [&](const std::string& authors) {
        return db.query("SELECT (SELECT count(*) || ' ' || md5(string_agg(a::text, ',' ORDER BY "
                        "id)) FROM " +
                        authors +
                        " a) || ' / ' || (SELECT count(*) || ' ' || "
                        "md5(string_agg(p::text, ',' ORDER BY id)) FROM posts p)");
    };
    std::string before = rows("authors");

    // An index (changed and new), a foreign key, a check, a NOT NULL, a
    // unique key and renames (a table, a column) on tables that hold rows.
    write_file(root / "schema/app.sql",
               "-- schemac:renamed-from authors\n"
               "CREATE TABLE writers (id bigint PRIMARY KEY, name text NOT NULL UNIQUE);\n"
               "CREATE TABLE posts (id bigint PRIMARY KEY,\n"
               "                    author_id bigint REFERENCES writers (id),\n"
               "                    -- schemac:renamed-from title\n"
               "                    headline text,\n"
               "                    words integer CHECK (words > 0));\n"
               "CREATE INDEX posts_title_idx ON posts (headline, id);\n"
               "CREATE INDEX posts_author_idx ON posts (author_id);\n");
    auto plan = in_root("plan");
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    for (const char* strategy :
         {"ALTER TABLE public.authors RENAME TO writers;",
          "ALTER TABLE public.posts RENAME COLUMN title TO headline;",
          "ALTER TABLE public.writers RENAME CONSTRAINT authors_pkey TO writers_pkey;",
          "CREATE INDEX CONCURRENTLY posts_author_idx",
          "CREATE UNIQUE INDEX CONCURRENTLY writers_name_key ON public.writers USING btree (name)",
          "ADD CONSTRAINT writers_name_key UNIQUE USING INDEX writers_name_key",
          "DROP INDEX CONCURRENTLY IF EXISTS public.posts_title_idx",
          "CREATE INDEX CONCURRENTLY posts_title_idx_schemac_new",
          "ALTER INDEX public.posts_title_idx_schemac_new RENAME TO posts_title_idx",
          "REFERENCES public.writers(id) NOT VALID", "VALIDATE CONSTRAINT posts_author_id_fkey",
          "CHECK ((words > 0)) NOT VALID", "CHECK (name IS NOT NULL) NOT VALID",
          "locks: SHARE ROW EXCLUSIVE on public.posts, SHARE ROW EXCLUSIVE on public.writers",
          "alter column public.writers.name (NOT NULL, online: validate the check)",
          "locks: SHARE UPDATE EXCLUSIVE on public.posts, ROW SHARE on public.writers"})
        CHECK_MESSAGE(plan.out.find(strategy) != std::string::npos, std::string(strategy)
                                                                        << "\n"
                                                                        << plan.out);
    CHECK(plan.out.find("DROP TABLE") == std::string::npos);
    CHECK(plan.out.find("DROP COLUMN") == std::string::npos);
    // The rows fit every new key and check: written without a data phase.
    REQUIRE(in_root("diff -q --write online --allow-hazards needs-data").exit_code == 0);
    // Against the live database, the plan shows how big each locked table is,
    // under its old name and, once renamed, under its new one.
    db.query("ANALYZE");
    auto live = in_root("plan --url " + shell_quote(db.url));
    REQUIRE_MESSAGE(live.exit_code == 0, live.err);
    for (const char* size : {"locks: SHARE UPDATE EXCLUSIVE on public.posts (~5000 rows, ",
                             "locks: ACCESS EXCLUSIVE on public.authors (~500 rows, ",
                             "SHARE ROW EXCLUSIVE on public.writers (~500 rows, "})
        CHECK_MESSAGE(live.out.find(size) != std::string::npos, size << "\n" << live.out);

    auto applied = apply();
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(applied.err.find("outside a transaction") != std::string::npos);
    CHECK(rows("writers") == before);
    CHECK(db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid") == "0\n");
    CHECK(db.query("SELECT count(*) FROM pg_constraint WHERE NOT convalidated OR conname LIKE "
                   "'%schemac%'") == "0\n");
    CHECK(
        db.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.writers'::regclass "
                 "AND attname = 'name'") == "t\n");
    CHECK(in_root("plan --url " + shell_quote(db.url) + " --exit-code").exit_code == 0);

    auto back = in_root("rollback --url " + shell_quote(db.url));
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    CHECK(rows("authors") == before);
    CHECK(db.query("SELECT count(*) FROM pg_constraint WHERE contype IN ('f', 'c', 'u') AND "
                   "connamespace = 'public'::regnamespace") == "0\n");
    CHECK(db.query("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE "
                   "attrelid = 'public.posts'::regclass AND attnum > 0") ==
          "id,author_id,title,words\n");
}

TEST_CASE("a concurrent build failing before anything committed: nothing left, then applied") {
    History history("failed-build");
    history.add("0001_t",
                "-- schemac:step create table public.t\n"
                "CREATE TABLE public.t (id int PRIMARY KEY, v int);\n"
                "INSERT INTO public.t VALUES (1, 7), (2, 7);\n",
                "DROP TABLE public.t;\n");
    history.add("0002_t_v_key",
                "-- schemac:step create index public.t_v_key (concurrently)\n"
                "-- schemac:no-transaction\n"
                "CREATE UNIQUE INDEX CONCURRENTLY t_v_key ON public.t USING btree (v);\n",
                "-- schemac:step drop index public.t_v_key (concurrently)\n"
                "-- schemac:no-transaction\n"
                "DROP INDEX CONCURRENTLY public.t_v_key;\n");
    Database db;
    auto failed = db.schemac("apply", history);
    CHECK(failed.exit_code == 1);
    CHECK_MESSAGE(contains(failed.err, "0002_t_v_key.up.sql:3: could not create unique index "
                                       "\"t_v_key\""),
                  failed.err);
    CHECK_MESSAGE(contains(failed.err, "nothing of 0002_t_v_key was applied"), failed.err);
    // The failed build's INVALID index is gone: the database is as it was
    // before the migration, and its history records the failed attempt.
    CHECK(db.query("SELECT count(*) FROM pg_class WHERE relname = 't_v_key'") == "0\n");
    CHECK(db.history_rows() == "1 t applied, 2 t_v_key failed\n");

    db.query("UPDATE public.t SET v = 8 WHERE id = 2");
    auto applied = db.schemac("apply", history);
    CHECK_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                   "'public.t_v_key'::regclass") == "t\n");
    CHECK(db.history_rows() == "1 t applied, 2 t_v_key applied\n");
}

TEST_CASE("an enum value added on its own whose progress was not recorded: the resume adds it "
          "again (IF NOT EXISTS) and goes on") {
    History history("lost-enum-progress");
    history.add("0001_kind", "CREATE TYPE public.kind AS ENUM ('a', 'b');\n",
                "DROP TYPE public.kind;\n");
    history.add("0002_use",
                "-- schemac:step alter type public.kind\n"
                "-- schemac:no-transaction\n"
                "ALTER TYPE public.kind ADD VALUE IF NOT EXISTS 'c' AFTER 'b';\n"
                "\n"
                "-- schemac:step create table public.items\n"
                "CREATE TABLE public.items (id int, k public.kind DEFAULT 'c');\n",
                "DROP TABLE public.items;\n");
    Database db;
    REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);
    db.query("CREATE FUNCTION schemac.lose() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
             "NEW.steps_done = 1 THEN RAISE 'progress update lost'; END IF; RETURN NEW; END $$; "
             "CREATE TRIGGER lose BEFORE UPDATE ON schemac.schema_migrations FOR EACH ROW "
             "EXECUTE FUNCTION schemac.lose()");
    auto failed = db.schemac("apply", history);
    CHECK(failed.exit_code == 1);
    CHECK_MESSAGE(contains(failed.err, "progress update lost"), failed.err);
    CHECK(db.query("SELECT steps_done FROM schemac.schema_migrations WHERE version = 2") == "0\n");
    CHECK(db.query("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum "
                   "WHERE enumtypid = 'public.kind'::regtype") == "a,b,c\n");
    db.query("DROP TRIGGER lose ON schemac.schema_migrations; DROP FUNCTION schemac.lose()");

    auto resumed = db.schemac("apply", history);
    CHECK_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(contains(resumed.err, "resuming 0002_use at step 1 of 2"));
    CHECK(db.history_rows() == "1 kind applied, 2 use applied\n");
    CHECK(db.query("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = "
                   "'public.items'::regclass") == "'c'::kind\n");
}

TEST_CASE("a concurrent build whose progress was not recorded: the resume skips it, nothing "
          "else is touched") {
    History history("lost-progress");
    history.add("0001_base", "CREATE TABLE public.base (id int);\n", "DROP TABLE public.base;\n");
    history.add("0002_items",
                "-- schemac:step create table public.items\n"
                "CREATE TYPE public.kind AS ENUM ('a', 'b');\n"
                "CREATE TABLE public.items (id int, v int, k public.kind);\n"
                "\n"
                "-- schemac:step create index public.items_v_idx (concurrently)\n"
                "-- schemac:no-transaction\n"
                "CREATE INDEX CONCURRENTLY items_v_idx ON public.items USING btree (v) "
                "WHERE (k = 'a'::public.kind);\n"
                "\n"
                "-- schemac:step create table public.after\n"
                "CREATE TABLE public.after (id int);\n",
                "DROP TABLE public.after;\nDROP TABLE public.items;\nDROP TYPE public.kind;\n");
    Database db;
    // INVALID indexes nobody asked about, whose names the step's SQL holds.
    db.query("CREATE SCHEMA other; CREATE TABLE other.d (v int); INSERT INTO other.d VALUES "
             "(1), (1); CREATE TABLE public.d (v int); INSERT INTO public.d VALUES (1), (1)");
    for (const char* index : {"items_v_idx ON other.d", "items_v ON public.d"}) {
        auto invalid =
            run(pg_bin("psql") + " -X -q -d " + shell_quote(db.url) + " -c " +
                shell_quote(std::string("CREATE UNIQUE INDEX CONCURRENTLY ") + index + " (v)"));
        CHECK(invalid.exit_code != 0);
    }
    CHECK(db.query("SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_index i JOIN "
                   "pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid") ==
          "items_v,items_v_idx\n");
    REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);

    // The progress update after the build is lost (here a trigger makes it
    // fail): the history says the build has not run, though it has.
    db.query("CREATE FUNCTION schemac.lose() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
             "NEW.steps_done = 2 THEN RAISE 'progress update lost'; END IF; RETURN NEW; END $$; "
             "CREATE TRIGGER lose BEFORE UPDATE ON schemac.schema_migrations FOR EACH ROW "
             "EXECUTE FUNCTION schemac.lose()");
    auto failed = db.schemac("apply", history);
    CHECK(failed.exit_code == 1);
    CHECK_MESSAGE(contains(failed.err, "progress update lost"), failed.err);
    CHECK(contains(failed.err, "stopped before step 2 of 3"));
    CHECK(db.query("SELECT steps_done FROM schemac.schema_migrations WHERE version = 2") == "1\n");
    CHECK(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                   "'public.items_v_idx'::regclass") == "t\n");
    db.query("DROP TRIGGER lose ON schemac.schema_migrations; DROP FUNCTION schemac.lose()");

    // Drift made while the migration is stopped is refused, not absorbed.
    db.query("CREATE TABLE public.sneaky (id int)");
    auto drifted = db.schemac("apply", history);
    CHECK(drifted.exit_code == 1);
    CHECK_MESSAGE(contains(drifted.err, "is not what 0002_items left after 1 step"), drifted.err);
    CHECK(contains(drifted.err, "+ relation public.sneaky kind r"));
    CHECK_FALSE(contains(drifted.err, "items_v_idx"));
    db.query("DROP TABLE public.sneaky");

    // A hand-edited row that claims more steps than the file has is refused.
    db.query("UPDATE schemac.schema_migrations SET steps_done = 99 WHERE version = 2");
    auto edited = db.schemac("apply", history);
    CHECK(edited.exit_code == 1);
    CHECK_MESSAGE(contains(edited.err, "the history says 99 steps of 0002_items are done, but"),
                  edited.err);
    db.query("UPDATE schemac.schema_migrations SET steps_done = 1 WHERE version = 2");

    auto resumed = db.schemac("apply", history);
    CHECK_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(contains(resumed.err, "resuming 0002_items at step 2 of 3"));
    CHECK_MESSAGE(contains(resumed.err, "already done: create index public.items_v_idx"),
                  resumed.err);
    CHECK(db.history_rows() == "1 base applied, 2 items applied\n");
    CHECK(db.query("SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_index i JOIN "
                   "pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid") ==
          "items_v,items_v_idx\n");
}

TEST_CASE("a concurrent build that times out waiting for a writer is retried and builds") {
    History history("build-retry");
    history.add("0001_t",
                "-- schemac:step create table public.t\n"
                "CREATE TABLE public.t (id int, v int);\n",
                "DROP TABLE public.t;\n");
    history.add("0002_t_v_idx",
                "-- schemac:step create index public.t_v_idx (concurrently)\n"
                "-- schemac:no-transaction\n"
                "CREATE INDEX CONCURRENTLY t_v_idx ON public.t USING btree (v);\n",
                "-- schemac:step drop index public.t_v_idx (concurrently)\n"
                "-- schemac:no-transaction\n"
                "DROP INDEX CONCURRENTLY public.t_v_idx;\n");
    Database db;
    REQUIRE(db.schemac("apply --to 0001", history).exit_code == 0);
    // A writer holds its transaction open for two seconds: the build waits
    // for it past the lock timeout, after its INVALID index is committed.
    fs::path log = history.path() / "writer.log";
    run("sh -c " +
        shell_quote(pg_bin("psql") + " -X -q -d " + shell_quote(db.url) +
                    " -c 'BEGIN' -c 'INSERT INTO public.t VALUES (1, 1)' -c 'SELECT "
                    "pg_sleep(2)' -c 'COMMIT' >" +
                    shell_quote(log.string()) + " 2>&1") +
        " &");
    for (int i = 0; i < 100; ++i) {
        if (db.query("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT "
                     "pg_sleep(2)'") == "1\n")
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    auto applied = db.schemac("apply", history, "--lock-timeout 300ms");
    CHECK_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK_MESSAGE(contains(applied.err, "lock timeout (300ms); retry 1"), applied.err);
    CHECK(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                   "'public.t_v_idx'::regclass") == "t\n");
    CHECK(db.history_rows() == "1 t applied, 2 t_v_idx applied\n");
}

TEST_CASE("a user mapping's password: taken from the environment at apply, never written") {
    TempProject project("deploy-secret");
    const fs::path& root = project.root;
    auto in_root = [&](const std::string& args) { return project.schemac(args); };
    const std::string in_tree = "tree-s3cr3t";
    const std::string at_apply = "apply-s3cr3t";
    const std::string variable = "SCHEMAC_SECRET_BILLING_CURRENT_USER_PASSWORD";
    write_file(root / "schema/app.sql",
               "CREATE FOREIGN DATA WRAPPER plain_fdw;\n"
               "CREATE SERVER billing FOREIGN DATA WRAPPER plain_fdw OPTIONS (host 'db');\n"
               "CREATE USER MAPPING FOR CURRENT_USER SERVER billing\n"
               "    OPTIONS (\"user\" 'reader', password '" +
                   in_tree + "');\n");
    std::string seen; // everything schemac printed or wrote
    auto ran = [&](const std::string& args) {
        auto out = in_root(args);
        seen += out.out + out.err;
        return out;
    };
    auto written = ran("diff --write initial");
    REQUIRE_MESSAGE(written.exit_code == 0, written.err);
    for (const auto& entry : fs::directory_iterator(root / "generated"))
        seen += read_file(entry.path());
    CHECK(seen.find("password '${" + variable + "}'") != std::string::npos);
    for (const char* format : {"text", "markdown", "json"})
        CHECK(ran(std::string("plan --format ") + format).exit_code == 0);

    // Without the variable, apply refuses before anything runs.
    Database db;
    unsetenv(variable.c_str());
    auto refused = ran("apply --url " + shell_quote(db.url));
    CHECK(refused.exit_code == 1);
    CHECK_MESSAGE(contains(refused.err, variable + " (generated/"), refused.err);
    CHECK(db.query("SELECT count(*) FROM pg_foreign_server") == "0\n");

    setenv(variable.c_str(), at_apply.c_str(), 1);
    auto applied = ran("apply --url " + shell_quote(db.url));
    unsetenv(variable.c_str());
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(db.query("SELECT array_to_string(umoptions, ',') FROM pg_user_mappings") ==
          "user=reader,password=" + at_apply + "\n");
    // The live mapping has a password, as the tree says: no change, and the
    // history holds none of it.
    CHECK(ran("plan --url " + shell_quote(db.url) + " --exit-code").exit_code == 0);
    seen += db.query("SELECT * FROM schemac.schema_migrations");
    CHECK(seen.find(in_tree) == std::string::npos);
    CHECK(seen.find(at_apply) == std::string::npos);
}

namespace {

/// A table's row count and checksum, in key order.
std::string checksum(const Database& db, const std::string& table, const std::string& key) {
    return db.query("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY " +
                    key + ")), '') FROM " + table + " t");
}

} // namespace

TEST_CASE("data phases: tenant_id NOT NULL backfilled in batches, applied and rolled back with "
          "every row") {
    TempProject project("data-tenant");
    const fs::path& root = project.root;
    write_file(root / "schema/app.sql",
               "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);
    Database db;
    std::string url = shell_quote(db.url);
    REQUIRE(project.schemac("apply -q --url " + url).exit_code == 0);
    db.query("INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM "
             "generate_series(1, 1000) g");
    std::string before = checksum(db, "users", "id");

    write_file(root / "schema/app.sql",
               "CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL);\n"
               "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL,\n"
               "                    tenant_id bigint NOT NULL REFERENCES tenants (id));\n");
    // Without data the migration is refused, naming the step and the remedy.
    auto refused = project.schemac("diff --write tenants");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "needs-data"));
    CHECK(contains(refused.err, "column public.users.tenant_id is NOT NULL without a default"));
    CHECK(contains(refused.err, "--data FILE"));
    CHECK_FALSE(fs::exists(root / "generated/0002_tenants.up.sql"));
    // Against the live database, the plan says so too (exit 3).
    auto planned = project.schemac("diff --exit-code --url " + url);
    CHECK(planned.exit_code == 3);
    CHECK(contains(planned.out, "-- hazard needs-data: column public.users.tenant_id"));

    write_file(root / "backfill.sql",
               "INSERT INTO tenants (id, name) VALUES (1, 'default');\n"
               "-- schemac:batch\n"
               "UPDATE users SET tenant_id = 1\n"
               "WHERE id IN (SELECT id FROM users WHERE tenant_id IS NULL LIMIT 300);\n");
    auto written = project.schemac("diff --write tenants --data backfill.sql");
    REQUIRE_MESSAGE(written.exit_code == 0, written.err);
    std::string up = read_file(root / "generated/0002_tenants.up.sql");
    // Expand, data, contract, in that order, each marked.
    auto at = [&](const std::string& text) {
        auto found = up.find(text);
        CHECK_MESSAGE(found != std::string::npos, text << "\n" << up);
        return found;
    };
    CHECK(at("-- schemac:phase expand") < at("ADD COLUMN tenant_id bigint;"));
    CHECK(at("ADD COLUMN tenant_id bigint;") < at("-- schemac:phase data"));
    CHECK(at("REFERENCES public.tenants(id) NOT VALID") < at("-- schemac:phase data"));
    CHECK(at("-- schemac:phase data") < at("INSERT INTO tenants"));
    CHECK(at("-- schemac:batch\nUPDATE users") < at("-- schemac:phase contract"));
    CHECK(at("-- schemac:phase contract") < at("SET NOT NULL"));
    CHECK(at("-- schemac:phase contract") < at("VALIDATE CONSTRAINT users_tenant_id_fkey"));
    // A plan check of the history as written holds.
    CHECK(project.schemac("plan -q --check").exit_code == 0);

    auto applied = project.schemac("apply --url " + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(contains(applied.err, "batch 4: 100 rows (1000 in "));
    CHECK(contains(applied.err, "batch 5: 0 rows (1000 in "));
    CHECK(db.query("SELECT count(*) FROM users WHERE tenant_id = 1") == "1000\n");
    CHECK(db.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass AND "
                   "attname = 'tenant_id'") == "t\n");
    CHECK(db.query("SELECT count(*) FROM pg_constraint WHERE NOT convalidated") == "0\n");

    auto back = project.schemac("rollback --allow-hazards data-loss --url " + url);
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    CHECK(checksum(db, "users", "id") == before);
    CHECK(db.query("SELECT to_regclass('public.tenants') IS NULL") == "t\n");
}

TEST_CASE("data phases: a table normalized into two with the rows copied, and copied back on "
          "rollback") {
    TempProject project("data-normalize");
    const fs::path& root = project.root;
    write_file(root / "schema/app.sql",
               "CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL,\n"
               "                    author_name text NOT NULL);\n");
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);
    Database db;
    std::string url = shell_quote(db.url);
    REQUIRE(project.schemac("apply -q --url " + url).exit_code == 0);
    db.query("INSERT INTO posts SELECT g, 'post ' || g, 'author ' || g % 37 FROM "
             "generate_series(1, 2000) g");
    std::string before = checksum(db, "posts", "id");

    write_file(root / "schema/app.sql",
               "CREATE TABLE authors (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
               "                      name text NOT NULL UNIQUE);\n"
               "CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL,\n"
               "                    author_id bigint NOT NULL REFERENCES authors (id));\n");
    write_file(root / "up.sql",
               "INSERT INTO authors (name) SELECT DISTINCT author_name FROM posts ORDER BY 1;\n"
               "UPDATE posts p SET author_id = a.id FROM authors a WHERE a.name = "
               "p.author_name;\n");
    write_file(root / "down.sql", "UPDATE posts p SET author_name = a.name FROM authors a\n"
                                  "WHERE a.id = p.author_id;\n");
    // The column that goes while another appears is a likely move.
    auto refused = project.schemac("diff --write normalize");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "column public.posts.author_name goes while its table gains a "
                                "column"));
    auto written = project.schemac("diff --write normalize --data up.sql --data-down down.sql");
    REQUIRE_MESSAGE(written.exit_code == 0, written.err);
    std::string down = read_file(root / "generated/0002_normalize.down.sql");
    CHECK(down.find("ADD COLUMN author_name text;") < down.find("UPDATE posts p"));
    CHECK(down.find("UPDATE posts p") < down.find("DROP COLUMN author_id"));
    CHECK(down.find("UPDATE posts p") < down.find("DROP TABLE public.authors"));

    auto applied = project.schemac("apply --allow-hazards data-loss --url " + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(db.query("SELECT count(*) FROM authors") == "37\n");
    CHECK(db.query("SELECT count(*) FROM posts p JOIN authors a ON a.id = p.author_id WHERE "
                   "a.name = 'author ' || p.id % 37") == "2000\n");

    auto back = project.schemac("rollback --allow-hazards data-loss --url " + url);
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    CHECK(contains(back.err, "one transaction"));
    CHECK(checksum(db, "posts", "id") == before);
}

TEST_CASE("rollback is all or nothing: rows that break a key it rebuilds stop it, and nothing "
          "changes") {
    TempProject project("data-atomic-rollback");
    const fs::path& root = project.root;
    write_file(root / "schema/app.sql",
               "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);\n");
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);
    write_file(root / "schema/app.sql",
               "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
               "CREATE TABLE audit (id bigint PRIMARY KEY, what text);\n"
               "CREATE INDEX users_email_idx ON users (email);\n");
    // The plan says how its rollback runs, and the locks that takes.
    auto plan = project.schemac("plan");
    CHECK(contains(plan.out, "Rollback\n  `schemac rollback` undoes it in one transaction, all "
                             "or nothing: its concurrent index steps run without CONCURRENTLY"));
    CHECK(contains(plan.out, "    reverse step 1 (create constraint users_email_key ON "
                             "public.users (its index, concurrently)): SHARE on public.users: "
                             "writes wait\n"));
    CHECK(contains(plan.out, "    reverse step 3 (drop index public.users_email_idx "
                             "(concurrently)): ACCESS EXCLUSIVE on public.users: reads and writes "
                             "wait\n"));
    auto json = nlohmann::json::parse(project.schemac("plan --format json").out);
    CHECK(json["rollback"]["one_transaction"] == true);
    CHECK(json["rollback"]["locks_without_concurrently"].size() == 2);
    REQUIRE(project.schemac("diff -q --write relax").exit_code == 0);
    Database db;
    std::string url = shell_quote(db.url);
    REQUIRE(project.schemac("apply -q --url " + url).exit_code == 0);
    db.query("INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');"
             "INSERT INTO audit VALUES (1, 'kept')");
    std::string catalog = db.catalog();

    // A dry run shows the statements as the one transaction runs them, and
    // changes nothing.
    auto dry = project.schemac("rollback --dry-run --url " + url);
    REQUIRE_MESSAGE(dry.exit_code == 0, dry.err);
    CHECK(contains(dry.out, "0002_relax.down.sql (would revert in one transaction, all or "
                            "nothing)"));
    CHECK(contains(dry.out, "-- without CONCURRENTLY, until the rollback commits: SHARE on "
                            "its table: writes wait\nCREATE UNIQUE INDEX users_email_key ON"));
    CHECK(contains(dry.out, "-- without CONCURRENTLY, until the rollback commits: ACCESS "
                            "EXCLUSIVE on its table: reads and writes wait\nDROP INDEX IF "
                            "EXISTS public.users_email_idx;"));
    CHECK(contains(dry.err, "1 migration would be rolled back; the database is at 0002_relax "
                            "(dry run: nothing changed)"));
    CHECK(db.history_rows() == "1 initial applied, 2 relax applied\n");

    // The reverse builds the unique key concurrently; rollback runs it in one
    // transaction, without CONCURRENTLY, and it fails on the duplicates.
    std::string down = read_file(root / "generated/0002_relax.down.sql");
    CHECK(contains(down, "CREATE UNIQUE INDEX CONCURRENTLY users_email_key"));
    CHECK(down.find("users_email_key") < down.find("DROP TABLE public.audit"));
    auto back = project.schemac("rollback --allow-hazards data-loss --url " + url);
    CHECK(back.exit_code == 1);
    CHECK(contains(back.err, "could not create unique index \"users_email_key\""));
    CHECK(contains(back.err, "was rolled back"));
    CHECK(db.catalog() == catalog);
    CHECK(db.history_rows() == "1 initial applied, 2 relax applied\n");
    CHECK(db.query("SELECT count(*) FROM pg_index WHERE NOT indisvalid") == "0\n");
    CHECK(db.query("SELECT what FROM audit") == "kept\n");

    // Fixed in the data, it goes through, in one transaction.
    db.query("DELETE FROM users WHERE id = 2");
    auto again = project.schemac("rollback --allow-hazards data-loss --url " + url);
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(contains(again.err, "one transaction; indexes built and dropped without CONCURRENTLY"));
    CHECK(db.history_rows() == "1 initial applied\n");
}

TEST_CASE("the proof with rows: a step that fails only on existing rows is needs-data; a data "
          "phase that does not fix them, or that loses a kept table's rows, fails the proof") {
    TempProject project("proof-rows");
    const fs::path& root = project.root;
    write_file(root / "schema/app.sql",
               "CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL);\n"
               "CREATE TABLE users (id bigint PRIMARY KEY,\n"
               "    email text NOT NULL CHECK (email LIKE '%@%'),\n"
               "    tenant bigint NOT NULL REFERENCES tenants ON DELETE CASCADE,\n"
               "    score integer);\n"
               "CREATE TABLE codes (code text PRIMARY KEY CHECK (length(code) = 7));\n"
               "CREATE TABLE members (id bigint PRIMARY KEY,\n"
               "    tenant bigint NOT NULL REFERENCES tenants ON DELETE CASCADE);\n");
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);

    // The tree's own conversion is taken at its word: only running it on
    // rows shows that it fails (on the domain's check).
    write_file(root / "schema/app.sql",
               "CREATE DOMAIN positive AS integer CHECK (VALUE > 10);\n"
               "CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL);\n"
               "CREATE TABLE users (id bigint PRIMARY KEY,\n"
               "    email text NOT NULL CHECK (email LIKE '%@%'),\n"
               "    tenant bigint NOT NULL REFERENCES tenants ON DELETE CASCADE,\n"
               "    -- schemac:using score\n"
               "    score positive);\n"
               "CREATE TABLE codes (code text PRIMARY KEY CHECK (length(code) = 7), n int);\n"
               "CREATE TABLE members (id bigint PRIMARY KEY,\n"
               "    tenant bigint NOT NULL REFERENCES tenants ON DELETE CASCADE);\n");
    auto planned = project.schemac("diff --exit-code");
    CHECK_MESSAGE(planned.exit_code == 3, planned.err);
    CHECK(contains(planned.out, "-- hazard needs-data: the proof fails here on existing rows "
                                "(value for domain positive violates check constraint "
                                "\"positive_check\")"));
    // Each hazard comment is the step's: the conversion's.
    CHECK(contains(planned.out, "\"positive_check\"): change them first, in the data phase "
                                "(`schemac diff --write NAME --data FILE`)\nALTER TABLE "
                                "public.users ALTER COLUMN score TYPE public.positive USING "
                                "score;"));
    auto refused = project.schemac("diff --write positive");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "alter column public.users.score"));

    // A table no generated row fits is named: its steps were proven without rows.
    auto json = project.schemac("plan --format json");
    REQUIRE_MESSAGE(json.exit_code == 0, json.err);
    auto warnings = nlohmann::json::parse(json.out)["warnings"];
    std::set<std::string> unseeded;
    for (const auto& w : warnings)
        if (w["code"] == "SC005")
            unseeded.insert(w["object"].get<std::string>());
    // users, with its e-mail check, was seeded.
    CHECK(unseeded == std::set<std::string>{"table public.codes"});

    // A data phase that leaves the rows as they are does not pass.
    write_file(root / "noop.sql", "SELECT 1;\n");
    auto noop = project.schemac("diff --write positive --data noop.sql");
    CHECK(noop.exit_code == 1);
    CHECK(contains(noop.err, "with 3 generated rows in each table it touches, the forward script "
                             "fails at alter column public.users.score"));
    CHECK(contains(noop.err, "the data phase (--data FILE) does not make those rows fit"));
    CHECK_FALSE(fs::exists(root / "generated/0002_positive.up.sql"));

    // One that fixes the rows passes, and the migration is written.
    write_file(root / "fix.sql", "UPDATE users SET score = 11 WHERE score <= 10;\n");
    auto fixed = project.schemac("diff --write positive --data fix.sql");
    CHECK_MESSAGE(fixed.exit_code == 0, fixed.err);
    CHECK(fs::exists(root / "generated/0002_positive.up.sql"));

    // A data phase that deletes a tenant loses members by the cascade:
    // members is kept by the plan and not written by the data phase, so its
    // count must hold.
    std::string v2 = read_file(root / "schema/app.sql");
    write_file(root / "schema/app.sql", v2 + "ALTER TABLE members ADD COLUMN note text;\n");
    write_file(root / "cascade.sql",
               "DELETE FROM tenants WHERE id IN (SELECT min(id) FROM tenants);\n");
    auto cascade = project.schemac("diff --write note --data cascade.sql");
    CHECK(cascade.exit_code == 1);
    CHECK_MESSAGE(contains(cascade.err, "after the forward script the tables it keeps do not keep "
                                        "their rows:\n  public.members: 3 rows before, 2 after"),
                  cascade.err);
    CHECK_FALSE(fs::exists(root / "generated/0003_note.up.sql"));
}

TEST_CASE("the proof makes rows through a foreign key into context: the platform's table gets "
          "the referenced rows in the shadow, and a trigger of the tree on it that copies them "
          "does not stop the seeding, even one that fails on them") {
    TempProject project("proof-rows-context");
    const fs::path& root = project.root;
    write_file(root / "schema/auth.sql",
               "-- schemac:external\n"
               "CREATE SCHEMA auth;\n"
               "CREATE TABLE auth.users (id uuid PRIMARY KEY, email text);\n");
    std::string v1 =
        "CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE,\n"
        "    email text NOT NULL);\n"
        "CREATE TABLE notes (id bigint PRIMARY KEY,\n"
        "    author uuid NOT NULL REFERENCES profiles, body text NOT NULL);\n"
        "CREATE FUNCTION new_profile() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN INSERT INTO public.profiles (id, email) VALUES (NEW.id, NEW.email); RETURN NEW; "
        "END $$;\n"
        "CREATE TRIGGER new_profile AFTER INSERT ON auth.users\n"
        "    FOR EACH ROW EXECUTE FUNCTION new_profile();\n";
    write_file(root / "schema/app.sql", v1);
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);

    write_file(root / "schema/app.sql",
               v1 + "ALTER TABLE profiles ADD COLUMN handle text NOT NULL DEFAULT '';\n"
                    "ALTER TABLE notes ADD CHECK (length(body) < 100);\n");
    auto json = project.schemac("plan --format json");
    REQUIRE_MESSAGE(json.exit_code == 0, json.err);
    auto warnings = nlohmann::json::parse(json.out)["warnings"];
    std::set<std::string> unseeded;
    for (const auto& w : warnings)
        if (w["code"] == "SC005")
            unseeded.insert(w["object"].get<std::string>());
    CHECK(unseeded.empty());
}

TEST_CASE("-- schemac:using converts a column's rows as the tree says, where a cast fails") {
    TempProject project("using");
    const fs::path& root = project.root;
    write_file(root / "schema/app.sql",
               "CREATE TABLE prices (id integer PRIMARY KEY, amount text);\n");
    REQUIRE(project.schemac("diff -q --write initial").exit_code == 0);
    Database db;
    std::string url = shell_quote(db.url);
    REQUIRE(project.schemac("apply -q --url " + url).exit_code == 0);
    db.query("INSERT INTO prices VALUES (1, ''), (2, ' 12.5 '), (3, '7')");

    // A cast would fail on the blank amount: the step needs data, or the
    // tree's own conversion, which does not fail.
    write_file(root / "schema/app.sql",
               "CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(12,2));\n");
    auto refused = project.schemac("diff --write amounts");
    CHECK(refused.exit_code == 1);
    CHECK(contains(refused.err, "rows whose amount does not convert to numeric(12,2) with a cast "
                                "make it fail"));
    CHECK(contains(refused.err, "or give the conversion above the column in the tree (`-- "
                                "schemac:using <expression>`"));
    write_file(root / "schema/app.sql",
               "CREATE TABLE prices (\n"
               "    id integer PRIMARY KEY,\n"
               "    -- schemac:using nullif(trim(amount), '')::numeric(12,2)\n"
               "    -- schemac:using-reverse coalesce(amount::text, '')\n"
               "    amount numeric(12,2)\n"
               ");\n");
    auto written = project.schemac("diff --write amounts");
    REQUIRE_MESSAGE(written.exit_code == 0, written.err);
    CHECK(contains(read_file(root / "generated/0002_amounts.up.sql"),
                   "ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(12,2) USING "
                   "nullif(trim(amount), '')::numeric(12,2);"));
    std::string down = read_file(root / "generated/0002_amounts.down.sql");
    CHECK(contains(down, "ALTER TABLE public.prices ALTER COLUMN amount TYPE text USING "
                         "coalesce(amount::text, '');"));
    CHECK_FALSE(contains(down, "does not undo the tree's USING"));
    auto applied = project.schemac("apply -q --allow-hazards data-loss --url " + url);
    REQUIRE_MESSAGE(applied.exit_code == 0, applied.err);
    CHECK(db.query("SELECT id, amount FROM prices ORDER BY id") == "1|\n2|12.50\n3|7.00\n");
    // Applied, the annotations change nothing.
    CHECK(project.schemac("diff --exit-code --url " + url).exit_code == 0);
    // Rolled back, the blank amount is blank text again, not NULL.
    auto back = project.schemac("rollback -q --url " + url);
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    CHECK(db.query("SELECT id, amount IS NULL, amount FROM prices ORDER BY id") ==
          "1|f|\n2|f|12.50\n3|f|7.00\n");
}
