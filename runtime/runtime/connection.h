#pragma once

#include "runtime/result.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

/// The runtime's link to PostgreSQL: libpq only, nothing of the compiler.
namespace schemac::runtime {

/// Rows of text values; a NULL is std::nullopt. Columns are read by the
/// name the query gives them (`AS nspname`), never by position.
class Rows {
  public:
    /// One row, its values by column name.
    class Row {
      public:
        Row(const Rows& rows, std::size_t index) : m_rows(&rows), m_index(index) {}
        const std::optional<std::string>& at(std::string_view column) const {
            return m_rows->m_values[m_index][m_rows->column(column)];
        }
        /// The value, or "" for NULL.
        std::string text(std::string_view column) const { return at(column).value_or(""); }
        /// A boolean column is true.
        bool flag(std::string_view column) const { return text(column) == "t"; }

      private:
        const Rows* m_rows;
        std::size_t m_index;
    };

    using Values = std::vector<std::vector<std::optional<std::string>>>;

    Rows() = default;
    explicit Rows(pg_result* result);
    /// Rows kept from an earlier query (a recorded introspection).
    Rows(std::vector<std::string> names, Values values)
        : m_names(std::move(names)), m_values(std::move(values)) {}

    /// The columns' names and the values, as the query returned them.
    const std::vector<std::string>& names() const { return m_names; }
    const Values& values() const { return m_values; }

    std::size_t size() const { return m_values.size(); }
    bool empty() const { return m_values.empty(); }
    Row operator[](std::size_t row) const { return Row(*this, row); }
    /// The rows an INSERT, UPDATE, DELETE or MERGE changed (PQcmdTuples): 0
    /// for any other statement.
    std::size_t affected() const { return m_affected; }
    /// The first row's first value, for queries of one value ("" for NULL).
    std::string single() const { return m_values.at(0).at(0).value_or(""); }

    /// Each row in turn: `for (auto row : rows)`.
    class Iterator {
      public:
        Iterator(const Rows& rows, std::size_t index) : m_rows(&rows), m_index(index) {}
        Row operator*() const { return Row(*m_rows, m_index); }
        Iterator& operator++() {
            ++m_index;
            return *this;
        }
        bool operator==(const Iterator& other) const { return m_index == other.m_index; }

      private:
        const Rows* m_rows;
        std::size_t m_index;
    };
    Iterator begin() const { return Iterator(*this, 0); }
    Iterator end() const { return Iterator(*this, size()); }

  private:
    /// The position of a column the query names; asking for one it does not
    /// name is a bug.
    std::size_t column(std::string_view name) const;

    std::vector<std::string> m_names;
    Values m_values;
    std::size_t m_affected = 0;
};

class Connection {
  public:
    /// Connects with a libpq connection string or URI; PG* variables apply.
    static Result<Connection> open(const std::string& conninfo);

    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    /// Runs one or more statements (simple query protocol).
    Result<Rows> exec(const std::string& sql);
    /// Runs one statement with text parameters (extended protocol).
    Result<Rows> exec(const std::string& sql, const std::vector<std::string>& params);
    /// exec with an empty search path, the session's restored afterwards:
    /// what pg_get_*def prints then names everything qualified, whatever a
    /// migration did to the path.
    Result<Rows> exec_qualified(const std::string& sql,
                                const std::vector<std::string>& params = {});

    /// Where the server's notices and warnings go (severity, message) while
    /// set: what a migration's own data step raises (`RAISE NOTICE`) is for
    /// whoever runs it. Unset (the default), they are dropped: the ones
    /// schemac's statements cause ("... does not exist, skipping") are not.
    using NoticeSink = std::function<void(const std::string& severity, const std::string& message)>;
    void on_notice(NoticeSink sink) {
        if (m_notice) // not a moved-from connection
            *m_notice = std::move(sink);
    }

    /// The database connected to (libpq's defaults applied).
    std::string database() const;
    /// The server's version number, e.g. 150018.
    int server_version() const;
    /// The connection is gone (the server closed it, or the network did).
    bool lost() const;
    /// The server process serving this connection (kept after it is lost).
    int backend_pid() const;

  private:
    explicit Connection(pg_conn* conn);
    Result<Rows> finish(pg_result* result);
    pg_conn* m_conn = nullptr;
    /// On the heap: libpq's notice receiver keeps its address across moves.
    std::unique_ptr<NoticeSink> m_notice = std::make_unique<NoticeSink>();
};

/// A PostgreSQL array literal for text values: {"a","b"}.
std::string text_array(const std::vector<std::string>& values);

/// Splits a PostgreSQL text-array output ({a,"b c"}) into its elements.
std::vector<std::string> parse_text_array(const std::string& literal);

} // namespace schemac::runtime

namespace schemac::runtime {
/// `conninfo` (a key=value string or URI) with its database replaced by `dbname`.
std::string with_database(const std::string& conninfo, const std::string& dbname);
/// The password a connection string holds (found as text: it may not
/// parse), or "".
std::string password_in(const std::string& conninfo);
/// `conninfo` with any password removed, fit to print; a string libpq
/// cannot parse has its password masked as text (`***`).
std::string redact(const std::string& conninfo);
/// `text` (libpq's message about `conninfo`, which may repeat it) with the
/// password of `conninfo` masked wherever it appears.
std::string scrub(const std::string& text, const std::string& conninfo);
/// "cannot connect to <conninfo, redacted>: <message, scrubbed>".
std::string connect_error(const std::string& what, const std::string& conninfo,
                          const std::string& message);
/// A --url as given: `env:NAME` is the value of environment variable NAME
/// (so the password stays out of the process list), anything else itself.
Result<std::string> resolve_url(const std::string& url);
/// The database `conninfo` names (libpq's default when it names none).
std::string database_of(const std::string& conninfo);
} // namespace schemac::runtime
