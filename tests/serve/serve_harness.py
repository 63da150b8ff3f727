"""Starts `listscan serve` on a free port and talks to it with http.client (used by the tests)."""
import http.client
import json
import queue
import subprocess
import threading
import time

# Generous: the CI machine has two shared cores, and a cold pack compile can take minutes.
READY_SECONDS = 900
REQUEST_SECONDS = 120


class Server:
    def __init__(self, listscan, args, env=None):
        self.process = subprocess.Popen(
            [listscan, "serve", "--listen", "127.0.0.1:0", *args],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        self.log = []
        self._lines = queue.Queue()
        threading.Thread(target=self._read_log, daemon=True).start()
        self.port = self._wait_for_port()

    def _read_log(self):
        for line in self.process.stderr:
            self._lines.put(line)
        self._lines.put(None)

    def _next_line(self, deadline):
        line = self._lines.get(timeout=max(deadline - time.monotonic(), 0.1))
        if line is None:
            raise AssertionError(f"server exited: {self.log}")
        self.log.append(json.loads(line))
        return self.log[-1]

    def _wait_for_port(self):
        deadline = time.monotonic() + READY_SECONDS
        while True:
            entry = self._next_line(deadline)
            if entry["event"] == "listening":
                return entry["port"]

    def drain_log(self):
        """Moves the log lines written so far into self.log."""
        while True:
            try:
                line = self._lines.get_nowait()
            except queue.Empty:
                return self.log
            if line is None:
                return self.log
            self.log.append(json.loads(line))

    def wait_for_log(self, event, seconds=READY_SECONDS, **fields):
        """The first log entry of `event` with `fields`, waiting for it if not written yet."""
        def matches(entry):
            return entry["event"] == event and all(entry.get(k) == v for k, v in fields.items())
        deadline = time.monotonic() + seconds
        for entry in self.drain_log():
            if matches(entry):
                return entry
        while True:
            entry = self._next_line(deadline)
            if matches(entry):
                return entry

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_SECONDS)

    def request(self, method, path, body=None, headers=None, connection=None):
        """Returns (status, headers dict with lower-case names, body bytes)."""
        own = connection is None
        connection = connection or self.connect()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        finally:
            if own:
                connection.close()

    def wait_until_ready(self, headers=None):
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited with {self.process.returncode}: {self.log}")
            status, _, body = self.request("GET", "/readyz", headers=headers)
            if status == 200:
                return json.loads(body)["pack"]
            time.sleep(0.2)
        raise AssertionError("server never became ready")

    def scan(self, body, content_type="application/x-ndjson", headers=None, connection=None):
        all_headers = {"Content-Type": content_type, **(headers or {})}
        return self.request("POST", "/v1/scan", body.encode() if isinstance(body, str) else body,
                            all_headers, connection)

    def stop(self, signal_name="SIGTERM"):
        import signal
        if self.process.poll() is None:
            self.process.send_signal(getattr(signal, signal_name))
        code = self.process.wait(timeout=READY_SECONDS)
        self.drain_log()
        return code


def hits_text(line):
    """The raw bytes of a JSON line's "hits" array (scan output or serve response)."""
    start = line.index(b',"hits":') + len(b',"hits":')
    depth = 0
    in_string = False
    escaped = False
    for i in range(start, len(line)):
        c = line[i:i + 1]
        if in_string:
            if escaped:
                escaped = False
            elif c == b"\\":
                escaped = True
            elif c == b'"':
                in_string = False
        elif c == b'"':
            in_string = True
        elif c == b"[":
            depth += 1
        elif c == b"]":
            depth -= 1
            if depth == 0:
                return line[start:i + 1]
    raise ValueError(f"no hits array in {line!r}")


def parse_prometheus(text):
    """A small parser of the text exposition format (what promtool checks): every line is a
    comment (# HELP / # TYPE name type) or `name{label="value",...} number`; each sample's family
    has a TYPE line before it, histograms have cumulative buckets ending at +Inf equal to _count.
    Returns {(name, frozenset(labels.items())): value} and {family: type}."""
    import re
    samples = {}
    types = {}
    sample = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$')
    label = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)')
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("counter", "gauge", "histogram", "summary", "untyped"), line
            assert name not in types, f"second TYPE for {name}"
            types[name] = kind
            continue
        match = sample.match(line)
        assert match, f"not a sample line: {line!r}"
        name, _, label_text, value = match.groups()
        labels = {}
        position = 0
        while label_text and position < len(label_text):
            found = label.match(label_text, position)
            assert found, f"bad labels in {line!r}"
            labels[found.group(1)] = found.group(2)
            position = found.end()
        family = re.sub(r'_(bucket|sum|count)$', '', name) if name not in types else name
        assert family in types, f"sample before its TYPE: {line!r}"
        key = (name, frozenset(labels.items()))
        assert key not in samples, f"duplicate sample {line!r}"
        samples[key] = float(value)
    for family, kind in types.items():
        if kind != "histogram":
            continue
        series = {}
        for (name, labels), value in samples.items():
            if name == family + "_bucket":
                rest = frozenset((k, v) for k, v in labels if k != "le")
                series.setdefault(rest, []).append((float(dict(labels)["le"]), value))
        for rest, buckets in series.items():
            buckets.sort()
            counts = [count for _, count in buckets]
            assert counts == sorted(counts), f"{family} buckets not cumulative"
            assert buckets[-1][0] == float("inf"), f"{family} has no +Inf bucket"
            assert samples[(family + "_count", rest)] == buckets[-1][1], f"{family} count"
    return samples, types
