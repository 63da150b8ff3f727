#!/usr/bin/env python3
"""Draws the bench/run.sh results as SVG, with no plotting library:
plot.py RESULTS.jsonl OUTDIR  ->  OUTDIR/bench-peers.svg, bench-patterns.svg, bench-size.svg"""
import json
import math
import os
import sys
from xml.sax.saxutils import escape

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 70, 190, 40, 50


def svg(width, height, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n'
            f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15">{escape(title)}</text>\n'
            + "\n".join(body) + "\n</svg>\n")


def nice_max(value):
    magnitude = 10 ** math.floor(math.log10(value)) if value > 0 else 1
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def line_chart(series, x_label, y_label, title, x_format):
    """series: {name: [(x, y), ...]}, x on a log scale, y linear from 0."""
    xs = sorted({x for points in series.values() for x, _ in points})
    y_max = nice_max(max(y for points in series.values() for _, y in points) * 1.05)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    lo, hi = math.log10(xs[0]), math.log10(xs[-1])
    span = hi - lo or 1.0

    def px(x):
        return LEFT + (math.log10(x) - lo) / span * plot_w if len(xs) > 1 else LEFT + plot_w / 2

    def py(y):
        return TOP + plot_h - y / y_max * plot_h

    body = [f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="black"/>',
            f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="black"/>']
    for i in range(6):
        y = y_max * i / 5
        body.append(f'<line x1="{LEFT}" y1="{py(y):.1f}" x2="{LEFT + plot_w}" y2="{py(y):.1f}" stroke="#ddd"/>')
        body.append(f'<text x="{LEFT - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g}</text>')
    for x in xs:
        body.append(f'<text x="{px(x):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{escape(x_format(x))}</text>')
    body.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 10}" text-anchor="middle">{escape(x_label)}</text>')
    body.append(f'<text x="16" y="{TOP + plot_h / 2}" text-anchor="middle" '
                f'transform="rotate(-90 16 {TOP + plot_h / 2})">{escape(y_label)}</text>')
    for i, (name, points) in enumerate(sorted(series.items())):
        color = COLORS[i % len(COLORS)]
        points = sorted(points)
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        body += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{color}"/>' for x, y in points]
        ly = TOP + 10 + i * 20
        body.append(f'<line x1="{WIDTH - RIGHT + 15}" y1="{ly}" x2="{WIDTH - RIGHT + 35}" y2="{ly}" '
                    f'stroke="{color}" stroke-width="2"/>')
        body.append(f'<text x="{WIDTH - RIGHT + 40}" y="{ly + 4}">{escape(name)}</text>')
    return svg(WIDTH, HEIGHT, body, title)


def bar_chart(bars, title):
    """bars: [(name, MB/s)], drawn horizontally, fastest first."""
    bars = sorted(bars, key=lambda bar: -bar[1])
    label_w, row_h = 300, 26
    height = TOP + row_h * len(bars) + 40
    plot_w = WIDTH - label_w - 60
    x_max = nice_max(max(value for _, value in bars) * 1.05)
    body = []
    for i, (name, value) in enumerate(bars):
        y = TOP + 10 + i * row_h
        color = COLORS[0] if name.startswith("listscan") else "#999" if name.startswith("bound:") else COLORS[1]
        body.append(f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{escape(name)}</text>')
        body.append(f'<rect x="{label_w}" y="{y}" width="{value / x_max * plot_w:.1f}" height="{row_h - 8}" '
                    f'fill="{color}"/>')
        body.append(f'<text x="{label_w + value / x_max * plot_w + 5:.1f}" y="{y + 14}">{value:.0f}</text>')
    body.append(f'<text x="{label_w + plot_w / 2}" y="{height - 10}" text-anchor="middle">MB/s (higher is better)</text>')
    return svg(WIDTH, height, body, title)


def main():
    results, out_dir = sys.argv[1:3]
    with open(results, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    ok = [r for r in records if "mb_per_s" in r]
    written = []
    main_rows = [(r["name"], r["mb_per_s"]) for r in ok if r["group"] == "main"]
    if main_rows:
        written.append(("bench-peers.svg", bar_chart(main_rows, "Throughput on the JSONL corpus, 2,000 keywords")))
    for group, key, x_label, title, fmt in (
            ("patterns", "keywords", "keywords (log scale)", "Throughput by keyword count", lambda n: f"{n:,}"),
            ("size", "bytes", "input size (log scale)", "Throughput by input size",
             lambda b: f"{b / 1e9:g} GB" if b >= 1e9 else f"{b / 1e6:g} MB")):
        series = {}
        for r in ok:
            if r["group"] == group:
                series.setdefault(r["name"], []).append((r[key], r["mb_per_s"]))
        if series:
            written.append((f"bench-{group}.svg", line_chart(series, x_label, "MB/s", title, fmt)))
    for name, text in written:
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
        print(os.path.join(out_dir, name))


if __name__ == "__main__":
    main()
