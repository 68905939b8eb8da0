#include "runtime/sql_text.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <iterator>
#include <pg_query.h>
#include <pthread.h>

namespace schemac::runtime {
namespace {

// libpg_query's ScanResult, in protobuf: field 2 holds each token, whose
// fields 1 and 2 are its byte range and field 4 its kind.
constexpr std::uint64_t k_sql_comment = 275;
constexpr std::uint64_t k_c_comment = 276;

/// A protobuf reader of just what ScanResult needs: varints and
/// length-delimited fields.
class Protobuf {
  public:
    Protobuf(const std::uint8_t* data, std::size_t size) : m_at(data), m_end(data + size) {}
    bool done() const { return m_at >= m_end; }
    /// The next field's number and wire type; false at the end or on bad input.
    bool next(std::uint64_t& field, std::uint64_t& wire) {
        std::uint64_t key = 0;
        if (!varint(key))
            return false;
        field = key >> 3;
        wire = key & 7;
        return true;
    }
    bool varint(std::uint64_t& out) {
        out = 0;
        for (int shift = 0; shift < 64 && m_at < m_end; shift += 7) {
            std::uint8_t byte = *m_at++;
            out |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    }
    /// A length-delimited field's bytes, as a reader of their own.
    bool nested(Protobuf& out) {
        std::uint64_t size = 0;
        if (!varint(size) || size > static_cast<std::uint64_t>(m_end - m_at))
            return false;
        out = Protobuf(m_at, size);
        m_at += size;
        return true;
    }
    /// Skips a field of `wire` type.
    bool skip(std::uint64_t wire) {
        std::uint64_t ignored = 0;
        Protobuf inner(nullptr, 0);
        switch (wire) {
        case 0:
            return varint(ignored);
        case 2:
            return nested(inner);
        case 1:
            return advance(8);
        case 5:
            return advance(4);
        default:
            return false;
        }
    }

  private:
    bool advance(std::size_t n) {
        if (static_cast<std::size_t>(m_end - m_at) < n)
            return false;
        m_at += n;
        return true;
    }
    const std::uint8_t* m_at;
    const std::uint8_t* m_end;
};

/// One ScanToken: its byte range and its kind.
bool read_token(Protobuf token, std::vector<Token>& out) {
    std::uint64_t start = 0, end = 0, kind = 0, field = 0, wire = 0;
    while (!token.done()) {
        if (!token.next(field, wire))
            return false;
        std::uint64_t* into = field == 1   ? &start
                              : field == 2 ? &end
                              : field == 4 ? &kind
                                           : nullptr;
        if (into && wire == 0 ? !token.varint(*into) : !token.skip(wire))
            return false;
    }
    out.push_back({start, end, kind == k_sql_comment || kind == k_c_comment});
    return true;
}

} // namespace

Result<std::vector<Token>> tokens_of(const std::string& text) {
    PgQueryScanResult scanned = pg_query_scan(text.c_str());
    if (scanned.error) {
        Error error("cannot read the text at character " +
                    std::to_string(scanned.error->cursorpos) + ": " + scanned.error->message);
        pg_query_free_scan_result(scanned);
        return error;
    }
    std::vector<Token> out;
    Protobuf result(reinterpret_cast<const std::uint8_t*>(scanned.pbuf.data), scanned.pbuf.len);
    bool ok = true;
    std::uint64_t field = 0, wire = 0;
    while (ok && !result.done()) {
        Protobuf token(nullptr, 0);
        ok = result.next(field, wire) &&
             (field == 2 && wire == 2 ? result.nested(token) && read_token(token, out)
                                      : result.skip(wire));
    }
    pg_query_free_scan_result(scanned);
    if (!ok)
        return Error("cannot read libpg_query's scan of the text");
    return out;
}

Result<std::vector<Comment>> comments_of(const std::string& text) {
    auto tokens = tokens_of(text);
    if (!tokens)
        return tokens.error();
    std::vector<Comment> out;
    for (const auto& token : *tokens)
        if (token.comment)
            out.push_back({token.begin, token.end});
    return out;
}

std::size_t find_name(const std::string& text, const std::vector<std::string>& parts,
                      bool qualifier) {
    auto tokens = tokens_of(text);
    if (!tokens || parts.empty())
        return std::string::npos;
    std::vector<Token> words;
    std::ranges::copy_if(*tokens, std::back_inserter(words),
                         [](const Token& t) { return !t.comment; });
    // A token read as the name it spells: a quoted one as written, any
    // other folded to lower case.
    auto spelled = [&](const Token& t) {
        std::string word = text.substr(t.begin, t.end - t.begin);
        if (word.size() >= 2 && word.front() == '"' && word.back() == '"') {
            std::string name;
            for (std::size_t i = 1; i + 1 < word.size(); ++i) {
                name += word[i];
                if (word[i] == '"')
                    ++i; // "" is one quote
            }
            return name;
        }
        std::ranges::transform(word, word.begin(), [](unsigned char c) {
            return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        });
        return word;
    };
    // `a . b . c`: 2n - 1 tokens, and a dot after them for a qualifier.
    const std::size_t span = parts.size() * 2 - (qualifier ? 0 : 1);
    for (std::size_t i = 0; i + span <= words.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < span && match; ++k)
            match = k % 2 ? spelled(words[i + k]) == "." : spelled(words[i + k]) == parts[k / 2];
        if (match)
            return words[i].begin;
    }
    return std::string::npos;
}

std::size_t parse_stack_for(std::size_t bytes) {
    // Measured: about 200 bytes of stack per byte of the deepest input
    // ("1+1+...", one level per two bytes); twice that, and at least 16 MB.
    constexpr std::size_t k_per_byte = 512;
    constexpr std::size_t k_least = std::size_t{16} << 20;
    return std::max(k_least, bytes * k_per_byte);
}

namespace {

/// A work run on a thread of its own, whose exception is kept.
struct StackJob {
    const std::function<void()>* work;
    std::exception_ptr failed;
    pthread_t thread{};
    bool started = false;

