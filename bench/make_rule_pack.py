#!/usr/bin/env python3
"""Writes a synthetic YAML rule pack of N rules, for measuring what a pack of that size costs to
load and compile (`listscan bench --rules PACK`).

Each rule takes two keywords from a keyword list (`listscan-gen --keywords`): most flag on either
keyword, some need both, every tenth adds a dose regex, every fifth an exception, as the bundled
packs do. Categories cycle through the six fixed ones.

Usage: bench/make_rule_pack.py KEYWORDS N OUT.yaml
"""
import json
import sys

CATEGORIES = ["medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links"]


def quoted(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    keywords_path, count, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(keywords_path, encoding="utf-8") as f:
        keywords = [line.strip() for line in f if line.strip()]
    if len(keywords) < 2:
        sys.exit(f"{keywords_path}: needs at least two keywords")
    lines = ["pack: synthetic", "rules:"]
    for i in range(count):
        first = keywords[(2 * i) % len(keywords)]
        second = keywords[(2 * i + 1) % len(keywords)]
        lines += [
            f"  - id: synthetic.r{i:05d}",
            f"    title: Synthetic rule {i}",
            f"    category: {CATEGORIES[i % len(CATEGORIES)]}",
            "    severity: high",
            "    match:",
        ]
        clause = "all" if i % 4 == 3 else "any"
        lines.append(f"      {clause}: [{quoted(first)}, {quoted(second)}]")
        if i % 10 == 0:
            lines.append(f"      near: [{{a: {quoted(first)}, b: {{regex: '\\b[0-9]{{1,4}}\\s?mg\\b'}}, within: 3}}]")
        if i % 5 == 0:
            lines.append(f"    exceptions: [{quoted(first + '-free')}, {quoted('no ' + first)}]")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
