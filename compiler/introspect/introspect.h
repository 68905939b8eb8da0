#pragma once

#include "catalog/catalog.h"
#include "catalog/ignore.h"
#include "runtime/connection.h"
#include "runtime/result.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
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

/// The rows every query of one read returned, in order, and the server's
/// version: what it takes to read the same catalog again without the
/// database (the catalog cache keeps them, cli/catalog_cache.h). Played
/// back, the introspector's own code turns them into the catalog, so a
/// field added to the catalog needs nothing here.
struct Recording {
    int server_version = 0;
    /// Each query's text hashed, beside its rows: a recording made by other
    /// queries is refused, never misread.
    std::vector<std::pair<std::uint64_t, runtime::Rows>> results;

    std::string serialize() const;
    /// nullopt for bytes that are not a whole recording.
    static std::optional<Recording> parse(std::string_view bytes);
};

/// Reads the database at `conn`; its results go into `record` when given.
Result<catalog::Catalog> introspect(runtime::Connection& conn, const Options& options = {},
                                    Recording* record = nullptr);
/// The catalog a recorded read gave, read again from the recording with
/// `options` (the ones it was made with, or the catalog may differ); an error
/// when its queries are not this build's.
Result<catalog::Catalog> introspect(const Recording& recording, const Options& options = {});

/// Reads each function's body with libpg_query (sql::read_function): its
/// language and the tables it writes, and, as dependencies, the tables and
/// views PostgreSQL looks up when it creates it.
void add_body_references(catalog::Catalog& catalog);
Result<catalog::Catalog> introspect(const std::string& conninfo, const Options& options = {},
                                    Recording* record = nullptr);

} // namespace schemac::introspect
