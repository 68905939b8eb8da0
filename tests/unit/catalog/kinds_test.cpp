// The kind table and the containers declared per kind.

#include "catalog/catalog.h"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace schemac::catalog;

TEST_CASE("every kind's objects are held in one map, each map walked once, in Kind order") {
    Catalog c;
    std::set<const void*> maps;
    for (const auto& info : k_kind_info)
        with_objects(c, info.kind, [&](const auto& objects) { maps.insert(&objects); });
    // Functions, procedures and aggregates share a map; views and
    // materialized views; foreign-data wrappers, servers and user mappings.
    CHECK(maps.size() == k_kind_count - 5);
    std::vector<const void*> walked;
    for_each_objects(c, [&](const auto& objects) { walked.push_back(&objects); });
    CHECK(walked.size() == maps.size());
    CHECK(std::set<const void*>(walked.begin(), walked.end()) == maps);
    CHECK(walked.front() == &c.schemas);
    CHECK(walked.back() == &c.statistics);
    CHECK(&objects_of<Function>(c) == &c.functions);
    CHECK(&objects_of<View>(c) == &c.views);
}

TEST_CASE("contains finds an object through the map of its kind") {
    Catalog c;
    Function f;
    f.key = relation_key(Kind::Procedure, "public", "p");
    c.functions.emplace(f.key, f);
    CHECK(c.contains(f.key));
    f.key.kind = Kind::Function;
    CHECK_FALSE(c.contains(f.key));
}

TEST_CASE("the kind table's facts hang together") {
    for (const auto& info : k_kind_info) {
        INFO(info.name);
        CHECK_FALSE(info.keyword.empty());
        CHECK(info.priority > 0);
        // What ALTER COLUMN TYPE carries along is part of a table.
        if (info.carried_by_alter_type)
            CHECK((info.naming == Naming::Column || info.held_by_partition_parent));
        // Only what is part of a table is renamed through ALTER TABLE.
        if (info.altered_through_table)
            CHECK((info.naming == Naming::Column || info.naming == Naming::OnTable));
        // What a partition holds as its parent's reaches the partitions.
        if (info.held_by_partition_parent)
            CHECK(info.recurses_to_partitions);
    }
    CHECK(kind_info(Kind::View).replaceable);
    CHECK_FALSE(kind_info(Kind::MaterializedView).replaceable);
    CHECK(is_routine(Kind::Procedure));
    CHECK(qualified_name(relation_key(Kind::Procedure, "public", "p")) == "public.p()");
    CHECK(qualified_name(child_key(Kind::Policy, "a b", "t", "p")) == "p ON \"a b\".t");
    CHECK(qualified_name(child_key(Kind::Column, "public", "t", "User")) == "public.t.\"User\"");
    CHECK(describe(schema_key("s")) == "schema s");
}

TEST_CASE("a facet of a key is another key, ordered after the object's") {
    auto table = relation_key(Kind::Table, "public", "t");
    auto keys = facet_of(table, Facet::Keys);
    CHECK(keys != table);
    CHECK(table < keys);
    CHECK(table_of_object(table) == table);
    CHECK(table_of_object(child_key(Kind::Trigger, "public", "t", "tr")) == table);
}
