#include "plan/rows.h"

#include "catalog/quote.h"

#include <algorithm>
#include <functional>
#include <regex>
#include <set>

namespace schemac::plan {
namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : ", ") + part;
    return out;
}

using catalog::Catalog;
using catalog::ObjectKey;

/// The names of the first parenthesized list at or after `from` in a
/// constraint's definition, unquoted; `from` moves past its `)`.
std::vector<std::string> names_in_parentheses(const std::string& text, std::size_t& from) {
    std::vector<std::string> out;
    bool quoted = false, inside = false;
    for (; from < text.size(); ++from) {
        char c = text[from];
        if (c == '"' && quoted && from + 1 < text.size() && text[from + 1] == '"') {
            if (inside)
                out.back() += '"';
            ++from;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (quoted) {
            if (inside)
                out.back() += c;
        } else if (c == '(' && !inside) {
            inside = true;
            out.emplace_back();
        } else if (c == ')' && inside) {
            ++from;
            break;
        } else if (c == ',' && inside) {
            out.emplace_back();
        } else if (inside && c != ' ') {
            out.back() += c;
        }
    }
    return out;
}

/// A foreign key as seeding needs it: its columns, and those they reference.
struct ForeignKey {
    ObjectKey references;
    std::vector<std::string> columns, referenced;
};

std::vector<ForeignKey> foreign_keys_of(const Catalog& catalog, const ObjectKey& table) {
    std::vector<ForeignKey> out;
    for (const auto* constraint : catalog.constraints_of(table)) {
        if (constraint->type != catalog::ConstraintType::ForeignKey || !constraint->references)
            continue;
        const std::string& text = constraint->definition;
        std::size_t at = 0;
        ForeignKey key{*constraint->references, names_in_parentheses(text, at), {}};
        at = text.find(" REFERENCES ", at);
        if (at == std::string::npos)
            continue;
        at += 12;
        // The referenced table's name may hold a parenthesis only quoted.
        key.referenced = names_in_parentheses(text, at);
        if (key.columns.size() == key.referenced.size())
            out.push_back(std::move(key));
    }
    return out;
}

/// The type's name without its modifier: `character varying`, `timestamp
/// with time zone`, `numeric`.
std::string bare_type(const std::string& type) {
    static const std::regex modifier(R"(\([0-9, ]*\))");
    return std::regex_replace(type, modifier, "");
}

/// How text is made from the row's number: each try of seeding a table
/// takes the next, for the checks the last one failed.
enum class Text {
    Number, ///< `1`
    Slug,   ///< `seed-1-abcdefghijklmnopqrstuvwxyz-0123456789`: a pattern of
            ///< lowercase letters, digits and dashes, a minimum length
    Email,  ///< `user1@example.com`
};
constexpr Text k_texts[] = {Text::Number, Text::Slug, Text::Email};

std::string text_value(Text text) {
    switch (text) {
    case Text::Number:
        return "seed.i::text";
    case Text::Slug:
        return "'seed-' || seed.i || '-abcdefghijklmnopqrstuvwxyz-0123456789'";
    case Text::Email:
        return "'user' || seed.i || '@example.com'";
    }
    return "seed.i::text";
}

/// The values a CHECK on `column` alone allows by listing them (`status IN
/// ('draft', 'sent')`, which PostgreSQL prints `((status = ANY
/// (ARRAY['draft'::text, ...])))`), as literals; none for another check.
std::vector<std::string> listed_values(const Catalog& catalog, const ObjectKey& table,
                                       const std::string& column) {
    std::string name = catalog::quote_ident(column);
    for (const auto* constraint : catalog.constraints_of(table)) {
        const std::string& check = constraint->definition;
        if (constraint->type != catalog::ConstraintType::Check ||
            !(check.starts_with("CHECK ((" + name + " = ") ||
              check.starts_with("CHECK (((" + name + ")::text = ")))
            continue;
        std::vector<std::string> out;
        for (std::size_t at = check.find('\''); at != std::string::npos;
             at = check.find('\'', at)) {
            std::size_t end = at + 1;
            while (end < check.size() &&
                   (check[end] != '\'' || (end + 1 < check.size() && check[end + 1] == '\'')))
                end += check[end] == '\'' ? 2 : 1;
            out.push_back(check.substr(at, end + 1 - at));
            at = end + 1;
        }
        if (!out.empty())
            return out;
    }
    return {};
}

/// A value of `type` (format_type's spelling) made from the row's number
/// `seed.i`, distinct per row where the type allows; nullopt when no value
/// of it is known. Text is written `text` (see Text).
std::optional<std::string> value_of(const Catalog& catalog, const std::string& type, Text text) {
    if (type.ends_with("[]"))
        return "'{}'::" + type;
    for (const auto& [key, domain] : catalog.domains)
        if (catalog::qualified_name(key) == type) {
            auto base = value_of(catalog, domain.base_type, text);
            return base ? std::optional("(" + *base + ")::" + type) : std::nullopt;
        }
    for (const auto& [key, enumeration] : catalog.enums)
        if (catalog::qualified_name(key) == type && !enumeration.values.empty())
            return "(enum_range(NULL::" + type + "))[1 + (seed.i - 1) % " +
                   std::to_string(enumeration.values.size()) + "]";
    static const std::set<std::string> numbers = {
        "smallint", "integer", "bigint", "numeric", "real", "double precision", "money", "oid"};
    static const std::set<std::string> texts = {"text", "character varying", "character",
                                                "name", "\"char\"",          "xml"};
    std::string bare = bare_type(type);
    if (numbers.contains(bare))
        return "seed.i::" + type;
    if (texts.contains(bare) || bare.ends_with("citext"))
        return "(" + text_value(text) + ")::" + type;
    if (bare == "boolean")
        return "(seed.i % 2 = 1)";
    if (bare == "date" || bare.starts_with("timestamp") || bare.starts_with("time "))
        return "(TIMESTAMP '2000-01-01' + seed.i * INTERVAL '1 day 1 minute')::" + type;
    if (bare == "interval")
        return "(seed.i * INTERVAL '1 day')::" + type;
    if (bare == "uuid")
        return "md5(seed.i::text)::uuid";
    if (bare == "json" || bare == "jsonb")
        return "json_build_object('n', seed.i)::" + type;
    if (bare == "bytea")
        return "convert_to(seed.i::text, 'UTF8')";
    if (bare == "inet" || bare == "cidr")
        return "('10.0.0.' || seed.i)::" + type;
    return std::nullopt;
}

/// Whether an INSERT or UPDATE rule rewrites writes to `table`.
bool has_write_rule(const Catalog& current, const ObjectKey& table) {
    return std::ranges::any_of(current.rules, [&](const auto& entry) {
        const auto& [key, rule] = entry;
        return catalog::table_of(key) == table &&
               (rule.definition.find(" AS\n    ON INSERT TO ") != std::string::npos ||
                rule.definition.find(" AS\n    ON UPDATE TO ") != std::string::npos);
    });
}

/// `insert` into the context table `table` with its enabled triggers
/// disabled around it, in one transaction: a trigger of the tree on a
/// platform's table (a sign-up copying `auth.users` into `profiles`) may
/// need columns the stand-in rows leave empty. The triggers are enabled
/// again by name, so the catalog ends as it began. Rolled back on error.
Result<runtime::Rows> insert_without_triggers(runtime::Connection& conn, const ObjectKey& table,
                                              const std::string& insert) {
    auto run = [&]() -> Result<runtime::Rows> {
        std::string name = catalog::qualified_name(table);
        auto triggers =
            conn.exec("SELECT tgname FROM pg_catalog.pg_trigger WHERE tgrelid = $1::regclass "
                      "AND NOT tgisinternal AND tgenabled = 'O' ORDER BY tgname",
                      {name});
        if (!triggers)
            return triggers.error();
        std::string off, on;
        for (const auto& row : *triggers) {
            std::string trigger = catalog::quote_ident(row.text("tgname"));
            off += "ALTER TABLE " + name + " DISABLE TRIGGER " + trigger + "; ";
            on += "; ALTER TABLE " + name + " ENABLE TRIGGER " + trigger;
        }
        return conn.exec(off + insert + on);
    };
    if (auto begun = conn.exec("BEGIN"); !begun)
        return begun;
    auto done = run();
    if (auto ended = conn.exec(done ? "COMMIT" : "ROLLBACK"); done && !ended)
        return ended;
    return done;
}

} // namespace

