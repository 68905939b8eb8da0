#include "load/load.h"

#include "graph/graph.h"
#include "load/classify.h"
#include "load/rename.h"
#include "load/settings.h"

#include "catalog/utf8.h"
#include "runtime/sql_text.h"
#include "sql/walk.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <pg_query.h>
#include <set>
#include <sstream>

namespace schemac::load {
namespace fs = std::filesystem;
using catalog::ObjectKey;

namespace {

/// A file's text, without the byte order mark some editors write first.
Result<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path.string() + ": cannot read file"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.starts_with("\xEF\xBB\xBF"))
        text.erase(0, 3);
    return text;
}

/// Where the line before `at` (blank ones skipped) starts, when it is
/// `COPY ... FROM stdin;`: what follows is a data dump's rows, not SQL.
std::optional<std::size_t> copy_from_stdin_before(const std::string& text, std::size_t at) {
    std::size_t end = text.find_last_not_of(" \t\r\n", at == 0 ? 0 : at - 1);
    if (end == std::string::npos || at == 0)
        return std::nullopt;
    std::size_t start = text.rfind('\n', end);
    start = start == std::string::npos ? 0 : start + 1;
    std::string line = text.substr(start, end + 1 - start);
    std::ranges::transform(line, line.begin(), [](unsigned char c) { return std::toupper(c); });
    if (line.starts_with("COPY ") && line.ends_with(" FROM STDIN;"))
        return start;
    return std::nullopt;
}

/// The error for a file libpg_query cannot parse, pointing at the offending token.
Error parse_error(const SourceFile& file, const PgQueryError& error) {
    std::size_t at = error.cursorpos > 0 ? file.byte_offset_of_char(error.cursorpos) : 0;
    // A data dump's rows follow COPY ... FROM stdin: say what the file is.
    if (auto copy = copy_from_stdin_before(file.text(), at))
        return Error{file.diagnostic(*copy, "COPY ... FROM stdin writes data (the rows of a data "
                                            "dump follow it); the tree describes the schema: dump "
                                            "it with pg_dump --schema-only, and move data in data "
                                            "steps")};
    // psql meta-commands are not SQL; say so instead of "syntax error at or near \".
    auto line_start = file.text().rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::size_t first = file.text().find_first_not_of(" \t", line_start);
    if (first != std::string::npos && first <= at && file.text()[first] == '\\') {
        auto end = file.text().find_first_of(" \t\n", first);
        std::string command = file.text().substr(first, end - first);
        return Error{file.diagnostic(first, "psql meta-command " + command +
                                                " is not supported; the tree is plain SQL "
                                                "and every *.sql file below it is loaded")};
    }
    return Error{file.diagnostic(at, error.message)};
}

std::vector<fs::path> sql_files(const fs::path& root) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".sql")
            out.push_back(entry.path());
    std::ranges::sort(out);
    return out;
}

std::string describe_statement(const Statement& s) {
    auto where = s.location();
    std::string what = s.defines ? catalog::describe(*s.defines) : s.node;
    return what + " (" + where.file + ":" + std::to_string(where.line) + ":" +
           std::to_string(where.column) + ")";
}

Status check_duplicates(const std::vector<Statement>& statements) {
    std::map<ObjectKey, const Statement*> seen;
    for (const auto& s : statements) {
        if (!s.defines)
            continue;
        auto [it, fresh] = seen.emplace(*s.defines, &s);
        if (fresh)
            continue;
        auto first = it->second->location();
        std::string what = s.defines->facet == catalog::Facet::Comment
                               ? "a second comment on the same object"
                               : catalog::describe(*s.defines) + " is defined twice";
        return Error{s.diagnostic(what + "; first defined at " + first.file + ":" +
                                  std::to_string(first.line) + ":" + std::to_string(first.column))};
    }
    return Ok{};
}

} // namespace

std::vector<std::string> Tree::roles() const {
    std::set<std::string> all;
    for (const auto& s : statements)
        all.insert(s.roles.begin(), s.roles.end());
    return {all.begin(), all.end()};
}

std::vector<catalog::IgnoreRule> Tree::context() const {
    std::vector<catalog::IgnoreRule> rules;
    for (const auto* s : external())
        if (s->defines)
            rules.push_back(catalog::rule_for(*s->defines));
    return rules;
}

