#!/usr/bin/env python3
"""Prints the count tables of tests/eval/README.md for one labelled corpus.

Usage: tests/eval/counts.py tests/eval/dev.jsonl
"""
import collections
import json
import sys

CATEGORIES = ["medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links"]
LANGUAGES = ["en", "de", "fr", "it", "es", "pl", "nl", "pt", "ro", "cs", "sv", "hu", "el"]


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main(path):
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    by_lang = collections.Counter()
    evasions = collections.Counter()
    negatives = collections.Counter()
    for record in records:
        labels = record["expect"] or ["(clean)"]
        for label in labels:
            by_lang[label, record["lang"]] += 1
            evasions[label, record.get("evasion") or "none"] += 1
        if not record["expect"]:
            negatives["hard" if record.get("hard") else "ordinary"] += 1
    positives = sum(1 for r in records if r["expect"])
    multi = sum(1 for r in records if len(r["expect"]) > 1)
    print(f"Records: {len(records)}, positive {positives}, multi-label {multi}, negative "
          f"{len(records) - positives} ({negatives['hard']} marked `\"hard\": true`).\n")
    langs = [lang for lang in LANGUAGES if any(by_lang[c, lang] for c in CATEGORIES + ["(clean)"])]
    rows = [[c] + [by_lang[c, l] for l in langs] + [sum(by_lang[c, l] for l in langs)]
            for c in CATEGORIES + ["(clean)"]]
    print(table(["category"] + langs + ["total"], rows) + "\n")
    kinds = sorted({e for (_, e) in evasions if e != "none"}) + ["none"]
    rows = [[c] + [evasions[c, e] for e in kinds] for c in CATEGORIES + ["(clean)"]]
    print(table(["category"] + kinds, rows))


if __name__ == "__main__":
    main(sys.argv[1])
