#pragma once

// The tree's own text of definitions that PostgreSQL prints back in a form
// which, executed again, stores something else (DESIGN.md, decision 1).

#include "catalog/object_key.h"
#include "load/load.h"

#include <string>
#include <vector>

namespace schemac::load {

/// A CHECK constraint of a table as the tree writes it: the expression
/// between the parentheses of CHECK (...), and the search path it was
/// written under.
struct WrittenCheck {
    catalog::ObjectKey table;
    std::string expression;
    std::vector<std::string> search_path;
};

/// Every CHECK constraint of CREATE TABLE and ALTER TABLE ... ADD in the
/// tree, in statement order.
std::vector<WrittenCheck> written_checks(const Tree& tree);

/// The predicate of a partial index as the tree writes it (what follows
/// WHERE in its CREATE INDEX), the index's name and the search path.
struct WrittenPredicate {
    std::string index;
    std::string predicate;
    std::vector<std::string> search_path;
};

/// Every partial index's predicate in the tree, in statement order.
std::vector<WrittenPredicate> written_predicates(const Tree& tree);

/// The text between the parenthesis at or after `from` in `sql` and the one
/// that closes it (quotes and comments skipped); empty when there is none.
std::string parenthesized(const std::string& sql, std::size_t from);

} // namespace schemac::load
