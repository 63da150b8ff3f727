"""listscan.dask on a LocalCluster of two worker processes: the merged output and summary equal
the CLI's on the same files, also when a worker is killed mid-scan; bags and DataFrames."""

import gzip
import json
import os
import signal
import threading
import time

import pytest

distributed = pytest.importorskip("distributed")
import dask.bag  # noqa: E402
import dask.dataframe  # noqa: E402
import pandas  # noqa: E402

import listscan  # noqa: E402
import listscan.dask  # noqa: E402

WORDS = ["Slim caps with sibutramine", "Green tea", "Magnetic balls toy for kids", "Kettle 2l",
         "Fridge magnets for kids", "order at t.me/shop_real", "Sibutramine-free tea"]
COUNT_KEYS = ["complete", "records_read", "records_scanned", "records_rejected",
              "records_flagged", "bytes_read", "input_errors", "hits_per_category",
              "hits_per_rule", "listings_per_rule"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40,
                                  local_directory=str(tmp_path_factory.mktemp("dask"))) \
            as cluster, \
            distributed.Client(cluster) as client:
        yield client


def write_inputs(folder, records):
    """A large JSON Lines file, a CSV file with quoted newlines and a gzip file."""
    folder.mkdir()
    with open(folder / "big.jsonl", "w") as file:
        for i in range(records):
            if i % 997 == 5:
                file.write('{"id": "broken\n')
                continue
            file.write(json.dumps({"id": f"J{i}", "title": WORDS[i % len(WORDS)],
                                   "n": i}) + "\n")
    with open(folder / "table.csv", "w") as file:
        file.write("id,title,notes\n")
        for i in range(records // 10):
            file.write(f'C{i},"{WORDS[(3 * i) % len(WORDS)]}","line one\nline ""two"" {i}"\n')
    with gzip.open(folder / "small.jsonl.gz", "wt") as file:
        for i in range(50):
            file.write(json.dumps({"id": f"G{i}", "title": WORDS[(i + 2) % len(WORDS)]}) + "\n")
    return [str(folder / "big.jsonl"), str(folder / "table.csv"), str(folder / "small.jsonl.gz")]


def cli_scan(cli, pack_path, inputs, folder, status=0):
    summary = folder / "cli-summary.json"
    run = cli("scan", "--rules", pack_path, "--summary", summary, *inputs)
    assert run.returncode == status, run.stderr
    return run.stdout, json.loads(summary.read_text())


def joined(outputs):
    data = b""
    for name in outputs:
        with open(name, "rb") as file:
            data += file.read()
    return data


def test_scan_equals_the_cli_on_the_same_files(client, cli, pack_path, pack, tmp_path):
    inputs = write_inputs(tmp_path / "in", 3000)
    expected, expected_summary = cli_scan(cli, pack_path, inputs, tmp_path)
    result = listscan.dask.scan(inputs, pack, client=client, output_dir=tmp_path / "out",
                                part_bytes=20000)
    assert result.failed == {}
    assert len(result.outputs) > 6  # the JSON Lines and CSV files were cut into ranges
    assert any(".jsonl." in name and name.endswith(".jsonl") for name in result.outputs)
    assert joined(result.outputs) == expected
    assert sorted(os.listdir(tmp_path / "out")) == sorted(
        [os.path.basename(name) for name in result.outputs] + ["summary.json"])
    for key in COUNT_KEYS:
        assert result.summary[key] == expected_summary[key], key
    on_disk = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert on_disk["records_flagged"] == expected_summary["records_flagged"]
    assert on_disk["records_read"] == on_disk["records_scanned"] + on_disk["records_rejected"]


def test_glob_and_a_bad_input_are_reported_and_the_rest_scanned(client, cli, pack_path, pack,
                                                                 tmp_path):
    inputs = write_inputs(tmp_path / "in", 300)
    with open(tmp_path / "in" / "damaged.jsonl.gz", "wb") as file:
        file.write(gzip.compress(b'{"id": "D1", "title": "Green tea"}\n' * 50)[:60])
    expected, expected_summary = cli_scan(cli, pack_path, sorted(
        str(p) for p in (tmp_path / "in").glob("*")), tmp_path, status=2)
    result = listscan.dask.scan(str(tmp_path / "in" / "*"), [pack_path], client=client,
                                output_dir=tmp_path / "out")
    assert joined(result.outputs) == expected
    assert len(result.summary["input_errors"]) == 1
    assert "damaged.jsonl.gz" in result.summary["input_errors"][0]
    for key in COUNT_KEYS:
        assert result.summary[key] == expected_summary[key], key


def test_scan_bag_gives_the_flagged_listings(client, pack):
    listings = [{"id": f"B{i}", "title": WORDS[i % len(WORDS)]} for i in range(70)]
    bag = dask.bag.from_sequence(listings, npartitions=4)
    flagged = listscan.dask.scan_bag(bag, pack).compute()
    assert [item["listing"]["id"] for item in flagged] == \
        [f"B{i}" for i in range(70) if i % 7 in (0, 2, 5)]
    assert {hit["rule"] for item in flagged for hit in item["hits"]} == \
        {"supp.sibutramine", "toys.magnets", "hl.telegram"}


def test_add_hits_gives_a_dataframe_a_hits_column(client, pack):
    frame = pandas.DataFrame({"id": ["F1", "F2", "F3"],
                              "title": ["Green tea", "Slim caps with sibutramine", "Kettle"],
                              "price": [1.5, 2.0, 3.0]})
    result = listscan.dask.add_hits(dask.dataframe.from_pandas(frame, npartitions=2),
                                    pack).compute()
    assert list(result["id"]) == ["F1", "F2", "F3"]
    assert [[hit["match"] for hit in hits] for hits in result["hits"]] == \
        [[], ["sibutramine"], []]
    assert list(result["price"]) == [1.5, 2.0, 3.0]


# Last: the cluster is one worker short until its nanny has restarted the killed one.
def test_a_worker_killed_mid_scan_still_gives_the_exact_result(client, cli, pack_path, pack,
                                                               tmp_path):
    inputs = write_inputs(tmp_path / "in", 30000)
    expected, expected_summary = cli_scan(cli, pack_path, inputs, tmp_path)
    pids = client.run(os.getpid)
    out = tmp_path / "out"
    finished = {}

    def run():
        finished["result"] = listscan.dask.scan(inputs, pack, client=client, output_dir=out,
                                                part_bytes=50000)
    scan = threading.Thread(target=run)
    scan.start()
    deadline = time.monotonic() + 60
    while not (out.exists() and any(name.endswith(".jsonl") for name in os.listdir(out))):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    killed_mid_scan = scan.is_alive()
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    scan.join()
    assert killed_mid_scan
    result = finished["result"]
    assert result.failed == {}
    assert joined(result.outputs) == expected
    for key in COUNT_KEYS:
        assert result.summary[key] == expected_summary[key], key
