// `schemac plan` for a fixed change, golden in all three formats; the JSON
// validated against the published schema; --check and --exit-code.

#include "harness.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace schemac::testing;
using nlohmann::json;

namespace {

const fs::path k_fixture = fs::path(SCHEMAC_SOURCE_DIR) / "tests/plan";

/// The subset of JSON Schema (2020-12) that plan.schema.json uses: type,
/// enum, pattern (as a regex), required, properties, items, minimum and
/// local $ref. The schema is open for additions, so a reader accepts
/// members and values it does not know; `strict` checks schemac's own output
/// is documented: every member a property, every value of a list with
/// `examples` one of them. Returns the first violation, or "".
std::string validate(const json& value, const json& schema, const json& root, const std::string& at,
                     bool strict) {
    if (schema.contains("$ref")) {
        std::string ref = schema["$ref"];
        return validate(value, root["$defs"][ref.substr(ref.rfind('/') + 1)], root, at, strict);
    }
    if (schema.contains("type")) {
        auto is = [&](const std::string& type) {
            return (type == "object" && value.is_object()) ||
                   (type == "array" && value.is_array()) ||
                   (type == "string" && value.is_string()) ||
                   (type == "integer" && value.is_number_integer()) ||
                   (type == "boolean" && value.is_boolean()) || (type == "null" && value.is_null());
        };
        bool ok = false;
        if (schema["type"].is_array()) {
            for (const auto& type : schema["type"])
                ok = ok || is(type);
        } else {
            ok = is(schema["type"]);
        }
        if (!ok)
            return at + ": not of type " + schema["type"].dump();
    }
    auto listed = [&](const char* keyword) {
        return std::find(schema[keyword].begin(), schema[keyword].end(), value) !=
               schema[keyword].end();
    };
    if (schema.contains("enum") && !listed("enum"))
        return at + ": " + value.dump() + " is not one of " + schema["enum"].dump();
    if (strict && schema.contains("examples") && !listed("examples"))
        return at + ": " + value.dump() + " is not documented among " + schema["examples"].dump();
    if (schema.contains("pattern") && value.is_string() &&
        !std::regex_search(value.get<std::string>(),
                           std::regex(schema["pattern"].get<std::string>())))
        return at + ": " + value.dump() + " does not match " + schema["pattern"].dump();
    if (schema.contains("minimum") && value.is_number() && value < schema["minimum"])
        return at + ": below the minimum";
    if (value.is_object()) {
        for (const auto& name : schema.value("required", json::array()))
            if (!value.contains(name))
                return at + ": missing " + name.get<std::string>();
        for (const auto& [name, member] : value.items()) {
            if (schema.contains("properties") && schema["properties"].contains(name)) {
                if (auto problem =
                        validate(member, schema["properties"][name], root, at + "." + name, strict);
                    !problem.empty())
                    return problem;
            } else if (strict) {
                return at + ": undocumented member " + name;
            }
        }
    }
    if (value.is_array() && schema.contains("items"))
        for (std::size_t i = 0; i < value.size(); ++i)
            if (auto problem = validate(value[i], schema["items"], root,
                                        at + "[" + std::to_string(i) + "]", strict);
                !problem.empty())
                return problem;
    return "";
}

/// A project with before/ written as its history and after/ as its tree.
struct Project : TempProject {
    Project() : TempProject("plan") {
        fs::remove_all(root / "schema");
        fs::copy(k_fixture / "before", root / "schema", fs::copy_options::recursive);
        auto written = schemac("diff --write initial");
        REQUIRE_MESSAGE(written.exit_code == 0, written.err);
        fs::remove_all(root / "schema");
        fs::copy(k_fixture / "after", root / "schema", fs::copy_options::recursive);
    }
};

void check_golden(const std::string& actual, const fs::path& expected) {
    if (std::getenv("SCHEMAC_UPDATE_GOLDEN"))
        write_file(expected, actual);
    CHECK_MESSAGE(actual == read_file(expected), expected.string());
}

} // namespace

TEST_CASE("plan: golden text, markdown and JSON for a fixed change; the JSON fits its schema") {
    Project project;
    auto text = project.schemac("plan");
    CHECK_MESSAGE(text.exit_code == 0, text.err);
    check_golden(text.out, k_fixture / "expected.txt");
    CHECK(text.out.find("\033[") == std::string::npos); // no colour off a terminal

    auto markdown = project.schemac("plan --format markdown");
    CHECK(markdown.exit_code == 0);
    check_golden(markdown.out, k_fixture / "expected.md");

    auto json_out = project.schemac("plan --format json");
    CHECK(json_out.exit_code == 0);
    check_golden(json_out.out, k_fixture / "expected.json");
    json schema =
        json::parse(read_file(fs::path(SCHEMAC_SOURCE_DIR) / "compiler/report/plan.schema.json"));
    json plan = json::parse(json_out.out);
    CHECK(validate(plan, schema, schema, "$", true) == "");
    // Open for additions: a reader of v1 accepts a member or a hazard kind
    // it does not know; schemac's own output documents every one.
    json added = plan;
    added["forward"][0]["hazards"] =
        json::array({{{"kind", "mystery"}, {"message", "m"}, {"needs_approval", false}}});
    added["surprise"] = 1;
    CHECK(validate(added, schema, schema, "$", false) == "");
    CHECK(validate(added, schema, schema, "$", true) != "");
    added.erase("surprise");
    CHECK(validate(added, schema, schema, "$", true) ==
          "$.forward[0].hazards[0].kind: \"mystery\" is not documented among [\"data-loss\","
          "\"table-rewrite\",\"enum-rebuild\",\"long-lock\",\"index-build\","
          "\"not-transactional\",\"needs-data\"]");
    CHECK(schema.dump().find("additionalProperties") == std::string::npos);

    // The plan's forward SQL is exactly what diff prints.
    CHECK(plan["forward_sql"] == project.schemac("diff").out);
    CHECK(plan["reverse_sql"] == project.schemac("diff --reverse").out);
}

