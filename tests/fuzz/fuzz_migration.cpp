// libFuzzer target: the migration-file parser the runtime applies from, and
// what the runtime reads of each statement it finds.

#include "runtime/script.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schemac::runtime;
    std::string text(reinterpret_cast<const char*>(data), size);
    auto script = parse_script("fuzz.up.sql", text);
    if (!script) {
        (void)script.error().describe();
        return 0;
    }
    (void)step_groups(*script);
    for (const auto& step : script->steps)
        for (const auto& statement : step.statements) {
            (void)concurrent_indexes(statement.sql);
            (void)concurrent_drops(statement.sql);
            (void)validated_constraints(statement.sql);
            (void)manages_extension(statement.sql);
        }
    return 0;
}
