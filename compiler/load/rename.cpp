#include "load/rename.h"

#include "runtime/sql_text.h"
#include "sql/walk.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <pg_query.h>

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

/// The column or named constraint of CREATE TABLE `s` (parse tree `v`) that
/// starts at byte `target`.
std::optional<catalog::ObjectKey> table_element_at(const Statement& s, const json& v,
                                                   std::size_t base, std::size_t target) {
    for (const auto& element : sql::list(v, "tableElts")) {
        bool column = element.contains("ColumnDef");
        const json* node = column                           ? &element["ColumnDef"]
                           : element.contains("Constraint") ? &element["Constraint"]
                                                            : nullptr;
        if (!node ||
            node->value("location", -1) + static_cast<long>(base) != static_cast<long>(target))
            continue;
        if (!column && !node->contains("conname"))
            return std::nullopt; // an unnamed constraint: its name is not in the tree
        return catalog::child_key(column ? Kind::Column : Kind::Constraint, s.defines->schema,
                                  s.defines->name, node->value(column ? "colname" : "conname", ""));
    }
    return std::nullopt;
}

/// What starts at byte `target` inside statement `s` (parse tree `v`) and
/// can be renamed: the object it creates, a column or constraint of CREATE
/// TABLE, or an enum value. Fills `intent` and says whether it found one.
bool object_at(const SourceFile& file, const Statement& s, const json& v, std::size_t base,
               std::size_t target, RenameIntent& intent) {
    std::optional<catalog::ObjectKey> key;
    if (target == s.offset) {
        key = renameable(s);
    } else if (s.node == "CreateStmt" && s.defines) {
        key = table_element_at(s, v, base, target);
    } else if (s.node == "CreateEnumStmt" && s.defines) {
        if (auto index = enum_value_at(file, s, target)) {
            key = *s.defines;
            intent.value = v["vals"].at(*index)["String"].value("sval", "");
        }
    }
    if (key)
        intent.object = *key;
    return key.has_value();
}

/// The old name the annotation gives: a string literal for an enum value,
/// else one identifier; "" when it is neither, and `problem` says why.
std::string old_name_of(const RenameIntent& intent, std::string_view argument,
                        std::string& problem) {
    if (!intent.value.empty()) {
        std::size_t length = 0;
        auto old = string_literal(argument, length);
        if (old && length == argument.size())
            return *old;
        problem = "an enum value's old name is a string literal, like 'archived'";
        return "";
    }
    if (auto old = identifier(argument))
        return *old;
    problem = "expected the old name of " + catalog::describe(intent.object) +
              " as one identifier (no schema or table in front), got '" + std::string(argument) +
              "'";
    return "";
}

} // namespace

Result<std::vector<Annotation>> find_annotations(const SourceFile& file) {
    const std::string& text = file.text();
    std::vector<Annotation> out;
    if (text.find(k_renamed_from) == std::string::npos && text.find(k_using) == std::string::npos)
        return out; // the common case, without a scan
    auto comments = runtime::comments_of(text);
    if (!comments)
        return comments.error();
    for (const auto& comment : *comments) {
        std::string_view body(text.data() + comment.begin, comment.end - comment.begin);
        std::size_t line_start = text.rfind('\n', comment.begin);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        if (text.find_first_not_of(" \t", line_start) != comment.begin)
            continue;
        for (std::string_view marker : {k_renamed_from, k_using, k_using_reverse}) {
            // The marker as a word: `-- schemac:using x`, not `-- schemac:usingx`.
            if (!body.starts_with(marker) ||
                (body.size() > marker.size() &&
                 !std::isspace(static_cast<unsigned char>(body[marker.size()]))))
                continue;
            std::size_t line_end = std::min(text.find('\n', comment.begin), text.size());
            out.push_back(
                {marker, comment.begin,
                 std::string(trim(std::string_view(text).substr(
                     comment.begin + marker.size(), line_end - comment.begin - marker.size()))),
                 file.skip_blank(std::min(line_end + 1, text.size())), false});
        }
    }
    return out;
}

