#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace schemac::runtime {

/// SHA-256 (FIPS 180-4), incremental.
class Sha256 {
  public:
    Sha256();
    Sha256& update(std::string_view data);
    /// The digest as 64 lower-case hex digits; the object is spent afterwards.
    std::string hex();

  private:
    void block(const std::uint8_t* chunk);
    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

std::string sha256_hex(std::string_view data);

} // namespace schemac::runtime
