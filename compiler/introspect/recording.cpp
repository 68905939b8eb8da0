// Recorded reads: the rows of every introspection query kept, and played back
// through the same code to read the same catalog again without the database.

#include "introspect/reader.h"

#include <algorithm>

namespace schemac::introspect {
namespace {

/// FNV-1a: which query a result answers, and whether a kept recording is
/// the one written (a byte changed inside a value would still parse).
class Fnv {
  public:
    void mix(std::string_view text) {
        for (unsigned char c : text)
            m_hash = (m_hash ^ c) * 1099511628211ULL;
    }
    std::uint64_t value() const { return m_hash; }

  private:
    std::uint64_t m_hash = 14695981039346656037ULL;
};

std::uint64_t query_hash(const std::string& sql, const std::vector<std::string>& params) {
    Fnv hash;
    hash.mix(sql);
    for (const auto& param : params) {
        hash.mix("\xff"); // a separator no text holds
        hash.mix(param);
    }
    return hash.value();
}

constexpr std::size_t k_sum_bytes = 8;

constexpr std::string_view k_magic = "schemac recording 2\n";
constexpr std::uint32_t k_null = 0xffffffff;

void put(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void put_text(std::string& out, std::string_view text) {
    put(out, text.size(), 4);
    out.append(text);
}

/// Reads what `put` wrote; any read past the end leaves it failed.
class Bytes {
  public:
    explicit Bytes(std::string_view bytes) : m_bytes(bytes) {}
    std::uint64_t get(int bytes) {
        if (m_bytes.size() < static_cast<std::size_t>(bytes)) {
            m_failed = true;
            return 0;
        }
        std::uint64_t value = 0;
        for (int i = 0; i < bytes; ++i)
            value |= std::uint64_t(static_cast<unsigned char>(m_bytes[i])) << (8 * i);
        m_bytes.remove_prefix(bytes);
        return value;
    }
    std::optional<std::string> get_text() {
        auto size = get(4);
        if (size == k_null)
            return std::nullopt;
        if (m_bytes.size() < size) {
            m_failed = true;
            return std::string();
        }
        std::string text(m_bytes.substr(0, size));
        m_bytes.remove_prefix(size);
        return text;
    }
    /// A count of items of at least `each` bytes: more than the bytes left
    /// could hold is damage, not a reason to allocate.
    std::size_t get_count(std::size_t each) {
        auto count = get(8);
        if (count > m_bytes.size() / each)
            m_failed = true;
        return m_failed ? 0 : count;
    }
    bool whole() const { return !m_failed && m_bytes.empty(); }

  private:
    std::string_view m_bytes;
    bool m_failed = false;
};

} // namespace

Result<runtime::Rows> Source::exec(const std::string& sql, const std::vector<std::string>& params) {
    std::uint64_t hash = query_hash(sql, params);
    if (m_replay) {
        if (m_next >= m_replay->results.size() || m_replay->results[m_next].first != hash)
            return Error("the recorded read does not answer this build's queries");
        return m_replay->results[m_next++].second;
    }
    auto rows = params.empty() ? m_conn->exec(sql) : m_conn->exec(sql, params);
    if (rows && m_record)
        m_record->results.emplace_back(hash, *rows);
    return rows;
}

int Source::server_version() const {
    return m_replay ? m_replay->server_version : m_conn->server_version();
}

std::string Recording::serialize() const {
    std::string out(k_magic);
    put(out, static_cast<std::uint32_t>(server_version), 4);
    put(out, results.size(), 8);
    for (const auto& [hash, rows] : results) {
        put(out, hash, 8);
        put(out, rows.names().size(), 8);
        for (const auto& name : rows.names())
            put_text(out, name);
        put(out, rows.values().size(), 8);
        for (const auto& row : rows.values())
            for (const auto& value : row) {
                if (value)
                    put_text(out, *value);
                else
                    put(out, k_null, 4);
            }
    }
    Fnv sum;
    sum.mix(out);
    put(out, sum.value(), k_sum_bytes);
    return out;
}

std::optional<Recording> Recording::parse(std::string_view bytes) {
    if (!bytes.starts_with(k_magic) || bytes.size() < k_magic.size() + k_sum_bytes)
        return std::nullopt;
    std::string_view payload = bytes.substr(0, bytes.size() - k_sum_bytes);
    Fnv sum;
    sum.mix(payload);
    if (Bytes(bytes.substr(payload.size())).get(k_sum_bytes) != sum.value())
        return std::nullopt;
    Bytes in(payload.substr(k_magic.size()));
    Recording recording;
    recording.server_version = static_cast<int>(in.get(4));
    std::size_t results = in.get_count(8);
    recording.results.reserve(results);
    for (std::size_t r = 0; r < results; ++r) {
        std::uint64_t hash = in.get(8);
        std::vector<std::string> names(in.get_count(4));
        for (auto& name : names)
            name = in.get_text().value_or("");
        runtime::Rows::Values values(in.get_count(std::max<std::size_t>(4 * names.size(), 1)));
        for (auto& row : values) {
            row.reserve(names.size());
            for (std::size_t c = 0; c < names.size(); ++c)
                row.push_back(in.get_text());
        }
        recording.results.emplace_back(hash, runtime::Rows(std::move(names), std::move(values)));
    }
    if (!in.whole())
        return std::nullopt;
    return recording;
}

} // namespace schemac::introspect
