#include "introspect/introspect.h"

#include "runtime/sql_text.h"
#include "sql/body_references.h"

#include <algorithm>

namespace schemac::introspect {
namespace {

void read_bodies(catalog::Catalog& catalog) {
    using catalog::Kind;
    for (auto& [key, function] : catalog.functions) {
        auto body = sql::read_function(function.definition);
        function.language = body.language;
        for (const auto& [schema, name] : body.written)
            function.writes.insert(catalog::relation_key(Kind::Table, schema, name));
        for (const auto& [schema, name] : body.checked_at_creation)
            for (Kind kind : {Kind::Table, Kind::View, Kind::MaterializedView}) {
                auto used = catalog::relation_key(kind, schema, name);
                if (catalog.contains(used))
                    catalog.dependencies.insert({key, used, catalog::DependencyType::Normal});
            }
    }
}

} // namespace

void add_body_references(catalog::Catalog& catalog) {
    // Bodies come from the database, as deep as any text: read on a stack
    // that holds the longest.
    std::size_t longest = 0;
    for (const auto& [key, function] : catalog.functions)
        longest = std::max(longest, function.definition.size());
    runtime::on_stack(runtime::parse_stack_for(longest), [&] { read_bodies(catalog); });
}

} // namespace schemac::introspect
