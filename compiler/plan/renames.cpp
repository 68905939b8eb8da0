#include "plan/renames.h"

#include "load/rename.h"

#include <algorithm>
#include <map>
#include <set>

namespace schemac::plan {
namespace {

using catalog::Kind;
using catalog::ObjectKey;

/// When a rename runs: schemas, then what a schema holds, then what a table
/// or type holds (by then under its new name).
int level(const diff::Rename& r) {
    if (r.object.kind == Kind::Schema)
        return 0;
    if (r.enum_value || r.object.kind == Kind::Column || r.object.kind == Kind::Constraint)
        return 2;
    return 1;
}

bool has_value(const catalog::Catalog& c, const ObjectKey& type, const std::string& value) {
    auto found = c.enums.find(type);
    return found != c.enums.end() &&
           std::ranges::find(found->second.values, value) != found->second.values.end();
}

/// Does schema `schema` hold any relation or type in `c`?
bool holds_anything(const catalog::Catalog& c, const std::string& schema) {
    auto in = [&](const auto& map) {
        return std::ranges::any_of(map, [&](const auto& e) { return e.first.schema == schema; });
    };
    return in(c.tables) || in(c.enums) || in(c.sequences);
}

class Resolver {
  public:
    Resolver(const catalog::Catalog& current, const catalog::Catalog& desired)
        : m_current(current), m_desired(desired) {}

    Status add(const load::RenameIntent& intent) {
        diff::Rename r{intent.object,
                       intent.old_name,
                       intent.value.empty() ? intent.object.name : intent.value,
                       !intent.value.empty(),
                       "",
                       {}};
        // The annotated object and its old self, as the current state names them.
        ObjectKey now = in_current(intent.object);
        ObjectKey old = now;
        ObjectKey container;
        bool applied = false, exists = false, container_exists = false;
        if (r.enum_value) {
            applied = has_value(m_current, now, r.to);
            exists = has_value(m_current, now, r.from);
            container = now;
            container_exists = m_current.enums.contains(now);
        } else {
            old.name = r.from;
            applied = m_current.contains(now);
            exists = m_current.contains(old);
            if (level(r) == 0) {
                container_exists = !m_current.tables.empty() || !m_current.enums.empty() ||
                                   !m_current.sequences.empty();
            } else if (level(r) == 1) {
                container_exists = holds_anything(m_current, now.schema);
            } else {
                container = catalog::table_of(now);
                container_exists = m_current.tables.contains(container);
            }
        }
        if (applied || (!exists && !container_exists))
            return Ok{}; // done already, or a fresh database
        if (!exists) {
            std::string what = r.enum_value
                                   ? catalog::describe(container) + " has neither value '" +
                                         r.from + "' nor '" + r.to + "'"
                                   : "neither " + catalog::describe(old) + " nor " +
                                         catalog::describe(now) + " exists";
            return Error{intent.diagnostic(std::string(load::k_renamed_from) + " " +
                                           intent.old_name + ": in the current state " + what +
                                           "; check the old name, or remove the annotation")};
        }
        std::string claim = catalog::describe(old) + (r.enum_value ? " value " + r.from : "");
        if (auto [it, fresh] = m_claimed.emplace(claim, &intent); !fresh) {
            auto first = it->second->file->locate(it->second->offset);
            return Error{intent.diagnostic(
                std::string(load::k_renamed_from) + " " + intent.old_name + ": " + claim +
                " is already renamed at " + first.file + ":" + std::to_string(first.line))};
        }
        if (!r.enum_value && (r.object.kind == Kind::Schema))
            m_schema_old[r.to] = r.from;
        else if (!r.enum_value && (r.object.kind == Kind::Table || r.object.kind == Kind::Enum))
            m_relation_old[r.after()] = r.from;
        else if (!r.enum_value && r.object.kind == Kind::Column)
            m_column_renames[catalog::table_of(r.object)].emplace_back(r.from, r.to);
        r.current = r.enum_value ? now : old;
        m_out.push_back(std::move(r));
        return Ok{};
    }

    /// Default-named constraints, indexes and sequences that follow their
    /// renamed table or column, when the desired state names them so.
    void add_implied() {
        std::set<ObjectKey> tables;
        for (const auto& r : m_out)
            if (!r.enum_value && r.object.kind == Kind::Table)
                tables.insert(r.object);
        for (const auto& [table, renames] : m_column_renames)
            tables.insert(table);
        for (const auto& table : tables)
            add_implied(table);
    }

    std::vector<diff::Rename> take() {
        std::ranges::stable_sort(m_out, [](const diff::Rename& a, const diff::Rename& b) {
            return std::make_tuple(level(a), a.after(), a.to) <
                   std::make_tuple(level(b), b.after(), b.to);
        });
        return std::move(m_out);
    }

  private:
    /// `key` (a desired key) with the schema and table it has in the current state.
    ObjectKey in_current(ObjectKey key) const {
        if (key.kind == Kind::Schema)
            return key;
        if (!key.parent.empty()) {
            auto parent = m_relation_old.find(catalog::table_of(key));
            if (parent != m_relation_old.end())
                key.parent = parent->second;
        } else if (auto self = m_relation_old.find(key); self != m_relation_old.end()) {
            key.name = self->second;
        }
        if (auto schema = m_schema_old.find(key.schema); schema != m_schema_old.end())
            key.schema = schema->second;
        return key;
    }

