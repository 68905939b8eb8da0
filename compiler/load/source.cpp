#include "load/source.h"

#include "catalog/utf8.h"

#include <algorithm>
#include <cctype>

namespace schemac::load {

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)), m_line_starts{0} {
    for (std::size_t i = m_text.find('\n'); i != std::string::npos; i = m_text.find('\n', i + 1))
        m_line_starts.push_back(i + 1);
}

SourceLocation SourceFile::locate(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, m_text.size());
    // The last line starting at or before the offset (a newline's own byte
    // belongs to the line it ends).
    auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), byte_offset);
    int line = static_cast<int>(after - m_line_starts.begin());
    std::size_t line_start = *(after - 1);
    // Columns count characters, not bytes.
    auto before = std::string_view(m_text).substr(line_start, byte_offset - line_start);
    int column = 1 + static_cast<int>(catalog::utf8::length(before));
    return SourceLocation{m_path, line, column};
}

std::size_t SourceFile::byte_offset_of_char(int char_position) const {
    return catalog::utf8::offset_of(m_text, static_cast<std::size_t>(char_position));
}

std::size_t SourceFile::skip_blank(std::size_t offset) const {
    const std::string& t = m_text;
    while (offset < t.size()) {
        if (std::isspace(static_cast<unsigned char>(t[offset]))) {
            ++offset;
        } else if (t.compare(offset, 2, "--") == 0) {
            offset = t.find('\n', offset);
            if (offset == std::string::npos)
                return t.size();
        } else if (t.compare(offset, 2, "/*") == 0) {
            auto end = t.find("*/", offset + 2);
            if (end == std::string::npos)
                return t.size();
            offset = end + 2;
        } else {
            break;
        }
    }
    return offset;
}

std::string_view SourceFile::line_text(int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > m_line_starts.size())
        return {};
    std::size_t start = m_line_starts[static_cast<std::size_t>(line) - 1];
    auto end = m_text.find('\n', start);
    std::string_view view(m_text);
    view = view.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!view.empty() && view.back() == '\r')
        view.remove_suffix(1);
    return view;
}

std::string SourceFile::diagnostic(std::size_t byte_offset, std::string_view message) const {
    auto where = locate(byte_offset);
    return format_diagnostic(where, line_text(where.line), message);
}

namespace {

/// Characters of a long source line shown on each side of the column.
constexpr int k_context = 60;

} // namespace

std::string format_diagnostic(const SourceLocation& where, std::string_view source_line,
                              std::string_view message) {
    std::string out = where.file + ":" + std::to_string(where.line) + ":" +
                      std::to_string(where.column) + ": " + std::string(message);
    if (where.line <= 0)
        return out;
    // A long line is shown around the column only, cut on characters.
    int first = std::max(1, where.column - k_context);
    std::size_t begin = first > 1 ? catalog::utf8::offset_of(source_line, first) : 0;
    std::size_t end =
        catalog::utf8::offset_of(source_line, static_cast<std::size_t>(where.column + k_context));
    std::string_view shown = source_line.substr(begin, end - begin);
    std::string before = begin > 0 ? "..." : "";
    out += "\n  " + before + std::string(shown) + (end < source_line.size() ? "..." : "") + "\n  " +
           std::string(before.size(), ' ');
    // Keep tabs so the caret lines up under tab-indented source.
    int col = first;
    for (std::size_t i = 0; i < shown.size() && col < where.column; ++i) {
        if (catalog::utf8::is_continuation(shown[i]))
            continue;
        out += shown[i] == '\t' ? '\t' : ' ';
        ++col;
    }
    out += '^';
    return out;
}

} // namespace schemac::load
