#include "session.h"

#include "runtime/hazards.h"
#include "runtime/sha256.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fnmatch.h>
#include <thread>

namespace schemac::runtime {
namespace {

/// The advisory lock every apply and rollback holds: "schemac" in ASCII.
constexpr const char* k_lock_key = "32478922351141219";

} // namespace

long long elapsed_ms(Clock::time_point since) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

std::string version_text(int version) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d", version);
    return text;
}

Status Session::read_directory() {
    auto dir = read_migrations(m_options.dir);
    if (!dir)
        return std::move(dir).error();
    m_dir = std::move(*dir);
    return Ok{};
}

Status Session::load_directory() {
    if (auto read = read_directory(); !read)
        return read;
    if (auto sum = verify_sum(m_dir); !sum)
        return sum;
    return load_scripts();
}

Status Session::load_scripts() {
    for (const auto& m : m_dir.migrations) {
        Loaded loaded;
        loaded.migration = &m;
        loaded.version = std::stoi(m.version);
        std::string up = read_text(m.up);
        std::string down = read_text(m.down);
        auto up_script = parse_script(m.up, up);
        if (!up_script)
            return std::move(up_script).error();
        auto down_script = parse_script(m.down, down);
        if (!down_script)
            return std::move(down_script).error();
        loaded.up = std::move(*up_script);
        loaded.down = std::move(*down_script);
        loaded.up_sha256 = sha256_hex(up);
        loaded.down_sha256 = sha256_hex(down);
        m_loaded.push_back(std::move(loaded));
    }
    return Ok{};
}

Status Session::connect() {
    auto conn = Connection::open(m_options.url);
    if (!conn)
        return Error(connect_error("", m_options.url, conn.error().message));
    m_conn = std::move(*conn);
    if (auto done =
            m_conn->exec("SELECT set_config('lock_timeout', $1, false)", {m_options.lock_timeout});
        !done)
        return Error("--lock-timeout " + m_options.lock_timeout + ": " + done.error().message);
    std::string setup = "SET application_name = 'schemac'";
    // Without this a backend whose client was killed runs its statement to
    // the end (a concurrent index build included) before it notices.
    if (m_conn->server_version() >= 140000)
        setup += "; SET client_connection_check_interval = '250ms'";
    if (auto done = m_conn->exec(setup); !done)
        return Error("cannot set up the session: " + done.error().message);
    return Ok{};
}

Result<bool> Session::try_lock() {
    auto tried = m_conn->exec(std::string("SELECT pg_try_advisory_lock(") + k_lock_key + ")");
    if (!tried)
        return Error("cannot take the advisory lock: " + tried.error().message);
    return tried->single() == "t";
}

Status Session::lock() {
    auto taken = try_lock();
    if (!taken || *taken)
        return taken ? Status(Ok{}) : Status(taken.error());
    std::string db = database();
    if (m_options.no_wait)
        return Error("another schemac apply or rollback holds the lock on " + db +
                     "; not waiting (--no-wait)");
    progress("waiting for another schemac apply or rollback on " + db + " to finish");
    // Polled, each try its own short statement: a session blocked in
    // pg_advisory_lock() holds a snapshot, which a concurrent index build
    // of the running migration would wait for, forever.
    auto deadline = Clock::now() + std::chrono::seconds(m_options.lock_wait_s);
    for (auto pause = std::chrono::milliseconds(50); Clock::now() < deadline;
         pause = std::min(pause * 2, std::chrono::milliseconds(1000))) {
        std::this_thread::sleep_for(pause);
        taken = try_lock();
        if (!taken || *taken)
            return taken ? Status(Ok{}) : Status(taken.error());
    }
    return Error("gave up after waiting " + std::to_string(m_options.lock_wait_s) +
                 " s for another schemac apply or rollback on " + db +
                 " to finish (--lock-wait); nothing was run");
}

