// Tables and columns, and what the builders of constraints and indexes share.

#include "steps/builders.h"
#include "steps/sequence_options.h"

#include "catalog/printed.h"
#include "catalog/quote.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <ranges>

namespace schemac::steps {
using catalog::Identity;
using catalog::ObjectKey;
using catalog::quote_ident;
using catalog::quote_qualified;

ObjectKey detached(ObjectKey table) {
    return catalog::facet_of(std::move(table), catalog::Facet::Detached);
}

ObjectKey joined(ObjectKey table) {
    return catalog::facet_of(std::move(table), catalog::Facet::Joined);
}

std::string alter_table(const ObjectKey& key, bool only) {
    const std::string& table = key.kind == catalog::Kind::Table ? key.name : key.parent;
    return std::string(only ? "ALTER TABLE ONLY " : "ALTER TABLE ") +
           quote_qualified(key.schema, table) + " ";
}

std::vector<ObjectKey> parts_dropped_with(const ObjectKey& key, const ObjectKey& table,
                                          const Context& context) {
    std::vector<ObjectKey> parts;
    auto t = context.from.tables.find(table);
    if (t == context.from.tables.end() || !t->second.partition_by)
        return parts;
    for (const auto& dep : context.from.dependencies) {
        if (dep.referenced != key || !context.from.inherited(dep.dependent))
            continue;
        ObjectKey partition =
            dep.dependent.kind == catalog::Kind::Index
                ? catalog::relation_key(catalog::Kind::Table, dep.dependent.schema,
                                        context.from.indexes.at(dep.dependent).table)
                : catalog::table_of(dep.dependent);
        auto after = context.to.tables.find(partition);
        if (after != context.to.tables.end() && after->second.partition_of == table)
            parts.push_back(dep.dependent);
    }
    return parts;
}

/// What a partition or an inheritance child held as its parent's changes
/// only once it is detached (NO INHERIT).
void after_detach(Step& step, const ObjectKey& table, const Context& context) {
    if (auto t = context.from.tables.find(table);
        t != context.from.tables.end() && (t->second.partition_of || !t->second.inherits.empty()))
        step.needs.push_back(detached(table));
}

std::vector<ObjectKey> inheritors(const ObjectKey& table, const Context& context, Step* step) {
    auto inherits = [](const catalog::Table& t, const ObjectKey& parent) {
        return std::ranges::find(t.inherits, parent) != t.inherits.end();
    };
    std::vector<ObjectKey> out;
    std::set<ObjectKey> seen{table};
    std::vector<ObjectKey> todo{table};
    while (!todo.empty()) {
        ObjectKey parent = todo.back();
        todo.pop_back();
        for (const auto& [key, t] : context.from.tables) {
            if (!inherits(t, parent) || !seen.insert(key).second)
                continue;
            // One that leaves the parent does so first (NO INHERIT): the
            // change no longer reaches it.
            if (auto after = context.to.tables.find(key);
                after != context.to.tables.end() && !inherits(after->second, parent)) {
                if (step)
                    step->needs.push_back(detached(key));
                continue;
            }
            out.push_back(key);
            todo.push_back(key);
        }
    }
    return out;
}

void lock_inheritors(Step& step, const ObjectKey& table, LockMode mode, const Context& context) {
    for (const auto& child : inheritors(table, context, &step))
        step.lock(child, mode);
}

/// Adding a foreign key takes SHARE ROW EXCLUSIVE on both tables; dropping
/// one removes its triggers from both, under ACCESS EXCLUSIVE.
void lock_referenced(Step& step, const catalog::Constraint& c, LockMode mode) {
    if (c.type == catalog::ConstraintType::ForeignKey && c.references)
        step.lock(*c.references, mode);
}

/// A lock held on an existing table through a build or a scan of it.
Hazard long_lock(LockMode mode, const ObjectKey& table, const std::string& what) {
    return {HazardKind::LongLock,
            "holds " + std::string(lock_name(mode)) + " on " + catalog::qualified_name(table) +
                " " + what,
            table};
}

Hazard needs_data(const std::string& rows, std::optional<ObjectKey> table) {
    return {HazardKind::NeedsData,
            rows + " make it fail: change them first, in the data phase (`schemac diff --write "
                   "NAME --data FILE`)",
            std::move(table)};
}

Hazard concurrent_build(const ObjectKey& index, const ObjectKey& table) {
    return {HazardKind::IndexBuild,
            "builds index " + catalog::qualified_name(index) +
                " concurrently on the existing table " + catalog::qualified_name(table) +
                ": writes go on; the build scans the table twice and waits for "
                "the transactions running on it"};
}

/// The foreign keys a drop takes with it lock their referenced tables too.
void lock_implied(Step& step, const std::vector<ObjectKey>& implied, const Context& context) {
    for (const auto& key : implied)
        if (auto found = context.from.constraints.find(key);
            found != context.from.constraints.end())
            lock_referenced(step, found->second, LockMode::AccessExclusive);
}

namespace {

/// ALTER COLUMN TYPE of a referenced column rebuilds each foreign key over
/// it that it carries (one that stays as it is, its own columns keeping
/// their type), under ACCESS EXCLUSIVE on the referencing table.
void lock_carried_foreign_keys(Step& step, const catalog::Column& column, const Context& context) {
    auto retyped = [&](const ObjectKey& key) {
        auto from = context.from.columns.find(key);
        auto to = context.to.columns.find(key);
        return from != context.from.columns.end() && to != context.to.columns.end() &&
               from->second.type != to->second.type;
    };
    ObjectKey table = catalog::table_of(column.key);
    for (const auto& [key, fk] : context.from.constraints) {
        auto after = context.to.constraints.find(key);
        if (fk.type != catalog::ConstraintType::ForeignKey || fk.references != table ||
            after == context.to.constraints.end() || after->second.definition != fk.definition)
            continue;
        bool over_column = false, own_retyped = false;
        for (const auto& dep : context.from.dependencies_of(key)) {
            over_column = over_column || dep.referenced == column.key;
            own_retyped =
                own_retyped || (catalog::table_of(dep.referenced) == catalog::table_of(key) &&
                                retyped(dep.referenced));
        }
        if (over_column && !own_retyped)
            step.lock(catalog::table_of(key), LockMode::AccessExclusive);
    }
}

} // namespace

std::string constraint_clause(const catalog::Constraint& c) {
    return "CONSTRAINT " + quote_ident(c.key.name) + " " +
           (c.written.empty() ? catalog::pin_array_casts(c.definition) : c.written);
}

namespace {

/// SET NOT NULL without holding ACCESS EXCLUSIVE through a full scan: a
/// CHECK (col IS NOT NULL) added NOT VALID, validated in its own transaction
/// (SHARE UPDATE EXCLUSIVE), which lets SET NOT NULL skip the scan; then the
/// check goes.
Steps not_null_online(const catalog::Column& column) {
    ObjectKey table = catalog::table_of(column.key);
    ObjectKey check =
        catalog::child_key(catalog::Kind::Constraint, column.key.schema, column.key.parent,
                           temporary_name(column.key.name, "_schemac_not_null"));
    std::string alter = alter_table(column.key);
    std::string name = quote_ident(check.name);
    Step add = make_step(column.key, Action::Alter,
                         alter + "ADD CONSTRAINT " + name + " CHECK (" +
                             quote_ident(column.key.name) + " IS NOT NULL) NOT VALID");
    add.detail = "NOT NULL, online: a NOT VALID check";
    add.lock(table, LockMode::AccessExclusive);
    add.provides.push_back(check);
    Step validate = make_step(column.key, Action::Alter, alter + "VALIDATE CONSTRAINT " + name);
    validate.detail = "NOT NULL, online: validate the check";
    validate.lock(table, LockMode::ShareUpdateExclusive);
    validate.transactional = false;
    validate.checks_rows = true;
    validate.hazards.push_back(needs_data("rows of " + catalog::qualified_name(table) + " where " +
                                              column.key.name + " is NULL",
                                          table));
    validate.modifies.push_back(check);
    Step set = make_step(column.key, Action::Alter,
                         alter + "ALTER COLUMN " + quote_ident(column.key.name) + " SET NOT NULL");
    set.statements.push_back(alter + "DROP CONSTRAINT " + name);
    set.detail = "NOT NULL, online: set it without a scan, drop the check";
    set.lock(table, LockMode::AccessExclusive);
    set.checks_rows = true; // not a scan, but after the validation it relies on
    set.needs.push_back(check);
    set.modifies.push_back(column.key);
    return {add, validate, set};
}

std::string identity_clause(const catalog::Column& c) {
    std::string clauses = joined(creation_clauses(c.identity_options, false), " ");
    // The name PostgreSQL would choose is left to it; another one is kept.
    ObjectKey table = catalog::table_of(c.key);
    if (!c.identity_sequence.empty() &&
        c.identity_sequence != table.name + "_" + c.key.name + "_seq")
        clauses = " SEQUENCE NAME " + quote_qualified(table.schema, c.identity_sequence) + clauses;
    if (!clauses.empty())
        clauses.erase(0, 1);
    return std::string(c.identity == Identity::Always ? "GENERATED ALWAYS"
                                                      : "GENERATED BY DEFAULT") +
           " AS IDENTITY" + (clauses.empty() ? "" : " (" + clauses + ")");
}

/// `from`'s and `to`'s base types, as arrays convert them: element by element.
std::pair<std::string, std::string> elements(const catalog::Column& from,
                                             const catalog::Column& to) {
    std::string source = from.base_type;
    std::string target = to.base_type;
    if (source.ends_with("[]") && target.ends_with("[]")) {
        source.resize(source.size() - 2);
        target.resize(target.size() - 2);
    }
    return {source, target};
}

/// How ALTER COLUMN TYPE converts a column's values.
enum class Conversion {
    Implicit,    ///< the same type with another modifier, or binary coercible: no USING
    Cast,        ///< USING column::type: a cast PostgreSQL has
    ThroughText, ///< USING column::text::type: there is none (one enum to another)
};

Conversion conversion(const catalog::Column& from, const catalog::Column& to,
                      const catalog::Casts& casts) {
    if (from.base_type == to.base_type || casts.binary.contains({from.base_type, to.base_type}))
        return Conversion::Implicit;
    // Arrays convert element by element; a domain as its base type does.
    auto [source, target] = elements(from, to);
    auto base = [&](std::string type) {
        for (auto d = casts.domains.find(type); d != casts.domains.end();
             d = casts.domains.find(type))
            type = d->second;
        return type;
    };
    source = base(source);
    target = base(target);
    bool castable = source == target || casts.declared.contains({source, target}) ||
                    casts.strings.contains(source) || casts.strings.contains(target);
    return castable ? Conversion::Cast : Conversion::ThroughText;
}

/// The numbers of a type's modifier: (12, 2) of `numeric(12,2)`, none of `text`.
std::vector<long> modifiers(const std::string& type) {
    std::vector<long> out;
    std::size_t open = type.find('(');
    if (open == std::string::npos)
        return out;
    for (std::size_t i = open + 1; i < type.size() && type[i] != ')';) {
        std::size_t used = 0;
        try {
            out.push_back(std::stol(type.substr(i), &used));
        } catch (const std::exception&) {
            return {};
        }
        i += used;
        while (i < type.size() && (type[i] == ',' || type[i] == ' '))
            ++i;
    }
    return out;
}

/// needs-data for a column's conversion, which the tree can also spell out.
Hazard needs_conversion(const std::string& rows, const ObjectKey& table) {
    Hazard hazard = needs_data(rows, table);
    hazard.message += ", or give the conversion above the column in the tree (`-- "
                      "schemac:using <expression>`; `-- schemac:using-reverse` for the reverse "
                      "script)";
    return hazard;
}

/// Whether every value of `from`'s type has one in `to`'s base type: the
/// same type, binary coercible, an implicit cast (integer to bigint), or
/// the text form every value has (numeric to text).
bool converts_always(const catalog::Column& from, const catalog::Column& to,
                     const catalog::Casts& casts) {
    auto [source, target] = elements(from, to);
    return source == target || casts.binary.contains({source, target}) ||
           casts.implicit.contains({source, target}) || casts.strings.contains(target);
}

/// Whether converting `from` to `to` with a cast can fail on a value: text
/// that is no valid value, a number out of the narrower type's range, a
/// domain's check. Casts between dates and times, json and jsonb, and the
/// like reshape or cut values, but take every one.
bool cast_can_fail(const catalog::Column& from, const catalog::Column& to,
                   const catalog::Casts& casts) {
    if (converts_always(from, to, casts))
        return false;
    auto [source, target] = elements(from, to);
    return casts.domains.contains(target) || casts.strings.contains(source) ||
           (casts.numbers.contains(source) && casts.numbers.contains(target));
}

/// Whether `to`'s modifier bounds values more than `from`'s: varchar(20) to
/// varchar(10), numeric(12,2) to numeric(12,0), text to varchar(10).
bool narrows(const catalog::Column& from, const catalog::Column& to) {
    auto was = modifiers(from.type);
    auto now = modifiers(to.type);
    if (now.empty())
        return false;
    if (was.empty())
        return true; // from unbounded to bounded
    for (std::size_t i = 0; i < now.size() && i < was.size(); ++i)
        if (now[i] < was[i])
            return true;
    // numeric(12,2) to numeric(10): fewer digits after the point.
    return now.size() < was.size();
}

/// Whether a narrower modifier can make a value fail to convert (a longer
/// string, a number with more digits before the point) rather than round
/// it (fewer digits after the point, fewer fractional seconds).
bool may_not_fit(const catalog::Column& from, const catalog::Column& to) {
    if (!narrows(from, to))
        return false;
    const std::string& base = to.base_type;
    if (base.starts_with("time") || base == "interval")
        return false;
    if (base == "numeric" && from.base_type == "numeric") {
        auto was = modifiers(from.type);
        auto now = modifiers(to.type);
        auto whole_digits = [](const std::vector<long>& m) {
            return m.empty() ? 1000L : m[0] - (m.size() > 1 ? m[1] : 0L);
        };
        return whole_digits(now) < whole_digits(was);
    }
    return true;
}

/// Whether converting a column's values can lose what they hold: a cast
/// PostgreSQL does not make implicitly (numeric to bigint, timestamptz to
/// date, text to an enum), or a modifier that narrows.
bool lossy(const catalog::Column& from, const catalog::Column& to, const catalog::Casts& casts) {
    return !converts_always(from, to, casts) || narrows(from, to);
}

/// SET STORAGE's word for pg_attribute.attstorage.
std::string_view storage_word(char storage) {
    switch (storage) {
    case 'p':
        return "PLAIN";
    case 'e':
        return "EXTERNAL";
    case 'm':
        return "MAIN";
    default:
        return "EXTENDED";
    }
}

/// SET COMPRESSION's word for pg_attribute.attcompression.
std::string_view compression_word(char compression) {
    return compression == 'l' ? "lz4" : "pglz";
}

/// The ALTER COLUMN clauses (SET STATISTICS, SET STORAGE, SET COMPRESSION)
/// that give column `to` its settings where `from` has others (nullptr: a
/// column just created, with its compression in its definition and the
/// other defaults). `retyped`: ALTER COLUMN TYPE has just given it its new
/// type's storage and no compression (it keeps the statistics target).
std::vector<std::string> settings_clauses(const catalog::Column* from, const catalog::Column& to,
                                          bool retyped) {
    std::vector<std::string> out;
    int statistics = from ? from->statistics : -1;
    if (to.statistics != statistics)
        out.push_back("SET STATISTICS " + std::to_string(to.statistics));
    char storage = from && !retyped ? from->storage_or_default() : to.type_storage;
    if (to.storage_or_default() != storage)
        out.push_back("SET STORAGE " + std::string(storage_word(to.storage_or_default())));
    std::optional<char> compression = from ? from->compression : to.compression;
    if (to.compression != compression || (retyped && (to.compression || compression)))
        out.push_back("SET COMPRESSION " +
                      std::string(to.compression ? compression_word(*to.compression) : "DEFAULT"));
    return out;
}

/// `ALTER TABLE [ONLY] t ALTER COLUMN c <clause>`; `on` is t or one of its
/// columns.
std::string alter_column(const ObjectKey& on, const std::string& column, bool only,
                         const std::string& clause) {
    return alter_table(on, only) + "ALTER COLUMN " + quote_ident(column) + " " + clause;
}

/// Every partition under `table` in the desired state, at any depth.
std::vector<ObjectKey> partitions_below(const ObjectKey& table, const Context& context) {
    std::vector<ObjectKey> out;
    std::vector<ObjectKey> todo{table};
    while (!todo.empty()) {
        ObjectKey parent = todo.back();
        todo.pop_back();
        for (const auto& [key, t] : context.to.tables)
            if (t.partition_of == parent) {
                out.push_back(key);
                todo.push_back(key);
            }
    }
    return out;
}

/// Every table `table` inherits from in the desired state, at any depth.
std::vector<ObjectKey> ancestors(const ObjectKey& table, const Context& context) {
    std::vector<ObjectKey> out;
    std::vector<ObjectKey> todo{table};
    while (!todo.empty()) {
        auto found = context.to.tables.find(todo.back());
        todo.pop_back();
        if (found == context.to.tables.end())
            continue;
        for (const auto& parent : found->second.inherits)
            if (std::ranges::find(out, parent) == out.end()) {
                out.push_back(parent);
                todo.push_back(parent);
            }
    }
    return out;
}

/// A foreign table, before the migration or after it.
bool foreign_table(const ObjectKey& table, const Context& context) {
    for (const auto* side : {&context.from, &context.to})
        if (auto found = side->tables.find(table); found != side->tables.end())
            return found->second.server.has_value();
    return false;
}

} // namespace

std::string column_definition(const catalog::Column& c) {
    std::string out = quote_ident(c.key.name) + " " + c.type;
    // In the definition, so that the tables inheriting it copy it (SET
    // COMPRESSION never recurses).
    if (c.compression)
        out += " COMPRESSION " + std::string(compression_word(*c.compression));
    if (c.collation)
        out += " COLLATE " + *c.collation;
    if (c.generated_expr)
        out += " GENERATED ALWAYS AS (" + *c.generated_expr + ") STORED";
    if (c.identity != Identity::None)
        out += " " + identity_clause(c);
    else if (c.default_expr)
        out += " DEFAULT " + *c.default_expr;
    if (c.not_null && c.identity == Identity::None)
        out += " NOT NULL";
    return out;
}

namespace {

/// A storage parameter as SET (...) and WITH (...) take it: `fillfactor=70`,
/// a value that is no plain word or number quoted.
std::string option_clause(const std::string& option) {
    std::size_t eq = option.find('=');
    if (eq == std::string::npos)
        return option;
    std::string value = option.substr(eq + 1);
    bool plain = !value.empty() && std::ranges::all_of(value, [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
    });
    return option.substr(0, eq + 1) + (plain ? value : catalog::quote_literal(value));
}

std::string option_name(const std::string& option) {
    return option.substr(0, option.find('='));
}

std::string joined_options(const std::vector<std::string>& options, bool names_only) {
    std::string out;
    for (const auto& option : options)
        out +=
            (out.empty() ? "" : ", ") + (names_only ? option_name(option) : option_clause(option));
    return out;
}

/// SET and RESET of storage parameters take SHARE UPDATE EXCLUSIVE, but
/// user_catalog_table (it changes how logical decoding reads the table).
LockMode options_lock(const std::vector<std::string>& options) {
    for (const auto& option : options)
        if (option_name(option) == "user_catalog_table")
            return LockMode::AccessExclusive;
    return LockMode::ShareUpdateExclusive;
}

/// What SET (...) takes `from` to `to` in `to`'s order (after RESET of what
/// goes). PostgreSQL keeps the options SET does not name, in place, and
/// appends the ones it names: so the longest start of `to` that stays as it
/// is stays, and the rest is set.
std::vector<std::string> options_to_set(const std::vector<std::string>& from,
                                        const std::vector<std::string>& to) {
    std::size_t kept = to.size();
    for (; kept > 0; --kept) {
        std::vector<std::string> stays;
        for (const auto& option : from)
            if (std::ranges::any_of(
                    to.begin(), to.begin() + static_cast<std::ptrdiff_t>(kept),
                    [&](const std::string& o) { return option_name(o) == option_name(option); }))
                stays.push_back(option);
        if (std::equal(stays.begin(), stays.end(), to.begin(),
                       to.begin() + static_cast<std::ptrdiff_t>(kept)))
            break;
    }
    return {to.begin() + static_cast<std::ptrdiff_t>(kept), to.end()};
}

std::string_view replica_identity_words(char identity) {
    switch (identity) {
    case 'f':
        return "FULL";
    case 'n':
        return "NOTHING";
    default:
        return "DEFAULT";
    }
}

/// The index that REPLICA IDENTITY USING INDEX or CLUSTER ON names, as what
/// makes it: a plain index, or the key constraint it belongs to.
ObjectKey index_maker(const catalog::Table& table, const std::string& index,
                      const Context& context) {
    ObjectKey plain = catalog::relation_key(catalog::Kind::Index, table.key.schema, index);
    if (context.to.indexes.contains(plain))
        return plain;
    return catalog::child_key(catalog::Kind::Constraint, table.key.schema, table.key.name, index);
}

/// REPLICA IDENTITY USING INDEX and CLUSTER ON: after the index exists, in a
/// step of their own; nullopt when neither changes.
std::optional<Step> index_uses(const catalog::Table& from, const catalog::Table& to,
                               const Context& context) {
    Step step;
    step.key = to.key;
    step.action = Action::Alter;
    std::string alter = alter_table(to.key);
    // An index built beside the old one takes the identity over itself.
    bool swapped = context.swapped_indexes.contains(
        catalog::relation_key(catalog::Kind::Index, to.key.schema, to.replica_index));
    if (to.replica_identity == 'i' && !swapped &&
        (from.replica_identity != 'i' || from.replica_index != to.replica_index)) {
        step.statements.push_back(alter + "REPLICA IDENTITY USING INDEX " +
                                  quote_ident(to.replica_index));
        step.lock(to.key, LockMode::AccessExclusive);
        step.needs.push_back(index_maker(to, to.replica_index, context));
    }
    if (to.cluster_on && to.cluster_on != from.cluster_on) {
        step.statements.push_back(alter + "CLUSTER ON " + quote_ident(*to.cluster_on));
        step.needs.push_back(index_maker(to, *to.cluster_on, context));
    } else if (from.cluster_on && !to.cluster_on) {
        step.statements.push_back(alter + "SET WITHOUT CLUSTER");
    }
    if (step.statements.empty())
        return std::nullopt;
    step.lock(to.key, LockMode::ShareUpdateExclusive);
    step.detail = "the index it is replicated or clustered by";
    // Ordered by the index it names: a new table's keys, created with it,
    // do not wait for this.
    step.touches.push_back(to.key);
    return step;
}

/// What a new inheritance child's column `column` (not its own) must be
/// told after CREATE TABLE ... INHERITS gave it its first parent's default
/// and NOT NULL (either parent's): `ALTER TABLE ONLY ... ALTER COLUMN`.
/// The step needs the parents' columns as they will be (when given).
std::vector<std::string> differs_from_parents(const catalog::Column& column,
                                              const std::vector<ObjectKey>& parents, Step* step,
                                              const Context& context) {
    const catalog::Column* first = nullptr;
    bool not_null = false;
    for (const auto& parent : parents) {
        auto key =
            catalog::child_key(catalog::Kind::Column, parent.schema, parent.name, column.key.name);
        auto found = context.to.columns.find(key);
        if (found == context.to.columns.end())
            continue;
        if (step)
            step->needs.push_back(key);
        first = first ? first : &found->second;
        not_null = not_null || found->second.not_null;
    }
    if (!first || column.generated_expr)
        return {};
    std::string prefix = "ALTER TABLE ONLY " +
                         quote_qualified(column.key.schema, column.key.parent) + " ALTER COLUMN " +
                         quote_ident(column.key.name) + " ";
    std::vector<std::string> out;
    if (column.default_expr != first->default_expr)
        out.push_back(prefix + (column.default_expr ? "SET DEFAULT " + *column.default_expr
                                                    : std::string("DROP DEFAULT")));
    if (column.not_null != not_null)
        out.push_back(prefix + (column.not_null ? "SET NOT NULL" : "DROP NOT NULL"));
    return out;
}

/// A new partition whose own keys are to be its parts of indexes the parent
/// has already: it is made on its own, with those keys, and attached.
/// PARTITION OF would build parts of its own, and the keys' indexes could not
/// be attached then; ATTACH takes them as the parts.
std::vector<ObjectKey> keys_joining_parent_indexes(const diff::CreateTable& c,
                                                   const Context& context) {
    std::vector<ObjectKey> out;
    if (c.table.partition_of)
        for (const auto* constraint : context.to.constraints_of(c.table.key))
            if (!constraint->inherited && joins_existing_parent_index(*constraint, context))
                out.push_back(constraint->key);
    return out;
}

/// ALTER TABLE parent ATTACH PARTITION of a new partition made on its own,
/// after the keys that are to be its parts.
Step attach_new_partition(const diff::CreateTable& c, std::vector<ObjectKey> keys) {
    const ObjectKey& parent = *c.table.partition_of;
    Step attach = make_step(c.table.key, Action::Alter,
                            alter_table(parent) + "ATTACH PARTITION " +
                                quote_qualified(c.table.key.schema, c.table.key.name) + " " +
                                c.table.bound.value_or("DEFAULT"));
    attach.detail = "attach to " + catalog::qualified_name(parent);
    attach.needs = std::move(keys);
    attach.needs.push_back(parent);
    attach.provides.push_back(joined(c.table.key));
    attach.lock(c.table.key, LockMode::AccessExclusive);
    return attach;
}

} // namespace

Steps build(const diff::CreateTable& c, const Context& context) {
    std::vector<ObjectKey> joining_keys = keys_joining_parent_indexes(c, context);
    const bool attaches = !joining_keys.empty();
    std::string sql = std::string("CREATE ") + (c.table.unlogged ? "UNLOGGED " : "") +
                      (c.table.server ? "FOREIGN " : "") + "TABLE " +
                      quote_qualified(c.table.key.schema, c.table.key.name);
    if (attaches) {
        // The parent's columns, with their NOT NULL, defaults and CHECKs, as
        // ATTACH requires them; its keys, indexes and foreign keys come then.
        sql += " (LIKE " + catalog::qualified_name(*c.table.partition_of) +
               " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED"
               " INCLUDING STORAGE INCLUDING COMPRESSION)";
    } else if (c.table.partition_of) {
        // Its columns, constraints and indexes come from the parent.
        sql += " PARTITION OF " + catalog::qualified_name(*c.table.partition_of) + " " +
               c.table.bound.value_or("DEFAULT");
    } else {
        // An inheritance child lists only what is its own.
        std::string body;
        for (const auto& column : c.columns)
            if (column.local)
                body += (body.empty() ? "\n    " : ",\n    ") + column_definition(column);
        for (const auto& constraint : c.constraints)
            if (!constraint.inherited)
                body += (body.empty() ? "\n    " : ",\n    ") + constraint_clause(constraint);
        sql += " (" + body + (body.empty() ? ")" : "\n)");
        if (!c.table.inherits.empty()) {
            std::string parents;
            for (const auto& parent : c.table.inherits)
                parents += (parents.empty() ? "" : ", ") + catalog::qualified_name(parent);
            sql += " INHERITS (" + parents + ")";
        }
    }
    // A partition may be partitioned in turn.
    if (c.table.partition_by)
        sql += " PARTITION BY " + *c.table.partition_by;
    if (c.table.server)
        sql += " SERVER " + quote_ident(*c.table.server) +
               options_clause(c.table.key, c.table.foreign_options);
    if (!c.table.options.empty())
        sql += " WITH (" + joined_options(c.table.options, false) + ")";
    Step step = make_step(c.table.key, Action::Create, sql);
    // A new partition locks its parent while it joins it, and the tables
    // whose foreign keys reach the parent (they get a trigger on it).
    std::optional<Step> attach;
    if (attaches) {
        attach = attach_new_partition(c, std::move(joining_keys));
        step.needs.push_back(*c.table.partition_of);
        step.lock(*c.table.partition_of, LockMode::AccessShare); // LIKE reads it
    }
    if (c.table.partition_of) {
        Step& joins = attach ? *attach : step;
        joins.lock(*c.table.partition_of,
                   attach ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
        joins.partition_joins = c.table.partition_of;
        for (const auto& [key, constraint] : context.from.constraints)
            if (constraint.type == catalog::ConstraintType::ForeignKey && !constraint.inherited &&
                constraint.references == c.table.partition_of)
                joins.lock(catalog::table_of(key), LockMode::ShareRowExclusive);
    }
    // A new child locks its parents, and takes their columns' defaults and
    // NOT NULL where it has none of its own; so does a partition.
    for (const auto& parent : c.table.inherits) {
        step.lock(parent, LockMode::ShareUpdateExclusive);
        step.needs.push_back(parent);
    }
    std::vector<ObjectKey> parents = c.table.inherits;
    if (c.table.partition_of)
        parents.push_back(*c.table.partition_of);
    for (const auto& column : c.columns)
        if (!column.local)
            for (auto& statement : differs_from_parents(column, parents, &step, context))
                step.statements.push_back(std::move(statement));
    // Its columns' statistics targets, storage and compression. A column
    // of a parent's comes with the parent's storage and compression, not
    // its statistics target.
    for (const auto& column : c.columns) {
        std::optional<catalog::Column> copied;
        for (const auto& parent : parents) {
            auto of_parent = context.to.columns.find(catalog::child_key(
                catalog::Kind::Column, parent.schema, parent.name, column.key.name));
            if (column.local || of_parent == context.to.columns.end())
                continue;
            copied = of_parent->second;
            copied->statistics = -1;
            break;
        }
        for (const auto& clause : settings_clauses(copied ? &*copied : nullptr, column, false))
            step.statements.push_back(alter_column(column.key, column.key.name, true, clause));
    }
    if (c.table.row_security)
        step.statements.push_back(alter_table(c.table.key) + "ENABLE ROW LEVEL SECURITY");
    if (c.table.force_row_security)
        step.statements.push_back(alter_table(c.table.key) + "FORCE ROW LEVEL SECURITY");
    if (c.table.replica_identity == 'f' || c.table.replica_identity == 'n')
        step.statements.push_back(alter_table(c.table.key) + "REPLICA IDENTITY " +
                                  std::string(replica_identity_words(c.table.replica_identity)));
    Step& joins = attach ? *attach : step;
    for (const auto& constraint : c.constraints)
        if (constraint.references != c.table.key)
            lock_referenced(joins, constraint, LockMode::ShareRowExclusive);
    step.provides.push_back(c.table.key);
    for (const auto& column : c.columns)
        step.provides.push_back(column.key);
    for (const auto& constraint : c.constraints)
        joins.provides.push_back(constraint.key);
    if (attach)
        return {step, *attach};
    return {step};
}

Steps build(const diff::Drop<catalog::Table>& c, const Context& context) {
    Step step = make_step(c.object.key, Action::Drop,
                          std::string("DROP ") + (c.object.server ? "FOREIGN " : "") + "TABLE " +
                              quote_qualified(c.object.key.schema, c.object.key.name));
    step.lock(c.object.key, LockMode::AccessExclusive);
    lock_implied(step, c.implied, context);
    // A partition leaves its parent, which it locks to do so.
    if (c.object.partition_of) {
        const ObjectKey& parent = *c.object.partition_of;
        step.lock(parent, LockMode::AccessExclusive);
        step.partition_leaves = parent;
        // PostgreSQL refuses to drop a partition that a foreign key to its
        // parent reaches; detached first, it is checked to be unreferenced.
        bool referenced = false;
        for (const auto& [key, constraint] : context.from.constraints)
            if (constraint.type == catalog::ConstraintType::ForeignKey && !constraint.inherited &&
                constraint.references == parent) {
                referenced = true;
                ObjectKey table = catalog::table_of(key);
                step.lock(table, LockMode::AccessExclusive);
                step.hazards.push_back(
                    long_lock(LockMode::AccessExclusive, table,
                              "while it checks that no row of it references partition " +
                                  catalog::qualified_name(c.object.key)));
            }
        if (referenced)
            step.statements.insert(step.statements.begin(),
                                   alter_table(parent) + "DETACH PARTITION " +
                                       catalog::qualified_name(c.object.key));
    }
    step.removes.push_back(c.object.key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    if (c.object.server) // its rows live on its server
        return {step};
    step.hazards.push_back(
        {HazardKind::DataLoss,
         "drops table " + catalog::qualified_name(c.object.key) + " and every row in it"});
    step.lossy_in_reverse = true;
    return {step};
}

Steps build(const diff::Alter<catalog::Table>& c, const Context& context) {
    Step step;
    step.key = c.to.key;
    step.action = Action::Alter;
    std::string alter = alter_table(c.to.key);
    if (c.from.unlogged != c.to.unlogged) {
        step.statements.push_back(alter + (c.to.unlogged ? "SET UNLOGGED" : "SET LOGGED"));
        step.lock(c.to.key, LockMode::AccessExclusive);
        step.hazards.push_back(
            {HazardKind::TableRewrite, "rewrites table " + catalog::qualified_name(c.to.key)});
    }
    if (c.from.row_security != c.to.row_security) {
        step.statements.push_back(alter + (c.to.row_security ? "ENABLE" : "DISABLE") +
                                  " ROW LEVEL SECURITY");
        step.lock(c.to.key, LockMode::AccessExclusive);
    }
    if (c.from.force_row_security != c.to.force_row_security) {
        step.statements.push_back(alter + (c.to.force_row_security ? "FORCE" : "NO FORCE") +
                                  " ROW LEVEL SECURITY");
        step.lock(c.to.key, LockMode::AccessExclusive);
    }
    std::vector<std::string> set = options_to_set(c.from.options, c.to.options), reset;
    for (const auto& option : c.from.options)
        if (std::ranges::none_of(c.to.options, [&](const std::string& o) {
                return option_name(o) == option_name(option);
            }))
            reset.push_back(option);
    if (!reset.empty()) {
        step.statements.push_back(alter + "RESET (" + joined_options(reset, true) + ")");
        step.lock(c.to.key, options_lock(reset));
    }
    if (!set.empty()) {
        step.statements.push_back(alter + "SET (" + joined_options(set, false) + ")");
        step.lock(c.to.key, options_lock(set));
    }
    if (auto options = options_change(c.to.key, c.from.foreign_options, c.to.foreign_options);
        !options.empty()) {
        step.statements.push_back("ALTER FOREIGN TABLE " +
                                  quote_qualified(c.to.key.schema, c.to.key.name) + options);
        step.lock(c.to.key, LockMode::AccessExclusive);
    }
    if (c.to.replica_identity != 'i' && c.from.replica_identity != c.to.replica_identity) {
        step.statements.push_back(alter + "REPLICA IDENTITY " +
                                  std::string(replica_identity_words(c.to.replica_identity)));
        step.lock(c.to.key, LockMode::AccessExclusive);
    }
    Steps out;
    if (!step.statements.empty()) {
        step.modifies.push_back(c.to.key);
        out.push_back(std::move(step));
    }
    // Another parent or bound: out of the old parent, into the new one
    // (ATTACH checks every row against the bound, under SHARE UPDATE
    // EXCLUSIVE on the parent). The detach provides detached(table), which
    // what the partition held as its parent's waits for before it goes.
    bool moves = c.from.partition_of != c.to.partition_of || c.from.bound != c.to.bound;
    std::string name = quote_qualified(c.to.key.schema, c.to.key.name);
    if (moves && c.from.partition_of) {
        Step detach = make_step(c.to.key, Action::Alter,
                                alter_table(*c.from.partition_of) + "DETACH PARTITION " + name);
        detach.detail = "detach from " + catalog::qualified_name(*c.from.partition_of);
        detach.lock(*c.from.partition_of, LockMode::AccessExclusive);
        detach.lock(c.to.key, LockMode::AccessExclusive);
        detach.provides.push_back(detached(c.to.key));
        detach.partition_leaves = c.from.partition_of;
        out.push_back(std::move(detach));
    }
    if (moves && c.to.partition_of) {
        Step attach = make_step(c.to.key, Action::Alter,
                                alter_table(*c.to.partition_of) + "ATTACH PARTITION " + name + " " +
                                    c.to.bound.value_or("DEFAULT"));
        attach.detail = "attach to " + catalog::qualified_name(*c.to.partition_of);
        attach.lock(*c.to.partition_of, LockMode::ShareUpdateExclusive);
        attach.lock(c.to.key, LockMode::AccessExclusive);
        attach.needs.push_back(*c.to.partition_of);
        attach.partition_joins = c.to.partition_of;
        attach.modifies.push_back(c.to.key);
        attach.checks_rows = context.from.tables.contains(c.to.key);
        if (attach.checks_rows)
            attach.hazards.push_back(needs_data(
                "rows of " + name + " outside " + c.to.bound.value_or("DEFAULT"), c.to.key));
        out.push_back(std::move(attach));
    }
    // Parents left (NO INHERIT: the columns and CHECKs it had of them become
    // its own) and parents gained (INHERIT: it must have their columns and
    // CHECKs by then, which become theirs too).
    auto has = [](const std::vector<ObjectKey>& parents, const ObjectKey& parent) {
        return std::ranges::find(parents, parent) != parents.end();
    };
    for (const auto& parent : c.from.inherits)
        if (!has(c.to.inherits, parent)) {
            Step leave = make_step(c.to.key, Action::Alter,
                                   alter + "NO INHERIT " + catalog::qualified_name(parent));
            leave.detail = "no longer inherits from " + catalog::qualified_name(parent);
            leave.lock(c.to.key, LockMode::AccessExclusive);
            leave.lock(parent, LockMode::AccessShare);
            leave.provides.push_back(detached(c.to.key));
            leave.releases.push_back(parent);
            out.push_back(std::move(leave));
        }
    for (const auto& parent : c.to.inherits)
        if (!has(c.from.inherits, parent)) {
            Step join = make_step(c.to.key, Action::Alter,
                                  alter + "INHERIT " + catalog::qualified_name(parent));
            join.detail = "inherits from " + catalog::qualified_name(parent);
            join.lock(c.to.key, LockMode::AccessExclusive);
            join.lock(parent, LockMode::ShareUpdateExclusive);
            // After the parent's own changes too, which so do not reach it.
            for (const ObjectKey& table : {c.to.key, parent}) {
                for (const auto* column : context.to.columns_of(table))
                    join.needs.push_back(column->key);
                for (const auto* constraint : context.to.constraints_of(table))
                    join.needs.push_back(constraint->key);
            }
            join.needs.push_back(parent);
            out.push_back(std::move(join));
        }
    if (auto uses = index_uses(c.from, c.to, context))
        out.push_back(std::move(*uses));
    return out;
}

namespace {

/// A table that joins `table` as a partition (attached, or attached again
/// with another bound) must match its columns when it does: it joins before
/// a column is added, which then reaches it too.
void joined_first(Step& step, const ObjectKey& table, const Context& context) {
    for (const auto& [key, after] : context.to.tables) {
        if (after.partition_of != table)
            continue;
        auto before = context.from.tables.find(key);
        if (before != context.from.tables.end() &&
            (before->second.partition_of != table || before->second.bound != after.bound))
            step.needs.push_back(key);
    }
}

/// A NOT NULL column without a default, added to a table that has rows: it
/// is added without its NOT NULL (expand), which is set after the data phase
/// has given every row a value (contract), as an ALTER would set it.
bool needs_values(const catalog::Column& column, const Context& context) {
    ObjectKey table = catalog::table_of(column.key);
    return column.not_null && !column.default_expr && column.identity == Identity::None &&
           !column.generated_expr && context.from.tables.contains(table) &&
           !foreign_table(table, context);
}

} // namespace

Steps build(const diff::Create<catalog::Column>& c, const Context& context) {
    catalog::Column added = c.object;
    bool later_not_null = needs_values(c.object, context);
    added.not_null = added.not_null && !later_not_null;
    Step step = make_step(c.object.key, Action::Create,
                          alter_table(c.object.key) + "ADD COLUMN " + column_definition(added));
    // Storage reaches the tables that inherit it (they copy it, as a child
    // created later would); a statistics target is its table's alone.
    for (const auto& clause : settings_clauses(nullptr, added, false))
        step.statements.push_back(
            alter_column(added.key, added.key.name, clause.starts_with("SET STATISTICS"), clause));
    step.lock(catalog::table_of(c.object.key), LockMode::AccessExclusive);
    // The tables that inherit it get it too, with its default and NOT NULL
    // where they state none of their own.
    for (const auto& child : inheritors(catalog::table_of(c.object.key), context, &step)) {
        step.lock(child, LockMode::AccessExclusive);
        auto table = context.to.tables.find(child);
        auto column = context.to.columns.find(
            catalog::child_key(catalog::Kind::Column, child.schema, child.name, c.object.key.name));
        if (table != context.to.tables.end() && column != context.to.columns.end() &&
            !column->second.local)
            for (auto& statement :
                 differs_from_parents(column->second, table->second.inherits, nullptr, context))
                step.statements.push_back(std::move(statement));
    }
    step.provides.push_back(c.object.key);
    after_detach(step, catalog::table_of(c.object.key), context);
    joined_first(step, catalog::table_of(c.object.key), context);
    step.ordinal = c.object.position;
    // A constant default is stored once in the catalog (PostgreSQL 11+); a
    // stored generated column is computed for every row.
    // The same for a volatile default or an identity: a value per row.
    std::string column = catalog::qualified_name(c.object.key);
    if (c.object.generated_expr)
        step.hazards.push_back(
            {HazardKind::TableRewrite, "rewrites the table to compute column " + column});
    else if (context.from.tables.contains(catalog::table_of(c.object.key))) {
        if (c.object.identity != Identity::None)
            step.hazards.push_back(
                {HazardKind::TableRewrite,
                 "rewrites the table to number every row in identity column " + column});
        else if (c.object.volatile_default)
            step.hazards.push_back(
                {HazardKind::TableRewrite, "rewrites the table to compute the volatile "
                                           "default " +
                                               *c.object.default_expr + " of column " + column +
                                               " for every row"});
    }
    if (!later_not_null)
        return {step};
    // What uses the column does not wait for its NOT NULL: a foreign key
    // over it is added NOT VALID in the expand phase all the same.
    Steps out{step};
    for (auto& part : build(diff::Alter<catalog::Column>{added, c.object}, context)) {
        if (std::erase(part.modifies, c.object.key))
            part.needs.push_back(c.object.key);
        for (auto& hazard : part.hazards)
            if (hazard.kind == HazardKind::NeedsData)
                hazard.message = "column " + column +
                                 " is NOT NULL without a default: every existing row needs a "
                                 "value first (a backfill, given with `schemac diff --write "
                                 "NAME --data FILE`)";
        out.push_back(std::move(part));
    }
    return out;
}

Steps build(const diff::Drop<catalog::Column>& c, const Context& context) {
    Step step =
        make_step(c.object.key, Action::Drop,
                  alter_table(c.object.key) + "DROP COLUMN " + quote_ident(c.object.key.name));
    step.lock(catalog::table_of(c.object.key), LockMode::AccessExclusive);
    lock_inheritors(step, catalog::table_of(c.object.key), LockMode::AccessExclusive, context);
    lock_implied(step, c.implied, context);
    after_detach(step, catalog::table_of(c.object.key), context);
    step.removes.push_back(c.object.key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    // A generated column's values are derived, a foreign table's live on its
    // server: dropping either loses nothing.
    if (!c.object.generated_expr && !foreign_table(catalog::table_of(c.object.key), context)) {
        step.hazards.push_back(
            {HazardKind::DataLoss,
             "drops column " + catalog::qualified_name(c.object.key) + " and its data"});
        step.lossy_in_reverse = true;
    }
    return {step};
}

Steps build(const diff::Alter<catalog::Column>& c, const Context& context) {
    const catalog::Column& f = c.from;
    const catalog::Column& t = c.to;
    std::string prefix = alter_table(t.key) + "ALTER COLUMN " + quote_ident(t.key.name) + " ";
    Step step;
    step.key = t.key;
    step.lock(catalog::table_of(t.key), LockMode::AccessExclusive);
    step.action = Action::Alter;
    step.modifies.push_back(t.key);
    // A new type converts the partitions' column too: what uses theirs is
    // dropped before it and made again after.
    if (f.type != t.type)
        for (const auto& partition : partitions_below(catalog::table_of(t.key), context)) {
            auto before = context.from.tables.find(partition);
            auto column = catalog::child_key(catalog::Kind::Column, partition.schema,
                                             partition.name, t.key.name);
            if (before != context.from.tables.end() &&
                before->second.partition_of == context.to.tables.at(partition).partition_of &&
                context.from.columns.contains(column))
                step.converts.push_back(column);
        }
    after_detach(step, catalog::table_of(t.key), context);
    auto statement = [&](const std::string& tail) { step.statements.push_back(prefix + tail); };
    // A partition's own default and NOT NULL are set after its parents'
    // ALTER COLUMN, which reaches it.
    for (auto table = context.to.tables.find(catalog::table_of(t.key));
         table != context.to.tables.end() && table->second.partition_of;
         table = context.to.tables.find(*table->second.partition_of))
        step.needs.push_back(catalog::child_key(catalog::Kind::Column,
                                                table->second.partition_of->schema,
                                                table->second.partition_of->name, t.key.name));
    // A default and NOT NULL are each table's own: the tables that inherit
    // this one have theirs compared on their own, so these do not recurse.
    std::vector<ObjectKey> children = inheritors(catalog::table_of(t.key), context, &step);
    std::string own_prefix =
        children.empty() ? prefix
                         : "ALTER TABLE ONLY " + quote_qualified(t.key.schema, t.key.parent) +
                               " ALTER COLUMN " + quote_ident(t.key.name) + " ";
    auto own_statement = [&](const std::string& tail) {
        step.statements.push_back(own_prefix + tail);
    };

    // A column a table has of its parents changes type with theirs.
    bool type_changed =
        (f.type != t.type || f.collation != t.collation) && !(f.of_parent && t.of_parent);
    if (type_changed)
        for (const auto& child : children)
            step.lock(child, LockMode::AccessExclusive);
    // An identity taken away or given is a step of its own: its sequence
    // goes with DROP IDENTITY before a sequence of the same name (serial's
    // `t_c_seq`) is created, and comes with ADD GENERATED once an old one of
    // that name has gone (and once the column is NOT NULL).
    auto identity_step = [&](const std::string& tail, const std::string& sequence, bool gives) {
        Step part = make_step(t.key, Action::Alter, prefix + tail);
        part.lock(catalog::table_of(t.key), LockMode::AccessExclusive);
        after_detach(part, catalog::table_of(t.key), context);
        auto key = catalog::relation_key(catalog::Kind::Sequence, t.key.schema, sequence);
        (gives ? part.provides : part.removes).push_back(key);
        return part;
    };
    Steps out;
    if (f.identity != Identity::None && t.identity == Identity::None)
        out.push_back(identity_step("DROP IDENTITY", f.identity_sequence, false));
    // The default goes first: a column has a default or an identity, and an
    // old default may not convert to the new type.
    if (f.default_expr && (!t.default_expr || type_changed))
        own_statement("DROP DEFAULT");
    if (f.generated_expr && !t.generated_expr)
        statement("DROP EXPRESSION");
    if (type_changed) {
        std::string sql = "TYPE " + t.type;
        if (t.collation)
            sql += " COLLATE " + *t.collation;
        // A foreign table's column has no rows here to convert, and takes
        // no USING.
        Conversion how = foreign_table(catalog::table_of(t.key), context)
                             ? Conversion::Implicit
                             : conversion(f, t, context.to.casts);
        // The tree's own conversion: `-- schemac:using` on the way to the
        // tree, `-- schemac:using-reverse` (on the tree's column, here the
        // one converted from) on the way back.
        std::optional<std::string> tree_using = t.using_expr ? t.using_expr : f.using_reverse_expr;
        if (foreign_table(catalog::table_of(t.key), context))
            tree_using.reset();
        if (tree_using) {
            how = Conversion::Cast;
            sql += " USING " + *tree_using;
            step.hazards.push_back(
                {HazardKind::TableRewrite,
                 "rewrites the table to convert column " + catalog::qualified_name(t.key) +
                     " from " + f.type + " to " + t.type + " with the tree's " +
                     (t.using_expr ? "USING " : "using-reverse ") + *tree_using});
        } else if (how != Conversion::Implicit) {
            std::string column = quote_ident(t.key.name);
            std::string message = "rewrites the table to convert column " +
                                  catalog::qualified_name(t.key) + " from " + f.type + " to " +
                                  t.type;
            if (how == Conversion::Cast) {
                sql += " USING " + column + "::" + t.type;
            } else {
                bool array = f.type.ends_with("[]") && t.type.ends_with("[]");
                sql += " USING " + column + "::text" + (array ? "[]" : "") + "::" + t.type;
                message += " through its text form (PostgreSQL has no cast between them): "
                           "a row whose text is no valid " +
                           t.type + " makes it fail";
            }
            step.hazards.push_back({HazardKind::TableRewrite, message});
        }
        statement(sql);
        lock_carried_foreign_keys(step, f, context);
        step.checks_rows = context.from.tables.contains(catalog::table_of(t.key)) &&
                           !foreign_table(catalog::table_of(t.key), context);
        if (step.checks_rows && lossy(f, t, context.to.casts))
            step.hazards.push_back(
                {HazardKind::DataLoss, "converts column " + catalog::qualified_name(t.key) +
                                           " from " + f.type + " to " + t.type +
                                           ": values may be rounded or cut, or fail to convert"});
        if (step.checks_rows && how == Conversion::ThroughText)
            step.hazards.push_back(
                needs_conversion("rows whose " + t.key.name + " as text is no valid " + t.type,
                                 catalog::table_of(t.key)));
        // A cast PostgreSQL makes only when asked can fail on a value (a
        // bigint out of integer's range, a text that is no number), and so
        // can a narrower modifier (unless an explicit cast to a string type
        // cuts the value instead); the tree's USING is taken at its word.
        if (step.checks_rows && how != Conversion::ThroughText && !tree_using) {
            if (cast_can_fail(f, t, context.to.casts))
                step.hazards.push_back(needs_conversion(
                    "rows whose " + t.key.name + " does not convert to " + t.type + " with a cast",
                    catalog::table_of(t.key)));
            else if (may_not_fit(f, t) &&
                     !(how == Conversion::Cast && context.to.casts.strings.contains(t.base_type)))
                step.hazards.push_back(
                    needs_conversion("rows whose " + t.key.name + " does not fit in " + t.type,
                                     catalog::table_of(t.key)));
        }
        // The reverse of the tree's own conversion: a cast is no inverse of it.
        if (step.checks_rows && f.using_expr && !tree_using)
            step.hazards.push_back(
                {HazardKind::DataLoss,
                 "converts column " + catalog::qualified_name(t.key) +
                     " back with a cast, "
                     "which does not undo the tree's USING " +
                     *f.using_expr +
                     ": values may not come back as they were (give the conversion back with "
                     "`-- schemac:using-reverse <expression>` above the column in the tree)"});
    }
    if (t.default_expr && (t.default_expr != f.default_expr || type_changed))
        own_statement("SET DEFAULT " + *t.default_expr);
    // Online, its CHECK would reach the tables that inherit this one.
    bool online_not_null =
        !f.not_null && t.not_null && children.empty() && context.lives_on(catalog::table_of(t.key));
    if (!f.not_null && t.not_null && !online_not_null) {
        own_statement("SET NOT NULL");
        step.checks_rows = true;
        step.hazards.push_back(needs_data("rows of " +
                                              catalog::qualified_name(catalog::table_of(t.key)) +
                                              " where " + t.key.name + " is NULL",
                                          catalog::table_of(t.key)));
        step.hazards.push_back(long_lock(LockMode::AccessExclusive, catalog::table_of(t.key),
                                         "while it scans every row for NULLs in " + t.key.name));
    }
    if (f.identity != Identity::None && t.identity != Identity::None) {
        if (f.identity != t.identity)
            statement(t.identity == Identity::Always ? "SET GENERATED ALWAYS"
                                                     : "SET GENERATED BY DEFAULT");
        if (auto move =
                value_into_range(f.identity_options, t.identity_options,
                                 catalog::quote_qualified(t.key.schema, f.identity_sequence)))
            step.statements.push_back(*move);
        // Each option after SET, but RESTART (ALTER COLUMN's own).
        std::string sql;
        for (const auto& clause : changed_clauses(f.identity_options, t.identity_options, false))
            sql += (clause == "RESTART" ? " " : " SET ") + clause;
        if (!sql.empty())
            statement(sql.substr(1));
    }
    if (f.not_null && !t.not_null)
        own_statement("DROP NOT NULL");
    if (!step.statements.empty())
        out.push_back(step);
    // Its statistics target (under SHARE UPDATE EXCLUSIVE), storage and
    // compression (ACCESS EXCLUSIVE): each inheritance child's are its own
    // (ONLY), a partition's its parent's. A column retyped with its parent
    // has its storage and compression reset by the parent's ALTER.
    bool retyped = f.type != t.type || f.collation != t.collation;
    auto clauses = settings_clauses(&f, t, retyped);
    // A foreign table has no compression to set.
    if (foreign_table(catalog::table_of(t.key), context))
        std::erase_if(clauses, [](const std::string& clause) {
            return clause.starts_with("SET COMPRESSION");
        });
    if (!clauses.empty()) {
        Step settings;
        settings.key = t.key;
        settings.action = Action::Alter;
        for (const auto& clause : clauses)
            settings.statements.push_back(own_prefix + clause);
        // SET COMPRESSION does not recurse: each partition is given it too
        // (ALTER COLUMN TYPE reset theirs as well).
        for (const auto& clause : clauses)
            if (clause.starts_with("SET COMPRESSION"))
                for (const auto& partition : partitions_below(catalog::table_of(t.key), context))
                    settings.statements.push_back(
                        alter_column(partition, t.key.name, true, clause));
        bool statistics_only = clauses.size() == 1 && clauses[0].starts_with("SET STATISTICS");
        settings.lock(catalog::table_of(t.key),
                      statistics_only ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
        after_detach(settings, catalog::table_of(t.key), context);
        if (retyped && !type_changed)
            for (const auto& ancestor : ancestors(catalog::table_of(t.key), context))
                settings.needs.push_back(catalog::child_key(catalog::Kind::Column, ancestor.schema,
                                                            ancestor.name, t.key.name));
        settings.modifies.push_back(t.key);
        settings.detail = "settings";
        out.push_back(std::move(settings));
    }
    if (online_not_null)
        for (auto& part : not_null_online(t))
            out.push_back(std::move(part));
    if (f.identity == Identity::None && t.identity != Identity::None)
        out.push_back(identity_step("ADD " + identity_clause(t), t.identity_sequence, true));
    return out;
}

Steps build(const diff::ResetDefault& c, const Context& context) {
    const catalog::Column& column = c.column;
    ObjectKey table = catalog::table_of(column.key);
    std::string alter = alter_table(column.key) + "ALTER COLUMN " + quote_ident(column.key.name);
    // It ends the column's use of the function, so it runs before the drop;
    // it does not change the column, which would order it after the create.
    Step release = make_step(column.key, Action::Alter, alter + " DROP DEFAULT");
    release.detail = "default, until what it calls is back";
    release.lock(table, LockMode::AccessExclusive);
    release.releases.push_back(column.key);
    Step restore = make_step(column.key, Action::Alter,
                             alter + " SET DEFAULT " + column.default_expr.value_or("NULL"));
    restore.detail = "default, again";
    restore.lock(table, LockMode::AccessExclusive);
    for (const auto& dep : context.to.dependencies_of(column.key))
        if (dep.referenced.kind == catalog::Kind::Function)
            restore.needs.push_back(dep.referenced);
    return {release, restore};
}

} // namespace schemac::steps
