#!/bin/bash
# A Slurm array job: array task K of N scans shard K/N of the inputs with every core Slurm gave
# it; merge the shards' outputs when all tasks are done (see docs/scale-out.md).
#
#   jobid=$(sbatch --parsable --array=1-16 slurm-scan-array.sh rules/eu out/ $DATA/dumps/)
#   sbatch --dependency=afterok:$jobid --wrap "listscan merge-summaries out/summary.*.json \
#     -o out/summary.json && cat out/flagged.*.jsonl > out/flagged.jsonl"
#
#SBATCH --job-name=listscan-scan
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --output=listscan-scan-%A_%a.log
set -u
if [ $# -lt 3 ]; then
  echo "usage: sbatch --array=1-N $0 RULES OUTPUT_DIR INPUT..." >&2
  exit 2
fi
rules=$1
out=$2
shift 2
k=${SLURM_ARRAY_TASK_ID:?run as a Slurm array job (sbatch --array=1-N)}
n=${SLURM_ARRAY_TASK_COUNT:?run as a Slurm array job (sbatch --array=1-N)}
listscan=${LISTSCAN:-listscan}
mkdir -p "$out"
part=$(printf '%05d' "$k")  # names sort in shard order: cat out/flagged.*.jsonl is input order
"$listscan" scan --rules "$rules" --shard "$k/$n" --threads "${SLURM_CPUS_PER_TASK:-0}" \
  --output "$out/flagged.$part.jsonl" --rejects "$out/rejects.$part.jsonl" \
  --summary "$out/summary.$part.json" "$@"
status=$?
# Exit status 1 only says that this shard flagged nothing: the task did its job.
[ "$status" -le 1 ] && exit 0
exit "$status"