Status Session::load_history() {
    auto history = read_history(*m_conn);
    if (!history)
        return Error("cannot read schemac.schema_migrations: " + history.error().message);
    m_history = std::move(*history);
    m_failed.reset();
    if (!m_history.empty() && m_history.back().state == "failed") {
        m_failed = std::move(m_history.back());
        m_history.pop_back();
    }
    return Ok{};
}

Status Session::clear_failed() {
    if (!m_failed)
        return Ok{};
    std::string id = version_text(m_failed->version) + "_" + m_failed->name;
    if (auto cleared = with_retries([&] {
            return exec("DELETE FROM schemac.schema_migrations WHERE version = $1 AND state = "
                        "'failed'",
                        {std::to_string(m_failed->version)}, "schemac.schema_migrations");
        });
        !cleared)
        return std::move(cleared).error().within("clearing the failed attempt of " + id);
    progress("cleared the failed attempt of " + id + " (nothing of it was applied)");
    m_failed.reset();
    return Ok{};
}

const Loaded* Session::find(int version) const {
    for (const auto& m : m_loaded)
        if (m.version == version)
            return &m;
    return nullptr;
}

std::string Session::position() const {
    if (m_history.empty())
        return "no migration applied";
    const auto& last = m_history.back();
    return "at " + version_text(last.version) + "_" + last.name +
           (last.state == "applied" ? "" : " (" + last.state + ", interrupted)");
}

std::string Session::database() const {
    return m_conn ? m_conn->database() : database_of(m_options.url);
}

std::string Session::standing() const {
    return m_history.empty() ? "no migration is applied to the database"
                             : "the database is " + position();
}

std::vector<std::string> Session::changed_files() const {
    std::vector<std::string> out;
    for (const auto& row : m_history) {
        std::string id = version_text(row.version) + "_" + row.name;
        const Loaded* m = find(row.version);
        if (!m) {
            out.push_back(id + " is applied but " + (m_dir.dir / (id + ".up.sql")).string() +
                          " is missing");
            continue;
        }
        if (m->migration->name != row.name) {
            out.push_back(id + " is applied but the directory has " + m->migration->id());
            continue;
        }
        if (m->up_sha256 != row.up_sha256)
            out.push_back(m->migration->up.string() + " changed after it was applied");
        if (m->down_sha256 != row.down_sha256)
            out.push_back(m->migration->down.string() + " changed after it was applied");
    }
    // History is linear: nothing may be missing below the last applied one.
    int last = m_history.empty() ? 0 : m_history.back().version;
    for (const auto& m : m_loaded)
        if (m.version < last && std::ranges::none_of(m_history, [&](const auto& row) {
                return row.version == m.version;
            }))
            out.push_back(m.migration->id() + " is not applied, but the later " +
                          version_text(last) + " is: migrations apply in order only");
    return out;
}

Status Session::check_applied_files() {
    auto changed = changed_files();
    if (changed.empty())
        return Ok{};
    std::string message =
        "the migration directory disagrees with the history in " + database() + ":";
    for (const auto& line : changed)
        message += "\n  " + line;
    return Error(message + "\nApplied migrations are never edited: undo the edit, or write a new "
                           "migration.");
}

std::vector<std::string> Session::drift_lines() {
    const AppliedMigration* last = last_applied();
    if (!last || last->state != "applied")
        return {};
    auto live = fingerprint(*m_conn, fingerprint_version(last->catalog_after));
    if (!live)
        return {"cannot read the catalog: " + live.error().message};
    if (live->sha256 == last->fingerprint_after)
        return {};
    auto lines = describe_drift(last->catalog_after, live->text);
    if (lines.empty())
        return {"the catalog fingerprint differs"};
    std::erase_if(lines, [&](const std::string& line) { return !in_scope(line.substr(2)); });
    return lines;
}

