#pragma once

// PostgreSQL's printed text of expressions (pg_get_constraintdef,
// pg_get_indexdef, pg_get_viewdef) made into text that stores the same
// expression once executed again (DESIGN.md, decision 1).

#include <string>

namespace schemac::catalog {

/// A list compared to a column of another type (`s IN ('a', 'b')` over a
/// varchar) is printed `(ARRAY['a'::character varying, ...])::text[]`; parsed
/// again, that cast goes into each element (`ARRAY[('a'::character
/// varying)::text, ...]`), another expression. Casting the array to its own
/// type first keeps the cast outside, as it was stored:
/// `((ARRAY['a'::character varying, ...])::character varying[])::text[]`.
/// Every such array whose elements are all cast to one type is rewritten;
/// the rest of the text is kept as it is (literals and quoted names too).
std::string pin_array_casts(const std::string& printed);

/// The same expression as PostgreSQL prints it once the printed text has been
/// executed again (pg_dump's text restored): each such array as a list of
/// casts, `ARRAY[('a'::character varying)::text, ...]`. Two definitions that
/// differ only in that form compare equal through it.
std::string as_list_of_casts(const std::string& printed);

} // namespace schemac::catalog
