#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

/// The runtime's link to PostgreSQL: libpq only, nothing of the compiler.
namespace schemac::runtime {

/// What the server said when a statement failed.
struct ServerError {
    std::string message;
    std::string detail;
    std::string hint;
    std::string sqlstate;
    int position = 0; ///< 1-based character position in the statement, 0 when none

    /// `message`, then DETAIL / HINT lines when present.
    std::string describe() const;
};

/// Rows of text values; a NULL is std::nullopt.
class Rows {
  public:
    Rows() = default;
    explicit Rows(pg_result* result);

    std::size_t size() const { return m_rows.size(); }
    bool empty() const { return m_rows.empty(); }
    const std::optional<std::string>& at(std::size_t row, std::size_t column) const {
        return m_rows[row][column];
    }
    /// The value, or "" for NULL.
    std::string text(std::size_t row, std::size_t column) const {
        return m_rows[row][column].value_or("");
    }

  private:
    std::vector<std::vector<std::optional<std::string>>> m_rows;
};

template <class T> struct DbResult {
    std::optional<T> value;
    ServerError error;
    bool ok() const { return value.has_value(); }
};

class Connection {
  public:
    /// Connects with a libpq connection string or URI; PG* variables apply.
    static DbResult<Connection> open(const std::string& conninfo);

    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    /// Runs one or more statements (simple query protocol).
    DbResult<Rows> exec(const std::string& sql);
    /// Runs one statement with text parameters (extended protocol).
    DbResult<Rows> exec(const std::string& sql, const std::vector<std::string>& params);

    /// The server's version number, e.g. 150018.
    int server_version() const;

  private:
    explicit Connection(pg_conn* conn) : m_conn(conn) {}
    DbResult<Rows> finish(pg_result* result);
    pg_conn* m_conn = nullptr;
};

/// A PostgreSQL array literal for text values: {"a","b"}.
std::string text_array(const std::vector<std::string>& values);

/// Splits a PostgreSQL text-array output ({a,"b c"}) into its elements.
std::vector<std::string> parse_text_array(const std::string& literal);

} // namespace schemac::runtime

namespace schemac::runtime {
/// `conninfo` (a key=value string or URI) with its database replaced by `dbname`.
std::string with_database(const std::string& conninfo, const std::string& dbname);
/// `conninfo` with any password removed, fit to print.
std::string redact(const std::string& conninfo);
/// The database `conninfo` names (libpq's default when it names none).
std::string database_of(const std::string& conninfo);
} // namespace schemac::runtime
