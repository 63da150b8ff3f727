#!/usr/bin/env python3
"""Writes the Markdown report of a bench/run.sh run: report.py RESULTS.jsonl OUT.md"""
import json
import os
import platform
import re
import subprocess
import sys

LISTSCAN_1 = "listscan scan --threads 1"


def machine():
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.+)", lscpu)
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kib = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
    return {"cpu": model.group(1).strip() if model else platform.processor(), "cores": os.cpu_count(),
            "ram_gib": round(mem_kib / 1024 / 1024, 1), "kernel": platform.release()}


def version(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True).stdout
        return out.splitlines()[0].strip() if out else "?"
    except OSError:
        return f"{command[0]} not installed"


def mib(record):
    return f"{record['max_rss_kib'] / 1024:.0f} MiB"


def table(rows, header):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main_table(records, listscan):
    rows = []
    for r in records:
        if "error" in r:
            rows.append([r["name"], "failed", "", "", "", "", r["error"][:80]])
            continue
        ratio = "pending" if listscan is None else f"{listscan['mb_per_s'] / r['mb_per_s']:.2f}×"
        rows.append([r["name"], f"{r['min_seconds']:.2f} ({r['seconds']:.2f} ± {r['stddev']:.2f})",
                     f"{r['mb_per_s']:.0f}", ratio, mib(r),
                     r.get("matched_lines", ""), r.get("note", "")])
    return table(rows, ["tool", "fastest s (mean ± sd)", "MB/s", "listscan ÷ tool", "peak RSS",
                         "matched lines", "note"])


def scaling_table(records, key, label, fmt):
    tools = sorted({r["name"] for r in records})
    points = sorted({r[key] for r in records})
    by = {(r["name"], r[key]): r for r in records}
    rows = []
    for point in points:
        row = [fmt(point)]
        for tool in tools:
            r = by.get((tool, point))
            row.append("" if r is None else "failed" if "error" in r else
                       f"{r['min_seconds']:.2f} s, {r['mb_per_s']:.0f} MB/s, {mib(r)}")
        rows.append(row)
    return table(rows, [label] + tools)


def targets(main, listscan):
    if listscan is None:
        return "The listscan rows are pending: the binary was not built when this ran.\n"
    by = {r["name"]: r for r in main if "error" not in r}
    lines = []
    speed = listscan["mb_per_s"]
    lines.append(f"- single thread ≥ 1,000 MB/s: {speed:.0f} MB/s — {'met' if speed >= 1000 else 'not met'}")
    rg = next((r for n, r in by.items() if n.startswith("rg ")), None)
    if rg:
        ratio = speed / rg["mb_per_s"]
        lines.append(f"- ≥ 3× rg -F -i -f: {ratio:.2f}× — {'met' if ratio >= 3 else 'not met'}")
    bounds = [r for n, r in by.items() if n.startswith("bound:")]
    if len(bounds) == 2:
        slower = min(bounds, key=lambda r: r["mb_per_s"])
        share = speed / slower["mb_per_s"]
        lines.append(f"- ≥ 70% of the slower bound ({slower['name']}, {slower['mb_per_s']:.0f} MB/s): "
                     f"{share:.0%} — {'met' if share >= 0.7 else 'not met'}")
    multi = next((r for n, r in by.items() if n.startswith("listscan scan --threads ") and n != LISTSCAN_1), None)
    if multi:
        threads = int(re.search(r"--threads (\d+)", multi["name"]).group(1))
        gain = multi["mb_per_s"] / speed
        target = "≥ 1.8× with 2 threads" if threads == 2 else f"{threads} threads"
        lines.append(f"- {target}: {gain:.2f}×" + (f" — {'met' if gain >= 1.8 else 'not met'}" if threads == 2 else ""))
    return "\n".join(lines) + "\n"


def rate(records, name):
    r = next((r for r in records if r["name"] == name and "error" not in r), None)
    return None if r is None else r["mb_per_s"]


def ratio_line(label, numerator, denominator, target=None):
    if numerator is None or denominator is None:
        return None
    value = numerator / denominator
    status = "" if target is None else f" — {'met' if value >= target else 'not met'} (≥ {target})"
    return f"- {label}: {value:.2f}{status}"


