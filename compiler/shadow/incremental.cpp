#include "shadow/incremental.h"

#include "catalog/kinds.h"
#include "catalog/quote.h"
#include "runtime/sha256.h"
#include "shadow/shadow.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

namespace schemac::shadow {
namespace {

using catalog::Kind;
using catalog::ObjectKey;

/// A key as one string: its fields, each after its length.
std::string key_text(const ObjectKey& key) {
    std::string out = std::to_string(static_cast<int>(key.kind)) + "/" +
                      std::to_string(static_cast<int>(key.facet));
    for (const auto* field : {&key.schema, &key.parent, &key.name, &key.args})
        out += "/" + std::to_string(field->size()) + ":" + *field;
    return out;
}

/// What a statement runs, as a digest: its text, and what the shadow runs
/// it with.
std::string statement_id(const load::Statement& s) {
    std::string text = s.node + "\n" + std::to_string(s.sql.size()) + ":" + s.sql + "\n";
    for (const auto& [name, value] : s.settings)
        text += std::to_string(name.size()) + ":" + name + "=" + std::to_string(value.size()) +
                ":" + value + "\n";
    for (const auto& schema : s.search_path)
        text += std::to_string(schema.size()) + ":" + schema + " ";
    text += s.runs ? "r" : "-";
    text += s.populates ? "p" : "-";
    text += s.concurrent ? "c" : "-";
    return runtime::sha256_hex(text);
}

/// Drops every routine named `name` in `schema` (the unit of a function
/// holds all its overloads the tree creates), by the signature PostgreSQL
/// prints for each: how the tree writes an argument type (unqualified,
/// under the file's search_path) does not matter.
std::string drop_routines(const std::string& schema, const std::string& name) {
    return "DO $schemac_drop$ DECLARE r record; BEGIN FOR r IN SELECT CASE p.prokind WHEN 'a' "
           "THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS kind, "
           "p.oid::pg_catalog.regprocedure AS signature FROM pg_catalog.pg_proc p JOIN "
           "pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = " +
           catalog::quote_literal(schema) + " AND p.proname = " + catalog::quote_literal(name) +
           " LOOP EXECUTE pg_catalog.format('DROP %s %s', r.kind, r.signature); END LOOP; END "
           "$schemac_drop$";
}

/// The DROP that removes what `s` creates, or "" for a kind dropped here
/// only by materializing the tree anew: an extension (its members are not
/// the tree's statements), columns and constraints (their table's), and
/// what only the administrator may drop.
std::string drop_of(const load::Statement& s) {
    if (!s.defines || s.defines->facet != catalog::Facet::Object)
        return "";
    switch (s.defines->kind) {
    case Kind::Schema:
    case Kind::Enum:
    case Kind::Sequence:
    case Kind::Table:
    case Kind::Index:
    case Kind::Function:
    case Kind::Procedure:
    case Kind::Aggregate:
    case Kind::View:
    case Kind::MaterializedView:
    case Kind::Trigger:
    case Kind::Policy:
    case Kind::Domain:
    case Kind::CompositeType:
    case Kind::RangeType:
    case Kind::Collation:
    case Kind::Statistics:
    case Kind::Rule:
    case Kind::Publication:
        break;
    default:
        return "";
    }
    if (s.node == "CreateForeignTableStmt" || s.defines->name.empty())
        return "";
    if (s.defines->kind == Kind::Function || s.defines->kind == Kind::Procedure ||
        s.defines->kind == Kind::Aggregate)
        return drop_routines(s.defines->schema, s.defines->name);
    // IF EXISTS: what a dirty unit dropped before it took with it (an owned
    // sequence, a table's trigger) is dirty too, and made again.
    return "DROP " + std::string(catalog::kind_info(s.defines->kind).keyword) + " IF EXISTS " +
           catalog::qualified_name(*s.defines);
}

/// The object a statement that neither creates nor alters one is about.
/// COMMENT ON: the object commented, as the statement that creates it
/// names it (a column's or a constraint's table). GRANT: what it grants
/// on, by the kind it names (a function before the types of its
/// arguments), else the first schema. nullopt when it names nothing.
std::optional<ObjectKey> named_target(const load::Statement& s) {
    auto first = [&](auto&& wanted) -> std::optional<ObjectKey> {
        auto found = std::ranges::find_if(s.references, wanted);
        return found != s.references.end() ? std::optional<ObjectKey>(*found) : std::nullopt;
    };
    auto of_kind = [&](Kind kind) {
        return first([kind](const ObjectKey& key) { return key.kind == kind; });
    };
    if (s.node == "CommentStmt" && s.defines) {
        ObjectKey key = *s.defines;
        key.facet = catalog::Facet::Object;
        switch (key.kind) {
        case Kind::Column:
        case Kind::Constraint:
            return of_kind(Kind::Table);
        case Kind::Procedure:
        case Kind::Aggregate:
            key.kind = Kind::Function;
            key.args.clear();
            return key;
        default:
            return key;
        }
    }
    for (Kind kind : {Kind::Function, Kind::Table, Kind::Enum})
        if (auto found = of_kind(kind))
            return found;
    if (auto other = first([](const ObjectKey& key) { return key.kind != Kind::Schema; }))
        return other;
    return of_kind(Kind::Schema);
}

/// The object a statement creates or changes: its unit.
std::optional<ObjectKey> unit_of(const load::Statement& s) {
    if (s.creates)
        return s.creates;
    if (s.alters)
        return s.alters;
    return named_target(s);
}

/// Whether `s` changes what statements after it create: default
/// privileges, and GRANT ... ON ALL, which reaches what exists when it runs;
/// or is not updated in part (see below).
bool changes_later_ones(const load::Statement& s) {
    auto default_privileges = [](const std::optional<ObjectKey>& key) {
        return key && key->facet == catalog::Facet::DefaultPrivileges;
    };
    return !s.after_all.empty() || default_privileges(s.creates) || default_privileges(s.alters) ||
           default_privileges(s.defines) || s.node == "AlterDefaultPrivilegesStmt" ||
           // An event trigger fires on the statements run again, which a
           // tree built from nothing runs before it; a DO block may do
           // anything the loader reads only in part.
           s.node == "CreateEventTrigStmt" || s.node == "AlterEventTrigStmt" || s.node == "DoStmt";
}

// --- serialization: every field after its length, lists after their count.

void put(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

void put(std::string& out, const std::vector<std::string>& list) {
    put(out, std::to_string(list.size()));
    for (const auto& item : list)
        put(out, item);
}

class Reader {
  public:
    explicit Reader(std::string_view text) : m_text(text) {}

    std::optional<std::string> field() {
        auto colon = m_text.find(':', m_at);
        if (colon == std::string_view::npos)
            return std::nullopt;
        std::size_t size = 0;
        auto [end, ec] = std::from_chars(m_text.data() + m_at, m_text.data() + colon, size);
        if (ec != std::errc{} || end != m_text.data() + colon || size > m_text.size() - colon - 1)
            return std::nullopt;
        std::string out(m_text.substr(colon + 1, size));
        m_at = colon + 1 + size;
        return out;
    }
    std::optional<std::size_t> count() {
        auto text = field();
        std::size_t n = 0;
        if (!text ||
            std::from_chars(text->data(), text->data() + text->size(), n).ec != std::errc{})
            return std::nullopt;
        return n;
    }
    std::optional<std::vector<std::string>> list() {
        auto n = count();
        if (!n || *n > m_text.size())
            return std::nullopt;
        std::vector<std::string> out;
        for (std::size_t i = 0; i < *n; ++i) {
            auto item = field();
            if (!item)
                return std::nullopt;
            out.push_back(std::move(*item));
        }
        return out;
    }
    bool done() const { return m_at == m_text.size(); }

  private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

constexpr std::string_view k_format = "schemac built 2";

/// How key_text begins for a schema (Kind::Schema, Facet::Object).
constexpr std::string_view k_schema_unit = "0/0/";

/// The DROPs of the dirty units `before` made: each before the units it
/// uses (by the references of its statements in `before`), else last made
/// first; or why they cannot be dropped here.
std::variant<std::vector<std::string>, std::string> drop_order(const Built& before,
                                                               const std::set<std::string>& dirty) {
    std::map<std::string, std::vector<std::string>> drop; // unit -> its DROPs
    std::vector<std::string> made;                        // dirty units, in the order made
    std::map<std::string, std::string> given;             // key -> the dirty unit that provides it
    for (const auto& s : before.statements) {
        if (!s.creates || !dirty.contains(s.unit))
            continue;
        if (s.drop.empty())
            return std::string("a changed object is of a kind dropped only with the whole tree "
                               "(an extension, a foreign table, what the administrator owns)");
        if (!drop.contains(s.unit))
            made.push_back(s.unit);
        drop[s.unit].push_back(s.drop);
        given.emplace(s.unit, s.unit);
        for (const auto& key : s.provides)
            given.emplace(key, s.unit);
    }
    std::map<std::string, std::vector<std::string>> uses;
    for (const auto& s : before.statements)
        if (drop.contains(s.unit))
            for (const auto& key : s.references)
                if (auto found = given.find(key); found != given.end() && found->second != s.unit)
                    uses[s.unit].push_back(found->second);
    // Depth first from the last made: a unit's users are dropped before it.
    std::map<std::string, std::vector<std::string>> used_by;
    for (const auto& [unit, used] : uses)
        for (const auto& other : used)
            used_by[other].push_back(unit);
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::function<void(const std::string&)> visit = [&](const std::string& unit) {
        if (!seen.insert(unit).second)
            return;
        for (const auto& user : used_by[unit])
            visit(user);
        const auto& drops = drop.at(unit);
        out.insert(out.end(), drops.rbegin(), drops.rend());
    };
    for (auto unit = made.rbegin(); unit != made.rend(); ++unit)
        visit(*unit);
    return out;
}

} // namespace

Built Built::of(const load::Tree& tree) {
    Built built;
    std::string stubs;
    for (const auto& s : tree.statements) {
        if (s.external) {
            stubs += statement_id(s) + "\n";
            continue;
        }
        Statement entry;
        entry.id = statement_id(s);
        auto unit = unit_of(s);
        if (unit)
            entry.unit = key_text(*unit);
        // GRANT USAGE ON SCHEMA a, b ties the schemas; a grant on a table
        // does not tie its schema.
        const bool unit_is_schema = unit && unit->kind == Kind::Schema;
        entry.creates = s.creates.has_value();
        if (entry.creates)
            entry.drop = drop_of(s);
        // COMMENT ON, GRANT: what else it names is tied to its unit (GRANT
        // ... ON a, b changes both, in its place among their statements:
        // both are made again, or neither).
        entry.tied = !s.creates && !s.alters && !entry.unit.empty();
        for (const auto& key : s.provides)
            entry.provides.push_back(key_text(key));
        for (const auto& key : s.references)
            if (!entry.tied || key.kind != Kind::Schema || unit_is_schema)
                entry.references.push_back(key_text(key));
        entry.blocks = s.runs && (entry.unit.empty() || changes_later_ones(s));
        built.statements.push_back(std::move(entry));
    }
    built.stubs = runtime::sha256_hex(stubs);
    return built;
}

std::string Built::serialize() const {
    std::string out;
    put(out, k_format);
    put(out, stubs);
    put(out, std::to_string(statements.size()));
    for (const auto& s : statements) {
        put(out, s.id);
        put(out, s.unit);
        put(out, s.creates ? "c" : "");
        put(out, s.drop);
        put(out, s.provides);
        put(out, s.references);
        put(out, s.blocks ? "b" : "");
        put(out, s.tied ? "t" : "");
    }
    return out;
}

std::optional<Built> Built::parse(std::string_view text) {
    Reader in(text);
    auto format = in.field();
    auto stubs = in.field();
    auto n = in.count();
    if (!format || *format != k_format || !stubs || !n)
        return std::nullopt;
    Built built;
    built.stubs = std::move(*stubs);
    for (std::size_t i = 0; i < *n; ++i) {
        auto id = in.field();
        auto unit = in.field();
        auto creates = in.field();
        auto drop = in.field();
        auto provides = in.list();
        auto references = in.list();
        auto blocks = in.field();
        auto tied = in.field();
        if (!id || !unit || !creates || !drop || !provides || !references || !blocks || !tied)
            return std::nullopt;
        built.statements.push_back(Statement{
            std::move(*id), std::move(*unit), !creates->empty(), std::move(*drop),
            std::move(*provides), std::move(*references), !blocks->empty(), !tied->empty()});
    }
    if (!in.done())
        return std::nullopt;
    return built;
}

std::variant<Update, std::string> plan_update(const Built& before, const load::Tree& tree) {
    Built after = Built::of(tree);
    if (after.stubs != before.stubs)
        return std::string("the statements marked -- schemac:external changed");
    // Each unit's statements in order, on both sides; the free ones apart.
    using Ids = std::vector<std::string>;
    std::map<std::string, Ids> was, is;
    Ids free_was, free_is;
    bool blocking = false;
    for (const auto& s : before.statements) {
        (s.unit.empty() ? free_was : was[s.unit]).push_back(s.id);
        blocking = blocking || s.blocks;
    }
    for (const auto& s : after.statements) {
        (s.unit.empty() ? free_is : is[s.unit]).push_back(s.id);
        blocking = blocking || s.blocks;
    }
    if (free_was != free_is)
        return std::string("a statement that creates and alters nothing schemac names changed");
    std::set<std::string> dirty;
    for (const auto& [unit, ids] : was)
        if (auto found = is.find(unit); found == is.end() || found->second != ids)
            dirty.insert(unit);
    for (const auto& [unit, ids] : is)
        if (!was.contains(unit))
            dirty.insert(unit);
    Update update;
    if (dirty.empty())
        return update;
    if (blocking)
        return std::string("the tree sets default privileges, runs GRANT ... ON ALL, has an "
                           "event trigger or a DO block, or a statement schemac does not "
                           "attribute to one object");
    // Who uses each unit, on either side: a unit whose statements reference
    // a key a dirty unit creates or provides is dirty too.
    std::map<std::string, std::set<std::string>> providers;
    for (const Built* side : {&before, static_cast<const Built*>(&after)})
        for (const auto& s : side->statements) {
            if (s.unit.empty())
                continue;
            providers[s.unit].insert(s.unit);
            for (const auto& key : s.provides)
                providers[key].insert(s.unit);
        }
    // What a unit's CREATE provides (a serial column's sequence) goes and
    // comes with it: a unit that alters it is tied to that unit.
    std::map<std::string, std::string> made_by;
    for (const Built* side : {&before, static_cast<const Built*>(&after)})
        for (const auto& s : side->statements)
            if (s.creates)
                for (const auto& key : s.provides)
                    made_by.emplace(key, s.unit);
    std::map<std::string, std::set<std::string>> users;
    for (const Built* side : {&before, static_cast<const Built*>(&after)})
        for (const auto& s : side->statements)
            if (auto maker = made_by.find(s.unit);
                maker != made_by.end() && maker->second != s.unit) {
                users[maker->second].insert(s.unit);
                users[s.unit].insert(maker->second);
            }
    for (const Built* side : {&before, static_cast<const Built*>(&after)})
        for (const auto& s : side->statements)
            for (const auto& key : s.references)
                if (auto found = providers.find(key); found != providers.end())
                    for (const auto& unit : found->second)
                        if (unit != s.unit) {
                            users[unit].insert(s.unit);
                            if (s.tied)
                                users[s.unit].insert(unit);
                        }
    std::vector<std::string> pending(dirty.begin(), dirty.end());
    while (!pending.empty()) {
        auto unit = std::move(pending.back());
        pending.pop_back();
        for (const auto& user : users[unit])
            if (dirty.insert(user).second)
                pending.push_back(user);
    }
    // A unit no statement creates, neither a schema nor what a CREATE
    // provides, may be what PostgreSQL made and named for another (a
    // primary key's index, commented): it would go with that one unseen.
    for (const Built* side : {&before, static_cast<const Built*>(&after)}) {
        std::set<std::string> made;
        for (const auto& s : side->statements)
            if (s.creates)
                made.insert(s.unit);
        for (const auto& s : side->statements)
            if (!s.unit.empty() && !s.unit.starts_with(k_schema_unit) && !made.contains(s.unit) &&
                !made_by.contains(s.unit))
                return std::string("a statement alters an object the tree does not create (one "
                                   "PostgreSQL named, an extension's)");
    }
    for (const auto& unit : dirty)
        if (was.contains(unit) && unit.starts_with(k_schema_unit) &&
            std::ranges::none_of(before.statements, [&](const Built::Statement& s) {
                return s.creates && s.unit == unit;
            }))
            return std::string("a changed statement alters a schema the tree does not create");
    // What the database holds of a dirty unit goes, each before what it
    // uses (RESTRICT: a dependency missed fails).
    auto drops = drop_order(before, dirty);
    if (auto* why = std::get_if<std::string>(&drops))
        return *why;
    update.drops = std::move(std::get<std::vector<std::string>>(drops));
    for (std::size_t i = 0; i < tree.statements.size(); ++i) {
        const auto& s = tree.statements[i];
        if (s.external)
            continue;
        if (auto unit = unit_of(s); unit && dirty.contains(key_text(*unit)))
            update.statements.push_back(&s);
    }
    update.dirty = dirty.size();
    return update;
}

std::variant<Update, std::string> update(Server& server, const std::string& db, const Built& before,
                                         const load::Tree& tree) {
    auto planned = plan_update(before, tree);
    auto* update = std::get_if<Update>(&planned);
    if (!update || update->dirty == 0)
        return planned;
    if (auto roles = server.ensure_roles(tree.roles()); !roles)
        return "the roles could not be made: " + roles.error().message;
    if (auto done = run_again(server, db, update->drops, update->statements, tree); !done)
        return "updating the kept database failed (" + done.error().message + ")";
    return planned;
}

} // namespace schemac::shadow
