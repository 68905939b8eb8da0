#include "cli/pipeline.h"
#include "runtime/progress.h"

#include "catalog/printed.h"
#include "catalog/quote.h"
#include "cli/context.h"
#include "cli/kept_states.h"
#include "introspect/introspect.h"
#include "load/load.h"
#include "plan/planner.h"
#include "plan/proof.h"
#include "plan/renames.h"
#include "plan/rows.h"
#include "runtime/connection.h"
#include "runtime/history.h"
#include "runtime/script.h"
#include "runtime/sha256.h"
#include "shadow/embedded.h"
#include "shadow/incremental.h"
#include "shadow/kept.h"
#include "shadow/replay.h"
#include "shadow/shadow.h"
#include "sql/body_references.h"
#include "steps/build.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>

namespace schemac::cli {
namespace {

using runtime::count;

/// Each stage's time on stderr, with -v.
class Timer {
  public:
    explicit Timer(int verbosity) : m_verbosity(verbosity) {}
    void lap(std::string_view stage) {
        auto now = std::chrono::steady_clock::now();
        if (m_verbosity > 0)
            std::cerr << "schemac: " << stage << " "
                      << std::chrono::duration_cast<std::chrono::milliseconds>(now - m_last).count()
                      << " ms\n";
        m_last = now;
    }

  private:
    int m_verbosity;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

/// At -v, what the target has that schemac leaves alone, once: each schema
/// left alone whole with how many objects it holds, and each other object
/// outside such a schema that is not part of another (a column goes with
/// its table).
void report_left_alone(const catalog::Catalog& current, int verbosity) {
    if (verbosity <= 0 || current.left_alone.empty())
        return;
    std::map<std::string, std::size_t> schemas;
    for (const auto& key : current.left_alone)
        if (key.kind == catalog::Kind::Schema)
            schemas[key.name] = 0;
    std::vector<std::string> others;
    for (const auto& key : current.left_alone) {
        if (auto in = schemas.find(key.schema); in != schemas.end())
            ++in->second;
        else if (key.kind != catalog::Kind::Schema && key.parent.empty())
            others.push_back(catalog::describe(key));
    }
    for (const auto& [schema, objects] : schemas)
        std::cerr << "schemac: left alone: schema " << catalog::quote_ident(schema) << " ("
                  << count(objects, "object") << " in it)\n";
    for (const auto& other : others)
        std::cerr << "schemac: left alone: " << other << "\n";
}

void report_unmanaged(const catalog::Catalog& catalog, const char* side, int verbosity) {
    if (verbosity < 0)
        return;
    for (const auto* names : {&catalog.unmanaged, &catalog.unmanaged_privileges})
        for (const auto& name : *names)
            std::cerr << "schemac: unmanaged in the " << side
                      << " state (not diffed, left alone): " << name << "\n";
}

/// Why a proof may fail that is not schemac's plan: the tree defines objects
/// of kinds not diffed yet, which the plan cannot create.
Error with_unmanaged_hint(Error error, const catalog::Catalog& current,
                          const catalog::Catalog& desired) {
    std::vector<std::string> missing;
    for (const auto& name : desired.unmanaged)
        if (std::ranges::find(current.unmanaged, name) == current.unmanaged.end())
            missing.push_back(name);
    if (missing.empty())
        return error;
    error.message += "\nHINT:  the tree defines objects of kinds schemac does not diff yet, so "
                     "the plan cannot create them: ";
    for (std::size_t i = 0; i < missing.size(); ++i)
        error.message += (i ? ", " : "") + missing[i];
    error.message += ". Create them in the target database first.";
    return error;
}

/// A replay faster than this is redone rather than cached: starting from a
/// kept replay copies a larger cluster, which costs about 4 s more at 1,000
/// tables, where the replay takes 4.7 s (tests/bench/replay: at 5,000 tables
/// the replay takes 45 s and the cached start 6 s).
/// SCHEMAC_REPLAY_CACHE_MIN_MS overrides it.
std::chrono::milliseconds replay_cache_threshold() {
    if (const char* ms = std::getenv("SCHEMAC_REPLAY_CACHE_MIN_MS"))
        return std::chrono::milliseconds(std::atol(ms));
    return std::chrono::milliseconds(5000);
}

/// A tree whose database took less than this to make (anew, or updated
/// from the kept one) is not kept: keeping its cluster (a base backup)
/// would cost more than making it again. SCHEMAC_TREE_KEEP_MIN_MS
/// overrides it.
std::chrono::milliseconds tree_keep_threshold() {
    if (const char* ms = std::getenv("SCHEMAC_TREE_KEEP_MIN_MS"))
        return std::chrono::milliseconds(std::atol(ms));
    return std::chrono::milliseconds(1000);
}

/// One run of the pipeline: each stage a method, in the order they run.
class Run {
  public:
    Run(const GlobalOptions& global, const PlanRequest& request)
        : m_global(global), m_request(request), m_timer(global.verbosity) {
        m_scope.schemas = global.schemas;
    }

    Result<Planned> go() {
        struct Stage {
            Status (Run::*run)();
            std::function<std::string()> what; ///< for the progress line
        };
        const Stage stages[] = {
            {&Run::load_inputs, [] { return "loading the tree"; }},
            {&Run::target_context, [] { return "reading the target's context"; }},
            {&Run::open_shadow, [] { return "starting the shadow server"; }},
            {&Run::current_state,
             [this] {
                 return m_request.url.empty()
                            ? "replaying " + count(m_out.history.migrations.size(), "migration")
                            : std::string("reading the target");
             }},
            {&Run::desired_state,
             [this] { return "materializing " + count(m_tree.statements.size(), "statement"); }},
            {&Run::scope_to_project, [] { return "scoping to the project"; }},
            {&Run::read_current, [] { return "reading the current state"; }},
            {&Run::plan_both_ways, [] { return "planning forward and reverse"; }},
            {&Run::prove, [] { return "proving the plan on a shadow copy"; }},
        };
        for (const auto& stage : stages) {
            m_progress.begin(stage.what());
            if (auto done = (this->*stage.run)(); !done)
                return done.error();
        }
        m_progress.end();
        return std::move(m_out);
    }

