#!/usr/bin/env python3
"""Schema and sanity checks for rule packs, with a rough simulation of the matcher.

Usage:
  tools/rulegen/check_rules.py [RULES_DIR_OR_FILE...]          (default: rules/eu)
  tools/rulegen/check_rules.py rules/eu --corpus FILE.jsonl[.zst] [--limit N] [--only PREFIX]

Checks: every file parses as YAML; required keys (id, title, category, severity, legal_basis,
languages, match/keywords/regex, examples); ids unique across all files and well formed;
categories and severities valid; keywords of at least 2 characters; at least 2 `flag` and
2 `pass` examples per rule; no two rules with identical matches.

Simulation: examples are run through an approximation of the engine's folding (case folding,
compatibility forms, diacritics, a few look-alike letters, zero-width characters, leetspeak,
spaced-out letters) and its rule logic (any/all/none/near, exceptions clearing the hits they
contain, fields). It is a sanity check only: the real engine is the reference.

With --corpus, clean listings (JSONL, one object per line; every string value is a field) are
scanned and rules that flag any are reported with counts and a few samples.
"""
import argparse
import collections
import fnmatch
import io
import json
import pathlib
import re
import subprocess
import sys
import unicodedata

import yaml

CATEGORIES = {"medicines", "supplements", "cosmetics", "toys", "electronics", "hidden_links"}
SEVERITIES = {"low", "medium", "high", "critical"}
RULE_KEYS = {"id", "title", "category", "severity", "legal_basis", "languages", "fields", "match",
             "keywords", "regex", "exceptions", "where", "evasions", "examples", "description",
             "references", "notes"}
REQUIRED = ["id", "title", "category", "severity", "legal_basis", "languages", "examples"]
ID_RE = re.compile(r"^[a-z0-9_.-]+$")

# ------------------------------------------------------------------------------ folding

CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ϲ": "c",
}
IGNORABLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"}
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s",
        "!": "i", "|": "i"}
SEPARATORS = set(" .-_*·/,")
WS = set(" \t\r\n\u00a0")


def is_word(c):
    return c.isascii() and c.isalnum() or not c.isascii()


class Folded:
    """normalized (list of chars, origin index) and skeleton (chars, normalized index, leet bit)."""

    def __init__(self, text, join_spacing=True):
        norm, norm_src = [], []
        for i, ch in enumerate(text):
            if ch in IGNORABLE:
                continue
            s = unicodedata.normalize("NFKC", ch).casefold()
            s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
            for c in s:
                c = CONFUSABLES.get(c, c)
                norm.append(c)
                norm_src.append(i)
        self.text = text
        self.normalized = "".join(norm)
        self.norm_src = norm_src
        sk, sk_src, sk_leet = [], [], []
        for j, c in enumerate(norm):
            leet = False
            if c in LEET:
                c, leet = LEET[c], True
            elif c == "l":
                c = "i"
            sk.append(c)
            sk_src.append(j)
            sk_leet.append(leet)
        if join_spacing:
            sk, sk_src, sk_leet = self._join_spaced(sk, sk_src, sk_leet)
        # collapse whitespace runs
        out, src, lt = [], [], []
        for c, s_, l_ in zip(sk, sk_src, sk_leet):
            if c in WS:
                if out and out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            src.append(s_)
            lt.append(l_)
        self.skeleton = "".join(out)
        self.sk_src = src
        self.sk_leet = lt

    @staticmethod
    def _join_spaced(sk, src, leet):
        n = len(sk)
        drop = [False] * n
        i = 0
        while i < n:
            # a single word char bounded by non-word chars, followed by (sep, single char) x >= 2
            if is_word(sk[i]) and (i == 0 or not is_word(sk[i - 1])) and (i + 1 >= n or not is_word(sk[i + 1])):
                j = i
                seps = []
                while j + 2 < n and sk[j + 1] in SEPARATORS and is_word(sk[j + 2]) and \
                        (j + 3 >= n or not is_word(sk[j + 3])):
                    seps.append(j + 1)
                    j += 2
                if len(seps) >= 2:
                    for p in seps:
                        drop[p] = True
                    i = j + 1
                    continue
            i += 1
        keep = [k for k in range(n) if not drop[k]]
        return [sk[k] for k in keep], [src[k] for k in keep], [leet[k] for k in keep]

    def boundary(self, pos):
        s = self.skeleton
        if pos == 0 or pos >= len(s):
            return True
        if not is_word(s[pos - 1]) or not is_word(s[pos]):
            return True
        return self.sk_leet[pos - 1] != self.sk_leet[pos]

    def orig_span_sk(self, a, b):
        return self.norm_src[self.sk_src[a]], self.norm_src[self.sk_src[b - 1]] + 1

    def orig_span_norm(self, a, b):
        return self.norm_src[a], self.norm_src[b - 1] + 1

    def norm_of_sk(self, a, b):
        t = self.normalized[self.sk_src[a]:self.sk_src[b - 1] + 1]
        return re.sub(r"\s+", " ", t)