bool Session::in_scope(std::string_view line) const {
    std::string schema = schema_of_line(line);
    if (schema.empty())
        return true;
    // A rule a person wrote wins; then what the history made one by one.
    if (std::ranges::any_of(m_options.context_schemas, [&](const std::string& pattern) {
            return fnmatch(pattern.c_str(), schema.c_str(), 0) == 0;
        }))
        return false;
    if (std::ranges::any_of(m_options.kept, [&](const DeployOptions::KeptLine& kept) {
            return line.starts_with(kept.prefix) && line.find(kept.within) != line.npos;
        }))
        return true;
    const auto& managed = m_options.schemas;
    return managed.empty() || std::ranges::find(managed, schema) != managed.end();
}

Status Session::check_drift() {
    const AppliedMigration* last = last_applied();
    if (!last)
        return Ok{};
    return refuse_drift(drift_lines(), "what the history says " + version_text(last->version) +
                                           "_" + last->name + " left");
}

Status Session::refuse_drift(const std::vector<std::string>& lines, const std::string& expected) {
    if (lines.empty())
        return Ok{};
    std::string message = "drift: " + database() + " is not " + expected +
                          " (- expected, + found):" + list_drift(lines);
    if (m_options.allow_drift) {
        progress(message + "\ngoing on (--allow-drift)");
        return Ok{};
    }
    return Error(message + "\nUndo the hand-made change, or capture it in schema/ and a new "
                           "migration; --allow-drift goes on regardless.");
}

Result<std::vector<std::string>> Session::touched_lines(const ScriptStep& step) {
    std::vector<std::string> out;
    auto add = [&](const std::string& sql, const std::vector<std::string>& params) -> Status {
        auto rows = m_conn->exec(sql, params);
        if (!rows)
            return std::move(rows).error();
        for (auto row : *rows)
            out.push_back(row.text("line"));
        return Ok{};
    };
    // An index's schema is its table's; unqualified, the search path's first.
    constexpr const char* k_index =
        "WITH n(s, i) AS (SELECT coalesce(nullif($1::text, ''), pg_catalog.current_schema()), "
        "$2::text) SELECT pg_catalog.format('index CREATE %sINDEX %I ON %I.', u, i, s) AS line "
        "FROM n, (VALUES (''), ('UNIQUE ')) AS v(u) UNION ALL "
        "SELECT pg_catalog.format('comment on index %I.%I ', s, i) FROM n";
    for (const auto& statement : step.statements) {
        auto indexes = concurrent_indexes(statement.sql);
        auto drops = concurrent_drops(statement.sql);
        indexes.insert(indexes.end(), drops.begin(), drops.end());
        for (const auto& index : indexes)
            if (auto added = add(k_index, {index.schema, index.name}); !added)
                return added.error();
        for (const auto& type : extended_enums(statement.sql))
            if (auto added = add("SELECT pg_catalog.format('enum %I.%I ', "
                                 "coalesce(nullif($1::text, ''), pg_catalog.current_schema()), "
                                 "$2::text) AS line",
                                 {type.schema, type.name});
                !added)
                return added.error();
        for (const auto& c : validated_constraints(statement.sql))
            if (auto added = add("SELECT pg_catalog.format('constraint %I.%I %I ', "
                                 "coalesce(nullif($1::text, ''), pg_catalog.current_schema()), "
                                 "$2::text, $3::text) "
                                 "AS line",
                                 {c.schema, c.table, c.name});
                !added)
                return added.error();
    }
    return out;
}

