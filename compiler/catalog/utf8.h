#pragma once

#include <cstddef>
#include <string_view>

/// The one place where text is measured in characters, not bytes. SQL text,
/// names and file contents are UTF-8; PostgreSQL and libpg_query count
/// positions in characters, and identifiers are limited in bytes.
namespace schemac::catalog::utf8 {

/// The byte does not start a character (10xxxxxx).
constexpr bool is_continuation(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

/// Characters in `text`.
constexpr std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (char byte : text)
        n += is_continuation(byte) ? 0 : 1;
    return n;
}

/// The byte offset of the 1-based `position`-th character of `text`, or
/// text.size() when it has fewer.
constexpr std::size_t offset_of(std::string_view text, std::size_t position) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!is_continuation(text[i]) && ++seen == position)
            return i;
    return text.size();
}

/// At most `max_bytes` of `text`, cut on a character boundary.
constexpr std::string_view truncate(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes)
        return text;
    std::size_t keep = max_bytes;
    while (keep > 0 && is_continuation(text[keep]))
        --keep;
    return text.substr(0, keep);
}

} // namespace schemac::catalog::utf8
