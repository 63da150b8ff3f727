#!/bin/bash
# Runs the tasks of docs/examples/slurm-scan-array.sh one after another, as Slurm would run the
# array's tasks, then its merge step; the result must equal one scan of the same inputs.
# Usage: slurm_array_in_sequence.sh SOURCE_DIR LISTSCAN
set -u
source_dir=$1
export LISTSCAN=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
cases="$source_dir/tests/cli/cases/shards_add_up_to_one_run"
inputs=("$cases/a.jsonl" "$cases/b.csv" "$cases/c.jsonl.gz" "$source_dir/tests/data/sample")
rules="$source_dir/tests/cli/common/pack.yaml"
tasks=5
for k in $(seq 1 $tasks); do
  SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=$tasks SLURM_CPUS_PER_TASK=2 \
    bash "$source_dir/docs/examples/slurm-scan-array.sh" "$rules" "$work/out" "${inputs[@]}" ||
    { echo "task $k failed"; exit 1; }
done
"$LISTSCAN" merge-summaries "$work"/out/summary.*.json -o "$work/summary.json" || exit 1
cat "$work"/out/flagged.*.jsonl > "$work/flagged.jsonl"
cat "$work"/out/rejects.*.jsonl > "$work/rejects.jsonl"

"$LISTSCAN" scan --rules "$rules" -o "$work/one.jsonl" --rejects "$work/one-rejects.jsonl" \
  --summary "$work/one-summary.json" "${inputs[@]}"
[ $? -eq 0 ] || { echo "the single run failed"; exit 1; }
status=0
cmp "$work/flagged.jsonl" "$work/one.jsonl" || { echo "flagged listings differ"; status=1; }
cmp "$work/rejects.jsonl" "$work/one-rejects.jsonl" || { echo "rejects differ"; status=1; }
volatile='seconds\|mb_per_s\|threads\|database_from_cache'
diff <(grep -v "$volatile" "$work/one-summary.json") <(grep -v "$volatile" "$work/summary.json") ||
  { echo "summaries differ"; status=1; }
[ "$(ls "$work"/out/flagged.*.jsonl | wc -l)" -eq $tasks ] ||
  { echo "not $tasks outputs"; status=1; }
[ "$(wc -l < "$work/one.jsonl")" -gt 40 ] || { echo "too few flagged listings to tell"; status=1; }
exit $status