Status Session::check_resume(const AppliedMigration& row, const Script& script) {
    std::size_t done = static_cast<std::size_t>(row.steps_done);
    std::string id = version_text(row.version) + "_" + row.name;
    if (done > script.steps.size())
        return Error("the history says " + count(done, "step") + " of " + id + " are done, but " +
                     script.path.string() + " has " + count(script.steps.size(), "step") +
                     ": the history row was edited by hand");
    if (row.catalog_after.empty()) // recorded by a schemac that did not keep it
        return Ok{};
    auto live = fingerprint(*m_conn, fingerprint_version(row.catalog_after));
    if (!live)
        return std::move(live).error().within("reading the catalog before resuming " + id);
    auto lines = describe_drift(row.catalog_after, live->text);
    if (done < script.steps.size() && !script.steps[done].transactional) {
        auto touched = touched_lines(script.steps[done]);
        if (!touched)
            return std::move(touched).error();
        std::erase_if(lines, [&](const std::string& line) {
            return std::ranges::any_of(*touched, [&](const std::string& prefix) {
                return std::string_view(line).substr(2).starts_with(prefix);
            });
        });
    }
    return refuse_drift(lines, "what " + id + " left after " + count(done, "step") +
                                   " (the history's record of its last step done)");
}

namespace {

/// "data-loss, table-rewrite, ...": every hazard's name.
std::string hazard_names() {
    std::string known;
    for (const auto& info : k_hazards)
        known += (known.empty() ? "" : ", ") + std::string(info.name);
    return known;
}

} // namespace

Status Session::check_hazards(const std::vector<const Script*>& scripts) {
    const auto& allowed = m_options.allow_hazards;
    for (const auto& word : allowed)
        if (!find_hazard(word))
            return Error("--allow-hazards " + word + ": not a hazard schemac knows (" +
                         hazard_names() + ")");
    std::string refused;
    std::vector<std::string> kinds;
    for (const Script* script : scripts)
        for (const auto& step : script->steps)
            for (const auto& hazard : step.hazards) {
                auto kind = find_hazard(hazard.kind);
                if (!kind || !hazard_info(*kind).gated ||
                    std::ranges::find(allowed, hazard.kind) != allowed.end())
                    continue;
                refused += "\n  " + script->path.string() + ":" + std::to_string(hazard.line) +
                           ": " + step.title + ": " + hazard.kind + ": " + hazard.message;
                if (std::ranges::find(kinds, hazard.kind) == kinds.end())
                    kinds.push_back(hazard.kind);
            }
    if (refused.empty())
        return Ok{};
    std::string list;
    for (const auto& kind : kinds)
        list += (list.empty() ? "" : ",") + kind;
    return Error("refusing to run steps that need approval:" + refused +
                 "\nNothing was run. To go ahead, run it again with --allow-hazards " + list + ".");
}

Status Session::check_secrets(const std::vector<const Script*>& scripts) const {
    std::string missing;
    std::vector<std::string> seen;
    for (const Script* script : scripts)
        for (const auto& step : script->steps)
            for (const auto& statement : step.statements)
                for (const auto& name : secrets_in(statement.sql))
                    if (!std::getenv(name.c_str()) && std::ranges::find(seen, name) == seen.end()) {
                        seen.push_back(name);
                        missing += "\n  " + name + " (" + script->path.string() + ":" +
                                   std::to_string(statement.line) + ")";
                    }
    if (missing.empty())
        return Ok{};
    return Error("the migration takes secrets from the environment, and these are not set:" +
                 missing + "\nNothing was run. Export each with its value and run again.");
}

void Session::progress(const std::string& line) const {
    m_live.clear();
    if (m_options.verbosity >= 0)
        m_err << "schemac: " << line << "\n";
}

int Session::report(const Error& error) const {
    m_live.end();
    Error what = error;
    what.outcome.clear();
    std::string message = what.describe();
    if (error.sqlstate() == "55P03")
        message += "\n(lock timeout " + m_options.lock_timeout +
                   (m_retries_made == 0   ? std::string()
                    : m_retries_made == 1 ? ", 1 retry"
                                          : ", " + std::to_string(m_retries_made) + " retries") +
                   ": something holds a conflicting lock; try again later or raise "
                   "--lock-timeout)";
    if (!error.outcome.empty())
        message += "\n" + error.outcome;
    m_err << "schemac: " << message << "\n";
    return 1;
}

} // namespace schemac::runtime
