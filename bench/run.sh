#!/usr/bin/env bash
# Benchmarks listscan against its peers on one generated JSON Lines corpus and one keyword list:
# listscan (1 thread and every core), rg, grep, RE2::Set, PCRE2, and two upper bounds (Hyperscan on
# raw bytes, simdjson parsing alone); then pattern-count and input-size scaling for listscan and rg.
# Writes bench/results/<date>-<host>.md (and .jsonl) and SVG plots into docs/.
#
# Then the rows of the speed targets with real packs: the EU packs against the bare keywords on
# the same corpora (generated JSON Lines and its CSV export, and real listings when BENCH_REAL
# names a JSON Lines file), one thread and every core; gzip and zstd input against decompression alone (`gzip -dc`, GNU gzip's
# own inflate, and `zstd -dc`, libzstd, to /dev/null); start-up with a cached pack and a cold
# compile.
#
# Usage: bench/run.sh [--no-scaling] [--no-packs] [--large]
#   --no-scaling  no pattern-count and input-size scaling
#   --no-packs    no real-pack, compressed-input and start-up rows
#   --large       add a 10 GB point to the input-size scaling (about 10 GB of disk in BENCH_WORK)
# Environment (defaults):
#   BUILD_DIR=build  BENCH_SIZE=1GB  BENCH_SEED=42  BENCH_KEYWORDS=2000  BENCH_RUNS=3
#   BENCH_RULES=rules (the packs of the real-pack rows)  BENCH_REAL= (a JSON Lines file of real
#   listings, e.g. Open Food Facts products; its rows are skipped when unset)
#   BENCH_WORK=bench/corpora (corpora; reused between runs)
#   BENCH_SLICE=10MB BENCH_SLICE2=100MB (probes: each tool runs on these prefixes first, the second
#   only when affordable, to estimate its time on the full corpus)
#   BENCH_MAX_SECONDS=120 (a tool slower than this on the full corpus is timed on a probe slice)
#   BENCH_PLOTS=docs (where the SVGs go)
set -euo pipefail
cd "$(dirname "$0")/.."

scaling=1
packs=1
large=0
for arg in "$@"; do
  case "$arg" in
    --no-scaling) scaling=0 ;;
    --no-packs) packs=0 ;;
    --large) large=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

BUILD_DIR=${BUILD_DIR:-build}
SIZE=${BENCH_SIZE:-1GB}
SEED=${BENCH_SEED:-42}
KEYWORDS=${BENCH_KEYWORDS:-2000}
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_WORK:-bench/corpora}
SLICE_SIZE=${BENCH_SLICE:-10MB}
SLICE2_SIZE=${BENCH_SLICE2:-100MB}
MAX_SECONDS=${BENCH_MAX_SECONDS:-120}
PLOTS=${BENCH_PLOTS:-docs}
RULES=${BENCH_RULES:-rules}
REAL=${BENCH_REAL:-}
THREADS=$(nproc)

GEN=$BUILD_DIR/tools/corpus_gen/listscan-gen
LISTSCAN=$BUILD_DIR/tools/listscan/listscan
PEERS=$BUILD_DIR/bench

if [ ! -x "$GEN" ]; then
  echo "run.sh: $GEN not found: build first (cmake --build $BUILD_DIR)" >&2
  exit 2
fi
mkdir -p "$WORK" bench/results "$PLOTS"
host=$(hostname -s 2>/dev/null || hostname)
date=$(date +%Y-%m-%d)
RESULTS=bench/results/$date-$host.jsonl
REPORT=bench/results/$date-$host.md
: > "$RESULTS"

# corpus SIZE -> path; generated once per size and seed. Equal seeds make a smaller corpus a
# prefix of a larger one, so the slice is the start of the full corpus.
corpus() {
  local path="$WORK/corpus-$1-seed$SEED.jsonl"
  if [ ! -f "$path.done" ]; then
    echo "generating $path" >&2
    "$GEN" --seed "$SEED" --size "$1" -o "$path" --labels "$path.labels" 2> "$path.log"
    cat "$path.log" >&2
    touch "$path.done"
  fi
  echo "$path"
}

# csv_corpus SIZE -> path: the same generator's CSV export.
csv_corpus() {
  local path="$WORK/corpus-$1-seed$SEED.csv"
  [ -f "$path.done" ] || { "$GEN" --seed "$SEED" --size "$1" --format csv -o "$path" 2> /dev/null \
    && touch "$path.done"; }
  echo "$path"
}

