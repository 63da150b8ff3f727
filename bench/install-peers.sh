#!/bin/sh
# Installs what bench/run.sh compares listscan with (RE2, PCRE2, ripgrep, hyperfine), on top of the
# build dependencies. Optional: the build and `make test` never need these.
set -eu
exec "$(dirname "$0")/../tools/install-deps.sh" --peers