  private:
    /// The tree, and the history in --dir (its sum verified).
    Status load_inputs() {
        auto tree = load::load_tree(m_request.schema);
        if (!tree)
            return tree.error();
        m_tree = std::move(*tree);
        if (m_global.verbosity >= 0)
            for (const auto& note : m_tree.notes)
                std::cerr << "schemac: note: " << note << "\n";
        m_timer.lap("load");
        auto history = runtime::read_verified_migrations(m_global.dir);
        if (!history)
            return std::move(history).error();
        m_out.history = std::move(*history);
        auto rules = catalog::read_ignore_rules(m_global.ignore_file);
        if (!rules)
            return std::move(rules).error();
        m_scope.ignore = std::move(*rules);
        scope_extensions();
        m_scope.scope.stubs = m_tree.context();
        m_scope.scope.keep = m_tree.own();
        return Ok{};
    }

    /// With --url, what the tree names in schemas it neither creates nor
    /// stubs is read from the target: built in every shadow before the
    /// tree, and context. Every shadow database the proof or the replay
    /// starts gets it and the stubs.
    Status target_context() {
        if (!m_request.url.empty()) {
            auto context =
                read_target_context(m_request.url, referenced_schemas(m_tree), m_tree.own());
            if (!context)
                return context.error();
            m_context = std::move(*context);
            for (const auto& schema : m_context.schemas)
                m_scope.scope.stubs.push_back(catalog::rule_for(catalog::schema_key(schema)));
            if (m_global.verbosity >= 0 && !m_context.schemas.empty()) {
                std::cerr << "schemac: context read from the target for the shadow (never diffed):";
                for (std::size_t i = 0; i < m_context.schemas.size(); ++i)
                    std::cerr << (i ? ", " : " schema ")
                              << catalog::quote_ident(m_context.schemas[i]);
                std::cerr << " (" << count(m_context.objects, "object") << ")\n";
            }
            m_timer.lap("context from the target");
        }
        if (!m_context.steps.empty() || !m_tree.external().empty())
            prepare_shadows();
        return Ok{};
    }

    /// What the target's managed objects reference in schemas that are
    /// context and the tree does not name (a foreign key to
    /// `schema_1.accounts` from a table the tree drops, a column's type, the
    /// schema a managed extension lives in): read too, so the proof can
    /// rebuild the current state.
    Status context_of_current() {
        if (m_request.url.empty())
            return Ok{};
        std::set<std::string> wanted(m_context.schemas.begin(), m_context.schemas.end());
        std::size_t before = wanted.size();
        auto made = made_schemas(m_tree); // the tree creates or stubs them
        for (const auto& [key, constraint] : m_out.current.constraints)
            if (const auto& to = constraint.references;
                to && !made.contains(to->schema) &&
                !m_out.current.schemas.contains(catalog::schema_key(to->schema)))
                wanted.insert(to->schema);
        // What else the current state uses there (a column's type).
        for (const auto& key : m_out.current.context_used) {
            const std::string& schema = key.kind == catalog::Kind::Schema ? key.name : key.schema;
            if (!schema.empty() && !made.contains(schema) &&
                !m_out.current.schemas.contains(catalog::schema_key(schema)))
                wanted.insert(schema);
        }
        // An extension of the current state living in such a schema.
        std::set<catalog::ObjectKey> own = m_tree.own();
        for (const auto& [key, extension] : m_out.current.extensions) {
            own.insert(key); // managed: the current state's to rebuild, not context
            if (!made.contains(extension.schema) &&
                !m_out.current.schemas.contains(catalog::schema_key(extension.schema)))
                wanted.insert(extension.schema);
        }
        if (wanted.size() == before)
            return Ok{};
        auto context = read_target_context(m_request.url, wanted, own);
        if (!context)
            return context.error();
        for (const auto& schema : context->schemas)
            if (std::ranges::find(m_context.schemas, schema) == m_context.schemas.end())
                m_scope.scope.stubs.push_back(catalog::rule_for(catalog::schema_key(schema)));
        m_context = std::move(*context);
        if (m_global.verbosity > 0)
            std::cerr << "schemac: context the current state references, read for the proof: "
                      << count(m_context.objects, "object") << "\n";
        prepare_shadows();
        // The tree was materialized without it: the proof rebuilds the
        // current state with it instead.
        m_start.desired_db.clear();
        return Ok{};
    }

    /// Every shadow database gets the context read from the target, then
    /// the tree's stubs.
    void prepare_shadows() {
        m_start.prepare = [this](const std::string& db) -> Status {
            if (auto loaded = load_target_context(*m_server, db, m_context, m_global.verbosity);
                !loaded)
                return loaded;
            return shadow::load_context(*m_server, db, m_tree);
        };
        m_start.finish = [this](const std::string& db) -> Status {
            return load_late_target_context(*m_server, db, m_context, m_global.verbosity);
        };
    }

    /// With --schemas, an extension living in another schema is context: the
    /// tree's CREATE EXTENSION of it runs in every shadow as a stub would
    /// (what the managed schemas use of it is there), and is never emitted;
    /// one only the target has is not read.
    void scope_extensions() {
        if (m_global.schemas.empty())
            return;
        std::set<std::string> managed(m_global.schemas.begin(), m_global.schemas.end());
        m_scope.scope.schemas = managed;
        for (auto& s : m_tree.statements) {
            if (s.node != "CreateExtensionStmt" || s.external)
                continue;
            auto named =
                std::ranges::find(s.references, catalog::Kind::Schema, &catalog::ObjectKey::kind);
            std::string schema = named != s.references.end() ? named->name
                                 : s.search_path.empty()     ? "public"
                                                             : s.search_path.front();
            s.external = !managed.contains(schema);
        }
    }

    /// The statements the tree marks external: a replay made with other ones
    /// is another replay.
    std::string context_sql() const {
        std::string out;
        for (const auto* s : m_tree.external())
            out += "\ncontext\n" + s->sql;
        return out;
    }

    /// The roles whose grants are managed: those the tree, the history and
    /// --roles name (read when first asked for: it parses every migration).
    /// A grant in the target to any other role is context.
    std::set<std::string>& managed_roles() {
        if (!m_roles) {
            m_roles.emplace(m_global.roles.begin(), m_global.roles.end());
            std::ranges::copy(m_tree.roles(), std::inserter(*m_roles, m_roles->end()));
            for (const auto& migration : m_out.history.migrations)
                for (const auto& file : {migration.up, migration.down})
                    m_roles->merge(sql::roles_named(runtime::read_text(file)));
        }
        return *m_roles;
    }

