#pragma once

#include "catalog/catalog.h"
#include "diff/change.h"
#include "diff/step.h"

#include <vector>

/// Rendering: changes become steps (SQL plus what each step provides, removes
/// and changes), and ordered steps become a script. Decides nothing.
namespace schemac::emit {

/// The steps for every change, in change order (not yet sorted). `to` is the
/// catalog the steps lead to (for cast decisions).
std::vector<diff::Step> build_steps(const std::vector<diff::Change>& changes,
                                    const catalog::Catalog& to);

/// The SQL of ordered steps: each statement ends with ';', steps are
/// separated by a blank line, hazards are noted in comments above their step.
std::string render_script(const std::vector<diff::Step>& steps);

/// The statements of ordered steps, one string each, without ';'.
std::vector<std::string> statements_of(const std::vector<diff::Step>& steps);

} // namespace schemac::emit
