#include "shadow/kept.h"

#include "shadow/embedded.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>
#include <vector>

namespace schemac::shadow {
namespace fs = std::filesystem;
namespace {

std::optional<fs::path> folder_of(const std::string& folder) {
    std::string refused;
    auto cache = trusted_cache(refused);
    if (!cache)
        return std::nullopt;
    return *cache / folder;
}

/// "path size mtime" of a file or folder (size 0), or "" when it is not
/// there.
std::string stamp(const fs::path& path) {
    std::error_code ec;
    auto size = fs::is_directory(path, ec) ? 0 : fs::file_size(path, ec);
    if (ec)
        return "";
    auto time = fs::last_write_time(path, ec);
    if (ec)
        return "";
    return path.string() + " " + std::to_string(size) + " " +
           std::to_string(time.time_since_epoch().count());
}

} // namespace

std::optional<std::string> kept_file(const std::string& folder, const std::string& key) {
    auto dir = folder_of(folder);
    if (!dir)
        return std::nullopt;
    fs::path path = *dir / key;
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in)
        return std::nullopt;
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
        return std::nullopt;
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    return bytes;
}

void keep_file(const std::string& folder, const std::string& key, const std::string& bytes,
               std::size_t newest) {
    auto dir = folder_of(folder);
    if (!dir)
        return;
    std::error_code ec;
    fs::create_directories(*dir, ec);
    fs::path staging = *dir / (key + ".tmp" + std::to_string(getpid()));
    {
        std::ofstream out(staging, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            out.close();
            fs::remove(staging, ec);
            return;
        }
    }
    fs::rename(staging, *dir / key, ec);
    if (ec) {
        fs::remove(staging, ec);
        return;
    }
    std::vector<std::pair<fs::file_time_type, fs::path>> found;
    for (const auto& entry : fs::directory_iterator(*dir, ec))
        if (entry.path().filename().string().find(".tmp") == std::string::npos)
            found.emplace_back(fs::last_write_time(entry.path(), ec), entry.path());
    std::ranges::sort(found, std::greater<>());
    for (std::size_t i = newest; i < found.size(); ++i)
        fs::remove(found[i].second, ec);
}

std::string embedded_identity() {
    auto bindir = find_bindir();
    if (!bindir)
        return "";
    std::error_code ec;
    std::string self = stamp(fs::read_symlink("/proc/self/exe", ec));
    std::string server = stamp(*bindir / "postgres");
    if (self.empty() || server.empty())
        return "";
    std::string identity = self + "\n" + server + "\n";
    // The extensions installed (CREATE EXTENSION reads their files there):
    // a package installed, removed or upgraded changes its folder.
    fs::path prefix = bindir->parent_path();
    for (const fs::path& dir :
         {prefix / "lib", prefix / "share" / "extension",
          prefix / "share" / "postgresql" / "extension",
          fs::path("/usr/share/postgresql") / prefix.filename() / "extension"})
        identity += stamp(dir) + "\n";
    // What libpq sends the server from the environment, which the printed
    // definitions may depend on.
    for (const char* name : {"PGOPTIONS", "PGTZ", "PGDATESTYLE", "PGCLIENTENCODING"})
        if (const char* value = std::getenv(name))
            identity += std::string(name) + "=" + value + "\n";
    return identity;
}

} // namespace schemac::shadow
