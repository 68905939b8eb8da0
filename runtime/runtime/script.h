#pragma once

#include "runtime/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// A migration file read back into the steps schemac wrote: `-- schemac:step`
/// starts a step, `-- schemac:no-transaction` right under it marks a step that
/// must run on its own. A hand-written file without markers is one step. The
/// statements are split with libpg_query, so dollar-quoted bodies stay whole.
namespace schemac::runtime {

/// The migration file format's markers, written by schemac's emitter and read
/// here: `-- schemac:step <description>` starts a step,
/// `-- schemac:no-transaction` right under it makes it run alone, and
/// `-- hazard <kind>: <message>` lines note its hazards.
inline constexpr std::string_view k_step_marker = "-- schemac:step";
inline constexpr std::string_view k_no_transaction_marker = "-- schemac:no-transaction";
inline constexpr std::string_view k_hazard_marker = "-- hazard ";
/// `-- schemac:phase expand|data|contract`: where a migration's phases begin
/// (for a reader; the runtime runs the steps in order whatever they say).
inline constexpr std::string_view k_phase_marker = "-- schemac:phase";
/// `-- schemac:batch` on the line before a data statement: it runs again, in
/// a transaction of its own each time, until it changes no row. A step that
/// holds one runs outside a transaction.
inline constexpr std::string_view k_batch_marker = "-- schemac:batch";

struct ScriptStatement {
    std::string sql;      ///< as written, comments before it trimmed
    int line = 0;         ///< 1-based line of its first character in the file
    bool batched = false; ///< marked `-- schemac:batch`: repeated until it changes no row
};

/// A `-- hazard KIND: message` line schemac writes above a step's SQL.
struct ScriptHazard {
    std::string kind; ///< data-loss, table-rewrite, ...
    std::string message;
    int line = 0;
};

struct ScriptStep {
    std::string title; ///< the marker's text, or the file name
    bool transactional = true;
    std::vector<ScriptStatement> statements;
    std::vector<ScriptHazard> hazards;
    /// In the data phase (`-- schemac:phase data`): statements the project
    /// wrote, whose notices are printed while they run.
    bool data = false;
};

struct Script {
    std::filesystem::path path;
    std::vector<ScriptStep> steps;
    bool transactional() const;
};

/// Steps [first, last) that run together: a run of consecutive transactional
/// steps (one transaction), or one step that runs alone.
struct StepGroup {
    std::size_t first = 0;
    std::size_t last = 0;
    bool transactional = true;
};
std::vector<StepGroup> step_groups(const Script& script);

/// An object a statement names: its schema ("" when the statement leaves it
/// to the search path) and name.
struct QualifiedName {
    std::string schema;
    std::string name;
    bool operator==(const QualifiedName&) const = default;
};
/// An index a statement builds with CREATE INDEX CONCURRENTLY.
using IndexName = QualifiedName;
/// The indexes `sql` builds concurrently (none when it does not parse).
std::vector<IndexName> concurrent_indexes(const std::string& sql);
/// The indexes `sql` drops with DROP INDEX CONCURRENTLY.
std::vector<IndexName> concurrent_drops(const std::string& sql);
/// A constraint `sql` validates (ALTER TABLE ... VALIDATE CONSTRAINT).
struct ConstraintName {
    std::string schema; ///< "" when the statement leaves it to the search path
    std::string table;
    std::string name;
    bool operator==(const ConstraintName&) const = default;
};
std::vector<ConstraintName> validated_constraints(const std::string& sql);
/// The enum types `sql` adds a value to (ALTER TYPE ... ADD VALUE), which
/// commits on its own.
std::vector<QualifiedName> extended_enums(const std::string& sql);
/// `sql` built or dropped in a transaction: CREATE INDEX, DROP INDEX and
/// REINDEX without CONCURRENTLY (unchanged when it has none).
std::string without_concurrently(const std::string& sql);
/// The lock `sql` takes once its concurrent build or drop runs plainly in
/// a transaction, held until it commits, for a reader: `SHARE on its
/// table: writes wait` (CREATE INDEX), `ACCESS EXCLUSIVE on its table:
/// reads and writes wait` (DROP INDEX); empty when it builds or drops
/// nothing concurrently.
std::string lock_without_concurrently(const std::string& sql);
/// Whether a statement keeps its step from running in the rollback's one
/// transaction whatever it says: an enum value added (it cannot be used in
/// the transaction that adds it), or a statement outside a transaction for
/// a reason of its own (not a concurrent build or drop, a validation or a
/// batch, which run plainly inside it).
bool runs_alone(const std::string& sql, bool transactional, bool batched = false);
/// `script` as one transaction can run it (rollback's all or nothing): every
/// step transactional, concurrent builds and drops plain; nothing when a
/// step cannot run in a transaction whatever it says (an enum value added,
/// then used).
std::optional<Script> atomic(const Script& script);
/// Whether two CREATE INDEX statements build the same index, built
/// concurrently or not, written alike or not (compared as parse trees).
bool same_index(const std::string& a, const std::string& b);

/// Whether `sql` creates, changes, moves, drops or comments on an extension: what
/// only an extension's owner (a superuser, for an untrusted one) may do.
bool manages_extension(const std::string& sql);
/// Whether `sql` creates, changes, drops or comments on a publication: one
/// for all tables or for the tables in a schema is a superuser's to make, and
/// stays a superuser's (no other role may own it).
bool manages_publication(const std::string& sql);
/// Whether `sql` creates, changes, drops or comments on a foreign-data
/// wrapper (a superuser's), or creates a server (which takes USAGE on its
/// wrapper; the shadow's administrator then hands it to the tree's role).
bool manages_foreign_data(const std::string& sql);
/// Whether `sql` creates, changes, drops or comments on an event trigger:
/// only a superuser may.
bool manages_event_trigger(const std::string& sql);
/// Whether `sql` moves an object (ALTER ... SET SCHEMA) into pg_catalog,
/// information_schema, or a pg_toast or pg_temp schema.
bool moves_into_system_schema(const std::string& sql);
/// Whether `sql` creates or makes a function LEAKPROOF: what only a
/// superuser may do.
bool marks_leakproof(const std::string& sql);
/// The roles `sql` gives objects to (`ALTER ... OWNER TO r`), in order;
/// CURRENT_USER and SESSION_USER are named "CURRENT_USER".
std::vector<std::string> new_owners(const std::string& sql);

/// A secret a migration does not hold: where an option's value would be, a
/// migration writes the literal `'${SCHEMAC_SECRET_<NAME>}'`, and the value
/// comes from that environment variable when the statement runs (`apply`,
/// `rollback`); a shadow gets a stand-in. Files, plans, the history table and
/// error messages only ever hold the placeholder.
inline constexpr std::string_view k_secret_prefix = "SCHEMAC_SECRET_";
/// The literal standing for secret `name` (SCHEMAC_SECRET_...).
std::string secret_placeholder(const std::string& name);
/// The secrets `sql` takes, in order of appearance, without duplicates.
std::vector<std::string> secrets_in(const std::string& sql);
/// `sql` with each placeholder replaced by its value as a literal: from the
/// environment, or the stand-in `value` when given. An error names a secret
/// the environment lacks.
Result<std::string> with_secrets(const std::string& sql,
                                 const std::optional<std::string>& value = std::nullopt);

/// Splits `text` (the content of `path`) into steps and statements; an error
/// at file:line:col when it does not parse.
Result<Script> parse_script(const std::filesystem::path& path, const std::string& text);

} // namespace schemac::runtime
