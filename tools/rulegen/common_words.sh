#!/bin/sh
# Regenerates rules/eu/common-words.yaml: the words of Debian's word lists for the packs' languages
# that lie one edit from a fuzzy keyword, so that they are never read as misspellings.
# Needs: wamerican wbritish wngerman wfrench witalian wspanish wpolish wdutch wportuguese wswedish
#        hunspell-cs hunspell-ro hunspell-hu hunspell-el (no plain word lists exist for these four:
#        their dictionaries' stems are used).
# Usage: tools/rulegen/common_words.sh [LISTSCAN] [RULES]
set -eu
listscan=${1:-build/tools/listscan/listscan}
rules=${2:-rules}
out=$rules/eu/common-words.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lists=""
for f in american-english british-english ngerman french italian spanish polish dutch \
         portuguese swedish; do
  lists="$lists /usr/share/dict/$f"
done
for d in cs_CZ ro_RO hu_HU el_GR; do
  charset=$(sed -n 's/^SET[[:space:]]*//p' "/usr/share/hunspell/$d.aff" | tr -d '\r')
  iconv -f "${charset:-UTF-8}" -t UTF-8 "/usr/share/hunspell/$d.dic" > "$work/$d.txt"
  lists="$lists $work/$d.txt"
done
rm -f "$out"
# lint exits 1 only on errors in the rules; every word it adds is a warning.
# shellcheck disable=SC2086
"$listscan" lint "$rules" --words $lists --write-common-words "$work/common-words.yaml" \
  > "$work/lint.txt" || [ $? -eq 1 ]
mv "$work/common-words.yaml" "$out"
grep -c '^  - ' "$out" | sed 's/$/ common words/'
