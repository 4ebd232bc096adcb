#!/usr/bin/env python3
"""Validate evals/new_documents28: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents28/check.py
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
    "2025-11-collision-unit-demand-capacity-review.txt": "13 November 2025",
    "2026-06-collision-unit-peer-review.txt": "16 June 2026",
    "2027-01-collision-unit-restructure-consultation.txt": "20 January 2027",
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
WORDS_RANGE = (1300, 2000)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 1), (2027, 12))
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
    A: re.compile(r"^\d+ › (.+)$"),
    B: re.compile(r"^◆ (?:Focus area \d – )?(.+)$"),
    C: re.compile(r"^[A-D]\.\d (.+)$"),
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
        if m and len(line.split()) <= 12 and line[-1] not in ".,;:":
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


def money(s):
    return int(s.replace("£", "").replace(",", ""))


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
    if not name.startswith(date.split()[-1] + "-%02d-" % MONTHS.get(date.split()[-2], 0)):
        err(f"{name}: file name does not match date line {date!r}")
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
    if re.search(r"^ *\S.* {3,}\S", t, re.M):
        err(f"{name}: space-aligned tables are shapes already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # demand and capacity review: no ratings, "Figure N." data lines, scenarios
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: demand and capacity review must contain no RAG ratings")
    figs = re.findall(r"^Figure (\d+)\. (.+)$", t, re.M)
    if [int(n) for n, _ in figs] != list(range(1, len(figs) + 1)) or len(figs) < 5:
        err(f"A: want at least five Figure lines numbered 1.. in order, got {[n for n, _ in figs]}")
    fig = {int(n): body for n, body in figs}
    if 1 in fig:  # establishment: parts add up to the total
        pairs = [(int(a), int(b)) for a, b in re.findall(r"(\d+) of (\d+)", fig[1])]
        if len(pairs) < 3 or sum(p[0] for p in pairs[:-1]) != pairs[-1][0] \
                or sum(p[1] for p in pairs[:-1]) != pairs[-1][1]:
            err(f"A: Figure 1 posts do not add up: {pairs}")
    if 3 in fig:  # referrals by force and type
        rows = [tuple(map(int, r)) for r in re.findall(r"(\d+) \((\d+) fatal, (\d+) life-changing\)", fig[3])]
        if len(rows) != 3 or any(a != b + c for a, b, c in rows) or \
                any(rows[0][k] + rows[1][k] != rows[2][k] for k in range(3)):
            err(f"A: Figure 3 referrals do not add up: {rows}")
    if 4 in fig:
        nums = [int(x) for x in re.findall(r"\d+", fig[4].split(":", 1)[1])]
        if len(nums) != 3 or nums[0] + nums[1] != nums[2]:
            err(f"A: Figure 4 open investigations do not add up: {nums}")
    scen = re.findall(r"^Scenario ([A-C]) – .+?\((\d+) investigators.*?forecast(?: at)? (\d+), or ([\d.]+) per investigator", t, re.M)
    if len(scen) != 3:
        err(f"A: want three scenario lines, found {len(scen)}")
    for s, inv, fc, per in scen:
        if abs(int(fc) / int(inv) - float(per)) > 0.05:
            err(f"A: scenario {s}: {fc}/{inv} != {per}")
    m = re.search(r"six collision investigators at £([\d,]+) each \(£([\d,]+)\) and two forensic collision "
                  r"investigators at £([\d,]+) each \(£([\d,]+)\)", t)
    if not m or 6 * money(m.group(1)) != money(m.group(2)) or 2 * money(m.group(3)) != money(m.group(4)) \
            or money(m.group(2)) + money(m.group(4)) != 522000:
        err("A: Scenario C post costs do not add up to £522,000")
    if "Essex would pay £287,100 and Kent £234,900" not in t or round(522000 * 0.55) != 287100:
        err("A: 55:45 split of £522,000 missing or wrong")
    if not re.search(r"^\(a\) .+\n\(b\) .+\n\(c\) .+\n\(d\) .+\n\(e\) .+$", t, re.M):
        err("A: lettered decisions (a)-(e) missing")

if B in texts:  # peer review: self-assessment beside peer rating, at a glance list agrees
    t = texts[B]
    if "How to read the ratings" not in t:
        err("B: rating key missing")
    if re.search(r"\bRAG\b", t):
        err("B: must not use the word RAG")
    glance = re.findall(r"^(.+): unit's own rating (Green|Amber|Red); peer team rating (Green|Amber|Red)\.$", t, re.M)
    if len(glance) != 6:
        err(f"B: at-a-glance list has {len(glance)} rows, want 6")
    for area, own, peer in glance:
        m = re.search(rf"^◆ Focus area \d – {re.escape(area)}\n\n(.+)$", t, re.M)
        if not m:
            err(f"B: no focus area section for {area!r}")
            continue
        if m.group(1) != f"Unit's own rating: {own}. Peer team rating: {peer}.":
            err(f"B: {area}: section opening {m.group(1)!r} disagrees with the at-a-glance list")
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
    order = ["Green", "Amber", "Red"]
    def summary(col):
        c = Counter(col)
        return " and ".join(f"{words[c[k]]} {k}" for k in order if c[k]).replace(" and ", ", ", max(0, len([k for k in order if c[k]]) - 2))
    peer_s, own_s = summary([g[2] for g in glance]), summary([g[1] for g in glance])
    if f"Our ratings are {peer_s}." not in t or f"The unit's own were {own_s}." not in t:
        err(f"B: summary counts disagree (peer: {peer_s}; own: {own_s})")
    rank = {"Green": 2, "Amber": 1, "Red": 0}
    same = sum(rank[o] == rank[p] for _, o, p in glance)
    lower = sum(rank[p] < rank[o] for _, o, p in glance)
    higher = sum(rank[p] > rank[o] for _, o, p in glance)
    if f"We agreed with the unit on {words[same]} focus areas, rated {words[lower]} lower than the unit did " \
            f"and rated {words[higher] if higher != 1 else 'one'} higher." not in t:
        err("B: agreed/lower/higher sentence disagrees with the ratings")
    recs = re.findall(r"^R(\d) \((Now|Soon|Later)\): .+$", t, re.M)
    if [int(r) for r, _ in recs] != list(range(1, 8)):
        err(f"B: want recommendations R1-R7, got {[r for r, _ in recs]}")

if C in texts:  # staff consultation: post mapping lines add up, dated timetable in order
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: consultation document must contain no RAG ratings")
    posts = re.findall(r"^(.+?): (\d+|no) posts? now, (\d+) proposed\. (.+)$", t, re.M)
    if len(posts) != 7:
        err(f"C: want 7 post lines, got {len(posts)}")
    now = sum(0 if n == "no" else int(n) for _, n, _, _ in posts)
    prop = sum(int(p) for _, _, p, _ in posts)
    m = re.search(r"^Total: (\d+) posts now, (\d+) proposed\.$", t, re.M)
    if not m or (now, prop) != (int(m.group(1)), int(m.group(2))):
        err(f"C: post lines add up to {now} -> {prop}, total line says {m.groups() if m else None}")
    cats = re.search(r"(\d+) posts are unchanged, (\d+) are slotted in, (\d+) are ring-fenced and (\d+) go to open competition", t)
    if not cats or sum(map(int, cats.groups())) != prop:
        err("C: category counts missing or do not add up to the proposed total")
    for cat in ("Unchanged:", "Slotted in:", "Ring-fenced:", "Open competition:"):
        if cat not in t:
            err(f"C: mapping category {cat!r} not defined")
    dates = re.findall(r"^(\d+)(?: to \d+)? (" + "|".join(MONTHS) + r") (\d{4}): .+$", t, re.M)
    keys = [(int(y), MONTHS[mo], int(d)) for d, mo, y in dates]
    if len(keys) < 8 or keys != sorted(keys):
        err(f"C: want at least 8 timetable lines in date order, got {len(keys)}")
    m = re.search(r"cost £([\d,]+) a year.*?\(£([\d,]+)\).*?\(£([\d,]+)\), one sergeant at £([\d,]+) and one coordinator "
                  r"at £([\d,]+), less one case support officer at £([\d,]+)", t)
    if not m:
        err("C: cost sentence missing")
    else:
        v = [money(x) for x in m.groups()]
        if v[1] + v[2] + v[3] + v[4] - v[5] != v[0]:
            err(f"C: cost parts do not add up to £{v[0]:,}")
        if f"Essex would pay £{round(v[0] * 0.55):,} and Kent £{round(v[0] * 0.45):,}" not in t:
            err("C: 55:45 split of the cost wrong")
    faq = re.findall(r"^[A-Z][^?\n]+\? [A-Z].+$", t, re.M)
    if len(faq) < 4:
        err(f"C: want at least 4 question-and-answer lines, got {len(faq)}")

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
if ids != [f"nd28-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd28-001.. in order, unique and sequential")
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
        if re.match(r"^(\d|◆|Focus area \d|[A-D]\.\d|›)", sec):
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