def keyword_forms(keyword):
    f = Folded(keyword, join_spacing=False)
    return f.skeleton.strip(), re.sub(r"\s+", " ", f.normalized).strip()


# ------------------------------------------------------------------------------ compiled rules

class Pattern:
    __slots__ = ("kind", "skel", "norm", "short", "regex", "refs")

    def __init__(self, kind, skel=None, norm=None, regex=None):
        self.kind = kind
        self.skel, self.norm, self.regex = skel, norm, regex
        self.short = norm is not None and sum(1 for c in norm if c.isalpha()) < 4
        self.refs = []  # (rule index, clause, term index)


class Pack:
    def __init__(self, rules):
        self.rules = rules
        self.patterns = {}
        self.by_first = collections.defaultdict(list)  # first 3 skeleton chars -> keyword patterns
        self.anchorless = []
        self.regexes = []
        for r, rule in enumerate(rules):
            m = rule_match(rule)
            for clause in ("any", "all", "none", "exceptions"):
                terms = rule.get("exceptions", []) if clause == "exceptions" else m.get(clause, [])
                for t, term in enumerate(terms or []):
                    self.add(term, (r, clause, t))
            for n, near in enumerate(m.get("near", []) or []):
                self.add(near["a"], (r, "near_a", n))
                self.add(near["b"], (r, "near_b", n))

    def add(self, term, ref):
        if isinstance(term, dict):
            if "regex" in term:
                key = "r:" + term["regex"]
                if key not in self.patterns:
                    p = Pattern("r", regex=re.compile(term["regex"], re.I))
                    self.patterns[key] = p
                    self.regexes.append(p)
                self.patterns[key].refs.append(ref)
                return
            term = term.get("keywords", [])
        if isinstance(term, str):
            term = [term]
        for kw in term:
            skel, norm = keyword_forms(str(kw))
            key = "k:" + skel
            if key not in self.patterns:
                p = Pattern("k", skel=skel, norm=norm)
                self.patterns[key] = p
                if skel and is_word(skel[0]):
                    self.by_first[skel[:3]].append(p)
                else:
                    self.anchorless.append(p)
            if ref not in self.patterns[key].refs:
                self.patterns[key].refs.append(ref)

    def keyword_hits(self, f):
        """(pattern, start, end) on the skeleton, word boundaries checked."""
        s = f.skeleton
        out = []
        n = len(s)
        starts = [i for i in range(n) if is_word(s[i]) and f.boundary(i)]
        for i in starts:
            cands = list(self.by_first.get(s[i:i + 3], ()))
            for short in (s[i:i + 2], s[i:i + 1]):
                if len(short) < 3:
                    cands += [q for q in self.by_first.get(short, ()) if len(q.skel) == len(short)]
            for p in cands:
                end = i + len(p.skel)
                if s.startswith(p.skel, i) and (not is_word(p.skel[-1]) or f.boundary(end)):
                    out.append((p, i, end))
        for p in self.anchorless:
            for m in re.finditer(re.escape(p.skel), s):
                out.append((p, m.start(), m.end()))
        hits = []
        for p, a, b in out:
            if p.short and f.norm_of_sk(a, b) != p.norm:
                continue  # leet/spacing not allowed for short keywords
            hits.append((p, *f.orig_span_sk(a, b)))
        return hits

    def regex_hits(self, f):
        hits = []
        for p in self.regexes:
            for m in p.regex.finditer(f.normalized):
                if m.end() > m.start():
                    hits.append((p, *f.orig_span_norm(m.start(), m.end())))
        return hits

    def scan(self, listing):
        """listing: list of (field, text). Returns {rule index: [hit texts]}."""
        uses = collections.defaultdict(list)  # rule -> [(clause, term, field, start, end)]
        for fi, (name, text) in enumerate(listing):
            if not text:
                continue
            f = Folded(text)
            for p, a, b in self.keyword_hits(f) + self.regex_hits(f):
                for r, clause, t in p.refs:
                    uses[r].append((clause, t, fi, a, b))
        result = {}
        for r, us in uses.items():
            got = evaluate(self.rules[r], us, listing)
            if got:
                result[r] = got
        return result


