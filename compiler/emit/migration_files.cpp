#include "emit/migration_files.h"

#include "emit/script.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

namespace schemac::emit {

Result<std::pair<std::string, std::string>> write_migration(const runtime::MigrationDir& dir,
                                                            const std::string& name,
                                                            const std::vector<steps::Step>& forward,
                                                            const std::vector<steps::Step>& reverse,
                                                            const std::string& catalog) {
    static const std::regex k_name("[a-z0-9_]+");
    if (!std::regex_match(name, k_name))
        return Error{"--write " + name + ": a migration name is lower-case letters, digits and _"};
    int last = dir.migrations.empty() ? 0 : std::stoi(dir.migrations.back().version);
    char version[16];
    std::snprintf(version, sizeof version, "%04d", last + 1);
    std::string id = std::string(version) + "_" + name;
    std::filesystem::create_directories(dir.dir);
    auto write = [&](const char* direction, const std::vector<steps::Step>& steps) {
        std::ofstream out(dir.dir / (id + "." + direction + ".sql"), std::ios::binary);
        out << render_migration(steps, "schemac migration " + id + " (" + direction + ")");
        return static_cast<bool>(out);
    };
    if (!write("up", forward) || !write("down", reverse))
        return Error{"cannot write " + id + " in " + dir.dir.string()};
    auto written = runtime::read_migrations(dir.dir);
    if (!written)
        return std::move(written).error();
    if (auto summed = runtime::write_sum(*written, catalog); !summed)
        return std::move(summed).error();
    return std::pair{(dir.dir / (id + ".up.sql")).string(),
                     (dir.dir / (id + ".down.sql")).string()};
}

} // namespace schemac::emit
