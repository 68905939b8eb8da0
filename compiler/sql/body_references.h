#pragma once

#include <set>
#include <string>
#include <utility>

/// What a function's body names that pg_depend does not record.
namespace schemac::sql {

/// The tables and views (schema, name) that a `CREATE [OR REPLACE] FUNCTION`
/// or `PROCEDURE` statement's string SQL body names, unqualified ones as
/// `public`, found with libpg_query. PostgreSQL checks such a body when it
/// creates the function, so they must exist first; pg_depend records nothing
/// for it (it does for BEGIN ATOMIC and RETURN bodies). A PL/pgSQL body is
/// checked only when it runs, so it orders nothing and is not read.
std::set<std::pair<std::string, std::string>> relations_in_sql_body(const std::string& create);

} // namespace schemac::sql