TEST_CASE("plan --exit-code and --check") {
    Project project;
    // Dropping legacy_slug loses data: approval needed.
    CHECK(project.schemac("plan --exit-code").exit_code == 3);
    auto check = project.schemac("plan --check");
    CHECK(check.exit_code == 1);
    CHECK(check.err.find("schema differs from what generated/ produces") != std::string::npos);
    CHECK(check.err.find("- column public.posts.legacy_slug") != std::string::npos);

    REQUIRE(project.schemac("diff --write tags").exit_code == 0);
    auto in_sync = project.schemac("plan --check");
    CHECK_MESSAGE(in_sync.exit_code == 0, in_sync.err);
    auto none = project.schemac("plan --exit-code");
    CHECK(none.exit_code == 0);
    CHECK(none.out.starts_with("Plan: no changes\n"));

    // A sum that disagrees fails the check and names the file.
    fs::path up = project.root / "generated/0002_tags.up.sql";
    write_file(up, read_file(up) + "\n-- edited\n");
    auto edited = project.schemac("plan --check");
    CHECK(edited.exit_code == 1);
    CHECK(edited.err.find("generated/0002_tags.up.sql changed since the sum was written") !=
          std::string::npos);
}

TEST_CASE("plan warns: a foreign key without an index, a table without a primary key, serial") {
    auto out = run(schemac_cmd("plan -q --format json --skip-proof --dev-url " +
                               shell_quote(dev_url()) + " --dir /nonexistent --schema " +
                               shell_quote((k_fixture / "lint").string())));
    REQUIRE_MESSAGE(out.exit_code == 0, out.err);
    json plan = json::parse(out.out);
    json schema =
        json::parse(read_file(fs::path(SCHEMAC_SOURCE_DIR) / "compiler/report/plan.schema.json"));
    CHECK(validate(plan, schema, schema, "$", true) == "");
    std::vector<std::string> found;
    for (const auto& w : plan["warnings"])
        found.push_back(w["code"].get<std::string>() + " " + w["object"].get<std::string>());
    // c.q_id is served by c_q_idx; audit's missing primary key is allowed
    // by the comment above its CREATE TABLE, its unindexed foreign key is not.
    CHECK(found == std::vector<std::string>{"SC001 table public.audit", "SC001 table public.c",
                                            "SC002 table public.log", "SC003 table public.p"});
    CHECK(plan["warnings"][1]["message"] ==
          "foreign key c_p_id_fkey (p_id) has no index on its columns: every delete or key "
          "update on public.p scans public.c");
}

TEST_CASE("plan --url warns when a volatile default would rewrite a large live table (SC004)") {
    auto db = database_from("CREATE TABLE t (id int PRIMARY KEY);\n"
                            "INSERT INTO t SELECT generate_series(1, 100000);\n"
                            "ANALYZE t;\n");
    TempProject project("sc004");
    auto plan = [&](const std::string& tree) {
        write_file(project.root / "schema/t.sql", tree);
        auto out = project.schemac("plan -q --format json --skip-proof --url " +
                                   shell_quote(server().conninfo(db)));
        REQUIRE_MESSAGE(out.exit_code == 0, out.err);
        return json::parse(out.out);
    };
    json warned =
        plan("CREATE TABLE t (id int PRIMARY KEY, token uuid DEFAULT gen_random_uuid());");
    REQUIRE(warned["warnings"].size() == 1);
    CHECK(warned["warnings"][0]["code"] == "SC004");
    CHECK(warned["warnings"][0]["message"].get<std::string>().find("~100000 rows") !=
          std::string::npos);
    CHECK(warned["forward"][0]["locks"][0]["rows"] == 100000);
    // A stable default is stored once: no rewrite, no warning.
    CHECK(plan("CREATE TABLE t (id int PRIMARY KEY, at timestamptz DEFAULT now());")["warnings"]
              .empty());
    CHECK(plan("-- schemac:allow SC004\n"
               "CREATE TABLE t (id int PRIMARY KEY, token uuid DEFAULT gen_random_uuid());")
              ["warnings"]
                  .empty());
}
