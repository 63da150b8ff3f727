#!/usr/bin/env bash
# Soak run: scans a multi-GB generated dump with the EU packs on every core while sampling the
# scan's memory once a second, then checks what a long unattended run must hold:
#   - memory stays flat: the peak of the second half of the run is no more than 10% (plus 16 MiB)
#     above the peak of the first half;
#   - nothing is lost: records_read == records_scanned + records_rejected == records generated;
#   - every planted positive is found: the planted records the packs flag when each is scanned on
#     its own, one thread, are exactly the planted records flagged in the long run (the share the
#     packs find at all is reported too: that is rule quality, not reliability).
# Writes bench/results/<date>-soak.md and exits non-zero when a check fails.
#
# Usage: bench/soak.sh [--size 4GB] [--threads N] [--rules PATH]
# Environment: BUILD_DIR=build  BENCH_WORK=bench/corpora  SOAK_SEED=7
set -euo pipefail
cd "$(dirname "$0")/.."

size=4GB
threads=$(nproc)
rules=rules/eu
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --rules) rules=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

BUILD_DIR=${BUILD_DIR:-build}
WORK=${BENCH_WORK:-bench/corpora}
SEED=${SOAK_SEED:-7}
LISTSCAN=$BUILD_DIR/tools/listscan/listscan
GEN=$BUILD_DIR/tools/corpus_gen/listscan-gen
for tool in "$LISTSCAN" "$GEN"; do
  [ -x "$tool" ] || { echo "soak.sh: $tool is not built (make build)" >&2; exit 2; }
done
mkdir -p "$WORK" bench/results
corpus=$WORK/soak-$size-$SEED.jsonl
if [ ! -s "$corpus" ] || [ ! -s "$corpus.labels" ]; then
  echo "soak.sh: generating $corpus" >&2
  "$GEN" --seed "$SEED" --size "$size" -o "$corpus" --labels "$corpus.labels" 2> "$corpus.log"
fi
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT

# Compile (or load from the cache) before the clock starts: the soak is about the scan.
"$LISTSCAN" scan --rules "$rules" --threads 1 - < /dev/null > /dev/null || true

echo "soak.sh: scanning $corpus with $threads threads" >&2
since() { awk -v now="$(date +%s.%N)" -v start="$1" 'BEGIN { printf "%.1f", now - start }'; }
start=$(date +%s.%N)
"$LISTSCAN" scan --rules "$rules" --threads "$threads" -o "$run/flagged.jsonl" \
  --summary "$run/summary.json" "$corpus" &
pid=$!
# One sample a second: seconds since the start and resident memory in KiB.
while kill -0 "$pid" 2> /dev/null; do
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || true)
  [ -n "$rss" ] && echo "$(since "$start") $rss" >> "$run/memory.txt"
  sleep 1
done
status=0
wait "$pid" || status=$?
[ "$status" -le 1 ] || { echo "soak.sh: scan failed with exit $status" >&2; exit 1; }

# The planted records alone, each scanned by itself on one thread: what the packs find in them.
python3 - "$corpus" "$run/planted.jsonl" << 'EOF'
import json, sys
corpus, out = sys.argv[1], sys.argv[2]
ids = {json.loads(line)["id"] for line in open(corpus + ".labels", encoding="utf-8")}
with open(corpus, encoding="utf-8") as records, open(out, "w", encoding="utf-8") as planted:
    for line in records:
        if json.loads(line)["id"] in ids:
            planted.write(line)
EOF
"$LISTSCAN" scan --rules "$rules" --threads 1 -o "$run/planted-flagged.jsonl" "$run/planted.jsonl" || [ $? -le 1 ]

python3 - "$corpus" "$run" "$size" "$threads" "$rules" << 'EOF'
import datetime, json, os, re, sys
corpus, run, size, threads, rules = sys.argv[1:6]

def flagged_ids(path):
    with open(path, encoding="utf-8") as f:
        return {json.loads(line)["id"] for line in f}

labels = [json.loads(line) for line in open(corpus + ".labels", encoding="utf-8")]
planted = {label["id"] for label in labels}
found_alone = flagged_ids(os.path.join(run, "planted-flagged.jsonl"))
found_in_run = flagged_ids(os.path.join(run, "flagged.jsonl")) & planted
summary = json.load(open(os.path.join(run, "summary.json"), encoding="utf-8"))
counts = summary
generated = int(re.search(r"(\d+) records", open(corpus + ".log").read()).group(1))

samples = [tuple(map(float, line.split())) for line in open(os.path.join(run, "memory.txt"))]
half = len(samples) // 2
first_peak = max(kib for _, kib in samples[:half]) / 1024 if half else 0
second_peak = max(kib for _, kib in samples[half:]) / 1024
scan_seconds = samples[-1][0] if samples else 0
corpus_bytes = os.path.getsize(corpus)

checks = [
    ("memory flat: second-half peak ≤ 1.1 × first-half peak + 16 MiB",
     second_peak <= 1.1 * first_peak + 16),
    ("records_read == records_scanned + records_rejected",
     counts["records_read"] == counts["records_scanned"] + counts["records_rejected"]),
    (f"records_read == {generated:,} records generated", counts["records_read"] == generated),
    ("planted positives flagged in the run == those flagged scanned alone",
     found_in_run == found_alone),
]
lost = sorted(found_alone - found_in_run)
extra = sorted(found_in_run - found_alone)
lines = [
    f"# Soak run, {datetime.date.today().isoformat()}",
    "",
    f"`bench/soak.sh --size {size} --threads {threads} --rules {rules}`: "
    f"{corpus_bytes / 1e9:.2f} GB of generated JSON Lines ({generated:,} records, "
    f"{len(planted):,} planted positives), one scan on {threads} threads, resident memory sampled "
    "once a second.",
    "",
    "| measure | value |",
    "|---|---|",
    f"| scan time | {scan_seconds:.0f} s ({corpus_bytes / 1e6 / max(scan_seconds, 1e-9):.1f} MB/s) |",
    f"| peak resident memory, first half | {first_peak:.0f} MiB |",
    f"| peak resident memory, second half | {second_peak:.0f} MiB |",
    f"| memory samples | {len(samples)} |",
    f"| records read / scanned / rejected | {counts['records_read']:,} / "
    f"{counts['records_scanned']:,} / {counts['records_rejected']:,} |",
    f"| records flagged | {counts['records_flagged']:,} |",
    f"| planted positives the packs flag alone | {len(found_alone):,} of {len(planted):,} |",
    f"| of those, flagged in the long run | {len(found_in_run & found_alone):,} |",
    "",
    "Memory over the run (seconds, MiB), every tenth of it:",
    "",
    "| s | MiB |",
    "|---|---|",
]
step = max(1, len(samples) // 10)
for seconds, kib in samples[::step] + samples[-1:]:
    lines.append(f"| {seconds:.0f} | {kib / 1024:.0f} |")
lines += ["", "Checks:", ""]
lines += [f"- {'pass' if ok else 'FAIL'}: {name}" for name, ok in checks]
if lost:
    lines.append(f"- lost in the long run: {', '.join(lost[:20])}")
if extra:
    lines.append(f"- flagged only in the long run: {', '.join(extra[:20])}")
report = "\n".join(lines) + "\n"
path = f"bench/results/{datetime.date.today().isoformat()}-soak.md"
open(path, "w", encoding="utf-8").write(report)
print(report)
print(f"soak.sh: wrote {path}", file=sys.stderr)
sys.exit(0 if all(ok for _, ok in checks) else 1)
EOF
