#include "introspect/introspect.h"

#include "runtime/sql_text.h"
#include "sql/body_references.h"

#include <algorithm>
#include <map>
#include <vector>

namespace schemac::introspect {
namespace {

void read_bodies(catalog::Catalog& catalog) {
    using catalog::Kind;
    // A call names a function without its arguments: it depends on every
    // overload of the name (a body calling another overload of its own
    // name is left to their order by name).
    std::map<std::pair<std::string, std::string>, std::vector<catalog::ObjectKey>> by_name;
    for (const auto& [key, function] : catalog.functions)
        by_name[{key.schema, key.name}].push_back(key);
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
        for (const auto& name : body.called)
            if (auto callees = by_name.find(name);
                callees != by_name.end() && name != std::pair{key.schema, key.name})
                for (const auto& callee : callees->second)
                    catalog.dependencies.insert({key, callee, catalog::DependencyType::Normal});
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
