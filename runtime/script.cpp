#include "runtime/script.h"

#include "runtime/sql_text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <pg_query.h>
#include <string_view>
#include <tuple>
#include <utility>

namespace schemac::runtime {
namespace {

/// Whether the comments before a statement hold a `-- schemac:batch` line.
bool batch_marked(const std::string& before) {
    for (std::size_t pos = 0; pos < before.size();) {
        std::size_t eol = std::min(before.find('\n', pos), before.size());
        std::size_t first = before.find_first_not_of(" \t", pos);
        if (first < eol && before.compare(first, k_batch_marker.size(), k_batch_marker) == 0)
            return true;
        pos = eol + 1;
    }
    return false;
}

/// Offset of the first character at or after `from` that is neither white
/// space nor inside a comment.
std::size_t skip_blank(const std::string& text, std::size_t from, std::size_t end) {
    std::size_t i = from;
    while (i < end) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++i;
        } else if (text.compare(i, 2, "--") == 0) {
            i = std::min(text.find('\n', i), end);
        } else if (text.compare(i, 2, "/*") == 0) {
            int depth = 0;
            do {
                if (text.compare(i, 2, "/*") == 0) {
                    ++depth;
                    i += 2;
                } else if (text.compare(i, 2, "*/") == 0) {
                    --depth;
                    i += 2;
                } else {
                    ++i;
                }
            } while (depth > 0 && i < end);
        } else {
            break;
        }
    }
    return i;
}

class LineIndex {
  public:
    explicit LineIndex(const std::string& text) {
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n')
                m_starts.push_back(i + 1);
    }
    int line_of(std::size_t offset) const {
        return static_cast<int>(std::upper_bound(m_starts.begin(), m_starts.end(), offset) -
                                m_starts.begin());
    }
    std::size_t column_of(std::size_t offset) const {
        return offset - m_starts[line_of(offset) - 1] + 1;
    }

  private:
    std::vector<std::size_t> m_starts{0};
};

/// A step's byte range in the file and what its marker said.
struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string title;
    bool marked = false;
    bool transactional = true;
    std::vector<ScriptHazard> hazards;
    bool data = false; ///< after `-- schemac:phase data`, before the next phase
};

/// The file cut at its markers: comments (found by the scanner, so never
/// text inside a string, a body or a quoted name) that start a line.
std::vector<Segment> segments_of(const std::string& text, const std::string& file_name,
                                 const std::vector<Comment>& comments) {
    std::vector<Segment> out{{0, text.size(), file_name, false, true, {}}};
    std::size_t pos = 0;
    int line_number = 0;
    auto comment = comments.begin();
    bool in_data_phase = false;
    while (pos < text.size()) {
        ++line_number;
        std::size_t eol = std::min(text.find('\n', pos), text.size());
        while (comment != comments.end() && comment->begin < pos)
            ++comment;
        bool marker = comment != comments.end() && comment->begin == pos;
        std::string_view line(text.data() + pos, marker ? eol - pos : 0);
        if (line.starts_with(k_step_marker)) {
            out.back().end = pos;
            std::string title(line.substr(k_step_marker.size()));
            title.erase(0, title.find_first_not_of(' '));
            title.erase(title.find_last_not_of(" \t\r") + 1); // a CRLF file's \r
            out.push_back({eol, text.size(), title, true, true, {}, in_data_phase});
        } else if (line.starts_with(k_phase_marker)) {
            std::string_view phase = line.substr(k_phase_marker.size());
            std::size_t first = phase.find_first_not_of(" \t");
            std::size_t last = phase.find_last_not_of(" \t\r");
            in_data_phase =
                first != std::string_view::npos && phase.substr(first, last + 1 - first) == "data";
        } else if (line.starts_with(k_no_transaction_marker) && out.back().marked) {
            out.back().transactional = false;
        } else if (line.starts_with(k_hazard_marker)) {
            std::string_view rest = line.substr(k_hazard_marker.size());
            std::size_t colon = rest.find(": ");
            if (colon != std::string_view::npos)
                out.back().hazards.push_back({std::string(rest.substr(0, colon)),
                                              std::string(rest.substr(colon + 2)), line_number});
        }
        pos = eol + 1;
    }
    return out;
}

} // namespace

