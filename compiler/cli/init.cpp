// `schemac init`: a new project. Without a database, schema/ with an example
// file; with one, schema/ dumped from it and generated/0001_baseline, which
// builds that state from nothing (so new environments come from history).

#include "cli/commands.h"
#include "cli/config.h"
#include "cli/pipeline.h"

#include "emit/migration_files.h"
#include "runtime/migrations.h"

#include <filesystem>
#include <iostream>

namespace schemac::cli {
namespace {

constexpr const char* k_example =
    R"sql(-- The desired state of the database, as plain SQL: every *.sql file below
-- schema/ is read, in any order (schemac orders the statements by what they
-- use). Write CREATE statements (and ALTER of what they create, COMMENT ON,
-- GRANT); never migrations.
--
--   schemac diff                  the SQL that takes generated/ to this tree
--   schemac plan                  the same, for review: changes, hazards, locks
--   schemac diff --write NAME     add it to generated/ as the next migration
--   schemac apply --url URL       run the pending migrations on a database
--
-- For example:
--
-- CREATE TABLE users (
--     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
--     email text NOT NULL UNIQUE,
--     created_at timestamptz NOT NULL DEFAULT now()
-- );
)sql";

/// schemac.toml, unless the project (or a directory above it) has one.
Status write_config(const GlobalOptions& global, const InitOptions& options) {
    auto found = find_config(std::filesystem::current_path());
    if (!found)
        return found.error();
    if (*found)
        return Ok{};
    if (auto written =
            write_tree(".", {{k_config_file, config_template(options.schema, global.dir)}}, false);
        !written)
        return written;
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << k_config_file << "\n";
    return Ok{};
}

} // namespace

int run_init(const GlobalOptions& global, const InitOptions& options) {
    if (options.url.empty()) {
        if (auto written = write_tree(options.schema, {{"example.sql", k_example}}, false);
            !written)
            return fail(written.error());
        if (auto config = write_config(global, options); !config)
            return fail(config.error());
        if (global.verbosity >= 0)
            std::cerr << "schemac: wrote " << options.schema
                      << "/example.sql; next: write the schema in " << options.schema
                      << "/, then run `schemac diff`\n";
        return 0;
    }
    auto history = runtime::read_migrations(global.dir);
    if (!history)
        return fail(history.error());
    if (!history->migrations.empty())
        return fail(Error(global.dir +
                          "/ already holds migrations; init starts a project (a baseline "
                          "is its first migration)"));
    auto files = dump_files(global, options.url);
    if (!files)
        return fail(files.error());
    if (auto written = write_tree(options.schema, *files, false); !written)
        return fail(written.error());
    if (auto config = write_config(global, options); !config)
        return fail(config.error());
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << files->size() << " files in " << options.schema
                  << "/ from the database\n";
    // The baseline is planned and proven like any migration: from the empty
    // history to the tree just written.
    auto planned = plan_change(global, {options.schema, "", false, true, true, {}, {}, false});
    if (!planned)
        return fail(planned.error());
    if (planned->forward.empty())
        return fail(Error("the database holds nothing schemac manages; " + options.schema +
                          "/ is written, generated/ is not"));
    auto written = emit::write_migration(planned->history, "baseline", planned->forward,
                                         planned->reverse, planned->after_forward.fingerprint);
    if (!written)
        return fail(written.error());
    keep_written_history(*planned);
    if (global.verbosity >= 0)
        std::cerr << "schemac: wrote " << written->first << " and " << written->second
                  << "\nnext: record that the database is already there, so apply does not "
                     "build it again:\n  schemac apply --url <the same URL> --baseline 0001\n";
    return 0;
}

} // namespace schemac::cli
