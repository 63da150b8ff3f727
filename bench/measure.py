#!/usr/bin/env python3
"""Times one command for bench/run.sh and appends one JSON line of results.

measure.py --name NAME --group GROUP --corpus FILE [--slice FILE] [--max-seconds S] [--runs N]
           [--keywords N] [--summary FILE] [--bytes N] [--hyperfine] --out RESULTS.jsonl -- COMMAND...

COMMAND may contain {corpus}, replaced by the corpus it runs on. With --slice (prefixes of the
corpus, smallest first), the command first runs once on each affordable slice; when the full
corpus would take longer than --max-seconds by that estimate, it is measured on the largest slice
probed instead, and the record says so.
Every measurement starts with one untimed run (warm cache; its exit status must be 0 or 1, and its
peak RSS and matched-line count are recorded), then N timed runs, by hyperfine when asked.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(command):
    """Runs command; returns (seconds, exit status, peak RSS in KiB, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (seconds, process.returncode, usage.ru_maxrss,
                out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def matched_lines(stdout, stderr, summary):
    """The tool's own count: grep/rg -c print it, the peers report matched_lines=, listscan a summary."""
    if summary and os.path.exists(summary):
        with open(summary, encoding="utf-8") as f:
            return json.load(f).get("records_flagged")
    found = re.search(r"matched_lines=(\d+)", stderr)
    if found:
        return int(found.group(1))
    if re.fullmatch(r"\d+\n?", stdout):
        return int(stdout)
    return None


def timed_runs(command, runs, use_hyperfine):
    if runs == 0:
        return []
    if use_hyperfine and shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            # --output=pipe: GNU grep stops at the first match when its output is /dev/null.
            subprocess.run(["hyperfine", "--style", "none", "--output=pipe", "--ignore-failure", "--warmup", "0", "--runs",
                            str(runs), "--export-json", export.name, shlex.join(command)],
                           check=True, stdout=subprocess.DEVNULL)
            with open(export.name, encoding="utf-8") as f:
                return json.load(f)["results"][0]["times"]
    times = []
    for _ in range(runs):
        seconds, status, _, _, err = run_once(command)
        if status not in (0, 1):
            sys.exit(f"measure.py: {command[0]} exited {status}: {err[-500:]}")
        times.append(seconds)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--slice", action="append",
                        help="a prefix of the corpus to probe on; repeat, smallest first")
    parser.add_argument("--max-seconds", type=float, default=120.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keywords", type=int)
    parser.add_argument("--summary")
    parser.add_argument("--bytes", type=int,
                        help="the bytes MB/s counts (a compressed corpus: its uncompressed size)")
    parser.add_argument("--hyperfine", action="store_true")
    parser.add_argument("--out", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    template = args.command[1:] if args.command[:1] == ["--"] else args.command

    def command_for(corpus):
        return [part.replace("{corpus}", corpus) for part in template]

    def clear_summary():
        if args.summary and os.path.exists(args.summary):
            os.remove(args.summary)

    corpus = args.corpus
    note = ""
    warm = None
    full_size = os.path.getsize(args.corpus)
    points = []  # (bytes, seconds) of the probes so far
    for path in args.slice or []:
        size = os.path.getsize(path)
        # A larger probe only when the last one says it is affordable.
        if points and points[-1][1] * size / points[-1][0] > args.max_seconds:
            break
        clear_summary()
        probe = run_once(command_for(path))
        if probe[1] not in (0, 1):
            break
        points.append((size, probe[0]))
        # Start-up cost (building an automaton, say) is not proportional to the input: with two
        # probes, fit seconds = start + bytes / rate; with one, assume no start-up cost.
        if len(points) >= 2 and points[-1][1] > points[-2][1]:
            (s1, t1), (s2, t2) = points[-2:]
            per_byte = (t2 - t1) / (s2 - s1)
            estimate = t1 + per_byte * (full_size - s1)
        else:
            estimate = probe[0] * full_size / size
        if estimate <= args.max_seconds:
            corpus, warm, note = args.corpus, None, ""
            break
        corpus, warm = path, probe  # the probe already warmed the cache for this slice
        note = f"measured on the first {size / 1e6:.0f} MB (full corpus: ~{estimate:.0f} s)"
    command = command_for(corpus)
    size = args.bytes if args.bytes is not None and corpus == args.corpus else os.path.getsize(corpus)

    if warm is None:
        clear_summary()
        warm = run_once(command)
    warm_seconds, status, rss_kib, out, err = warm
    record = {"name": args.name, "group": args.group, "keywords": args.keywords, "bytes": size,
              "command": shlex.join(command), "exit": status, "note": note}
    if status not in (0, 1):
        record.update(error=err.strip()[-300:] or f"exit status {status}")
        print(f"measure.py: {args.name}: failed: {record['error']}", file=sys.stderr)
    else:
        times = timed_runs(command, args.runs, args.hyperfine) or [warm_seconds]
        mean = statistics.mean(times)
        # MB/s from the fastest run, as `listscan bench` does: on a shared machine it is the run
        # least disturbed by others.
        record.update(seconds=mean, stddev=statistics.stdev(times) if len(times) > 1 else 0.0,
                      min_seconds=min(times), runs=len(times), mb_per_s=size / 1e6 / min(times),
                      max_rss_kib=rss_kib, matched_lines=matched_lines(out, err, args.summary))
        print(f"  {args.name:<34} {min(times):8.2f} s  {record['mb_per_s']:8.1f} MB/s  {rss_kib / 1024:7.1f} MiB"
              f"  matched {record['matched_lines']}  {note}", file=sys.stderr)
    with open(args.out, "a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
