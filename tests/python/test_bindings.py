"""The listscan Python module: compile, scanners, file scans, pickling, errors."""

import json
import pickle
import shutil
import threading

import pytest

import listscan
from conftest import COMMON

SIBUTRAMINE_HIT = {"rule": "supp.sibutramine", "category": "supplements", "severity": "critical",
                   "field": "description", "start": 20, "end": 31, "match": "S1BUTR4MINE",
                   "evasion": "leet"}


def test_compile_error_carries_the_clis_file_line_rule_and_reason(tmp_path):
    bad = tmp_path / "bad.yaml"
    shutil.copy(COMMON.parent / "cases" / "bad_regex_is_mapped_to_its_rule" / "bad.yaml", bad)
    with pytest.raises(listscan.RuleError) as error:
        listscan.compile([str(bad)], cache_dir=False)
    assert str(error.value) == (f"{bad}:6: hl.bad: regex /\\bwa\\.me/[0-9+/: Hyperscan: "
                                "Unterminated character class starting at index 9.")
    assert isinstance(error.value, ValueError)


def test_missing_pack_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        listscan.compile([str(tmp_path / "none.yaml")], cache_dir=False)


def test_stats_and_rule_ids_describe_the_pack(pack):
    assert pack.rule_ids == ["supp.sibutramine", "toys.magnets", "hl.telegram"]
    stats = pack.stats
    # 11 keywords and the letters of "magnetic balls" run together, for when they are spelt out
    assert (stats["rules"], stats["keyword_patterns"], stats["regex_patterns"]) == (3, 12, 1)
    assert stats["database_bytes"] > 0 and stats["scratch_bytes"] > 0


def test_scan_takes_a_dict_and_returns_the_clis_hits(pack):
    scanner = pack.scanner()
    listing = {"id": "A1", "title": "Slim caps",
               "description": "Strong formula with S1BUTR4MINE 15mg"}
    assert scanner.scan(listing) == [SIBUTRAMINE_HIT]
    assert scanner.scan({"id": "A2", "title": "Green tea"}) == []


def test_scan_takes_json_bytes_and_str(pack):
    scanner = pack.scanner()
    text = '{"id": "A1", "description": "Strong formula with S1BUTR4MINE 15mg"}'
    assert scanner.scan(text.encode()) == [SIBUTRAMINE_HIT]
    assert scanner.scan(text) == [SIBUTRAMINE_HIT]


def test_scan_rejects_invalid_json_and_other_types(pack):
    scanner = pack.scanner()
    with pytest.raises(ValueError, match="invalid JSON"):
        scanner.scan(b'{"id": broken')
    with pytest.raises(TypeError):
        scanner.scan(42)


def test_scan_many_gives_each_listings_hits_in_order(pack):
    listings = [json.loads(line) for line in (COMMON / "listings.jsonl").read_text().splitlines()
                if line.strip()]
    hits = pack.scanner().scan_many(listings)
    assert [[hit["rule"] for hit in h] for h in hits] == [
        ["supp.sibutramine"], [], ["toys.magnets"] * 3, ["hl.telegram"], []]
    assert hits[0] == [SIBUTRAMINE_HIT]


def test_fields_limit_what_is_scanned(pack):
    scanner = pack.scanner(fields=["title"])
    assert scanner.scan({"title": "x", "description": "with S1BUTR4MINE"}) == []


def test_scan_file_yields_the_clis_output_and_summary(pack, pack_path, cli, tmp_path):
    path = str(COMMON / "listings.jsonl")
    expected = cli("scan", "--rules", pack_path, "--summary", tmp_path / "summary.json", path)
    scan = listscan.scan_file(pack, path, threads=2)
    listings = list(scan)
    assert len(listings) == 3
    assert listings == [json.loads(line) for line in expected.stdout.splitlines()]
    cli_summary = json.loads((tmp_path / "summary.json").read_text())
    for key in ("records_read", "records_scanned", "records_rejected", "records_flagged",
                "bytes_read", "hits_per_rule", "listings_per_rule"):
        assert scan.summary[key] == cli_summary[key], key


def test_scan_file_raises_for_an_unwritable_rejects_file(pack, tmp_path):
    with pytest.raises(OSError):
        list(listscan.scan_file(pack, str(COMMON / "listings.jsonl"),
                                rejects=str(tmp_path / "no" / "such" / "rejects.jsonl")))


def test_loaded_bytes_scan_the_same_without_the_rule_files(pack_path, tmp_path):
    copy = tmp_path / "pack.yaml"
    shutil.copy(pack_path, copy)
    data = listscan.compile([str(copy)], cache_dir=False).to_bytes()
    copy.unlink()
    loaded = listscan.load(data)
    assert loaded.rule_ids == ["supp.sibutramine", "toys.magnets", "hl.telegram"]
    assert loaded.scanner().scan({"d": "Strong formula with S1BUTR4MINE 15mg"})[0]["match"] == \
        "S1BUTR4MINE"


def test_damaged_bytes_are_a_value_error(pack):
    data = pack.to_bytes()
    with pytest.raises(ValueError):
        listscan.load(data[: len(data) // 2])
    with pytest.raises(ValueError):
        listscan.load(b"not a pack")


def test_a_pack_pickles_as_its_compiled_bytes(pack):
    pickled = pickle.dumps(pack)
    assert len(pickled) > pack.stats["database_bytes"]
    copy = pickle.loads(pickled)
    assert copy.scanner().scan({"d": "Strong formula with S1BUTR4MINE 15mg"}) == \
        pack.scanner().scan({"d": "Strong formula with S1BUTR4MINE 15mg"})


def test_scanners_in_threads_give_the_same_hits(pack):
    listings = [{"id": str(i), "t": f"item {i} with S1BUTR4MINE"} for i in range(2000)]
    results = [None, None]

    def work(slot):
        results[slot] = pack.scanner().scan_many(listings)
    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0] == results[1]
    assert len(results[0]) == 2000 and all(len(hits) == 1 for hits in results[0])
