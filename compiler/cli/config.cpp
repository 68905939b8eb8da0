#include "cli/config.h"

#include "runtime/connection.h"

#include <toml++/toml.h>

#include <functional>

namespace fs = std::filesystem;

namespace schemac::cli {
namespace {

/// "schemac.toml:3:1: " for a node of the file.
std::string at(const fs::path& file, const toml::source_region& where) {
    return file.string() + ":" + std::to_string(where.begin.line) + ":" +
           std::to_string(where.begin.column) + ": ";
}

/// Reads the keys of one table into their fields; each reader returns an
/// error message ("" when the value is good).
class TableReader {
  public:
    TableReader(const fs::path& file, const toml::table& table, std::string prefix)
        : m_file(file), m_table(table), m_prefix(std::move(prefix)) {}

    void text(const std::string& key, std::optional<std::string>& field) {
        m_readers[key] = [&field](const toml::node& node) -> std::string {
            if (const auto* value = node.as_string()) {
                field = value->get();
                return "";
            }
            return "a string";
        };
    }

    void list(const std::string& key, std::optional<std::vector<std::string>>& field) {
        m_readers[key] = [&field](const toml::node& node) -> std::string {
            const auto* array = node.as_array();
            if (!array)
                return "a list of strings";
            std::vector<std::string> values;
            for (const auto& element : *array) {
                const auto* value = element.as_string();
                if (!value)
                    return "a list of strings";
                values.push_back(value->get());
            }
            field = std::move(values);
            return "";
        };
    }

    /// Runs the readers over the table; `others` is given a key none of them
    /// reads, and sets `known` when it reads that key itself.
    Status read(const std::function<Status(const std::string&, const toml::node&, bool&)>& others =
                    nullptr) {
        for (const auto& [key, node] : m_table) {
            std::string name(key.str());
            auto reader = m_readers.find(name);
            if (reader == m_readers.end()) {
                bool known = false;
                if (others)
                    if (auto done = others(name, node, known); !done)
                        return done;
                if (!known)
                    return Error(at(m_file, key.source()) + "unknown setting " + m_prefix + name +
                                 " (settings: " + names() + (others ? ", env" : "") + ")");
                continue;
            }
            if (std::string wanted = reader->second(node); !wanted.empty())
                return Error(at(m_file, node.source()) + m_prefix + name + " is " + wanted);
        }
        return Ok{};
    }

  private:
    std::string names() const {
        std::string out;
        for (const auto& [name, reader] : m_readers)
            out += (out.empty() ? "" : ", ") + name;
        return out;
    }

    const fs::path& m_file;
    const toml::table& m_table;
    std::string m_prefix;
    std::map<std::string, std::function<std::string(const toml::node&)>> m_readers;
};

/// A URL stored in the file may not carry a password: `env:NAME` keeps it in
/// the environment, libpq's PGPASSWORD and ~/.pgpass keep it elsewhere.
Status no_password(const fs::path& file, const toml::table& table, const std::string& prefix,
                   const std::string& key, const std::optional<std::string>& url) {
    if (!url || url->starts_with("env:") || runtime::password_in(*url).empty())
        return Ok{};
    return Error(at(file, table[key].node()->source()) + prefix + key +
                 " holds a password in clear; write " + key +
                 " = \"env:NAME\" and set the environment variable NAME, or use ~/.pgpass");
}

Status read_environment(const fs::path& file, const std::string& name, const toml::table& table,
                        Environment& env) {
    TableReader reader(file, table, "env." + name + ".");
    reader.text("url", env.url);
    reader.text("dev_url", env.dev_url);
    reader.list("schemas", env.schemas);
    reader.list("roles", env.roles);
    if (auto read = reader.read(); !read)
        return read;
    for (const auto& [key, url] : {std::pair{"url", &env.url}, {"dev_url", &env.dev_url}})
        if (auto safe = no_password(file, table, "env." + name + ".", key, *url); !safe)
            return safe;
    return Ok{};
}

} // namespace

std::string Config::locate(const std::string& path) const {
    fs::path full = fs::path(path).is_absolute() ? fs::path(path) : file.parent_path() / path;
    std::error_code ec;
    fs::path near = fs::proximate(full, fs::current_path(ec), ec);
    return ec ? full.lexically_normal().string() : near.string();
}

Result<const Environment*> Config::environment(const std::string& name) const {
    auto found = environments.find(name);
    if (found != environments.end())
        return &found->second;
    std::string known;
    for (const auto& [env, settings] : environments)
        known += (known.empty() ? "" : ", ") + env;
    return Error("--env " + name + ": " + file.string() + " has no [env." + name + "]" +
                 (known.empty() ? "" : " (environments: " + known + ")"));
}

Result<Config> read_config(const fs::path& file) {
    Config config;
    config.file = file;
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        return Error(at(file, e.source()) + std::string(e.description()));
    }
    TableReader reader(file, root, "");
    reader.text("schema", config.schema);
    reader.text("dir", config.dir);
    reader.text("ignore", config.ignore);
    reader.text("dev_url", config.dev_url);
    reader.list("schemas", config.schemas);
    reader.list("roles", config.roles);
    auto environments = [&](const std::string& key, const toml::node& node, bool& known) -> Status {
        if (key != "env")
            return Ok{};
        known = true;
        const auto* table = node.as_table();
        if (!table)
            return Error(at(file, node.source()) + "env is a table of environments ([env.NAME])");
        for (const auto& [name, settings] : *table) {
            const auto* env = settings.as_table();
            if (!env)
                return Error(at(file, settings.source()) + "env." + std::string(name.str()) +
                             " is a table ([env." + std::string(name.str()) + "])");
            auto& into = config.environments[std::string(name.str())];
            if (auto read = read_environment(file, std::string(name.str()), *env, into); !read)
                return read;
        }
        return Ok{};
    };
    if (auto read = reader.read(environments); !read)
        return read.error();
    if (auto safe = no_password(file, root, "", "dev_url", config.dev_url); !safe)
        return safe.error();
    return config;
}

std::string config_template(const std::string& schema, const std::string& dir) {
    auto quoted = [](const std::string& text) {
        std::string out = "\"";
        for (char c : text)
            out += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        return out + "\"";
    };
    return "# schemac's settings for this project (man schemac): found from any\n"
           "# directory below this one; command-line options override them.\n"
           "schema = " +
           quoted(schema) + "\ndir = " + quoted(dir) +
           "\n"
           "# ignore = \".schemacignore\"\n"
           "# schemas = [\"public\"]\n"
           "# dev_url = \"env:SCHEMAC_DEV_URL\"\n"
           "\n"
           "# A database to deploy to: schemac apply --env prod. Its URL comes from\n"
           "# the environment when the command runs (never a password in this file).\n"
           "# [env.prod]\n"
           "# url = \"env:DATABASE_URL\"\n";
}

Result<std::optional<Config>> find_config(const fs::path& start) {
    std::error_code ec;
    for (fs::path dir = fs::absolute(start, ec);; dir = dir.parent_path()) {
        fs::path file = dir / k_config_file;
        if (fs::is_regular_file(file, ec)) {
            auto config = read_config(file);
            if (!config)
                return config.error();
            return std::optional<Config>(std::move(*config));
        }
        if (dir == dir.parent_path())
            return std::optional<Config>();
    }
}

} // namespace schemac::cli
