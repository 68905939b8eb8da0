// The incremental shadow (shadow/incremental.h): a database that holds one
// tree, updated to another, must hold what materializing the other from
// nothing gives. Random trees, random edits, both ways, compared by
// pg_dump.

#include "harness.h"
#include "shadow/incremental.h"
#include "shadow/shadow.h"

#include <doctest/doctest.h>

#include <random>
#include <sstream>

namespace fs = std::filesystem;
using namespace schemac;
using namespace schemac::testing;

namespace {

/// A small schema as data: tables that reach each other by foreign keys,
/// with what hangs on them (indexes, views, functions, triggers, comments,
/// grants, owned sequences, a partitioned table, an enum and a domain).
/// Each edit changes one thing of it; the SQL is written from it.
struct Table {
    bool present = true;
    int columns = 2;       ///< extra text columns c1..cN
    bool wide = false;     ///< c1 is varchar(40) rather than text
    int fk = -1;           ///< the table its foreign key reaches, or -1
    bool fk_alter = false; ///< added by ALTER TABLE rather than in CREATE TABLE
    bool check = false;    ///< CHECK (id > 0)
    bool index = false;    ///< an index on c1
    bool partial = false;  ///< that index is partial
    std::string comment;   ///< COMMENT ON TABLE
    bool grant = false;    ///< GRANT SELECT to the reader role
    bool status = false;   ///< a column of the enum type
    bool amount = false;   ///< a column of the domain
    bool counter = false;  ///< a column defaulting to a sequence the tree creates
    bool serial = false;   ///< a serial column ...
    int increment = 1;     ///< ... whose sequence the tree alters when not 1
};

struct Model {
    std::vector<Table> tables;
    std::vector<std::string> statuses{"new", "done"};
    int domain_min = 0;
    int view_of = -1;        ///< a view over this table, or -1
    bool view_joins = false; ///< ... joined to the table its foreign key reaches
    int function_of = -1;    ///< a SQL function counting this table's rows, or -1
    bool atomic = false;     ///< ... with a BEGIN ATOMIC body (pg_depend records it)
    int trigger_on = -1;     ///< a trigger calling a PL/pgSQL function, or -1
    int matview_of = -1;     ///< a materialized view over this table, or -1
    bool partitioned = false;
    int partitions = 1;
    bool owned_sequence = false; ///< a sequence OWNED BY t0.id
    bool in_schema = false;      ///< an extra schema holding a table
    bool grant_pair = false;     ///< GRANT INSERT ON t0, t1, then REVOKE it on t1
    int policy_on = -1;          ///< a commented policy on this table, or -1
    int policy_min = 0;          ///< ... its USING (id > policy_min)
    int describe = 0;            ///< a function of other's enum, replaced (body, comment)
    bool extra = false;          ///< a schema `extra`, granted with `other` in one GRANT
    std::string extra_comment;   ///< COMMENT ON SCHEMA extra