std::vector<ObjectKey> tables_to_seed(const Catalog& current,
                                      const std::vector<steps::Step>& forward,
                                      const std::set<std::string>& empty) {
    auto root_of = [&](ObjectKey key) {
        for (auto table = current.tables.find(key);
             table != current.tables.end() && table->second.partition_of;
             table = current.tables.find(key))
            key = *table->second.partition_of;
        return key;
    };
    auto seedable = [&](const ObjectKey& key) {
        auto table = current.tables.find(key);
        return table != current.tables.end() && !table->second.server &&
               !empty.contains(catalog::qualified_name(key));
    };
    std::set<ObjectKey> touched;
    for (const auto& step : forward)
        for (const auto& lock : step.locks)
            if (auto root = root_of(lock.table); seedable(root))
                touched.insert(root);
    // Referenced tables first: a row of theirs is what a foreign key takes.
    std::vector<ObjectKey> out;
    std::set<ObjectKey> visited;
    std::function<void(const ObjectKey&)> visit = [&](const ObjectKey& table) {
        if (!visited.insert(table).second)
            return;
        for (const auto& key : foreign_keys_of(current, table))
            if (auto root = root_of(key.references); seedable(root))
                visit(root);
        out.push_back(table);
    };
    std::ranges::for_each(touched, visit);
    return out;
}