    /// The shadow server's major version against the target's (`target`, 0
    /// without one): a proof on another version proves less, so it is said,
    /// and refused with --strict.
    Status same_version(int target) {
        if (target == 0)
            return Ok{};
        auto version = m_server->version();
        if (!version)
            return version.error();
        int shadow = *version / 10000;
        if (shadow == target)
            return Ok{};
        std::string message = "the target runs PostgreSQL " + std::to_string(target) +
                              ", the shadow server " + std::to_string(shadow) +
                              ": the plan is proven on another version than it will run on";
        std::string remedy = m_global.dev_url.empty()
                                 ? "install postgresql-" + std::to_string(target) +
                                       " (schemac then uses it), or pass --dev-url"
                                 : "give --dev-url a server of version " + std::to_string(target);
        if (m_request.strict)
            return Error(message + "; --strict refuses it: " + remedy);
        if (m_global.verbosity >= 0)
            std::cerr << "schemac: warning: " << message << " (" << remedy << ")\n";
        return Ok{};
    }

    /// The shadow server, started from the replayed history when the cache
    /// holds it (keyed by the sum), with the roles the tree names. Without a
    /// live target and --dev-url, the catalogs earlier runs kept may answer
    /// instead (cli/kept_states.h): the server then starts only when a stage
    /// needs it.
    Status open_shadow() {
        const auto& migrations = m_out.history.migrations;
        // The key changes with how a replay is made (2: by the tree's role).
        if (m_request.url.empty())
            m_history_sum = runtime::compute_sum(m_out.history);
        if (m_request.url.empty() && !migrations.empty())
            m_replay_key =
                runtime::sha256_hex("replay 2\n" + m_history_sum + context_sql()).substr(0, 32);
        int target = 0;
        if (!m_request.url.empty()) {
            auto conn = runtime::Connection::open(m_request.url);
            if (!conn)
                return Error(runtime::connect_error("", m_request.url, conn.error().message));
            target = conn->server_version() / 10000;
            m_target = std::move(*conn); // read again once the tree is materialized
        }
        if (m_request.url.empty() && m_global.dev_url.empty())
            m_kept.identity = shadow::embedded_identity();
        if (!m_kept.identity.empty()) {
            // The roles the tree and the history name are in their keys
            // already (reading them parses every migration).
            m_kept.roles = {m_global.roles.begin(), m_global.roles.end()};
            m_kept.schemas = m_global.schemas;
            return Ok{};
        }
        return start_server(target);
    }

    /// Starts the shadow server (of the target's major version `target`
    /// when that is installed) and makes the roles the states name.
    Status start_server(int target) {
        // From the tree an earlier run kept, when no replay is needed now:
        // the history's catalog was kept, or there is no history.
        bool from_tree =
            !m_kept.identity.empty() && (m_current_read || m_out.history.migrations.empty());
        auto server =
            shadow::open_server(m_global.dev_url, m_replay_key, target, tree_key(), from_tree);
        if (!server)
            return server.error();
        m_server = std::move(*server);
        if (auto same = same_version(target); !same)
            return same;
        // Roles are the cluster's: the history's GRANTs need them too.
        std::vector<std::string> roles(managed_roles().begin(), managed_roles().end());
        roles.insert(roles.end(), m_current_roles.begin(), m_current_roles.end());
        if (auto made = m_server->ensure_roles(roles); !made)
            return made;
        m_timer.lap("shadow server");
        return Ok{};
    }

    /// The shadow server, started now if no stage needed it before.
    Result<shadow::Server*> server() {
        if (!m_server)
            if (auto started = start_server(0); !started)
                return std::move(started).error();
        return m_server.get();
    }

    /// Where the current state is: the database at --url, or the committed
    /// history replayed in the shadow server (which the proof starts from),
    /// or its catalog as an earlier run read it.
    Status current_state() {
        if (!m_request.url.empty()) {
            m_current_conninfo = m_request.url;
            m_out.current_label = "database " + runtime::database_of(m_request.url);
            return Ok{};
        }
        const auto& history = m_out.history;
        m_out.current_label = history.migrations.empty()
                                  ? "empty (no migrations in " + history.dir.string() + "/)"
                                  : history.dir.string() + "/ replayed (" +
                                        count(history.migrations.size(), "migration") + ", last " +
                                        history.migrations.back().id() + ")";
        if (!m_kept.identity.empty()) {
            m_current_key = current_key(m_kept, m_history_sum, context_sql());
            if ((m_current_read = find_current(m_current_key))) {
                m_timer.lap("replay (its catalog kept)");
                return Ok{};
            }
        }
        return replay();
    }

    /// Whether a migration of `history` has a data phase: rows that a
    /// database built otherwise than by replaying it lacks.
    static bool moves_rows(const runtime::MigrationDir& history) {
        const std::string data = std::string(runtime::k_phase_marker) + " data";
        return std::ranges::any_of(history.migrations, [&](const runtime::Migration& m) {
            return runtime::read_text(m.up).find(data) != std::string::npos;
        });
    }

    /// The replayed history in the shadow server, for the proof to start
    /// from: replayed now when its catalog came from the cache. Against a
    /// live target there is none: the proof starts from the target's state.
    Status replay() {
        if (!m_request.url.empty() || !m_start.template_db.empty())
            return Ok{};
        auto server = this->server();
        if (!server)
            return server.error();
        auto replayed = replayed_history();
        if (!replayed)
            return replayed.error();
        m_start.template_db = *replayed;
        m_current_conninfo = m_server->tree_conninfo(*replayed);
        return Ok{};
    }

