#pragma once

#include <string>
#include <string_view>
#include <vector>

/// The one place where names and literals become SQL text. Never build SQL by
/// pasting a name: call quote_ident.
namespace schemac::catalog {

/// `tenants` stays bare; `Tenants`, `user`, `a b`, `a"b` are double-quoted with
/// embedded quotes doubled. Bare only when [a-z_][a-z0-9_$]* and not a keyword
/// that needs quoting as a column name.
std::string quote_ident(std::string_view name);

/// `schema.name`, each part quoted as needed.
std::string quote_qualified(std::string_view schema, std::string_view name);

/// A standard-conforming string literal: `'it''s'`. Backslashes are plain
/// characters (standard_conforming_strings is on since 9.1).
std::string quote_literal(std::string_view text);

/// The roles a grantee or a policy's role list names, as the catalog spells
/// them (`reader`, `"Ops, EU"`, separated by `, `), unquoted; `PUBLIC`
/// (bare, so never a role's name) is no role and left out.
std::vector<std::string> role_names(std::string_view list);

/// True when `word` is a PostgreSQL keyword that must be quoted as an identifier.
bool is_reserved_keyword(std::string_view word);

/// Test switch: when on, quote_ident quotes every identifier.
void set_quote_all(bool on);

} // namespace schemac::catalog
