#pragma once

#include "runtime/migrations.h"
#include "runtime/result.h"
#include "steps/step.h"

#include <string>
#include <vector>

namespace schemac::emit {

/// Writes the next NNNN_name.up.sql / .down.sql pair into `dir` and updates
/// its sum file, which records `catalog` (the fingerprint of the catalog
/// the history leaves, "" when unknown). Returns the paths written, up first.
Result<std::pair<std::string, std::string>> write_migration(const runtime::MigrationDir& dir,
                                                            const std::string& name,
                                                            const std::vector<steps::Step>& forward,
                                                            const std::vector<steps::Step>& reverse,
                                                            const std::string& catalog = "");

} // namespace schemac::emit
