#pragma once

#include "load/statement.h"
#include "runtime/result.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::load {

/// The annotation that turns a drop and a create into a rename.
inline constexpr std::string_view k_renamed_from = "-- schemac:renamed-from";
/// The annotation that gives a column's type change its USING expression.
inline constexpr std::string_view k_using = "-- schemac:using";
/// The one that converts the values back, in the reverse script.
inline constexpr std::string_view k_using_reverse = "-- schemac:using-reverse";

/// A `-- schemac:renamed-from <old name>`, `-- schemac:using <expression>`
/// or `-- schemac:using-reverse <expression>` comment: which (its marker), where its `--` is, its
/// argument, and the first byte of what is directly below it.
struct Annotation {
    std::string_view marker;
    std::size_t comment = 0;
    std::string argument;
    std::size_t target = 0;
    bool attached = false;
};

/// Every annotation in `file`: a real comment (found by libpg_query's
/// scanner, so never text inside a string, a body or a quoted name) that
/// starts its line.
Result<std::vector<Annotation>> find_annotations(const SourceFile& file);

/// Attaches to statement `s` the annotations whose target lies in it.
/// `renamed-from`: above a statement that creates a schema, table,
/// sequence, index, enum type or named constraint, or, inside CREATE TABLE,
/// a column or a named table constraint, or, inside CREATE TYPE ... AS
/// ENUM, a value (`<old name>` is then a string literal). `using`: above a
/// column in CREATE TABLE, with an expression that parses. `tree` is the
/// statement's parse tree, whose locations count from byte `base` of the
/// file. An annotation above anything else, or whose argument is not what
/// it takes, is an error at the annotation.
Status attach_annotations(const SourceFile& file, Statement& s, const nlohmann::json& tree,
                          std::size_t base, std::vector<Annotation>& annotations);

/// An error at the first annotation that sits above no statement.
Status check_all_attached(const SourceFile& file, const std::vector<Annotation>& annotations);

} // namespace schemac::load
