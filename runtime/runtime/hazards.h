#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

/// What a migration step may do that a person must know about: the one table
/// of hazard kinds. The compiler writes them above each step of a migration
/// file (`-- hazard <name>: <message>`) and into plans; the runtime's gate
/// reads them back by name. Plans, the JSON schema and the README list them
/// from here (a unit test holds the last two to it).
namespace schemac::runtime {

enum class HazardKind : std::uint8_t {
    DataLoss,
    TableRewrite,
    EnumRebuild,
    LongLock,
    IndexBuild,
    NotTransactional,
    NeedsData,
};

struct HazardInfo {
    HazardKind kind;
    std::string_view name;        ///< stable: as files, plans and --allow-hazards spell it
    std::string_view description; ///< what it means, in words
    /// A person must approve it: `diff` and `plan --exit-code` exit 3.
    bool needs_approval;
    /// `apply` and `rollback` refuse a step with it unless `--allow-hazards`
    /// names it (the word that unlocks it is its name).
    bool gated;
};

inline constexpr std::array k_hazards{
    HazardInfo{HazardKind::DataLoss, "data-loss",
               "drops a table or column, or its rows, and what it held", true, true},
    HazardInfo{HazardKind::TableRewrite, "table-rewrite",
               "rewrites every row of an existing table under ACCESS EXCLUSIVE", true, false},
    HazardInfo{HazardKind::EnumRebuild, "enum-rebuild",
               "rebuilds an enum type and converts the columns that use it", true, false},
    HazardInfo{HazardKind::LongLock, "long-lock",
               "holds a lock on an existing table through a whole build or scan", true, false},
    HazardInfo{HazardKind::IndexBuild, "index-build",
               "builds an index concurrently on an existing table", false, false},
    HazardInfo{HazardKind::NotTransactional, "not-transactional",
               "runs outside a transaction, on its own", false, false},
    HazardInfo{HazardKind::NeedsData, "needs-data",
               "fails on existing rows unless the data phase prepares them first", true, false},
};
static_assert(k_hazards.size() == static_cast<std::size_t>(HazardKind::NeedsData) + 1,
              "k_hazards must list every HazardKind");

constexpr bool hazards_in_enum_order() {
    for (std::size_t i = 0; i < k_hazards.size(); ++i)
        if (static_cast<std::size_t>(k_hazards[i].kind) != i)
            return false;
    return true;
}
static_assert(hazards_in_enum_order(), "k_hazards must be in HazardKind order");

constexpr const HazardInfo& hazard_info(HazardKind kind) {
    return k_hazards[static_cast<std::size_t>(kind)];
}

/// The hazard a name stands for (`data-loss`), or nothing for a name that is none.
constexpr std::optional<HazardKind> find_hazard(std::string_view name) {
    for (const auto& info : k_hazards)
        if (info.name == name)
            return info.kind;
    return std::nullopt;
}

} // namespace schemac::runtime
