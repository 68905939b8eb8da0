#include "catalog/object_key.h"

#include "catalog/quote.h"

namespace schemac::catalog {

ObjectKey schema_key(std::string name) {
    return ObjectKey{Kind::Schema, "", "", std::move(name), ""};
}

ObjectKey extension_key(std::string name) {
    return ObjectKey{Kind::Extension, "", "", std::move(name), ""};
}

ObjectKey relation_key(Kind kind, std::string schema, std::string name) {
    return ObjectKey{kind, std::move(schema), "", std::move(name), ""};
}

ObjectKey child_key(Kind kind, std::string schema, std::string table, std::string name) {
    return ObjectKey{kind, std::move(schema), std::move(table), std::move(name), ""};
}

ObjectKey table_of(const ObjectKey& child) {
    return relation_key(Kind::Table, child.schema, child.parent);
}

std::string qualified_name(const ObjectKey& key) {
    switch (key.kind) {
    case Kind::Schema:
    case Kind::Extension:
        return quote_ident(key.name);
    case Kind::Column:
        return quote_qualified(key.schema, key.parent) + "." + quote_ident(key.name);
    case Kind::Constraint:
    case Kind::Trigger:
    case Kind::Policy:
        return quote_ident(key.name) + " ON " + quote_qualified(key.schema, key.parent);
    case Kind::Function:
    case Kind::Procedure:
        return quote_qualified(key.schema, key.name) + "(" + key.args + ")";
    default:
        return quote_qualified(key.schema, key.name);
    }
}

std::string describe(const ObjectKey& key) {
    return std::string(kind_info(key.kind).name) + " " + qualified_name(key);
}

} // namespace schemac::catalog
