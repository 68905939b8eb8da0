#pragma once

// Internal to steps: the one renderer of sequence options, for CREATE and
// ALTER SEQUENCE and for identity columns.

#include "catalog/catalog.h"

#include <string>
#include <vector>

namespace schemac::steps {

/// The options of `o` that PostgreSQL would not pick by itself, as CREATE
/// SEQUENCE or GENERATED ... AS IDENTITY (...) write them: `START WITH 10`,
/// `CACHE 20`. `with_type` adds `AS type` (identity columns take the
/// column's type).
std::vector<std::string> creation_clauses(const catalog::SequenceOptions& o, bool with_type);

/// The options that differ between `from` and `to`, as ALTER SEQUENCE (and,
/// each after SET, ALTER COLUMN ... SET for an identity) write them.
std::vector<std::string> changed_clauses(const catalog::SequenceOptions& from,
                                         const catalog::SequenceOptions& to, bool with_type);

/// `clauses` joined, each after `separator`: `" START WITH 10 CACHE 20"`.
std::string joined(const std::vector<std::string>& clauses, const std::string& separator);

} // namespace schemac::steps
