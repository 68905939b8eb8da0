#pragma once

#include "catalog/catalog.h"
#include "runtime/connection.h"
#include "steps/step.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

/// The proof's rows (DESIGN.md, decision 12): before the forward script
/// runs, a few generated rows go into every table the plan touches, so a
/// step that fails on existing rows fails in the proof, not at apply.
namespace schemac::plan {

/// Rows per seeded table: enough for a key to see more than one value.
inline constexpr int k_seed_rows = 3;

/// The tables of `current` that `forward` touches (each table a step locks,
/// a partition's root in its place), with the tables their foreign keys
/// reference, referenced tables first. Foreign tables and the tables `empty`
/// names (known to hold no row: `--url`) are left out.
std::vector<catalog::ObjectKey> tables_to_seed(const catalog::Catalog& current,
                                               const std::vector<steps::Step>& forward,
                                               const std::set<std::string>& empty);

/// Tries per table: each makes text differently (a number, a slug, an
/// e-mail address), for the checks the one before failed.
inline constexpr int k_seed_attempts = 3;

/// `INSERT INTO t (...) SELECT ... FROM generate_series(1, k_seed_rows)`: a
/// value of each column's type from the row's number (a column with a
/// default or identity takes it; a generated column is left out; a column a
/// CHECK lists the values of takes them in turn); a foreign key's columns
/// take a row of the table it references (seeded before). A nullable column
/// of a type without a known value stays NULL. Text is the row's number on
/// attempt 0, a slug on 1, an e-mail address on 2. A row that conflicts with one
/// already there (made by a trigger) is skipped, on a table without INSERT
/// or UPDATE rules (which refuse ON CONFLICT).
std::string seed_insert(const catalog::Catalog& current, const catalog::ObjectKey& table,
                        int attempt);

/// For each foreign key of `tables` into a table outside `current` (context
/// built in the shadow: a platform's `auth.users`), an `INSERT ... ON
/// CONFLICT DO NOTHING` of k_seed_rows rows holding only the referenced
/// columns, valued from the referencing columns' types. The proof runs them
/// in its shadow copy only, before seed_insert; one that fails (a trigger of
/// the tree on that table needs more) runs again with the table's enabled
/// triggers (not ENABLE ALWAYS ones) disabled around it.
std::vector<std::pair<catalog::ObjectKey, std::string>>
context_seed_inserts(const catalog::Catalog& current,
                     const std::vector<catalog::ObjectKey>& tables);

/// What seeding did: each seeded table's row count, and each table no row
/// could be made for, with the server's reason.
struct Seeded {
    std::map<catalog::ObjectKey, long long> rows;
    std::map<catalog::ObjectKey, std::string> unseeded;
};

/// Runs seed_insert for each table, each in a transaction of its own, up to
/// k_seed_attempts times; a table whose insert still fails is unseeded, not
/// an error.
Result<Seeded> seed(runtime::Connection& conn, const catalog::Catalog& current,
                    const std::vector<catalog::ObjectKey>& tables);

/// The row count of each of `tables`.
Result<std::map<catalog::ObjectKey, long long>>
count_rows(runtime::Connection& conn, const std::vector<catalog::ObjectKey>& tables);

} // namespace schemac::plan
