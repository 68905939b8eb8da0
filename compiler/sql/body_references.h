#pragma once

#include <array>
#include <set>
#include <string>
#include <utility>

/// What a function's body names that pg_depend does not record.
namespace schemac::sql {

/// (schema, name); an unqualified name has the schema read_function is given.
using Names = std::set<std::pair<std::string, std::string>>;

/// What libpg_query reads in a `CREATE [OR REPLACE] FUNCTION` or `PROCEDURE`
/// statement (pg_get_functiondef's, or the tree's).
struct FunctionBody {
    std::string language; ///< `sql`, `plpgsql`, ...; empty when it does not parse
    /// The tables and views PostgreSQL looks up when it creates the function,
    /// which pg_depend does not record, so they must be ordered first by us:
    /// - what a `LANGUAGE sql` body written as a string names (the body is
    ///   analyzed at creation; BEGIN ATOMIC and RETURN bodies are in pg_depend);
    /// - the tables of a PL/pgSQL body's `%ROWTYPE` and `%TYPE` declarations
    ///   (compiled at creation; its queries are only planned when it runs).
    Names checked_at_creation;
    /// The functions a `LANGUAGE sql` body written as a string calls: they
    /// must exist when it is created, and pg_depend does not record them.
    Names called;
    /// The relations a SQL-language body (string or BEGIN ATOMIC) writes:
    /// INSERT INTO, UPDATE, DELETE FROM, MERGE INTO. Analyzing it at creation
    /// takes ROW EXCLUSIVE on them, not ACCESS SHARE.
    Names written;
};

/// `unqualified` is the schema given to names written without one (the
/// loader resolves them against its search_path later).
FunctionBody read_function(const std::string& create, const std::string& unqualified = "public");

/// The relations the actions of a `CREATE [OR REPLACE] RULE` statement
/// (pg_get_ruledef's) write: INSERT INTO, UPDATE, DELETE FROM.
Names rule_writes(const std::string& create);

/// The relations a script's statements write rows of: INSERT INTO, UPDATE,
/// DELETE FROM, MERGE INTO, TRUNCATE (at any depth: a CTE's too). An
/// unqualified name is taken to be in `public`; none when it does not parse.
Names writes(const std::string& script);

/// The roles a script names by name (`GRANT ... TO r`, `CREATE POLICY ... TO
/// r`, `OWNER TO r`); none when it does not parse.
std::set<std::string> roles_named(const std::string& script);

/// What a migration script creates, as far as the managed scope needs it
/// (the names are the script's, which schemac writes schema-qualified).
struct Created {
    /// Schemas it creates, or creates a relation, type or routine in.
    std::set<std::string> schemas;
    std::set<std::string> extensions;
    std::set<std::string> publications;
    /// Triggers and policies it puts on a relation: (schema, table, name).
    std::set<std::array<std::string, 3>> triggers, policies;
    /// Indexes it creates: (schema of the table, name).
    Names indexes;
};

/// What `script` creates; nothing when it does not parse.
Created created_by(const std::string& script);

} // namespace schemac::sql