namespace {

/// `-- schemac:using <expression>` above a column of CREATE TABLE: the
/// expression converts the column's current values to its type;
/// `-- schemac:using-reverse` the column's values back to the current type.
Status attach_using(const SourceFile& file, Statement& s, const json& v, std::size_t base,
                    const Annotation& a) {
    bool reverse = a.marker == k_using_reverse;
    auto error = [&](const std::string& message) {
        return Error(file.diagnostic(a.comment, std::string(a.marker) + ": " + message));
    };
    std::optional<catalog::ObjectKey> column;
    if (s.node == "CreateStmt" && s.defines && a.target != s.offset)
        column = table_element_at(s, v, base, a.target);
    if (!column || column->kind != Kind::Column)
        return error("it must sit directly above a column in CREATE TABLE");
    if (a.argument.empty())
        return error(reverse ? "expected the expression that converts the column's values "
                               "back to its current type, like `price::text`"
                             : "expected the expression that converts the column's current "
                               "values, like `nullif(price, '')::numeric`");
    for (const auto& other : s.usings)
        if (other.column == *column && other.reverse == reverse)
            return error("the column already has one, above it");
    PgQueryParseResult parsed = pg_query_parse(("SELECT " + a.argument).c_str());
    std::string problem = parsed.error ? parsed.error->message : "";
    json tree = parsed.error ? json() : json::parse(parsed.parse_tree);
    pg_query_free_parse_result(parsed);
    if (!problem.empty())
        return error("the expression does not parse: " + problem);
    // One expression: not a second statement, a FROM or a second column.
    const auto& stmts = sql::list(tree, "stmts");
    bool one = stmts.size() == 1 && sql::node(stmts[0], "stmt").contains("SelectStmt");
    if (one) {
        const json& select = stmts[0]["stmt"]["SelectStmt"];
        one = sql::list(select, "targetList").size() == 1 &&
              select.value("op", "SETOP_NONE") == "SETOP_NONE";
        for (const auto& [field, value] : select.items())
            one = one && (field == "targetList" || field == "op" || field == "limitOption");
    }
    if (!one)
        return error("expected one expression, got '" + a.argument + "'");
    s.usings.push_back({*column, a.argument, reverse, &file, a.comment});
    return Ok{};
}

} // namespace

Status attach_annotations(const SourceFile& file, Statement& s, const json& tree, std::size_t base,
                          std::vector<Annotation>& annotations) {
    for (auto& a : annotations) {
        if (a.attached || a.target < s.offset ||
            a.target >= s.offset + std::max<std::size_t>(s.sql.size(), 1))
            continue;
        a.attached = true;
        if (a.marker == k_using || a.marker == k_using_reverse) {
            if (auto attached = attach_using(file, s, tree.begin().value(), base, a); !attached)
                return attached;
            continue;
        }
        auto error = [&](const std::string& message) {
            return Error(file.diagnostic(a.comment, std::string(k_renamed_from) + ": " + message));
        };
        RenameIntent intent{{}, "", "", &file, a.comment};
        if (!object_at(file, s, tree.begin().value(), base, a.target, intent))
            return error("it must sit directly above a schema, table, sequence, index or enum "
                         "type's CREATE, a column or named constraint in CREATE TABLE, a named "
                         "ADD CONSTRAINT, or an enum value");
        std::string problem;
        intent.old_name = old_name_of(intent, a.argument, problem);
        if (!problem.empty())
            return error(problem);
        s.renames.push_back(std::move(intent));
    }
    return Ok{};
}

Status check_all_attached(const SourceFile& file, const std::vector<Annotation>& annotations) {
    for (const auto& a : annotations)
        if (!a.attached)
            return Error(file.diagnostic(
                a.comment, std::string(a.marker) +
                               (a.marker == k_using || a.marker == k_using_reverse
                                    ? ": nothing below it to convert; put it directly above a "
                                      "column in CREATE TABLE"
                                    : ": nothing below it to rename; put it directly above the "
                                      "object that had the old name")));
    return Ok{};
}

} // namespace schemac::load
