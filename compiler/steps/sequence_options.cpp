#include "steps/sequence_options.h"

#include "catalog/quote.h"

namespace schemac::steps {
namespace {

enum class Option { Type, Start, Increment, Min, Max, Cache, Cycle };

/// One option of `o` as a clause: `AS integer`, `MINVALUE 5`, `NO CYCLE`.
std::string clause(Option option, const catalog::SequenceOptions& o) {
    switch (option) {
    case Option::Type:
        return "AS " + o.type;
    case Option::Start:
        return "START WITH " + std::to_string(o.start);
    case Option::Increment:
        return "INCREMENT BY " + std::to_string(o.increment);
    case Option::Min:
        return "MINVALUE " + std::to_string(o.min);
    case Option::Max:
        return "MAXVALUE " + std::to_string(o.max);
    case Option::Cache:
        return "CACHE " + std::to_string(o.cache);
    case Option::Cycle:
        break;
    }
    return o.cycle ? "CYCLE" : "NO CYCLE";
}

bool same(Option option, const catalog::SequenceOptions& a, const catalog::SequenceOptions& b) {
    switch (option) {
    case Option::Type:
        return a.type == b.type;
    case Option::Start:
        return a.start == b.start;
    case Option::Increment:
        return a.increment == b.increment;
    case Option::Min:
        return a.min == b.min;
    case Option::Max:
        return a.max == b.max;
    case Option::Cache:
        return a.cache == b.cache;
    case Option::Cycle:
        break;
    }
    return a.cycle == b.cycle;
}

} // namespace

std::vector<std::string> creation_clauses(const catalog::SequenceOptions& o, bool with_type) {
    // What PostgreSQL picks by itself: bigint, an increment and a cache of
    // 1, no cycle, the type's bounds for the direction, and a start where it
    // counts from.
    catalog::SequenceOptions d = catalog::default_sequence_options(o.type, o.increment);
    d.type = with_type ? "bigint" : o.type;
    d.increment = 1;
    d.start = o.increment > 0 ? o.min : o.max;
    std::vector<std::string> out;
    for (Option option : {Option::Type, Option::Start, Option::Increment, Option::Min, Option::Max,
                          Option::Cache, Option::Cycle})
        if (!same(option, o, d))
            out.push_back(clause(option, o));
    return out;
}

std::vector<std::string> changed_clauses(const catalog::SequenceOptions& from,
                                         const catalog::SequenceOptions& to, bool with_type) {
    std::vector<std::string> out;
    for (Option option : {Option::Type, Option::Increment, Option::Min, Option::Max, Option::Start,
                          Option::Cache, Option::Cycle})
        if ((with_type || option != Option::Type) && !same(option, from, to))
            out.push_back(clause(option, to));
    // PostgreSQL keeps the current value, which no value of a range that
    // does not meet the old one accepts: start again, at the new START.
    if (to.min > from.max || to.max < from.min)
        out.push_back("RESTART");
    return out;
}

std::optional<std::string> value_into_range(const catalog::SequenceOptions& from,
                                            const catalog::SequenceOptions& to,
                                            const std::string& sequence) {
    bool meets = to.min <= from.max && to.max >= from.min;
    bool raises_min = to.min > from.min, lowers_max = to.max < from.max;
    if (!meets || (!raises_min && !lowers_max))
        return std::nullopt;
    std::string min = std::to_string(to.min), max = std::to_string(to.max);
    std::string value = raises_min && lowers_max ? "CASE WHEN last_value < " + min + " THEN " +
                                                       min + " ELSE " + max + " END"
                                                 : (raises_min ? min : max);
    std::string outside = raises_min && lowers_max
                              ? "last_value < " + min + " OR last_value > " + max
                              : "last_value " + (raises_min ? "< " + min : "> " + max);
    return "SELECT pg_catalog.setval(" + catalog::quote_literal(sequence) + ", " + value +
           ", false) FROM " + sequence + " WHERE " + outside;
}

std::string joined(const std::vector<std::string>& clauses, const std::string& separator) {
    std::string out;
    for (const auto& c : clauses)
        out += separator + c;
    return out;
}

} // namespace schemac::steps