def rule_match(rule):
    m = dict(rule.get("match") or {})
    anys = list(m.get("any", []) or [])
    anys += list(m.get("keywords", []) or []) + [{"regex": x} for x in m.get("regex", []) or []]
    anys += list(rule.get("keywords", []) or []) + [{"regex": x} for x in rule.get("regex", []) or []]
    m["any"] = anys
    return m


def words_between(text, a, b):
    return len(re.findall(r"\w+", text[a:b]))


def evaluate(rule, uses, listing):
    fields = rule.get("fields")

    def allowed(fi):
        return not fields or any(fnmatch.fnmatchcase(listing[fi][0], g) for g in fields)

    uses = [u for u in uses if allowed(u[2])]
    exc = [u for u in uses if u[0] == "exceptions"]
    pos = [u for u in uses if u[0] != "exceptions"]
    if any(u[0] == "none" for u in pos):
        return None
    pos = [u for u in pos if not any(e[2] == u[2] and e[3] <= u[3] and u[4] <= e[4] for e in exc)]
    m = rule_match(rule)
    if m["any"] and not any(u[0] == "any" for u in pos):
        return None
    for t in range(len(m.get("all", []) or [])):
        if not any(u[0] == "all" and u[1] == t for u in pos):
            return None
    for n, near in enumerate(m.get("near", []) or []):
        ok = False
        for a in pos:
            if a[0] != "near_a" or a[1] != n:
                continue
            for b in pos:
                if b[0] != "near_b" or b[1] != n or a[2] != b[2]:
                    continue
                text = listing[a[2]][1]
                gap = words_between(text, a[4], b[3]) if a[4] <= b[3] else \
                    words_between(text, b[4], a[3]) if b[4] <= a[3] else 0
                if gap <= near["within"]:
                    ok = True
        if not ok:
            return None
    for key, accepted in (rule.get("where") or {}).items():
        value = dict(listing).get(key)
        if value is None:
            return None
        if isinstance(accepted, dict):
            try:
                v = float(value)
            except ValueError:
                return None
            if "min" in accepted and v < accepted["min"] or "max" in accepted and v > accepted["max"]:
                return None
        elif value.lower() not in [str(x).lower() for x in accepted]:
            return None
    return [listing[u[2]][1][u[3]:u[4]] for u in pos if u[0] in ("any", "all", "near_a", "near_b")]


def example_listing(example):
    if isinstance(example, dict):
        return [(str(k), str(v)) for k, v in example.items()]
    return [("title", str(example))]


# ------------------------------------------------------------------------------ schema checks

def term_keywords(term):
    if isinstance(term, str):
        return [term]
    if isinstance(term, list):
        return [str(x) for x in term]
    if isinstance(term, dict) and "keywords" in term:
        return [str(x) for x in term["keywords"]]
    return []


def signature(rule):
    m = rule_match(rule)

    def terms(ts):
        parts = []
        for t in ts or []:
            if isinstance(t, dict) and "regex" in t:
                parts.append("/" + t["regex"] + "/")
            else:
                parts.append("|".join(sorted(keyword_forms(k)[0] for k in term_keywords(t))))
        return ";".join(sorted(parts))

    near = ";".join(terms([n["a"]]) + "~" + str(n["within"]) + "~" + terms([n["b"]]) for n in m.get("near", []) or [])
    return "\n".join([terms(m["any"]), terms(m.get("all")), terms(m.get("none")), near,
                      terms(rule.get("exceptions")), json.dumps(rule.get("where"), sort_keys=True),
                      json.dumps(rule.get("fields"))])


def check_schema(path, rule, problems):
    rid = rule.get("id", "?")

    def bad(msg):
        problems.append(f"{path}: {rid}: {msg}")

    for key in REQUIRED:
        if key not in rule:
            bad(f"missing `{key}`")
    for key in rule:
        if key not in RULE_KEYS:
            bad(f"unknown key `{key}`")
    if not ID_RE.match(str(rid)):
        bad("id must match [a-z0-9_.-]+")
    if rule.get("category") not in CATEGORIES:
        bad(f"bad category {rule.get('category')!r}")
    if rule.get("severity") not in SEVERITIES:
        bad(f"bad severity {rule.get('severity')!r}")
    if not str(rule.get("legal_basis", "")).strip():
        bad("empty legal_basis")
    if not isinstance(rule.get("languages"), list) or not rule.get("languages"):
        bad("languages must be a non-empty list")
    m = rule_match(rule)
    for key in (rule.get("match") or {}):
        if key not in ("any", "all", "none", "near", "keywords", "regex"):
            bad(f"unknown match key `{key}`")
    if not (m["any"] or m.get("all") or m.get("near")):
        bad("needs one of any/all/near")
    for clause in ("any", "all", "none"):
        for t in m.get(clause) or []:
            for k in term_keywords(t):
                if len(k.strip()) < 2:
                    bad(f"keyword {k!r} shorter than 2 characters")
                if clause == "any" and sum(c.isalpha() for c in keyword_forms(k)[1]) < 3 and \
                        len(keyword_forms(k)[1]) < 3:
                    bad(f"keyword {k!r} is very short for `any`")
            if isinstance(t, dict) and "regex" in t:
                try:
                    re.compile(t["regex"])
                except re.error as e:
                    bad(f"regex {t['regex']!r}: {e}")
    for n in m.get("near") or []:
        if not isinstance(n, dict) or not {"a", "b", "within"} <= set(n):
            bad("near needs a, b, within")
    ex = rule.get("examples") or {}
    if len(ex.get("flag") or []) < 2:
        bad("fewer than 2 flag examples")
    if len(ex.get("pass") or []) < 2:
        bad("fewer than 2 pass examples")