namespace {

/// Whether `text` holds `word`, in any case: a quick look before a parse.
bool mentions(const std::string& text, std::string_view word) {
    auto found = std::search(text.begin(), text.end(), word.begin(), word.end(),
                             [](char a, char b) { return std::toupper(a) == b; });
    return found != text.end();
}

/// libpg_query's parse tree of `sql`, built on a stack that holds it; null
/// when it does not parse.
nlohmann::json parse_tree(const std::string& sql) {
    nlohmann::json tree;
    on_stack(parse_stack_for(sql.size()), [&] {
        PgQueryParseResult parsed = pg_query_parse(sql.c_str());
        if (!parsed.error)
            tree = nlohmann::json::parse(parsed.parse_tree, nullptr, false);
        pg_query_free_parse_result(parsed);
    });
    return tree;
}

} // namespace

namespace {

/// Calls `visit` with the body of every `node` statement (`IndexStmt`,
/// `DropStmt`, ...) of `sql`, when `sql` mentions `word` at all and parses.
template <class Visit>
void for_each_statement(const std::string& sql, std::string_view word, const char* node,
                        Visit visit) {
    if (!mentions(sql, word))
        return;
    auto tree = parse_tree(sql);
    if (!tree.is_object())
        return;
    for (const auto& raw : tree.value("stmts", nlohmann::json::array())) {
        const auto& body =
            raw.value("stmt", nlohmann::json::object()).value(node, nlohmann::json::object());
        if (!body.empty())
            visit(body);
    }
}

} // namespace

std::vector<IndexName> concurrent_indexes(const std::string& sql) {
    std::vector<IndexName> out;
    for_each_statement(sql, "CONCURRENTLY", "IndexStmt", [&](const nlohmann::json& index) {
        if (index.value("concurrent", false) && index.contains("idxname"))
            out.push_back({index["relation"].value("schemaname", ""), index.value("idxname", "")});
    });
    return out;
}

std::vector<IndexName> concurrent_drops(const std::string& sql) {
    std::vector<IndexName> out;
    for_each_statement(sql, "CONCURRENTLY", "DropStmt", [&](const nlohmann::json& drop) {
        if (!drop.value("concurrent", false) || drop.value("removeType", "") != "OBJECT_INDEX")
            return;
        for (const auto& object : drop.value("objects", nlohmann::json::array())) {
            std::vector<std::string> parts;
            for (const auto& item : object["List"].value("items", nlohmann::json::array()))
                parts.push_back(item["String"].value("sval", ""));
            if (parts.size() == 1)
                out.push_back({"", parts[0]});
            else if (parts.size() == 2)
                out.push_back({parts[0], parts[1]});
        }
    });
    return out;
}