keywords() {
  local path="$WORK/keywords-$1.txt"
  [ -f "$path" ] || "$GEN" --seed "$SEED" --keywords "$1" -o "$path"
  echo "$path"
}

hyperfine_flag=()
if command -v hyperfine > /dev/null; then hyperfine_flag=(--hyperfine); fi

# measure NAME GROUP CORPUS KEYWORD_COUNT [--summary FILE] -- COMMAND...  ({corpus} in COMMAND)
measure() {
  local name=$1 group=$2 corpus_path=$3 count=$4
  shift 4
  # The size scaling measures each size whole; on the main corpus a very slow tool is timed on
  # the slice (its prefixes; other corpora have none).
  local slice=()
  if [ "$group" != size ] && [ "$corpus_path" = "$CORPUS" ]; then
    slice=(--slice "$SLICE" --slice "$SLICE2" --max-seconds "$MAX_SECONDS")
  fi
  python3 bench/measure.py --name "$name" --group "$group" --corpus "$corpus_path" \
    "${slice[@]}" --runs "$RUNS" --keywords "$count" "${hyperfine_flag[@]}" --out "$RESULTS" "$@"
}

have_listscan=0
if [ -x "$LISTSCAN" ]; then
  have_listscan=1
else
  echo "note: $LISTSCAN not built: the listscan rows are skipped (pending)" >&2
fi

# listscan_case NAME GROUP CORPUS KEYWORD_COUNT THREADS [--bytes N]
listscan_case() {
  local name=$1 group=$2 corpus_path=$3 count=$4 threads=$5 kw
  shift 5
  kw=$(keywords "$count")
  # Exit status 0 (something flagged) and 1 (nothing) both count as success.
  measure "$name" "$group" "$corpus_path" "$count" --summary "$WORK/summary.json" "$@" -- \
    "$LISTSCAN" scan --keywords "$kw" --threads "$threads" -o /dev/null --summary "$WORK/summary.json" '{corpus}'
}

# pack_case NAME GROUP CORPUS THREADS [--bytes N]: the packs of $RULES, through the pack cache
pack_case() {
  local name=$1 group=$2 corpus_path=$3 threads=$4
  shift 4
  measure "$name" "$group" "$corpus_path" 0 --summary "$WORK/summary.json" "$@" -- \
    "$LISTSCAN" scan --rules "$RULES" --cache-dir "$WORK/cache" --threads "$threads" -o /dev/null \
    --summary "$WORK/summary.json" '{corpus}'
}

rg_case() {
  local kw
  kw=$(keywords "$4")
  measure "$1" "$2" "$3" "$4" -- rg -F -i -c -f "$kw" '{corpus}'
}

CORPUS=$(corpus "$SIZE")
SLICE=$(corpus "$SLICE_SIZE")
SLICE2=$(corpus "$SLICE2_SIZE")
KW=$(keywords "$KEYWORDS")
records=$(sed -n 's/.*: \([0-9]*\) records, \([0-9]*\) planted.*/\1/p' "$CORPUS.log")
planted=$(sed -n 's/.*: \([0-9]*\) records, \([0-9]*\) planted.*/\2/p' "$CORPUS.log")
printf '{"group":"meta","date":"%s","host":"%s","seed":%s,"size":"%s","corpus_bytes":%s,"records":%s,"planted":%s,"keywords":%s,"runs":%s,"hyperfine":%s}\n' \
  "$date" "$host" "$SEED" "$SIZE" "$(stat -c %s "$CORPUS")" "${records:-0}" "${planted:-0}" "$KEYWORDS" "$RUNS" \
  "$([ ${#hyperfine_flag[@]} -gt 0 ] && echo true || echo false)" >> "$RESULTS"

echo "main comparison: $CORPUS, $KEYWORDS keywords" >&2
if [ $have_listscan = 1 ]; then
  listscan_case "listscan scan --threads 1" main "$CORPUS" "$KEYWORDS" 1
  listscan_case "listscan scan --threads $THREADS" main "$CORPUS" "$KEYWORDS" "$THREADS"
fi
if command -v rg > /dev/null; then rg_case "rg -F -i -c -f" main "$CORPUS" "$KEYWORDS"; fi
measure "grep -F -i -c -f (LC_ALL=C)" main "$CORPUS" "$KEYWORDS" -- env LC_ALL=C grep -F -i -c -f "$KW" '{corpus}'
if [ -x "$PEERS/re2_set_scan" ]; then
  measure "RE2::Set" main "$CORPUS" "$KEYWORDS" -- "$PEERS/re2_set_scan" "$KW" '{corpus}'
