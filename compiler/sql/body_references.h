#pragma once

#include <set>
#include <string>
#include <utility>

/// What a function's body names that pg_depend does not record.
namespace schemac::sql {

/// The tables and views (schema, name) that PostgreSQL looks up when it
/// creates the function or procedure of a `CREATE [OR REPLACE] FUNCTION`
/// statement, unqualified ones as `public`, found with libpg_query; pg_depend
/// records none of them, so they must be ordered first by us:
/// - what a `LANGUAGE sql` body written as a string names (the body is
///   analyzed at creation; BEGIN ATOMIC and RETURN bodies are in pg_depend);
/// - the tables of a PL/pgSQL body's `%ROWTYPE` and `%TYPE` declarations
///   (compiled at creation; its queries are only planned when it runs).
std::set<std::pair<std::string, std::string>>
relations_checked_at_creation(const std::string& create);

} // namespace schemac::sql
