// .schemacignore: the rules, and what leaving an object out takes with it.

#include "catalog/ignore.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace schemac::catalog;
namespace fs = std::filesystem;

namespace {

template <class T> void add(std::map<ObjectKey, T>& objects, ObjectKey key) {
    T object;
    object.key = key;
    objects.emplace(key, object);
}

fs::path rules_file(const std::string& text) {
    fs::path file = fs::temp_directory_path() / ("schemacignore-" + std::to_string(getpid()));
    std::ofstream(file) << text;
    return file;
}

} // namespace

TEST_CASE("ignore rules: kind and name globs, comments, and a line that is no rule") {
    auto file = rules_file("# platform schemas\n\ntable public.tmp_*\nschema partman  # owned "
                           "by pg_partman\nfunction *.pg_stat_*\n* audit.*\nmaterialized view "
                           "public.report_?\n");
    auto rules = read_ignore_rules(file);
    REQUIRE_MESSAGE(rules.ok(), rules.error().describe());
    CHECK(rules->size() == 5);
    CHECK(ignored(*rules, relation_key(Kind::Table, "public", "tmp_import")));
    CHECK_FALSE(ignored(*rules, relation_key(Kind::View, "public", "tmp_import")));
    CHECK_FALSE(ignored(*rules, relation_key(Kind::Table, "public", "users")));
    CHECK(ignored(*rules, schema_key("partman")));
    CHECK(ignored(*rules, relation_key(Kind::Function, "ext", "pg_stat_statements")));
    CHECK(ignored(*rules, child_key(Kind::Column, "audit", "log", "at")));
    CHECK(ignored(*rules, relation_key(Kind::Index, "audit", "log_at_idx")));
    CHECK(ignored(*rules, schema_key("audit"))); // everything in audit, and audit
    CHECK_FALSE(ignored(*rules, schema_key("public")));
    CHECK(ignored(*rules, relation_key(Kind::MaterializedView, "public", "report_1")));

    CHECK(read_ignore_rules(fs::temp_directory_path() / "no-such-schemacignore")->empty());
    auto bad = read_ignore_rules(rules_file("table public.x\npublic.tmp_*\n"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find(":2: `public.tmp_*` is no rule: write `kind schema.name`") !=
          std::string::npos);
    auto unknown = read_ignore_rules(rules_file("tabel public.x\n"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.find(":1: `tabel` is no kind of object") != std::string::npos);
    fs::remove(file);
}

TEST_CASE("an ignored relation goes with its parts, what it owns and its privileges; "
          "the rest stays") {
    Catalog c;
    add(c.schemas, schema_key("public"));
    add(c.schemas, schema_key("partman"));
    add(c.tables, relation_key(Kind::Table, "partman", "config"));
    auto tmp = relation_key(Kind::Table, "public", "tmp_import");
    add(c.tables, tmp);
    add(c.columns, child_key(Kind::Column, "public", "tmp_import", "id"));
    add(c.constraints, child_key(Kind::Constraint, "public", "tmp_import", "tmp_import_pkey"));
    Index index;
    index.key = relation_key(Kind::Index, "public", "tmp_import_at_idx");
    index.table = "tmp_import";
    c.indexes.emplace(index.key, index);
    auto sequence = relation_key(Kind::Sequence, "public", "tmp_import_id_seq");
    add(c.sequences, sequence);
    c.dependencies.insert(
        {sequence, child_key(Kind::Column, "public", "tmp_import", "id"), DependencyType::Owned});
    c.privileges.insert({tmp, "reader", "SELECT", false, false});
    auto users = relation_key(Kind::Table, "public", "users");
    add(c.tables, users);
    add(c.columns, child_key(Kind::Column, "public", "users", "id"));
    c.privileges.insert({users, "reader", "SELECT", false, false});

    // A function of the same name as a table is no relation: the table's
    // parts stay.
    add(c.functions, relation_key(Kind::Function, "public", "users"));
    auto left = leave_out_ignored(
        c, {{"table", "public.tmp_*"}, {"schema", "partman"}, {"function", "public.users"}});
    CHECK(left.size() == 8);
    CHECK(c.functions.empty());
    CHECK(c.tables.size() == 1);
    CHECK(c.tables.contains(users));
    CHECK(c.columns.size() == 1);
    CHECK(c.constraints.empty());
    CHECK(c.indexes.empty());
    CHECK(c.sequences.empty());
    CHECK(c.schemas.size() == 1);
    CHECK(c.privileges.size() == 1);
    CHECK(c.dependencies.empty());
    CHECK(leave_out_ignored(c, {}).empty());
}

TEST_CASE("the managed scope: other schemas and their extensions go; what the scope keeps "
          "stays on context, but not against a rule") {
    Catalog c;
    for (const char* schema : {"public", "auth", "storage", "extensions"})
        add(c.schemas, schema_key(schema));
    auto users = relation_key(Kind::Table, "auth", "users");
    add(c.tables, users);
    add(c.columns, child_key(Kind::Column, "auth", "users", "id"));
    auto trigger = child_key(Kind::Trigger, "auth", "users", "on_auth_user_created");
    add(c.triggers, trigger);
    c.dependencies.insert({trigger, users, DependencyType::Auto});
    add(c.tables, relation_key(Kind::Table, "storage", "buckets"));
    Extension uuid;
    uuid.key = extension_key("uuid-ossp");
    uuid.schema = "extensions";
    c.extensions.emplace(uuid.key, uuid);
    Extension citext;
    citext.key = extension_key("citext");
    citext.schema = "public";
    c.extensions.emplace(citext.key, citext);
    auto profiles = relation_key(Kind::Table, "public", "profiles");
    add(c.tables, profiles);
    c.default_privileges.insert({"", "storage", 'r', "service_role", "SELECT", false, false});
    c.default_privileges.insert({"", "public", 'r', "anon", "SELECT", false, false});
    c.default_privileges.insert({"", "", 'r', "anon", "SELECT", false, false});

    Scope scope;
    scope.schemas = std::set<std::string>{"public"};
    scope.stubs = {{"*", "auth.*"}};
    scope.keep = {trigger};
    Catalog scoped = c;
    // auth, storage, extensions; auth.users and its column; storage.buckets;
    // uuid-ossp, which lives in extensions.
    CHECK(leave_out_ignored(scoped, {}, scope).size() == 7);
    CHECK(scoped.schemas.size() == 1);
    CHECK(scoped.triggers.contains(trigger)); // the tree's, on context
    CHECK(scoped.tables.size() == 1);
    CHECK(scoped.tables.contains(profiles));
    CHECK(scoped.extensions.size() == 1);
    CHECK(scoped.extensions.contains(citext.key));
    CHECK(scoped.default_privileges.size() == 2); // storage's goes
    CHECK(scoped.dependencies.empty());

    // A rule a person wrote wins over what the scope keeps.
    Catalog ignored_auth = c;
    leave_out_ignored(ignored_auth, {{"schema", "auth"}}, scope);
    CHECK(ignored_auth.triggers.empty());

    // Without schemas or stubs, the scope leaves everything.
    Catalog whole = c;
    CHECK(leave_out_ignored(whole, {}, Scope{}).empty());
}
