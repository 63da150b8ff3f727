#!/bin/sh
# Runs the libFuzzer targets built by `make fuzz`, one after another, each for SECONDS on its seed
# corpus (corpus/<target>/, read only: new inputs go to a scratch folder). A crash, leak, timeout or
# failed property stops the script with the fuzzer's report and the input under ARTIFACTS.
# Usage: run_fuzzers.sh [-t SECONDS] [-b FUZZ_BUILD_DIR] [-a ARTIFACTS] [TARGET...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
seconds=30
build="$here/../../build-fuzz"
artifacts=""
while getopts t:b:a: option; do
  case $option in
    t) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    a) artifacts=$OPTARG ;;
    *) echo "usage: $0 [-t SECONDS] [-b FUZZ_BUILD_DIR] [-a ARTIFACTS] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- fuzz_record_reader fuzz_decompress fuzz_listing_parser fuzz_fold_text \
  fuzz_rule_loader fuzz_scan_record
artifacts=${artifacts:-$build/fuzz-artifacts}
mkdir -p "$artifacts"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in "$@"; do
  binary="$build/tests/fuzz/$target"
  [ -x "$binary" ] || { echo "$binary: not built (make fuzz)" >&2; exit 2; }
  mkdir -p "$scratch/$target"
  echo "== $target: ${seconds}s" >&2
  # Records stay small (a listing, a pack); timeouts and memory are bounded so that a blow-up is
  # a finding rather than a stuck machine.
  TMPDIR="$scratch" "$binary" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
    "$scratch/$target" "$here/corpus/$target"
done
