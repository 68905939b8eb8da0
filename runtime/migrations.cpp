#include "runtime/migrations.h"

#include "runtime/sha256.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace schemac::runtime {
namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

namespace {

/// (file name, chained hash) for every file, in sum order.
std::vector<std::pair<std::string, std::string>> chain(const MigrationDir& dir) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string previous;
    for (const auto& m : dir.migrations) {
        for (const auto& path : {m.up, m.down}) {
            std::string name = path.filename().string();
            previous = Sha256()
                           .update(previous)
                           .update("\n")
                           .update(name)
                           .update("\n")
                           .update(read_text(path))
                           .hex();
            out.emplace_back(name, previous);
        }
    }
    return out;
}

} // namespace

Result<MigrationDir> read_migrations(const fs::path& dir) {
    MigrationDir out;
    out.dir = dir;
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return out;
    static const std::regex k_name(R"(^(\d{4})_([a-z0-9_]+)\.(up|down)\.sql$)");
    std::map<std::string, Migration> by_version;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string file = entry.path().filename().string();
        if (file == k_sum_file || !file.ends_with(".sql"))
            continue;
        std::smatch match;
        if (!std::regex_match(file, match, k_name))
            return Error((dir / file).string() +
                         ": not a migration file name (NNNN_name.up.sql or NNNN_name.down.sql)");
        Migration& m = by_version[match[1]];
        if (!m.name.empty() && m.name != match[2].str())
            return Error((dir / file).string() + ": version " + match[1].str() +
                         " is used by two migrations (" + m.name + " and " + match[2].str() + ")");
        m.version = match[1];
        m.name = match[2];
        (match[3] == "up" ? m.up : m.down) = entry.path();
    }
    for (auto& [version, m] : by_version) {
        if (m.up.empty() || m.down.empty())
            return Error((dir / (m.id() + (m.up.empty() ? ".up.sql" : ".down.sql"))).string() +
                         ": missing (every migration has an up and a down file)");
        out.migrations.push_back(std::move(m));
    }
    return out;
}

namespace {
constexpr std::string_view k_catalog_line = "catalog ";
}

std::string compute_sum(const MigrationDir& dir, const std::string& catalog) {
    std::string out = "# schemac.sum: chained SHA-256 of the migration files below. Each line\n"
                      "# covers its file and every earlier one; after a deliberate hand edit,\n"
                      "# run `schemac hash`.\n";
    for (const auto& [name, hash] : chain(dir))
        out += name + " " + hash + "\n";
    if (!catalog.empty())
        out += std::string(k_catalog_line) + catalog + "\n";
    return out;
}

Status verify_sum(const MigrationDir& dir) {
    fs::path sum_path = dir.dir / k_sum_file;
    std::error_code ec;
    if (!fs::exists(sum_path, ec)) {
        if (dir.migrations.empty())
            return Ok{};
        return Error(sum_path.string() + ": missing; run `schemac hash`");
    }
    std::vector<std::pair<std::string, std::string>> recorded;
    std::stringstream lines(read_text(sum_path));
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.starts_with("#") || line.starts_with(k_catalog_line))
            continue;
        auto space = line.find(' ');
        recorded.emplace_back(line.substr(0, space),
                              space == std::string::npos ? "" : line.substr(space + 1));
    }
    auto actual = chain(dir);
    std::vector<std::string> problems;
    auto has = [](const auto& list, const std::string& name) {
        return std::ranges::any_of(list, [&](const auto& p) { return p.first == name; });
    };
    for (const auto& [name, hash] : actual)
        if (!has(recorded, name))
            problems.push_back((dir.dir / name).string() + " is not in the sum");
    for (const auto& [name, hash] : recorded)
        if (!has(actual, name))
            problems.push_back((dir.dir / name).string() + " is in the sum but missing");
    if (problems.empty()) {
        // Same files: the first broken link of the chain is the changed file.
        for (std::size_t i = 0; i < actual.size(); ++i) {
            if (actual[i] != recorded[i]) {
                problems.push_back((dir.dir / actual[i].first).string() +
                                   (actual[i].first == recorded[i].first
                                        ? " changed since the sum was written"
                                        : " is out of order in the sum"));
                break;
            }
        }
    }
    if (problems.empty())
        return Ok{};
    std::string message = sum_path.string() + " disagrees with the migration files:";
    for (const auto& p : problems)
        message += "\n  " + p;
    return Error(message + "\nIf the change was deliberate, run `schemac hash`.");
}

Result<MigrationDir> read_verified_migrations(const fs::path& path) {
    auto dir = read_migrations(path);
    if (!dir)
        return dir;
    if (auto sum = verify_sum(*dir); !sum)
        return std::move(sum).error();
    return dir;
}

Status write_sum(const MigrationDir& dir, const std::string& catalog) {
    std::ofstream out(dir.dir / k_sum_file, std::ios::binary | std::ios::trunc);
    out << compute_sum(dir, catalog);
    if (!out)
        return Error((dir.dir / k_sum_file).string() + ": cannot write");
    return Ok{};
}

std::string recorded_catalog(const MigrationDir& dir) {
    static const std::regex k_sha("^[0-9a-f]{64}$");
    std::stringstream lines(read_text(dir.dir / k_sum_file));
    for (std::string line; std::getline(lines, line);)
        if (line.starts_with(k_catalog_line)) {
            std::string sha = line.substr(k_catalog_line.size());
            return std::regex_match(sha, k_sha) ? sha : "";
        }
    return "";
}

} // namespace schemac::runtime
