// `schemac dump`: a live database written as a tree a person would keep, by
// the renderer that writes migrations (the plan from an empty database).

#include "cli/commands.h"

#include "catalog/quote.h"
#include "cli/context.h"
#include "emit/script.h"
#include "introspect/introspect.h"
#include "plan/planner.h"
#include "runtime/progress.h"
#include "shadow/server.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

namespace schemac::cli {
namespace {

namespace fs = std::filesystem;
using catalog::Kind;
using catalog::ObjectKey;

/// A name as a file name: letters, digits, `_` and `-` as they are, every
/// other byte as `%XX`, so any identifier gives one file name and no path.
std::string file_name(const std::string& name) {
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '_' || c == '-') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return (out.empty() ? "%" : out) + ".sql";
}

/// Where a step's object is written: one folder per schema, one file per
/// table with everything on it (columns, constraints, indexes, triggers,
/// policies, its sequences, comments, grants, its partitions in the same
/// schema), one per view, routine name and type; extensions and
/// database-wide default privileges at the top.
fs::path file_of(const steps::Step& step, const catalog::Catalog& live) {
    ObjectKey key = catalog::facet_of(step.key, catalog::Facet::Object);
    fs::path schema = file_name(key.schema);
    schema.replace_extension();
    // A partition is written with its root table: what is built on the
    // parent alone comes after its partitions, in one file, in plan order.
    auto table_file = [&](std::string table) {
        for (auto t = live.tables.find(catalog::relation_key(Kind::Table, key.schema, table));
             t != live.tables.end() && t->second.partition_of &&
             t->second.partition_of->schema == key.schema;
             t = live.tables.find(*t->second.partition_of))
            table = t->second.partition_of->name;
        return schema / "tables" / file_name(table);
    };
    switch (key.kind) {
    case Kind::Schema:
        if (key.name.empty())
            return "default_privileges.sql";
        return fs::path(file_name(key.name)).replace_extension() / "schema.sql";
    case Kind::Extension:
        return "extensions.sql";
    case Kind::Publication:
        return "publications.sql";
    case Kind::EventTrigger:
        return "event_triggers.sql";
    case Kind::ForeignDataWrapper:
    case Kind::Server:
    case Kind::UserMapping:
        return "foreign_data.sql";
    case Kind::Table:
        return table_file(key.name);
    case Kind::Column:
        // A view's column has only its comment to write: with the view.
        for (Kind view : {Kind::View, Kind::MaterializedView})
            if (live.views.contains(catalog::relation_key(view, key.schema, key.parent)))
                return schema / "views" / file_name(key.parent);
        return table_file(key.parent);
    case Kind::Constraint:
    case Kind::Trigger:
    case Kind::Policy:
    case Kind::Rule:
        return table_file(key.parent);
    case Kind::Index:
        if (auto index = live.indexes.find(key); index != live.indexes.end())
            return table_file(index->second.table);
        // The index behind a key has only its comment to write: with the key.
        for (const auto& [constraint, _] : live.constraints)
            if (constraint.schema == key.schema && constraint.name == key.name)
                return table_file(constraint.parent);
        return schema / "indexes" / file_name(key.name);
    case Kind::Statistics:
        // With its table or materialized view when they share a schema.
        if (auto statistics = live.statistics.find(key);
            statistics != live.statistics.end() && statistics->second.table.schema == key.schema) {
            const ObjectKey& on = statistics->second.table;
            return on.kind == Kind::MaterializedView ? schema / "views" / file_name(on.name)
                                                     : table_file(on.name);
        }
        return schema / "statistics" / file_name(key.name);
    case Kind::Sequence:
        if (auto sequence = live.sequences.find(key);
            sequence != live.sequences.end() && sequence->second.owned_by &&
            sequence->second.owned_by->schema == key.schema)
            return table_file(sequence->second.owned_by->parent);
        return schema / "sequences" / file_name(key.name);
    case Kind::View:
    case Kind::MaterializedView:
        return schema / "views" / file_name(key.name);
    case Kind::Function:
    case Kind::Procedure:
    case Kind::Aggregate:
        return schema / "functions" / file_name(key.name);
    case Kind::Enum:
    case Kind::Domain:
    case Kind::CompositeType:
    case Kind::RangeType:
    case Kind::Collation:
        return schema / "types" / file_name(key.name);
    }
    return schema / "other.sql";
}

/// The catalog of a database with nothing in it (what every new database
/// has: the public schema, plpgsql), read in a shadow database.
Result<catalog::Catalog> empty_catalog(const GlobalOptions& global,
                                       const introspect::Options& scope) {
    auto server = shadow::open_server(global.dev_url);
    if (!server)
        return server.error();
    auto db = (*server)->create_database();
    if (!db)
        return db.error();
    return introspect::introspect((*server)->tree_conninfo(*db), scope);
}

} // namespace

