#!/usr/bin/env python3
"""Validate evals/new_documents23: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.

Run:  python3 evals/new_documents23/check.py
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
    "2025-11-hothouse-series-six-innovation-review.txt": "20 November 2025",
    "2026-04-7-force-network-priorities-workshop.txt": "23 April 2026",
    "2026-09-joint-data-centre-failover-test-report.txt": "10 September 2026",
}
A, B, C = list(DOCS)
PREFIX = "nd23"
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
COPY_NGRAM = 8                  # a question may not copy this many consecutive report words
DATE_RANGE = ((2025, 1), (2027, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
# exact category counts for this set (60 in all)
CATEGORY_COUNT = {"numbers": 11, "people": 6, "dates": 7, "lists": 6, "rag_status": 3, "rag_reason": 3,
                  "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "latest": 3,
                  "unanswerable": 9}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green|red|amber|green)\b")
WORDNUM = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
PLAIN = r"[A-Z][^:.;,?!]*[^:.;,?!\s]"
HEADING = {
    A: re.compile(r"^(?:[ivx]+\) |Idea 6\.\d: )(.+)$"),
    B: re.compile(r"^(?:Session \d \(\d\d:\d\d–\d\d:\d\d\): (.+)|(" + PLAIN + r"))$"),
    C: re.compile(r"^\*\*(?:Test \d – )?(.+?)\*\*$"),
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
            out.append((start, next(g for g in m.groups() if g)))
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
    return float(s.replace("£", "").replace(",", ""))


def section_text(t, heading_line):
    """Text from a heading line (exact) to the next blank-line-separated heading of the same doc."""
    i = t.find("\n" + heading_line + "\n")
    if i < 0:
        return ""
    return t[i + len(heading_line) + 2:]


def sections(name, text):
    """{heading text: body text} using the report's heading pattern."""
    out, cur, buf = {}, "", []
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        m = HEADING[name].match(line) if i >= 2 and line else None
        if m and len(line.split()) <= 10 and line[-1] not in ".,;:":
            out[cur] = "\n".join(buf)
            cur, buf = next(g for g in m.groups() if g), []
        else:
            buf.append(raw)
    out[cur] = "\n".join(buf)
    return out