    /// The database holding the replayed history: the cached one when its
    /// catalog is the one the sum records, or a replay now (kept in the
    /// cache when it took long and left that catalog).
    Result<std::string> replayed_history() {
        const std::string recorded = runtime::recorded_catalog(m_out.history);
        if (std::string cached = m_server->replayed_database(); !cached.empty()) {
            auto same = has_catalog(cached, recorded);
            if (!same)
                return same.error();
            if (*same) {
                m_timer.lap("replay (cached)");
                return cached;
            }
            if (m_global.verbosity > 0)
                std::cerr << "schemac: the cached replay is not the catalog " << runtime::k_sum_file
                          << " records; replaying\n";
        }
        auto started = std::chrono::steady_clock::now();
        // The context the tree stubs first: the history may use it.
        auto made = shadow::replay(*m_server, m_out.history,
                                   [this](const std::string& db, std::size_t run) -> Status {
                                       if (run == 0 && m_start.prepare)
                                           return m_start.prepare(db);
                                       return Ok{};
                                   });
        if (!made)
            return made;
        m_timer.lap("replay");
        if (!m_replay_key.empty() &&
            std::chrono::steady_clock::now() - started >= replay_cache_threshold()) {
            auto same = has_catalog(*made, recorded);
            if (!same)
                return same.error();
            if (*same) {
                m_server->keep_replay(m_replay_key, *made);
                m_timer.lap("replay kept in the cache");
            }
        }
        return made;
    }

    /// Whether the shadow database `db` has the catalog whose fingerprint is
    /// `recorded` (never when nothing is recorded).
    Result<bool> has_catalog(const std::string& db, const std::string& recorded) {
        if (recorded.empty())
            return false;
        auto conn = m_server->connect(db);
        if (!conn)
            return conn.error();
        auto fingerprint = runtime::fingerprint(*conn);
        if (!fingerprint)
            return std::move(fingerprint).error();
        return fingerprint->sha256 == recorded;
    }

    /// The tree materialized in the shadow server and read back, or as an
    /// earlier run read it; its lint.
    Status desired_state() {
        std::optional<KeptDesired> kept;
        if (!m_kept.identity.empty()) {
            m_desired_key = desired_key(m_kept, m_tree);
            kept = find_desired(m_desired_key);
        }
        // A kept read this build's queries do not match is read again.
        auto desired = kept ? introspect::introspect(kept->read, m_scope)
                            : Result<catalog::Catalog>(Error("not kept"));
        if (desired) {
            m_out.desired = std::move(*desired);
            kept->give_written(m_out.desired);
            m_timer.lap("materialize and introspect (kept)");
        } else if (auto read = materialize_tree(); !read) {
            return read;
        }
        for (const auto& intent : m_tree.usings())
            if (auto column = m_out.desired.columns.find(intent.column);
                column != m_out.desired.columns.end())
                (intent.reverse ? column->second.using_reverse_expr : column->second.using_expr) =
                    intent.expression;
        m_out.warnings = plan::lint(m_out.desired, m_tree);
        return Ok{};
    }

    /// The tree materialized and read back (and the read kept, when reads
    /// are); what the tree writes of its definitions kept beside them.
    Status materialize_tree() {
        auto db = materialize();
        if (!db)
            return db.error();
        introspect::Recording read;
        auto desired = introspect::introspect(m_server->tree_conninfo(*db), m_scope,
                                              m_kept.identity.empty() ? nullptr : &read);
        if (!desired)
            return desired.error();
        m_out.desired = std::move(*desired);
        if (auto written = shadow::keep_written_checks(*m_server, *db, m_tree, m_out.desired);
            !written)
            return written;
        if (auto written = shadow::keep_written_predicates(*m_server, *db, m_tree, m_out.desired);
            !written)
            return written;
        m_timer.lap("introspect the tree");
        if (!m_kept.identity.empty()) {
            keep_desired(m_desired_key, KeptDesired::of(std::move(read), m_out.desired));
            // The cluster too, for the next run to update, where making the
            // database took long (as the tree grows, keeping it costs less
            // than making it: a second at 1,000 tables): before the proof
            // adds its databases.
            // Not where the server holds a replayed history too (an empty
            // one aside): the next run would copy it for nothing.
            bool replayed = !m_server->replayed_database().empty() ||
                            (!m_start.template_db.empty() && !m_out.history.migrations.empty());
            if (m_made_in >= tree_keep_threshold() && !replayed) {
                m_server->keep_tree({*db, shadow::Built::of(m_tree).serialize(), tree_context()});
                m_timer.lap("tree kept in the cache");
            }
        }
        // The proof may start here (plan/proof.h): against a live target,
        // and where the history's catalog was kept (not replayed).
        m_start.desired_db = *db;
        return Ok{};
    }

    /// Whose tree is kept: the project's, by where its tree is (one kept
    /// per project); none where reads are not kept.
    std::string tree_key() const {
        if (m_kept.identity.empty())
            return "";
        std::error_code ec;
        auto where = std::filesystem::weakly_canonical(m_request.schema, ec);
        return runtime::sha256_hex("tree 1\n" +
                                   (ec ? std::filesystem::path(m_request.schema) : where).string())
            .substr(0, 32);
    }

    /// What a kept tree was materialized with besides its statements: the
    /// embedded server and schemac, the roles and the stubs' context.
    std::string tree_context() const {
        return runtime::sha256_hex(desired_key(m_kept, load::Tree{}) + "\n" + context_sql());
    }

    /// The database holding the tree, materialized now (the server started
    /// first) when its catalog came from the cache: the kept tree updated
    /// where the server started from one (shadow/incremental.h).
    Result<std::string> materialize() {
        if (!m_desired_db.empty())
            return m_desired_db;
        if (auto server = this->server(); !server)
            return server.error();
        auto started = std::chrono::steady_clock::now();
        if (auto kept = m_server->kept_tree()) {
            auto built = shadow::Built::parse(kept->built);
            auto updated =
                kept->context != tree_context()
                    ? std::variant<shadow::Update, std::string>(
                          "it was made by another schemac or server, or with other roles or stubs")
                : built ? shadow::update(*m_server, kept->database, *built, m_tree)
                        : std::variant<shadow::Update, std::string>("its record cannot be read");
            m_made_in = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - started);
            if (auto* update = std::get_if<shadow::Update>(&updated)) {
                m_timer.lap("materialize (the kept tree: " + count(update->dirty, "object") +
                            " made again, " + count(update->statements.size(), "statement") + ")");
                m_desired_db = kept->database;
                return m_desired_db;
            }
            if (m_global.verbosity > 0)
                std::cerr << "schemac: the kept tree is materialized anew: "
                          << std::get<std::string>(updated) << "\n";
            // Not kept again with the new one.
            if (auto dropped = m_server->drop_database(kept->database); !dropped)
                return std::move(dropped).error();
        }
        auto db = shadow::materialize(*m_server, m_tree, [this](const std::string& made) {
            return load_target_context(*m_server, made, m_context, m_global.verbosity);
        });
        if (!db)
            return db.error();
        m_made_in = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        m_timer.lap("materialize");
        m_desired_db = *db;
        return db;
    }

