// schemac: a declarative schema-diff compiler for PostgreSQL. This file only
// parses arguments; commands.cpp wires the stages.

#include "catalog/ignore.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "cli/manual.h"
#include "cli/pipeline.h"
#include "runtime/connection.h"
#include "runtime/deploy.h"
#include "runtime/hazards.h"
#include "shadow/server.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>

namespace {

using schemac::cli::DiffOptions;
using schemac::cli::GlobalOptions;
using schemac::cli::PlanOptions;
using schemac::runtime::DeployOptions;

void add_global_options(CLI::App& app, GlobalOptions& global) {
    app.add_option("--dev-url", global.dev_url,
                   "Use this PostgreSQL server for shadow databases instead of the embedded one")
        ->envname("SCHEMAC_DEV_URL");
    app.add_option("--schemas", global.schemas, "Managed schemas (default: all non-system)")
        ->delimiter(',');
    app.add_option("--roles", global.roles,
                   "Roles managed beyond those the tree and --dir name: grants to them that the "
                   "tree does not state are revoked (others are left alone)")
        ->delimiter(',');
    app.add_option("--dir", global.dir, "Migration history directory (default: generated)");
    app.add_option("--env", global.env,
                   "Use schemac.toml's [env.NAME]: its url, dev_url, schemas and roles");
    app.add_flag_callback(
        "-v,--verbose", [&] { global.verbosity = 1; }, "Report each stage's time on stderr");
    app.add_flag_callback(
        "-q,--quiet", [&] { global.verbosity = -1; }, "Print only errors on stderr");
}

/// --schema, --url, --exit-code, --skip-proof and --no-online, which diff and plan share.
template <class Options> void add_planning_options(CLI::App& cmd, Options& options) {
    cmd.add_option("--schema", options.schema, "Schema tree: a directory or one .sql file")
        ->capture_default_str();
    cmd.add_option("--url", options.url,
                   "Current state: this database (default: --dir replayed, or empty)");
    cmd.add_flag("--exit-code", options.exit_code,
                 "Exit 2 when there are changes, 3 when a change needs approval");
    cmd.add_flag("--skip-proof", options.skip_proof,
                 "Do not prove the plan on a shadow copy before printing it");
    cmd.add_flag_callback(
        "--no-online", [&options] { options.online = false; },
        "Plain DDL instead of CONCURRENTLY / NOT VALID + VALIDATE strategies");
    cmd.add_flag("--strict", options.strict,
                 "Refuse to prove on a shadow server of another major version than --url's, "
                 "or to plan while objects of kinds schemac does not diff exist");
}

CLI::App* add_diff(CLI::App& app, DiffOptions& diff) {
    auto* cmd =
        app.add_subcommand("diff", "Print the SQL that takes the current state to the schema tree");
    add_planning_options(*cmd, diff);
    cmd->add_flag("--reverse", diff.reverse,
                  "Print the reverse script (desired state back to current)");
    cmd->add_option("--write", diff.write,
                    "Write the change as the next migration pair in --dir, with its sum")
        ->check(CLI::Validator(
            [](const std::string& name) {
                return name.empty() ? "a migration name is lower-case letters, digits and _"
                                    : std::string();
            },
            "NAME"));
    cmd->add_option("--data", diff.data,
                    "SQL file run in the data phase of the forward script (between expand and "
                    "contract); `-- schemac:batch` before a statement repeats it until it "
                    "changes no row")
        ->check(CLI::ExistingFile);
    cmd->add_option("--data-down", diff.data_down,
                    "SQL file run in the data phase of the reverse script")
        ->check(CLI::ExistingFile);
    cmd->add_option("--allow-hazards", diff.allow_hazards,
                    "With --write: hazards to write without their remedy (needs-data: no --data)")
        ->delimiter(',');
    return cmd;
}

CLI::App* add_plan(CLI::App& app, PlanOptions& plan) {
    auto* cmd = app.add_subcommand(
        "plan", "The reviewable plan: changes, hazards, forward and reverse SQL");
    add_planning_options(*cmd, plan);
    cmd->add_option("--format", plan.format,
                    "text, markdown (with a Mermaid picture), json, or dot (Graphviz)")
        ->check(CLI::IsMember({"text", "markdown", "json", "dot"}))
        ->capture_default_str();
    cmd->add_flag("--check", plan.check,
                  "Exit 1 unless --dir reproduces the tree and its sum agrees");
    return cmd;
}

/// "data-loss": the hazards apply and rollback refuse unless allowed.
std::string gated_hazards() {
    std::string out;
    for (const auto& hazard : schemac::runtime::k_hazards)
        if (hazard.gated)
            out += (out.empty() ? "" : ", ") + std::string(hazard.name);
    return out;
}

/// A target database that defaults the way psql's does.
constexpr const char* k_default_url_help =
    "The database (default: DATABASE_URL, else libpq's PGHOST, PGDATABASE, PGSERVICE...)";

/// What apply and rollback share.
void add_deploy_options(CLI::App& cmd, DeployOptions& deploy) {
    cmd.add_option("--url", deploy.url, k_default_url_help);
    cmd.add_flag("--allow-drift", deploy.allow_drift,
                 "Go on when the live catalog differs from what the history says");
    cmd.add_option("--lock-timeout", deploy.lock_timeout,
                   "lock_timeout for every statement (PostgreSQL units: 5s, 500ms)")
        ->capture_default_str();
    cmd.add_flag("--no-wait", deploy.no_wait,
                 "Exit at once when another apply or rollback holds the lock");
    cmd.add_option("--lock-wait", deploy.lock_wait_s,
                   "Seconds to wait for another apply or rollback to finish")
        ->capture_default_str();
    cmd.add_option("--allow-hazards", deploy.allow_hazards,
                   "Run steps with these hazards, which need approval (" + gated_hazards() + ")")
        ->delimiter(',');
}

/// The parsed command line: which command, with its options.
struct Command {
    GlobalOptions global;
    DiffOptions diff;
    PlanOptions plan;
    DeployOptions deploy;
    schemac::cli::DumpOptions dump;
    schemac::cli::InitOptions init;
    std::string baseline; ///< apply --baseline VERSION
    CLI::App* diff_cmd = nullptr;
    CLI::App* plan_cmd = nullptr;
    CLI::App* hash_cmd = nullptr;
    CLI::App* apply_cmd = nullptr;
    CLI::App* status_cmd = nullptr;
    CLI::App* rollback_cmd = nullptr;
    CLI::App* resolve_cmd = nullptr;
    CLI::App* dump_cmd = nullptr;
    CLI::App* init_cmd = nullptr;
    schemac::runtime::ResolveRequest resolve;
};

void add_commands(CLI::App& app, Command& c) {
    add_global_options(app, c.global);
    c.diff_cmd = add_diff(app, c.diff);
    c.plan_cmd = add_plan(app, c.plan);
    c.hash_cmd = app.add_subcommand(
        "hash", "Rewrite --dir/schemac.sum after a deliberate hand edit of a migration");
    c.apply_cmd =
        app.add_subcommand("apply", "Apply the pending migrations of --dir to a database");
    c.apply_cmd->add_option("--to", c.deploy.to, "Apply up to this version (default: all)");
    c.apply_cmd->add_flag("--dry-run", c.deploy.dry_run, "Print what would run; change nothing");
    c.apply_cmd
        ->add_option("--baseline", c.baseline,
                     "Record the migrations up to VERSION as applied without running them, when "
                     "the database already is what they leave")
        ->excludes("--to")
        ->excludes("--dry-run");
    add_deploy_options(*c.apply_cmd, c.deploy);
    c.status_cmd = app.add_subcommand(
        "status", "Show applied and pending migrations, changed files and drift");
    c.status_cmd->add_option("--url", c.deploy.url, k_default_url_help);
    c.rollback_cmd = app.add_subcommand(
        "rollback", "Undo the last applied migrations with their .down.sql files");
    c.rollback_cmd->add_flag("--online", c.deploy.online,
                             "Keep CONCURRENTLY and steps outside a transaction: lighter locks, "
                             "but a failure leaves the migration half undone (resumable)");
    c.rollback_cmd->add_option("--steps", c.deploy.steps, "How many migrations to undo")
        ->capture_default_str();
    c.rollback_cmd->add_flag("--dry-run", c.deploy.dry_run,
                             "Print what would run, and the locks it takes; change nothing");
    add_deploy_options(*c.rollback_cmd, c.deploy);
    c.resolve_cmd = app.add_subcommand(
        "resolve", "Record an interrupted migration as applied or reverted, when the database "
                   "is what that means");
    c.resolve_cmd->add_option("version", c.resolve.version, "The interrupted migration (0003)")
        ->required();
    c.resolve_cmd->add_option("--as", c.resolve.as, "applied or reverted")
        ->required()
        ->check(CLI::IsMember({"applied", "reverted"}));
    add_deploy_options(*c.resolve_cmd, c.deploy);
    c.dump_cmd = app.add_subcommand("dump", "Write a database's schema as a tree of SQL files");
    c.dump_cmd->add_option("--url", c.dump.url, k_default_url_help);
    c.dump_cmd->add_option("--out", c.dump.out, "The tree's folder")->capture_default_str();
    c.dump_cmd->add_flag("--force", c.dump.force, "Overwrite files that exist");
    c.dump_cmd->add_flag("--external", c.dump.external,
                         "Write external.sql: stubs (-- schemac:external) of the schemas the "
                         "tree in --schema uses but does not create");
    c.dump_cmd->add_option("--schema", c.dump.schema, "The tree, with --external")
        ->capture_default_str();
    c.init_cmd = app.add_subcommand(
        "init", "Start a project: schema/, and from an existing database a baseline migration");
    c.init_cmd->add_option("--url", c.init.url,
                           "Start from this database: dump it and write 0001_baseline");
    c.init_cmd->add_option("--schema", c.init.schema, "The tree's folder")->capture_default_str();
    for (auto* cmd : {c.diff_cmd, c.plan_cmd, c.hash_cmd, c.apply_cmd, c.status_cmd, c.rollback_cmd,
                      c.resolve_cmd, c.dump_cmd, c.init_cmd})
        add_global_options(*cmd, c.global);
}

/// The command run, if one was.
const CLI::App* used_command(const CLI::App& app) {
    auto used = app.get_subcommands();
    return used.empty() ? nullptr : used.front();
}

/// Whether the command line gave option `name`, to schemac or to its command.
bool given(const CLI::App& app, const std::string& name) {
    for (const CLI::App* scope : {&app, used_command(app)})
        if (const CLI::Option* option = scope ? scope->get_option_no_throw(name) : nullptr)
            if (option->count() > 0)
                return true;
    return false;
}

/// schemac.toml (the nearest, walking up) under what the command line gives:
/// its paths, scope and dev server, and with --env the environment's.
schemac::Status apply_config(const CLI::App& app, Command& c) {
    auto found = schemac::cli::find_config(std::filesystem::current_path());
    if (!found)
        return found.error();
    if (!*found)
        return c.global.env.empty()
                   ? schemac::Status(schemac::Ok{})
                   : schemac::Status(schemac::Error("--env " + c.global.env + ": there is no " +
                                                    schemac::cli::k_config_file +
                                                    " here or in a directory above"));
    const schemac::cli::Config& config = **found;
    const schemac::cli::Environment* env = nullptr;
    if (!c.global.env.empty()) {
        auto named = config.environment(c.global.env);
        if (!named)
            return named.error();
        env = *named;
    }
    // Paths: the file's, or the defaults, relative to the file's directory.
    if (!given(app, "--schema"))
        for (std::string* schema : {&c.diff.schema, &c.plan.schema, &c.dump.schema, &c.init.schema})
            *schema = config.locate(config.schema.value_or(*schema));
    if (!given(app, "--out"))
        c.dump.out = config.locate(config.schema.value_or(c.dump.out));
    if (!given(app, "--dir"))
        c.global.dir = config.locate(config.dir.value_or(c.global.dir));
    c.global.ignore_file = config.locate(config.ignore.value_or(c.global.ignore_file));
    auto pick = [&](const char* option, auto& field, const auto& base, const auto& over) {
        if (given(app, option))
            return;
        if (over)
            field = *over;
        else if (base)
            field = *base;
    };
    using Strings = std::optional<std::vector<std::string>>;
    using Text = std::optional<std::string>;
    pick("--schemas", c.global.schemas, config.schemas, env ? env->schemas : Strings());
    pick("--roles", c.global.roles, config.roles, env ? env->roles : Strings());
    pick("--dev-url", c.global.dev_url, config.dev_url, env ? env->dev_url : Text());
    if (env && env->url && !given(app, "--url")) {
        for (std::string* url : {&c.diff.url, &c.deploy.url, &c.dump.url})
            *url = *env->url;
        if (!c.plan.check)
            c.plan.url = *env->url;
    }
    return schemac::Ok{};
}

/// `env:NAME` URLs read from the environment, before any command uses them;
/// a target database not given is DATABASE_URL's, else libpq's defaults.
bool resolve_urls(Command& c) {
    if (const char* database_url = std::getenv("DATABASE_URL"))
        for (std::string* url : {&c.deploy.url, &c.dump.url})
            if (url->empty())
                *url = database_url;
    for (std::string* url :
         {&c.diff.url, &c.plan.url, &c.deploy.url, &c.global.dev_url, &c.dump.url, &c.init.url}) {
        auto resolved = schemac::runtime::resolve_url(*url);
        if (!resolved) {
            std::cerr << "schemac: " << resolved.error().describe() << "\n";
            return false;
        }
        *url = *resolved;
    }
    return true;
}

int dispatch(const CLI::App& app, Command& c) {
    if (auto configured = apply_config(app, c); !configured)
        return schemac::cli::fail(configured.error());
    if (!resolve_urls(c))
        return 1;
    if (*c.diff_cmd)
        return schemac::cli::run_diff(c.global, c.diff);
    if (*c.plan_cmd)
        return schemac::cli::run_plan(c.global, c.plan);
    if (*c.hash_cmd)
        return schemac::cli::run_hash(c.global);
    if (*c.dump_cmd)
        return schemac::cli::run_dump(c.global, c.dump);
    if (*c.init_cmd)
        return schemac::cli::run_init(c.global, c.init);
    c.deploy.dir = c.global.dir;
    c.deploy.verbosity = c.global.verbosity;
    c.deploy.schemas = c.global.schemas;
    auto rules = schemac::catalog::read_ignore_rules(c.global.ignore_file);
    if (!rules) {
        std::cerr << "schemac: " << rules.error().message << "\n";
        return 1;
    }
    c.deploy.context_schemas = schemac::catalog::context_schemas(*rules);
    // Drift counts in the managed scope: without --schemas, the schemas the
    // history creates or creates objects in, and public.
    if (c.deploy.schemas.empty())
        if (auto history = schemac::runtime::read_migrations(c.deploy.dir); history) {
            auto scope = schemac::cli::history_scope(*history, *rules);
            c.deploy.schemas.assign(scope.schemas->begin(), scope.schemas->end());
            c.deploy.kept = schemac::cli::kept_lines(scope.keep);
        }
    if (*c.apply_cmd && !c.baseline.empty())
        return schemac::cli::run_baseline(c.global, c.deploy, c.baseline);
    if (*c.apply_cmd)
        return schemac::runtime::apply(c.deploy, std::cout, std::cerr);
    if (*c.status_cmd)
        return schemac::runtime::status(c.deploy, std::cout, std::cerr);
    if (*c.rollback_cmd)
        return schemac::runtime::rollback(c.deploy, std::cout, std::cerr);
    if (*c.resolve_cmd)
        return schemac::cli::run_resolve(c.global, c.deploy, c.resolve);
    return 1;
}

/// "diff, plan, ...": the commands, in the order --help lists them.
std::string command_names(const CLI::App& app) {
    std::string out;
    for (const auto* sub : app.get_subcommands({}))
        out += (out.empty() ? "" : ", ") + sub->get_name();
    return out;
}

/// A command line CLI11 refused, said the way every other error is.
int refuse(const CLI::App& app, const CLI::ParseError& e) {
    const auto* used = app.get_subcommands().empty() ? nullptr : app.get_subcommands().front();
    if (!used && dynamic_cast<const CLI::RequiredError*>(&e)) {
        auto extra = app.remaining();
        std::cerr << "schemac: "
                  << (extra.empty() ? std::string("a command is required")
                                    : "unknown command " + extra.front())
                  << "; the commands are " << command_names(app) << " (schemac --help)\n";
        return 1;
    }
    std::cerr << "schemac: " << e.what() << " (schemac " << (used ? used->get_name() + " " : "")
              << "--help)\n";
    return 1;
}

int run(int argc, char** argv) {
    CLI::App app{"schemac: declarative schema migrations for PostgreSQL", "schemac"};
    app.set_version_flag("--version", std::string("schemac ") + SCHEMAC_VERSION);
    app.require_subcommand(1);
    Command command;
    add_commands(app, command);
    // The build writes the manual and completions from these definitions.
    if (argc == 3 && std::string_view(argv[1]) == "--generate") {
        std::string_view what = argv[2];
        if (what == "man")
            std::cout << schemac::cli::man_page(app, SCHEMAC_VERSION);
        else if (what == "bash")
            std::cout << schemac::cli::bash_completion(app);
        else if (what == "zsh")
            std::cout << schemac::cli::zsh_completion(app);
        else
            return 1;
        return 0;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return refuse(app, e);
    }
    return dispatch(app, command);
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