def need(cond, msg):
    if not cond:
        err(msg)


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
    elif not name.startswith(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-"):
        err(f"{name}: file name does not start with the date's YYYY-MM")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    if re.search(r"\S {3,}\S", t):
        err(f"{name}: space-aligned columns are a shape already used")
    if re.search(r"^(#|==|>>|■|»|▸|◆|§|\[)", t, re.M):
        err(f"{name}: heading glyph already used by another set")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

# ---- A: Hothouse review (TRL scale + recommendations) -------------------------------
if A in texts:
    t = texts[A]
    secs = sections(A, t)
    for h, body in secs.items():
        if RAG_WORDS.search(body) and h not in ("The partnership in 2025", "Decisions"):
            err(f"A: RAG word outside the programme-rating sections, under {h!r}")
    need(re.search(r"^Status: For decision$", t, re.M), "A: cover status line missing")
    roman = re.findall(r"^([ivx]+)\) ", t, re.M)
    need(roman == "i ii iii iv v vi vii viii ix".split(), f"A: roman headings {roman} not i..ix")
    ideas = re.findall(
        r"^Idea (6\.\d): (.+)\n\nReadiness: TRL (\d) \(March 2025 pitch: TRL (\d)\)\. "
        r"Recommendation: (Adopt|Extend trial|Return to sponsor|Stop)\.$", t, re.M)
    need([i[0] for i in ideas] == [f"6.{k}" for k in range(1, 7)], f"A: ideas 6.1-6.6 with readiness lines, got {[i[0] for i in ideas]}")
    band = lambda trl: "concept" if trl <= 3 else "prototype" if trl <= 6 else "operational"
    now = Counter(band(int(i[2])) for i in ideas)
    pitch = Counter(band(int(i[3])) for i in ideas)
    m = re.search(r"(\w+) ideas had reached operational readiness, (\w+) were at prototype stage and (\w+) remained at concept stage", t)
    need(m and [WORDNUM[x] for x in m.groups()] == [now["operational"], now["prototype"], now["concept"]],
         f"A: band sentence disagrees with readiness lines {dict(now)}")
    m = re.search(r"At the March 2025 pitch (\w+) were at concept stage and (\w+) at prototype stage", t)
    need(m and [WORDNUM[x] for x in m.groups()] == [pitch["concept"], pitch["prototype"]] and pitch["operational"] == 0,
         f"A: pitch band sentence disagrees {dict(pitch)}")
    if ideas:
        avg_now = sum(int(i[2]) for i in ideas) / len(ideas)
        avg_pitch = sum(int(i[3]) for i in ideas) / len(ideas)
        need(f"rose from {avg_pitch:.1f} to {avg_now:.1f}" in t, f"A: average sentence should read {avg_pitch:.1f} -> {avg_now:.1f}")
        up = sum(int(i[2]) > int(i[3]) for i in ideas)
        same = sum(int(i[2]) == int(i[3]) for i in ideas)
        m = re.search(r"(\w+) ideas moved up and (\w+) did not move", t)
        need(m and [WORDNUM[x] for x in m.groups()] == [up, same], "A: movement sentence disagrees")
        rec = defaultdict(list)
        for i in ideas:
            rec[i[4]].append(i[0])
        need(rec["Adopt"] == ["6.1", "6.5"] and "adopt Idea 6.1 (drone-first search) and Idea 6.5" in t, "A: adopt decision disagrees")
        need(rec["Extend trial"] == ["6.2", "6.6"] and "extend Ideas 6.2 and 6.6" in t, "A: extend decision disagrees")
        need(rec["Return to sponsor"] == ["6.3"] and rec["Stop"] == ["6.4"] and "return Idea 6.3 to its sponsor and stop Idea 6.4" in t,
             "A: return/stop decision disagrees")
        need("adopt two ideas into business as usual, extend two trials to 31 March 2026, return one idea to its sponsor and stop one" in t,
             "A: purpose summary disagrees with recommendations")
    # attendance
    m = re.search(r"94 people from 38 organisations: 31 from Essex Police, 9 from ECFRS, 6 from Kent Police, 11 from Essex County Council, "
                  r"14 from the two universities \(8 University of Essex, 6 Anglia Ruskin\), 7 from the NHS, 10 from BT and 6 from", t)
    need(m and 31 + 9 + 6 + 11 + 14 + 7 + 10 + 6 == 94 and 8 + 6 == 14, "A: attendance does not add up")
    # money
    fund = re.search(r"trial fund was (£[\d,]+): (£[\d,]+) from Essex Police, (£[\d,]+) from Essex County Council and (£[\d,]+) from ECFRS", t)
    need(fund and money(fund[1]) == sum(money(x) for x in fund.groups()[1:]), "A: fund contributions do not add up")
    alloc = re.search(r"allocated (£[\d,]+) across the six trials \((.+?)\) and held (£[\d,]+) back", t)
    if alloc and fund:
        parts = re.findall(r"6\.\d (£[\d,]+)", alloc[2])
        need(len(parts) == 6 and sum(map(money, parts)) == money(alloc[1]), "A: trial allocations do not add up")
        need(money(alloc[1]) + money(alloc[3]) == money(fund[1]), "A: allocated + held back != fund")
    else:
        err("A: allocation sentence missing")
    sp = re.search(r"Actual spend was (£[\d,]+), so (£[\d,]+) of the fund is unspent", t)
    need(sp and fund and money(fund[1]) - money(sp[1]) == money(sp[2]), "A: spend/unspent arithmetic")
    ext = re.search(r"extensions \((£[\d,]+) and (£[\d,]+), (£[\d,]+) together\) can be met from the unspent (£[\d,]+), leaving (£[\d,]+)", t)
    need(ext and money(ext[1]) + money(ext[2]) == money(ext[3]) and money(ext[4]) - money(ext[3]) == money(ext[5])
         and sp and money(ext[4]) == money(sp[2]), "A: extension arithmetic")
    need("at £21,000 would test" in t and "at £8,000 would add" in t, "A: extension costs in idea text must match money section")
    need(86000 * 0.6 == 51600 and 86000 * 0.4 == 34400 and "shared 60:40 between Essex Police (£51,600) and ECFRS (£34,400)" in t,
         "A: drone cost split")
    need("shared equally by the two forces (£56,000 each)" in t and "£112,000 a year" in t, "A: forecasting cost split")
    need("£107,600 a year (£51,600 plus £56,000)" in t, "A: Essex adoption share")
    need(len(re.findall(r"^\d\. ", t, re.M)) == 5, "A: want five numbered decisions")
    need(len(re.findall(r"Owner: ", t)) == 3, "A: want three owned risks")

# ---- B: 7 Force Network workshop output (Now / Next / Later) --------------------------
if B in texts:
    t = texts[B]
    secs = sections(B, t)
    for h, body in secs.items():
        if RAG_WORDS.search(body) and h != "The Network at four years old":
            err(f"B: RAG word outside the Network-status section, under {h!r}")
    sess = re.findall(r"^Session (\d) \((\d\d):(\d\d)–(\d\d):(\d\d)\): ", t, re.M)
    need([s[0] for s in sess] == list("12345"), "B: sessions 1-5 in order")
    last = 0
    for s in sess:
        a_, b_ = int(s[1]) * 60 + int(s[2]), int(s[3]) * 60 + int(s[4])
        need(last <= a_ < b_, f"B: session {s[0]} times overlap or run backwards")
        last = b_
    forces = re.search(r"Bedfordshire (\d+), Cambridgeshire (\d+), Essex (\d+), Hertfordshire (\d+), Kent (\d+), Norfolk (\d+) and Suffolk (\d+)", t)
    if forces:
        f = list(map(int, forces.groups()))
        need(sum(f) == 54 and "Fifty-four delegates" in t, "B: delegates by force do not add up to 54")
        need("Two members of the Network Office ran the room and did not vote, making 56 in all" in t and "56 people" in t, "B: 54 + 2 = 56")
        need(f"which gives {5 * sum(f)} dots in total" in t, "B: dots total")
        need(f"23 of their {f[2] * 5} dots" in t, "B: Essex dots")
    else:
        err("B: delegates by force missing")
    notes = re.search(r"There were (\d+) notes: (\d+) start, (\d+) stop and (\d+) continue", t)
    need(notes and int(notes[1]) == sum(map(int, notes.groups()[1:])) and "212 start, stop and continue notes" in t, "B: notes")
    stops = list(map(int, re.findall(r"\((\d+) notes\)[;.]", t)))
    need(len(stops) == 3 and stops == sorted(stops, reverse=True) and notes and f"took {sum(stops)} of the {notes[3]} stop notes" in t,
         "B: stop themes")
    dots = re.findall(r"^(\d)\. .+ – (\d+) dots\.$", t, re.M)
    d = [int(x[1]) for x in dots]
    need([x[0] for x in dots] == list("12345678") and d == sorted(d, reverse=True), "B: eight ranked ideas")
    need(f"Together these took {sum(d)} of the 270 dots" in t and f"shared the remaining {270 - sum(d)}" in t
         and f"The other {26 - len(d)} ideas" in t and (270 - sum(d)) <= (26 - len(d)) * 6 and d and d[-1] > 6,
         "B: dot arithmetic")
    hz = re.findall(r"^- (.+?): (Now|Next|Later) \(January draft: (Now|Next|Later|not in plan)\)\. Sponsor: (.+)\.$", t, re.M)
    need(len(hz) == 8, f"B: {len(hz)} horizon lines, want 8")
    cnt = Counter(h[1] for h in hz)
    need("Three ideas are placed Now, three Next and two Later" in t and (cnt["Now"], cnt["Next"], cnt["Later"]) == (3, 2 + 1, 2),
         f"B: horizon counts {dict(cnt)}")
    need("sponsors of the three Now ideas" in t and "sponsors of the three Next ideas" in t, "B: asks refer to the counts")
    essex = [h for h in hz if h[3] == "Essex Police"]
    need(len(essex) == 2 and all(h[1] == "Next" for h in essex) and "Essex sponsors two of the eight ideas" in t and "both placed Next" in t,
         "B: Essex sponsorship")
    moved = {h[0]: (h[2], h[1]) for h in hz}
    need(moved.get("Occupational health framework") == ("Now", "Later") and "Occupational health moved back to Later" in t, "B: OH move")
    need(moved.get("Custody healthcare contract") == ("Later", "Next") and "Custody healthcare moved forward" in t, "B: custody move")
    need(round(3480000 * 0.19) == 661200 and "£3,480,000" in t and "Essex pays 19% of it, £661,200" in t, "B: Essex budget share")
    need("Of the 14 projects in the 2025/26 plan, 9 were completed, 3 were carried forward and 2 were closed early" in t and 9 + 3 + 2 == 14,
         "B: project counts")
    need("returned by 41 of the 54 delegates" in t and max(35, 29, 12) <= 41, "B: feedback counts")
    need(len(re.findall(r"^\d\. (?:Confirm|Adopt|Ask)", t, re.M)) == 4, "B: four asks")

# ---- C: DR failover test report (Pass / Pass with observations / Fail / Not run) -------
if C in texts:
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: failover report must contain no RAG words")
    SCALE = "Pass with observations|Pass|Fail|Not run"
    tests = re.findall(r"^\*\*Test (\d) – (.+)\*\*\n\n(?:(Target: .+) )?Result: (" + SCALE + r") \(2025: (" + SCALE + r")\)\.$", t, re.M)
    need([x[0] for x in tests] == list("12345678"), f"C: tests 1-8 with result lines, got {[x[0] for x in tests]}")

    def minutes(s):
        h = re.search(r"(\d+) hours?", s)
        m_ = re.search(r"(\d+) minutes?", s)
        return (int(h[1]) * 60 if h else 0) + (int(m_[1]) if m_ else 0)

    for no, name, target, now, before in tests:
        if now == "Not run":
            need(not target, f"C: test {no} not run but has a target line")
            continue
        m = re.match(r"Target: RTO (.+?); RPO (.+?)\. Achieved: (.+?)(?:, (no data lost|RPO met))?\.$", target)
        if not m:
            err(f"C: test {no} target line malformed: {target!r}")
            continue
        rto, achieved = minutes(m[1]), minutes(m[3])
        need((achieved > rto) == (now == "Fail"), f"C: test {no}: achieved {achieved} v RTO {rto} but result {now}")
    c26, c25 = Counter(x[3] for x in tests), Counter(x[4] for x in tests)
    need(f"2026: {c26['Pass']} Pass, {c26['Pass with observations']} Pass with observations, {c26['Fail']} Fail, {c26['Not run']} Not run. "
         f"2025: {c25['Pass']} Pass, {c25['Pass with observations']} Pass with observations, {c25['Fail']} Fail." in t and not c25["Not run"],
         "C: results-in-brief counts disagree with the tests")
    need(f"Four passed, two passed with observations, one failed and one was not run" in t
         and (c26["Pass"], c26["Pass with observations"], c26["Fail"], c26["Not run"]) == (4, 2, 1, 1), "C: summary counts")
    order = {"Fail": 0, "Pass with observations": 1, "Pass": 2}
    better = [x[1] for x in tests if x[3] != "Not run" and order[x[3]] > order[x[4]]]
    worse = [x[1] for x in tests if x[3] != "Not run" and order[x[3]] < order[x[4]]]
    same = [x[1] for x in tests if x[3] == x[4]]
    need(better == ["Identity and sign-on", "Digital evidence store (DAMS)"] and worse == ["Athena local interfaces"] and len(same) == 4,
         f"C: movements better={better} worse={worse} same={len(same)}")
    need("Two service groups did better than in 2025 (identity and sign-on, and the digital evidence store), one did worse "
         "(Athena local interfaces), four were unchanged and one, the ANPR back office, cannot be compared" in t, "C: movement sentence")
    need("came back 47 minutes later than their two-hour target" in t and minutes("2 hours 47 minutes") - 120 == 47, "C: Athena overrun")
    need("five minutes inside the RTO" in t and 240 - minutes("3 hours 55 minutes") == 5, "C: DAMS headroom")
    need("costs £2,760,000 a year, shared 55:45 between Kent Police (£1,518,000) and Essex Police (£1,242,000)" in t
         and 1518000 + 1242000 == 2760000 and round(2760000 * 0.55) == 1518000, "C: contract split")
    need("£18,900, shared 55:45: £10,395 for Kent and £8,505 for Essex" in t and 10395 + 8505 == 18900 and round(18900 * 0.45) == 8505,
         "C: overtime split")
    need("Thirty-seven staff worked on the test weekend: 16 from Kent, 15 from Essex and 6 from Halcyon Hosting" in t and 16 + 15 + 6 == 37,
         "C: staff")
    need("back-entered 63 incidents afterwards (Essex 38, Kent 25)" in t and 38 + 25 == 63, "C: back-entered incidents")
    need("covering 286 of the 412 services" in t and "the other 126 services" in t and 286 + 126 == 412, "C: services in scope")
    need(len(re.findall(r"^- .+\(.+, by \d{1,2} \w+ 20\d\d\)\.$", t, re.M)) == 4, "C: four owned, dated actions")
    need(t.count("14 November 2026") >= 3, "C: retest date consistent")

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


def words(s):
    return re.findall(r"[a-z0-9£%]+(?:[.,:'’-][a-z0-9]+)*", s.lower())


report_ngrams = set()
for t in texts.values():
    w = words(t)
    report_ngrams |= {tuple(w[i:i + COPY_NGRAM]) for i in range(len(w) - COPY_NGRAM + 1)}
all_reports = " ".join(full.values()).lower()

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
    for text in [q["question"]] + [h for h in q["history"] if isinstance(h, str)]:
        w = words(text)
        for i in range(len(w) - COPY_NGRAM + 1):
            if tuple(w[i:i + COPY_NGRAM]) in report_ngrams:
                err(f"{qid}: copies {COPY_NGRAM}+ consecutive words from a report: {' '.join(w[i:i + COPY_NGRAM])!r}")
                break
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
        if collapse(bad).lower() in all_reports:
            err(f"{qid}: must_not_contain {bad!r} occurs in a report")
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions in this set all carry a real question")
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
        if re.match(r"^(\d|[ivx]+\)|Idea 6|Session \d|Test \d|\*)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number or prefix")
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
    for c in ("latest", "rag_status", "rag_reason", "injection", "followup", "typo", "comparison"):
        if cats[c] < 1:
            err(f"{name}: no {c} question")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in CATEGORY_COUNT.items():
    if overall[c] != k:
        err(f"category {c}: {overall[c]} questions, want {k}")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
