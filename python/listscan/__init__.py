"""listscan from Python: compile rule packs, scan listings, files and (listscan.dask) clusters.

    pack = listscan.compile(["rules/eu"])
    scanner = pack.scanner()
    scanner.scan({"id": "L1", "title": "Slim caps with sibutramine"})  # -> list of hits
    for listing in listscan.scan_file(pack, "dump.jsonl.zst", threads=4): ...
"""

import json
import os
import threading

from ._native import (Pack, RuleError, Scanner, compile, load, merge_summaries, run_scan,
                      split_inputs)

__all__ = ["Pack", "RuleError", "Scanner", "compile", "load", "scan_file", "FileScan",
           "merge_summaries"]


class FileScan:
    """The flagged listings of a file scan, as dicts in input order, while the scan runs.

    Iterating yields them; once exhausted, `summary` holds the run's summary (a dict with the
    keys of `listscan scan --summary`). Scanning runs in native threads with the GIL released;
    listings come through a pipe, so memory stays bounded whatever the input size.
    """

    def __init__(self, pack, paths, threads=0, rejects="", **options):
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        options["threads"] = threads
        read_end, write_end = os.pipe()
        self.summary = None
        self._error = None
        self._reader = os.fdopen(read_end, "rb")

        def work():
            try:
                self.summary = json.loads(run_scan(pack, [os.fspath(p) for p in paths],
                                                   f"/dev/fd/{write_end}", rejects,
                                                   options=options))
            except BaseException as error:  # re-raised in the consumer's thread
                self._error = error
            finally:
                os.close(write_end)

        self._thread = threading.Thread(target=work, name="listscan-scan-file", daemon=True)
        self._thread.start()

    def __iter__(self):
        try:
            for line in self._reader:
                yield json.loads(line)
        finally:
            self.close()
        if self._error is not None:
            raise self._error

    def close(self):
        """Stops reading: the scan ends at its next write."""
        if not self._reader.closed:
            self._reader.close()
        self._thread.join()


def scan_file(pack, paths, threads=0, **options):
    """Scans files as `listscan scan` does (any input it reads: JSON Lines or CSV, plain, gzip
    or zstd, folders); returns a FileScan that yields the flagged listings, then has `summary`.

    options: input_format ("auto", "jsonl", "csv"), delimiter, encoding, fields, id_field,
    with_fields, max_record_bytes, rejects (a path for rejected records).
    """
    return FileScan(pack, paths, threads=threads, **options)
