#!/usr/bin/env python3
"""How much of the development set stays flagged when its matched words are written in leetspeak.

Takes the labelled positives of an evaluation file that the packs flag with no evasion, rewrites the
longest matched word of each (its first letter kept) with one leet scheme at a time (o as 0, e as 3,
e as €, s as $, ..., or several at once), scans the result and prints, per scheme, the share still
flagged in its category. A measurement for rule and engine authors, never a test.

    python3 tools/quality/leet_dev.py [--listscan BIN] [--rules DIR] [--eval FILE]
"""
import argparse
import json
import re

from misspelt_dev import scan

SCHEMES = {
    "o as 0": {"o": "0"}, "i as 1": {"i": "1"}, "e as 3": {"e": "3"}, "a as 4": {"a": "4"},
    "a as @": {"a": "@"}, "s as 5": {"s": "5"}, "s as $": {"s": "$"}, "l as 1": {"l": "1"},
    "t as 7": {"t": "7"}, "i as !": {"i": "!"}, "e as €": {"e": "€"}, "g as 9": {"g": "9"},
    "b as 8": {"b": "8"}, "z as 2": {"z": "2"}, "c as (": {"c": "("},
    "vowels": {"a": "4", "e": "3", "i": "1", "o": "0"},
    "all": {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"},
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--listscan", default="build/tools/listscan/listscan")
    parser.add_argument("--rules", default="rules")
    parser.add_argument("--eval", default="tests/eval/dev.jsonl")
    args = parser.parse_args()
    records = [json.loads(line) for line in open(args.eval, encoding="utf-8") if line.strip()]
    positives = [r for r in records if r.get("expect") and not r.get("evasion")]
    flagged = scan(args.listscan, args.rules, positives)
    print("scheme     still flagged")
    for name, table in SCHEMES.items():
        variants, source = [], {}
        for record in positives:
            hits = [h for h in flagged.get(record["id"], {}).get("hits", [])
                    if h["category"] in record["expect"] and h["field"] in ("title", "description")
                    and re.findall(r"\w+", h["match"])]
            if not hits:
                continue
            hit = max(hits, key=lambda h: max(map(len, re.findall(r"\w+", h["match"]))))
            word = max(re.findall(r"\w+", hit["match"]), key=len)
            leet = word[0] + "".join(table.get(c.lower(), c) if c.isascii() else c for c in word[1:])
            if leet == word:
                continue
            variant = dict(record, id=record["id"] + "-leet")
            variant[hit["field"]] = variant[hit["field"]].replace(word, leet)
            variants.append(variant)
            source[variant["id"]] = record
        results = scan(args.listscan, args.rules, variants)
        found = sum(any(h["category"] in source[v["id"]]["expect"]
                        for h in results.get(v["id"], {}).get("hits", [])) for v in variants)
        print(f"{name:10} {found:>5}/{len(variants):<5} {100 * found / max(1, len(variants)):5.1f}%")


if __name__ == "__main__":
    main()
