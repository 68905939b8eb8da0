// libFuzzer target: the tree loader on one file's bytes (parse, then order).
// Any input must give statements or an Error, never a crash.

#include "load/load.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schemac::load;
    SourceFile file("fuzz.sql", std::string(reinterpret_cast<const char*>(data), size));
    auto parsed = parse_file(file);
    if (parsed)
        (void)order_statements(std::move(parsed->statements));
    else
        (void)parsed.error().describe();
    return 0;
}