std::string without_concurrently(const std::string& sql) {
    if (concurrent_indexes(sql).empty() && concurrent_drops(sql).empty())
        return sql;
    // The keyword comes before the index's name: the first one outside quotes.
    constexpr std::string_view k_word = "CONCURRENTLY";
    bool quoted = false;
    for (std::size_t i = 0; i + k_word.size() <= sql.size(); ++i) {
        if (sql[i] == '"')
            quoted = !quoted;
        if (quoted)
            continue;
        bool word_start =
            i == 0 || !(std::isalnum(static_cast<unsigned char>(sql[i - 1])) || sql[i - 1] == '_');
        std::size_t end = i + k_word.size();
        bool word_end = end == sql.size() ||
                        !(std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_');
        if (word_start && word_end &&
            std::equal(k_word.begin(), k_word.end(), sql.begin() + static_cast<long>(i),
                       [](char a, char b) { return std::toupper(a) == b; })) {
            std::size_t from = i > 0 && sql[i - 1] == ' ' ? i - 1 : i;
            return sql.substr(0, from) + sql.substr(end);
        }
    }
    return sql;
}

std::string lock_without_concurrently(const std::string& sql) {
    // The statement below the note names the table or index exactly.
    if (!concurrent_indexes(sql).empty())
        return "SHARE on its table: writes wait";
    if (!concurrent_drops(sql).empty())
        return "ACCESS EXCLUSIVE on its table: reads and writes wait";
    return "";
}

bool runs_alone(const std::string& sql, bool transactional, bool batched) {
    if (!extended_enums(sql).empty())
        return true;
    bool concurrent = !concurrent_indexes(sql).empty() || !concurrent_drops(sql).empty();
    return !transactional && !concurrent && !batched && validated_constraints(sql).empty();
}

std::optional<Script> atomic(const Script& script) {
    Script out = script;
    for (auto& step : out.steps) {
        for (auto& statement : step.statements) {
            if (runs_alone(statement.sql, step.transactional, statement.batched))
                return std::nullopt;
            statement.sql = without_concurrently(statement.sql);
        }
        step.transactional = true;
    }
    return out;
}

std::vector<ConstraintName> validated_constraints(const std::string& sql) {
    std::vector<ConstraintName> out;
    for_each_statement(sql, "VALIDATE", "AlterTableStmt", [&](const nlohmann::json& alter) {
        const auto& relation = alter.value("relation", nlohmann::json::object());
        for (const auto& cmd : alter.value("cmds", nlohmann::json::array())) {
            const auto& command = cmd.value("AlterTableCmd", nlohmann::json::object());
            if (command.value("subtype", "") == "AT_ValidateConstraint")
                out.push_back({relation.value("schemaname", ""), relation.value("relname", ""),
                               command.value("name", "")});
        }
    });
    return out;
}

std::vector<QualifiedName> extended_enums(const std::string& sql) {
    std::vector<QualifiedName> out;
    for_each_statement(sql, "ADD VALUE", "AlterEnumStmt", [&](const nlohmann::json& alter) {
        if (alter.contains("oldVal")) // RENAME VALUE
            return;
        std::vector<std::string> names;
        for (const auto& part : alter.value("typeName", nlohmann::json::array()))
            names.push_back(part.value("String", nlohmann::json::object()).value("sval", ""));
        if (names.size() == 1)
            out.push_back({"", names[0]});
        else if (names.size() >= 2)
            out.push_back({names[names.size() - 2], names.back()});
    });
    return out;
}

namespace {

/// The IndexStmt of `sql` with what does not make the index different
/// taken out: its places in the text and CONCURRENTLY.
nlohmann::json index_shape(const std::string& sql) {
    auto tree = parse_tree(sql);
    if (!tree.is_object() || tree.value("stmts", nlohmann::json::array()).size() != 1)
        return nullptr;
    auto stmt = tree["stmts"][0].value("stmt", nlohmann::json::object());
    if (!stmt.contains("IndexStmt"))
        return nullptr;
    nlohmann::json shape = stmt["IndexStmt"];
    shape.erase("concurrent");
    std::vector<nlohmann::json*> pending{&shape};
    while (!pending.empty()) {
        nlohmann::json* node = pending.back();
        pending.pop_back();
        if (node->is_object())
            node->erase("location");
        if (node->is_structured())
            for (auto& child : *node)
                pending.push_back(&child);
    }
    return shape;
}

} // namespace

bool same_index(const std::string& a, const std::string& b) {
    auto shape = index_shape(a);
    return !shape.is_null() && shape == index_shape(b);
}

namespace {

/// Whether a statement of `sql` is one of `nodes`, or a DROP, COMMENT ON, SET
/// SCHEMA or RENAME of an object of type `object` (`OBJECT_EXTENSION`); `word` is how such SQL
/// must spell it, so most SQL is not parsed.
bool manages(const std::string& sql, std::string_view word,
             std::initializer_list<std::string_view> nodes, std::string_view object) {
    if (!mentions(sql, word))
        return false;
    auto tree = parse_tree(sql);
    if (!tree.is_object())
        return false;
    for (const auto& raw : tree.value("stmts", nlohmann::json::array())) {
        const auto& stmt = raw.value("stmt", nlohmann::json::object());
        if (stmt.empty())
            continue;
        const std::string node = stmt.begin().key();
        const auto& v = stmt.begin().value();
        // The statements for any kind, by the field that names theirs.
        static constexpr std::pair<std::string_view, const char*> k_generic[] = {
            {"DropStmt", "removeType"},
            {"CommentStmt", "objtype"},
            {"AlterObjectSchemaStmt", "objectType"},
            {"RenameStmt", "renameType"}};
        auto generic =
            std::ranges::find(k_generic, node, &std::pair<std::string_view, const char*>::first);
        if (std::ranges::find(nodes, node) != nodes.end() ||
            (generic != std::end(k_generic) && v.value(generic->second, "") == object))
            return true;
    }
    return false;
}

} // namespace

bool moves_into_system_schema(const std::string& sql) {
    bool moves = false;
    for_each_statement(sql, "SCHEMA", "AlterObjectSchemaStmt", [&](const nlohmann::json& alter) {
        std::string schema = alter.value("newschema", "");
        moves = moves || schema == "pg_catalog" || schema == "information_schema" ||
                schema.starts_with("pg_toast") || schema.starts_with("pg_temp");
    });
    return moves;
}

bool manages_extension(const std::string& sql) {
    return manages(sql, "EXTENSION",
                   {"CreateExtensionStmt", "AlterExtensionStmt", "AlterExtensionContentsStmt"},
                   "OBJECT_EXTENSION");
}

bool manages_publication(const std::string& sql) {
    return manages(sql, "PUBLICATION", {"CreatePublicationStmt", "AlterPublicationStmt"},
                   "OBJECT_PUBLICATION");
}

bool manages_foreign_data(const std::string& sql) {
    return manages(sql, "FOREIGN DATA WRAPPER",
                   {"CreateFdwStmt", "AlterFdwStmt", "CreateForeignServerStmt"}, "OBJECT_FDW");
}

bool manages_event_trigger(const std::string& sql) {
    return manages(sql, "EVENT TRIGGER", {"CreateEventTrigStmt", "AlterEventTrigStmt"},
                   "OBJECT_EVENT_TRIGGER");
}

bool marks_leakproof(const std::string& sql) {
    bool found = false;
    auto leakproof = [&](const nlohmann::json& options) {
        for (const auto& option : options) {
            const auto& def = option.value("DefElem", nlohmann::json::object());
            // A Boolean node holds "boolval": true, or nothing for false.
            found = found || (def.value("defname", "") == "leakproof" &&
                              def.value("arg", nlohmann::json::object())
                                  .value("Boolean", nlohmann::json::object())
                                  .value("boolval", false));
        }
    };
    for_each_statement(sql, "LEAKPROOF", "CreateFunctionStmt", [&](const nlohmann::json& create) {
        leakproof(create.value("options", nlohmann::json::array()));
    });
    for_each_statement(sql, "LEAKPROOF", "AlterFunctionStmt", [&](const nlohmann::json& alter) {
        leakproof(alter.value("actions", nlohmann::json::array()));
    });
    return found;
}

namespace {

/// A RoleSpec field, not a node: its members without a wrapper.
const nlohmann::json& role_spec(const nlohmann::json& role) {
    return role.contains("RoleSpec") ? role["RoleSpec"] : role;
}

} // namespace

std::vector<std::string> new_owners(const std::string& sql) {
    std::vector<std::string> out;
    auto add = [&](const nlohmann::json& role) {
        const auto& spec = role_spec(role);
        out.push_back(spec.value("roletype", "") == "ROLESPEC_CSTRING" ? spec.value("rolename", "")
                                                                       : "CURRENT_USER");
    };
    for_each_statement(sql, "OWNER", "AlterOwnerStmt", [&](const nlohmann::json& alter) {
        add(alter.value("newowner", nlohmann::json::object()));
    });
    for_each_statement(sql, "OWNER", "AlterTableStmt", [&](const nlohmann::json& alter) {
        for (const auto& cmd : alter.value("cmds", nlohmann::json::array())) {
            const auto& c = cmd.value("AlterTableCmd", nlohmann::json::object());
            if (c.value("subtype", "") == "AT_ChangeOwner")
                add(c.value("newowner", nlohmann::json::object()));
        }
    });
    return out;
}

namespace {

/// Where the next placeholder `'${SCHEMAC_SECRET_...}'` starts in `sql` at
/// or after `from`, and its length; npos when there is none.
std::pair<std::size_t, std::size_t> next_secret(const std::string& sql, std::size_t from) {
    const std::string open = "'${" + std::string(k_secret_prefix);
    for (std::size_t at = sql.find(open, from); at != std::string::npos;
         at = sql.find(open, at + 1)) {
        std::size_t end = at + 3;
        while (end < sql.size() &&
               (std::isupper(static_cast<unsigned char>(sql[end])) ||
                std::isdigit(static_cast<unsigned char>(sql[end])) || sql[end] == '_'))
            ++end;
        if (sql.compare(end, 2, "}'") == 0)
            return {at, end + 2 - at};
    }
    return {std::string::npos, 0};
}

} // namespace

std::string secret_placeholder(const std::string& name) {
    return "'${" + name + "}'";
}

std::vector<std::string> secrets_in(const std::string& sql) {
    std::vector<std::string> out;
    for (auto [at, length] = next_secret(sql, 0); at != std::string::npos;
         std::tie(at, length) = next_secret(sql, at + length)) {
        std::string name = sql.substr(at + 3, length - 5);
        if (std::ranges::find(out, name) == out.end())
            out.push_back(std::move(name));
    }
    return out;
}

Result<std::string> with_secrets(const std::string& sql, const std::optional<std::string>& value) {
    std::string out;
    std::size_t done = 0;
    for (auto [at, length] = next_secret(sql, 0); at != std::string::npos;
         std::tie(at, length) = next_secret(sql, at + length)) {
        std::string name = sql.substr(at + 3, length - 5);
        std::optional<std::string> secret = value;
        if (!secret) {
            const char* set = std::getenv(name.c_str());
            if (!set)
                return Error("the migration takes secret " + name +
                             " from the environment, and it is not set: export " + name +
                             " with its value and run again");
            secret = set;
        }
        out.append(sql, done, at - done);
        out += '\'';
        for (char c : *secret)
            out += c == '\'' ? std::string("''") : std::string(1, c);
        out += '\'';
        done = at + length;
    }
    if (done == 0)
        return sql;
    out.append(sql, done, std::string::npos);
    return out;
}

bool Script::transactional() const {
    return std::ranges::all_of(steps, [](const ScriptStep& s) { return s.transactional; });
}

std::vector<StepGroup> step_groups(const Script& script) {
    std::vector<StepGroup> out;
    for (std::size_t i = 0; i < script.steps.size(); ++i) {
        bool transactional = script.steps[i].transactional;
        if (transactional && !out.empty() && out.back().transactional)
            out.back().last = i + 1;
        else
            out.push_back({i, i + 1, transactional});
    }
    return out;
}

Result<Script> parse_script(const std::filesystem::path& path, const std::string& text) {
    Script script;
    script.path = path;
    LineIndex lines(text);
    auto located = [&](std::size_t at, const std::string& message) {
        return Error(path.string() + ":" + std::to_string(lines.line_of(at)) + ":" +
                     std::to_string(lines.column_of(at)) + ": " + message);
    };
    if (auto problems = text_problems(text); !problems.empty())
        return located(problems.front().offset, problems.front().message);
    auto comments = comments_of(text);
    if (!comments)
        return Error(path.string() + ": " + comments.error().message);
    for (const auto& segment : segments_of(text, path.filename().string(), *comments)) {
        std::string body = text.substr(segment.begin, segment.end - segment.begin);
        PgQuerySplitResult split = pg_query_split_with_parser(body.c_str());
        if (split.error) {
            std::size_t at =
                segment.begin + (split.error->cursorpos > 0
                                     ? static_cast<std::size_t>(split.error->cursorpos - 1)
                                     : 0);
            Error error = located(at, split.error->message);
            pg_query_free_split_result(split);
            return error;
        }
        ScriptStep step{segment.title, segment.transactional, {}, segment.hazards, segment.data};
        for (int i = 0; i < split.n_stmts; ++i) {
            std::size_t begin =
                segment.begin + static_cast<std::size_t>(split.stmts[i]->stmt_location);
            std::size_t end = begin + static_cast<std::size_t>(split.stmts[i]->stmt_len);
            std::size_t first = skip_blank(text, begin, end);
            if (first >= end)
                continue;
            step.statements.push_back({text.substr(first, end - first), lines.line_of(first),
                                       batch_marked(text.substr(begin, first - begin))});
        }
        pg_query_free_split_result(split);
        // Each run of a batched statement commits on its own.
        if (std::ranges::any_of(step.statements, [](const auto& s) { return s.batched; }))
            step.transactional = false;
        // Text before the first marker is the header; it only counts when it
        // holds statements (a hand-written file without markers).
        if (!segment.marked && step.statements.empty())
            continue;
        script.steps.push_back(std::move(step));
    }
    return script;
}

} // namespace schemac::runtime