    /// `name` as it reads once its table and columns have their new names.
    std::string follow(const std::string& name, const std::string& old_table,
                       const std::string& new_table,
                       const std::vector<std::pair<std::string, std::string>>& columns) const {
        std::string out = name;
        std::size_t rest = 0;
        if (out.starts_with(old_table + "_")) {
            out = new_table + out.substr(old_table.size());
            rest = new_table.size();
        }
        for (const auto& [from, to] : columns) {
            auto at = out.find("_" + from + "_", rest);
            if (at != std::string::npos)
                out.replace(at + 1, from.size(), to);
        }
        return out;
    }

    void add_implied(const ObjectKey& table) {
        ObjectKey now = in_current(table);
        auto columns = m_column_renames[table];
        std::vector<std::pair<ObjectKey, ObjectKey>> candidates; // current key, desired key
        auto consider = [&](ObjectKey current_key, std::string parent) {
            std::string name = follow(current_key.name, now.name, table.name, columns);
            if (name == current_key.name)
                return;
            ObjectKey desired_key = current_key;
            desired_key.schema = table.schema;
            desired_key.parent = std::move(parent);
            desired_key.name = name;
            candidates.emplace_back(current_key, desired_key);
        };
        for (const auto& [key, constraint] : m_current.constraints)
            if (catalog::table_of(key) == now)
                consider(key, table.name);
        for (const auto& [key, index] : m_current.indexes)
            if (key.schema == now.schema && index.table == now.name)
                consider(key, "");
        for (const auto& [key, sequence] : m_current.sequences)
            if (sequence.owned_by && catalog::table_of(*sequence.owned_by) == now)
                consider(key, "");
        for (const auto& [current_key, desired_key] : candidates) {
            ObjectKey old_in_desired = desired_key;
            old_in_desired.name = current_key.name;
            ObjectKey new_in_current = current_key;
            new_in_current.name = desired_key.name;
            if (!m_desired.contains(desired_key) || m_desired.contains(old_in_desired) ||
                m_current.contains(new_in_current) ||
                m_claimed.contains(catalog::describe(current_key)))
                continue;
            if (desired_key.kind == Kind::Index &&
                m_desired.indexes.at(desired_key).table != table.name)
                continue;
            m_out.push_back({desired_key, current_key.name, desired_key.name, false,
                             catalog::describe(table), current_key});
        }
    }

    const catalog::Catalog& m_current;
    const catalog::Catalog& m_desired;
    std::map<std::string, std::string> m_schema_old; ///< desired schema name → current
    std::map<ObjectKey, std::string> m_relation_old; ///< desired table or type → current name
    std::map<ObjectKey, std::vector<std::pair<std::string, std::string>>> m_column_renames;
    std::map<std::string, const load::RenameIntent*> m_claimed; ///< old objects renamed
    std::vector<diff::Rename> m_out;
};

} // namespace

Result<std::vector<diff::Rename>> resolve_renames(const std::vector<load::RenameIntent>& intents,
                                                  const catalog::Catalog& current,
                                                  const catalog::Catalog& desired) {
    // Parents first: a column's table must be mapped before the column.
    std::vector<const load::RenameIntent*> ordered;
    for (const auto& intent : intents)
        ordered.push_back(&intent);
    auto rank = [](const load::RenameIntent* i) {
        return level({i->object, "", "", !i->value.empty(), "", {}});
    };
    std::ranges::stable_sort(ordered, {}, rank);
    Resolver resolver(current, desired);
    for (const auto* intent : ordered)
        if (auto added = resolver.add(*intent); !added)
            return added.error();
    resolver.add_implied();
    return resolver.take();
}

std::vector<diff::Relocation> resolve_relocations(const catalog::Catalog& current,
                                                  const catalog::Catalog& desired,
                                                  const std::vector<diff::Rename>& renames) {
    auto renamed = [&](const std::string& schema) {
        for (const auto& r : renames)
            if (r.object.kind == Kind::Schema && r.from == schema)
                return r.to;
        return schema;
    };
    std::set<std::string> made;
    std::vector<diff::Relocation> out;
    for (const auto& [key, extension] : current.extensions) {
        auto wanted = desired.extensions.find(key);
        if (wanted == desired.extensions.end() || !extension.relocatable)
            continue;
        std::string from = renamed(extension.schema);
        const std::string& to = wanted->second.schema;
        if (from == to)
            continue;
        // In the scope, or left alone as context (a platform's `extensions`).
        bool exists = std::ranges::any_of(
                          current.schemas,
                          [&](const auto& schema) { return renamed(schema.first.name) == to; }) ||
                      std::ranges::find(current.left_alone, catalog::schema_key(to)) !=
                          current.left_alone.end();
        out.push_back({key.name, from, to, !exists && made.insert(to).second});
    }
    return out;
}

} // namespace schemac::plan
