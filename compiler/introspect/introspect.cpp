#include "introspect/introspect.h"

#include "introspect/queries.h"

namespace schemac::introspect {

const catalog::ObjectKey* OidLookup::find(catalog::Oid classid, catalog::Oid objid,
                                          int subid) const {
    auto it = m_keys.find(std::make_tuple(classid, objid, subid));
    return it == m_keys.end() ? nullptr : &it->second;
}

catalog::Oid to_oid(const std::string& text) {
    return static_cast<catalog::Oid>(std::stoul(text));
}

Result<runtime::Rows> query(runtime::Connection& conn, const char* what, const std::string& sql,
                            const std::string& schemas) {
    auto rows = conn.exec(sql, {schemas});
    if (!rows.ok())
        return Error{std::string("introspecting ") + what + " failed: " + rows.error.describe()};
    return std::move(*rows.value);
}

namespace {

/// The managed schemas as a text[] literal: the ones asked for, or every
/// schema but the system ones, `schemac`, and those an extension owns.
Result<std::string> managed_schemas(runtime::Connection& conn, const Options& options) {
    if (!options.schemas.empty())
        return runtime::text_array(options.schemas);
    auto rows = conn.exec(R"(
        SELECT pg_catalog.array_agg(n.nspname ORDER BY n.nspname)
        FROM pg_catalog.pg_namespace n
        WHERE n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'schemac')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                            AND e.objid = n.oid AND e.deptype = 'e'))");
    if (!rows.ok())
        return Error{"introspecting schemas failed: " + rows.error.describe()};
    return rows.value->at(0, 0).value_or("{}");
}

Status run_queries(runtime::Connection& conn, const std::string& schemas, bool sizes,
                   catalog::Catalog& catalog) {
    OidLookup lookup;
    // Order matters only for the lookup: pg_depend is read last, once every
    // object it may name has its key.
    for (auto* step :
         {query_schemas, query_extensions, query_enums, query_types, query_sequences, query_tables,
          query_columns, query_constraints, query_indexes, query_functions, query_views,
          query_triggers, query_policies, query_privileges, query_default_privileges})
        if (auto done = step(conn, schemas, catalog, lookup); !done)
            return done;
    if (sizes)
        if (auto done = query_table_sizes(conn, schemas, catalog); !done)
            return done;
    if (auto done = query_casts(conn, catalog); !done)
        return done;
    if (auto done = query_unmanaged(conn, schemas, catalog); !done)
        return done;
    link_partition_columns(catalog);
    add_body_references(catalog);
    return query_depend(conn, catalog, lookup);
}

} // namespace

Result<catalog::Catalog> introspect(runtime::Connection& conn, const Options& options) {
    auto begun = conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                           "SET LOCAL search_path = ''");
    if (!begun.ok())
        return Error{"cannot start the introspection transaction: " + begun.error.message};
    catalog::Catalog catalog;
    auto schemas = managed_schemas(conn, options);
    Status done =
        schemas ? run_queries(conn, *schemas, options.sizes, catalog) : Status(schemas.error());
    (void)conn.exec(done ? "COMMIT" : "ROLLBACK");
    if (!done)
        return done.error();
    return catalog;
}

Result<catalog::Catalog> introspect(const std::string& conninfo, const Options& options) {
    auto conn = runtime::Connection::open(conninfo);
    if (!conn.ok())
        return Error{"cannot connect to " + runtime::redact(conninfo) + ": " + conn.error.message};
    return introspect(*conn.value, options);
}

} // namespace schemac::introspect
