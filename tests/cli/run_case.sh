#!/bin/bash
# Runs one CLI golden case: tests/cli/cases/NAME/cmd in a scratch copy of the case folder, then
# compares stdout, stderr and the exit status with the case's expected.* files (those present).
# LISTSCAN_UPDATE_GOLDEN=1 rewrites the expected files instead; review them in the diff.
set -u
case_dir="$1"
export LISTSCAN="$2"
# Shared test files (schemas, checkers) outside the case folder.
export LISTSCAN_TESTS="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$(dirname "$0")"/common/. "$work"/
cp -r "$case_dir"/. "$work"/
cd "$work" || exit 2
export XDG_CACHE_HOME="$work/.cache"
bash ./cmd > actual.stdout 2> actual.stderr
echo $? > actual.exit

status=0
for kind in stdout stderr exit; do
  expected="$case_dir/expected.$kind"
  if [ "${LISTSCAN_UPDATE_GOLDEN:-0}" = 1 ]; then
    if [ -s actual.$kind ] || [ -e "$expected" ]; then cp actual.$kind "$expected"; fi
    continue
  fi
  [ -e "$expected" ] || continue
  if ! diff -u "$expected" actual.$kind; then
    echo "MISMATCH in $kind of $(basename "$case_dir")" >&2
    status=1
  fi
done
exit $status
