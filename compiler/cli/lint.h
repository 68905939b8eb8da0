#pragma once

#include "catalog/catalog.h"
#include "load/load.h"

#include <string>
#include <vector>

/// Warnings about the desired state that `plan` shows: high-value, stable
/// codes, each silenced for a table by `-- schemac:allow CODE` on the comment
/// lines directly above its CREATE TABLE.
namespace schemac::cli {

struct Warning {
    std::string code;    ///< SC001, stable
    std::string name;    ///< foreign-key-without-index, stable
    std::string object;  ///< `table public.posts`
    std::string message; ///< what exactly, in words
};

/// SC001 foreign-key-without-index, SC002 table-without-primary-key,
/// SC003 serial-instead-of-identity; sorted by object, then code.
std::vector<Warning> lint(const catalog::Catalog& desired, const load::Tree& tree);

} // namespace schemac::cli
