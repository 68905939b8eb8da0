#pragma once

// Internal to introspect: the per-kind queries and the oid lookup they share.

#include "catalog/catalog.h"
#include "catalog/result.h"
#include "runtime/connection.h"

#include <map>
#include <string>
#include <tuple>

namespace schemac::introspect {

/// System catalog oids, fixed in every PostgreSQL release.
enum CatalogOid : catalog::Oid {
    k_pg_type = 1247,
    k_pg_proc = 1255,
    k_pg_class = 1259,
    k_pg_attrdef = 2604,
    k_pg_constraint = 2606,
    k_pg_namespace = 2615,
    k_pg_rewrite = 2618,
    k_pg_trigger = 2620,
    k_pg_policy = 3256,
    k_pg_extension = 3079,
};

/// (catalog, object oid, sub-id) -> key: how pg_depend rows become key pairs.
class OidLookup {
  public:
    void add(catalog::Oid classid, catalog::Oid objid, int subid, catalog::ObjectKey key) {
        m_keys.emplace(std::make_tuple(classid, objid, subid), std::move(key));
    }
    const catalog::ObjectKey* find(catalog::Oid classid, catalog::Oid objid, int subid) const;

  private:
    std::map<std::tuple<catalog::Oid, catalog::Oid, int>, catalog::ObjectKey> m_keys;
};

/// Runs one query with the managed-schema array as $1.
Result<runtime::Rows> query(runtime::Connection& conn, const char* what, const std::string& sql,
                            const std::string& schemas);

catalog::Oid to_oid(const std::string& text);

Status query_schemas(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                     OidLookup&);
Status query_extensions(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                        OidLookup&);
Status query_enums(runtime::Connection&, const std::string& schemas, catalog::Catalog&, OidLookup&);
Status query_casts(runtime::Connection&, catalog::Catalog&);
Status query_sequences(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                       OidLookup&);
Status query_tables(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                    OidLookup&);
/// Each managed table's estimated rows and total size, into Table::stats.
Status query_table_sizes(runtime::Connection&, const std::string& schemas, catalog::Catalog&);
Status query_columns(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                     OidLookup&);
Status query_constraints(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                         OidLookup&);
Status query_indexes(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                     OidLookup&);
Status query_functions(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                       OidLookup&);
Status query_views(runtime::Connection&, const std::string& schemas, catalog::Catalog&, OidLookup&);
Status query_triggers(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                      OidLookup&);
Status query_types(runtime::Connection&, const std::string& schemas, catalog::Catalog&, OidLookup&);
Status query_policies(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                      OidLookup&);
/// Privileges, after every object they may be on has its key in `lookup`.
Status query_privileges(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                        OidLookup&);
Status query_default_privileges(runtime::Connection&, const std::string& schemas, catalog::Catalog&,
                                OidLookup&);
Status query_unmanaged(runtime::Connection&, const std::string& schemas, catalog::Catalog&);
/// A partition's column depends on its parent's of the same name: pg_depend
/// does not say so (pg_attribute.attinhcount does), and a detached
/// partition's column must go before the parent's, which it no longer follows.
void link_partition_columns(catalog::Catalog&);
Status query_depend(runtime::Connection&, catalog::Catalog&, OidLookup&);

} // namespace schemac::introspect
