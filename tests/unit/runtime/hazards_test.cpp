// The hazard table is the one list: the plan's JSON schema and the README
// name exactly its kinds, and the runtime's gate reads it.

#include "runtime/hazards.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

using namespace schemac::runtime;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(fs::path(SCHEMAC_SOURCE_DIR) / path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("the plan's JSON schema documents exactly the hazard table's kinds") {
    auto schema = nlohmann::json::parse(read("compiler/report/plan.schema.json"));
    auto listed =
        schema["$defs"]["step"]["properties"]["hazards"]["items"]["properties"]["kind"]["examples"];
    std::set<std::string> in_schema(listed.begin(), listed.end());
    std::set<std::string> in_table;
    for (const auto& info : k_hazards)
        in_table.insert(std::string(info.name));
    CHECK(in_schema == in_table);
}

TEST_CASE("the README's hazard table names every hazard with its approval and gate") {
    std::string readme = read("README.md");
    for (const auto& info : k_hazards) {
        INFO(info.name);
        std::string row = "| `" + std::string(info.name) + "` | " +
                          (info.needs_approval ? "yes" : "no") + " | " +
                          (info.gated ? "yes" : "no") + " |";
        CHECK(readme.find(row) != std::string::npos);
    }
}

TEST_CASE("hazards are found by the name files and --allow-hazards use") {
    CHECK(find_hazard("data-loss") == HazardKind::DataLoss);
    CHECK(find_hazard("not-transactional") == HazardKind::NotTransactional);
    CHECK_FALSE(find_hazard("everything"));
    CHECK(hazard_info(HazardKind::DataLoss).gated);
    CHECK_FALSE(hazard_info(HazardKind::TableRewrite).gated);
    CHECK(hazard_info(HazardKind::LongLock).needs_approval);
    CHECK_FALSE(hazard_info(HazardKind::IndexBuild).needs_approval);
}