Result<std::map<std::string, std::string>> dump_files(const GlobalOptions& global,
                                                      const std::string& url) {
    introspect::Options scope;
    scope.schemas = global.schemas;
    auto rules = catalog::read_ignore_rules(global.ignore_file);
    if (!rules)
        return std::move(rules).error();
    scope.ignore = std::move(*rules);
    auto live = introspect::introspect(url, scope);
    if (!live)
        return live.error();
    if (global.verbosity >= 0)
        for (const auto& name : live->unmanaged)
            std::cerr << "schemac: not dumped (a kind schemac does not manage yet): " << name
                      << "\n";
    // PostgreSQL shows a user mapping's options only to the mapped role, to
    // the server's owner for PUBLIC, and to superusers: what it hides cannot
    // be dumped.
    for (const auto& [key, mapping] : live->foreign)
        if (mapping.options_hidden && global.verbosity >= 0)
            std::cerr << "schemac: the options of " << catalog::describe(key) << " are hidden from "
                      << catalog::quote_ident(live->reader)
                      << ": dumped without them; write them into the tree (a password as "
                         "'${SCHEMAC_SECRET_...}', see the README)\n";
    // An owner other than the role that reads is written (OWNER TO), and so
    // compared from then on.
    live->owners_compared = live->owned_by_others();
    auto empty = empty_catalog(global, scope);
    if (!empty)
        return empty.error();
    // Plain DDL: what a person writes, not the online strategies of a migration.
    auto steps = plan::plan_steps(*empty, *live, false);
    if (!steps)
        return steps.error();
    std::map<std::string, std::vector<steps::Step>> by_file;
    for (auto& step : *steps)
        by_file[file_of(step, *live).generic_string()].push_back(std::move(step));
    std::map<std::string, std::string> out;
    for (const auto& [file, file_steps] : by_file)
        out[file] = emit::render_script(file_steps);
    return out;
}

Result<std::map<std::string, std::string>> external_files(const std::string& url,
                                                          const std::string& tree_dir) {
    auto tree = load::load_tree(tree_dir);
    if (!tree)
        return tree.error();
    auto schemas = referenced_schemas(*tree, false);
    if (schemas.empty())
        return Error("the tree in " + tree_dir +
                     "/ names no schema that it does not create: there is no context to stub");
    auto context = read_target_context(url, schemas, tree->own());
    if (!context)
        return context.error();
    std::string names;
    for (const auto& schema : schemas)
        names += (names.empty() ? "" : ", ") + catalog::quote_ident(schema);
    if (context->schemas.empty())
        return Error("the database has none of the schemas the tree uses but does not create (" +
                     names + ")");
    return std::map<std::string, std::string>{
        {"external.sql",
         "-- schemac:external\n"
         "-- The target's schemas that the tree uses but does not own, written by\n"
         "-- `schemac dump --external`: built in every shadow before the tree, never\n"
         "-- diffed, created or dropped. Trim it to what the tree uses.\n"
         "-- Schemas: " +
             names + "\n\n" + emit::render_script(context->steps)}};
}

int run_dump(const GlobalOptions& global, const DumpOptions& options) {
    auto files = options.external ? external_files(options.url, options.schema)
                                  : dump_files(global, options.url);
    if (!files)
        return fail(files.error());
    if (auto written = write_tree(options.out, *files, options.force); !written)
        return fail(written.error());
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << runtime::count(files->size(), "file") << " in "
                  << options.out << "/\n";
    return 0;
}

Status write_tree(const std::string& out, const std::map<std::string, std::string>& files,
                  bool force) {
    const fs::path root = out;
    if (!force) {
        std::vector<std::string> existing;
        for (const auto& [file, text] : files)
            if (std::error_code ec; fs::exists(root / file, ec))
                existing.push_back((root / file).string());
        if (!existing.empty()) {
            std::string message = "not overwriting what exists (--force overwrites):";
            for (const auto& path : existing)
                message += "\n  " + path;
            return Error(message);
        }
    }
    // An empty database is an empty tree: the folder, and no file.
    if (std::error_code ec; !fs::create_directories(root, ec) && ec)
        return Error(root.string() + ": cannot create: " + ec.message());
    for (const auto& [file, text] : files) {
        fs::path path = root / file;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream stream(path, std::ios::binary | std::ios::trunc);
        stream << text;
        if (!stream)
            return Error(path.string() + ": cannot write");
    }
    return Ok{};
}

} // namespace schemac::cli
