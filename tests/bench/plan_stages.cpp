// Times diff, order and emit alone, without a shadow: the database at
// CONNINFO is read once as the desired state, and planned from nothing
// (forward) and back to nothing (reverse), REPEAT times; prints the best
// time of each stage in ms, and the step counts. Usage:
//   build/tests/bench_plan_stages CONNINFO [REPEAT]
// tests/bench/run gives such a database; issue 17's target is diff + order +
// emit of 10,000 tables within 500 ms, and 10,000 within 2.2 x 5,000.

#include "diff/change.h"
#include "emit/script.h"
#include "introspect/introspect.h"
#include "plan/planner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

using namespace schemac;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_plan_stages CONNINFO [REPEAT]\n";
        return 1;
    }
    int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    auto start = Clock::now();
    auto desired = introspect::introspect(argv[1], introspect::Options{});
    if (!desired) {
        std::cerr << desired.error().message << "\n";
        return 1;
    }
    double read_ms = ms_since(start);
    const catalog::Catalog empty;
    double best_diff = 1e18, best_order = 1e18, best_emit = 1e18, best_reverse = 1e18;
    std::size_t steps = 0, reverse_steps = 0;
    for (int i = 0; i < repeat; ++i) {
        start = Clock::now();
        auto changes = diff::diff(empty, *desired);
        best_diff = std::min(best_diff, ms_since(start));
        start = Clock::now();
        auto forward = plan::plan_steps(std::move(changes), empty, *desired);
        if (!forward) {
            std::cerr << forward.error().message << "\n";
            return 1;
        }
        best_order = std::min(best_order, ms_since(start));
        start = Clock::now();
        auto text = emit::render_migration(*forward, "bench");
        best_emit = std::min(best_emit, ms_since(start));
        steps = forward->size();
        start = Clock::now();
        auto reverse = plan::plan_steps(*desired, empty);
        if (!reverse) {
            std::cerr << reverse.error().message << "\n";
            return 1;
        }
        best_reverse = std::min(best_reverse, ms_since(start));
        reverse_steps = reverse->size();
        if (text.empty())
            return 1;
    }
    std::printf("%-8s %8s %8s %8s %8s %8s %10s %10s\n", "tables", "read", "diff", "order", "emit",
                "d+o+e", "reverse", "steps");
    std::printf("%-8zu %8.0f %8.0f %8.0f %8.0f %8.0f %10.0f %5zu/%zu\n", desired->tables.size(),
                read_ms, best_diff, best_order, best_emit, best_diff + best_order + best_emit,
                best_reverse, steps, reverse_steps);
    return 0;
}