std::set<catalog::ObjectKey> Tree::own() const {
    std::set<catalog::ObjectKey> keys;
    for (const auto& s : statements)
        if (!s.external && s.defines && s.defines->facet == catalog::Facet::Object)
            keys.insert(*s.defines);
    return keys;
}

std::vector<const Statement*> Tree::external() const {
    std::vector<const Statement*> out;
    for (const auto& s : statements)
        if (s.external)
            out.push_back(&s);
    return out;
}

std::vector<RenameIntent> Tree::renames() const {
    std::vector<RenameIntent> all;
    for (const auto& s : statements)
        all.insert(all.end(), s.renames.begin(), s.renames.end());
    return all;
}

std::vector<UsingIntent> Tree::usings() const {
    std::vector<UsingIntent> all;
    for (const auto& s : statements)
        all.insert(all.end(), s.usings.begin(), s.usings.end());
    return all;
}

namespace {

/// A statement's place in its file, as libpg_query's splitter finds it: from
/// the end of the previous one (comments included) to its end.
struct Piece {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The psql meta-commands pg_dump writes, read as no statement: `\restrict`
/// and `\unrestrict` (a dump's guard) and `\connect` (noted: the tree is
/// one database).
constexpr std::string_view k_psql_lines[] = {"\\restrict", "\\unrestrict", "\\connect", "\\c"};

/// The psql meta-command on the line at `at` that the tree may hold, and
/// where its line starts and ends; nullopt for anything else.
struct PsqlLine {
    std::string command;
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::optional<PsqlLine> psql_line_at(const std::string& text, std::size_t at) {
    auto line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = (line_start == std::string::npos || at == 0) ? 0 : line_start + 1;
    std::size_t first = text.find_first_not_of(" \t", line_start);
    if (first == std::string::npos || first > at || text[first] != '\\')
        return std::nullopt;
    auto end = text.find('\n', first);
    end = end == std::string::npos ? text.size() : end;
    auto word_end = text.find_first_of(" \t\r\n", first);
    std::string command = text.substr(first, std::min(word_end, end) - first);
    if (std::ranges::find(k_psql_lines, command) == std::end(k_psql_lines))
        return std::nullopt;
    return PsqlLine{command, first, end};
}

/// The file cut into statements; a syntax error at its file:line:col. psql
/// lines the tree may hold are blanked out of `text` (found where the
/// parser stops at them, so never inside a string or a body) and noted.
Result<std::vector<Piece>> split(const SourceFile& file, std::string& text,
                                 std::vector<std::string>& notes) {
    for (;;) {
        PgQuerySplitResult split = pg_query_split_with_parser(text.c_str());
        if (split.error) {
            std::size_t at = split.error->cursorpos > 0
                                 ? catalog::utf8::offset_of(
                                       text, static_cast<std::size_t>(split.error->cursorpos))
                                 : 0;
            if (auto line = psql_line_at(text, at)) {
                pg_query_free_split_result(split);
                if (line->command != "\\restrict" && line->command != "\\unrestrict") {
                    auto where = file.locate(line->begin);
                    notes.push_back(where.file + ":" + std::to_string(where.line) + ":" +
                                    std::to_string(where.column) + ": " +
                                    text.substr(line->begin, line->end - line->begin) +
                                    " ignored: the tree describes one database");
                }
                std::fill(text.begin() + static_cast<std::ptrdiff_t>(line->begin),
                          text.begin() + static_cast<std::ptrdiff_t>(line->end), ' ');
                continue;
            }
            Error error = parse_error(file, *split.error);
            pg_query_free_split_result(split);
            return error;
        }
        std::vector<Piece> out;
        for (int i = 0; i < split.n_stmts; ++i) {
            auto begin = static_cast<std::size_t>(split.stmts[i]->stmt_location);
            auto length = static_cast<std::size_t>(split.stmts[i]->stmt_len);
            out.push_back({begin, length == 0 ? text.size() : begin + length});
        }
        pg_query_free_split_result(split);
        return out;
    }
}

/// The parse tree of one piece of `text` (the file's, psql lines blanked);
/// its locations count from the piece's first byte.
Result<nlohmann::json> parse_piece(const SourceFile& file, const std::string& text,
                                   const Piece& piece) {
    std::string sql = text.substr(piece.begin, piece.end - piece.begin);
    PgQueryParseResult parsed = pg_query_parse(sql.c_str());
    if (parsed.error) {
        Error error(file.diagnostic(
            piece.begin + catalog::utf8::offset_of(
                              sql, static_cast<std::size_t>(std::max(parsed.error->cursorpos, 1))),
            parsed.error->message));
        pg_query_free_parse_result(parsed);
        return error;
    }
    auto tree = nlohmann::json::parse(parsed.parse_tree);
    pg_query_free_parse_result(parsed);
    return tree;
}

/// A file cut into statements (psql lines blanked out of its text), its
/// annotations found: what reading it needs besides the parse trees.
struct Split {
    const SourceFile* file = nullptr;
    std::string text;
    std::vector<Piece> pieces;
    std::vector<Annotation> annotations;
    std::vector<std::string> notes;
};

/// The parse trees of the tree's pieces, file after file, made ahead of
/// their reading on a second thread: parsing (libpg_query, then its JSON)
/// and reading (classify) each take about half of the time. Pieces are
/// claimed in order: the reader parses one itself rather than wait for a
/// piece no one has claimed, so it never waits on a maker that has not
/// started. Trees of at most k_ahead pieces, or k_ahead_bytes of their
/// text, wait to be read: memory follows the largest statements, not the
/// files. One maker for the whole tree: libpg_query takes a thread key in
/// each thread that parses, and never gives it back.
class ParsedAhead {
  public:
    explicit ParsedAhead(const std::vector<Split>& splits) {
        for (const auto& split : splits)
            for (const auto& piece : split.pieces)
                m_pieces.push_back({&split, piece});
    }

