#include "runtime/progress.h"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace schemac::runtime {

namespace {
constexpr auto k_after = std::chrono::seconds(1);
constexpr auto k_every = std::chrono::milliseconds(250);
} // namespace

std::string count(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

Progress::Progress(int verbosity) {
    const char* setting = std::getenv("SCHEMAC_PROGRESS");
    m_enabled = verbosity >= 0 && !(setting && std::string_view(setting) == "0");
    m_terminal = isatty(STDERR_FILENO) == 1;
    if (m_enabled)
        m_ticker = std::thread([this] { tick(); });
}

Progress::~Progress() {
    end();
    if (!m_enabled)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_ticker.join();
}

void Progress::begin(std::string what) {
    if (!m_enabled)
        return;
    std::lock_guard lock(m_mutex);
    erase_line();
    m_what = std::move(what);
    m_started = std::chrono::steady_clock::now();
    m_shown = false;
}

void Progress::end() {
    if (!m_enabled)
        return;
    std::lock_guard lock(m_mutex);
    erase_line();
    m_what.clear();
}

void Progress::clear() {
    if (!m_enabled)
        return;
    std::lock_guard lock(m_mutex);
    if (m_terminal)
        erase_line();
}

void Progress::erase_line() {
    if (m_terminal && m_shown)
        std::cerr << "\r\033[K" << std::flush;
    m_shown = false;
}

void Progress::tick() {
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, k_every);
        if (m_stopping || m_what.empty())
            continue;
        auto elapsed = std::chrono::steady_clock::now() - m_started;
        if (elapsed < k_after)
            continue;
        if (m_terminal) {
            auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
            std::cerr << "\r\033[Kschemac: " << m_what << "... " << seconds << " s" << std::flush;
            m_shown = true;
        } else if (!m_shown) {
            std::cerr << "schemac: " << m_what << "...\n" << std::flush;
            m_shown = true;
        }
    }
}

} // namespace schemac::runtime
