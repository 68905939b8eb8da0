#include "runtime/connection.h"

#include <cstdlib>
#include <libpq-fe.h>
#include <pwd.h>
#include <regex>
#include <stdexcept>
#include <unistd.h>

namespace schemac::runtime {
namespace {

std::string field(const PGresult* result, int code) {
    const char* value = PQresultErrorField(result, code);
    return value ? value : "";
}

ServerError error_of(const PGresult* result, PGconn* conn) {
    ServerError e;
    if (result) {
        e.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
        e.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
        e.hint = field(result, PG_DIAG_MESSAGE_HINT);
        e.sqlstate = field(result, PG_DIAG_SQLSTATE);
        std::string position = field(result, PG_DIAG_STATEMENT_POSITION);
        e.position = position.empty() ? 0 : std::stoi(position);
    }
    if (e.message.empty() && conn) {
        e.message = PQerrorMessage(conn);
        while (!e.message.empty() && e.message.back() == '\n')
            e.message.pop_back();
    }
    return e;
}

} // namespace

Rows::Rows(pg_result* result) {
    int rows = PQntuples(result);
    int columns = PQnfields(result);
    if (const char* changed = PQcmdTuples(result); changed && *changed)
        m_affected = std::stoul(changed);
    for (int c = 0; c < columns; ++c)
        m_names.emplace_back(PQfname(result, c));
    m_values.resize(rows);
    for (int r = 0; r < rows; ++r) {
        m_values[r].reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c))
                m_values[r].emplace_back(std::nullopt);
            else
                m_values[r].emplace_back(
                    std::string(PQgetvalue(result, r, c), PQgetlength(result, r, c)));
        }
    }
}

std::size_t Rows::column(std::string_view name) const {
    for (std::size_t c = 0; c < m_names.size(); ++c)
        if (m_names[c] == name)
            return c;
    throw std::logic_error("the query has no column " + std::string(name));
}

Result<Connection> Connection::open(const std::string& conninfo) {
    PGconn* conn = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        Error error(error_of(nullptr, conn));
        PQfinish(conn);
        return error;
    }
    return Connection(conn);
}

Connection::Connection(pg_conn* conn) : m_conn(conn) {
    PQsetNoticeReceiver(
        conn,
        [](void* arg, const PGresult* notice) {
            const auto& sink = *static_cast<const NoticeSink*>(arg);
            if (!sink)
                return;
            auto field = [&](int code) {
                const char* text = PQresultErrorField(notice, code);
                return std::string(text ? text : "");
            };
            try { // never an exception through libpq's C frames
                sink(field(PG_DIAG_SEVERITY), field(PG_DIAG_MESSAGE_PRIMARY));
            } catch (...) {
            }
        },
        m_notice.get());
}

Connection::Connection(Connection&& other) noexcept
    : m_conn(other.m_conn), m_notice(std::move(other.m_notice)) {
    other.m_conn = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        if (m_conn)
            PQfinish(m_conn);
        m_conn = other.m_conn;
        m_notice = std::move(other.m_notice);
        other.m_conn = nullptr;
    }
    return *this;
}

Connection::~Connection() {
    if (m_conn)
        PQfinish(m_conn);
}

Result<Rows> Connection::finish(pg_result* result) {
    auto status = PQresultStatus(result);
    Result<Rows> out =
        status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY
            ? Result<Rows>(Rows(result))
            : Result<Rows>(Error(error_of(result, m_conn)));
    PQclear(result);
    return out;
}

Result<Rows> Connection::exec(const std::string& sql) {
    return finish(PQexec(m_conn, sql.c_str()));
}

Result<Rows> Connection::exec(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p.c_str());
    return finish(PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
}

int Connection::server_version() const {
    return PQserverVersion(m_conn);
}

Result<Rows> Connection::exec_qualified(const std::string& sql,
                                        const std::vector<std::string>& params) {
    auto saved = exec("SELECT pg_catalog.current_setting('search_path')");
    if (!saved)
        return saved;
    (void)exec("SELECT pg_catalog.set_config('search_path', '', false)");
    auto rows = exec(sql, params);
    (void)exec("SELECT pg_catalog.set_config('search_path', $1, false)", {saved->single()});
    return rows;
}

bool Connection::lost() const {
    return PQstatus(m_conn) == CONNECTION_BAD;
}

int Connection::backend_pid() const {
    return PQbackendPID(m_conn);
}