    /// The maker's loop (see make_all); whatever it throws (out of memory)
    /// fails the reader's next wait for it, never hangs it.
    void make() {
        try {
            make_all();
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_broken = true;
            m_made.notify_all();
        }
    }

    /// Parses the next unclaimed piece while there is room, until every
    /// piece is claimed or the reader stopped.
    void make_all() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_room.wait(lock, [&] { return m_stopped || room(); });
            if (m_stopped || m_claimed == m_pieces.size())
                return;
            std::size_t at = m_claimed++;
            lock.unlock();
            auto tree = parse_caught(at);
            lock.lock();
            m_ready_bytes += size(at);
            m_ready.emplace(at, std::move(tree));
            m_made.notify_all();
        }
    }

    /// The tree of piece `at`, the pieces before it taken already. While it
    /// is being made, the reader parses the next unclaimed piece (the two
    /// threads share the parsing).
    Result<nlohmann::json> take(std::size_t at) {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (auto ready = m_ready.find(at); ready != m_ready.end()) {
                auto node = m_ready.extract(ready);
                m_ready_bytes -= size(at);
                m_room.notify_all();
                return std::move(node.mapped());
            }
            if (m_claimed == at || (m_claimed < m_pieces.size() && room())) {
                std::size_t claimed = m_claimed++;
                lock.unlock();
                auto tree = parse_caught(claimed);
                if (claimed == at)
                    return tree;
                lock.lock();
                m_ready_bytes += size(claimed);
                m_ready.emplace(claimed, std::move(tree));
                continue;
            }
            if (m_broken)
                return Error(m_pieces[at].split->file->path() +
                             ": the parse failed on its second thread (out of memory)");
            m_made.wait(lock);
        }
    }

    /// The reader is done, or failed: the maker stops at its next piece.
    struct Stop {
        ParsedAhead& ahead;
        ~Stop() {
            std::lock_guard lock(ahead.m_mutex);
            ahead.m_stopped = true;
            ahead.m_room.notify_all();
        }
    };

  private:
    static constexpr std::size_t k_ahead = 64;
    static constexpr std::size_t k_ahead_bytes = std::size_t{1} << 20;

    std::size_t size(std::size_t at) const {
        return m_pieces[at].piece.end - m_pieces[at].piece.begin;
    }
    bool room() const {
        return m_ready.empty() || (m_ready.size() < k_ahead && m_ready_bytes < k_ahead_bytes);
    }

