#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

/// The one way expected failures travel, in the compiler and the runtime
/// alike: as values. Exceptions mean bugs and are caught once, in main.
namespace schemac {

/// What the server said when a statement failed (libpq's error fields).
struct ServerError {
    std::string message;
    std::string detail;
    std::string hint;
    std::string sqlstate;
    int position = 0; ///< 1-based character position in the statement, 0 when none

    /// `message`, then DETAIL / HINT lines when present.
    std::string describe() const;
};

/// An expected failure: the innermost message, complete and ready for stderr
/// (it already holds file:line:col and the caret where there is one), what
/// the server said when it came from PostgreSQL, and the context it happened
/// in, outermost first: `introspecting columns failed`, `generated/0003_x.up.sql:12`.
class Error {
  public:
    explicit Error(std::string text) : message(std::move(text)) {}
    /// The server's error: its message, with its fields kept.
    explicit Error(ServerError error) : message(error.message), server(std::move(error)) {}

    /// The same failure, with what it left behind said after it ("nothing
    /// was applied.").
    Error with_outcome(std::string what) && {
        outcome = std::move(what);
        return std::move(*this);
    }

    /// The same failure, seen from one level further out.
    Error within(std::string outer) const& {
        Error out = *this;
        out.context.insert(out.context.begin(), std::move(outer));
        return out;
    }
    Error within(std::string outer) && {
        context.insert(context.begin(), std::move(outer));
        return std::move(*this);
    }

    /// The SQLSTATE when the server said it, else "".
    const std::string& sqlstate() const;

    /// `context: ...: message`, then the server's DETAIL and HINT lines, then
    /// the outcome on a line of its own.
    std::string describe() const;

    std::string message;
    std::optional<ServerError> server;
    std::vector<std::string> context;
    std::string statement; ///< the SQL that failed, when one did
    std::string outcome;   ///< what the failure left behind, when that needs saying
    /// The connection was lost during COMMIT: whether it committed is not
    /// known from here.
    bool commit_unknown = false;
};

/// A value or an Error (std::expected is C++23).
template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<T>(m_v); }
    T&& value() && { return std::get<T>(std::move(m_v)); }
    const T& value() const& { return std::get<T>(m_v); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const& { return std::get<Error>(m_v); }
    Error&& error() && { return std::get<Error>(std::move(m_v)); }

  private:
    std::variant<T, Error> m_v;
};

/// Result of an operation that has no value.
struct Ok {};
using Status = Result<Ok>;

inline std::string ServerError::describe() const {
    std::string out = message;
    if (!detail.empty())
        out += "\nDETAIL:  " + detail;
    if (!hint.empty())
        out += "\nHINT:  " + hint;
    return out;
}

inline const std::string& Error::sqlstate() const {
    static const std::string none;
    return server ? server->sqlstate : none;
}

inline std::string Error::describe() const {
    std::string out;
    for (const auto& outer : context)
        out += outer + ": ";
    out += message;
    if (server) {
        if (!server->detail.empty())
            out += "\nDETAIL:  " + server->detail;
        if (!server->hint.empty())
            out += "\nHINT:  " + server->hint;
    }
    if (!outcome.empty())
        out += "\n" + outcome;
    return out;
}

} // namespace schemac
