// Foreign data: wrappers, servers and user mappings, and the options they
// and foreign tables take, secrets among them.

#include "steps/builders.h"

#include "catalog/quote.h"
#include "runtime/script.h"

#include <algorithm>
#include <cctype>

namespace schemac::steps {
using catalog::ForeignObject;
using catalog::ForeignOption;
using catalog::Kind;
using catalog::ObjectKey;
using catalog::quote_ident;
using catalog::quote_literal;

namespace {

/// The environment variable a secret option of `owner` comes from:
/// SCHEMAC_SECRET_ and the owner's and option's names, upper case, every
/// other character `_` (`SCHEMAC_SECRET_BILLING_CURRENT_USER_PASSWORD`).
std::string secret_name(const ObjectKey& owner, const std::string& option) {
    std::string words = owner.kind == Kind::UserMapping ? owner.parent + "_" + owner.name
                        : owner.schema.empty()          ? owner.name
                                                        : owner.schema + "_" + owner.name;
    std::string out(runtime::k_secret_prefix);
    for (char c : words + "_" + option) {
        auto u = static_cast<unsigned char>(c);
        out += std::isalnum(u) && u < 128 ? static_cast<char>(std::toupper(u)) : '_';
    }
    return out;
}

/// `name 'value'`: a secret's value is its placeholder.
std::string option_sql(const ObjectKey& owner, const ForeignOption& o) {
    return quote_ident(o.name) + " " +
           (catalog::is_secret_option(o.name)
                ? runtime::secret_placeholder(secret_name(owner, o.name))
                : quote_literal(o.value));
}

const ForeignOption* find(const std::vector<ForeignOption>& options, const std::string& name) {
    auto it = std::ranges::find(options, name, &ForeignOption::name);
    return it == options.end() ? nullptr : &*it;
}

std::string keyword(const ObjectKey& key) {
    return std::string(catalog::kind_info(key.kind).keyword);
}

} // namespace

std::string options_clause(const ObjectKey& owner, const std::vector<ForeignOption>& options) {
    std::string sql;
    for (const auto& o : options)
        sql += (sql.empty() ? "" : ", ") + option_sql(owner, o);
    return sql.empty() ? "" : " OPTIONS (" + sql + ")";
}

std::string options_change(const ObjectKey& owner, const std::vector<ForeignOption>& from,
                           const std::vector<ForeignOption>& to) {
    std::string sql;
    auto add = [&](const std::string& part) { sql += (sql.empty() ? "" : ", ") + part; };
    for (const auto& o : from)
        if (!find(to, o.name))
            add("DROP " + quote_ident(o.name));
    for (const auto& o : to) {
        const ForeignOption* old = find(from, o.name);
        if (!old)
            add("ADD " + option_sql(owner, o));
        else if (old->value != o.value)
            add("SET " + option_sql(owner, o));
    }
    return sql.empty() ? "" : " OPTIONS (" + sql + ")";
}

Steps build(const diff::Create<ForeignObject>& c, const Context&) {
    const ForeignObject& o = c.object;
    std::string sql = "CREATE " + keyword(o.key) + " " + catalog::qualified_name(o.key);
    if (o.handler)
        sql += " HANDLER " + *o.handler;
    if (o.validator)
        sql += " VALIDATOR " + *o.validator;
    if (o.type)
        sql += " TYPE " + quote_literal(*o.type);
    if (o.version)
        sql += " VERSION " + quote_literal(*o.version);
    if (o.key.kind == Kind::Server)
        sql += " FOREIGN DATA WRAPPER " + quote_ident(o.wrapper);
    return {create_step(o.key, sql + options_clause(o.key, o.options))};
}

Steps build(const diff::Alter<ForeignObject>& c, const Context&) {
    const ForeignObject& from = c.from;
    const ForeignObject& to = c.to;
    std::string sql;
    if (from.handler != to.handler)
        sql += to.handler ? " HANDLER " + *to.handler : std::string(" NO HANDLER");
    if (from.validator != to.validator)
        sql += to.validator ? " VALIDATOR " + *to.validator : std::string(" NO VALIDATOR");
    if (from.version != to.version)
        sql += " VERSION " + (to.version ? quote_literal(*to.version) : std::string("NULL"));
    sql += options_change(to.key, from.options, to.options);
    if (sql.empty())
        return {};
    return {alter_step(to.key,
                       "ALTER " + keyword(to.key) + " " + catalog::qualified_name(to.key) + sql)};
}

Steps build(const diff::Drop<ForeignObject>& c, const Context&) {
    return {drop_object(c.object.key, c.implied)};
}

} // namespace schemac::steps