    bool usable(int t) const {
        return t >= 0 && t < static_cast<int>(tables.size()) && tables[t].present;
    }
};

std::string tname(int t) {
    return "t" + std::to_string(t);
}

std::map<std::string, std::string> files_of(const Model& m) {
    std::map<std::string, std::string> files;
    std::string& types = files["types.sql"];
    types += "CREATE TYPE status AS ENUM (";
    for (std::size_t i = 0; i < m.statuses.size(); ++i)
        types += (i ? ", '" : "'") + m.statuses[i] + "'";
    types += ");\nCREATE DOMAIN amount AS numeric CHECK (VALUE >= " + std::to_string(m.domain_min) +
             ");\nCREATE SEQUENCE counter_seq;\n";
    for (std::size_t i = 0; i < m.tables.size(); ++i) {
        const Table& t = m.tables[i];
        if (!t.present)
            continue;
        const int n = static_cast<int>(i);
        std::string sql = "CREATE TABLE " + tname(n) + " (\n  id integer PRIMARY KEY";
        for (int c = 1; c <= t.columns; ++c)
            sql += ",\n  c" + std::to_string(c) + (c == 1 && t.wide ? " varchar(40)" : " text");
        bool fk = m.usable(t.fk) && t.fk != n;
        // In CREATE TABLE only to a table before it (no cycle of tables).
        bool fk_alter = t.fk_alter || t.fk > n;
        if (fk)
            sql += ",\n  ref integer";
        if (fk && !fk_alter)
            sql += " REFERENCES " + tname(t.fk) + " (id) ON DELETE CASCADE";
        if (t.status)
            sql += ",\n  status status NOT NULL DEFAULT 'new'";
        if (t.amount)
            sql += ",\n  amount amount";
        if (t.counter)
            sql += ",\n  counter bigint DEFAULT nextval('counter_seq')";
        if (t.serial)
            sql += ",\n  n serial";
        if (t.check)
            sql += ",\n  CHECK (id > 0)";
        sql += "\n);\n";
        if (fk && fk_alter)
            sql += "ALTER TABLE " + tname(n) + " ADD CONSTRAINT " + tname(n) +
                   "_ref_fk FOREIGN KEY (ref) REFERENCES " + tname(t.fk) + " (id);\n";
        if (t.index && t.columns >= 1)
            sql += "CREATE INDEX " + tname(n) + "_c1_idx ON " + tname(n) + " (c1)" +
                   (t.partial ? " WHERE c1 IS NOT NULL" : "") + ";\n";
        if (t.serial && t.increment != 1)
            sql += "ALTER SEQUENCE " + tname(n) + "_n_seq INCREMENT BY " +
                   std::to_string(t.increment) + ";\n";
        if (!t.comment.empty())
            sql += "COMMENT ON TABLE " + tname(n) + " IS '" + t.comment + "';\n";
        if (t.grant)
            sql += "GRANT SELECT ON " + tname(n) + " TO incremental_reader;\n";
        files["tables/" + tname(n) + ".sql"] = sql;
    }
    std::string& code = files["code.sql"];
    if (m.usable(m.view_of)) {
        const Table& t = m.tables[m.view_of];
        code += "CREATE VIEW v AS SELECT a.id";
        code += t.columns >= 1 ? ", a.c1" : "";
        if (m.view_joins && m.usable(t.fk) && t.fk != m.view_of)
            code += ", b.id AS ref_id FROM " + tname(m.view_of) + " a LEFT JOIN " + tname(t.fk) +
                    " b ON b.id = a.ref;\n";
        else
            code += " FROM " + tname(m.view_of) + " a;\n";
    }
    if (m.usable(m.function_of)) {
        if (m.atomic)
            code += "CREATE FUNCTION rows_of() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT "
                    "count(*) FROM " +
                    tname(m.function_of) + "; END;\n";
        else
            code += "CREATE FUNCTION rows_of() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) "
                    "FROM " +
                    tname(m.function_of) + " $$;\n";
    }
    if (m.usable(m.trigger_on))
        code += "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; "
                "END $$;\nCREATE TRIGGER touch BEFORE UPDATE ON " +
                tname(m.trigger_on) + " FOR EACH ROW EXECUTE FUNCTION touch();\n";
    if (m.usable(m.matview_of))
        code += "CREATE MATERIALIZED VIEW mv AS SELECT id FROM " + tname(m.matview_of) + ";\n" +
                "CREATE UNIQUE INDEX mv_id ON mv (id);\n";
    if (m.partitioned) {
        std::string& sql = files["events.sql"];
        sql += "CREATE TABLE events (id integer NOT NULL, at date NOT NULL, kind status) "
               "PARTITION BY RANGE (at);\n";
        for (int p = 0; p < m.partitions; ++p)
            sql += "CREATE TABLE events_" + std::to_string(2020 + p) +
                   " PARTITION OF events FOR VALUES FROM ('" + std::to_string(2020 + p) +
                   "-01-01') TO ('" + std::to_string(2021 + p) + "-01-01');\n";
        sql += "CREATE INDEX events_at ON events (at);\n";
    }
    if (m.owned_sequence && m.usable(0))
        files["tables/t0_seq.sql"] = "CREATE SEQUENCE t0_ids;\nALTER SEQUENCE t0_ids OWNED BY "
                                     "t0.id;\n";
    if (m.grant_pair && m.usable(0) && m.usable(1)) {
        files["grants/a.sql"] = "GRANT INSERT ON t0, t1 TO incremental_reader;\n";
        files["grants/b.sql"] = "REVOKE INSERT ON t1 FROM incremental_reader;\n";
    }
    if (m.usable(m.policy_on))
        files["policy.sql"] = "ALTER TABLE " + tname(m.policy_on) +
                              " ENABLE ROW LEVEL SECURITY;\nCREATE POLICY p ON " +
                              tname(m.policy_on) + " USING (id > " + std::to_string(m.policy_min) +
                              ");\nCOMMENT ON POLICY p ON " + tname(m.policy_on) + " IS 'rows';\n";
    if (m.in_schema) {
        std::string& other = files["other.sql"];
        other = "CREATE SCHEMA other;\nCREATE TABLE other.things (id integer PRIMARY KEY, s "
                "status);\n";
        if (m.describe > 0)
            // Its argument's type is named as the file's search_path finds it.
            other += "CREATE TYPE other.kind AS ENUM ('x');\nSET search_path = other, public;\n"
                     "CREATE OR REPLACE FUNCTION describe(k kind) RETURNS text LANGUAGE sql AS $$ "
                     "SELECT k::text || '" +
                     std::to_string(m.describe) +
                     "' $$;\nCOMMENT ON FUNCTION describe(kind) IS 'v" +
                     std::to_string(m.describe % 2) +
                     "';\nGRANT EXECUTE ON FUNCTION describe(kind) TO incremental_reader;\n";
    }
    if (m.extra) {
        files["extra.sql"] =
            "CREATE SCHEMA extra;\n" +
            (m.extra_comment.empty() ? std::string()
                                     : "COMMENT ON SCHEMA extra IS '" + m.extra_comment + "';\n");
        if (m.in_schema)
            files["grants/schemas.sql"] = "GRANT USAGE ON SCHEMA other, extra TO "
                                          "incremental_reader;\n";
    }
    return files;
}

/// One random edit.
void edit(Model& m, std::mt19937& random) {
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const int n = static_cast<int>(m.tables.size());
    Table& t = m.tables[pick(n)];
    switch (pick(27)) {
    case 0:
        t.present = !t.present;
        break;
    case 1:
        t.columns = pick(4);
        break;
    case 2:
        t.wide = !t.wide;
        break;
    case 3:
        t.fk = pick(n + 1) - 1;
        break;
    case 4:
        t.fk_alter = !t.fk_alter;
        break;
    case 5:
        t.check = !t.check;
        break;
    case 6:
        t.index = !t.index;
        t.partial = pick(2) == 0;
        break;
    case 7:
        t.comment = t.comment.empty() ? "note " + std::to_string(pick(9)) : "";
        break;
    case 8:
        t.grant = !t.grant;
        break;
    case 9:
        t.status = !t.status;
        break;
    case 10:
        t.amount = !t.amount;
        break;
    case 11:
        t.counter = !t.counter;
        break;
    case 12:
        m.statuses.push_back("s" + std::to_string(m.statuses.size()));
        break;
    case 13:
        m.domain_min = pick(3);
        break;
    case 14:
        m.view_of = pick(n + 1) - 1;
        m.view_joins = pick(2) == 0;
        break;
    case 15:
        m.function_of = pick(n + 1) - 1;
        m.atomic = pick(2) == 0;
        break;
    case 16:
        m.trigger_on = pick(n + 1) - 1;
        break;
    case 17:
        m.matview_of = pick(n + 1) - 1;
        break;
    case 18:
        m.partitioned = !m.partitioned || pick(2) == 0;
        m.partitions = 1 + pick(3);
        break;
    default:
        (pick(2) ? m.owned_sequence : m.in_schema) ^= true;
        break;
    }
}

Model random_model(std::mt19937& random) {
    Model m;
    m.tables.resize(4);
    for (int i = 0; i < 6; ++i)
        edit(m, random);
    return m;
}

/// The tree of `m`, written into `dir` (emptied first) and loaded.
load::Tree load_model(const Model& m, const fs::path& dir) {
    fs::remove_all(dir);
    for (const auto& [name, text] : files_of(m)) {
        fs::create_directories((dir / name).parent_path());
        write_file(dir / name, text);
    }
    auto tree = load::load_tree(dir);
    REQUIRE_MESSAGE(tree.ok(), (tree.ok() ? "" : tree.error().message));
    return std::move(*tree);
}

std::string full_dump(const std::string& db) {
    auto dump = run(pg_bin("pg_dump") + " --schema-only -d " + shell_quote(server().conninfo(db)));
    REQUIRE(dump.exit_code == 0);
    std::stringstream in(dump.out);
    std::string out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && !line.starts_with("--") && !line.starts_with("\\restrict") &&
            !line.starts_with("\\unrestrict"))
            out += line + "\n";
    return out;
}