def packs_section(records, threads):
    """The real-pack, compressed-input and start-up rows, with the ratios the speed targets name."""
    rows = [r for r in records if r.get("group") in ("packs", "compressed", "startup")]
    if not rows:
        return []
    table_rows = []
    for r in rows:
        if "error" in r:
            table_rows.append([r["name"], "failed", "", "", r["error"][:80]])
            continue
        speed = "" if r["group"] == "startup" else f"{r['mb_per_s']:.1f}"
        table_rows.append([r["name"], f"{r['min_seconds']:.3f} ({r['seconds']:.3f} ± {r['stddev']:.3f})",
                           speed, mib(r), r.get("note", "")])
    lines = []
    for corpus in ("generated", "csv", "real"):
        lines.append(ratio_line(f"packs ÷ bare keywords, {corpus}, 1 thread",
                                rate(rows, f"packs, {corpus}, 1 thread(s)"),
                                rate(rows, f"keywords, {corpus}, 1 thread(s)"), 0.5))
        for kind in ("packs", "keywords"):
            lines.append(ratio_line(f"{kind}, {corpus}: {threads} threads ÷ 1 thread",
                                    rate(rows, f"{kind}, {corpus}, {threads} thread(s)"),
                                    rate(rows, f"{kind}, {corpus}, 1 thread(s)"),
                                    1.8 if threads == 2 else None))
    for ext, bound in (("gz", "bound: gzip -dc (GNU gzip)"), ("zst", "bound: zstd -dc (libzstd)")):
        lines.append(ratio_line(f".{ext} input, {threads} threads ÷ {bound[7:]}",
                                rate(rows, f"keywords, .{ext}, {threads} thread(s)"), rate(rows, bound),
                                0.9))
    return ["## Real packs, compressed input, start-up", "", table(table_rows, [
        "row", "fastest s (mean ± sd)", "MB/s", "peak RSS", "note"]), "",
        "MB/s of compressed input count its uncompressed bytes.", "",
        "\n".join(line for line in lines if line), ""]


def main():
    results, out = sys.argv[1:3]
    with open(results, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    meta = next((r for r in records if r.get("group") == "meta"), {})
    main = [r for r in records if r.get("group") == "main"]
    listscan = next((r for r in main if r["name"] == LISTSCAN_1 and "error" not in r), None)
    info = machine()
    text = [f"# listscan benchmark, {meta.get('date', '?')}, {meta.get('host', '?')}", "",
            f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gib']} GiB RAM, Linux {info['kernel']}.",
            f"Corpus: `listscan-gen --seed {meta.get('seed')} --size {meta.get('size')}` "
            f"({meta.get('corpus_bytes', 0) / 1e6:.0f} MB JSON Lines, {meta.get('records')} records, "
            f"{meta.get('planted')} planted positives); keywords: `listscan-gen --keywords {meta.get('keywords')}`.",
            f"Timing: one untimed warm-up run, then {meta.get('runs')} timed runs "
            f"({'hyperfine' if meta.get('hyperfine') else 'measure.py'}); MB/s from the fastest run; "
            "peak RSS from the warm-up run.",
            f"Versions: {version(['rg', '--version'])}; {version(['grep', '--version'])}; "
            f"{version(['hyperfine', '--version'])}.", "",
            "## Main comparison", "", main_table(main, listscan), "",
            "`listscan ÷ tool` is listscan's single-thread throughput divided by the tool's.", "",
            "## Targets", "", targets(main, listscan)]
    text += packs_section(records, info["cores"])
    patterns = [r for r in records if r.get("group") == "patterns"]
    if patterns:
        text += ["## Pattern count (same corpus)", "",
                 scaling_table(patterns, "keywords", "keywords", lambda n: f"{n:,}"), ""]
    sizes = [r for r in records if r.get("group") == "size"]
    if sizes:
        text += ["## Input size (2,000 keywords)", "",
                 scaling_table(sizes, "bytes", "input", lambda b: f"{b / 1e6:,.0f} MB"), ""]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(text))
    print("\n".join(text))


if __name__ == "__main__":
    main()