std::string seed_insert(const Catalog& current, const ObjectKey& table, int attempt) {
    using catalog::quote_ident;
    std::vector<std::string> names, values, joins;
    std::map<std::string, std::string> from_reference; // column -> value
    int n = 0;
    for (const auto& key : foreign_keys_of(current, table)) {
        if (key.references == table) { // its own rows: none yet
            for (const auto& column : key.columns)
                from_reference.try_emplace(column, "NULL");
            continue;
        }
        std::string alias = "r" + std::to_string(++n);
        std::string list;
        for (std::size_t i = 0; i < key.columns.size(); ++i) {
            list += (i ? ", " : "") + quote_ident(key.referenced[i]) + " AS c" + std::to_string(i);
            from_reference.try_emplace(key.columns[i], alias + ".c" + std::to_string(i));
        }
        joins.push_back(" LEFT JOIN LATERAL (SELECT " + list + " FROM " +
                        catalog::qualified_name(key.references) +
                        " ORDER BY 1 OFFSET (seed.i - 1) LIMIT 1) AS " + alias + " ON true");
    }
    for (const auto* column : current.columns_of(table)) {
        if (column->generated_expr || column->identity != catalog::Identity::None ||
            column->default_expr)
            continue;
        const std::string& name = column->key.name;
        std::optional<std::string> value;
        if (auto reference = from_reference.find(name); reference != from_reference.end())
            value = reference->second;
        else if (auto listed = listed_values(current, table, name); !listed.empty())
            value = "(ARRAY[" + join(listed) + "])[1 + (seed.i - 1) % " +
                    std::to_string(listed.size()) + "]::" + column->type;
        else
            value = value_of(current, column->type,
                             k_texts[std::clamp(attempt, 0, int(std::size(k_texts)) - 1)]);
        if (!value && column->not_null)
            value = "seed.i::text::" + column->type; // the server's input function decides
        if (!value)
            continue;
        names.push_back(quote_ident(name));
        values.push_back(*value);
    }
    std::string out = "INSERT INTO " + catalog::qualified_name(table);
    if (!names.empty()) {
        out += " (";
        for (std::size_t i = 0; i < names.size(); ++i)
            out += (i ? ", " : "") + names[i];
        out += ")";
    }
    out += " SELECT ";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + values[i];
    out += " FROM generate_series(1, " + std::to_string(k_seed_rows) + ") AS seed(i)";
    for (const auto& join : joins)
        out += join;
    // A row a trigger already made (a platform's sign-up copying its users
    // into the tree's table) is not made twice; PostgreSQL refuses ON
    // CONFLICT on a table an INSERT or UPDATE rule rewrites.
    return has_write_rule(current, table) ? out : out + " ON CONFLICT DO NOTHING";
}

