#include "catalog/printed.h"

#include <optional>
#include <vector>

namespace schemac::catalog {
namespace {

/// The index just past the literal or quoted name opening at `at` ('' and
/// "" doubled inside).
std::size_t past_quoted(const std::string& text, std::size_t at) {
    char quote = text[at];
    for (std::size_t i = at + 1; i < text.size(); ++i)
        if (text[i] == quote) {
            if (i + 1 < text.size() && text[i + 1] == quote)
                ++i;
            else
                return i + 1;
        }
    return text.size();
}

/// The index of the bracket or parenthesis that closes the one at `open`,
/// or npos.
std::size_t closing(const std::string& text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size();) {
        char c = text[i];
        if (c == '\'' || c == '"') {
            i = past_quoted(text, i);
            continue;
        }
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && --depth == 0)
            return i;
        ++i;
    }
    return std::string::npos;
}

/// The type every element of `elements` (the text between ARRAY[ and ]) is
/// cast to at its end (`'a'::character varying`), if they agree.
std::optional<std::string> common_cast(const std::string& elements) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= elements.size();) {
        if (i == elements.size() || elements[i] == ',') {
            parts.push_back(elements.substr(start, i - start));
            start = ++i;
            continue;
        }
        char c = elements[i];
        if (c == '\'' || c == '"')
            i = past_quoted(elements, i);
        else if (c == '(' || c == '[')
            i = std::min(closing(elements, i), elements.size() - 1) + 1;
        else
            ++i;
    }
    std::optional<std::string> type;
    for (const auto& part : parts) {
        // The last `::` outside literals, brackets and parentheses.
        std::size_t cast = std::string::npos;
        for (std::size_t i = 0; i < part.size();) {
            char c = part[i];
            if (c == '\'' || c == '"') {
                i = past_quoted(part, i);
            } else if (c == '(' || c == '[') {
                std::size_t end = closing(part, i);
                if (end == std::string::npos)
                    return std::nullopt;
                i = end + 1;
            } else {
                if (c == ':' && i + 1 < part.size() && part[i + 1] == ':')
                    cast = i;
                ++i;
            }
        }
        if (cast == std::string::npos)
            return std::nullopt;
        std::string element_type = part.substr(cast + 2);
        if (element_type.empty() || element_type.find_first_of("()[]") != std::string::npos ||
            (type && *type != element_type))
            return std::nullopt;
        type = element_type;
    }
    return type;
}

/// The elements of an array's text, split at its top-level commas.
std::vector<std::string> elements_of(const std::string& elements) {
    std::vector<std::string> out;
    std::size_t from = 0;
    int depth = 0;
    for (std::size_t i = 0; i <= elements.size(); ++i) {
        if (i < elements.size()) {
            char c = elements[i];
            if (c == '\'' || c == '"') {
                i = past_quoted(elements, i) - 1;
                continue;
            }
            if (c == '(' || c == '[')
                ++depth;
            else if (c == ')' || c == ']')
                --depth;
            if (c != ',' || depth != 0)
                continue;
        }
        std::string element = elements.substr(from, i - from);
        while (!element.empty() && element.front() == ' ')
            element.erase(0, 1);
        out.push_back(std::move(element));
        from = i + 1;
    }
    return out;
}

/// `printed` with each `(ARRAY[elements])::type[]` whose elements share one
/// cast replaced by `rewrite(elements, element_type, type)`.
template <class Rewrite>
std::string rewrite_cast_arrays(const std::string& printed, const Rewrite& rewrite) {
    static constexpr std::string_view k_array = "(ARRAY[";
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < printed.size();) {
        char c = printed[i];
        if (c == '\'' || c == '"') {
            i = past_quoted(printed, i);
            continue;
        }
        if (printed.compare(i, k_array.size(), k_array) != 0) {
            ++i;
            continue;
        }
        std::size_t bracket = i + k_array.size() - 1;
        std::size_t end = closing(printed, bracket);
        std::size_t paren = end == std::string::npos ? end : end + 1;
        std::size_t type_end = paren == std::string::npos ? paren : printed.find("[]", paren);
        if (type_end == std::string::npos || printed.compare(paren, 3, ")::") != 0) {
            ++i;
            continue;
        }
        std::string elements = printed.substr(bracket + 1, end - bracket - 1);
        auto element_type = common_cast(elements);
        if (!element_type) {
            ++i;
            continue;
        }
        out += printed.substr(copied, i - copied) +
               rewrite(elements, *element_type, printed.substr(paren + 3, type_end - paren - 3));
        copied = i = type_end + 2;
    }
    return out + printed.substr(copied);
}

} // namespace

std::string as_list_of_casts(const std::string& printed) {
    return rewrite_cast_arrays(
        printed, [](const std::string& elements, const std::string&, const std::string& type) {
            std::string list;
            for (const auto& element : elements_of(elements))
                list += (list.empty() ? "(" : ", (") + element + ")::" + type;
            return "ARRAY[" + list + "]";
        });
}

std::string pin_array_casts(const std::string& printed) {
    return rewrite_cast_arrays(
        printed,
        [](const std::string& elements, const std::string& element_type, const std::string& type) {
            return "((ARRAY[" + elements + "])::" + element_type + "[])::" + type + "[]";
        });
}

} // namespace schemac::catalog
