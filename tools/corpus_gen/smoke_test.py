#!/usr/bin/env python3
"""Smoke tests of listscan-gen: smoke_test.py GENERATOR WORKDIR CHECK (exit 0 when CHECK holds)."""
import csv
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys

RECORDS = "2000"
CSV_COLUMNS = ["id", "title", "description", "brand", "category", "price", "currency", "country",
               "seller_id", "seller_name", "color", "material", "condition", "tags"]
CATEGORIES = {"medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links"}
EVASIONS = {None, "leet", "spacing", "homoglyph", "fullwidth", "zero_width"}


def generate(gen, workdir, name, *args):
    path = os.path.join(workdir, name)
    result = subprocess.run([gen, "-o", path, *args], capture_output=True, text=True, check=True)
    return path, result.stderr


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def planted_count(stderr):
    # "listscan-gen: 2000 records, 11 planted, 1234567 bytes before compression"
    return int(stderr.split(" planted")[0].rsplit(" ", 1)[1])


def same_seed_same_bytes(gen, workdir):
    a, _ = generate(gen, workdir, "a.jsonl", "--records", RECORDS, "--seed", "7")
    b, _ = generate(gen, workdir, "b.jsonl", "--records", RECORDS, "--seed", "7")
    assert digest(a) == digest(b), "same seed gave different corpora"


def other_seed_other_bytes(gen, workdir):
    a, _ = generate(gen, workdir, "a.jsonl", "--records", RECORDS, "--seed", "7")
    b, _ = generate(gen, workdir, "b.jsonl", "--records", RECORDS, "--seed", "8")
    assert digest(a) != digest(b), "different seeds gave the same corpus"


def compressed_round_trip(gen, workdir, codec, decompress):
    plain, _ = generate(gen, workdir, "plain.jsonl", "--records", RECORDS, "--seed", "3")
    packed, _ = generate(gen, workdir, "packed", "--records", RECORDS, "--seed", "3", "--compress", codec)
    with open(plain, "rb") as f:
        assert decompress(packed) == f.read(), f"{codec} output does not decompress to the plain corpus"


def gzip_round_trip(gen, workdir):
    def decompress(path):
        with gzip.open(path, "rb") as f:
            return f.read()
    compressed_round_trip(gen, workdir, "gzip", decompress)


def zstd_round_trip(gen, workdir):
    if shutil.which("zstd") is None:
        print("zstd command not found; skipped")
        return
    compressed_round_trip(gen, workdir, "zstd",
                          lambda path: subprocess.run(["zstd", "-dc", path], capture_output=True, check=True).stdout)


def jsonl_records_parse(gen, workdir):
    path, _ = generate(gen, workdir, "c.jsonl", "--records", RECORDS, "--seed", "5")
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    assert len(records) == int(RECORDS), f"{len(records)} records"
    for record in records:
        assert len(record["title"].encode()) >= 30, record["id"]
        assert isinstance(record["price"], float) and record["price"] > 0, record["id"]
        assert record["seller"]["id"] and record["seller"]["name"], record["id"]
        assert isinstance(record["attributes"]["tags"], list), record["id"]
    assert len({r["id"] for r in records}) == len(records), "duplicate ids"


def csv_records_parse(gen, workdir):
    path, _ = generate(gen, workdir, "c.csv", "--records", RECORDS, "--seed", "5", "--format", "csv")
    jsonl, _ = generate(gen, workdir, "c.jsonl", "--records", RECORDS, "--seed", "5")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == CSV_COLUMNS, rows[0]
    assert len(rows) == int(RECORDS) + 1, f"{len(rows) - 1} rows"
    assert all(len(row) == len(CSV_COLUMNS) for row in rows), "a row with the wrong column count"
    with open(jsonl, encoding="utf-8") as f:
        titles = [json.loads(line)["title"] for line in f]
    assert [row[1] for row in rows[1:]] == titles, "CSV and JSONL with one seed hold different titles"


def labels_match_planted(gen, workdir):
    labels = os.path.join(workdir, "labels.jsonl")
    path, stderr = generate(gen, workdir, "p.jsonl", "--records", RECORDS, "--seed", "9",
                            "--positive-rate", "0.2", "--labels", labels)
    with open(labels, encoding="utf-8") as f:
        planted = [json.loads(line) for line in f]
    assert len(planted) == planted_count(stderr), f"{len(planted)} labels, {planted_count(stderr)} planted"
    assert 300 <= len(planted) <= 500, f"{len(planted)} planted at rate 0.2"
    with open(path, encoding="utf-8") as f:
        records = {r["id"]: r for r in map(json.loads, f)}
    for label in planted:
        assert label["category"] in CATEGORIES and label["evasion"] in EVASIONS, label
        record = records[label["id"]]
        field = record["attributes"]["tags"] if label["field"] == "attributes.tags" else record[label["field"]]
        assert label["text"] in field, f"{label} not in its field"
    assert {label["category"] for label in planted} == CATEGORIES, "a category was never planted"
    assert {label["evasion"] for label in planted} == EVASIONS, "an evasion was never planted"


def size_limit_is_reached(gen, workdir):
    path, _ = generate(gen, workdir, "s.jsonl", "--size", "2MB", "--seed", "4")
    size = os.path.getsize(path)
    assert 2_000_000 <= size < 2_100_000, f"{size} bytes for --size 2MB"


def keyword_list_is_clean(gen, workdir):
    short, _ = generate(gen, workdir, "k100.txt", "--keywords", "100")
    long, _ = generate(gen, workdir, "k5000.txt", "--keywords", "5000")
    with open(short, encoding="utf-8") as f:
        first = f.read().splitlines()
    with open(long, encoding="utf-8") as f:
        words = f.read().splitlines()
    assert len(words) == 5000 and len(set(words)) == 5000, "duplicates or a wrong count"
    assert all(len(w) >= 4 and w == w.lower() for w in words), "a short or upper-case keyword"
    assert words[:100] == first, "a short list is not a prefix of a longer one"
    assert words[0] == "sildenafil", words[0]


def main():
    gen, workdir, check = sys.argv[1:4]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    globals()[check](gen, workdir)


if __name__ == "__main__":
    main()
