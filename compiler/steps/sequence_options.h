#pragma once

// Internal to steps: the one renderer of sequence options, for CREATE and
// ALTER SEQUENCE and for identity columns.

#include "catalog/catalog.h"

#include <optional>
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

/// Bounds that narrow but still meet the old ones: PostgreSQL refuses them
/// while the sequence's current value lies outside ("RESTART value cannot be
/// less than MINVALUE"), so a statement that first moves a value lying outside
/// to the nearest new bound (setval, to be returned next). `sequence` is the
/// sequence's qualified name as SQL writes it.
std::optional<std::string> value_into_range(const catalog::SequenceOptions& from,
                                            const catalog::SequenceOptions& to,
                                            const std::string& sequence);

/// `clauses` joined, each after `separator`: `" START WITH 10 CACHE 20"`.
std::string joined(const std::vector<std::string>& clauses, const std::string& separator);

} // namespace schemac::steps
