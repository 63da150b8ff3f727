"""listscan on a Dask cluster: file scans cut into tasks, and listings held in bags and DataFrames.

    from distributed import Client
    import listscan.dask
    result = listscan.dask.scan("dumps/*.jsonl.zst", ["rules/eu"], client=Client(...),
                                output_dir="flagged/")
    result.summary["records_flagged"]

The pack is compiled once on the client and scattered to every worker. A task scans one input
file, or one byte range of a large plain JSON Lines or CSV file (cut on record starts as the
reader finds them), and writes its flagged listings to `output_dir` under a temporary name that
is renamed when the task succeeds. A worker that dies mid-task leaves only a temporary file; Dask
runs the task again elsewhere and the output holds each flagged listing exactly once.
"""

import collections
import glob
import json
import os

import dask
import distributed

from . import _native

DEFAULT_PART_BYTES = 64 << 20

ScanResult = collections.namedtuple("ScanResult", ["summary", "outputs", "failed"])
ScanResult.__doc__ = """summary: the merged summary (a dict, as `listscan scan --summary`);
outputs: the JSON Lines files written, in input order (their names sort in that order too);
failed: {output name: error message} for tasks that failed (their parts are not in the output)."""


def expand_inputs(paths_or_glob):
    """Paths as given, with glob patterns expanded in name order (a pattern that matches nothing
    is kept, so that its task reports it)."""
    if isinstance(paths_or_glob, (str, os.PathLike)):
        paths_or_glob = [paths_or_glob]
    paths = []
    for path in map(os.fspath, paths_or_glob):
        matches = sorted(glob.glob(path)) if glob.has_magic(path) else []
        paths.extend(matches or [path])
    return paths


def output_name(index, part):
    """The output file of a part: its place in input order, its input's name, and its range."""
    name = os.path.basename(part["path"].rstrip("/")) or "input"
    if part["ranged"]:
        name += f".{part['begin']}-{part['end']}"
    return f"{index:06d}.{name}.jsonl"


def _scan_part(pack, part, output_path, options):
    """One task: the summary JSON of scanning one part to output_path."""
    return _native.run_scan(pack, [], output_path, parts=[part], options=options)


def _compiled(rules, client):
    if isinstance(rules, _native.Pack):
        return rules
    if isinstance(rules, (str, os.PathLike)):
        rules = [rules]
    return _native.compile([os.fspath(r) for r in rules])


def scan(paths_or_glob, rules, client=None, output_dir="listscan-output",
         part_bytes=DEFAULT_PART_BYTES, retries=1, **options):
    """Scans files on a Dask cluster; returns a ScanResult and writes `summary.json` beside the
    outputs in output_dir.

    rules: rule pack paths, or a Pack from listscan.compile(). client: a distributed.Client
    (default: the current one). part_bytes: plain JSON Lines and CSV files larger than this are
    cut into ranges of about this size. options: as for listscan.scan_file (input_format,
    delimiter, encoding, fields, id_field, with_fields, max_record_bytes); each task scans with
    `threads` threads (default 1: Dask runs one task per worker thread).
    """
    client = client or distributed.get_client()
    pack = _compiled(rules, client)
    options.setdefault("threads", 1)
    paths = expand_inputs(paths_or_glob)
    parts, walk_errors = _native.split_inputs(paths, part_bytes, options)
    os.makedirs(output_dir, exist_ok=True)
    pack_on_workers = client.scatter(pack, broadcast=True, hash=False)
    token = dask.base.tokenize(paths, part_bytes, options, pack.rule_ids)
    futures = {}
    for index, part in enumerate(parts):
        output = os.path.join(output_dir, output_name(index, part))
        futures[output] = client.submit(_scan_part, pack_on_workers, part, output, options,
                                        key=f"listscan-part-{token}-{index}", pure=False,
                                        retries=retries)
    summaries, failed = [], {}
    for output, future in futures.items():
        try:
            summaries.append(future.result())
        except Exception as error:  # a bad part is reported; the others are kept
            failed[output] = f"{type(error).__name__}: {error}"
    if summaries:
        summary = json.loads(_native.merge_summaries(summaries))
    else:
        summary = {"complete": True, "records_read": 0, "records_scanned": 0,
                   "records_rejected": 0, "records_flagged": 0, "input_errors": []}
    summary["input_errors"] = walk_errors + summary["input_errors"] + [
        f"{os.path.basename(name)}: {message}" for name, message in failed.items()]
    with open(os.path.join(output_dir, "summary.json"), "w", encoding="utf-8") as file:
        json.dump(summary, file, indent=2)
        file.write("\n")
    outputs = [name for name in futures if name not in failed]
    return ScanResult(summary, outputs, failed)


def _flagged_in_partition(listings, pack, scanner_options):
    scanner = pack.scanner(**scanner_options)
    listings = list(listings)
    hits = scanner.scan_many(listings)
    return [{"listing": listing, "hits": h} for listing, h in zip(listings, hits) if h]


def scan_bag(bag, rules, **scanner_options):
    """A bag of {"listing": listing, "hits": [...]} for the flagged listings (dicts) of `bag`.
    Each partition is scanned as one group by one scanner."""
    pack = _compiled(rules, None)
    return bag.map_partitions(_flagged_in_partition, pack, scanner_options)


def _hits_column(frame, pack, columns, scanner_options):
    scanner = pack.scanner(**scanner_options)
    records = frame[columns].to_dict(orient="records") if columns else \
        frame.to_dict(orient="records")
    listings = [{key: value for key, value in record.items() if isinstance(value, str)}
                for record in records]
    result = frame.copy()
    result["hits"] = scanner.scan_many(listings) if listings else []
    return result


def add_hits(frame, rules, columns=None, **scanner_options):
    """The Dask (or pandas) DataFrame `frame` with a `hits` column: each row's hits (a list,
    empty when nothing flags it), from its string columns (or `columns`)."""
    pack = _compiled(rules, None)
    if hasattr(frame, "map_partitions"):
        meta = frame._meta.assign(hits=object())
        return frame.map_partitions(_hits_column, pack, columns, scanner_options, meta=meta)
    return _hits_column(frame, pack, columns, scanner_options)
