#include "catalog/utf8.h"

#include <doctest/doctest.h>
#include <string>

using namespace schemac::catalog;

TEST_CASE("text is measured and cut in characters") {
    std::string text = "añb€c"; // 1 + 2 + 1 + 3 + 1 bytes
    CHECK(utf8::length(text) == 5);
    CHECK(utf8::offset_of(text, 1) == 0);
    CHECK(utf8::offset_of(text, 3) == 3);
    CHECK(utf8::offset_of(text, 5) == 7);
    CHECK(utf8::offset_of(text, 6) == text.size());
    CHECK(utf8::truncate(text, 2) == "a");   // not half of ñ
    CHECK(utf8::truncate(text, 6) == "añb"); // not two thirds of €
    CHECK(utf8::truncate(text, 7) == "añb€");
    CHECK(utf8::truncate(text, 100) == text);
}
