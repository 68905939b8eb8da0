// ALTER ... RENAME, asked for by the tree's `-- schemac:renamed-from`.

#include "steps/build.h"
#include "steps/builders.h"

#include "catalog/quote.h"

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

} // namespace schemac::steps
