#!/usr/bin/env python3
"""Measures the bundled packs on real public product data (a folder of datasets: --data or $DATA).

False flags: Open Food Facts (food, none should flag), shop offers (benign electronics).
Flags to read: DSLD (US supplement labels, many lawful in the US only), Sephora (full INCI lists).
Recall on real recalls: EU Safety Gate alerts of the categories the packs cover, and the US DoD
list of prohibited supplement ingredients written as offers ("<name> 10 mg capsules").

Usage: tools/quality/real_data.py [--listscan BIN] [--rules DIR] [--data DIR] [--skip-off]
Prints a Markdown report; exits 2 when the data folder is missing.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def scan(listscan, rules, args, stdin=None):
    """Runs `listscan scan`; returns (summary dict, flagged records as dicts)."""
    with tempfile.TemporaryDirectory() as work:
        summary = os.path.join(work, "summary.json")
        flagged = os.path.join(work, "flagged.jsonl")
        command = [listscan, "scan", "--rules", rules, "--summary", summary, "-o", flagged] + args
        subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(summary, encoding="utf-8") as f:
            counts = json.load(f)
        with open(flagged, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    return counts, records


def categories_of(record):
    return sorted({hit["category"] for hit in record["hits"]})


def false_flags(listscan, rules, data, skip_off):
    rows = []
    if not skip_off:
        off = subprocess.run(["zstd", "-dc", os.path.join(data, "off-lifyzer/off_products.jsonl.zst")],
                             capture_output=True, check=True).stdout
        counts, _ = scan(listscan, rules, ["-"], stdin=off)
        rows.append(("Open Food Facts (food)", counts))
    shops = sorted(os.path.join(data, "er-benchmark-products", f)
                   for f in os.listdir(os.path.join(data, "er-benchmark-products")) if f.endswith(".csv"))
    counts, _ = scan(listscan, rules, shops)
    rows.append(("shop offers (electronics, software)", counts))
    print("| false flags on | records | flagged | share |\n|---|---:|---:|---:|")
    for name, counts in rows:
        scanned = counts["records_scanned"]
        flagged = counts["records_flagged"]
        print(f"| {name} | {scanned:,} | {flagged:,} | {100.0 * flagged / max(scanned, 1):.4f}% |")
    print()


def flags_to_read(listscan, rules, data):
    dsld = subprocess.run(
        "zstd -dc " + os.path.join(data, "dsld-products/lstProducts.csv.zst") +
        " | tail -n +5 | sed '1s/\\r$/,\"Extra\"\\r/'", shell=True, capture_output=True, check=True).stdout
    dsld_counts, dsld_flagged = scan(listscan, rules, ["--input-format", "csv", "-"], stdin=dsld)
    sephora_counts, sephora_flagged = scan(
        listscan, rules, ["--encoding", "cp1252", os.path.join(data, "sephora-cosmetics/cosmetics.csv")])
    print("| flags to read on | records | flagged | by category |\n|---|---:|---:|---|")
    for name, counts, flagged in (("DSLD (US supplement labels)", dsld_counts, dsld_flagged),
                                  ("Sephora (INCI lists)", sephora_counts, sephora_flagged)):
        by = collections.Counter(c for record in flagged for c in categories_of(record))
        text = ", ".join(f"{c} {n}" for c, n in by.most_common())
        print(f"| {name} | {counts['records_scanned']:,} | {counts['records_flagged']:,} | {text} |")
    print()


# Safety Gate product categories and the pack category that should flag such an alert.
SAFETY_GATE = {"Toys": "toys", "Cosmetics": "cosmetics", "Electrical appliances and equipment": "electronics",
               "Laser pointers": "electronics"}


def safety_gate(listscan, rules, data):
    alerts = []
    for name in ("safety_gate_alerts_with_risk_text.jsonl", "safety_gate_alerts_2.jsonl"):
        with open(os.path.join(data, "safety-gate-sample", name), encoding="utf-8") as f:
            alerts += [json.loads(line) for line in f if line.strip()]
    seen, listings = set(), []
    for alert in alerts:
        wanted = SAFETY_GATE.get(alert.get("product_category") or "")
        number = alert.get("alert_number")
        if not wanted or not number or number in seen:
            continue
        seen.add(number)
        listings.append({"id": number, "category": wanted,
                         "title": " ".join(filter(None, [alert.get("product_name"), alert.get("brand"),
                                                         alert.get("product_description")])),
                         "description": alert.get("risk_description") or ""})
    stdin = "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in listings).encode()
    _, flagged = scan(listscan, rules, ["--fields", "title,description", "-"], stdin=stdin)
    found = {r["id"]: categories_of(r) for r in flagged}
    print("| Safety Gate alerts | alerts | flagged in their category | with risk text |\n|---|---:|---:|---:|")
    for category in sorted(set(SAFETY_GATE.values())):
        group = [l for l in listings if l["category"] == category]
        hit = [l for l in group if category in found.get(l["id"], [])]
        with_text = [l for l in group if l["description"]]
        hit_text = [l for l in with_text if category in found.get(l["id"], [])]
        print(f"| {category} | {len(group)} | {len(hit)} ({100.0 * len(hit) / max(len(group), 1):.0f}%) "
              f"| {len(hit_text)} of {len(with_text)} |")
    print()


def dod(listscan, rules, data):
    with open(os.path.join(data, "dod-prohibited/data.json"), encoding="utf-8") as f:
        entries = json.load(f)
    listings = [{"id": str(i), "title": f"{entry['Name']} 10 mg capsules", "category": "supplements"}
                for i, entry in enumerate(entries)]
    stdin = "".join(json.dumps(l, ensure_ascii=False) + "\n" for l in listings).encode()
    _, flagged = scan(listscan, rules, ["--fields", "title", "-"], stdin=stdin)
    found = {r["id"] for r in flagged}
    groups = collections.Counter()
    hits = collections.Counter()
    for i, entry in enumerate(entries):
        reason = (entry.get("Reason") or "other").split(":")[0].split(";")[0].strip() or "other"
        groups[reason] += 1
        hits[reason] += str(i) in found
    print("| DoD prohibited ingredients as offers | names | flagged |\n|---|---:|---:|")
    for reason, count in groups.most_common(8):
        print(f"| {reason} | {count} | {hits[reason]} ({100.0 * hits[reason] / count:.0f}%) |")
    total = sum(groups.values())
    print(f"| all | {total} | {len(found)} ({100.0 * len(found) / total:.0f}%) |\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listscan", default="build/tools/listscan/listscan")
    parser.add_argument("--rules", default="rules")
    parser.add_argument("--data", default=os.environ.get("DATA", ""),
                        help="folder of the public datasets (off-lifyzer/, dsld-products/, ...; "
                             "default: $DATA)")
    parser.add_argument("--skip-off", action="store_true", help="leave out Open Food Facts (slowest)")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"{args.data or '(no --data and no $DATA)'}: no such folder", file=sys.stderr)
        return 2
    false_flags(args.listscan, args.rules, args.data, args.skip_off)
    flags_to_read(args.listscan, args.rules, args.data)
    safety_gate(args.listscan, args.rules, args.data)
    dod(args.listscan, args.rules, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
