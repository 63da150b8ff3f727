#!/bin/bash
# `cmake --install` into a scratch prefix: the binary, the packs, the manual page and the shell
# completions land where a Debian system looks for them, and the installed binary scans the
# sample with the installed packs when no --rules is given.
set -eu
build="$1"
source="$2"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
for file in bin/listscan share/listscan/rules/eu/medicines.yaml share/man/man1/listscan.1 \
    share/man/man1/listscan-scan.1 share/man/man1/listscan-report.1 \
    share/bash-completion/completions/listscan share/zsh/vendor-completions/_listscan \
    share/fish/vendor_completions.d/listscan.fish; do
  [ -f "$prefix/$file" ] || { echo "missing after install: $file"; exit 1; }
done
grep -q '^\.SH SYNOPSIS\|^\.SH DESCRIPTION' "$prefix/share/man/man1/listscan.1" ||
  { echo "the manual page has no sections"; exit 1; }
"$prefix/bin/listscan" scan --help | grep -q 'share/listscan/rules' ||
  { echo "--help does not name the installed packs"; exit 1; }
status=0
XDG_CACHE_HOME="$prefix/cache" "$prefix/bin/listscan" scan -o /dev/null --summary "$prefix/s.json" \
  "$source/tests/data/sample/listings.jsonl" || status=$?
[ "$status" = 0 ] || { echo "installed scan of the sample: exit $status"; exit 1; }
grep -q '"records_flagged": [1-9]' "$prefix/s.json" || { echo "nothing flagged"; exit 1; }
echo "installed listscan scans the sample with the installed packs"
