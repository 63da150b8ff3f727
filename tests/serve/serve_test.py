"""End-to-end tests of `listscan serve`: usage `serve_test.py LISTSCAN CACHE_DIR TEST_NAME`, run
from the source root (ctest does). Each test starts its own server on a free port and stops it."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from serve_harness import REQUEST_SECONDS, Server, hits_text, parse_prometheus

LISTSCAN, CACHE_DIR = sys.argv[1], sys.argv[2]
SAMPLE = "tests/data/sample/listings.jsonl"
SMALL_PACK = "tests/cli/common/pack.yaml"
SIBUTRAMINE = '{"id":"L1","title":"Slim caps","description":"Fast results with S1BUTR4MINE 15mg"}'
SIBUTRAMINE_HITS = (b'[{"rule":"supp.sibutramine","category":"supplements","severity":"critical",'
                    b'"field":"description","start":18,"end":29,"match":"S1BUTR4MINE",'
                    b'"evasion":"leet"}]')
work = tempfile.mkdtemp()


def small_pack_copy():
    """A pack file the test may rewrite (reloads)."""
    path = os.path.join(work, "pack.yaml")
    shutil.copy(SMALL_PACK, path)
    return path


def start(*args, cache=None):
    server = Server(LISTSCAN, ["--cache-dir", cache or os.path.join(work, "cache"), *args])
    return server


def sample_verdicts_equal_scan():
    # The bundled EU packs on the bundled sample: every verdict and every hit, byte for byte.
    scan = subprocess.run([LISTSCAN, "scan", "--rules", "rules/eu", "--cache-dir", CACHE_DIR,
                           "--rejects", os.path.join(work, "rejects.jsonl"), SAMPLE],
                          capture_output=True, check=False)
    assert scan.returncode == 0, scan.stderr
    flagged = {}
    for line in scan.stdout.splitlines():
        flagged[json.loads(line)["source"]["line"]] = hits_text(line)
    rejected = {json.loads(line)["line"] for line in open(os.path.join(work, "rejects.jsonl"))}
    assert len(flagged) > 20 and len(rejected) == 1

    lines = open(SAMPLE, "rb").read().splitlines()
    server = start("--rules", "rules/eu", cache=CACHE_DIR)
    pack = server.wait_until_ready()
    # The whole sample in one request: refused, naming the malformed line.
    status, _, body = server.scan(b"\n".join(lines) + b"\n")
    assert status == 400, body
    assert json.loads(body)["line"] == min(rejected), body
    # Without it: one verdict per listing, in request order, hits as `scan` writes them.
    kept = [(number, line) for number, line in enumerate(lines, 1) if number not in rejected]
    status, headers, body = server.scan(b"\n".join(line for _, line in kept))
    assert status == 200, body
    assert headers["content-type"] == "application/x-ndjson"
    assert headers["listscan-pack"] == pack
    answers = body.splitlines()
    assert len(answers) == len(kept)
    for index, ((number, line), answer) in enumerate(zip(kept, answers), 1):
        verdict = json.loads(answer)
        listing_id = json.loads(line).get("id")
        # A listing without an id is named by its line in the request, as `scan` names it by file.
        assert verdict["id"] == (listing_id if isinstance(listing_id, str)
                                 else str(listing_id) if listing_id is not None
                                 else f"request:{index}"), (verdict["id"], line)
        assert verdict["flagged"] == (number in flagged), (number, answer)
        assert hits_text(answer) == flagged.get(number, b"[]"), (number, answer)
    # One listing per request (application/json) gives the same answers.
    connection = server.connect()
    for number, line in kept:
        status, _, body = server.scan(line, "application/json", connection=connection)
        assert status == 200 and hits_text(body) == flagged.get(number, b"[]"), (number, body)
    connection.close()  # an idle kept-alive connection would hold the drain until it times out
    assert server.stop() == 0


def every_error_status():
    server = start("--rules", SMALL_PACK, "--max-body-bytes", "2000", "--max-listings", "3")
    server.wait_until_ready()
    connection = server.connect()

    def error(status, body, message, line=None):
        parsed = json.loads(body)
        assert parsed["error"] == message, parsed
        assert parsed.get("line") == line, parsed
        assert status is not None

    cases = [
        # (method, path, body, content type, status, message, line)
        ("POST", "/v1/scan", '{"title": "broken', "application/json", 400,
         "invalid JSON: A string is opened, but never closed.", 1),
        ("POST", "/v1/scan", '{"title":"ok"}\n\n{"title": tea}\n', "application/x-ndjson", 400,
         None, 3),
        ("POST", "/v1/scan", '["a list"]', "application/json", 400,
         "invalid JSON: a listing must be a JSON object", 1),
        ("POST", "/v1/scan", "\n \n", "application/x-ndjson", 400, "the body holds no listing",
         None),
        ("POST", "/v1/scan", '{"a":"b"}\n' * 4, "application/x-ndjson", 413,
         "4 listings, more than --max-listings (3)", None),
        ("POST", "/v1/scan", '{"title":"%s"}' % ("x" * 3000), "application/json", 413,
         "the body is larger than --max-body-bytes (2000 bytes)", None),
        ("POST", "/v1/scan", SIBUTRAMINE, "text/plain", 415,
         "Content-Type must be application/json (one listing) or application/x-ndjson "
         "(JSON Lines), not 'text/plain'", None),
        ("GET", "/v1/scan", None, None, 405, "GET /v1/scan: use POST", None),
        ("POST", "/healthz", "x", "text/plain", 405, "POST /healthz: use GET", None),
        ("GET", "/v2/scan", None, None, 404, "no such endpoint: /v2/scan", None),
    ]
    for method, path, body, content_type, status, message, line in cases:
        headers = {"Content-Type": content_type} if content_type else {}
        got, response_headers, answer = server.request(
            method, path, body.encode() if body else None, headers, connection)
        assert got == status, (path, body, got, answer)
        assert response_headers["content-type"] == "application/json", response_headers
        parsed = json.loads(answer)
        if message is not None:
            assert parsed["error"] == message, parsed
        else:
            assert parsed["error"].startswith("invalid JSON: "), parsed
        assert parsed.get("line") == line, parsed
        if status == 413 and "larger" in message:
            connection.close()  # the library closes a connection whose body it did not read
            connection = server.connect()
    # Nothing was broken by them: the same connection still gets verdicts.
    status, _, body = server.scan(SIBUTRAMINE, "application/json", connection=connection)
    assert status == 200 and hits_text(body) == SIBUTRAMINE_HITS, body
    connection.close()
    assert server.stop() == 0
    refused = [entry for entry in server.log if entry["event"] == "request_refused"]
    assert len(refused) == len(cases), refused


def token_required():
    token_file = os.path.join(work, "token")
    with open(token_file, "w") as out:
        out.write("s3cret-token\n")
    server = start("--rules", SMALL_PACK, "--token-file", token_file)
    good = {"Authorization": "Bearer s3cret-token"}
    server.wait_until_ready(headers=good)
    wrong = ({}, {"Authorization": "Bearer s3cret-tokem"}, {"Authorization": "s3cret-token"})
    for headers in wrong:
        for method, path in (("GET", "/readyz"), ("GET", "/metrics"), ("POST", "/v1/reload")):
            status, response_headers, body = server.request(method, path, b"", headers)
            assert status == 401, (path, headers, status)
            assert response_headers["www-authenticate"] == "Bearer"
        status, _, body = server.scan(SIBUTRAMINE, "application/json", headers)
        assert status == 401, body
    status, _, body = server.scan(SIBUTRAMINE, "application/json", good)
    assert status == 200 and hits_text(body) == SIBUTRAMINE_HITS, body
    # The page is static and carries no data: it loads without the token and asks for it.
    status, _, body = server.request("GET", "/")
    assert status == 200 and b'id="token"' in body
    assert server.stop() == 0


MAGNET_TOY = '{"id":"M1","title":"Magnetic balls toy for kids"}'
NEW_RULE = """
  - id: toys.slime
    title: Slime with boron
    category: toys
    severity: high
    legal_basis: Directive 2009/48/EC Annex II Part III
    keywords: [borax slime]
    examples:
      flag: ["Borax slime kit"]
      pass: ["Glitter slime"]
