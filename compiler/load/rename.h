#pragma once

#include "load/statement.h"
#include "runtime/result.h"

#include <nlohmann/json_fwd.hpp>
#include <string_view>
#include <vector>

namespace schemac::load {

/// The annotation that turns a drop and a create into a rename.
inline constexpr std::string_view k_renamed_from = "-- schemac:renamed-from";

/// Finds every `-- schemac:renamed-from <old name>` in `file` and attaches it
/// to the object directly below it: a statement that creates a schema, table,
/// sequence, index, enum type or named constraint, or, inside CREATE TABLE, a
/// column or a named table constraint, or, inside CREATE TYPE ... AS ENUM, a
/// value (`<old name>` is then a string literal). `trees` are the parse trees
/// of `statements`, in the same order. An annotation above anything else, or
/// whose old name is not one name, is an error at the annotation.
Status attach_renames(const SourceFile& file, std::vector<Statement>& statements,
                      const std::vector<const nlohmann::json*>& trees);

} // namespace schemac::load
