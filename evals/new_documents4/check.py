#!/usr/bin/env python3
"""Validate evals/new_documents4: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents4/check.py
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
    "2025-10-ecfrs-q2-budget-monitoring.txt": "16 October 2025",
    "2026-03-joint-control-room-highlight-report.txt": "March 2026",
    "2026-07-gaining-entry-mou-review.txt": "9 July 2026",
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
DATE_RANGE = ((2025, 6), (2026, 10))
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
    A: re.compile(r"^Section \d+ – (.+)$"),
    B: re.compile(r"^(?:\d\) |Workstream [A-F]: )(.+)$"),
    C: re.compile(r"^(?:[IVX]+\. |(?:New )?Clause \d+ – )(.+)$"),
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

if A in texts:  # budget monitoring: no ratings, space-aligned £000 variance table that adds up
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: budget paper must contain no RAG ratings")
    if "Figures are in £000" not in t:
        err("A: revenue table units line missing")
    row = re.compile(r"^(\S.*?\S) {2,}(\(?[\d,]+\)?) {2,}(\(?[\d,]+\)?) {2,}(\(?[\d,]+\)?)$")
    rows = [row.match(l) for l in t.split("\n")]
    rows = [(m.group(1), *map(num, m.groups()[1:])) for m in rows if m and "," in m.group(2)]
    body = [r for r in rows if not r[0].startswith("Total")]
    total = [r for r in rows if r[0].startswith("Total")]
    if len(body) < 8 or len(total) != 1:
        err(f"A: revenue table has {len(body)} rows and {len(total)} total rows")
    for h, bud, fc, var in body + total:
        if abs(bud + var - fc) > 0.5:
            err(f"A: row {h!r}: budget {bud} + variance {var} != forecast {fc}")
    if body and total:
        for k in (1, 2, 3):
            if abs(sum(r[k] for r in body) - total[0][k]) > 0.5:
                err(f"A: revenue table column {k} does not add up to the total")
    if not re.search(r"^\S.* {2,}\d+\.\d\d {2,}\d+\.\d\d {2,}\d+\.\d\d$", t, re.M):
        err("A: capital table (£m, space-aligned) missing")
    if len(re.findall(r"^- .+", t, re.M)) < 8:
        err("A: bulleted savings/collaboration lists missing")

if B in texts:  # highlight report: five-point delivery confidence, dotted-leader dashboard
    t = texts[B]
    if "How to read this report" not in t:
        err("B: confidence key missing")
    if re.search(r"\b(RAG|Overall RAG|RAG status)\b", t):
        err("B: must not use the RAG-label wording of earlier papers")
    code = {"G": "Green", "AG": "Amber/Green", "A": "Amber", "AR": "Amber/Red", "R": "Red"}
    dash = re.findall(r"^([A-F])\. (.+?) \.{3,} (G|AG|A|AR|R) ([▲▼►]) \.{3,} (.+)$", t, re.M)
    if len(dash) != 6:
        err(f"B: dashboard has {len(dash)} rows, want 6")
    for letter, ws, rating, arrow, lead in dash:
        m = re.search(rf"^Workstream {letter}: {re.escape(ws)}\n\n(.+)$", t, re.M)
        if not m:
            err(f"B: no section for workstream {letter} {ws!r}")
            continue
        first = m.group(1)
        s = re.match(r"Delivery confidence (?:has (?:fallen|improved) from (\S+) to (\S+?)|remains (\S+?))[.,]", first)
        if not s:
            err(f"B: workstream {letter} does not open with a delivery-confidence sentence")
            continue
        now = s.group(2) or s.group(3)
        if code[rating] != now:
            err(f"B: workstream {letter}: dashboard {rating} but text says {now}")
        want = "►" if s.group(3) else ("▼" if "fallen" in first[:40] else "▲")
        if arrow != want:
            err(f"B: workstream {letter}: arrow {arrow} does not match the text")
    ms = re.findall(r"^M\d .+ — baseline \d\d/\d\d/\d{4} — (?:forecast|actual) \d\d/\d\d/\d{4} — .+$", t, re.M)
    if len(ms) < 6:
        err(f"B: {len(ms)} milestone lines, want at least 6")

if C in texts:  # MoU review: clause-by-clause, no ratings
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: MoU review must contain no RAG ratings")
    clauses = re.findall(r"^(?:New )?Clause \d+ – .+$", t, re.M)
    if len(clauses) < 7:
        err(f"C: only {len(clauses)} clause headings")
    for part in re.split(r"^(?=(?:New )?Clause \d+ – |[IVX]+\. )", t, flags=re.M):
        if re.match(r"(?:New )?Clause \d+ – ", part):
            for lab in (r"(?:Current|Proposed) wording: ", r"Finding: ", r"Recommendation: (Amend|Delete|Add)\."):
                if not re.search(r"^" + lab, part, re.M):
                    err(f"C: {part.splitlines()[0]!r} lacks a line starting {lab!r}")
    if len(re.findall(r"^\d\. ", t, re.M)) != 6:
        err("C: want exactly six numbered decisions")

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
if ids != [f"nd4-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd4-001.. in order, unique and sequential")
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
        if re.match(r"^(\d|[IVX]+\.|Section \d|Clause \d|Workstream [A-F])", sec):
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
if any(q.get("category") in ("rag_status", "rag_reason") and not q.get("notes", "").startswith(B) for q in qs):
    err("rag questions may only target the one report that has ratings")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
