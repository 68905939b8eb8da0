#pragma once

#include "catalog/catalog.h"
#include "diff/change.h"
#include "runtime/result.h"
#include "steps/step.h"

#include <vector>

namespace schemac::plan {

/// The ordered steps that take `from` to `to`: diff, render, order, and the
/// named repair rules when the order has a cycle. `online`: see build_steps.
Result<std::vector<steps::Step>> plan_steps(const catalog::Catalog& from,
                                            const catalog::Catalog& to, bool online = true);
/// The same for the changes diff::diff(from, to) already gave.
Result<std::vector<steps::Step>> plan_steps(std::vector<diff::Change> changes,
                                            const catalog::Catalog& from,
                                            const catalog::Catalog& to, bool online = true);

/// Lines describing how two catalogs differ (empty when equal).
std::vector<std::string> differences(const catalog::Catalog& actual,
                                     const catalog::Catalog& expected);

} // namespace schemac::plan
