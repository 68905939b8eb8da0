#pragma once

// Internal to introspect: the reader every query shares, and one read per
// type of object.

#include "catalog/catalog.h"
#include "introspect/introspect.h"
#include "runtime/connection.h"
#include "runtime/result.h"

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

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
    k_pg_foreign_data_wrapper = 2328,
    k_pg_foreign_server = 1417,
    k_pg_user_mapping = 1418,
    k_pg_collation = 3456,
    k_pg_event_trigger = 3466,
    k_pg_statistic_ext = 3381,
};

/// (catalog, object oid, sub-id) -> key: how pg_depend rows become key pairs.
class OidLookup {
  public:
    void add(catalog::Oid classid, catalog::Oid objid, int subid, catalog::ObjectKey key) {
        m_keys.emplace(std::make_tuple(classid, objid, subid), std::move(key));
    }
    const catalog::ObjectKey* find(catalog::Oid classid, catalog::Oid objid, int subid) const;

  private:
    struct Hash {
        std::size_t operator()(const std::tuple<catalog::Oid, catalog::Oid, int>& id) const {
            auto [classid, objid, subid] = id;
            return std::hash<std::uint64_t>{}((std::uint64_t{objid} << 32 | classid) ^
                                              (static_cast<std::uint64_t>(subid) << 16));
        }
    };
    /// Looked up once per pg_depend row: hashed, not ordered.
    std::unordered_map<std::tuple<catalog::Oid, catalog::Oid, int>, catalog::ObjectKey, Hash>
        m_keys;
};

catalog::Oid to_oid(const std::string& text);

/// Where the queries' rows come from: the database (each result kept in
/// `record` when one is given), or a recording of an earlier read, played
/// back in order.
class Source {
  public:
    Source(runtime::Connection& conn, Recording* record) : m_conn(&conn), m_record(record) {}
    explicit Source(const Recording& replay) : m_replay(&replay) {}

    Result<runtime::Rows> exec(const std::string& sql, const std::vector<std::string>& params = {});
    int server_version() const;

  private:
    runtime::Connection* m_conn = nullptr;
    Recording* m_record = nullptr;
    const Recording* m_replay = nullptr;
    std::size_t m_next = 0;
};

/// What every query needs: where its rows come from, the managed schemas (the text[]
/// literal every query takes as $1), the catalog it fills and the oid lookup.
struct Reader {
    Source& source;
    const std::string& schemas;
    catalog::Catalog& catalog;
    OidLookup& lookup;

    /// Runs one query with the managed schemas as $1; `what` names it in errors.
    Result<runtime::Rows> query(const char* what, const std::string& sql) const;
};

/// The one managed-object filter: in a managed schema (`nspname` is one of
/// $1), and not a member of an extension (its objects are the extension's),
/// for an object of system catalog `catalog` (`pg_class`) whose oid is `oid`.
std::string managed(std::string_view catalog, std::string_view oid,
                    std::string_view nspname = "n.nspname");

/// An identity column's sequence options, read as `identity_seqstart`, ...
catalog::SequenceOptions identity_options(const runtime::Rows::Row& row);

/// The type of object one read fills: `read(reader, Of<catalog::Table>{})`.
template <class T> struct Of {};

// One read per type of object, chosen by overload (introspect.cpp calls the
// one for every map of the Catalog, so a kind without one fails to compile).
Status read(Reader&, Of<catalog::Schema>);
Status read(Reader&, Of<catalog::Extension>);
Status read(Reader&, Of<catalog::EnumType>);
Status read(Reader&, Of<catalog::Sequence>);
Status read(Reader&, Of<catalog::Table>);
Status read(Reader&, Of<catalog::Column>);
Status read(Reader&, Of<catalog::Constraint>);
Status read(Reader&, Of<catalog::Index>);
Status read(Reader&, Of<catalog::Function>);
Status read(Reader&, Of<catalog::View>);
Status read(Reader&, Of<catalog::Trigger>);
Status read(Reader&, Of<catalog::Policy>);
Status read(Reader&, Of<catalog::Domain>);
Status read(Reader&, Of<catalog::CompositeType>);
Status read(Reader&, Of<catalog::Publication>);
Status read(Reader&, Of<catalog::Rule>);
Status read(Reader&, Of<catalog::ForeignObject>);
Status read(Reader&, Of<catalog::RangeType>);
Status read(Reader&, Of<catalog::Collation>);
Status read(Reader&, Of<catalog::EventTrigger>);
Status read(Reader&, Of<catalog::Statistics>);

/// Privileges and default privileges, once every object they may be on has
/// its key in the lookup.
Status read_privileges(Reader&);
Status read_default_privileges(Reader&);
/// The owner of every object of a kind whose owner is compared.
Status read_owners(Reader&);
/// Each managed table's estimated rows and total size, into Table::stats.
Status read_table_sizes(Reader&);
/// Casts PostgreSQL performs without a function.
Status read_casts(Reader&);
/// Objects of kinds schemac does not model: named, never touched.
Status read_unmanaged(Reader&);
/// pg_depend, read last: every object it may name has its key by then.
Status read_depend(Reader&);
/// A partition's column depends on its parent's of the same name, and so does
/// an inheritance child's column that is not its own: pg_depend does not say
/// so (pg_attribute.attinhcount does), and a detached partition's column must
/// go before the parent's, which it no longer follows.
void link_inherited_columns(catalog::Catalog&);
/// A key or index built on a partitioned table alone (ONLY, not valid yet)
/// comes after its table's partitions: built before one joins, it would get
/// that partition's part made and attached.
void link_keys_of_the_parent_alone(catalog::Catalog&);

} // namespace schemac::introspect