    /// On the maker's thread, whatever a parse throws (out of memory) is the
    /// reader's error: the reader waits for this piece.
    Result<nlohmann::json> parse_caught(std::size_t at) {
        const auto& [split, piece] = m_pieces[at];
        try {
            return parse_piece(*split->file, split->text, piece);
        } catch (const std::exception& e) {
            return Error(split->file->path() + ": " + e.what());
        }
    }

    struct Of {
        const Split* split;
        Piece piece;
    };
    std::vector<Of> m_pieces;
    std::mutex m_mutex;
    std::condition_variable m_room; ///< a tree was taken, or the reader stopped
    std::condition_variable m_made; ///< a tree is ready
    std::map<std::size_t, Result<nlohmann::json>> m_ready;
    std::size_t m_ready_bytes = 0;
    std::size_t m_claimed = 0;
    bool m_stopped = false;
    bool m_broken = false; ///< the maker threw
};

/// BEGIN, START TRANSACTION and COMMIT around a file's statements: the tree
/// is materialized as a whole, so they are read as nothing.
bool transaction_bracket(const nlohmann::json& stmt) {
    if (!stmt.contains("TransactionStmt"))
        return false;
    std::string kind = stmt["TransactionStmt"].value("kind", "");
    return kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START" || kind == "TRANS_STMT_COMMIT";
}

/// The statements of one piece, classified, with their annotations; the
/// settings it changes are kept in `settings`.
/// The marker of statements that stub context (Statement::external).
constexpr std::string_view k_external = "-- schemac:external";

std::string_view first_line(std::string_view text) {
    return text.substr(0, text.find('\n'));
}

/// The lines above the statement at `offset` of `piece`, from the line after
/// the previous statement's end (a comment after it on its line is its own).
std::string_view comments_above(std::string_view text, const Piece& piece, std::size_t offset) {
    std::size_t begin = piece.begin;
    if (begin > 0 && text[begin - 1] != '\n') {
        auto end_of_line = text.find('\n', begin);
        begin = end_of_line < offset ? end_of_line + 1 : offset;
    }
    return text.substr(begin, offset - begin);
}

/// Whether one of the lines of `text` (what stands above a statement: its
/// comments) is the external marker.
bool marks_external(std::string_view text) {
    while (!text.empty()) {
        auto line = first_line(text);
        text.remove_prefix(std::min(text.size(), line.size() + 1));
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.remove_suffix(1);
        if (line == k_external)
            return true;
    }
    return false;
}

Status read_piece(const SourceFile& file, const std::string& text, const Piece& piece,
                  const nlohmann::json& tree, std::vector<Annotation>& annotations,
                  FileSettings& settings, std::vector<Statement>& out) {
    for (const auto& raw : sql::list(tree, "stmts")) {
        Statement s;
        s.file = &file;
        s.offset = file.skip_blank(piece.begin + raw.value("stmt_location", 0));
        s.sql = text.substr(s.offset, piece.end - s.offset);
        if (transaction_bracket(raw["stmt"]))
            continue;
        auto setting = settings.read(s, raw["stmt"]);
        if (!setting)
            return setting.error();
        if (*setting)
            continue;
        s.search_path = settings.search_path();
        s.settings = settings.applied();
        if (auto status = classify(s, raw["stmt"]); !status)
            return status;
        if (auto attached = attach_annotations(file, s, raw["stmt"], piece.begin, annotations);
            !attached)
            return attached;
        out.push_back(std::move(s));
    }
    return Ok{};
}

/// The idempotent-script idiom: `DROP <kind> IF EXISTS x;` directly before
/// the statement(s) that create x is no statement. Any other DROP is refused.
Status drop_idiom(std::vector<Statement>& statements) {
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const Statement& drop = statements[i];
        if (drop.node != "DropStmt")
            continue;
        bool created = !drop.drops.empty();
        for (const auto& key : drop.drops) {
            bool found = false;
            for (std::size_t j = i + 1; j < statements.size() && j <= i + drop.drops.size(); ++j)
                found = found || (statements[j].creates && *statements[j].creates == key);
            created = created && found;
        }
        if (!created)
            return Error(drop.diagnostic(
                "DROP is refused: remove the CREATE instead; a DROP in the tree would not say "
                "what the schema is (DROP ... IF EXISTS is accepted directly before the "
                "statement that creates the object)"));
    }
    std::erase_if(statements, [](const Statement& s) { return s.node == "DropStmt"; });
    return Ok{};
}

