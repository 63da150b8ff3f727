#!/bin/bash
# The engine as an installed CMake package: `cmake --install` into a scratch prefix, then the
# example consumer (docs/examples/engine-consumer) configured with find_package(listscan), built
# against listscan::engine and run.
set -eu
build="$1"
source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > /dev/null
cmake -S "$source/docs/examples/engine-consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; exit 1; }
cmake --build "$work/consumer" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
pack="$source/tests/cli/common/pack.yaml"
got="$("$work/consumer/check_title" "$pack" "Slim caps with S1BUTR4MINE"; echo "exit $?"
  "$work/consumer/check_title" "$pack" "green tea"; echo "exit $?")"
expected="supp.sibutramine 15 26 S1BUTR4MINE
exit 0
exit 1"
[ "$got" = "$expected" ] || { printf 'expected:\n%s\ngot:\n%s\n' "$expected" "$got"; exit 1; }
echo "the example consumer builds against listscan::engine and flags as scan does"
