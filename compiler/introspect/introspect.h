#pragma once

#include "catalog/catalog.h"
#include "catalog/ignore.h"
#include "runtime/connection.h"
#include "runtime/result.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

/// Reads a database's managed objects into a Catalog: one REPEATABLE READ,
/// READ ONLY transaction, search_path empty, one set-based query per kind for
/// all managed schemas at once. The same code reads the shadow and live side.
namespace schemac::introspect {

struct Options {
    /// Managed schemas; empty means every schema but the system ones and `schemac`.
    std::vector<std::string> schemas;
    /// Also read each table's size (for plans against a live database).
    bool sizes = false;
    /// Managed roles; privileges to any other role, and default privileges
    /// of or to one, are context (not read, so never revoked). PUBLIC is
    /// always managed. Unset: every role.
    std::optional<std::set<std::string>> roles;
    /// `.schemacignore` and the tree's external stubs: what they match is
    /// context, not read.
    std::vector<catalog::IgnoreRule> ignore;
    /// The managed scope: what lies outside it is context, not read.
    catalog::Scope scope;
};

Result<catalog::Catalog> introspect(runtime::Connection& conn, const Options& options = {});

/// Reads each function's body with libpg_query (sql::read_function): its
/// language and the tables it writes, and, as dependencies, the tables and
/// views PostgreSQL looks up when it creates it.
void add_body_references(catalog::Catalog& catalog);
Result<catalog::Catalog> introspect(const std::string& conninfo, const Options& options = {});

} // namespace schemac::introspect