/// What the loader refuses in a file's bytes: a NUL, or what is not UTF-8.
Status check_text(const SourceFile& file) {
    auto problems = runtime::text_problems(file.text());
    if (problems.empty())
        return Ok{};
    return Error(file.diagnostic(problems.front().offset, problems.front().message));
}

/// A statement's text beyond this is refused rather than read: reading it
/// safely could take a stack of 512 MB, and its parse tree gigabytes.
constexpr std::size_t k_max_statement = std::size_t{1} << 20;

/// The file cut into statements, each within k_max_statement, and its
/// annotations.
Result<Split> split_file(const SourceFile& file) {
    if (auto checked = check_text(file); !checked)
        return checked.error();
    Split out;
    out.file = &file;
    out.text = file.text();
    auto pieces = split(file, out.text, out.notes);
    if (!pieces)
        return pieces.error();
    for (const auto& piece : *pieces)
        if (piece.end - piece.begin > k_max_statement)
            return Error(file.diagnostic(file.skip_blank(piece.begin),
                                         "a statement of " +
                                             std::to_string(piece.end - piece.begin) +
                                             " bytes; schemac reads statements of up to " +
                                             std::to_string(k_max_statement >> 20) + " MB"));
    out.pieces = std::move(*pieces);
    auto annotations = find_annotations(file);
    if (!annotations)
        return Error(file.path() + ": " + annotations.error().message);
    out.annotations = std::move(*annotations);
    return out;
}

/// One file's statements, read in file order from the trees `ahead` makes
/// of its pieces (numbered from `first` among the tree's).
Status read_split(Split& split, ParsedAhead& ahead, std::size_t first, ParsedFile& out) {
    const SourceFile& file = *split.file;
    const std::string& text = split.text;
    FileSettings settings;
    const bool whole_file = marks_external(first_line(text));
    for (std::size_t at = 0; at < split.pieces.size(); ++at) {
        const Piece& piece = split.pieces[at];
        auto tree = ahead.take(first + at);
        if (!tree)
            return tree.error();
        std::size_t made = out.statements.size();
        if (auto read =
                read_piece(file, text, piece, *tree, split.annotations, settings, out.statements);
            !read)
            return read;
        for (std::size_t i = made; i < out.statements.size(); ++i) {
            auto& s = out.statements[i];
            s.external = whole_file || marks_external(comments_above(text, piece, s.offset));
        }
    }
    if (auto attached = check_all_attached(file, split.annotations); !attached)
        return attached;
    if (auto dropped = drop_idiom(out.statements); !dropped)
        return dropped;
    out.notes = std::move(split.notes);
    return Ok{};
}

} // namespace

Result<std::vector<ParsedFile>> parse_files(const std::vector<const SourceFile*>& files) {
    // Every file is cut first, so one maker parses them all; an error in
    // one is reported after the files before it are read (as file by file).
    std::vector<Split> splits;
    std::optional<Error> unsplit;
    std::size_t largest = 0;
    for (const auto* file : files) {
        auto split = split_file(*file);
        if (!split) {
            unsplit = split.error();
            break;
        }
        for (const auto& piece : split->pieces)
            largest = std::max(largest, piece.end - piece.begin);
        splits.push_back(std::move(*split));
    }
    // A few statements' parse trees at a time (ParsedAhead); each stack
    // holds the deepest tree they can have.
    ParsedAhead ahead(splits);
    std::vector<ParsedFile> out(splits.size());
    Status read = Ok{};
    auto reading = [&] {
        ParsedAhead::Stop stop{ahead};
        std::size_t first = 0;
        for (std::size_t i = 0; i < splits.size() && read; ++i) {
            read = read_split(splits[i], ahead, first, out[i]);
            first += splits[i].pieces.size();
        }
    };
    runtime::on_stack_with_helper(runtime::parse_stack_for(largest), reading,
                                  [&] { ahead.make(); });
    if (!read)
        return read.error();
    if (unsplit)
        return *unsplit;
    return out;
}

Result<ParsedFile> parse_file(const SourceFile& file) {
    auto parsed = parse_files({&file});
    if (!parsed)
        return parsed.error();
    return std::move(parsed->front());
}

