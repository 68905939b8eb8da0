#pragma once

#include "load/statement.h"
#include "runtime/result.h"

#include <filesystem>
#include <memory>
#include <vector>

/// The loader: reads the tree, parses every file with libpg_query, accepts only
/// declarative DDL, and orders the statements by what they reference.
namespace schemac::load {

struct Tree {
    std::vector<std::unique_ptr<SourceFile>> files;
    std::vector<Statement> statements; ///< in an order PostgreSQL can execute
    /// Roles the tree names, sorted, without duplicates.
    std::vector<std::string> roles() const;
    /// Every `-- schemac:renamed-from` annotation, in statement order.
    std::vector<RenameIntent> renames() const;
};

/// Reads a directory (every *.sql below it, recursively) or one file.
Result<Tree> load_tree(const std::filesystem::path& path);

/// Parses one file's text; statements in file order, not yet ordered.
Result<std::vector<Statement>> parse_file(const SourceFile& file);

/// Orders statements by their references; a cycle is an error printing the path.
Result<std::vector<Statement>> order_statements(std::vector<Statement> statements);

} // namespace schemac::load
