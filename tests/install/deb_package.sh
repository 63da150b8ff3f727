#!/bin/bash
# `cpack -G DEB` builds a package that holds the binary, the packs, the manual page and the
# completions under /usr, declares the shared libraries it needs, and whose binary, unpacked into
# a scratch root, scans the sample with the packaged rules when no --rules is given.
set -eu
build="$1"
source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work/out" > "$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/out/listscan_*.deb)"
echo "package: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Architecture)"
for library in libhyperscan5 libtbb12 libyaml-cpp0.7 libzstd1; do
  dpkg-deb -f "$deb" Depends | grep -q "$library" || { echo "no dependency on $library"; exit 1; }
done
dpkg-deb -x "$deb" "$work/root"
for file in usr/bin/listscan usr/share/listscan/rules/eu/medicines.yaml \
    usr/share/man/man1/listscan.1 usr/share/bash-completion/completions/listscan; do
  [ -f "$work/root/$file" ] || { echo "missing from the package: $file"; exit 1; }
done
status=0
XDG_CACHE_HOME="$work/cache" "$work/root/usr/bin/listscan" scan -o /dev/null \
  --summary "$work/s.json" "$source/tests/data/sample/listings.jsonl" 2> /dev/null || status=$?
[ "$status" = 0 ] || { echo "packaged scan of the sample: exit $status"; exit 1; }
grep -q '"records_flagged": [1-9]' "$work/s.json" || { echo "nothing flagged"; exit 1; }
echo "the packaged listscan scans the sample with the packaged rules"