namespace {

/// `CREATE ... IF NOT EXISTS` of what another statement creates is a no-op:
/// it is left out (of two such, the later one).
void drop_repeated_if_not_exists(std::vector<Statement>& statements) {
    // (and makes a repeated CREATE OR REPLACE the ALTER it is, see or_replace)
    std::map<ObjectKey, std::size_t> kept;
    std::vector<bool> left_out(statements.size(), false);
    for (std::size_t i = 0; i < statements.size(); ++i) {
        Statement& s = statements[i];
        if (!s.defines)
            continue;
        auto [it, fresh] = kept.emplace(*s.defines, i);
        if (fresh)
            continue;
        if (s.or_replace && s.creates) {
            // Replaces the first definition, after it: what uses the object
            // waits for the replacement, as for an ALTER that changes columns.
            s.alters = s.creates;
            s.shapes = true;
            s.references.push_back(*s.creates);
            s.creates.reset();
            s.defines.reset();
        } else if (s.if_not_exists) {
            left_out[i] = true;
        } else if (statements[it->second].if_not_exists) {
            left_out[it->second] = true;
            it->second = i;
        }
    }
    std::size_t i = 0;
    std::erase_if(statements, [&](const Statement&) { return left_out[i++]; });
}

/// A key as a statement names it: an unqualified name is looked up in the
/// schemas of its search_path, first to last, among what the tree makes
/// (else it stays in the first: a name from outside the tree).
template <class Made>
ObjectKey resolve(ObjectKey key, const std::vector<std::string>& path, const Made& made) {
    using catalog::Kind;
    if (!key.schema.empty() || catalog::is_global(key.kind))
        return key;
    for (const auto& schema : path) {
        key.schema = schema;
        if (made(key))
            return key;
    }
    key.schema = path.empty() ? "" : path.front();
    return key;
}

/// What a fresh database already has, which the tree may alter without
/// creating it.
bool built_in(const ObjectKey& key) {
    return key.kind == catalog::Kind::Schema && key.name == "public";
}

/// What an extension provides is known only once it exists, so a
/// reference that no statement of the tree makes (`uuid_generate_v4()`,
/// `citext`) may be to one of its members: every extension the tree creates
/// comes before each statement with such a reference, except the statements
/// the extension itself comes after (its schema).
template <class Made>
void add_extension_edges(const std::vector<Statement>& statements, const Made& made,
                         std::vector<graph::Edge>& edges) {
    using catalog::Kind;
    std::vector<std::size_t> extensions;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const auto& s = statements[i];
        bool creates = s.creates && s.creates->kind == Kind::Extension;
        creates = creates || std::ranges::any_of(s.provides, [](const ObjectKey& key) {
                      return key.kind == Kind::Extension;
                  });
        if (creates)
            extensions.push_back(i);
    }
    if (extensions.empty())
        return;
    std::vector<std::vector<std::size_t>> before(statements.size());
    for (auto [from, to] : edges)
        before[to].push_back(from);
    for (auto extension : extensions) {
        std::set<std::size_t> needed{extension};
        std::vector<std::size_t> pending{extension};
        while (!pending.empty()) {
            auto at = pending.back();
            pending.pop_back();
            for (auto from : before[at])
                if (needed.insert(from).second)
                    pending.push_back(from);
        }
        for (std::size_t i = 0; i < statements.size(); ++i)
            if (!needed.contains(i) &&
                std::ranges::any_of(statements[i].references, [&](const ObjectKey& key) {
                    return key.kind != Kind::Schema && key.kind != Kind::Extension && !made(key);
                }))
                edges.emplace_back(extension, i);
    }
}

} // namespace

