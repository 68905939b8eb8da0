// Constraints: keys built online through a concurrent index, foreign keys
// and checks added NOT VALID then validated.

#include "steps/builders.h"

#include "catalog/quote.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace schemac::steps {
using catalog::ObjectKey;
using catalog::quote_ident;
using catalog::quote_qualified;

namespace {

/// The end of the parenthesized list that starts at `open` (a '('), or npos.
std::size_t closing_paren(const std::string& text, std::size_t open) {
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == '(')
            ++depth;
        else if (!quoted && text[i] == ')' && --depth == 0)
            return i;
    }
    return std::string::npos;
}

/// A primary key or unique constraint as the index that can back it:
/// `(a, b) INCLUDE (c)`, when the definition is only that (no NULLS NOT
/// DISTINCT, DEFERRABLE or storage options, which the plain form keeps).
std::optional<std::string> index_columns(const catalog::Constraint& con) {
    const std::string& def = con.definition;
    std::size_t open = con.type == catalog::ConstraintType::PrimaryKey ? 12 : 7;
    if (!(def.starts_with("PRIMARY KEY (") || def.starts_with("UNIQUE (")))
        return std::nullopt;
    std::size_t close = closing_paren(def, open);
    if (close != std::string::npos && def.compare(close + 1, 10, " INCLUDE (") == 0)
        close = closing_paren(def, close + 10);
    if (close == std::string::npos || close + 1 != def.size())
        return std::nullopt;
    return def.substr(open);
}

/// A primary key or unique constraint on a table that stays, without ACCESS
/// EXCLUSIVE through the index build: the unique index is built
/// CONCURRENTLY (under a temporary name when the constraint's own is taken
/// until the old one goes), then ADD CONSTRAINT ... USING INDEX takes it
/// over, renaming it, in a brief ACCESS EXCLUSIVE.
/// The index key_online builds for `con`, when it takes that way.
std::optional<ObjectKey> online_key_index(const catalog::Constraint& con, const Context& context) {
    if (!context.lives_on(catalog::table_of(con.key)) || !index_columns(con))
        return std::nullopt;
    ObjectKey index = catalog::relation_key(catalog::Kind::Index, con.key.schema, con.key.name);
    if (context.from.constraints.contains(con.key) || context.from.indexes.contains(index))
        index.name = temporary_name(con.key.name, "_schemac_new");
    return index;
}