    /// Against a live target, the managed scope (DESIGN.md, decision 8):
    /// `public`, the schemas the tree creates or creates objects in, and
    /// those the history did, each unless a rule or a stub leaves it alone
    /// whole; what the tree or the history creates elsewhere (a trigger on
    /// `auth.users`) is managed one by one. The rest of the target is
    /// context. `--schemas` names the scope instead.
    Status scope_to_project() {
        if (m_request.url.empty() || !m_global.schemas.empty())
            return Ok{};
        auto& scope = m_scope.scope;
        std::vector<catalog::IgnoreRule> context = m_scope.ignore;
        context.insert(context.end(), scope.stubs.begin(), scope.stubs.end());
        auto history = history_scope(m_out.history, context);
        scope.keep.merge(history.keep);
        std::set<std::string> schemas = std::move(*history.schemas);
        catalog::for_each_objects(m_out.desired, [&](const auto& objects) {
            for (const auto& [key, object] : objects) {
                scope.keep.insert(key);
                std::string schema = key.kind == catalog::Kind::Schema ? key.name : key.schema;
                if (!schema.empty() && !catalog::ignored(context, catalog::schema_key(schema)))
                    schemas.insert(schema);
            }
        });
        if (m_global.verbosity > 0) {
            std::cerr << "schemac: managed scope: schemas";
            for (const auto& schema : schemas)
                std::cerr << " " << catalog::quote_ident(schema);
            std::cerr << " and what the tree and " << m_global.dir
                      << "/ create elsewhere; the rest of the target is context\n";
        }
        scope.schemas = std::move(schemas);
        return Ok{};
    }

    /// With --strict, no object of a kind schemac does not diff: the plan
    /// would leave it as it is, whatever the tree says.
    Status all_managed() const {
        if (!m_request.strict)
            return Ok{};
        std::vector<std::string> named = m_out.current.unmanaged;
        std::ranges::copy(m_out.desired.unmanaged, std::back_inserter(named));
        if (named.empty())
            return Ok{};
        std::ranges::sort(named);
        named.erase(std::unique(named.begin(), named.end()), named.end());
        std::string list;
        for (const auto& name : named)
            list += (list.empty() ? "" : ", ") + name;
        return Error("--strict refuses to plan while objects of kinds schemac does not diff "
                     "exist (they would be left as they are): " +
                     list);
    }

    /// The current state read; a live database's table sizes go beside the
    /// locks in the plan, and its grants to roles not managed are context.
    /// The shadow gets every role the current state names, to rebuild it.
    Status read_current() {
        introspect::Options live = m_scope;
        if (!m_request.url.empty()) {
            live.sizes = true;
            live.roles = managed_roles();
        }
        auto current = read_current_catalog(live);
        if (!current)
            return current.error();
        m_out.current = std::move(*current);
        compare_stated_owners();
        auto named = m_out.current.roles();
        m_current_roles.insert(named.begin(), named.end());
        if (m_server)
            if (auto roles = m_server->ensure_roles({named.begin(), named.end()}); !roles)
                return roles;
        m_timer.lap("introspect");
        report_unmanaged(m_out.current, "current", m_global.verbosity);
        report_unmanaged(m_out.desired, "desired", m_global.verbosity);
        if (auto managed = all_managed(); !managed)
            return managed;
        if (m_global.verbosity >= 0 && (!m_scope.ignore.empty() || !m_scope.scope.stubs.empty() ||
                                        !m_out.current.left_alone.empty()))
            std::cerr << "schemac: context left alone (" << m_global.ignore_file
                      << ", -- schemac:external, outside the managed scope): "
                      << count(m_out.current.left_alone.size(), "object")
                      << " of the current state, " << m_out.desired.left_alone.size()
                      << " of the desired state\n";
        report_left_alone(m_out.current, m_global.verbosity);
        if (auto widened = context_of_current(); !widened)
            return widened;
        // Materialized now if a definition must be tried there.
        auto desired_db = [this]() -> Result<runtime::Connection> {
            auto db = materialize();
            if (!db)
                return db.error();
            return m_server->connect_tree(*db);
        };
        if (auto settled = shadow::settle_current_checks(desired_db, m_out.current, m_out.desired);
            !settled)
            return settled;
        if (auto settled =
                shadow::settle_current_predicates(desired_db, m_out.current, m_out.desired);
            !settled)
            return settled;
        settle_lists_of_casts();
        settle_hidden_mapping_options();
        // A constraint or index the tree did not change is rebuilt (by the
        // proof, or by a reverse script) from the tree's own text too.
        for (auto& [key, constraint] : m_out.current.constraints)
            if (auto same = m_out.desired.constraints.find(key);
                same != m_out.desired.constraints.end() &&
                same->second.definition == constraint.definition)
                constraint.written = same->second.written;
        for (auto& [key, index] : m_out.current.indexes)
            if (auto same = m_out.desired.indexes.find(key);
                same != m_out.desired.indexes.end() && same->second.definition == index.definition)
                index.written = same->second.written;
        for (const auto& [key, table] : m_out.current.tables)
            if (table.stats)
                m_out.sizes[catalog::qualified_name(key)] = *table.stats;
        return Ok{};
    }

    /// The owners the tree states (those the shadow reads as another role
    /// than the one that materialized it) are compared on both sides. A
    /// predefined role or the shadow's superuser is none the tree gave an
    /// object to (the shadow refuses to): `public` is theirs from CREATE
    /// DATABASE.
    void compare_stated_owners() {
        m_out.desired.owners_compared = m_out.desired.owned_by_others(shadow::k_admin_role);
        // The role that reads a live target runs its migration: an object
        // the tree gives to that role is owned by whoever runs it.
        const std::string& runner = m_out.current.reader;
        if (!runner.empty() && runner != m_out.desired.reader)
            for (const auto& key : m_out.desired.owners_compared)
                if (auto& owner = m_out.desired.owners[key]; owner == runner)
                    owner = m_out.desired.reader;
        m_out.current.owners_compared = m_out.desired.owners_compared;
    }