"""


def reload_under_requests():
    # A stream of requests on 4 connections while the pack is reloaded (HTTP and SIGHUP): no
    # request fails, each answer comes from the old or the new pack, and afterwards all from the
    # new one.
    pack = small_pack_copy()
    server = start("--rules", pack, "--threads", "2")
    old_version = server.wait_until_ready()
    body = SIBUTRAMINE + "\n" + '{"id":"B1","title":"Borax slime kit"}\n'
    stop = threading.Event()
    failures = []
    answers = {}

    def client():
        connection = server.connect()
        while not stop.is_set():
            try:
                status, headers, answer = server.scan(body, connection=connection)
            except Exception as error:  # noqa: BLE001 - any failure is the finding
                failures.append(repr(error))
                return
            if status != 200:
                failures.append((status, answer))
                return
            answers.setdefault(headers["listscan-pack"], set()).add(answer)
        connection.close()

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    with open(pack, "a") as out:
        out.write(NEW_RULE)
    # No body and no Content-Length, as `curl -X POST` sends it.
    connection = server.connect()
    connection.putrequest("POST", "/v1/reload")
    connection.endheaders()
    response = connection.getresponse()
    status, headers, reply = response.status, {"listscan-pack": response.getheader(
        "Listscan-Pack")}, response.read()
    connection.close()
    assert status == 200, reply
    new_version = json.loads(reply)["pack"]
    assert new_version != old_version and headers["listscan-pack"] == new_version
    server.process.send_signal(signal.SIGHUP)
    server.wait_for_log("reloaded", trigger="SIGHUP")
    stop.set()
    for thread in clients:
        thread.join()
    assert not failures, failures
    assert set(answers) <= {old_version, new_version}, answers
    old_answer = (b'{"id":"L1","flagged":true,"hits":' + SIBUTRAMINE_HITS + b'}\n'
                  b'{"id":"B1","flagged":false,"hits":[]}\n')
    assert answers.get(old_version, {old_answer}) == {old_answer}, answers
    status, headers, answer = server.scan(body)
    assert status == 200 and headers["listscan-pack"] == new_version
    assert answer.splitlines()[1] == (
        b'{"id":"B1","flagged":true,"hits":[{"rule":"toys.slime","category":"toys",'
        b'"severity":"high","field":"title","start":0,"end":11,"match":"Borax slime",'
        b'"evasion":null}]}'), answer
    assert answers[new_version] == {answer}, answers
    assert server.stop() == 0


def broken_pack_refused():
    pack = small_pack_copy()
    server = start("--rules", pack)
    version = server.wait_until_ready()
    with open(pack, "a") as out:
        out.write("  - id: toys.broken\n    title: Broken\n    category: toys\n"
                  "    severity: urgent\n    legal_basis: none\n    keywords: [x]\n")
    status, _, body = server.request("POST", "/v1/reload")
    assert status == 422, body
    error = json.loads(body)["error"]
    assert error.startswith(pack + ":") and "toys.broken" in error, error
    failed = server.wait_for_log("reload_failed")
    assert failed["error"] == error and failed["serving"] == version, failed
    # The old pack keeps serving.
    status, headers, body = server.scan(SIBUTRAMINE, "application/json")
    assert status == 200 and headers["listscan-pack"] == version
    assert hits_text(body) == SIBUTRAMINE_HITS
    status, _, body = server.request("GET", "/readyz")
    assert status == 200 and json.loads(body)["pack"] == version
    samples, _ = parse_prometheus(server.request("GET", "/metrics")[2].decode())
    assert samples[("listscan_reload_failures_total", frozenset())] == 1
    assert samples[("listscan_reloads_total", frozenset())] == 1  # the first load
    assert server.stop() == 0


def sigterm_drains():
    # A request in flight when SIGTERM arrives is answered in full; then the server exits 0 and
    # refuses new connections.
    server = start("--rules", SMALL_PACK, "--max-body-bytes", str(64 << 20),
                   "--max-listings", "100000")
    server.wait_until_ready()
    body = "".join('{"id":"%d","title":"item %d with sibutramine in it"}\n' % (i, i)
                   for i in range(100000)).encode()
    connection = server.connect()
    # A first request makes sure the connection was accepted and has its thread.
    assert server.request("GET", "/healthz", connection=connection)[0] == 200
    connection.putrequest("POST", "/v1/scan")
    connection.putheader("Content-Type", "application/x-ndjson")
    connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body[:1000])
    time.sleep(0.5)  # not needed for the outcome: only so the signal lands mid-request
    server.process.send_signal(signal.SIGTERM)
    server.wait_for_log("draining")
    connection.send(body[1000:])
    response = connection.getresponse()
    answer = response.read()
    assert response.status == 200, answer
    lines = answer.splitlines()
    assert len(lines) == 100000 and all(b'"flagged":true' in line for line in lines)
    connection.close()
    assert server.process.wait(timeout=600) == 0
    server.drain_log()
    events = [entry["event"] for entry in server.log]
    assert events[-2:] == ["draining", "stopped"], events
    try:
        server.request("GET", "/healthz")
        raise AssertionError("a stopped server answered")
    except ConnectionRefusedError:
        pass


def metrics_parse():
    server = start("--rules", SMALL_PACK)
    version = server.wait_until_ready()
    server.scan(SIBUTRAMINE + "\n" + MAGNET_TOY + "\n" + '{"id":"P","title":"tea"}\n')
    server.scan(SIBUTRAMINE, "application/json")
    server.scan("{", "application/json")
    status, headers, body = server.request("GET", "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain; version=0.0.4")
    samples, types = parse_prometheus(body.decode())

    def value(name, **labels):
        return samples[(name, frozenset(labels.items()))]

    assert types["listscan_http_requests_total"] == "counter"
    assert types["listscan_http_request_duration_seconds"] == "histogram"
    assert value("listscan_http_requests_total", endpoint="/v1/scan", status="200") == 2
    assert value("listscan_http_requests_total", endpoint="/v1/scan", status="400") == 1
    assert value("listscan_http_request_duration_seconds_count", endpoint="/v1/scan") == 3
    assert value("listscan_listings_scanned_total") == 4
    assert value("listscan_listings_flagged_total") == 3
    assert value("listscan_listings_flagged_by_category_total", category="supplements") == 2
    assert value("listscan_listings_flagged_by_category_total", category="toys") == 1
    assert value("listscan_listings_flagged_by_rule_total", rule="supp.sibutramine",
                 category="supplements") == 2
    assert value("listscan_listings_flagged_by_rule_total", rule="toys.magnets",
                 category="toys") == 1
    assert value("listscan_pack_info", version=version) == 1
    assert value("listscan_pack_rules") == 3
    assert value("listscan_reloads_total") == 1 and value("listscan_reload_failures_total") == 0
    assert value("listscan_pack_load_duration_seconds") > 0
    # A request is counted before its answer is sent: read right after it from another
    # connection (another thread of the server), /metrics has it.
    connection = server.connect()
    for done in range(1, 101):
        status, _, _ = server.request("GET", "/healthz", connection=connection)
        assert status == 200
        status, _, body = server.request("GET", "/metrics")
        samples, _ = parse_prometheus(body.decode())
        assert samples[("listscan_http_requests_total",
                        frozenset({"endpoint": "/healthz", "status": "200"}.items()))] == done
    connection.close()
    assert server.stop() == 0


def page_in_chromium():
    # The page in headless Chromium: no console message (errors, warnings), the verdict, the
    # matched words highlighted (byte offsets mapped onto text with multi-byte letters before the
    # match), each rule's title, severity and legal basis. It loads nothing from the network.
    server = start("--rules", SMALL_PACK)
    server.wait_until_ready()
    status, headers, page = server.request("GET", "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert b"http://" not in page and b"https://" not in page and b" src=" not in page
    from urllib.parse import quote
    presets = {
        "title": ("title=" + quote("Slim caps") + "&description=" +
                  quote("Fast results with S1BUTR4MINE 15mg"), ["S1BUTR4MINE"]),
        "json": ("json=" + quote('{"id":"J","title":"Größe XL – Kapseln mit Sibutramine und '
                                 'mehr Sibutramin"}'), ["Sibutramine", "Sibutramin"]),
    }
    for name, (fragment, marks) in presets.items():
        profile = os.path.join(work, "chromium-" + name)
        browser = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=20000", "--dump-dom",
             f"http://127.0.0.1:{server.port}/#{fragment}"],
            capture_output=True, text=True, timeout=600, check=False)
        console = [line for line in browser.stderr.splitlines() if ":CONSOLE" in line]
        assert not console, console
        dom = browser.stdout
        assert '<p id="verdict" class="flagged">Flagged</p>' in dom, (browser.returncode, dom)
        assert re.findall(r"<mark>([^<]*)</mark>", dom) == marks, dom
        row = re.search(r"<tbody>(.*)</tbody>", dom, re.S).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        title = "Sibutramine in a supplement<small> supp.sibutramine (supplements)</small>"
        assert cells == [title, "critical", ", ".join(marks),
                         "Regulation (EC) No 178/2002 Art. 14"], cells
    assert server.stop() == 0


def kept_alive_connections():
    # Requests sent back to back in one write are answered in order; a connection idle for less
    # than --keep-alive-timeout serves the next request, one idle longer is closed by the server;
    # SIGTERM closes idle kept-alive connections at once instead of waiting out their timeout.
    server = start("--rules", SMALL_PACK, "--keep-alive-timeout", "2")
    server.wait_until_ready()
    listing = SIBUTRAMINE.encode()
    post = (b"POST /v1/scan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(listing), listing))
    healthz = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"

    def read_responses(sock, count):
        """`count` responses read off `sock`: (status line, body) each."""
        data, responses = b"", []
        while len(responses) < count:
            chunk = sock.recv(65536)
            assert chunk, (count, responses, data)
            data += chunk
            while b"\r\n\r\n" in data:
                head, rest = data.split(b"\r\n\r\n", 1)
                length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))
                if len(rest) < length:
                    break
                responses.append((head.split(b"\r\n", 1)[0], rest[:length]))
                data = rest[length:]
        assert data == b"", data
        return responses

    sock = socket.create_connection(("127.0.0.1", server.port), timeout=REQUEST_SECONDS)
    sock.sendall(post + healthz + post)
    answers = read_responses(sock, 3)
    assert [status for status, _ in answers] == [b"HTTP/1.1 200 OK"] * 3, answers
    assert hits_text(answers[0][1]) == SIBUTRAMINE_HITS and answers[2][1] == answers[0][1]
    assert json.loads(answers[1][1])["status"] == "alive"
    for pause in (0.012, 0.3, 1.0):
        time.sleep(pause)
        sock.sendall(post)
        assert hits_text(read_responses(sock, 1)[0][1]) == SIBUTRAMINE_HITS, pause
    time.sleep(3)  # past the keep-alive timeout: the server has closed its end
    sock.settimeout(REQUEST_SECONDS)
    assert sock.recv(1) == b""
    sock.close()

    idle = socket.create_connection(("127.0.0.1", server.port), timeout=REQUEST_SECONDS)
    idle.sendall(healthz)
    read_responses(idle, 1)
    started = time.monotonic()
    assert server.stop() == 0
    assert time.monotonic() - started < 1.5, "the drain waited for an idle connection"
    assert idle.recv(1) == b""
    idle.close()


TESTS = {f.__name__: f for f in (sample_verdicts_equal_scan, every_error_status, token_required,
                                  reload_under_requests, broken_pack_refused, sigterm_drains,
                                  kept_alive_connections, metrics_parse, page_in_chromium)}

if __name__ == "__main__":
    try:
        TESTS[sys.argv[3]]()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("ok")
