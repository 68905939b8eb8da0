// The runtime's drift fingerprint covers every kind of object the compiler
// diffs: a kind added to the compiler's table without a fingerprint part
// fails here.

#include "catalog/kinds.h"
#include "runtime/history.h"

#include <doctest/doctest.h>
#include <set>
#include <sstream>
#include <string>

namespace {

/// Everything the fingerprint's parts say they cover.
std::set<std::string> covered() {
    std::set<std::string> out;
    for (const auto& part : schemac::runtime::fingerprint_parts()) {
        std::stringstream names{std::string(part.covers)};
        for (std::string name; std::getline(names, name, ',');)
            out.insert(name.substr(name.find_first_not_of(' ')));
    }
    return out;
}

} // namespace

TEST_CASE("the drift fingerprint covers every kind the compiler diffs") {
    auto parts = covered();
    for (const auto& info : schemac::catalog::k_kind_info) {
        INFO("kind " << info.name);
        CHECK(parts.contains(std::string(info.name)));
    }
    // What the compiler diffs beyond objects of a kind.
    for (const char* also : {"privileges", "default privileges", "comments"}) {
        INFO(also);
        CHECK(parts.contains(also));
    }
}

TEST_CASE("every fingerprint part gives lines of its own") {
    for (const auto& part : schemac::runtime::fingerprint_parts()) {
        INFO(part.covers);
        CHECK(std::string(part.sql).find("SELECT ") != std::string::npos);
        CHECK_FALSE(part.covers.empty());
    }
}