std::string text_array(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (char c : values[i]) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

std::vector<std::string> parse_text_array(const std::string& literal) {
    std::vector<std::string> out;
    if (literal.size() < 2)
        return out;
    std::string current;
    bool quoted = false, in_element = false;
    for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
        char c = literal[i];
        if (quoted) {
            if (c == '\\' && i + 2 < literal.size())
                current += literal[++i];
            else if (c == '"')
                quoted = false;
            else
                current += c;
        } else if (c == '"') {
            quoted = in_element = true;
        } else if (c == ',') {
            out.push_back(current);
            current.clear();
            in_element = false;
        } else {
            current += c;
            in_element = true;
        }
    }
    if (in_element || !out.empty())
        out.push_back(current);
    return out;
}

} // namespace schemac::runtime

namespace schemac::runtime {
namespace {

std::string conninfo_value(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

/// Rebuilds a key=value string from parsed options, replacing or dropping keys.
std::string rebuild(const std::string& conninfo, const char* replace_key,
                    const std::string& replace_value, bool drop_password) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (!options) {
        if (error)
            PQfreemem(error);
        return conninfo;
    }
    std::string out;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        std::string key = o->keyword;
        if (drop_password && key == "password")
            continue;
        std::optional<std::string> value;
        if (replace_key && key == replace_key)
            value = replace_value;
        else if (o->val)
            value = o->val;
        if (!value)
            continue;
        out += (out.empty() ? "" : " ") + key + "=" + conninfo_value(*value);
    }
    PQconninfoFree(options);
    return out;
}

} // namespace

std::string with_database(const std::string& conninfo, const std::string& dbname) {
    return rebuild(conninfo, "dbname", dbname, false);
}

/// `scheme://user:password@`, or `password=value`.
std::string password_in(const std::string& conninfo) {
    static const std::regex k_uri(R"(^[A-Za-z][A-Za-z0-9+.-]*://[^:@/?]*:([^@/?]*)@)");
    static const std::regex k_pair(R"((?:^|\s)password\s*=\s*('((?:[^'\\]|\\.)*)'?|([^\s']+)))");
    std::smatch match;
    if (std::regex_search(conninfo, match, k_uri))
        return match[1];
    if (std::regex_search(conninfo, match, k_pair))
        return match[2].matched ? match[2].str() : match[3].str();
    return "";
}

std::string scrub(const std::string& text, const std::string& conninfo) {
    std::string password = password_in(conninfo);
    if (password.empty())
        return text;
    std::string out = text;
    for (std::size_t at = out.find(password); at != std::string::npos;
         at = out.find(password, at + 3))
        out.replace(at, password.size(), "***");
    return out;
}

std::string redact(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (!options) {
        if (error)
            PQfreemem(error);
        return scrub(conninfo, conninfo);
    }
    PQconninfoFree(options);
    return rebuild(conninfo, nullptr, "", true);
}

std::string connect_error(const std::string& what, const std::string& conninfo,
                          const std::string& message) {
    std::string target = redact(conninfo);
    if (target.empty())
        target = "database " + database_of(conninfo) +
                 (conninfo.empty() ? " (no --url nor DATABASE_URL: libpq's defaults)"
                                   : " (libpq's defaults)");
    return "cannot connect to " + what + target + ": " + scrub(message, conninfo);
}

Result<std::string> resolve_url(const std::string& url) {
    if (!url.starts_with("env:"))
        return url;
    const char* value = std::getenv(url.substr(4).c_str());
    if (!value || !*value)
        return Error(url + ": the environment variable " + url.substr(4) + " is not set");
    return std::string(value);
}

std::string database_of(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    std::string dbname, user;
    if (options) {
        for (PQconninfoOption* o = options; o->keyword; ++o) {
            std::string_view keyword = o->keyword;
            if (keyword == "dbname" && o->val)
                dbname = o->val;
            if (keyword == "user" && o->val)
                user = o->val;
        }
        PQconninfoFree(options);
    } else if (error) {
        PQfreemem(error);
    }
    // libpq's defaults: PGDATABASE, else the user's name (PGUSER, else the
    // operating system's user).
    if (const char* value = std::getenv("PGDATABASE"); dbname.empty() && value)
        dbname = value;
    if (const char* value = std::getenv("PGUSER"); user.empty() && value)
        user = value;
    if (const passwd* pw = getpwuid(geteuid()); user.empty() && pw)
        user = pw->pw_name;
    return dbname.empty() ? user : dbname;
}

std::string Connection::database() const {
    return PQdb(m_conn);
}

} // namespace schemac::runtime
