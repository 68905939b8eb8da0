#include "introspect/introspect.h"

#include "sql/body_references.h"

namespace schemac::introspect {

void add_body_references(catalog::Catalog& catalog) {
    using catalog::Kind;
    for (const auto& [key, function] : catalog.functions)
        for (const auto& [schema, name] : sql::relations_checked_at_creation(function.definition))
            for (Kind kind : {Kind::Table, Kind::View, Kind::MaterializedView}) {
                auto used = catalog::relation_key(kind, schema, name);
                if (catalog.contains(used))
                    catalog.dependencies.insert({key, used, catalog::DependencyType::Normal});
            }
}

} // namespace schemac::introspect
