#!/usr/bin/env python3
"""Opens an HTML report in headless Chromium and checks it: it loads without console messages
(errors, blocked loads), has no script and loads nothing, and every figure on the rendered page
(elements with data-figure) equals the same figure of the JSON report, with none missing and none
extra. With --screenshot, also saves a PNG of the page."""
import argparse
import html.parser
import json
import os
import subprocess
import sys
import tempfile


class Figures(html.parser.HTMLParser):
    """Collects data-figure -> text, and the tags and attributes that could run or load."""

    def __init__(self):
        super().__init__()
        self.figures, self.open, self.problems = {}, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}")
            if name in ("src", "href", "xlink:href", "action") and value:
                self.problems.append(f"{name}={value}")
        if "data-figure" in attrs:
            self.open.append([attrs["data-figure"], tag, ""])

    def handle_endtag(self, tag):
        if self.open and self.open[-1][1] == tag:
            name, _, text = self.open.pop()
            self.figures[name] = text.strip()

    def handle_data(self, data):
        for entry in self.open:
            entry[2] += data


def percent(part, whole):
    return "-" if not whole else "%.2f %%" % (100.0 * part / whole)


def expected_figures(report, top):
    f = {
        "listings_scanned": str(report["listings_scanned"]) if report["listings_scanned"] is not None else "-",
        "listings_flagged": str(report["listings_flagged"]),
        "flag_rate": percent(report["listings_flagged"], report["listings_scanned"]),
        "hits": str(report["hits"]),
        "sellers_flagged": str(report["sellers"]["flagged"]),
        "sellers/flagged": str(report["sellers"]["flagged"]),
        "sellers/listings_without_seller": str(report["sellers"]["listings_without_seller"]),
    }
    for key in ("by_category", "by_severity", "hits_by_evasion"):
        for row in report[key]:
            f[f"{key}/{row['name']}"] = str(row["listings"])
    for row in report["by_rule"][:top]:
        f[f"by_rule/{row['rule']}"] = str(row["listings"])
        f[f"top_rules/{row['rule']}"] = str(row["listings"])
    for row in report["by_country"]:
        c = row["country"]
        if row["flagged"]:
            f[f"by_country_flagged/{c}"] = str(row["flagged"])
        f[f"by_country/{c}/listings"] = "-" if row["listings"] is None else str(row["listings"])
        f[f"by_country/{c}/flagged"] = str(row["flagged"])
        f[f"by_country/{c}/flag_rate"] = percent(row["flagged"], row["listings"])
    for row in report["sellers"]["top"]:
        s = row["seller"]
        f[f"sellers/{s}/flagged"] = str(row["flagged"])
        f[f"sellers/{s}/listings"] = "-" if row["listings"] is None else str(row["listings"])
    f["networks"] = str(len(report["networks"]))
    for i, row in enumerate(report["networks"], 1):
        f[f"networks/{i}/flagged"] = str(row["flagged"])
    return f


def chromium(*args):
    with tempfile.TemporaryDirectory() as profile:
        command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                   "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}",
                   "--enable-logging=stderr", "--v=0", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("html")
    parser.add_argument("json")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    url = "file://" + os.path.abspath(args.html)
    run = chromium("--dump-dom", url)
    problems = []
    if run.returncode != 0:
        problems.append(f"chromium exited with {run.returncode}")
    for line in run.stderr.splitlines():
        if "CONSOLE" in line or "Refused to" in line:
            problems.append("console: " + line.strip())
    page = Figures()
    page.feed(run.stdout)
    problems += page.problems
    with open(args.json, encoding="utf-8") as f:
        expected = expected_figures(json.load(f), args.top)
    for name in sorted(set(expected) | set(page.figures)):
        if name not in page.figures:
            problems.append(f"missing on the page: {name} = {expected[name]}")
        elif name not in expected:
            problems.append(f"on the page only: {name} = {page.figures[name]}")
        elif page.figures[name] != expected[name]:
            problems.append(f"{name}: page {page.figures[name]!r}, report {expected[name]!r}")
    if args.screenshot:
        shot = chromium(f"--screenshot={os.path.abspath(args.screenshot)}",
                        "--window-size=1280,2200", "--hide-scrollbars", url)
        if shot.returncode != 0 or not os.path.exists(args.screenshot):
            problems.append("no screenshot")
    for problem in problems:
        print(problem)
    print(f"{len(page.figures)} figures on the page, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
