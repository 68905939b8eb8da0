#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    // What schemac prints must not depend on how fast this machine is: no
    // progress lines for slow stages (they are tested on their own).
    setenv("SCHEMAC_PROGRESS", "0", 1);
    return doctest::Context(argc, argv).run();
}
