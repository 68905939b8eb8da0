#include "catalog/printed.h"

#include <doctest/doctest.h>

using schemac::catalog::pin_array_casts;

TEST_CASE("a printed list cast to another array type keeps its cast outside") {
    // pg_get_constraintdef of CHECK (s IN ('a', 'b)')) over a varchar.
    CHECK(pin_array_casts("CHECK (((s)::text = ANY ((ARRAY['a'::character varying, "
                          "'b)'::character varying])::text[])))") ==
          "CHECK (((s)::text = ANY (((ARRAY['a'::character varying, "
          "'b)'::character varying])::character varying[])::text[])))");
    // Two in one view, NOT IN too; the rest unchanged.
    std::string view = "SELECT t.id FROM t WHERE (((t.s)::text = ANY "
                       "((ARRAY['a'::character varying])::text[])) AND ((t.s)::text <> ALL "
                       "((ARRAY['q'::character varying, 'r'::character varying])::text[])))";
    CHECK(pin_array_casts(view) ==
          "SELECT t.id FROM t WHERE (((t.s)::text = ANY "
          "(((ARRAY['a'::character varying])::character varying[])::text[])) AND ((t.s)::text "
          "<> ALL (((ARRAY['q'::character varying, 'r'::character varying])::character "
          "varying[])::text[])))");
}

TEST_CASE("arrays that are no cast list, and text that only looks like one, stay") {
    for (const char* same : {
             "(t.c = ANY (ARRAY['x'::bpchar, 'y'::bpchar]))",       // no cast after it
             "(t.n = ANY ((ARRAY[1.5, (2)::numeric])::float8[]))",  // an element without one
             "(ARRAY['a'::text, 'b'::name])::text[]",               // elements that differ
             "CHECK ((s <> '(ARRAY[''a''::text])::text[]'::text))", // in a literal
             "\"(ARRAY['a'::text])::text[]\"",                      // in a quoted name
             "(ARRAY['a'::text",                                    // cut short
         })
        CHECK(pin_array_casts(same) == same);
    CHECK(pin_array_casts("(ARRAY[(1)::bigint, (2)::bigint])::numeric[]") ==
          "((ARRAY[(1)::bigint, (2)::bigint])::bigint[])::numeric[]");
}

TEST_CASE("a printed list cast to another array type, as it is stored once executed again") {
    using schemac::catalog::as_list_of_casts;
    // What pg_dump's text of CHECK (s IN ('a', 'b')) is printed as once restored.
    CHECK(as_list_of_casts("CHECK (((s)::text = ANY ((ARRAY['a'::character varying, "
                           "'b, c'::character varying])::text[])))") ==
          "CHECK (((s)::text = ANY (ARRAY[('a'::character varying)::text, ('b, "
          "c'::character varying)::text])))");
    // That form, and text without such arrays, stay.
    for (const char* same : {"(ARRAY[('a'::character varying)::text])",
                             "(t.c = ANY (ARRAY['x'::bpchar, 'y'::bpchar]))"})
        CHECK(as_list_of_casts(same) == same);
}
