// ALTER ... RENAME, asked for by the tree's `-- schemac:renamed-from`.

#include "steps/build.h"
#include "steps/builders.h"

#include "catalog/quote.h"

#include <algorithm>
#include <iterator>

namespace schemac::steps {
namespace {

using catalog::ObjectKey;
using catalog::quote_ident;
using catalog::quote_literal;

/// `ALTER <keyword> name RENAME TO new`, through ALTER TABLE for what a
/// table holds, or RENAME VALUE for an enum value.
std::string rename_sql(const diff::Rename& r, const ObjectKey& key) {
    std::string keyword(catalog::kind_info(key.kind).keyword);
    if (r.enum_value)
        return "ALTER " + keyword + " " + catalog::qualified_name(key) + " RENAME VALUE " +
               quote_literal(r.from) + " TO " + quote_literal(r.to);
    if (catalog::kind_info(key.kind).altered_through_table)
        return alter_table(key) + "RENAME " + keyword + " " + quote_ident(key.name) + " TO " +
               quote_ident(r.to);
    return "ALTER " + keyword + " " + catalog::qualified_name(key) + " RENAME TO " +
           quote_ident(r.to);
}

} // namespace

Steps rename_steps(const std::vector<diff::Rename>& renames, bool back) {
    Steps out;
    for (std::size_t i = 0; i < renames.size(); ++i) {
        diff::Rename r = renames[back ? renames.size() - 1 - i : i];
        if (back)
            std::swap(r.from, r.to);
        ObjectKey key = r.before();
        Step step = make_step(key, Action::Rename, rename_sql(r, key));
        step.detail = r.enum_value ? "value " + quote_literal(r.from) + " to " + quote_literal(r.to)
                                   : "to " + quote_ident(r.to);
        // A table's rename, or one through ALTER TABLE, locks the table; an
        // index rename locks the index alone (SHARE UPDATE EXCLUSIVE).
        if (key.kind == catalog::Kind::Table || catalog::kind_info(key.kind).altered_through_table)
            step.lock(catalog::table_of_object(key), LockMode::AccessExclusive);
        out.push_back(std::move(step));
    }
    return out;
}

Steps relocation_steps(const std::vector<diff::Relocation>& relocations, bool back) {
    Steps schemas, moves;
    for (const auto& r : relocations) {
        ObjectKey extension = catalog::extension_key(r.extension);
        const std::string& to = back ? r.from : r.to;
        Step move = make_step(extension, Action::Alter,
                              "ALTER EXTENSION " + quote_ident(r.extension) + " SET SCHEMA " +
                                  quote_ident(to));
        move.detail = "to schema " + quote_ident(to);
        moves.push_back(std::move(move));
        if (!r.creates_schema)
            continue;
        ObjectKey schema = catalog::schema_key(r.to);
        schemas.push_back(
            back ? make_step(schema, Action::Drop, "DROP SCHEMA " + quote_ident(r.to))
                 : make_step(schema, Action::Create, "CREATE SCHEMA " + quote_ident(r.to)));
    }
    if (back) {
        std::ranges::reverse(moves);
        std::ranges::move(schemas, std::back_inserter(moves));
        return moves;
    }
    std::ranges::move(moves, std::back_inserter(schemas));
    return schemas;
}

} // namespace schemac::steps
