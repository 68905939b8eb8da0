#include "load/rename.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

namespace schemac::load {
namespace {

using catalog::Kind;
using nlohmann::json;

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

/// A token quoted with `quote` (doubled inside), starting at `text`'s first
/// byte: `'it''s'`, `"a ""b"""`. Sets `length` to the bytes it spans.
std::optional<std::string> quoted(std::string_view text, char quote, std::size_t& length) {
    if (text.empty() || text.front() != quote)
        return std::nullopt;
    std::string out;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (text[i] != quote) {
            out += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == quote) {
            out += quote;
            ++i;
        } else {
            length = i + 1;
            return out;
        }
    }
    return std::nullopt;
}

/// A standard string literal, `'it''s'`, starting at `text`'s first byte.
std::optional<std::string> string_literal(std::string_view text, std::size_t& length) {
    return quoted(text, '\'', length);
}

/// One identifier as PostgreSQL reads it: `Foo` folds to `foo`, `"Foo"` keeps
/// its case. Nothing else (no dots, no second word).
std::optional<std::string> identifier(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    if (text.front() == '"') {
        std::size_t length = 0;
        auto name = quoted(text, '"', length);
        return name && !name->empty() && length == text.size() ? name : std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool ok =
            std::isalpha(c) || c == '_' || c >= 0x80 || (i > 0 && (std::isdigit(c) || c == '$'));
        if (!ok)
            return std::nullopt;
        out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    return out;
}

/// The index among CREATE TYPE ... AS ENUM's values of the one that starts
/// at byte `target` of the file, counting the literals between the parentheses.
std::optional<std::size_t> enum_value_at(const SourceFile& file, const Statement& s,
                                         std::size_t target) {
    std::size_t at = file.text().find('(', s.offset);
    std::size_t end = s.offset + s.sql.size();
    for (std::size_t index = 0; at != std::string::npos && at < end; ++index) {
        at = file.skip_blank(at + 1);
        if (at == target)
            return index;
        std::size_t length = 0;
        if (!string_literal(std::string_view(file.text()).substr(at), length))
            return std::nullopt; // E'', $$: not a position an annotation can name
        at = file.skip_blank(at + length);
        if (at >= end || file.text()[at] != ',')
            return std::nullopt;
    }
    return std::nullopt;
}

/// The object a statement creates, when it is a kind that can be renamed.
std::optional<catalog::ObjectKey> renameable(const Statement& s) {
    if (!s.defines)
        return std::nullopt;
    static const std::pair<const char*, Kind> k_kinds[] = {
        {"CreateSchemaStmt", Kind::Schema}, {"CreateStmt", Kind::Table},
        {"CreateSeqStmt", Kind::Sequence},  {"IndexStmt", Kind::Index},
        {"CreateEnumStmt", Kind::Enum},     {"AlterTableStmt", Kind::Constraint},
    };
    for (const auto& [node, kind] : k_kinds)
        if (s.node == node && s.defines->kind == kind)
            return s.defines;
    return std::nullopt;
}

} // namespace

Status attach_renames(const SourceFile& file, std::vector<Statement>& statements,
                      const std::vector<const json*>& trees) {
    const std::string& text = file.text();
    for (std::size_t line_start = 0; line_start < text.size();) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos)
            line_end = text.size();
        std::size_t comment = text.find_first_not_of(" \t", line_start);
        std::string_view line = std::string_view(text).substr(line_start, line_end - line_start);
        std::size_t next = line_end + 1;
        if (comment >= line_end || text.compare(comment, k_renamed_from.size(), k_renamed_from)) {
            line_start = next;
            continue;
        }
        auto argument = trim(line.substr(comment - line_start + k_renamed_from.size()));
        auto error = [&](const std::string& message) {
            return Error{file.diagnostic(comment, std::string(k_renamed_from) + ": " + message)};
        };
        std::size_t target = file.skip_blank(std::min(next, text.size()));
        RenameIntent intent{{}, "", "", &file, comment};

        std::size_t i = 0;
        while (
            i < statements.size() &&
            !(statements[i].offset <= target &&
              target < statements[i].offset + std::max<std::size_t>(statements[i].sql.size(), 1)))
            ++i;
        if (i == statements.size())
            return error("nothing below it to rename; put it directly above the object that "
                         "had the old name");
        Statement& s = statements[i];
        const json& v = trees[i]->begin().value();
        bool found = false;
        if (target == s.offset) {
            if (auto key = renameable(s)) {
                intent.object = *key;
                found = true;
            }
        } else if (s.node == "CreateStmt" && s.defines) {
            for (const auto& element : v.value("tableElts", json::array())) {
                const json* node = element.contains("ColumnDef")    ? &element["ColumnDef"]
                                   : element.contains("Constraint") ? &element["Constraint"]
                                                                    : nullptr;
                if (!node || node->value("location", -1) != static_cast<long>(target))
                    continue;
                bool column = element.contains("ColumnDef");
                if (!column && !node->contains("conname"))
                    break; // an unnamed constraint: its name is not in the tree
                intent.object = catalog::child_key(column ? Kind::Column : Kind::Constraint,
                                                   s.defines->schema, s.defines->name,
                                                   node->value(column ? "colname" : "conname", ""));
                found = true;
            }
        } else if (s.node == "CreateEnumStmt" && s.defines) {
            if (auto index = enum_value_at(file, s, target)) {
                const auto& values = v["vals"];
                intent.object = *s.defines;
                intent.value = values.at(*index)["String"].value("sval", "");
                found = true;
            }
        }
        if (!found)
            return error("it must sit directly above a schema, table, sequence, index or enum "
                         "type's CREATE, a column or named constraint in CREATE TABLE, a named "
                         "ADD CONSTRAINT, or an enum value");

        if (!intent.value.empty()) {
            std::size_t length = 0;
            auto old = string_literal(argument, length);
            if (!old || length != argument.size())
                return error("an enum value's old name is a string literal, like 'archived'");
            intent.old_name = *old;
        } else {
            auto old = identifier(argument);
            if (!old)
                return error("expected the old name of " + catalog::describe(intent.object) +
                             " as one identifier (no schema or table in front), got '" +
                             std::string(argument) + "'");
            intent.old_name = *old;
        }
        s.renames.push_back(std::move(intent));
        line_start = next;
    }
    return Ok{};
}

} // namespace schemac::load
