"""Throughput of listscan.dask with 1 and 2 worker processes against the CLI on the same input.

    PYTHONPATH=build/python /usr/bin/python3 bench/dask_throughput.py --rules rules/eu \
        --listscan build/tools/listscan/listscan --copies 40 tests/data/sample/listings.jsonl

The input is the given JSON Lines file repeated --copies times in one file (cut into parts of
--part-mb by the Dask path). Prints one line per configuration: seconds and MB/s, best of --runs.
Figures go into docs/scale-out.md with the machine they were measured on; nothing asserts them.
"""

import argparse
import os
import subprocess
import tempfile
import time

import distributed

import listscan
import listscan.dask


def best_of(runs, work):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", required=True)
    parser.add_argument("--listscan", required=True)
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--part-mb", type=float, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("input")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input.jsonl")
        with open(args.input, "rb") as source:
            data = source.read()
        with open(path, "wb") as target:
            for _ in range(args.copies):
                target.write(data)
        megabytes = os.path.getsize(path) / 1e6
        pack = listscan.compile([args.rules])
        print(f"input: {megabytes:.1f} MB, {args.copies} copies of {args.input}")

        for threads in (1, 2):
            seconds = best_of(args.runs, lambda: subprocess.run(
                [args.listscan, "scan", "--rules", args.rules, "-j", str(threads), "-o",
                 os.devnull, path], check=False))
            print(f"CLI -j{threads}: {seconds:.2f} s, {megabytes / seconds:.1f} MB/s")

        for workers in (1, 2):
            with distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                          processes=True, dashboard_address=None,
                                          silence_logs=40) as cluster, \
                    distributed.Client(cluster) as client:
                out = os.path.join(folder, f"out{workers}")
                seconds = best_of(args.runs, lambda: listscan.dask.scan(
                    path, pack, client=client, output_dir=out,
                    part_bytes=int(args.part_mb * 1e6)))
                print(f"Dask, {workers} worker process(es): {seconds:.2f} s, "
                      f"{megabytes / seconds:.1f} MB/s")


if __name__ == "__main__":
    main()
