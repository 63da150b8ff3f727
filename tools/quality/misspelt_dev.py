#!/usr/bin/env python3
"""How much of the development set stays flagged when its matched words are misspelt.

Takes the labelled positives of an evaluation file that the packs flag with no evasion, misspells the
longest word of every hit of the expected category (one random edit of one kind: a letter changed,
doubled, dropped, two swapped, a phonetic spelling (Greek vowels that sound alike too), two
edits, or the word split in two by a space, two letters or more on each side), scans the result
and prints, per
kind, the share still flagged in its category, also by the length of the misspelt word. A measurement
for rule and engine authors, never a test: the edits are random (seeded).

    python3 tools/quality/misspelt_dev.py [--listscan BIN] [--rules DIR] [--eval FILE] [--one]
"""
import argparse
import collections
import json
import random
import re
import subprocess

KINDS = ["sub", "double", "drop", "swap", "phonetic", "two", "split"]
PHONETIC = [("ph", "f"), ("f", "ph"), ("y", "i"), ("i", "y"), ("c", "k"), ("k", "c"), ("x", "ks"),
            ("s", "z"), ("qu", "k"), ("th", "t"),
            # Greek: one sound, several spellings
            ("ει", "ι"), ("οι", "ι"), ("αι", "ε"), ("ί", "ή"), ("ή", "ί"), ("ι", "η"), ("η", "ι"),
            ("υ", "ι"), ("ώ", "ό"), ("ό", "ώ"), ("ω", "ο"), ("ο", "ω")]


def scan(listscan, rules, records):
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    done = subprocess.run([listscan, "scan", "--rules", rules, "-"], input=text.encode(),
                          capture_output=True, check=False)
    return {o["id"]: o for o in map(json.loads, done.stdout.decode().splitlines())}


def misspell(word, kind, rng):
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 4:
        return None
    if kind == "split":
        i = rng.choice(letters[2:-1])
        return word[:i] + " " + word[i:]
    i = rng.choice(letters[1:-1])
    if kind == "sub":
        vowel = word[i].lower() in "aeiou"
        return word[:i] + rng.choice("aeiou" if vowel else "bcdfgklmnprstv") + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        if i + 1 < len(word) and word[i + 1].isalpha():
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return None
    if kind == "phonetic":
        for old, new in PHONETIC:
            at = word.lower().find(old, 1)
            if at > 0:
                return word[:at] + new + word[at + len(old):]
        return None
    changed = misspell(word, "sub", rng)
    return misspell(changed, "double", rng) if changed else None


def length_class(n):
    return "<7" if n < 7 else ("7-8" if n < 9 else "9+")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--listscan", default="build/tools/listscan/listscan")
    parser.add_argument("--rules", default="rules")
    parser.add_argument("--eval", default="tests/eval/dev.jsonl")
    parser.add_argument("--one", action="store_true",
                        help="misspell only the longest matched word of each listing")
    args = parser.parse_args()
    records = [json.loads(line) for line in open(args.eval, encoding="utf-8") if line.strip()]
    positives = [r for r in records if r.get("expect") and not r.get("evasion")]
    flagged = scan(args.listscan, args.rules, positives)
    rng = random.Random(7)
    print("kind      still flagged    by misspelt word length (<7, 7-8, 9+)")
    for kind in KINDS:
        variants, longest = [], {}
        for record in positives:
            hits = [h for h in flagged.get(record["id"], {}).get("hits", [])
                    if h["category"] in record["expect"] and h["field"] in ("title", "description")
                    and re.findall(r"\w+", h["match"])]
            if args.one:
                hits = sorted(hits, key=lambda h: -max(map(len, re.findall(r"\w+", h["match"]))))[:1]
            variant, length = dict(record), 0
            for hit in hits:
                word = max(re.findall(r"\w+", hit["match"]), key=len)
                changed = misspell(word, kind, rng)
                if changed:
                    variant[hit["field"]] = variant[hit["field"]].replace(word, changed)
                    length = max(length, len(word))
            if length:
                variant["id"] = f"{record['id']}-{kind}"
                variants.append(variant)
                longest[variant["id"]] = (record, length)
        results = scan(args.listscan, args.rules, variants)
        total, found = collections.Counter(), collections.Counter()
        for variant in variants:
            record, length = longest[variant["id"]]
            hit = any(h["category"] in record["expect"]
                      for h in results.get(variant["id"], {}).get("hits", []))
            for key in ("all", length_class(length)):
                total[key] += 1
                found[key] += hit
        share = lambda k: f"{found[k]}/{total[k]}"
        print(f"{kind:9} {share('all'):>8} {100 * found['all'] / max(1, total['all']):5.1f}%    "
              f"{share('<7'):>7} {share('7-8'):>7} {share('9+'):>8}")


if __name__ == "__main__":
    main()
