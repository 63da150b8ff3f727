#!/bin/sh
# ThreadSanitizer run of what runs on several threads: the scan pipeline (the CLI cases, which scan
# with every core) and the scanner's unit tests. Only those targets are built, to keep CI short.
# Usage: run_tsan.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-tsan}
cd "$here/../.."
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLISTSCAN_WERROR=ON -DLISTSCAN_TSAN=ON -DLISTSCAN_BENCH=OFF ${CMAKE_FLAGS:-}
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target listscan test_match test_input
# oneTBB comes uninstrumented from Debian: its own synchronisation is invisible to TSan, so races
# reported inside it are not ours (tsan.supp). halt_on_error makes any other report fail the test.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$here/tsan.supp"
# Every unit test of the scanner but the one that compiles the whole EU pack to run its examples:
# single-threaded work that takes minutes under TSan (the release and ASan runs have it).
"$build/tests/match/test_match" '~every example of the bundled packs passes'
"$build/tests/input/test_input"
cd "$build" && ctest --output-on-failure -j "${JOBS:-$(nproc)}" -R '^cli\.'