std::optional<Steps> key_online(const catalog::Constraint& con, const Context& context) {
    auto found = online_key_index(con, context);
    if (!found)
        return std::nullopt;
    const ObjectKey& index = *found;
    ObjectKey table = catalog::table_of(con.key);
    auto columns = index_columns(con);
    Step build =
        make_step(con.key, Action::Create,
                  "CREATE UNIQUE INDEX CONCURRENTLY " + quote_ident(index.name) + " ON " +
                      quote_qualified(table.schema, table.name) + " USING btree " + *columns);
    build.detail = index.name == con.key.name ? "its index, concurrently"
                                              : "its index, concurrently, as " + index.name;
    build.transactional = false;
    build.checks_rows = true; // unique over the rows there are
    build.hazards.push_back(needs_data("rows with equal values in " + *columns, table));
    build.lock(table, LockMode::ShareUpdateExclusive);
    build.hazards.push_back(concurrent_build(index, table));
    build.provides.push_back(index);
    for (const auto& dep : context.to.dependencies_of(con.key))
        if (!context.from.contains(dep.referenced))
            build.needs.push_back(dep.referenced);
    bool primary = con.type == catalog::ConstraintType::PrimaryKey;
    Step attach = make_step(con.key, Action::Create,
                            alter_table(con.key) + "ADD CONSTRAINT " + quote_ident(con.key.name) +
                                (primary ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " +
                                quote_ident(index.name));
    attach.detail = "using the index";
    attach.lock(table, LockMode::AccessExclusive);
    attach.needs.push_back(index);
    attach.provides.push_back(con.key);
    return Steps{build, attach};
}

/// The rows a constraint added to an existing table fails on, in words.
std::string rows_breaking(const catalog::Constraint& con) {
    std::string table = catalog::qualified_name(catalog::table_of(con.key));
    switch (con.type) {
    case catalog::ConstraintType::ForeignKey:
        return "rows of " + table + " without a match for foreign key " + con.key.name;
    case catalog::ConstraintType::Check:
        return "rows of " + table + " that fail check " + con.key.name;
    default:
        return "rows of " + table + " that " + con.key.name + " rejects (equal keys, NULLs)";
    }
}

/// A CHECK that the tables inheriting from its table get too (not NO INHERIT).
bool inherits_down(const catalog::Constraint& con) {
    return con.type == catalog::ConstraintType::Check &&
           con.definition.find(" NO INHERIT") == std::string::npos;
}

/// A partition's own key whose index becomes its part of the parent's
/// plain index: ATTACH when that index exists as it is; one built after the
/// key takes it itself, and so does a new partition as it joins (see
/// build(CreateTable)).
std::optional<std::string> attach_to_parent_index(const catalog::Constraint& con,
                                                  const Context& context) {
    auto table = context.from.tables.find(catalog::table_of(con.key));
    auto now = context.to.tables.find(catalog::table_of(con.key));
    if (!joins_existing_parent_index(con, context) || table == context.from.tables.end() ||
        now == context.to.tables.end() || table->second.partition_of != now->second.partition_of)
        return std::nullopt;
    return "ALTER INDEX " + quote_qualified(con.attached_to->schema, con.attached_to->name) +
           " ATTACH PARTITION " + quote_qualified(con.key.schema, con.key.name);
}

/// What a key of a partitioned table holds on its partitions: SHARE while
/// it builds each one's index, unless a primary key sets NOT NULL on a
/// column there (ACCESS EXCLUSIVE, as on the table).
std::optional<LockMode> partition_lock(const catalog::Constraint& con, const Context& context) {
    if (con.type == catalog::ConstraintType::Check ||
        con.type == catalog::ConstraintType::ForeignKey)
        return std::nullopt;
    if (con.type == catalog::ConstraintType::PrimaryKey) {
        std::string_view list = con.definition;
        list = list.substr(0, list.find(')'));
        list.remove_prefix(std::min(list.find('(') + 1, list.size()));
        for (const auto* column : context.from.columns_of(catalog::table_of(con.key)))
            if (!column->not_null)
                for (std::string_view rest = list; !rest.empty();) {
                    auto comma = rest.find(", ");
                    if (rest.substr(0, comma) == quote_ident(column->key.name))
                        return std::nullopt;
                    rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 2);
                }
    }
    return LockMode::Share;
}

} // namespace

bool joins_existing_parent_index(const catalog::Constraint& con, const Context& context) {
    if (!con.attached_to)
        return false;
    auto before = context.from.indexes.find(*con.attached_to);
    auto after = context.to.indexes.find(*con.attached_to);
    return before != context.from.indexes.end() && after != context.to.indexes.end() &&
           before->second.definition == after->second.definition;
}

