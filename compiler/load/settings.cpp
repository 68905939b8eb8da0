#include "load/settings.h"

#include "catalog/quote.h"
#include "sql/walk.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace schemac::load {
namespace {

using nlohmann::json;

/// What the shadow does with a setting a file changes.
enum class Use {
    Apply,  ///< it changes what the file's statements build or how they resolve
    Ignore, ///< it only concerns the session that ran a dump (timeouts, messages)
};

struct SettingRule {
    std::string_view name;
    Use use;
    /// The one value the tree can be read with, or "" for any.
    std::string_view only = "";
};

// clang-format off
constexpr SettingRule k_settings[] = {
    {"search_path", Use::Apply},
    {"check_function_bodies", Use::Apply},
    {"default_table_access_method", Use::Apply},
    {"default_tablespace", Use::Apply},
    {"xmloption", Use::Apply},
    // Old dumps set it off; the server then reads the file's strings as it
    // was written. libpg_query reads them as with on, so the server may see
    // other statements than the parser did: only the tree's role runs with
    // it (the shadow's administrator runs one command, with it on).
    {"standard_conforming_strings", Use::Apply},
    // The tree is read as UTF-8.
    {"client_encoding", Use::Ignore, "utf8"},
    {"statement_timeout", Use::Ignore},
    {"lock_timeout", Use::Ignore},
    {"idle_in_transaction_session_timeout", Use::Ignore},
    {"transaction_timeout", Use::Ignore},
    {"client_min_messages", Use::Ignore},
    {"escape_string_warning", Use::Ignore},
    {"row_security", Use::Ignore},
    {"default_with_oids", Use::Ignore, "false"},
};
// clang-format on

std::string lower(std::string text) {
    std::ranges::transform(text, text.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// The text of a constant in a parse tree (an A_Const): a string, a number,
/// a boolean; nullopt for anything else.
std::optional<std::string> constant(const json& node) {
    if (!node.is_object() || !node.contains("A_Const"))
        return std::nullopt;
    const json& c = node["A_Const"];
    if (c.contains("sval"))
        return c["sval"].value("sval", "");
    if (c.contains("ival"))
        return std::to_string(c["ival"].value("ival", 0));
    if (c.contains("fval"))
        return c["fval"].value("fval", "");
    if (c.contains("boolval"))
        return c["boolval"].value("boolval", false) ? "on" : "off";
    return std::nullopt;
}

std::string accepted_list() {
    std::string out;
    for (const auto& rule : k_settings)
        out += (out.empty() ? "" : ", ") + std::string(rule.name);
    return out;
}

/// `SELECT pg_catalog.set_config('name', 'value', is_local)` and nothing
/// else: its name and value, or nullopt when `select` is another query.
std::optional<std::pair<std::string, std::string>> set_config_call(const json& select) {
    for (const auto& [key, value] : select.items())
        if (key != "targetList" && key != "limitOption" && key != "op")
            return std::nullopt;
    if (!select.contains("targetList") || select["targetList"].size() != 1)
        return std::nullopt;
    const json& value = sql::node(select["targetList"][0]["ResTarget"], "val");
    if (!value.contains("FuncCall"))
        return std::nullopt;
    const json& call = value["FuncCall"];
    std::vector<std::string> name;
    for (const auto& part : sql::list(call, "funcname"))
        name.push_back(part["String"].value("sval", ""));
    if (name.empty() || name.back() != "set_config" ||
        (name.size() == 2 && name.front() != "pg_catalog") || name.size() > 2)
        return std::nullopt;
    const json& args = sql::list(call, "args");
    if (args.size() != 3)
        return std::nullopt;
    auto setting = constant(args[0]);
    auto text = constant(args[1]);
    if (!setting || !text || !constant(args[2]))
        return std::nullopt;
    return std::pair{lower(*setting), *text};
}

} // namespace

std::vector<std::string> parse_search_path(const std::string& text) {
    std::vector<std::string> out;
    std::string part;
    bool quoted = false;
    bool was_quoted = false;
    auto finish = [&] {
        std::string name = was_quoted ? part : lower(part);
        if (!was_quoted) {
            auto first = name.find_first_not_of(" \t\n");
            auto last = name.find_last_not_of(" \t\n");
            name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
        }
        if (!name.empty() && name != "$user" && name != "pg_catalog")
            out.push_back(name);
        part.clear();
        was_quoted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
            part += '"';
            ++i;
        } else if (c == '"') {
            if (!quoted)
                part.clear();
            quoted = !quoted;
            was_quoted = true;
        } else if (c == ',' && !quoted) {
            finish();
        } else if (quoted || !was_quoted) {
            part += c;
        }
    }
    finish();
    return out;
}

Result<bool> FileSettings::read(const Statement& statement, const json& stmt) {
    const std::string node = stmt.begin().key();
    const json& v = stmt.begin().value();
    if (node == "SelectStmt") {
        auto call = set_config_call(v);
        if (!call)
            return false;
        if (auto done = set(statement, call->first, call->second); !done)
            return done.error();
        return true;
    }
    if (node != "VariableSetStmt")
        return false;
    const std::string kind = v.value("kind", "");
    const std::string name = v.value("name", "");
    if (kind == "VAR_RESET_ALL") {
        m_values.clear();
        m_search_path = {"public"};
        return true;
    }
    if (kind == "VAR_RESET" || kind == "VAR_SET_DEFAULT") {
        if (auto done = set(statement, name, std::nullopt); !done)
            return done.error();
        return true;
    }
    if (kind != "VAR_SET_VALUE")
        return Error(statement.diagnostic(
            "SET " + (name.empty() ? std::string("TRANSACTION") : name) +
            " is not a setting the tree can use; schemac accepts SET, RESET and "
            "set_config() of " +
            accepted_list()));
    // A list is a search_path; each element is one name as the parser read it.
    std::string value;
    for (const auto& arg : sql::list(v, "args")) {
        auto text = constant(arg);
        if (!text)
            return Error(statement.diagnostic("SET " + name + ": a value schemac cannot read"));
        value += (value.empty() ? "" : ", ") +
                 (name == "search_path" ? catalog::quote_ident(*text) : *text);
    }
    if (auto done = set(statement, name, value); !done)
        return done.error();
    return true;
}

Status FileSettings::set(const Statement& statement, const std::string& name,
                         std::optional<std::string> value) {
    const auto* rule = std::ranges::find(k_settings, name, &SettingRule::name);
    if (rule == std::end(k_settings))
        return Error(statement.diagnostic("SET " + name +
                                          " is not a setting the tree can use; schemac "
                                          "accepts SET, RESET and set_config() of " +
                                          accepted_list()));
    if (!rule->only.empty() && value) {
        std::string given = lower(*value);
        std::erase(given, '-');
        if (given != rule->only)
            return Error(statement.diagnostic("SET " + name + " = " + *value +
                                              ": the tree is read with " + name + " = " +
                                              std::string(rule->only)));
    }
    if (name == "search_path")
        m_search_path = parse_search_path(value.value_or("\"$user\", public"));
    if (rule->use == Use::Ignore)
        return Ok{};
    if (value)
        m_values[name] = *value;
    else
        m_values.erase(name);
    return Ok{};
}

std::vector<std::pair<std::string, std::string>> FileSettings::applied() const {
    return {m_values.begin(), m_values.end()};
}

} // namespace schemac::load
