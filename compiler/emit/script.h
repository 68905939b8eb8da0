#pragma once

#include "steps/step.h"

#include <string>
#include <vector>

/// Rendering: ordered steps become a script or a migration file. Decides
/// nothing: every statement, hazard and marker comes from the steps.
namespace schemac::emit {

/// The SQL of ordered steps: each statement ends with ';', steps are
/// separated by a blank line, hazards are noted in comments above their step.
std::string render_script(const std::vector<steps::Step>& steps);

/// A migration file: a header comment naming `title` and one line per step,
/// then each step after a `-- schemac:step` marker line, so the runtime can
/// run the steps one by one (`-- schemac:no-transaction` marks a step that
/// cannot run inside a transaction).
std::string render_migration(const std::vector<steps::Step>& steps, const std::string& title);

} // namespace schemac::emit
