// schemac: a declarative schema-diff compiler for PostgreSQL.

#include "cli/commands.h"
#include "runtime/deploy.h"
#include "shadow/server.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>

namespace {

void add_global_options(CLI::App& app, schemac::cli::GlobalOptions& global) {
    app.add_option("--dev-url", global.dev_url,
                   "Use this PostgreSQL server for shadow databases instead of the embedded one")
        ->envname("SCHEMAC_DEV_URL");
    app.add_option("--schemas", global.schemas, "Managed schemas (default: all non-system)")
        ->delimiter(',');
    app.add_option("--dir", global.dir, "Migration history directory (default: generated)");
    app.add_flag_callback(
        "-v,--verbose", [&] { global.verbosity = 1; }, "Report each stage's time on stderr");
    app.add_flag_callback(
        "-q,--quiet", [&] { global.verbosity = -1; }, "Print only errors on stderr");
}

int run(int argc, char** argv) {
    CLI::App app{"schemac: declarative schema migrations for PostgreSQL"};
    app.set_version_flag("--version", std::string("schemac ") + SCHEMAC_VERSION);
    app.require_subcommand(1);
    schemac::cli::GlobalOptions global;
    add_global_options(app, global);

    schemac::cli::DiffOptions diff;
    auto* diff_cmd =
        app.add_subcommand("diff", "Print the SQL that takes the current state to the schema tree");
    diff_cmd->add_option("--schema", diff.schema, "Schema tree: a directory or one .sql file")
        ->capture_default_str();
    diff_cmd->add_option("--url", diff.url,
                         "Current state: this database (default: --dir replayed, or empty)");
    diff_cmd->add_flag("--reverse", diff.reverse,
                       "Print the reverse script (desired state back to current)");
    diff_cmd->add_flag("--exit-code", diff.exit_code,
                       "Exit 2 when there are changes, 3 when a change needs approval");
    diff_cmd->add_flag("--skip-proof", diff.skip_proof,
                       "Do not prove the plan on a shadow copy before printing it");
    diff_cmd->add_flag("!--no-online", diff.online,
                       "Plain DDL instead of CONCURRENTLY / NOT VALID + VALIDATE strategies");
    diff_cmd->add_option("--write", diff.write,
                         "Write the change as the next migration pair in --dir, with its sum");
    add_global_options(*diff_cmd, global);

    schemac::cli::PlanOptions plan;
    auto* plan_cmd = app.add_subcommand(
        "plan", "The reviewable plan: changes, hazards, forward and reverse SQL");
    plan_cmd->add_option("--schema", plan.schema, "Schema tree: a directory or one .sql file")
        ->capture_default_str();
    plan_cmd->add_option("--url", plan.url,
                         "Current state: this database (default: --dir replayed, or empty)");
    plan_cmd->add_option("--format", plan.format, "text, markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}))
        ->capture_default_str();
    plan_cmd->add_flag("--check", plan.check,
                       "Exit 1 unless --dir reproduces the tree and its sum agrees");
    plan_cmd->add_flag("--exit-code", plan.exit_code,
                       "Exit 2 when there are changes, 3 when a change needs approval");
    plan_cmd->add_flag("!--no-online", plan.online,
                       "Plain DDL instead of CONCURRENTLY / NOT VALID + VALIDATE strategies");
    plan_cmd->add_flag("--skip-proof", plan.skip_proof,
                       "Do not prove the plan on a shadow copy before printing it");
    add_global_options(*plan_cmd, global);

    auto* hash_cmd = app.add_subcommand(
        "hash", "Rewrite --dir/schemac.sum after a deliberate hand edit of a migration");
    add_global_options(*hash_cmd, global);

    schemac::runtime::DeployOptions deploy;
    auto add_deploy_options = [&](CLI::App& cmd) {
        cmd.add_option("--url", deploy.url, "The database to deploy to")->required();
        cmd.add_flag("--allow-drift", deploy.allow_drift,
                     "Go on when the live catalog differs from what the history says");
        cmd.add_option("--lock-timeout", deploy.lock_timeout,
                       "lock_timeout for every statement (PostgreSQL units: 5s, 500ms)")
            ->capture_default_str();
        cmd.add_flag("--no-wait", deploy.no_wait,
                     "Exit at once when another apply or rollback holds the lock");
        cmd.add_option("--allow-hazards", deploy.allow_hazards,
                       "Run steps with these hazards, which need approval (data-loss)")
            ->delimiter(',');
        add_global_options(cmd, global);
    };
    auto* apply_cmd =
        app.add_subcommand("apply", "Apply the pending migrations of --dir to a database");
    apply_cmd->add_option("--to", deploy.to, "Apply up to this version (default: all)");
    apply_cmd->add_flag("--dry-run", deploy.dry_run, "Print what would run; change nothing");
    add_deploy_options(*apply_cmd);
    auto* status_cmd = app.add_subcommand(
        "status", "Show applied and pending migrations, changed files and drift");
    status_cmd->add_option("--url", deploy.url, "The database")->required();
    add_global_options(*status_cmd, global);
    auto* rollback_cmd = app.add_subcommand(
        "rollback", "Undo the last applied migrations with their .down.sql files");
    rollback_cmd->add_option("--steps", deploy.steps, "How many migrations to undo")
        ->capture_default_str();
    add_deploy_options(*rollback_cmd);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 1;
    }
    if (*diff_cmd)
        return schemac::cli::run_diff(global, diff);
    if (*plan_cmd)
        return schemac::cli::run_plan(global, plan);
    if (*hash_cmd)
        return schemac::cli::run_hash(global);
    deploy.dir = global.dir;
    deploy.verbosity = global.verbosity;
    if (*apply_cmd)
        return schemac::runtime::apply(deploy, std::cout, std::cerr);
    if (*status_cmd)
        return schemac::runtime::status(deploy, std::cout, std::cerr);
    if (*rollback_cmd)
        return schemac::runtime::rollback(deploy, std::cout, std::cerr);
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    // Expected failures travel as values; an exception here is a bug.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "schemac: internal error: " << e.what() << "\n";
        schemac::shadow::stop_all_embedded();
        return 1;
    }
}
