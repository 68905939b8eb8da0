#include "catalog/object_key.h"

#include "catalog/quote.h"

namespace schemac::catalog {

ObjectKey schema_key(std::string name) {
    return ObjectKey{Kind::Schema, "", "", std::move(name), "", Facet::Object};
}

ObjectKey extension_key(std::string name) {
    return ObjectKey{Kind::Extension, "", "", std::move(name), "", Facet::Object};
}

ObjectKey publication_key(std::string name) {
    return ObjectKey{Kind::Publication, "", "", std::move(name), "", Facet::Object};
}

ObjectKey default_privileges_key(std::string schema, char objects) {
    return ObjectKey{Kind::Schema,      "", std::string(1, objects),
                     std::move(schema), "", Facet::DefaultPrivileges};
}

ObjectKey global_key(Kind kind, std::string name) {
    return ObjectKey{kind, "", "", std::move(name), "", Facet::Object};
}

ObjectKey user_mapping_key(std::string server, std::string role) {
    return ObjectKey{Kind::UserMapping, "", std::move(server), std::move(role), "", Facet::Object};
}

ObjectKey relation_key(Kind kind, std::string schema, std::string name) {
    return ObjectKey{kind, std::move(schema), "", std::move(name), "", Facet::Object};
}

ObjectKey child_key(Kind kind, std::string schema, std::string table, std::string name) {
    return ObjectKey{kind, std::move(schema), std::move(table), std::move(name), "", Facet::Object};
}

ObjectKey table_of(const ObjectKey& child) {
    return relation_key(Kind::Table, child.schema, child.parent);
}

ObjectKey table_of_object(const ObjectKey& key) {
    return key.kind == Kind::Table ? key : table_of(key);
}

ObjectKey facet_of(ObjectKey key, Facet facet) {
    key.facet = facet;
    return key;
}

std::string qualified_name(const ObjectKey& key) {
    switch (kind_info(key.kind).naming) {
    case Naming::Global:
        return quote_ident(key.name);
    case Naming::Column:
        return quote_qualified(key.schema, key.parent) + "." + quote_ident(key.name);
    case Naming::OnTable:
        return quote_ident(key.name) + " ON " + quote_qualified(key.schema, key.parent);
    case Naming::Routine:
        // An aggregate of no arguments is `agg(*)` to DROP, COMMENT ON and
        // ALTER AGGREGATE (GRANT names it as a function: privilege_target).
        return quote_qualified(key.schema, key.name) + "(" +
               (key.kind == Kind::Aggregate && key.args.empty() ? "*" : key.args) + ")";
    case Naming::Mapping:
        return "FOR " + key.name + " SERVER " + quote_ident(key.parent);
    case Naming::InSchema:
        break;
    }
    return quote_qualified(key.schema, key.name);
}

std::string describe(const ObjectKey& key) {
    return std::string(kind_info(key.kind).name) + " " + qualified_name(key);
}

} // namespace schemac::catalog
