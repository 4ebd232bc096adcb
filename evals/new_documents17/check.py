#!/usr/bin/env python3
"""Validate evals/new_documents17: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents17/check.py
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
    "2025-11-collaboration-annual-update.txt": "27 November 2025",
    "2026-03-joint-digital-forensics-scrutiny.txt": "12 March 2026",
    "2026-06-joint-marine-unit-options-appraisal.txt": "3 June 2026",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # 9 of 60 overall: 3 of 20 per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 6), (2026, 10))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 2, "unanswerable": 9,
                "latest": 3}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
PLAIN = {
    A: {"Collaboration dashboard"},
    B: {"Purpose", "Summary", "Background", "Performance at a glance", "Risks",
        "What the Board is asked to do", "Contacts"},
    C: set(),
}
HEADING = {
    A: re.compile(r"^\d+\.\d+(?:\.\d+)? (\S.+)$"),
    B: re.compile(r"^KLOE \d – (.+)$"),
    C: re.compile(r"^(?:\d+\. |Option [A-D] – )(.+)$"),
}
MAX_HEADING_WORDS = 14


def headings(name, text):
    """Return [(offset in collapsed text, heading text without number)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line or "  " in line:
            continue
        if line in PLAIN[name]:
            out.append((start, line))
            continue
        m = HEADING[name].match(line)
        if m and len(line.split()) <= MAX_HEADING_WORDS and line[-1] not in ".,;:":
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
    """'£1,150,000' -> 1150000; 'nil' / '£0' -> 0."""
    s = s.strip().rstrip(".")
    return 0 if s == "nil" else int(s.replace("£", "").replace(",", ""))


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
    if not name.startswith(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-" if m else "?"):
        err(f"{name}: file name must start with the paper's year and month")
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

WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

if A in texts:  # annual update: space-aligned dashboard that agrees with the summary and sections
    t = texts[A]
    dash = re.findall(r"^(5\.\d\.\d) {2,}(.+?) {2,}(Green|Amber|Red) {2,}(Green|Amber|Red|Not reported) {2,}"
                      r"(No change|Improved|Worsened|New)$", t, re.M)
    if len(dash) != 12:
        err(f"A: dashboard has {len(dash)} rows, want 12")
    rank = {"Red": 0, "Amber": 1, "Green": 2}
    for ref, area, now, prev, move in dash:
        want = ("New" if prev == "Not reported" else "No change" if now == prev
                else "Improved" if rank[now] > rank[prev] else "Worsened")
        if move != want:
            err(f"A: dashboard {ref}: movement {move} but {prev} -> {now} is {want}")
        m = re.search(rf"^{re.escape(ref)} (\S.+)\n\n(.+)$", t, re.M)
        if not m:
            err(f"A: no section {ref}")
            continue
        body = m.group(2)
        s = re.match(r"(?:Reported separately for the first time and rated|Rated) (green|amber|red)"
                     r"(, unchanged|, up from (\w+)|, down from (\w+)|\.)", body)
        if not s or s.group(1).capitalize() != now:
            err(f"A: section {ref} does not open with its dashboard rating {now}")
            continue
        said = ("New" if body.startswith("Reported separately") else "No change" if "unchanged" in s.group(2)
                else "Improved" if s.group(3) else "Worsened" if s.group(4) else "?")
        if said != move or (s.group(3) or s.group(4) or prev).capitalize() != prev and said != "New":
            err(f"A: section {ref} opening does not match the dashboard movement {move} from {prev}")
    c = Counter(r[2] for r in dash)
    mv = Counter(r[4] for r in dash)
    if f"In total {c['Green']} areas are graded green, {c['Amber']} are amber and {c['Red']} is red" not in t:
        err(f"A: executive summary counts do not match the dashboard {dict(c)}")
    n = len(dash)
    wn = {v: k for k, v in WORDNUM.items()}
    if not t.count(f"{wn.get(n, '?').capitalize()} collaboration areas are reported"):
        err("A: executive summary area count does not match the dashboard")
    if (f"{wn.get(mv['Improved'])} areas have improved, {wn.get(mv['Worsened'])} have worsened and "
            f"{wn.get(mv['No change'])} are unchanged") not in t:
        err(f"A: executive summary movements do not match the dashboard {dict(mv)}")
    prev_n = sum(1 for r in dash if r[3] != "Not reported")
    if f"one more than in 2024" in t and prev_n != n - 1:
        err("A: 'one more than in 2024' does not match the dashboard")
    # money arithmetic quoted in the text
    if money("£520,000") + money("£580,000") != 1_100_000 or "£1.1m in 2025/26, split £520,000 for Essex and £580,000 for Kent" not in t:
        err("A: facilities cost split does not add up")
    if "23 in Essex and 18 in Kent" not in t or "41 new homicide" not in t:
        err("A: homicide counts missing or inconsistent")

if B in texts:  # KLOE scrutiny paper: five KLOEs, PM lines, figures that add up, no ratings
    t = texts[B]
    if RAG_WORDS.search(t):
        err("B: scrutiny paper must contain no RAG ratings")
    kloes = re.findall(r"^KLOE (\d) – .+\?$", t, re.M)
    if kloes != ["1", "2", "3", "4", "5"] or "five key lines of enquiry" not in t:
        err(f"B: want five KLOE headings 1-5, got {kloes}")
    pms = re.findall(r"^PM(\d) .+: .+\.$", t, re.M)
    if pms != [str(i) for i in range(1, 8)]:
        err(f"B: want performance lines PM1-PM7, got {pms}")
    checks = [
        (598 + 701 == 1299 and 412 + 655 == 1067, "backlog by force"),
        ("from 598 devices at 31 March 2025 to 412" in t and "Kent's from 701 to 655" in t, "backlog text"),
        ("980 devices" in t and 980 - 900 == 80 and "80 above the target" in t, "forecast vs target"),
        (3864 + 4536 == 8400 and "£3.864m from Essex and £4.536m from Kent" in t, "budget split"),
        (round(8400 * 0.46) == 3864, "46% share of budget"),
        (190 + 120 == 310 and round(8710 - 8400) == 310, "overspend make-up"),
        (round(310000 * 0.46) == 142600 and "£142,600" in t, "Essex share of overspend"),
        (506 + 594 == 1100 and round(1100 * 0.46) == 506, "savings split"),
        (260 + 120 == 380 and "£380,000 a year has been banked" in t, "savings banked"),
        (44 + 52 == 96 and 39 + 42 == 81 and 5 + 10 == 15 and 96 - 81 == 15, "workforce"),
        ("40 kiosks, 18 in Essex and 22 in Kent" in t and 18 + 22 == 40, "kiosks"),
        ("486 officers are trained to use them, 214 in Essex and 272 in Kent" in t and 214 + 272 == 486, "kiosk operators"),
        ("five findings: two major and three minor" in t, "UKAS findings"),
    ]
    for ok, what in checks:
        if not ok:
            err(f"B: figures inconsistent: {what}")
    if len(re.findall(r"^R\d .+ Owner: .+\.$", t, re.M)) != 4:
        err("B: want four risks R1-R4 with owners")

if C in texts:  # options appraisal: four options, financial lines that add up, no ratings
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: options appraisal must contain no RAG ratings")
    opts = re.findall(r"^Option ([A-D]) – .+$", t, re.M)
    if opts != ["A", "B", "C", "D"]:
        err(f"C: want Option A-D headings, got {opts}")
    fin = re.findall(r"^Option ([A-D]): one-off (£[\d,]+); capital (£[\d,]+); running costs (£[\d,]+); "
                     r"total (£[\d,]+); saving (nil|£[\d,]+)\.$", t, re.M)
    if len(fin) != 4:
        err(f"C: want four financial comparison lines, got {len(fin)}")
    base = None
    for o, one, cap, run, tot, sav in fin:
        if money(one) + money(cap) + money(run) != money(tot):
            err(f"C: option {o}: one-off + capital + running != total")
        if o == "A":
            base = money(tot)
        elif base is not None and base - money(tot) != money(sav):
            err(f"C: option {o}: saving does not equal Option A total minus its total")
    annual = {"A": 1388000, "B": 1388000 - 95000, "C": 1162000, "D": 1190000}
    for o, one, cap, run, tot, sav in fin:
        if annual[o] * 5 != money(run):
            err(f"C: option {o}: running costs are not five times the annual cost")
    checks = [
        (612000 + 776000 == 1388000 and "£1,388,000 a year" in t, "current costs"),
        (9 + 11 == 20 and 2 + 3 == 5 and "20 officers and 5 vessels" in t, "current units"),
        (318 + 402 == 720 and "318 in Essex waters and 402 in Kent waters" in t, "incidents"),
        (round(96 / 720 * 100) == 13 and "96 incidents, 13% of the total" in t, "estuary share"),
        (480000 + 390000 == 870000, "Option A capital"),
        (480000 + 160000 == 640000 and 480000 + 220000 == 700000, "Options C/D capital"),
        (1388000 - 1162000 == 226000 and "£226,000 lower" in t, "annual saving"),
        (round(1162000 * 0.45) == 522900 and 1162000 - 522900 == 639100, "running cost split"),
        (612000 - 522900 == 89100 and 776000 - 639100 == 136900, "savings by force"),
        (round(210000 * 0.45) == 94500 and 210000 - 94500 == 115500, "implementation split"),
        (round(640000 * 0.45) == 288000 and 640000 - 288000 == 352000, "capital split"),
        (5 - 2 + 1 == 4, "vessel count"),
    ]
    for ok, what in checks:
        if not ok:
            err(f"C: figures inconsistent: {what}")
    if len(re.findall(r"^Risk \d \((?:high|medium|low)\): .+ Owner: .+\.$", t, re.M)) != 4:
        err("C: want four risks with levels and owners")
    if len(re.findall(r"^\([a-d]\) .+$", t, re.M)) != 4:
        err("C: want four lettered decisions")

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
if ids != [f"nd17-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd17-001.. in order, unique and sequential")
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
        if re.match(r"^(\d+\.\d|KLOE \d|Option [A-D] –)", sec):
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
if any(q.get("category") in ("rag_status", "rag_reason", "latest") and not q.get("notes", "").startswith(A) for q in qs):
    err("rag questions may only target the one report that has ratings")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
