#!/usr/bin/env python3
"""Prints the bundled packs' coverage as a Markdown table: rules per category and language.

Usage: tools/rulegen/coverage.py [RULES_DIR]   (default: rules)
"""
import collections
import pathlib
import sys

import yaml

CATEGORIES = ["medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links"]
LANGUAGES = ["en", "de", "fr", "it", "es", "pl", "nl", "pt", "ro", "cs", "sv", "hu", "el"]


def main() -> None:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "rules")
    rules_per = collections.Counter()
    cells = collections.Counter()
    keywords = collections.Counter()
    examples = collections.Counter()
    for path in sorted(root.rglob("*.y*ml")):
        pack = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in pack.get("rules", []):
            category = rule.get("category")
            rules_per[category] += 1
            for language in rule.get("languages", []) or []:
                cells[(category, language)] += 1
            examples[category] += sum(len(rule.get("examples", {}).get(k, []) or []) for k in ("flag", "pass"))
            keywords[category] += count_terms(rule)
    print("| category | rules | terms | examples | " + " | ".join(LANGUAGES) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(LANGUAGES))
    for category in CATEGORIES:
        row = [str(cells[(category, lang)]) for lang in LANGUAGES]
        print(f"| {category} | {rules_per[category]} | {keywords[category]} | {examples[category]} | "
              + " | ".join(row) + " |")
    print(f"| **all** | {sum(rules_per.values())} | {sum(keywords.values())} | "
          f"{sum(examples.values())} | " + " | ".join(
              str(sum(cells[(c, lang)] for c in CATEGORIES)) for lang in LANGUAGES) + " |")


def count_terms(rule: dict) -> int:
    """Keywords and regexes a rule lists, synonyms included."""
    total = 0

    def walk(node):
        nonlocal total
        if isinstance(node, str):
            total += 1
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key != "within":
                    walk(value)

    for key in ("match", "keywords", "regex", "exceptions"):
        if key in rule:
            walk(rule[key])
    return total


if __name__ == "__main__":
    main()
