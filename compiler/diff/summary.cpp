#include "diff/change.h"

#include "catalog/quote.h"

namespace schemac::diff {

ChangeSummary summary_of(const Change& change) {
    std::string object = catalog::describe(key_of(change));
    return std::visit(
        [&](const auto& c) -> ChangeSummary {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                return {"+", "create", object, ""};
            else if constexpr (std::is_same_v<T, RebuildEnum>)
                return {"±", "rebuild", object, ""};
            else if constexpr (std::is_same_v<T, SetComment>)
                return {"~", "alter", object, "comment"};
            else if constexpr (std::is_same_v<T, SetOwner>)
                return {"~", "alter", object,
                        "owner " + (c.owner.empty() ? std::string("CURRENT_USER") : c.owner)};
            else if constexpr (std::is_same_v<T, ResetDefault>)
                return {"~", "alter", object, "default, around its function's rebuild"};
            else if constexpr (std::is_same_v<T, SetDefaultPrivileges>)
                return {"~", "alter", c.target.name.empty() ? "every schema" : object,
                        "default privileges" + (c.role.empty() ? "" : " of " + c.role) + " for " +
                            c.grantee};
            else if constexpr (std::is_same_v<T, SetPrivileges>)
                return {"~", "alter", object, "privileges of " + c.grantee};
            else if constexpr (requires { c.implied; })
                return {"-", "drop", object, ""};
            else if constexpr (requires { c.object; })
                return {"+", "create", object, ""};
            else
                return {"~", "alter", object, ""};
        },
        change);
}

catalog::ObjectKey Rename::before() const {
    catalog::ObjectKey key = object;
    if (!enum_value)
        key.name = from;
    return key;
}

catalog::ObjectKey Rename::after() const {
    catalog::ObjectKey key = object;
    if (!enum_value)
        key.name = to;
    return key;
}

ChangeSummary summary_of(const Rename& r) {
    std::string detail =
        r.enum_value ? "value '" + r.from + "' to '" + r.to + "'" : "from " + r.from;
    if (!r.implied_by.empty())
        detail += ", following " + r.implied_by;
    return {"~", "rename", catalog::describe(r.object), detail};
}

ChangeSummary summary_of(const Relocation& r) {
    return {"~", "alter", catalog::describe(catalog::extension_key(r.extension)),
            "schema " + catalog::quote_ident(r.from) + " to " + catalog::quote_ident(r.to)};
}

std::string summarize(const Change& change) {
    return summary_line(summary_of(change));
}

std::string summary_line(const ChangeSummary& s) {
    std::string line = s.symbol + " " + s.object;
    if (s.action == "rebuild")
        line += " (rebuilt)";
    else if (s.action == "rename")
        line += " (renamed " + s.detail + ")";
    else if (!s.detail.empty())
        line += " (" + s.detail + ")";
    return line;
}

} // namespace schemac::diff