/// Each statement's unit, for a failure's message.
std::string units_of(const load::Tree& tree) {
    auto built = shadow::Built::of(tree);
    std::string out;
    for (std::size_t i = 0; i < built.statements.size(); ++i)
        out += tree.statements[i].sql.substr(0, 60) + " -> " + built.statements[i].unit + "\n";
    return out;
}

} // namespace

TEST_CASE("the incremental shadow: a kept tree updated by random edits holds what materializing "
          "each tree from nothing gives (200 edit sequences)") {
    REQUIRE(server().ensure_roles({"incremental_reader"}).ok());
    TempProject project("incremental");
    const fs::path dir = project.root / "schema";
    int updated = 0, declined = 0, unchanged = 0;
    for (unsigned sequence = 0; sequence < 200; ++sequence) {
        std::mt19937 random(sequence);
        Model model = random_model(random);
        load::Tree tree = load_model(model, dir);
        auto kept = shadow::materialize(server(), tree);
        REQUIRE_MESSAGE(kept.ok(), (kept.ok() ? "" : kept.error().message));
        shadow::Built built = shadow::Built::of(tree);
        // Through its text, as the cache keeps it.
        auto read_back = shadow::Built::parse(built.serialize());
        REQUIRE(read_back.has_value());
        built = std::move(*read_back);
        for (int step = 0; step < 3; ++step) {
            edit(model, random);
            tree = load_model(model, dir);
            auto made = shadow::update(server(), *kept, built, tree);
            auto fresh = shadow::materialize(server(), tree);
            REQUIRE_MESSAGE(fresh.ok(), (fresh.ok() ? "" : fresh.error().message));
            if (auto* why = std::get_if<std::string>(&made)) {
                // Declined: the kept database is as it was; go on from the
                // fresh one.
                ++declined;
                MESSAGE("sequence " << sequence << " step " << step << " declined: " << *why);
                CHECK(server().drop_database(*kept).ok());
                kept = fresh;
            } else {
                (std::get<shadow::Update>(made).dirty ? updated : unchanged) += 1;
                INFO("sequence " << sequence << " step " << step);
                INFO(units_of(tree));
                std::string redone;
                for (const auto& drop : std::get<shadow::Update>(made).drops)
                    redone += drop + "\n";
                for (const auto* statement : std::get<shadow::Update>(made).statements)
                    redone += statement->sql.substr(0, 60) + "\n";
                INFO("redone:\n" << redone);
                REQUIRE(full_dump(*kept) == full_dump(*fresh));
                CHECK(server().drop_database(*fresh).ok());
            }
            built = shadow::Built::of(tree);
        }
        CHECK(server().drop_database(*kept).ok());
    }
    MESSAGE(updated << " updates, " << unchanged << " without a change, " << declined
                    << " declined");
    // The test means something only if most edits are updates.
    CHECK(updated >= 400);
}
