#include "introspect/introspect.h"

#include "sql/body_references.h"

namespace schemac::introspect {

void add_body_references(catalog::Catalog& catalog) {
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

} // namespace schemac::introspect
