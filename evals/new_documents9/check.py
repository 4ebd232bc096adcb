#!/usr/bin/env python3
"""Validate evals/new_documents9: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents9/check.py
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
    "2025-09-panel-written-questions-collaboration.txt": "4 September 2025",
    "2026-04-collaboration-portfolio-q4-delivery-report.txt": "23 April 2026",
    "2026-10-exercise-kelvedon-crossing-debrief.txt": "14 October 2026",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PREFIX = "nd9"
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 7), (2026, 11))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|BRAG|Red|Amber|Green|Blue|RED|AMBER|GREEN|BLUE)\b")
RATED = {B, C}              # reports that carry a rating or assessment scale
RAG_STATUS_DOCS = {B}       # rag_status questions only on the BRAG report

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its number/prefix ----
BRAG = r"(?:BLUE|GREEN|AMBER|RED)"
HEADING = {
    A: re.compile(r"^(?:Q\d\. )?(Introduction|(?<=\. ).+)$"),
    B: re.compile(r"^(Why this report|The BRAG scale|Portfolio at a glance|Portfolio money|"
                  r"Asks of SCCB in one place|.+ — " + BRAG + r" \(Q3: " + BRAG + r"\))$"),
    C: re.compile(r"^(?:Objective \d: )?(Summary|Scenario|Timeline of key events|What went well|"
                  r"Lessons identified and actions|Next exercise|(?<=: ).+)$"),
}


def is_heading(name, line):
    m = HEADING[name].match(line)
    if not m or line[-1] in ".,;:" or len(line.split()) > 14:
        return None
    if name == A and not (line == "Introduction" or re.match(r"^Q\d\. ", line)):
        return None
    if name == C and ":" in line and not re.match(r"^Objective \d: ", line):
        return None
    return m.group(1)


def headings(name, text):
    """Return [(offset in collapsed text, heading text without number)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        h = is_heading(name, line)
        if h:
            out.append((start, h))
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


def sections(text, pattern):
    """Split text into [(heading line, body lines)] at lines matching pattern."""
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if re.match(pattern, line):
            out.append((line, []))
        elif out and line:
            out[-1][1].append(line)
    return out


def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "no": 0}

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
    if not name.startswith(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-") if m else True:
        err(f"{name}: file name does not start with the YYYY-MM of its date line")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    if re.search(r"^(?:\d+\.\d|[A-Z]\. |Section \d|Part \w+|Item \d|\[\d\]|\d\) |Clause \d)", t, re.M):
        err(f"{name}: uses a heading numbering style of an earlier paper")
    if re.search(r"\.{4,}", t):
        err(f"{name}: dotted-leader layout is a shape already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # panel written questions: Q/asked-by/question/response blocks, no ratings
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: the panel-questions paper must contain no ratings")
    if re.search(r"\b(Met|Partly met|Not met|on track|off track)\b", t):
        err("A: the panel-questions paper must contain no status scale of any kind")
    blocks = sections(t, r"^Q\d\. ")
    nums = [int(re.match(r"Q(\d)", h).group(1)) for h, _ in blocks]
    if nums != list(range(1, len(blocks) + 1)) or len(blocks) != 7:
        err(f"A: want Q1..Q7 in order, found {nums}")
    m = re.search(r"(\w+) questions on collaboration were received", t)
    if not m or WORDNUM.get(m.group(1).lower()) != len(blocks):
        err("A: introduction's count of questions does not match the Q blocks")
    for h, body in blocks:
        labels = [l.split(":")[0] for l in body if re.match(r"^(Asked by|Question|Response): ", l)]
        if labels != ["Asked by", "Question", "Response"]:
            err(f"A: {h!r} must have Asked by / Question / Response lines in that order, got {labels}")
        if body and not re.match(r"^Asked by: Councillor .+ \(.+(Council)\)$", body[0]):
            err(f"A: {h!r} asker line malformed")
        q = next((l for l in body if l.startswith("Question: ")), "")
        if not q.endswith("?"):
            err(f"A: {h!r} question line must end with a question mark")

if B in texts:  # BRAG delivery report: rating in the heading, labelled lines, glance lists agree
    t = texts[B]
    for w in ("BLUE", "GREEN", "AMBER", "RED"):
        if not re.search(rf"^{w} – .+\.$", t, re.M):
            err(f"B: BRAG key line for {w} missing")
    projects = re.findall(r"^(.+) — (" + BRAG + r") \(Q3: (" + BRAG + r")\)$", t, re.M)
    if len(projects) != 7:
        err(f"B: {len(projects)} project headings, want 7")
    now = Counter(p[1] for p in projects)
    was = Counter(p[2] for p in projects)
    m = re.search(r"Of the seven projects, (\w+) is BLUE, (\w+) are GREEN, (\w+) are AMBER and (\w+) is RED\.", t)
    if not m or [WORDNUM[x] for x in m.groups()] != [now[k] for k in ("BLUE", "GREEN", "AMBER", "RED")]:
        err(f"B: glance counts do not match the project headings {dict(now)}")
    m = re.search(r"At quarter 3 there were (\w+) BLUE projects, (\w+) GREEN, (\w+) AMBER and (\w+) RED\.", t)
    if not m or [WORDNUM[x] for x in m.groups()] != [was[k] for k in ("BLUE", "GREEN", "AMBER", "RED")]:
        err(f"B: quarter 3 counts do not match the project headings {dict(was)}")
    for w in ("BLUE", "GREEN", "AMBER", "RED"):
        m = re.search(rf"^{w}: (.+)\.$", t, re.M)
        listed = sorted(x.strip().lower() for x in m.group(1).split(";")) if m else None
        want = sorted(p[0].lower() for p in projects if p[1] == w)
        if listed != want:
            err(f"B: glance list for {w} {listed} does not match headings {want}")
    order = {"BLUE": 0, "GREEN": 1, "AMBER": 2, "RED": 3}
    for name_, cur, prev in projects:
        short = re.escape(" ".join(name_.split()[:3]))
        moved = re.search(rf"{short}[^()]*\({prev} to {cur}\)", t, re.I)
        if cur != prev and cur != "BLUE" and not moved:
            err(f"B: {name_!r} moved {prev}->{cur} but the glance does not say so")
        if cur == prev and re.search(rf"{short}[^()]*\({BRAG} to {BRAG}\)", t, re.I):
            err(f"B: {name_!r} is unchanged but the glance says it moved")
    asks = 0
    split = r"^(?:.+ — " + BRAG + r" \(Q3: |Portfolio money$|Asks of SCCB in one place$)"
    for h, body in [s for s in sections(t, split) if " — " in s[0]]:
        labels = [l.split(":")[0] for l in body]
        if labels != ["Lead", "Where we are", "What changed this quarter", "Next quarter", "Ask of SCCB"]:
            err(f"B: {h!r} labelled lines wrong: {labels}")
        ask = body[-1] if body else ""
        if not ask.startswith("Ask of SCCB: None"):
            asks += 1
    numbered = re.findall(r"^\d\. .+$", t, re.M)
    if len(numbered) < asks:
        err(f"B: {asks} projects have asks but only {len(numbered)} numbered asks are listed")

if C in texts:  # exercise debrief: timeline, objectives with assessments, lessons with owners
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: the debrief uses Met/Partly met/Not met, not RAG words")
    tl = re.findall(r"^(\d\d:\d\d) (.+)$", t, re.M)
    times = [minutes(x) for x, _ in tl]
    if len(tl) < 12 or times != sorted(times):
        err(f"C: timeline has {len(tl)} lines or is not in time order")
    ev = {txt: minutes(hm) for hm, txt in tl}

    def at(fragment):
        hit = [v for k, v in ev.items() if fragment in k]
        if len(hit) != 1:
            err(f"C: timeline entry containing {fragment!r} not found exactly once")
            return 0
        return hit[0]
    derived = {  # statement in the text -> minutes computed from the timeline
        "There were 14 minutes between the first declaration": at("Essex Police declares") - at("ECFRS declares"),
        "35 minutes after the first METHANE message": at("first joint call") - at("METHANE"),
        "within 31 minutes of the first arrival": at("forward command post") - at("first ECFRS appliance"),
        "one hour and 21 minutes after the first appliance arrived": at("interoperability talkgroup") - at("first ECFRS appliance"),
    }
    for phrase, mins in derived.items():
        said = re.search(r"(\d+) minutes", phrase)
        said = 60 + int(said.group(1)) if phrase.startswith("one hour") else int(said.group(1))
        if phrase not in t or said != mins:
            err(f"C: {phrase!r} does not agree with the timeline ({mins} minutes)")
    objs = sections(t, r"^Objective \d: ")
    if [int(re.match(r"Objective (\d)", h).group(1)) for h, _ in objs] != list(range(1, 6)):
        err("C: want Objectives 1..5 in order")
    grades = []
    for h, body in objs:
        m = re.match(r"^Assessment: (Met|Partly met|Not met)\.$", body[0]) if body else None
        if not m:
            err(f"C: {h!r} must open with an Assessment line")
        else:
            grades.append(m.group(1))
    g = Counter(grades)
    m = re.search(r"(\w+) objectives were met, (\w+) were partly met and (\w+) was not met", t)
    if not m or [WORDNUM[x.lower()] for x in m.groups()] != [g["Met"], g["Partly met"], g["Not met"]]:
        err(f"C: summary counts do not match the assessments {dict(g)}")
    lessons = re.findall(r"^L(\d)\. .+ Owner: .+\. By \d{1,2} \w+ \d{4}\.$", t, re.M)
    if [int(x) for x in lessons] != list(range(1, len(lessons) + 1)) or len(lessons) < 6:
        err(f"C: lessons must be L1.. in order with an owner and a date, found {lessons}")
    m = re.search(r"(\w+) lessons were identified, and (\w+) of them", t)
    rest = re.search(r"The (\w+) remaining lessons", t)
    if not m or WORDNUM[m.group(2)] != len(lessons) or not rest or \
            WORDNUM[m.group(1).lower()] != len(lessons) + WORDNUM[rest.group(1)]:
        err("C: lesson counts in the summary do not match the lessons list")

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
if ids != [f"{PREFIX}-{i:03d}" for i in range(1, len(qs) + 1)]:
    err(f"ids must be {PREFIX}-001.. in order, unique and sequential")
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
    if q["category"] in ("rag_status", "rag_reason") and target not in RATED:
        err(f"{qid}: rating question on a report without ratings")
    if q["category"] == "rag_status" and target not in RAG_STATUS_DOCS:
        err(f"{qid}: rag_status questions target only the BRAG report")
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injections in this set all ask a real question too (answerable true)")
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
        if re.match(r"^(\d|Q\d|Objective \d|L\d)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number")
        cq = collapse(quote).strip()
        nw = len(cq.split())
        if not QUOTE_WORDS[0] <= nw <= QUOTE_WORDS[1]:
            err(f"{qid}: quote has {nw} words, want {QUOTE_WORDS}: {quote!r}")
        offs = [m.start() for m in re.finditer(re.escape(cq), full[doc])]
        if not offs:
            err(f"{qid}: quote not in {doc}: {quote!r}")
            continue
        if not any(s <= o and o + len(cq) <= e for o in offs for s, e in spans[doc]):
            err(f"{qid}: quote {quote!r} spans more than one line")
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

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
