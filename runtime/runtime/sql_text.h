#pragma once

#include "runtime/result.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

/// SQL text as libpg_query reads it, safely: its comments found by the
/// scanner, and deep parse trees built on a stack that holds them.
namespace schemac::runtime {

/// A comment's byte range in a text: `-- ...` (to the end of its line) or
/// `/* ... */`, never inside a string, a dollar-quoted body or a quoted name.
struct Comment {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A token of `text` as libpg_query's scanner finds it: its byte range.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool comment = false;
};

/// The tokens of `text`, in order; an error as comments_of gives.
Result<std::vector<Token>> tokens_of(const std::string& text);

/// Where the name `parts` (`{"auth", "users"}` for `auth.users`, each part
/// as PostgreSQL stores it) is first written in `text`, as tokens (quoted
/// or not, any case an unquoted name folds from), never inside a string, a
/// body or a comment: its first byte, or npos. A `qualifier` is followed by
/// a dot (the schema of `auth.users`).
std::size_t find_name(const std::string& text, const std::vector<std::string>& parts,
                      bool qualifier = false);

/// The comments of `text`, in order, as libpg_query's scanner finds them.
/// Text the scanner cannot read (an unterminated string) gives an error
/// naming the byte it stopped at (a 1-based character position).
Result<std::vector<Comment>> comments_of(const std::string& text);

/// The stack a parse of `bytes` of SQL may need: libpg_query writes its
/// parse tree by recursion, one level per level of nesting, and an
/// expression of a few thousand terms nests that deep.
std::size_t parse_stack_for(std::size_t bytes);

/// Runs `work` on a thread whose stack holds `bytes`, and waits for it.
void on_stack(std::size_t bytes, const std::function<void()>& work);
/// Runs `work` as on_stack does, and `helper` meanwhile on a thread of its
/// own with such a stack, when one can be had (never on the caller's
/// stack: it only speeds `work` up, and `work` must not need it); waits for
/// both. The first exception thrown is thrown again.
void on_stack_with_helper(std::size_t bytes, const std::function<void()>& work,
                          const std::function<void()>& helper);

/// Checks that `text` holds no NUL byte and is valid UTF-8; an error gives
/// the byte offset of the first one that is not (its `message` says what).
struct TextProblem {
    std::size_t offset = 0;
    std::string message;
};
std::vector<TextProblem> text_problems(const std::string& text);

} // namespace schemac::runtime
