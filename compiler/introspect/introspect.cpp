#include "introspect/introspect.h"

#include "catalog/quote.h"
#include "introspect/reader.h"

#include <stdexcept>

namespace schemac::introspect {

const catalog::ObjectKey* OidLookup::find(catalog::Oid classid, catalog::Oid objid,
                                          int subid) const {
    auto it = m_keys.find(std::make_tuple(classid, objid, subid));
    return it == m_keys.end() ? nullptr : &it->second;
}

catalog::Oid to_oid(const std::string& text) {
    return static_cast<catalog::Oid>(std::stoul(text));
}

Result<runtime::Rows> Reader::query(const char* what, const std::string& sql) const {
    auto rows = source.exec(sql, {schemas});
    if (!rows)
        return std::move(rows).error().within(std::string("introspecting ") + what + " failed");
    return rows;
}

std::string managed(std::string_view catalog, std::string_view oid, std::string_view nspname) {
    return std::string(nspname) +
           " = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e"
           " WHERE e.classid = 'pg_catalog." +
           std::string(catalog) + "'::pg_catalog.regclass AND e.objid = " + std::string(oid) +
           " AND e.deptype = 'e')";
}

namespace {

/// The managed schemas as a text[] literal: the ones asked for, or every
/// schema but the system ones, `schemac`, and those an extension owns.
Result<std::string> managed_schemas(Source& source, const Options& options) {
    if (!options.schemas.empty())
        return runtime::text_array(options.schemas);
    auto rows = source.exec(R"(
        SELECT pg_catalog.array_agg(n.nspname ORDER BY n.nspname) AS schemas
        FROM pg_catalog.pg_namespace n
        WHERE n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'schemac')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                          WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                            AND e.objid = n.oid AND e.deptype = 'e'))");
    if (!rows)
        return std::move(rows).error().within("introspecting schemas failed");
    if (rows->empty())
        return Error("introspecting schemas failed: no row");
    return (*rows)[0].at("schemas").value_or("{}");
}

/// Every query, in an order that only the lookup cares about: what names
/// other objects by oid (privileges, pg_depend) comes after every object.
Status run_queries(Reader& reader, bool sizes) {
    Status done = Ok{};
    catalog::for_each_objects(reader.catalog, [&](const auto& objects) {
        using T = typename std::decay_t<decltype(objects)>::mapped_type;
        if (done)
            done = read(reader, Of<T>{});
    });
    for (auto* next : {read_privileges, read_default_privileges, read_owners})
        if (done)
            done = next(reader);
    if (done && sizes)
        done = read_table_sizes(reader);
    for (auto* next : {read_casts, read_unmanaged})
        if (done)
            done = next(reader);
    if (!done)
        return done;
    link_inherited_columns(reader.catalog);
    link_keys_of_the_parent_alone(reader.catalog);
    add_body_references(reader.catalog);
    return read_depend(reader);
}

/// Leaves out privileges to roles not managed (Options::roles), each such
/// role listed once as unmanaged.
void leave_unmanaged_roles(catalog::Catalog& catalog, const std::set<std::string>& roles) {
    std::set<std::string> left;
    auto unmanaged = [&](const std::string& quoted) {
        auto names = catalog::role_names(quoted);
        if (names.empty() || roles.contains(names.front()))
            return false;
        left.insert(quoted);
        return true;
    };
    std::erase_if(catalog.privileges,
                  [&](const catalog::Privilege& p) { return unmanaged(p.grantee); });
    std::erase_if(catalog.default_privileges, [&](const catalog::DefaultPrivilege& d) {
        return unmanaged(d.grantee) || unmanaged(d.role);
    });
    for (const auto& role : left)
        catalog.unmanaged_privileges.push_back("privileges of role " + role +
                                               " (the tree does not name it; --roles manages it)");
}

/// One read, from the database or from a recording.
Result<catalog::Catalog> read_catalog(Source& source, const Options& options) {
    catalog::Catalog catalog;
    auto schemas = managed_schemas(source, options);
    if (!schemas)
        return std::move(schemas).error();
    OidLookup lookup;
    Reader reader{source, *schemas, catalog, lookup};
    if (auto done = run_queries(reader, options.sizes); !done)
        return std::move(done).error();
    if (options.roles)
        leave_unmanaged_roles(catalog, *options.roles);
    catalog.left_alone = catalog::leave_out_ignored(catalog, options.ignore, options.scope);
    return catalog;
}

} // namespace

Result<catalog::Catalog> introspect(runtime::Connection& conn, const Options& options,
                                    Recording* record) {
    auto begun = conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                           "SET LOCAL search_path = ''");
    if (!begun)
        return Error("cannot start the introspection transaction: " + begun.error().message);
    if (record)
        *record = Recording{conn.server_version(), {}};
    Source source(conn, record);
    auto catalog = read_catalog(source, options);
    (void)conn.exec(catalog ? "COMMIT" : "ROLLBACK");
    return catalog;
}

Result<catalog::Catalog> introspect(const Recording& recording, const Options& options) {
    Source source(recording);
    // A recording of other queries may hold what the reads do not expect.
    try {
        return read_catalog(source, options);
    } catch (const std::exception& e) {
        return Error(std::string("the recorded read does not read back: ") + e.what());
    }
}

Result<catalog::Catalog> introspect(const std::string& conninfo, const Options& options,
                                    Recording* record) {
    auto conn = runtime::Connection::open(conninfo);
    if (!conn)
        return Error(runtime::connect_error("", conninfo, conn.error().message));
    return introspect(*conn, options, record);
}

} // namespace schemac::introspect
