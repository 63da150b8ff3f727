#!/bin/sh
# Installs the Debian 12 packages listscan builds and tests with; only the missing ones,
# and runs `apt-get update` only when something is missing.
# With --peers: also the benchmark peers that bench/run.sh compares against (optional; `make test`
# never needs them; bench/install-peers.sh calls this).
# With --fuzz: also clang and its libFuzzer runtime, for `make fuzz` (tests/fuzz).
set -eu
packages="cmake ninja-build g++ pkg-config make
  libhyperscan-dev libsimdjson-dev libabsl-dev libtbb-dev catch2
  libyaml-cpp-dev libcli11-dev libzstd-dev zlib1g-dev libutf8proc-dev libxxhash-dev
  zstd gzip python3 python3-yaml python3-jsonschema
  libcpp-httplib-dev chromium help2man dpkg-dev
  pybind11-dev python3-dev python3-pytest python3-dask python3-distributed python3-pandas"
peer_packages="libre2-dev libpcre2-dev ripgrep hyperfine wrk"
fuzz_packages="clang libclang-rt-14-dev"
if [ "${1:-}" = "--peers" ]; then
  packages="$packages $peer_packages"
fi
if [ "${1:-}" = "--fuzz" ]; then
  packages="$packages $fuzz_packages"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing packages:$missing (run as root or install them)" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