    /// The current state's catalog: the target's, the replayed history's
    /// (kept for the next run, when reads are), or the one kept.
    Result<catalog::Catalog> read_current_catalog(const introspect::Options& options) {
        if (m_current_read) {
            if (auto current = introspect::introspect(*m_current_read, options))
                return current;
            m_current_read.reset(); // not this build's queries: read again
            if (auto replayed = replay(); !replayed)
                return std::move(replayed).error();
        }
        if (!m_target) {
            introspect::Recording read;
            bool keep = !m_kept.identity.empty();
            auto current =
                introspect::introspect(m_current_conninfo, options, keep ? &read : nullptr);
            if (current && keep)
                keep_current(m_current_key, read);
            return current;
        }
        auto current = introspect::introspect(*m_target, options);
        // The target may close a connection left idle while the tree was
        // materialized (idle_session_timeout): read it on a new one.
        if (!current && m_target->lost())
            current = introspect::introspect(m_current_conninfo, options);
        m_target.reset();
        return current;
    }

    /// A live user mapping whose options the connected role may not see is
    /// taken to have the options the tree states: nothing can tell them
    /// apart, and the plan never touches them. Said on stderr, with what it
    /// costs a mapping the tree drops (its reverse creates it without them).
    void settle_hidden_mapping_options() {
        // A --dev-url server's role that is no superuser reads the tree's own
        // mappings for other roles so.
        for (const auto& [key, mapping] : m_out.desired.foreign)
            if (mapping.options_hidden && m_global.verbosity >= 0)
                std::cerr << "schemac: the options of " << catalog::describe(key)
                          << " are hidden from " << catalog::quote_ident(m_out.desired.reader)
                          << " on the server that materialized the tree: they are not compared, "
                             "and a plan creates it without them\n";
        for (auto& [key, mapping] : m_out.current.foreign) {
            if (!mapping.options_hidden)
                continue;
            auto wanted = m_out.desired.foreign.find(key);
            if (wanted != m_out.desired.foreign.end())
                mapping.options = wanted->second.options;
            if (m_global.verbosity >= 0)
                std::cerr
                    << "schemac: the options of " << catalog::describe(key) << " are hidden from "
                    << catalog::quote_ident(m_out.current.reader)
                    << " (PostgreSQL shows them to the mapped role, to the server's owner for "
                       "PUBLIC, and to superusers): "
                    << (wanted != m_out.desired.foreign.end()
                            ? "taken as the tree states them"
                            : "the reverse script creates it again without them")
                    << "\n";
        }
    }

    /// A live view, trigger, policy or domain check whose printed text
    /// differs from the desired one only in how a list compared to a varchar
    /// is stored (pg_dump's text of it restored) is the same object, not a
    /// change: it takes the desired text (DESIGN.md, decision 1).
    void settle_lists_of_casts() {
        auto settle = [](std::string& live, const std::string& wanted) {
            if (live != wanted &&
                catalog::as_list_of_casts(live) == catalog::as_list_of_casts(wanted))
                live = wanted;
        };
        auto settle_optional = [&](std::optional<std::string>& live,
                                   const std::optional<std::string>& wanted) {
            if (live && wanted)
                settle(*live, *wanted);
        };
        for (auto& [key, view] : m_out.current.views)
            if (auto same = m_out.desired.views.find(key); same != m_out.desired.views.end())
                settle(view.definition, same->second.definition);
        for (auto& [key, trigger] : m_out.current.triggers)
            if (auto same = m_out.desired.triggers.find(key); same != m_out.desired.triggers.end())
                settle(trigger.definition, same->second.definition);
        for (auto& [key, policy] : m_out.current.policies)
            if (auto same = m_out.desired.policies.find(key);
                same != m_out.desired.policies.end()) {
                settle_optional(policy.using_expr, same->second.using_expr);
                settle_optional(policy.check_expr, same->second.check_expr);
            }
        for (auto& [key, domain] : m_out.current.domains)
            if (auto same = m_out.desired.domains.find(key); same != m_out.desired.domains.end())
                for (auto& [name, check] : domain.checks)
                    if (auto wanted = same->second.checks.find(name);
                        wanted != same->second.checks.end())
                        settle(check, wanted->second);
    }

    /// Renames run first, then the extensions' moves to other schemas; the
    /// rest of the plan starts from their result, so a renamed table is
    /// altered, not dropped and created, and a column of a moved
    /// extension's type keeps its rows.
    Status plan_both_ways() {
        auto renames = plan::resolve_renames(m_tree.renames(), m_out.current, m_out.desired);
        if (!renames)
            return renames.error();
        auto relocations = plan::resolve_relocations(m_out.current, m_out.desired, *renames);
        auto rename_forward = steps::rename_steps(*renames, false);
        std::ranges::move(steps::relocation_steps(relocations, false),
                          std::back_inserter(rename_forward));
        // A renamed object's owner is compared under its old name too.
        for (const auto& rename : *renames)
            if (!rename.enum_value && m_out.current.owners_compared.contains(rename.after()))
                m_out.current.owners_compared.insert(rename.current);
        const catalog::Catalog* from = &m_out.current;
        if (!rename_forward.empty()) {
            if (auto replayed = replay(); !replayed)
                return replayed;
            auto after =
                plan::state_after(*m_server, m_start, m_out.current, rename_forward, m_scope);
            if (!after)
                return after.error();
            m_renamed = std::move(*after);
            from = &m_renamed;
            m_timer.lap("renames");
        }
        record_renames(*renames);
        for (const auto& relocation : relocations) {
            if (relocation.creates_schema)
                m_out.changes.push_back(
                    {"+", "create", catalog::describe(catalog::schema_key(relocation.to)), ""});
            m_out.changes.push_back(diff::summary_of(relocation));
        }
        auto changes = diff::diff(*from, m_out.desired);
        for (const auto& change : changes)
            m_out.changes.push_back(diff::summary_of(change));
        auto forward = plan::plan_steps(std::move(changes), *from, m_out.desired, m_request.online);
        if (!forward)
            return forward.error();
        m_out.forward = std::move(rename_forward);
        std::ranges::move(*forward, std::back_inserter(m_out.forward));
        auto reverse = plan::plan_steps(m_out.desired, *from, m_request.online);
        if (!reverse)
            return reverse.error();
        m_out.reverse = std::move(*reverse);
        std::ranges::move(steps::relocation_steps(relocations, true),
                          std::back_inserter(m_out.reverse));
        std::ranges::move(steps::rename_steps(*renames, true), std::back_inserter(m_out.reverse));
        for (const auto* script : {&m_out.forward, &m_out.reverse})
            if (auto kept = keeps_what_unmanaged_use(*script, *from); !kept)
                return kept;
        mark_emptied(m_out.forward, m_out.reverse);
        m_out.forward = steps::with_data_phase(std::move(m_out.forward), m_request.data_up);
        m_out.reverse = steps::with_data_phase(std::move(m_out.reverse), m_request.data_down);
        m_timer.lap("diff and order");
        // A table known to be empty has no row for a step to fail on.
        for (auto& step : m_out.forward)
            std::erase_if(step.hazards, [&](const steps::Hazard& hazard) {
                if (hazard.kind != steps::HazardKind::NeedsData || !hazard.locked)
                    return false;
                auto size = m_out.sizes.find(catalog::qualified_name(*hazard.locked));
                return size != m_out.sizes.end() && size->second.empty;
            });
        for (auto& warning : plan::lint_live(m_out.forward, m_out.desired, m_out.sizes, m_tree))
            m_out.warnings.push_back(std::move(warning));
        return Ok{};
    }