Steps build(const diff::Create<catalog::Constraint>& c, const Context& context) {
    const catalog::Constraint& con = c.object;
    if (auto online = key_online(con, context))
        return *online;
    bool foreign = con.type == catalog::ConstraintType::ForeignKey;
    // Checked against existing rows while the lock is held, unless added
    // NOT VALID and validated afterwards under a lighter lock.
    // A table that joins a parent must have the parent's CHECKs, valid,
    // before INHERIT.
    auto joins_parent = [&] {
        auto before = context.from.tables.find(catalog::table_of(con.key));
        auto after = context.to.tables.find(catalog::table_of(con.key));
        return before != context.from.tables.end() && after != context.to.tables.end() &&
               std::ranges::any_of(after->second.inherits, [&](const catalog::ObjectKey& parent) {
                   return std::ranges::find(before->second.inherits, parent) ==
                          before->second.inherits.end();
               });
    };
    bool online = (foreign || con.type == catalog::ConstraintType::Check) &&
                  !con.definition.ends_with(" NOT VALID") &&
                  !(con.type == catalog::ConstraintType::Check && joins_parent()) &&
                  context.lives_on(catalog::table_of(con.key));
    Step step = make_step(con.key, Action::Create,
                          alter_table(con.key, con.only) + "ADD " + constraint_clause(con) +
                              (online ? " NOT VALID" : ""));
    if (auto attach = attach_to_parent_index(con, context))
        step.statements.push_back(*attach);
    step.lock(catalog::table_of(con.key),
              foreign ? LockMode::ShareRowExclusive : LockMode::AccessExclusive);
    lock_referenced(step, con, LockMode::ShareRowExclusive);
    if (inherits_down(con))
        lock_inheritors(step, catalog::table_of(con.key), LockMode::AccessExclusive, context);
    step.parent_alone = con.only;
    step.partition_lock = partition_lock(con, context);
    step.provides.push_back(con.key);
    if (!online) {
        step.checks_rows = context.from.tables.contains(catalog::table_of(con.key)) &&
                           !con.definition.ends_with(" NOT VALID") && !con.only;
        if (step.checks_rows)
            step.hazards.push_back(needs_data(rows_breaking(con), catalog::table_of(con.key)));
        if (step.checks_rows)
            step.hazards.push_back(
                long_lock(foreign ? LockMode::ShareRowExclusive : LockMode::AccessExclusive,
                          catalog::table_of(con.key),
                          foreign || con.type == catalog::ConstraintType::Check
                              ? "while it checks every row against " + con.key.name
                              : "while it builds the index of " + con.key.name));
        return {step};
    }
    step.detail = "NOT VALID";
    Step validate =
        make_step(con.key, Action::Alter,
                  alter_table(con.key) + "VALIDATE CONSTRAINT " + quote_ident(con.key.name));
    validate.lock(catalog::table_of(con.key), LockMode::ShareUpdateExclusive);
    lock_referenced(validate, con, LockMode::RowShare);
    if (inherits_down(con))
        lock_inheritors(validate, catalog::table_of(con.key), LockMode::ShareUpdateExclusive,
                        context);
    validate.detail = "validate";
    validate.transactional = false;
    validate.checks_rows = true;
    validate.hazards.push_back(needs_data(rows_breaking(con), catalog::table_of(con.key)));
    // It only needs the new constraint: what the current state says of the
    // old one (dropped before, when rebuilt) does not order it.
    validate.needs.push_back(con.key);
    return {step, validate};
}

Steps build(const diff::Drop<catalog::Constraint>& c, const Context& context) {
    Step step =
        make_step(c.object.key, Action::Drop,
                  alter_table(c.object.key) + "DROP CONSTRAINT " + quote_ident(c.object.key.name));
    after_detach(step, catalog::table_of(c.object.key), context);
    // A key replaced online goes once its successor's index is built.
    if (auto successor = context.to.constraints.find(c.object.key);
        successor != context.to.constraints.end())
        if (auto index = online_key_index(successor->second, context))
            step.needs.push_back(*index);
    step.lock(catalog::table_of(c.object.key), LockMode::AccessExclusive);
    lock_referenced(step, c.object, LockMode::AccessExclusive);
    if (inherits_down(c.object))
        lock_inheritors(step, catalog::table_of(c.object.key), LockMode::AccessExclusive, context);
    step.removes.push_back(c.object.key);
    step.removes.insert(step.removes.end(), c.implied.begin(), c.implied.end());
    for (const auto& part :
         parts_dropped_with(c.object.key, catalog::table_of(c.object.key), context))
        step.removes.push_back(part);
    return {step};
}

Steps build(const diff::Alter<catalog::Constraint>& c, const Context& context) {
    Step step =
        make_step(c.to.key, Action::Alter,
                  alter_table(c.to.key) + "VALIDATE CONSTRAINT " + quote_ident(c.to.key.name));
    step.lock(catalog::table_of(c.to.key), LockMode::ShareUpdateExclusive);
    lock_referenced(step, c.to, LockMode::RowShare);
    if (inherits_down(c.to))
        lock_inheritors(step, catalog::table_of(c.to.key), LockMode::ShareUpdateExclusive, context);
    step.modifies.push_back(c.to.key);
    step.checks_rows = true;
    step.hazards.push_back(needs_data(rows_breaking(c.to), catalog::table_of(c.to.key)));
    return {step};
}

} // namespace schemac::steps
