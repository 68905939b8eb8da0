#pragma once

#include "catalog/catalog.h"
#include "load/load.h"
#include "steps/step.h"

#include <map>
#include <string>
#include <vector>

/// Warnings about the desired state that `plan` shows: high-value, stable
/// codes, each silenced for a table by `-- schemac:allow CODE` on the comment
/// lines directly above its CREATE TABLE.
namespace schemac::plan {

struct Warning {
    std::string code;    ///< SC001, stable
    std::string name;    ///< foreign-key-without-index, stable
    std::string object;  ///< `table public.posts`
    std::string message; ///< what exactly, in words
};

/// SC001 foreign-key-without-index, SC002 table-without-primary-key,
/// SC003 serial-instead-of-identity; sorted by object, then code.
std::vector<Warning> lint(const catalog::Catalog& desired, const load::Tree& tree);

/// A table this large (estimated rows) is rewritten for minutes, not seconds.
inline constexpr long long k_large_table_rows = 100'000;

/// SC004 volatile-default-on-large-table: a forward step adds a column whose
/// volatile default (or identity) rewrites a live table of at least
/// k_large_table_rows rows. `live`: the live tables' sizes by qualified name.
std::vector<Warning> lint_live(const std::vector<steps::Step>& forward,
                               const catalog::Catalog& desired,
                               const std::map<std::string, catalog::TableStats>& live,
                               const load::Tree& tree);

/// SC005 proven-without-rows: a table the plan touches that the proof could
/// make no generated row for (a CHECK no generated value meets, a type
/// without a known value): `unseeded` holds the server's reason.
std::vector<Warning> lint_proof(const std::map<catalog::ObjectKey, std::string>& unseeded,
                                const load::Tree& tree);

} // namespace schemac::plan