    /// No step, forward or reverse, drops what an object of a kind schemac
    /// does not diff depends on (a type a cast converts, a function an
    /// operator calls), or a table a foreign key outside the managed scope
    /// references: PostgreSQL would refuse the drop when the migration runs,
    /// and the proof, which rebuilds only what schemac models, would not see
    /// it (or fail on it without saying why).
    static Status keeps_what_unmanaged_use(const std::vector<steps::Step>& script,
                                           const catalog::Catalog& current) {
        for (const auto& step : script)
            for (const auto& removed : step.removes)
                if (auto user = current.used_by_unmanaged.find(removed);
                    user != current.used_by_unmanaged.end())
                    return Error("the plan drops " + catalog::describe(removed) + ", which " +
                                 user->second +
                                 " depends on; schemac leaves that alone (a kind it does not "
                                 "manage, or outside the managed scope): drop it in the database "
                                 "first, or keep " +
                                 catalog::describe(removed) + " as it is in the tree");
        return Ok{};
    }

    /// A table or column the forward script drops with its rows comes back
    /// empty in the reverse: its step says so.
    static void mark_emptied(const std::vector<steps::Step>& forward,
                             std::vector<steps::Step>& reverse) {
        std::set<catalog::ObjectKey> emptied;
        for (const auto& step : forward)
            if (step.action == steps::Action::Drop && step.lossy_in_reverse)
                emptied.insert(step.key);
        for (auto& step : reverse)
            if (step.action == steps::Action::Create && emptied.contains(step.key))
                step.hazards.push_back(
                    {steps::HazardKind::NeedsData,
                     "re-creates " + catalog::describe(step.key) +
                         " empty: what the forward script dropped with it does not come back "
                         "(copy it back in the data phase, `schemac diff --write NAME "
                         "--data-down FILE`)"});
    }

    /// Each rename in the per-object summary; a renamed table keeps its size.
    void record_renames(const std::vector<diff::Rename>& renames) {
        for (const auto& rename : renames) {
            m_out.changes.push_back(diff::summary_of(rename));
            if (rename.object.kind != catalog::Kind::Table)
                continue;
            if (auto size = m_out.sizes.find(catalog::qualified_name(rename.current));
                size != m_out.sizes.end())
                m_out.sizes[catalog::qualified_name(rename.after())] = size->second;
        }
    }

    Status prove() {
        if (m_request.skip_proof)
            return Ok{};
        bool fingerprint = m_request.fingerprint_after && m_request.url.empty();
        plan::ProofRows rows;
        for (const auto& [table, stats] : m_out.sizes)
            if (stats.empty)
                rows.empty.insert(table);
        for (auto [data, written] : {std::pair{&m_request.data_up, &rows.written_up},
                                     std::pair{&m_request.data_down, &rows.written_down}})
            for (const auto& step : *data)
                for (const auto& statement : step.statements)
                    for (const auto& [schema, name] : sql::writes(statement))
                        written->insert(catalog::quote_qualified(schema, name));
        if (!plan::proof_needs_database(m_out.forward, m_out.reverse, fingerprint)) {
            if (auto same = plan::prove_unchanged(m_out.current, m_out.desired); !same)
                return with_unmanaged_hint(same.error(), m_out.current, m_out.desired);
            m_timer.lap("proof (no step: the catalogs compared)");
            return Ok{};
        }
        // The same inputs made the same scripts before, and they were proven.
        std::string verdict;
        if (!fingerprint && !m_current_key.empty() && !m_desired_key.empty()) {
            verdict = proof_key(
                m_current_key, m_desired_key, m_scope,
                {&m_out.forward, &m_out.reverse, &m_request.data_up, &m_request.data_down});
            if (proven_before(verdict)) {
                m_timer.lap("proof (its verdict kept)");
                return Ok{};
            }
        }
        // With the history's catalog kept, the proof starts from the desired
        // state (the reverse script must lead back to that catalog) and
        // replays the history only if it does not. A write replays it: the
        // fingerprint it records is of the history as migrations build it;
        // so does a history that moves rows, which only a replay has.
        if (m_current_read && !m_start.desired_db.empty() && !fingerprint &&
            !moves_rows(m_out.history))
            m_start.make_template = [this]() -> Result<std::string> {
                if (auto replayed = replay(); !replayed)
                    return std::move(replayed).error();
                return m_start.template_db;
            };
        else if (auto replayed = replay(); !replayed)
            return replayed;
        auto proven =
            plan::prove(*m_server, m_start, m_out.current, m_out.desired, m_out.forward,
                        m_out.reverse, m_scope, rows, fingerprint ? &m_out.after_forward : nullptr);
        if (!proven)
            return with_unmanaged_hint(proven.error(), m_out.current, m_out.desired);
        for (auto& warning : plan::lint_proof(proven->unseeded, m_tree))
            m_out.warnings.push_back(std::move(warning));
        m_timer.lap(proven->from_desired ? "proof (from the desired state)" : "proof");
        if (proven->failed_on_rows)
            return failed_on_rows(*proven->failed_on_rows);
        // Kept only when nothing of it is reported but the verdict.
        if (!verdict.empty() && proven->unseeded.empty())
            keep_proven(verdict);
        if (fingerprint && !m_kept.identity.empty())
            m_out.keep_after_forward =
                [kept = m_kept, context = context_sql()](const std::string& sum,
                                                         const introspect::Recording& read) {
                    keep_current(current_key(kept, sum, context), read);
                };
        return Ok{};
    }