Result<std::vector<Statement>> order_statements(std::vector<Statement> statements) {
    drop_repeated_if_not_exists(statements);
    if (auto status = check_duplicates(statements); !status)
        return status.error();
    // Who provides each key. Several statements may provide one key (the
    // "keys" of a table come from CREATE TABLE and from ADD CONSTRAINT).
    std::multimap<ObjectKey, std::size_t> providers;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        if (statements[i].creates)
            providers.emplace(*statements[i].creates, i);
        for (const auto& key : statements[i].provides)
            providers.emplace(key, i);
    }
    auto made = [&](const ObjectKey& key) { return providers.contains(key); };
    // The ALTERs of each object, in the order written (files in path
    // order), and those that change its columns.
    std::map<ObjectKey, std::vector<std::size_t>> alterers;
    std::map<ObjectKey, std::vector<std::size_t>> shapers;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        Statement& s = statements[i];
        for (auto& key : s.references)
            key = resolve(std::move(key), s.search_path, made);
        // A name of what the statement makes itself (a table's own name in
        // its CREATE) is no reference.
        std::erase_if(s.references, [&](const ObjectKey& key) {
            return (s.creates && key == *s.creates) ||
                   std::ranges::find(s.provides, key) != s.provides.end();
        });
        if (!s.alters)
            continue;
        s.alters = resolve(std::move(*s.alters), s.search_path, made);
        if (!made(*s.alters) && !built_in(*s.alters))
            return Error{s.diagnostic("the tree does not create " +
                                      catalog::qualified_name(*s.alters) +
                                      ", which this statement alters; the tree may alter only "
                                      "what it creates")};
        alterers[*s.alters].push_back(i);
        if (s.shapes)
            shapers[*s.alters].push_back(i);
    }
    std::vector<graph::Edge> edges;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const Statement& s = statements[i];
        for (const auto& key : s.references) {
            for (auto [it, end] = providers.equal_range(key); it != end; ++it)
                if (it->second != i)
                    edges.emplace_back(it->second, i);
            if (s.alters && key == *s.alters) {
                // After the ALTER of the same object written before it.
                const auto& chain = alterers[key];
                auto at = std::ranges::find(chain, i);
                if (at != chain.begin() && at != chain.end())
                    edges.emplace_back(*std::prev(at), i);
            } else if (auto shaped = shapers.find(key); shaped != shapers.end()) {
                // What uses a relation runs after the ALTERs that change its columns.
                for (auto j : shaped->second)
                    if (j != i)
                        edges.emplace_back(j, i);
            }
        }
    }
    add_extension_edges(statements, made, edges);

    // GRANT ... ON ALL <kind> IN SCHEMA s after what it reaches.
    std::map<ObjectKey, std::vector<std::size_t>> by_kind_in_schema;
    for (std::size_t i = 0; i < statements.size(); ++i)
        if (const auto& defined = statements[i].defines)
            by_kind_in_schema[catalog::relation_key(defined->kind, defined->schema, "")].push_back(
                i);
    for (std::size_t i = 0; i < statements.size(); ++i)
        for (const auto& all : statements[i].after_all)
            if (auto reached = by_kind_in_schema.find(all); reached != by_kind_in_schema.end())
                for (auto j : reached->second)
                    edges.emplace_back(j, i);

    // Ties keep the order of the files and of the statements within them.
    auto sorted = graph::topological_sort(statements.size(), edges,
                                          [](graph::Vertex a, graph::Vertex b) { return a < b; });
    if (auto* cycle = std::get_if<graph::Cycle>(&sorted)) {
        std::string path;
        for (auto v : cycle->path)
            path += (path.empty() ? "" : " -> ") + describe_statement(statements[v]);
        return Error{"dependency cycle among the tree's statements: " + path};
    }
    std::vector<Statement> ordered;
    for (auto v : std::get<std::vector<graph::Vertex>>(sorted))
        ordered.push_back(std::move(statements[v]));
    return ordered;
}

Result<Tree> load_tree(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{path.string() + ": no such file or directory"};
    std::vector<fs::path> files =
        fs::is_directory(path) ? sql_files(path) : std::vector<fs::path>{path};
    Tree tree;
    std::vector<const SourceFile*> sources;
    for (const auto& file : files) {
        auto text = read_file(file);
        if (!text)
            return text.error();
        tree.files.push_back(std::make_unique<SourceFile>(file.string(), std::move(*text)));
        sources.push_back(tree.files.back().get());
    }
    auto parsed = parse_files(sources);
    if (!parsed)
        return parsed.error();
    std::vector<Statement> statements;
    for (auto& file : *parsed) {
        std::ranges::move(file.statements, std::back_inserter(statements));
        std::ranges::move(file.notes, std::back_inserter(tree.notes));
    }
    auto ordered = order_statements(std::move(statements));
    if (!ordered)
        return ordered.error();
    tree.statements = std::move(*ordered);
    return tree;
}

} // namespace schemac::load
