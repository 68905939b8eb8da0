#pragma once

#include "catalog/ignore.h"
#include "load/statement.h"
#include "runtime/result.h"

#include <filesystem>
#include <memory>
#include <set>
#include <vector>

/// The loader: reads the tree, parses every file with libpg_query, accepts
/// what builds schema (CREATE, ALTER of what the tree creates, settings, DO
/// blocks, ...), and orders the statements by what they reference.
namespace schemac::load {

struct Tree {
    std::vector<std::unique_ptr<SourceFile>> files;
    std::vector<Statement> statements; ///< in an order PostgreSQL can execute
    /// Roles the tree names, sorted, without duplicates.
    std::vector<std::string> roles() const;
    /// Every `-- schemac:renamed-from` annotation, in statement order.
    std::vector<RenameIntent> renames() const;
    /// Every `-- schemac:using` annotation, in statement order.
    std::vector<UsingIntent> usings() const;
    /// What the statements marked `-- schemac:external` create, as ignore
    /// rules: the object, or everything in a schema they create.
    std::vector<catalog::IgnoreRule> context() const;
    /// What the statements not marked `-- schemac:external` define: the
    /// tree's own objects, managed even on context (a trigger on a stubbed
    /// `auth.users`).
    std::set<catalog::ObjectKey> own() const;
    /// The statements marked `-- schemac:external`, in order.
    std::vector<const Statement*> external() const;
    /// What the loader read but set aside, to tell the user (`file:line:col:
    /// \connect app ignored: ...`).
    std::vector<std::string> notes;
};

/// Reads a directory (every *.sql below it, recursively) or one file.
Result<Tree> load_tree(const std::filesystem::path& path);

/// One file's statements in file order, not yet ordered, and its notes.
struct ParsedFile {
    std::vector<Statement> statements;
    std::vector<std::string> notes;
};

/// Parses one file's text.
Result<ParsedFile> parse_file(const SourceFile& file);
/// Parses several files' texts, each as parse_file does (the first error,
/// in file order).
Result<std::vector<ParsedFile>> parse_files(const std::vector<const SourceFile*>& files);

/// Orders statements by their references; a cycle is an error printing the path.
Result<std::vector<Statement>> order_statements(std::vector<Statement> statements);

} // namespace schemac::load