    /// A step that fails only because rows exist needs data moved first: a
    /// needs-data hazard on it, or, when a data phase was given for its
    /// direction, an error (that data phase does not prepare the rows).
    Status failed_on_rows(const plan::FailedOnRows& failed) {
        auto& script = failed.reverse ? m_out.reverse : m_out.forward;
        bool given = !(failed.reverse ? m_request.data_down : m_request.data_up).empty();
        std::string which = failed.reverse ? "reverse" : "forward";
        if (given || failed.step >= script.size())
            return Error{
                "proof failed: with " + std::to_string(plan::k_seed_rows) +
                " generated rows in each table it touches, the " + which + " script fails" +
                (failed.step < script.size() ? " at " + steps::describe_step(script[failed.step])
                                             : std::string()) +
                ": " + failed.message +
                (given ? "\nthe data phase (" +
                             std::string(failed.reverse ? "--data-down" : "--data") +
                             " FILE) does not make those rows fit"
                       : std::string())};
        auto& step = script[failed.step];
        if (std::ranges::none_of(step.hazards, [](const steps::Hazard& hazard) {
                return hazard.kind == steps::HazardKind::NeedsData;
            }))
            step.hazards.push_back(
                {steps::HazardKind::NeedsData,
                 "the proof fails here on existing rows (" + failed.message +
                     "): change them first, in the data phase (`schemac diff --write NAME " +
                     (failed.reverse ? "--data-down" : "--data") + " FILE`)",
                 step.locks.empty() ? std::nullopt : std::optional(step.locks.front().table)});
        return Ok{};
    }

    const GlobalOptions& m_global;
    const PlanRequest& m_request;
    Timer m_timer;
    runtime::Progress m_progress{m_global.verbosity};
    introspect::Options m_scope;
    load::Tree m_tree;
    std::optional<std::set<std::string>> m_roles; ///< managed_roles()
    std::set<std::string> m_current_roles;        ///< named by the current state
    std::string m_history_sum;                    ///< of --dir, without --url
    std::string m_replay_key;
    TargetContext m_context;
    std::unique_ptr<shadow::Server> m_server;
    plan::ProofStart m_start;
    std::string m_current_conninfo;
    /// The connection to --url, opened once.
    std::optional<runtime::Connection> m_target;
    std::string m_desired_db; ///< the shadow database the tree was materialized in
    /// How long making the desired database took (anew, or the kept tree
    /// updated), the server's start aside.
    std::chrono::milliseconds m_made_in{0};
    /// What reads earlier runs kept may answer this one (no identity: none).
    KeptContext m_kept;
    std::string m_desired_key, m_current_key;
    /// The current state's catalog as an earlier run read it.
    std::optional<introspect::Recording> m_current_read;
    catalog::Catalog m_renamed;
    Planned m_out;
};

} // namespace

catalog::Scope history_scope(const runtime::MigrationDir& history,
                             const std::vector<catalog::IgnoreRule>& rules) {
    catalog::Scope scope;
    scope.schemas.emplace();
    auto take = [&](const std::string& schema) {
        if (!schema.empty() && !catalog::ignored(rules, catalog::schema_key(schema)))
            scope.schemas->insert(schema);
    };
    take("public");
    using catalog::Kind;
    for (const auto& migration : history.migrations) {
        auto created = sql::created_by(runtime::read_text(migration.up));
        std::ranges::for_each(created.schemas, take);
        for (const auto& name : created.extensions)
            scope.keep.insert(catalog::extension_key(name));
        for (const auto& name : created.publications)
            scope.keep.insert(catalog::publication_key(name));
        for (const auto& [schema, table, name] : created.triggers)
            scope.keep.insert(catalog::child_key(Kind::Trigger, schema, table, name));
        for (const auto& [schema, table, name] : created.policies)
            scope.keep.insert(catalog::child_key(Kind::Policy, schema, table, name));
        for (const auto& [schema, name] : created.indexes)
            scope.keep.insert(catalog::relation_key(Kind::Index, schema, name));
    }
    return scope;
}

std::vector<runtime::DeployOptions::KeptLine> kept_lines(const std::set<catalog::ObjectKey>& keep) {
    using catalog::Kind;
    using catalog::quote_ident;
    std::vector<runtime::DeployOptions::KeptLine> out;
    for (const auto& key : keep) {
        std::string table = quote_ident(key.schema) + "." + quote_ident(key.parent);
        switch (key.kind) {
        case Kind::Extension:
            out.push_back({"extension " + quote_ident(key.name) + " ", ""});
            break;
        case Kind::Trigger: // trigger CREATE TRIGGER t AFTER INSERT ON s.tbl ...
            out.push_back(
                {"trigger CREATE TRIGGER " + quote_ident(key.name) + " ", " ON " + table + " "});
            break;
        case Kind::Policy: // policy s.tbl p for ...
            out.push_back({"policy " + table + " " + quote_ident(key.name) + " ", ""});
            break;
        case Kind::Index: // index CREATE [UNIQUE] INDEX i ON s.tbl USING ...
            out.push_back({"index CREATE ", "INDEX " + quote_ident(key.name) + " ON " +
                                                quote_ident(key.schema) + "."});
            break;
        default:
            break;
        }
    }
    return out;
}

void keep_written_history(const Planned& planned) {
    if (!planned.keep_after_forward)
        return;
    if (auto written = runtime::read_migrations(planned.history.dir))
        planned.keep_after_forward(runtime::compute_sum(*written), planned.after_forward.read);
}

Result<Planned> plan_change(const GlobalOptions& global, const PlanRequest& request) {
    return Run(global, request).go();
}

} // namespace schemac::cli