std::vector<std::pair<ObjectKey, std::string>>
context_seed_inserts(const Catalog& current, const std::vector<ObjectKey>& tables) {
    std::set<std::pair<ObjectKey, std::string>> out;
    for (const auto& table : tables) {
        auto columns = current.columns_of(table);
        for (const auto& key : foreign_keys_of(current, table)) {
            if (current.tables.contains(key.references))
                continue;
            std::string names, values;
            bool complete = true;
            for (std::size_t i = 0; i < key.columns.size(); ++i) {
                auto column = std::ranges::find(columns, key.columns[i],
                                                [](const auto* c) { return c->key.name; });
                complete = column != columns.end();
                if (!complete)
                    break;
                const std::string& type = (*column)->type;
                auto value = value_of(current, type, Text::Number);
                names += (i ? ", " : "") + catalog::quote_ident(key.referenced[i]);
                values += (i ? ", " : "") + value.value_or("seed.i::text::" + type);
            }
            if (complete)
                out.emplace(key.references,
                            "INSERT INTO " + catalog::qualified_name(key.references) + " (" +
                                names + ") SELECT " + values + " FROM generate_series(1, " +
                                std::to_string(k_seed_rows) +
                                ") AS seed(i) ON CONFLICT DO NOTHING");
        }
    }
    return {out.begin(), out.end()};
}

Result<Seeded> seed(runtime::Connection& conn, const Catalog& current,
                    const std::vector<ObjectKey>& tables) {
    Seeded out;
    // The referenced rows come first; a context table that takes no such
    // row (a column of its own without a default) leaves the tables
    // referencing it unseeded, named by the warning.
    for (const auto& [table, insert] : context_seed_inserts(current, tables)) {
        auto inserted = conn.exec(insert);
        if (!inserted && inserted.error().server)
            inserted = insert_without_triggers(conn, table, insert);
        if (!inserted && !inserted.error().server)
            return inserted.error();
    }
    for (const auto& table : tables) {
        auto inserted = conn.exec(seed_insert(current, table, 0));
        for (int attempt = 1; !inserted && inserted.error().server && attempt < k_seed_attempts;
             ++attempt)
            inserted = conn.exec(seed_insert(current, table, attempt));
        if (!inserted && !inserted.error().server)
            return inserted.error();
        if (!inserted)
            out.unseeded[table] = inserted.error().message;
    }
    std::vector<ObjectKey> seeded;
    std::ranges::copy_if(tables, std::back_inserter(seeded),
                         [&](const ObjectKey& table) { return !out.unseeded.contains(table); });
    auto counts = count_rows(conn, seeded);
    if (!counts)
        return counts.error();
    out.rows = std::move(*counts);
    return out;
}

Result<std::map<ObjectKey, long long>> count_rows(runtime::Connection& conn,
                                                  const std::vector<ObjectKey>& tables) {
    std::map<ObjectKey, long long> out;
    if (tables.empty())
        return out;
    std::string sql;
    for (std::size_t i = 0; i < tables.size(); ++i)
        sql += std::string(i ? ", " : "SELECT ") + "(SELECT count(*) FROM " +
               catalog::qualified_name(tables[i]) + ") AS n" + std::to_string(i);
    auto rows = conn.exec(sql);
    if (!rows)
        return rows.error();
    for (std::size_t i = 0; i < tables.size(); ++i)
        out[tables[i]] = std::stoll((*rows)[0].text("n" + std::to_string(i)));
    return out;
}

} // namespace schemac::plan