    static void* run(void* arg) {
        auto* job = static_cast<StackJob*>(arg);
        try {
            (*job->work)();
        } catch (...) {
            job->failed = std::current_exception();
        }
        return nullptr;
    }
    void start(std::size_t bytes) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, bytes);
        started = pthread_create(&thread, &attr, run, this) == 0;
        pthread_attr_destroy(&attr);
    }
    void join() {
        if (started)
            pthread_join(thread, nullptr);
    }
};

} // namespace

void on_stack(std::size_t bytes, const std::function<void()>& work) {
    on_stack_with_helper(bytes, work, nullptr);
}

void on_stack_with_helper(std::size_t bytes, const std::function<void()>& work,
                          const std::function<void()>& helper) {
    StackJob main{&work, nullptr};
    StackJob help{&helper, nullptr};
    main.start(bytes);
    if (helper)
        help.start(bytes);
    if (!main.started)
        StackJob::run(&main); // no thread to be had: the caller's own stack
    main.join();
    help.join();
    for (const auto* job : {&main, &help})
        if (job->failed)
            std::rethrow_exception(job->failed);
}

std::vector<TextProblem> text_problems(const std::string& text) {
    std::vector<TextProblem> out;
    for (std::size_t i = 0; i < text.size() && out.empty();) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0) {
            out.push_back({i, "a NUL byte; SQL text holds none"});
            break;
        }
        std::size_t length = byte < 0x80           ? 1
                             : (byte >> 5) == 0x6  ? 2
                             : (byte >> 4) == 0xE  ? 3
                             : (byte >> 3) == 0x1E ? 4
                                                   : 0;
        bool valid = length > 0 && i + length <= text.size();
        char32_t code = length == 1 ? byte : byte & (0x7F >> length);
        for (std::size_t k = 1; valid && k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xC0) == 0x80;
            code = (code << 6) | (next & 0x3F);
        }
        // The shortest form only, no surrogate, nothing beyond U+10FFFF
        // (RFC 3629): what PostgreSQL's own check and a JSON reader accept.
        constexpr char32_t k_least[] = {0, 0, 0x80, 0x800, 0x10000};
        valid = valid && code >= k_least[length] && code <= 0x10FFFF &&
                (code < 0xD800 || code > 0xDFFF);
        if (!valid) {
            out.push_back({i, "a byte that is not UTF-8; save the file as UTF-8"});
            break;
        }
        i += length;
    }
    return out;
}

} // namespace schemac::runtime
