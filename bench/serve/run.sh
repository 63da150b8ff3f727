#!/bin/bash
# Measures `listscan serve` over loopback with wrk (docs/serve.md): latency at 1,000 requests/s,
# the highest rate with p99 <= 5 ms on 1 and 50 connections, batches of 256 listings against
# `listscan scan --threads 2` on the same listings, and a reload under load.
# Usage: bench/serve/run.sh [BUILD_DIR] > results.jsonl   (needs wrk: tools/install-deps.sh --peers)
# SECONDS_PER_RUN=15 RECORDS=20000 SEED=1 adjust the runs.
set -eu
cd "$(dirname "$0")/../.."
BUILD_DIR=${1:-build}
LISTSCAN=$BUILD_DIR/tools/listscan/listscan
GEN=$BUILD_DIR/tools/corpus_gen/listscan-gen
RUN=${SECONDS_PER_RUN:-15}
WORK=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$WORK"' EXIT
CACHE=${LISTSCAN_CACHE:-$BUILD_DIR/pack-cache}

"$GEN" --seed "${SEED:-1}" --records "${RECORDS:-20000}" -o "$WORK/corpus.jsonl" 2> /dev/null
export CORPUS=$WORK/corpus.jsonl

"$LISTSCAN" serve --rules rules/eu --threads 2 --listen 127.0.0.1:0 --cache-dir "$CACHE" \
  2> "$WORK/serve.log" &
server=$!
until grep -q '"listening"' "$WORK/serve.log"; do sleep 0.1; done
port=$(grep -o '"port":[0-9]*' "$WORK/serve.log" | head -1 | cut -d: -f2)
url=http://127.0.0.1:$port
until curl -sf "$url/readyz" > /dev/null; do sleep 0.2; done

# wrk_run NAME CONNECTIONS BATCH DELAY_MS [SECONDS]: one JSON line tagged with its parameters.
wrk_run() {
  local result
  result=$(BATCH=$3 DELAY_MS=$4 wrk -t1 -c"$2" -d"${5:-$RUN}s" --timeout 10s \
    -s bench/serve/post_listings.lua "$url" | grep '^{')
  echo "{\"run\":\"$1\",\"connections\":$2,\"batch\":$3,\"delay_ms\":$4,${result#\{}"
}

wrk_run warmup 2 1 0 5 > /dev/null
wrk_run rate_1000 11 1 10
wrk_run closed_loop 1 1 0
wrk_run closed_loop 50 1 0
for delay in 100 50 25 12; do wrk_run throttled 50 1 "$delay"; done
wrk_run batch_256 2 256 0
wrk_run batch_256 4 256 0

# `scan --threads 2` on the same listings (the file, from the page cache), best of three.
for i in 1 2 3; do
  "$LISTSCAN" scan --rules rules/eu --cache-dir "$CACHE" --threads 2 -o /dev/null \
    --summary "$WORK/summary.json" "$CORPUS" || true
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1]));
print(json.dumps({"run":"scan_threads_2","records":s["records_read"],"seconds":s["seconds"],
"listings_per_s":round(s["records_read"]/s["seconds"],1)}))' "$WORK/summary.json"
done

# A reload under load: the 1,000 requests/s run again, with two POST /v1/reload (from the cache:
# loading the YAML and the fuzzy index still takes seconds) one after the other from its 10th
# second; then the same without reloads, for the latency they cost.
reload_run=$((RUN * 4))
reload() {
  curl -s -o /dev/null -X POST "$url/v1/reload" \
    -w '{"run":"reload_request","seconds":%{time_total},"status":%{http_code}}\n'
}
( sleep 10; reload; reload ) > "$WORK/reloads.jsonl" &
reloader=$!
wrk_run rate_1000_with_reloads 11 1 10 "$reload_run"
wait "$reloader"
cat "$WORK/reloads.jsonl"
wrk_run rate_1000_no_reload 11 1 10 "$reload_run"
grep '"reloaded"' "$WORK/serve.log" | sed 's/^/{"run":"server_log","line":/; s/$/}/'
kill -TERM "$server"
wait "$server"
