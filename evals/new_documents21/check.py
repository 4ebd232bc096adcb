#!/usr/bin/env python3
"""Validate evals/new_documents21: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents21/check.py
Exit status 0 when every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPORTS = os.path.join(HERE, "reports")
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "corpus"))
QUESTIONS = os.path.join(HERE, "questions.jsonl")

DOCS = {  # file name -> expected date line
    "2025-09-anpr-nas-migration-dpia.txt": "18 September 2025",
    "2026-05-police-fire-collaboration-maturity-assessment.txt": "14 May 2026",
    "2027-02-mental-health-response-statistics-bulletin.txt": "11 February 2027",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # "about 15%": 3 of 20 per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 6), (2027, 3))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
HEADING = {
    A: re.compile(r"^(?:Step \d – |Risk DR\d – |Annex [A-Z] – )(.+)$"),
    B: re.compile(r"^(?:Section \d: |Dimension \d – )(.+)$"),
    C: re.compile(r"^(?:\d\. |Table \d: )(.+)$"),
}


def headings(name, text):
    """Return [(offset in collapsed text, heading text without number)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        m = HEADING[name].match(line)
        if m and len(line.split()) <= 10 and line[-1] not in ".,;:":
            out.append((start, m.group(1)))
    return out


def heading_at(heads, offset):
    h = ""  # cover block before the first heading
    for start, line in heads:
        if start <= offset:
            h = line
        else:
            break
    return h


def line_spans(text):
    """Collapsed-text spans of each non-empty line: [(start, end)]."""
    spans, pos = [], 0
    for raw in text.split("\n"):
        s = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if raw.strip():
            spans.append((s, s + len(collapse(raw))))
    return spans


def num(s):
    s = s.replace(",", "")
    return -float(s[1:-1]) if s.startswith("(") else float(s)


# ---- documents -------------------------------------------------------------
texts, full, heads, spans = {}, {}, {}, {}
for name, date in DOCS.items():
    path = os.path.join(REPORTS, name)
    if not os.path.isfile(path):
        err(f"missing report {name}")
        continue
    with open(path, encoding="utf-8") as f:
        t = f.read()
    texts[name], full[name] = t, collapse(t)
    heads[name], spans[name] = headings(name, t), line_spans(t)
    n = len(t.split())
    if not WORDS_RANGE[0] <= n <= WORDS_RANGE[1]:
        err(f"{name}: {n} words, outside {WORDS_RANGE}")
    lines = t.split("\n")
    if len(lines) < 2 or not lines[0].strip() or lines[1].strip() != date:
        err(f"{name}: first line must be the title and second line '{date}'")
    m = re.search(r"(" + "|".join(MONTHS) + r") (\d{4})$", date)
    if not m or not DATE_RANGE[0] <= (int(m.group(2)), MONTHS[m.group(1)]) <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or re.search(r"^[^|\n]+\|[^|\n]+\|", t, re.M):
        err(f"{name}: tab- or pipe-separated tables are shapes already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")


LEVELS = {1: "Initial", 2: "Developing", 3: "Established", 4: "Advanced", 5: "Leading"}
MATRIX = {("Remote", "Minimal"): "Low", ("Remote", "Significant"): "Low", ("Remote", "Severe"): "Medium",
          ("Possible", "Minimal"): "Low", ("Possible", "Significant"): "Medium", ("Possible", "Severe"): "High",
          ("Probable", "Minimal"): "Medium", ("Probable", "Significant"): "High", ("Probable", "Severe"): "High"}
WORDNUM = {"no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

if A in texts:  # DPIA summary: cover fields, risk blocks on a likelihood x severity matrix, summary that agrees
    t = texts[A]
    for lab in ("DPIA reference:", "Prepared by:", "Data Protection Officer:", "Senior Information Risk Owner (SIRO):"):
        if not re.search(r"^" + re.escape(lab), t, re.M):
            err(f"A: cover field {lab!r} missing")
    steps = re.findall(r"^Step (\d) – ", t, re.M)
    if steps != [str(i) for i in range(1, 8)]:
        err(f"A: want Steps 1-7 in order, got {steps}")
    inh, res = {}, {}
    blocks = re.split(r"^(?=Risk DR\d – |Step \d – |Annex [A-Z] – )", t, flags=re.M)
    for part in blocks:
        m = re.match(r"Risk (DR\d) – ", part)
        if not m:
            continue
        rid = m.group(1)
        for lab in ("Description: ", "Measures: "):
            if not re.search(r"^" + lab, part, re.M):
                err(f"A: {rid} lacks a {lab!r} line")
        for kind, store in (("Inherent", inh), ("Residual", res)):
            s = re.search(rf"^{kind} risk: (Remote|Possible|Probable) and (Minimal|Significant|Severe) – (Low|Medium|High)\.", part, re.M)
            if not s:
                err(f"A: {rid} lacks a well-formed {kind} risk line")
                continue
            if MATRIX[(s.group(1), s.group(2))] != s.group(3):
                err(f"A: {rid} {kind}: {s.group(1)} x {s.group(2)} should be {MATRIX[(s.group(1), s.group(2))]}")
            store[rid] = s.group(3)
        if not re.search(r"Owner: [A-Z]", part):
            err(f"A: {rid} has no owner")
    if sorted(inh) != [f"DR{i}" for i in range(1, 7)]:
        err(f"A: want risks DR1-DR6, got {sorted(inh)}")
    summ = re.search(r"^Before measures, .+$", t, re.M)
    if not summ:
        err("A: residual risk summary missing")
    else:
        line = summ.group(0)
        before, after = line.split("After measures")
        for text_, store in ((before, inh), (after, res)):
            for w, level, ids in re.findall(r"(\w+) (?:risks? )?(?:were|are|is) (High|Medium|Low) \(([^)]*)\)", text_):
                listed = re.findall(r"DR\d", ids)
                want = sorted(k for k, v in store.items() if v == level)
                if sorted(listed) != want or WORDNUM.get(w.lower(), -1) != len(want):
                    err(f"A: summary says {w} {level} {listed}, risks give {want}")
        if any(v == "High" for v in res.values()) or "No risk is High after measures" not in line:
            err("A: summary and residual ratings disagree about High")
    acts = re.findall(r"^- (A\d): .+ Owner: .+\. By \d{1,2} \w+ \d{4}\.$", t, re.M)
    if acts != [f"A{i}" for i in range(1, 6)]:
        err(f"A: want actions A1-A5 with owner and date, got {acts}")
    if "Green, up from Amber" not in t:
        err("A: newer NAS programme status missing")

if B in texts:  # maturity self-assessment: eight dimensions on a five-level scale, summary that agrees
    t = texts[B]
    if RAG_WORDS.search(t):
        err("B: maturity paper must use levels, not RAG words")
    for n, name in LEVELS.items():
        if f"- Level {n} – {name}: " not in t:
            err(f"B: scale line for Level {n} missing")
    now, was, target = {}, {}, {}
    for part in re.split(r"^(?=Dimension \d – |Section \d: )", t, flags=re.M):
        m = re.match(r"Dimension (\d) – (.+)", part)
        if not m:
            continue
        d, name = int(m.group(1)), m.group(2).strip()
        s = re.search(r"^Assessed level: Level (\d) – (\w+) \(2024: Level (\d) – (\w+)\)\.$", part, re.M)
        g = re.search(r"^Target for March 2028: Level (\d) – (\w+)\.$", part, re.M)
        if not s or not g:
            err(f"B: dimension {d} lacks assessed/target lines")
            continue
        for lv, nm in ((s.group(1), s.group(2)), (s.group(3), s.group(4)), (g.group(1), g.group(2))):
            if LEVELS[int(lv)] != nm:
                err(f"B: dimension {d}: Level {lv} is not {nm}")
        now[name], was[name], target[name] = int(s.group(1)), int(s.group(3)), int(g.group(1))
        for lab in ("Lead assessor: ", "Evidence: "):
            if not re.search(r"^" + lab, part, re.M):
                err(f"B: dimension {d} lacks {lab!r}")
    if len(now) != 8:
        err(f"B: {len(now)} dimensions, want 8")
    else:
        avg = lambda dct: round(sum(dct.values()) / 8 + 1e-9, 1)
        for label, val in (("The average level is", avg(now)), ("up from", avg(was)), ("targets is", avg(target))):
            if f"{label} {val}" not in t:
                err(f"B: expected '{label} {val}' in the summary")
        up = [k for k in now if now[k] > was[k]]
        same = [k for k in now if now[k] == was[k]]
        down = [k for k in now if now[k] < was[k]]
        for lab, lst in (("Moved up: ", up), ("Unchanged: ", same), ("Moved down: ", down)):
            line = re.search(r"^" + lab + r".+$", t, re.M)
            if not line or sorted(k for k in now if k in line.group(0)) != sorted(lst):
                err(f"B: {lab!r} line does not match the dimensions {lst}")
        glance = re.search(r"^Two dimensions are at Level 4 .+$", t, re.M)
        if not glance:
            err("B: results-at-a-glance sentence missing")
        else:
            for w, lv, names in re.findall(r"(\w+) (?:dimensions )?are at Level (\d) \(([^)]*)\)", glance.group(0)):
                got = sorted(k for k in now if k in names)
                want = sorted(k for k in now if now[k] == int(lv))
                if got != want or WORDNUM[w.lower()] != len(want):
                    err(f"B: glance says Level {lv}: {got}, dimensions give {want}")
    ips = re.findall(r"^- (IP\d): .+ Owner: .+\. By \d{1,2} \w+ \d{4}\.$", t, re.M)
    if ips != [f"IP{i}" for i in range(1, 7)]:
        err(f"B: want IP1-IP6 with owner and date, got {ips}")
    if not ("£85,000" in t and 48000 + 22000 + 15000 == 85000 and t.count("£42,500") >= 2):
        err("B: improvement plan funding does not add up")
    if len(re.findall(r"^\([a-d]\) ", t, re.M)) != 4:
        err("B: want four lettered recommendations")

if C in texts:  # statistical bulletin: numbered sections, Table N captions, space-aligned tables that add up
    t = texts[C]
    tables = re.findall(r"^Table (\d): .+$", t, re.M)
    if tables != [str(i) for i in range(1, 6)]:
        err(f"C: want Tables 1-5 in order, got {tables}")
    for k in ("Responsible statistician:", "Next bulletin:"):
        if k not in t:
            err(f"C: cover field {k!r} missing")
    if len(re.findall(r"^• ", t, re.M)) < 5:
        err("C: main points bullets missing")
    for block in re.split(r"\n\s*\n", t):
        lines = [l for l in block.split("\n") if l.strip()]
        rows = []
        for l in lines:
            m = re.match(r"^(\S.*?\S) {2,}((?:-?[\d,]+ {2,})*-?[\d,]+)$", l)
            if m:
                rows.append((m.group(1), [int(x.replace(",", "")) for x in m.group(2).split()]))
        tot = [r for r in rows if r[0] == "Total"]
        if len(rows) >= 3 and tot:
            body = [r for r in rows if r[0] != "Total"]
            for c in range(len(tot[0][1])):
                if sum(r[1][c] for r in body) != tot[0][1][c]:
                    err(f"C: table starting {lines[0][:30]!r}: column {c + 1} does not add up")
    for pct, a, b in (("13.3%", 49, 368), ("90.6%", 289, 319), ("84.5%", 311, 368), ("4.7%", 61, 1306),
                      ("63.0%", 201, 319), ("50.8%", 187, 368), ("30.9%", 920, 2980)):
        if pct not in t or f"{100 * a / b:.1f}%" != pct:
            err(f"C: percentage {pct} missing or wrong")

# ---- questions -------------------------------------------------------------
qs = []
with open(QUESTIONS, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if line.strip():
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"line {ln}: bad JSON: {e}")

if len(qs) != TOTAL:
    err(f"{len(qs)} questions, want {TOTAL}")
ids = [q.get("id") for q in qs]
if ids != [f"nd21-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd21-001.. in order, unique and sequential")
if len({collapse(q.get("question", "")).lower() for q in qs}) != len(qs):
    err("duplicate question text")

per_doc = defaultdict(list)
order = []
for q in qs:
    qid = q.get("id", "?")
    if set(q) != KEYS:
        err(f"{qid}: keys {sorted(q)} != {sorted(KEYS)}")
        continue
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{qid}: empty question")
    if q["category"] not in CATEGORIES:
        err(f"{qid}: unknown category {q['category']!r}")
    if not isinstance(q["answerable"], bool):
        err(f"{qid}: answerable must be bool")
    for k in ("history", "must_not_contain", "facts", "evidence"):
        if not isinstance(q[k], list):
            err(f"{qid}: {k} must be a list")
    if not isinstance(q["notes"], str):
        err(f"{qid}: notes must be a string")
        continue
    target = next((d for d in DOCS if q["notes"].startswith(d)), None)
    if target is None:
        err(f"{qid}: notes must start with the target file name")
        continue
    per_doc[target].append(q)
    order.append(list(DOCS).index(target))
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if not q["answerable"]:
        if q["category"] not in ("unanswerable", "injection"):
            err(f"{qid}: answerable false but category {q['category']!r}")
        if q["facts"] or q["evidence"]:
            err(f"{qid}: non-answerable question must have empty facts and evidence")
        if len(q["notes"]) < len(target) + 30:
            err(f"{qid}: non-answerable question needs a note saying why")
        continue

    if not 1 <= len(q["facts"]) <= 3:
        err(f"{qid}: need 1-3 fact groups")
    if not q["evidence"]:
        err(f"{qid}: answerable question needs evidence")
    context = []  # collapsed lines holding the cited quotes
    for ev in q["evidence"]:
        if not isinstance(ev, dict) or set(ev) != EV_KEYS:
            err(f"{qid}: evidence keys {ev!r}")
            continue
        doc, sec, quote = ev["document"], ev["section"], ev["quote_contains"]
        if doc != target:
            err(f"{qid}: evidence document {doc} is not the target {target}")
            continue
        if doc not in full:
            continue
        if re.match(r"^(\d|Step \d|Risk DR|Annex [A-Z] |Section \d|Dimension \d|Table \d)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number")
        cq = collapse(quote).strip()
        nw = len(cq.split())
        if not QUOTE_WORDS[0] <= nw <= QUOTE_WORDS[1]:
            err(f"{qid}: quote has {nw} words, want {QUOTE_WORDS}: {quote!r}")
        offs = [m.start() for m in re.finditer(re.escape(cq), full[doc])]
        if not offs:
            err(f"{qid}: quote not in {doc}: {quote!r}")
            continue
        if cq.lower() in seed:
            err(f"{qid}: quote also occurs in a seed report: {quote!r}")
        if sec and not any(sec.lower() in heading_at(heads[doc], o).lower() for o in offs):
            err(f"{qid}: quote {quote!r} is not under a heading containing {sec!r} "
                f"(found under {heading_at(heads[doc], offs[0])!r})")
        if not sec and not any(heading_at(heads[doc], o) == "" for o in offs):
            err(f"{qid}: empty section but quote {quote!r} is not in the cover block")
        for o in offs:
            for s, e in spans[doc]:
                if s < o + len(cq) and o < e:
                    context.append(full[doc][s:e])
    ctx = " ".join(context).lower()
    for group in q["facts"]:
        if not (isinstance(group, list) and group and all(isinstance(a, str) and a.strip() for a in group)):
            err(f"{qid}: each fact group must be a non-empty list of strings: {group!r}")
            continue
        for alt in group:
            if target in full and collapse(alt).lower() not in full[target].lower():
                err(f"{qid}: fact alternative {alt!r} not in {target}")
        if ctx and not any(collapse(a).lower() in ctx for a in group):
            err(f"{qid}: no alternative of {group!r} in the cited line(s)")
    for bad in q["must_not_contain"]:
        if bad.lower() in ctx:
            err(f"{qid}: must_not_contain {bad!r} occurs in the cited text")

if order != sorted(order):
    err("questions must be grouped by report, in report order")

# ---- totals ----------------------------------------------------------------
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if not q["answerable"])
    frac = un / len(lst) if lst else 0
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable ({frac:.0%}); "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if un != UNANS_PER_DOC or not UNANS_RANGE[0] <= frac <= UNANS_RANGE[1]:
        err(f"{name}: {un} non-answerable ({frac:.0%}), want {UNANS_PER_DOC}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in MIN_CATEGORY.items():
    if overall[c] < k:
        err(f"category {c}: {overall[c]} questions, want at least {k}")
if any(q.get("category") in ("rag_status", "rag_reason") and q.get("notes", "").startswith(C) for q in qs):
    err("rating questions may only target the DPIA (risk ratings) and the maturity assessment (levels)")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
