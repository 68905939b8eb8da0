#pragma once

#include <string>
#include <utility>
#include <variant>

namespace schemac {

/// An expected failure, carried as a value: the message is complete and ready
/// for stderr (it already holds file:line:col and the caret where there is one).
struct Error {
    std::string message;
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
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<Error>(m_v); }

  private:
    std::variant<T, Error> m_v;
};

/// Result of an operation that has no value.
struct Ok {};
using Status = Result<Ok>;

} // namespace schemac
