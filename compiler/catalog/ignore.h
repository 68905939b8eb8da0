#pragma once

#include "catalog/catalog.h"
#include "runtime/result.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

/// Ignore rules: objects matched by `.schemacignore` are context, left out
/// of every catalog schemac reads, so they are never diffed, dropped or
/// created.
namespace schemac::catalog {

/// One rule: `kind schema.name`, globs allowed in both (`table public.tmp_*`,
/// `schema partman`, `function *.pg_stat_*`, `* audit.*`).
struct IgnoreRule {
    std::string kind; ///< "table", "materialized view", ..., or a glob such as `*`
    std::string name; ///< glob over `name` (schemas, extensions), `schema.name`
                      ///< or `schema.table.name` (columns, constraints, triggers,
                      ///< policies), unquoted; a routine without its arguments
};

/// The rules of a file, one per line; blank lines and `#` comments skipped.
/// No file: no rules. A line that is no rule is an error at `file:line`.
Result<std::vector<IgnoreRule>> read_ignore_rules(const std::filesystem::path& file);

/// Whether a rule matches the object. A rule for everything in a schema
/// (`* audit.*`) matches the schema too.
bool ignored(const std::vector<IgnoreRule>& rules, const ObjectKey& key);

/// The rule that matches exactly `key` (a routine by its name, whatever its
/// arguments); for a schema, the schema and everything in it.
IgnoreRule rule_for(const ObjectKey& key);

/// The patterns of the schemas the rules leave alone whole (`schema partman`,
/// `* audit.*`), for the runtime's drift check.
std::vector<std::string> context_schemas(const std::vector<IgnoreRule>& rules);

/// The managed scope beyond the rules (DESIGN.md, decision 8): against a
/// live target, what neither the tree nor the history creates is context.
struct Scope {
    /// Schemas managed whole: an object in any other schema, and an
    /// extension living in one, is context. Unset: every schema.
    std::optional<std::set<std::string>> schemas;
    /// What the tree's `-- schemac:external` stubs create, as rules.
    std::vector<IgnoreRule> stubs;
    /// Objects managed wherever they are, whatever `schemas` and `stubs` say
    /// (not the ignore rules, which a person wrote to leave things alone):
    /// what the tree itself creates on context (a trigger on a stubbed
    /// `auth.users`), or what the history created there.
    std::set<ObjectKey> keep;
};

/// Leaves out of `catalog` what the rules match and what lies outside
/// `scope` (but what it keeps), with what cannot exist or be changed without it: the objects in
/// a left-out schema, the columns, constraints, indexes, triggers and
/// policies of a left-out relation, what depends
/// on a left-out object automatically (a sequence OWNED BY its column), and
/// the privileges on them. Returns what it left out, in key order.
std::vector<ObjectKey> leave_out_ignored(Catalog& catalog, const std::vector<IgnoreRule>& rules,
                                         const Scope& scope = {});

} // namespace schemac::catalog
