#!/bin/sh
# Regenerates rules/eu/common-words.txt: the words of Debian's word lists for the packs' languages
# that lie within two edits of a fuzzy keyword. A listing word that is one of them is never read as a
# misspelling, nor is one that lies one edit from one of them (it is that word's typo);
# rules/eu/common-words.yaml names the file.
# Needs: wamerican wbritish wngerman wfrench witalian wspanish wpolish wdutch wportuguese wswedish
#        hunspell-cs hunspell-ro hunspell-hu hunspell-el (no plain word lists exist for these four:
#        their dictionaries' stems are used).
# Usage: tools/rulegen/common_words.sh [LISTSCAN] [RULES]
set -eu
listscan=${1:-build/tools/listscan/listscan}
rules=${2:-rules}
out=$rules/eu/common-words.txt
names=$rules/eu/common-words.yaml
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
# The packs' own keywords decide which words are near them, not the old list.
rm -f "$out" "$names"
# lint exits 1 only on errors in the rules; every word it adds is a warning.
# shellcheck disable=SC2086
"$listscan" lint -r "$rules" --words $lists --write-common-words "$work/common-words.txt" \
  > "$work/lint.txt" || [ $? -eq 1 ]
mv "$work/common-words.txt" "$out"
cat > "$names" <<'EOF'
# Real words near the fuzzy keywords of the packs, one a line in common-words.txt (made by
# tools/rulegen/common_words.sh): never read as misspellings.
common_words: {file: common-words.txt}
EOF
grep -vc '^#' "$out" | sed 's/$/ common words/'
