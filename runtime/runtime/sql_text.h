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

/// Checks that `text` holds no NUL byte and is valid UTF-8; an error gives
/// the byte offset of the first one that is not (its `message` says what).
struct TextProblem {
    std::size_t offset = 0;
    std::string message;
};
std::vector<TextProblem> text_problems(const std::string& text);

} // namespace schemac::runtime
