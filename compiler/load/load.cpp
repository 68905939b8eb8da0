#include "load/load.h"

#include "graph/graph.h"
#include "load/classify.h"
#include "load/rename.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <pg_query.h>
#include <set>
#include <sstream>

namespace schemac::load {
namespace fs = std::filesystem;
using catalog::ObjectKey;

namespace {

Result<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path.string() + ": cannot read file"};
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The error for a file libpg_query cannot parse, pointing at the offending token.
Error parse_error(const SourceFile& file, const PgQueryError& error) {
    std::size_t at = error.cursorpos > 0 ? file.byte_offset_of_char(error.cursorpos) : 0;
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

std::vector<RenameIntent> Tree::renames() const {
    std::vector<RenameIntent> all;
    for (const auto& s : statements)
        all.insert(all.end(), s.renames.begin(), s.renames.end());
    return all;
}

Result<std::vector<Statement>> parse_file(const SourceFile& file) {
    PgQueryParseResult parsed = pg_query_parse(file.text().c_str());
    if (parsed.error) {
        Error error = parse_error(file, *parsed.error);
        pg_query_free_parse_result(parsed);
        return error;
    }
    auto tree = nlohmann::json::parse(parsed.parse_tree);
    pg_query_free_parse_result(parsed);

    std::vector<Statement> out;
    std::vector<const nlohmann::json*> trees;
    if (!tree.contains("stmts"))
        return out;
    for (const auto& raw : tree["stmts"]) {
        std::size_t begin = raw.value("stmt_location", 0);
        std::size_t length = raw.value("stmt_len", 0);
        std::size_t end = length == 0 ? file.text().size() : begin + length;
        Statement s;
        s.file = &file;
        s.offset = file.skip_blank(begin);
        s.sql = file.text().substr(s.offset, end - s.offset);
        if (auto status = classify(s, raw["stmt"]); !status)
            return status.error();
        out.push_back(std::move(s));
        trees.push_back(&raw["stmt"]);
    }
    if (auto attached = attach_renames(file, out, trees); !attached)
        return attached.error();
    return out;
}

Result<std::vector<Statement>> order_statements(std::vector<Statement> statements) {
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
    std::vector<graph::Edge> edges;
    for (std::size_t i = 0; i < statements.size(); ++i)
        for (const auto& key : statements[i].references)
            for (auto [it, end] = providers.equal_range(key); it != end; ++it)
                if (it->second != i)
                    edges.emplace_back(it->second, i);

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
    std::vector<Statement> statements;
    for (const auto& file : files) {
        auto text = read_file(file);
        if (!text)
            return text.error();
        tree.files.push_back(std::make_unique<SourceFile>(file.string(), std::move(*text)));
        auto parsed = parse_file(*tree.files.back());
        if (!parsed)
            return parsed.error();
        std::ranges::move(*parsed, std::back_inserter(statements));
    }
    auto ordered = order_statements(std::move(statements));
    if (!ordered)
        return ordered.error();
    tree.statements = std::move(*ordered);
    return tree;
}

} // namespace schemac::load
