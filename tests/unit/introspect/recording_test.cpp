// A recorded read kept between runs: written and read back whole, and any
// damage refused rather than misread.

#include "introspect/introspect.h"

#include <doctest/doctest.h>

using namespace schemac;
using introspect::Recording;

namespace {

Recording sample() {
    runtime::Rows::Values values{{std::string("public"), std::nullopt},
                                 {std::string("a \"b\"\n\0c", 9), std::string()}};
    return Recording{
        150018,
        {{42, runtime::Rows({"nspname", "comment"}, values)}, {7, runtime::Rows({"none"}, {})}}};
}

} // namespace

TEST_CASE("a recording reads back as it was written: NULL, empty and binary text kept apart") {
    auto back = Recording::parse(sample().serialize());
    REQUIRE(back);
    CHECK(back->server_version == 150018);
    REQUIRE(back->results.size() == 2);
    CHECK(back->results[0].first == 42);
    CHECK(back->results[0].second.names() == sample().results[0].second.names());
    CHECK(back->results[0].second.values() == sample().results[0].second.values());
    CHECK(back->results[1].second.names() == std::vector<std::string>{"none"});
    CHECK(back->results[1].second.empty());
}

TEST_CASE("a damaged recording is refused: cut short, extended, a value changed, another format") {
    std::string bytes = sample().serialize();
    for (std::size_t size = 0; size < bytes.size(); ++size)
        CHECK_FALSE(Recording::parse(bytes.substr(0, size)));
    CHECK_FALSE(Recording::parse(bytes + "x"));
    // A byte changed inside a value still parses: the sum refuses it.
    std::string changed = bytes;
    auto at = changed.find("public");
    REQUIRE(at != std::string::npos);
    changed[at] = 'P';
    CHECK_FALSE(Recording::parse(changed));
    std::string other = bytes;
    other[18] = '3'; // "schemac recording 3"
    CHECK_FALSE(Recording::parse(other));
}