def load(paths):
    files = []
    for p in paths:
        p = pathlib.Path(p)
        files += sorted(p.rglob("*.y*ml")) if p.is_dir() else [p]
    rules, origin, problems = [], [], []
    for path in files:
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as e:
            problems.append(f"{path}: YAML error: {e}")
            continue
        for k in doc:
            if k not in ("pack", "source", "rules", "description"):
                problems.append(f"{path}: unknown top-level key {k!r}")
        for rule in doc.get("rules") or []:
            if not isinstance(rule, dict):
                problems.append(f"{path}: a rule must be a map")
                continue
            rules.append(rule)
            origin.append(str(path))
    return files, rules, origin, problems


def open_corpus(path):
    if path.endswith(".zst"):
        proc = subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE)
        return io.TextIOWrapper(proc.stdout, encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["rules/eu"])
    ap.add_argument("--corpus", help="JSONL(.zst) of clean listings to scan for unexpected flags")
    ap.add_argument("--limit", type=int, default=0, help="scan at most N corpus records")
    ap.add_argument("--only", default="", help="only rules whose id starts with this prefix")
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--quiet", action="store_true", help="only the summary and problems")
    args = ap.parse_args()

    files, rules, origin, problems = load(args.paths)
    ids = collections.Counter(r.get("id") for r in rules)
    for rid, n in ids.items():
        if n > 1:
            problems.append(f"duplicate id {rid!r} ({n} times)")
    for path, rule in zip(origin, rules):
        check_schema(path, rule, problems)
    sigs = {}
    for path, rule in zip(origin, rules):
        try:
            s = signature(rule)
        except Exception as e:  # malformed rule, reported above
            problems.append(f"{path}: {rule.get('id')}: cannot build signature: {e}")
            continue
        if s in sigs:
            problems.append(f"{path}: {rule.get('id')}: matches exactly what {sigs[s]} matches")
        sigs.setdefault(s, rule.get("id"))

    selected = [i for i, r in enumerate(rules) if str(r.get("id", "")).startswith(args.only)]
    pack = Pack([rules[i] for i in selected])
    failures = 0
    for k, i in enumerate(selected):
        rule = rules[i]
        ex = rule.get("examples") or {}
        for want, key in ((True, "flag"), (False, "pass")):
            for example in ex.get(key) or []:
                got = k in pack.scan(example_listing(example))
                if got != want:
                    failures += 1
                    problems.append(f"{origin[i]}: {rule.get('id')}: {key} example "
                                    f"{'not flagged' if want else 'flagged'}: {example!r}")

    if args.corpus:
        counts = collections.Counter()
        samples = collections.defaultdict(list)
        total = 0
        for line in open_corpus(args.corpus):
            if args.limit and total >= args.limit:
                break
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            total += 1
            listing = [(k, v) for k, v in rec.items() if isinstance(v, str) and k != "barcode"]
            for r, hit in pack.scan(listing).items():
                counts[r] += 1
                if len(samples[r]) < args.samples:
                    samples[r].append((hit[:3], listing[0][1][:100] if listing else ""))
        flagged = sum(counts.values())
        print(f"corpus: {total} records, {flagged} rule flags")
        for r, n in counts.most_common():
            print(f"  {n:6d} {pack.rules[r].get('id')}  {samples[r]}")

    for p in problems:
        print(p)
    per_file = collections.Counter(origin)
    if not args.quiet:
        for f in files:
            print(f"{f}: {per_file[str(f)]} rules")
    print(f"{len(rules)} rules in {len(files)} files; {len(problems)} problems "
          f"({failures} example failures)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
