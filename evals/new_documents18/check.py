#!/usr/bin/env python3
"""Validate evals/new_documents18: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents18/check.py
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
    "2025-09-violence-harm-forecasting-grant-bid.txt": "19 September 2025",
    "2026-05-rural-prevention-officers-project-closure.txt": "14 May 2026",
    "2027-01-7-force-interpreting-contract-award.txt": "21 January 2027",
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
WORDS_RANGE = (1000, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 1), (2027, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 1, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
HEADING = {
    A: re.compile(r"^PART [A-H]: ([A-Z][A-Z ,&'-]+)$"),   # all-caps, colon-labelled
    B: re.compile(r"^\d+\.0 ([A-Z][A-Z ,&'-]+)$"),         # decimal number + all caps
    C: re.compile(r"^# (.+)$"),                             # markdown
}
SECTION_PREFIX = re.compile(r"^(\d|PART |#)")  # section is heading text without number/prefix


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
    if re.search(r"^[^|\n]+\|[^|\n]+\|", t, re.M):
        err(f"{name}: pipe-separated tables are a shape already used")
    if "\t" in t and name != C:
        err(f"{name}: only the contract award paper may hold (tab-separated) tables")
    if re.search(r"^\S.*\S {2,}\S.*\S {2,}\S", t, re.M):
        err(f"{name}: space-aligned tables are a shape already used")
    if m and name[:7] != f"{m.group(2)}-{MONTHS[m.group(1)]:02d}":
        err(f"{name}: file-name date prefix does not match the date line")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

def money(s):
    return float(s.replace("£", "").replace(",", "").replace("m", ""))


if A in texts:  # grant bid: no ratings; cost lines, years and match funding add up
    t = texts[A]
    if re.search(r"\b(RAG|Red|Amber|Green|rated)\b", t):
        err("A: the grant bid must contain no ratings")
    if len(re.findall(r"^\[Words used: \d+ of \d+\]$", t, re.M)) != 8:
        err("A: want one '[Words used: N of M]' line per part (8)")
    lines = re.findall(r"^Cost line \d – .+: 2026/27 (£[\d,]+); 2027/28 (£[\d,]+); total (£[\d,]+)\.$", t, re.M)
    if len(lines) != 5:
        err(f"A: {len(lines)} cost lines, want 5")
    for y1, y2, tot in lines:
        if money(y1) + money(y2) != money(tot):
            err(f"A: cost line {y1} + {y2} != {tot}")
    req = re.search(r"^Amount requested: (£[\d,]+)", t, re.M)
    match = re.search(r"^Match funding offered: (£[\d,]+)", t, re.M)
    total = re.search(r"^Total project value: (£[\d,]+)", t, re.M)
    if not (req and match and total) or money(req.group(1)) + money(match.group(1)) != money(total.group(1)):
        err("A: amount requested + match funding != total project value")
    if req and lines and sum(money(x[2]) for x in lines) != money(req.group(1)):
        err("A: cost lines do not add up to the amount requested")
    yr = re.search(r"therefore (£[\d,]+) in 2026/27 and (£[\d,]+) in 2027/28", t)
    if not yr or money(yr.group(1)) != sum(money(x[0]) for x in lines) \
            or money(yr.group(2)) != sum(money(x[1]) for x in lines):
        err("A: yearly request totals do not match the cost lines")
    parts = re.search(r"match funding: Essex Police (£[\d,]+) .*Kent Police (£[\d,]+) .*Essex County Council (£[\d,]+) .*University of Essex (£[\d,]+)", t)
    if not parts or match is None or sum(money(x) for x in parts.groups()) != money(match.group(1)):
        err("A: match funding contributions do not add up")
    if len(re.findall(r"^Work package \d, .+ \(months \d+ to \d+\)\. .+ Lead: .+$", t, re.M)) != 4:
        err("A: want four work packages with months and a lead")

if B in texts:  # closure report: G/A/R letters with December 2025 position; finance and benefits add up
    t = texts[B]
    if re.search(r"\bRAG\b", t):
        err("B: ratings are G/A/R letters, not 'RAG' labels")
    tol = re.findall(r"^(Time|Cost|Scope|Quality|Benefits|Overall): ([GAR]) \(([GAR])\)\. ", t, re.M)
    if [x[0] for x in tol] != ["Time", "Cost", "Scope", "Quality", "Benefits", "Overall"]:
        err(f"B: tolerance lines {tol}")
    elif tol[-1][1] != max((x[1] for x in tol[:-1]), key="GAR".index):
        err("B: overall letter is not the worst of the tolerance letters")

    def nums(pat):
        return [money(x) for x in re.search(pat, t).groups()]
    try:
        b = nums(r"budget of (£[\d,]+) was shared 50:30:20 .*Essex Police (£[\d,]+), ECFRS (£[\d,]+) and EEAST (£[\d,]+)")
        s = nums(r"Actual spend was (£[\d,]+): salaries and on-costs (£[\d,]+), .*vans (£[\d,]+), and .*training (£[\d,]+)")
        u = nums(r"underspend of (£[\d,]+) arose.*Essex Police (£[\d,]+), ECFRS (£[\d,]+) and EEAST (£[\d,]+)")
        v = nums(r"total (£[\d,]+) per annum, made up.*ECFRS, (£[\d,]+); .*released, (£[\d,]+); .*referrals, (£[\d,]+); .*Council, (£[\d,]+)")
        r = nums(r"cost of (£[\d,]+) a year, shared 50:30:20: Essex Police (£[\d,]+), ECFRS (£[\d,]+) and EEAST (£[\d,]+)")
        for what, x in (("budget", b), ("spend", s), ("underspend", u), ("benefits", v), ("running cost", r)):
            if abs(x[0] - sum(x[1:])) > 0.5:
                err(f"B: {what} parts do not add up")
        for what, x in (("budget", b), ("underspend", u), ("running cost", r)):
            if [round(x[0] * k) for k in (0.5, 0.3, 0.2)] != [round(y) for y in x[1:]]:
                err(f"B: {what} is not split 50:30:20")
        if b[0] - s[0] != u[0]:
            err("B: budget - spend != underspend")
        if round(100 * v[0] / 169620) != 84 or "84% of the £169,620 forecast" not in t:
            err("B: benefits percentage of forecast wrong")
    except AttributeError:
        err("B: a finance or benefits sentence is missing")
    obj = re.findall(r"^Objective \d – .+ Delivered: .+$", t, re.M)
    if len(obj) != 5:
        err(f"B: {len(obj)} objective lines, want 5")
    if "Delivered: 684 (Uttlesford 402, Dengie 282)" not in t or 402 + 282 != 684:
        err("B: visit counts do not add up")
    if len(re.findall(r"^Action \d: .+ Owner: .+ Due: .+$", t, re.M)) != 3:
        err("B: want three handover actions with owner and due date")

if C in texts:  # contract award: tab-separated scoring tables that add up; prose risk ratings
    t = texts[C]
    if re.search(r"\b(RAG|Red|Amber|Green)\b", t):
        err("C: ratings must be written in prose ('rated red'), not as RAG labels")
    tables = re.findall(r"^Bidder\tQuality \(60\)\tPrice \(30\)\tSocial value \(10\)\tTotal \(100\)\tRank\n((?:[^\n]*\t[^\n]*\n)+)", t, re.M)
    if len(tables) != 2:
        err(f"C: {len(tables)} tab-separated scoring tables, want 2")
    for tab in tables:
        rows = [r.split("\t") for r in tab.strip("\n").split("\n")]
        totals = []
        for r in rows:
            if len(r) != 6:
                err(f"C: table row has {len(r)} cells: {r}")
                continue
            q, p_, s_, tot, rank = map(float, r[1:])
            if abs(q + p_ + s_ - tot) > 0.05 or not (q <= 60 and p_ <= 30 and s_ <= 10):
                err(f"C: row {r[0]!r} does not add up")
            totals.append((tot, int(rank)))
        if [k for _, k in sorted(totals, reverse=True)] != list(range(1, len(totals) + 1)):
            err("C: ranks do not follow totals")
        if max(float(r[2]) for r in rows if len(r) == 6) != 30.0:
            err("C: lowest price must score the full 30 marks")
    if sorted(re.findall(r"This risk is rated (red|amber|green)\.", t)) != ["amber", "green", "red"]:
        err("C: want three prose-rated risks (red, amber, green)")
    if not all(x in t for x in ("£4.38m", "£1.71m", "£6.09m", "£6.84m", "£750,000", "£30.45m",
                                "£1.21m", "£1.08m", "£130,000")) \
            or abs(4.38 + 1.71 - 6.09) > 0.001 or abs(6.84 - 6.09 - 0.75) > 0.001 \
            or abs(6.09 * 5 - 30.45) > 0.001 or abs(1.21 - 1.08 - 0.13) > 0.001:
        err("C: price and savings figures inconsistent")
    if len(re.findall(r"^- \d+ (?:January|February|March|April)[^:]*\d{4}: .+$", t, re.M)) < 5:
        err("C: dated timetable lines missing")
    if len(re.findall(r"^\d\. .+$", t, re.M)) != 5:
        err("C: want five numbered recommendations")

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
if ids != [f"nd18-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd18-001.. in order, unique and sequential")
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
        if SECTION_PREFIX.match(sec):
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
if any(q.get("category") in ("rag_status", "rag_reason") and q.get("notes", "").startswith(A) for q in qs):
    err("rag questions may only target the two reports that have ratings")
if any(q.get("category") == "latest" and q.get("notes", "").startswith(C) for q in qs):
    err("latest questions target the papers that update seed workstreams (grant bid, closure report)")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
