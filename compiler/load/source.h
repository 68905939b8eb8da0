#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace schemac::load {

/// A position in a tree file, 1-based.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

/// One loaded file and the one place where byte offsets become line:column.
class SourceFile {
  public:
    SourceFile(std::string path, std::string text);

    const std::string& path() const { return m_path; }
    const std::string& text() const { return m_text; }

    /// Location of a byte offset into the text.
    SourceLocation locate(std::size_t byte_offset) const;
    /// Byte offset of a 1-based character position (libpg_query's cursorpos).
    std::size_t byte_offset_of_char(int char_position) const;
    /// The first byte at or after `offset` that is not blank or a comment.
    std::size_t skip_blank(std::size_t offset) const;
    /// The text of 1-based line `line`, without its newline.
    std::string_view line_text(int line) const;

    /// `file:line:col: message`, then the source line and a caret under the column.
    std::string diagnostic(std::size_t byte_offset, std::string_view message) const;

  private:
    std::string m_path;
    std::string m_text;
    /// The byte offset where each line starts (line 1's is 0): every
    /// statement is located, so a lookup must not scan the file.
    std::vector<std::size_t> m_line_starts;
};

/// `file:line:col: message` with the source line and a caret (the form every
/// located error takes).
std::string format_diagnostic(const SourceLocation& where, std::string_view source_line,
                              std::string_view message);

} // namespace schemac::load
