#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

/// What a long command is doing, on stderr, for any stage that runs over
/// about a second: a live line with the elapsed seconds on a terminal
/// (erased when the stage ends), one plain line otherwise; nothing with -q or
/// when SCHEMAC_PROGRESS=0 (the tests' sessions, whose output must not depend
/// on the machine's speed). The compiler's stages and apply's steps use it.
namespace schemac::runtime {

/// "1 step", "2 steps": a count as messages say it.
std::string count(std::size_t n, const std::string& noun);

class Progress {
  public:
    explicit Progress(int verbosity);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// The current stage ends, `what` begins ("materializing 120 statements").
    void begin(std::string what);
    /// The current stage ends; none runs.
    void end();
    /// Erases a live line, so another line can be printed; it is drawn
    /// again on the next tick while the stage runs.
    void clear();

  private:
    void tick();
    void erase_line(); ///< with m_mutex held

    bool m_enabled = false;
    bool m_terminal = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::string m_what; ///< empty: no stage runs
    std::chrono::steady_clock::time_point m_started;
    bool m_shown = false; ///< the stage has been announced
    std::thread m_ticker;
};

} // namespace schemac::runtime
