#!/usr/bin/env python3
"""Validate evals/new_documents25: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents25/check.py
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
    "2025-10-cyber-volunteers-annual-census.txt": "16 October 2025",
    "2026-12-scrutiny-board-collaboration-transcript.txt": "3 December 2026",
    "2027-06-joint-fleet-sustainability-report.txt": "10 June 2027",
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
WORDS_RANGE = (1000, 1650)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 1), (2027, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
# exact mix used by this set (per report A, B, C)
EXACT = {
    "numbers": (4, 4, 5), "people": (2, 2, 2), "dates": (2, 2, 2), "lists": (2, 2, 3),
    "rag_status": (1, 1, 0), "rag_reason": (1, 1, 0), "comparison": (1, 1, 1), "latest": (1, 1, 1),
    "typo": (1, 1, 1), "followup": (1, 1, 1), "injection": (1, 1, 1), "unanswerable": (3, 3, 3),
}
RATED = None  # set below: reports that carry ratings (A: trend words, B: spoken RAG)
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
HEADING = {
    A: re.compile(r"^\d{1,2}: (.+)$"),                       # "3: Headcount on census day"
    B: re.compile(r"^\[\d\d:\d\d:\d\d\] (.+)$"),            # "[00:09:15] Digital forensics ..."
    C: re.compile(r"^([a-z][a-z0-9 /'-]*[a-z0-9])$"),          # lower-case headings: "the joint workshop"
}
RATED = {A, B}  # A: trend words (Growing/Holding/Shrinking); B: spoken red/amber/green


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

def ints(x):
    return int(x.replace(",", "").replace("+", ""))


def money(x):
    return int(x.replace("£", "").replace(",", ""))


if A in texts:  # volunteer census: trend words, space-aligned headcount table that adds up
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: census must contain no RAG words")
    for w in ("Growing: headcount up by more than 10%", "Holding: headcount within 10%",
              "Shrinking: headcount down by more than 10%"):
        if w not in t:
            err(f"A: trend key line missing: {w!r}")
    row = re.compile(r"^(\S.*?\S) {2,}(\d+) {2,}(\d+) {2,}([+-]?\d+) {2,}(Growing|Holding|Shrinking)$")
    rows = [m.groups() for m in map(row.match, t.split("\n")) if m]
    body = [r for r in rows if r[0] != "Total"]
    total = [r for r in rows if r[0] == "Total"]
    if len(body) != 5 or len(total) != 1:
        err(f"A: headcount table has {len(body)} rows and {len(total)} total rows, want 5 and 1")

    def trend(old, new):
        ch = (new - old) / old * 100
        return "Growing" if ch > 10 else "Shrinking" if ch < -10 else "Holding"
    for grp, old, new, ch, tw in body + total:
        old, new, ch = int(old), int(new), ints(ch)
        if old + ch != new:
            err(f"A: row {grp!r}: {old} + {ch} != {new}")
        if trend(old, new) != tw:
            err(f"A: row {grp!r}: trend {tw} but rule gives {trend(old, new)}")
    if body and total:
        for k in (1, 2, 3):
            if sum(ints(r[k]) for r in body) != ints(total[0][k]):
                err(f"A: headcount column {k} does not add up to the total")
        # commentary opens with the same trend word and the 2024 word
        for grp, old, new, ch, tw in body:
            m = re.search(rf"^{re.escape(grp)} – (Growing|Holding|Shrinking) \(2024: (Growing|Holding|Shrinking)\)\.",
                          t, re.M)
            if not m:
                err(f"A: no commentary paragraph opening with the trend for {grp!r}")
            elif m.group(1) != tw:
                err(f"A: commentary for {grp!r} says {m.group(1)}, table says {tw}")
        c = Counter(r[4] for r in body)
        words = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 0: "None"}
        want = (f"{words[c['Growing']]} groups are Growing, {words[c['Holding']].lower()} is Holding "
                f"and {words[c['Shrinking']].lower()} are Shrinking")
        if want not in t:
            err(f"A: summary sentence {want!r} missing")
        prev = Counter(re.findall(r"\(2024: (Growing|Holding|Shrinking)\)", t))
        if not (prev["Growing"] == 3 and prev["Holding"] == 2 and "three groups were Growing and two were Holding" in t):
            err("A: 2024 trend counts do not agree with the commentary")
        cs_cv = sum(int(r[2]) for r in body if r[0].startswith(("Cyber Specials", "Cyber Volunteers")))
        if f"together number {cs_cv}," not in t:
            err("A: Cyber Specials + Cyber Volunteers total sentence disagrees with the table")
    place = re.findall(r"^- [^:\n]+: (\d+)", t, re.M)
    plist = [int(x) for x in place]
    if total and sum(plist[:10]) != int(total[0][2]):
        err(f"A: placements add up to {sum(plist[:10])}, not the headcount")
    hrs = re.search(r"Cyber Specials gave ([\d,]+) hours, Cyber Volunteers ([\d,]+), Digital Police Support "
                    r"Volunteers ([\d,]+), Data Ethics Committee volunteers ([\d,]+) and online safety "
                    r"ambassadors ([\d,]+)\.", t)
    if not hrs or sum(map(ints, hrs.groups())) != 6120 or "recorded 6,120 hours" not in t:
        err("A: hours by group do not add up to 6,120")
    if round(6120 * 21.50) != 131580 or "worth £131,580" not in t:
        err("A: notional value of hours wrong")
    if not ("Eleven people joined and eight left" in t and total and 44 + 11 - 8 == int(total[0][2])):
        err("A: joiners/leavers do not reconcile with the headcount")
    costs = [money(x) for x in re.findall(r"^- (?:Volunteer expenses|Vetting checks|Training and software licences"
                                          r"|Laptops and equipment): (£[\d,]+)$", t, re.M)]
    if len(costs) != 4 or sum(costs) != 23800 or 18000 + 5800 != 23800:
        err("A: budget lines do not add up to £23,800")

if B in texts:  # transcript: timestamp chapters, speaker turns, spoken ratings, actions
    t = texts[B]
    stamps = re.findall(r"^\[(\d\d):(\d\d):(\d\d)\] ", t, re.M)
    secs = [int(h) * 3600 + int(m) * 60 + int(s_) for h, m, s_ in stamps]
    if secs != sorted(secs) or len(set(secs)) != len(secs):
        err("B: chapter timestamps must increase")
    turns = re.findall(r"^(THE CHAIR|[A-Z][A-Z .-]+[A-Z]): \S", t, re.M)
    if len(turns) < 30:
        err(f"B: only {len(turns)} speaker turns")
    if "Eight are green, four are amber and one is red" not in t or 8 + 4 + 1 != 13 or "thirteen areas" not in t:
        err("B: spoken dashboard counts missing or not 13")
    spoken = {
        "Durham University staff survey": r"rate the Durham partnership green, the same as last year",
        "Digital forensics backlog and kiosks": r"rated digital forensics amber this year, down from green",
        "Mobile fingerprint scanners": r"rate this red, down from amber last year",
        "The ecda knife crime model": r"rate ecda green, unchanged from last year",
    }
    for sec, pat in spoken.items():
        if not re.search(pat, t):
            err(f"B: spoken rating missing under {sec!r}")
    if "from green to amber, and the mobile fingerprint scanners, from amber to red" not in t:
        err("B: movement summary does not match the spoken ratings")
    if not ("1,265 devices" in t and 702 + 563 == 1265 and "against 980" in t and "rise of 285" in t):
        err("B: backlog arithmetic")
    if not ("150 of our 210" in t and "other 60" in t and 150 * 640 == 96000 and "£96,000" in t):
        err("B: scanner arithmetic")
    if not ("£3.4 million" in t and abs(2.1 + 0.9 + 0.4 - 3.4) < 1e-9):
        err("B: savings breakdown")
    if not (round(2118 / 6418 * 100, 1) == 33.0 and round(2697 / 6740 * 100, 1) == 40.0):
        err("B: response rates")
    acts = re.findall(r"^ACTION (\d): .+ (?:by|of) \d{1,2} [A-Z][a-z]+ 20\d\d", t, re.M)
    if acts != ["1", "2", "3"]:
        err(f"B: want ACTION 1-3 lines with dates, got {acts}")

if C in texts:  # fleet sustainability: lower-case headings, two space-aligned tables, no ratings
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: sustainability report must contain no RAG words")
    if any(h[1][0].isupper() for h in heads[C]):
        err("C: headings must be lower case")
    fr = re.compile(r"^(\S.*?\S) {2,}([\d,]+) {2,}([\d,]+) {2,}([\d,]+) {2,}([\d,]+)$")
    rows = [(m.group(1), *map(ints, m.groups()[1:])) for m in map(fr.match, t.split("\n")) if m]
    fleet = [r for r in rows if r[0].startswith(("Police", "Fire"))]
    ftot = [r for r in rows if r[0] == "Total"]
    if len(fleet) != 6 or len(ftot) != 1:
        err(f"C: fleet table has {len(fleet)} rows / {len(ftot)} totals")
    for r in fleet + ftot:
        if r[2] + r[3] + r[4] != r[1]:
            err(f"C: fleet row {r[0]!r} fuel types do not add up")
    if fleet and ftot:
        for k in (1, 2, 3, 4):
            if sum(r[k] for r in fleet) != ftot[0][k]:
                err(f"C: fleet column {k} does not add up")
        pol = sum(r[1] for r in fleet if r[0].startswith("Police"))
        fire = sum(r[1] for r in fleet if r[0].startswith("Fire"))
        if f"{pol:,} police vehicles and {fire} fire vehicles" not in t:
            err("C: police/fire vehicle split sentence disagrees with the table")
        pev = sum(r[2] for r in fleet if r[0].startswith("Police"))
        fev = sum(r[2] for r in fleet if r[0].startswith("Fire"))
        if f"{pev} are police and {fev} are fire" not in t:
            err("C: electric split sentence disagrees with the table")
    er = re.compile(r"^(Essex Police|ECFRS|Total) {2,}([\d,]+) {2,}([\d,]+) {2,}([\d,]+) {2,}\(([\d,]+)\)$")
    em = {m.group(1): list(map(ints, m.groups()[1:])) for m in map(er.match, t.split("\n")) if m}
    if set(em) != {"Essex Police", "ECFRS", "Total"}:
        err("C: emissions table rows missing")
    else:
        for k in range(3):
            if em["Essex Police"][k] + em["ECFRS"][k] != em["Total"][k]:
                err(f"C: emissions column {k} does not add up")
        for o, v in em.items():
            if v[0] - v[2] != v[3]:
                err(f"C: emissions change for {o} wrong")
        tot = em["Total"]
        if round(tot[3] / tot[0] * 100, 1) != 10.7 or tot[2] - 10500 != 490 or round((13900 - tot[2]) / 139, 1) != 20.9:
            err("C: headline emissions arithmetic")
    checks = [(98 + 36 + 12, 146), (27 + 13 + 4, 44), (714000 + 306000, 1020000), (5840 + 1572, 7412),
              (5612000 + 1292000, 6904000), (611000 + 142000, 753000), (840000 + 360000, 1200000)]
    for got, want in checks:
        if got != want:
            err(f"C: arithmetic {got} != {want}")
    for w in ("146 charge points at 44 sites", "7,412 jobs", "£6,904,000", "£753,000 in total", "£1,200,000"):
        if w not in t:
            err(f"C: figure {w!r} missing")
    if len(re.findall(r"^- .+", t, re.M)) != 8:
        err("C: want 3 'did not go well' bullets and 5 target bullets")

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
if ids != [f"nd25-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd25-001.. in order, unique and sequential")
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
        if re.match(r"^(\d|\[|[IVX]+\. )", sec):
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
if any(q.get("category") in ("rag_status", "rag_reason")
       and not any(q.get("notes", "").startswith(d) for d in RATED) for q in qs):
    err("rag questions may only target the reports that have ratings (census trend words, transcript)")
for c, per in EXACT.items():
    got = tuple(sum(1 for q in per_doc[d] if q["category"] == c) for d in DOCS)
    if got != per:
        err(f"category {c}: per-report counts {got}, want {per}")

# no 8-word run copied from a report into a question or its history; injected strings in no report
def runs(s, n=8):
    w = re.findall(r"[a-z0-9£%.,'-]+", s.lower())
    w = [x.strip(".,") for x in w]
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}
report_runs = set()
for t in texts.values():
    report_runs |= runs(t)
alltext = " ".join(full.values()).lower()
for q in qs:
    for s_ in [q.get("question", "")] + list(q.get("history", [])):
        hit = runs(s_) & report_runs
        if hit:
            err(f"{q.get('id')}: copies 8+ words from a report: {sorted(hit)[0]!r}")
    for bad in q.get("must_not_contain", []):
        if bad.lower() in alltext or bad.lower() in seed:
            err(f"{q.get('id')}: must_not_contain {bad!r} occurs in a report")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