fi
if [ -x "$PEERS/pcre2_scan" ]; then
  measure "PCRE2 JIT, trie alternation" main "$CORPUS" "$KEYWORDS" -- "$PEERS/pcre2_scan" --trie "$KW" '{corpus}'
  measure "PCRE2 JIT, flat alternation" main "$CORPUS" "$KEYWORDS" -- "$PEERS/pcre2_scan" "$KW" '{corpus}'
fi
measure "bound: Hyperscan on raw bytes" main "$CORPUS" "$KEYWORDS" -- "$PEERS/hs_raw_scan" "$KW" '{corpus}'
measure "bound: simdjson parse only" main "$CORPUS" "$KEYWORDS" -- "$PEERS/simdjson_parse" '{corpus}'

if [ $packs = 1 ] && [ $have_listscan = 1 ]; then
  echo "real packs ($RULES) against bare keywords" >&2
  # Compiled into the run's pack cache first, so that no timed run (nor a probe that decides
  # whether a row is timed on a slice) includes the cold compile.
  : > "$WORK/empty.jsonl"
  "$LISTSCAN" scan --rules "$RULES" --cache-dir "$WORK/cache" -o /dev/null "$WORK/empty.jsonl" || [ $? -eq 1 ]
  for threads in 1 "$THREADS"; do
    pack_case "packs, generated, $threads thread(s)" packs "$CORPUS" "$threads"
    listscan_case "keywords, generated, $threads thread(s)" packs "$CORPUS" "$KEYWORDS" "$threads"
  done
  CSV=$(csv_corpus "$SIZE")
  pack_case "packs, csv, 1 thread(s)" packs "$CSV" 1
  listscan_case "keywords, csv, 1 thread(s)" packs "$CSV" "$KEYWORDS" 1
  if [ -n "$REAL" ]; then
    for threads in 1 "$THREADS"; do
      pack_case "packs, real, $threads thread(s)" packs "$REAL" "$threads"
      listscan_case "keywords, real, $threads thread(s)" packs "$REAL" "$KEYWORDS" "$threads"
    done
  fi
  echo "compressed input" >&2
  plain_bytes=$(stat -c %s "$CORPUS")
  [ -f "$CORPUS.gz" ] || gzip -6 -c "$CORPUS" > "$CORPUS.gz"
  [ -f "$CORPUS.zst" ] || zstd -q -3 -c "$CORPUS" > "$CORPUS.zst"
  for ext in gz zst; do
    listscan_case "keywords, .$ext, $THREADS thread(s)" compressed "$CORPUS.$ext" "$KEYWORDS" \
      "$THREADS" --bytes "$plain_bytes"
  done
  measure "bound: gzip -dc (GNU gzip)" compressed "$CORPUS.gz" 0 --bytes "$plain_bytes" -- \
    sh -c 'gzip -dc "$1" > /dev/null' sh '{corpus}'
  measure "bound: zstd -dc (libzstd)" compressed "$CORPUS.zst" 0 --bytes "$plain_bytes" -- \
    zstd -q -dc '{corpus}' -o /dev/null
  echo "start-up" >&2
  pack_case "start-up, cached pack, empty input" startup "$WORK/empty.jsonl" 1
  measure "cold compile, empty input" startup "$WORK/empty.jsonl" 0 -- \
    "$LISTSCAN" scan --rules "$RULES" --no-cache -o /dev/null '{corpus}'
fi

if [ $scaling = 1 ]; then
  echo "pattern-count scaling" >&2
  for count in 100 1000 2000 10000 20000; do
    if [ $have_listscan = 1 ]; then listscan_case "listscan (1 thread)" patterns "$CORPUS" "$count" 1; fi
    rg_case "rg -F -i" patterns "$CORPUS" "$count"
  done
  echo "input-size scaling" >&2
  sizes=(100MB 1GB)
  if [ $large = 1 ]; then sizes+=(10GB); fi
  for size in "${sizes[@]}"; do
    path=$(corpus "$size")
    if [ $have_listscan = 1 ]; then
      listscan_case "listscan (1 thread)" size "$path" "$KEYWORDS" 1
      listscan_case "listscan ($THREADS threads)" size "$path" "$KEYWORDS" "$THREADS"
    fi
    rg_case "rg -F -i" size "$path" "$KEYWORDS"
  done
fi

python3 bench/report.py "$RESULTS" "$REPORT" > /dev/null
python3 bench/plot.py "$RESULTS" "$PLOTS" >&2
echo "wrote $REPORT and $RESULTS" >&2
cat "$REPORT"
