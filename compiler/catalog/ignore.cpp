#include "catalog/ignore.h"

#include <algorithm>
#include <fnmatch.h>
#include <fstream>
#include <set>

namespace schemac::catalog {
namespace {

std::string trimmed(const std::string& text) {
    auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos)
        return "";
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

bool glob(const std::string& pattern, const std::string& text) {
    return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

/// What a rule's name is matched against.
std::string name_of(const ObjectKey& key) {
    switch (kind_info(key.kind).naming) {
    case Naming::Global:
        return key.name;
    case Naming::Mapping:
        return key.parent + "." + key.name;
    case Naming::Column:
    case Naming::OnTable:
        return key.schema + "." + key.parent + "." + key.name;
    case Naming::InSchema:
    case Naming::Routine:
        break;
    }
    return key.schema + "." + key.name;
}

/// `text` matched literally by fnmatch.
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '*' || c == '?' || c == '[' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

bool known_kind(const std::string& kind) {
    for (const auto& info : k_kind_info)
        if (glob(kind, std::string(info.name)))
            return true;
    return false;
}

/// True when every foreign table that uses `key` (a wrapper, a server or a
/// user mapping) through its servers is inside the scope.
template <class Outside>
bool serves_only(const Catalog& catalog, const ObjectKey& key, const Outside& outside) {
    if (key.kind == Kind::UserMapping)
        return serves_only(catalog, global_key(Kind::Server, key.parent), outside);
    if (key.kind == Kind::ForeignDataWrapper)
        return std::ranges::all_of(catalog.foreign, [&](const auto& entry) {
            const auto& [server, object] = entry;
            return server.kind != Kind::Server || object.wrapper != key.name ||
                   serves_only(catalog, server, outside);
        });
    return std::ranges::none_of(catalog.tables, [&](const auto& entry) {
        return entry.second.server == key.name && outside(entry.first.schema);
    });
}

} // namespace

Result<std::vector<IgnoreRule>> read_ignore_rules(const std::filesystem::path& file) {
    std::vector<IgnoreRule> rules;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return rules;
    std::ifstream lines(file);
    if (!lines)
        return Error(file.string() + ": cannot be read");
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        line = trimmed(line.substr(0, line.find('#')));
        if (line.empty())
            continue;
        auto space = line.find_last_of(" \t");
        std::string at = file.string() + ":" + std::to_string(number) + ": ";
        if (space == std::string::npos)
            return Error(at + "`" + line +
                         "` is no rule: write `kind schema.name`, such as `table public.tmp_*`, "
                         "`schema partman` or `* audit.*`");
        IgnoreRule rule{trimmed(line.substr(0, space)), line.substr(space + 1)};
        if (!known_kind(rule.kind))
            return Error(at + "`" + rule.kind +
                         "` is no kind of object schemac reads (schema, extension, table, view, "
                         "materialized view, sequence, type, domain, function, procedure, "
                         "column, constraint, index, trigger, policy, publication, rule, server, "
                         "event trigger, statistics, or a glob such as *)");
        rules.push_back(std::move(rule));
    }
    return rules;
}

IgnoreRule rule_for(const ObjectKey& key) {
    if (key.kind == Kind::Schema)
        return {"*", escaped(key.name) + ".*"};
    return {escaped(std::string(kind_info(key.kind).name)), escaped(name_of(key))};
}

std::vector<std::string> context_schemas(const std::vector<IgnoreRule>& rules) {
    std::vector<std::string> out;
    for (const auto& rule : rules) {
        if (!glob(rule.kind, "schema"))
            continue;
        if (rule.name.find('.') == std::string::npos)
            out.push_back(rule.name);
        else if (rule.name.ends_with(".*") && rule.name.find('.') == rule.name.size() - 2)
            out.push_back(rule.name.substr(0, rule.name.size() - 2));
    }
    return out;
}

bool ignored(const std::vector<IgnoreRule>& rules, const ObjectKey& key) {
    for (const auto& rule : rules) {
        if (!glob(rule.kind, std::string(kind_info(key.kind).name)))
            continue;
        if (glob(rule.name, name_of(key)))
            return true;
        // `* audit.*`: everything in audit, and audit itself.
        if (key.kind == Kind::Schema && rule.name.ends_with(".*") &&
            glob(rule.name.substr(0, rule.name.size() - 2), key.name))
            return true;
    }
    return false;
}

std::vector<ObjectKey> leave_out_ignored(Catalog& catalog, const std::vector<IgnoreRule>& rules,
                                         const Scope& scope) {
    if (rules.empty() && scope.stubs.empty() && !scope.schemas)
        return {};
    auto outside = [&](const std::string& schema) {
        return scope.schemas && !schema.empty() && !scope.schemas->contains(schema);
    };
    // What the rules leave out goes whatever the scope keeps ("hard"); what
    // lies outside the scope or is stubbed goes unless the scope keeps it.
    std::set<ObjectKey> out;
    struct Whole {
        std::set<std::string> schemas;
        std::set<std::pair<std::string, std::string>> relations;
    } hard, soft;
    for_each_objects(catalog, [&](const auto& objects) {
        for (const auto& [key, object] : objects) {
            bool kept = scope.keep.contains(key);
            bool by_rule = ignored(rules, key);
            bool by_scope =
                ignored(scope.stubs, key) || (key.kind == Kind::Schema && outside(key.name));
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, Extension>)
                by_scope = by_scope || outside(object.schema);
            // An event trigger is the project's when the function it runs is.
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, EventTrigger>)
                by_scope = by_scope || outside(object.function.schema);
            // A publication is the project's when all it names is: one for
            // all tables, or naming nothing yet, is managed only when every
            // schema is (a platform's `supabase_realtime` is context).
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, Publication>)
                by_scope =
                    by_scope ||
                    (scope.schemas &&
                     (object.all_tables || (object.tables.empty() && object.schemas.empty()) ||
                      std::ranges::any_of(object.tables,
                                          [&](const auto& m) { return outside(m.table.schema); }) ||
                      std::ranges::any_of(object.schemas, outside)));
            // A wrapper, server or user mapping is the project's when all
            // that uses it is: the foreign tables of its servers.
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, ForeignObject>)
                by_scope = by_scope || !serves_only(catalog, key, outside);
            if (!by_rule && (kept || !by_scope))
                continue;
            out.insert(key);
            Whole& whole = by_rule ? hard : soft;
            if (key.kind == Kind::Schema)
                whole.schemas.insert(key.name);
            else if (key.kind == Kind::Table || key.kind == Kind::View ||
                     key.kind == Kind::MaterializedView)
                whole.relations.emplace(key.schema, key.name);
        }
    });
    // What goes with them: objects in a left-out schema, parts of a left-out
    // relation.
    auto holds = [](const Whole& whole, const ObjectKey& key, const std::string& table) {
        return whole.schemas.contains(key.schema) ||
               (!key.parent.empty() && whole.relations.contains({key.schema, key.parent})) ||
               (!table.empty() && whole.relations.contains({key.schema, table}));
    };
    for_each_objects(catalog, [&](const auto& objects) {
        for (const auto& [key, object] : objects) {
            std::string table;
            if constexpr (std::is_same_v<std::decay_t<decltype(object)>, Index>)
                table = object.table;
            if (holds(hard, key, table) ||
                ((holds(soft, key, table) || outside(key.schema)) && !scope.keep.contains(key)))
                out.insert(key);
        }
    });
    // What depends on them automatically, until nothing more does.
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& d : catalog.dependencies)
            if (d.type != DependencyType::Normal && out.contains(d.referenced) &&
                catalog.contains(d.dependent) && !scope.keep.contains(d.dependent))
                grew = out.insert(d.dependent).second || grew;
    }

    // A foreign key left out that references a table kept: the plan may
    // not drop that table (PostgreSQL would refuse, the key being there).
    for (const auto& [key, constraint] : catalog.constraints)
        if (out.contains(key) && constraint.references && !out.contains(*constraint.references) &&
            catalog.tables.contains(*constraint.references))
            catalog.used_by_unmanaged.emplace(*constraint.references,
                                              describe(key) + " (context, left alone)");

    std::vector<ObjectKey> left;
    for_each_objects(catalog, [&](auto& objects) {
        std::erase_if(objects, [&](const auto& entry) {
            if (!out.contains(entry.first))
                return false;
            left.push_back(entry.first);
            return true;
        });
    });
    std::ranges::sort(left);
    std::erase_if(catalog.privileges, [&](const Privilege& p) { return out.contains(p.object); });
    // Default privileges in a left-out schema go with it.
    std::erase_if(catalog.default_privileges, [&](const DefaultPrivilege& p) {
        return !p.schema.empty() && (hard.schemas.contains(p.schema) ||
                                     soft.schemas.contains(p.schema) || outside(p.schema));
    });
    for (const auto& d : catalog.dependencies) {
        if (out.contains(d.referenced) && !out.contains(d.dependent))
            catalog.context_used.insert(d.referenced);
        else if (out.contains(d.dependent) && !out.contains(d.referenced))
            catalog.context_used.insert(d.dependent);
    }
    std::erase_if(catalog.dependencies, [&](const Dependency& d) {
        return out.contains(d.dependent) || out.contains(d.referenced);
    });
    return left;
}

} // namespace schemac::catalog
