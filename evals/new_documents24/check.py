#!/usr/bin/env python3
"""Validate evals/new_documents24: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents24/check.py
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
    "2025-12-shared-estate-condition-survey.txt": "4 December 2025",
    "2026-06-7f-firearms-initial-course-evaluation.txt": "17 June 2026",
    "2026-10-leds-integration-pi7-review.txt": "8 October 2026",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PREFIX = "nd24"
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # 15%: 3 of 20 per report
WORDS_RANGE = (900, 1800)
QUOTE_WORDS = (4, 12)
COPY_RUN = 8                    # no run of this many words copied from a report into a question
DATE_RANGE = ((2025, 6), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
# exact counts overall, and each of these categories must appear for every report
CATEGORY_COUNTS = {"numbers": 12, "people": 6, "dates": 6, "lists": 6, "rag_status": 3,
                   "rag_reason": 3, "comparison": 3, "latest": 3, "typo": 3, "followup": 3,
                   "injection": 3, "unanswerable": 9}
RAG_WORDS = re.compile(r"\b(RAG|[Rr]ed|[Aa]mber|[Gg]reen)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def pct(a, b, nd=1):
    return round(100.0 * a / b, nd)


def money(s):
    return int(s.replace("£", "").replace(",", ""))


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
HEADING = {
    A: re.compile(r"^(Summary|Background|How sites are graded|Sites at a glance|Money|Risks|"
                  r"Decisions requested|.+ Fire Station) ?(?:\(PF0\d\))?$"),
    B: re.compile(r"^(?:Level \d – )?(Why this evaluation was done|What changed in April 2024|"
                  r"Judgement scale|Results at a glance|Reaction|Learning|Behaviour|Results|"
                  r"Results by delivery centre|Fairness of the test|Cost|Recommendations)$"),
    C: re.compile(r"^(?:P7\.\d )?(Summary|Where LEDS stands|How objectives are scored|"
                  r"Objectives at a glance|Velocity|Benefits seen so far|Impediments|"
                  r"Confidence vote for PI 8|Money|Asks of the Board|(?<=\d ).+)$"),
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
            out.append((start, m.group(1).strip()))
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


def section_body(text, heading):
    """Text of the section under the heading line `heading`, up to the next heading of that report."""
    name = next(n for n, t in texts.items() if t is text)
    lines, out, on = text.split("\n"), [], False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if on and i >= 2 and line and HEADING[name].match(line) and len(line.split()) <= 10 \
                and line[-1] not in ".,;:":
            break
        if on:
            out.append(raw)
        if line == heading:
            on = True
    return "\n".join(out)


def between(text, start, end=None):
    i = text.find("\n" + start + "\n")
    if i < 0:
        return ""
    j = text.find("\n" + end + "\n", i + 1) if end else len(text)
    return text[i:j if j > 0 else len(text)]


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
    if re.search(r"^(?:#|==|»|▸|◆|■|§|\[|\*\*|>>|Section \d|Part [A-Z0-9]|Clause|Workstream|Tab \d|Slide)",
                 t, re.M):
        err(f"{name}: uses a heading style of an earlier set")
    # every date written in the body must be a real day-month-year
    for d, mo, y in re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", t):
        if int(d) > 31:
            err(f"{name}: impossible date {d} {mo} {y}")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

# ---- A: estate condition survey --------------------------------------------
if A in texts:
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: condition survey must contain no RAG words")
    for field in ("Report to:", "Report by:", "Sponsor:", "Survey firm:", "Survey visits:", "Status:"):
        if not re.search(r"^" + re.escape(field) + " ", t, re.M):
            err(f"A: cover field {field!r} missing")
    GRADES = "ABCD"
    for g, word in zip(GRADES, ("Good", "Satisfactory", "Poor", "Bad")):
        if not re.search(rf"^- {g} – {word}: ", t, re.M):
            err(f"A: grade key line for {g} – {word} missing")
    row = re.compile(r"^(.+?) \((PF0\d)\) {2,}([A-D]) {2,}([A-D]|not surveyed) {2,}([\d,]+) {2,}([\d,]+) {2,}([\d,]+)$")
    table = {}
    for l in t.split("\n"):
        m = row.match(l)
        if m:
            table[m.group(2)] = (m.group(1), m.group(3), m.group(4), *(money(x) for x in m.groups()[4:]))
    tot = re.search(r"^Total {2,}([\d,]+) {2,}([\d,]+) {2,}([\d,]+)$", t, re.M)
    if len(table) != 6 or not tot:
        err(f"A: site table has {len(table)} rows (want 6) and total row {'found' if tot else 'missing'}")
    else:
        for k in range(3):
            if sum(r[3 + k] for r in table.values()) != money(tot.group(1 + k)):
                err(f"A: site table column {k + 1} does not add up to the total row")
    shares_p1 = 0
    for code, (site, g25, g22, backlog, p1, share) in table.items():
        head = f"{site} Fire Station ({code})"
        body = section_body(t, head)
        if not body:
            err(f"A: no section {head!r}")
            continue
        m = re.search(r"^Use: .+Police share of floor area: (\d+)%\.$", body, re.M)
        if not m:
            err(f"A: {code} lacks a Use line with the police share of floor area")
            continue
        p = int(m.group(1))
        if backlog * p != share * 100:
            err(f"A: {code}: police share {share} != {p}% of {backlog}")
        shares_p1 += p1 * p / 100
        m = re.search(r"^Condition grade: ([A-D]) \((?:2022: ([A-D])|(not surveyed) in 2022)\)\.", body, re.M)
        if not m or m.group(1) != g25 or (m.group(2) or m.group(3)) != g22:
            err(f"A: {code}: condition grade line does not agree with the table")
        b = re.search(r"^Backlog: (£[\d,]+), (?:of which priority 1 (£[\d,]+)|none of it priority 1)", body, re.M)
        if not b or money(b.group(1)) != backlog or (money(b.group(2)) if b.group(2) else 0) != p1:
            err(f"A: {code}: backlog line does not agree with the table")
        if f"Police share: £{share:,}." not in body:
            err(f"A: {code}: police share line does not agree with the table")
        if not re.search(r"^Compliance: (Compliant|Actions open|Non-compliant)\.", body, re.M):
            err(f"A: {code}: compliance line missing or off the scale")
        if not re.search(r"^Site lead: .+\.$", body, re.M):
            err(f"A: {code}: site lead missing")
    if table:
        cnt = Counter(r[1] for r in table.values())
        words = {1: "One", 2: "two", 3: "three", 0: "no"}
        want = (f"{words[cnt['A']].capitalize()} site is in good condition (grade A), {words[cnt['B']]} are "
                f"satisfactory (grade B), {words[cnt['C']]} are poor (grade C) and {words[cnt['D']].lower()} "
                f"is bad (grade D)")
        if want not in t:
            err(f"A: summary grade counts do not agree with the table (want {want!r})")
        prev = Counter(r[2] for r in table.values() if r[2] != "not surveyed")
        if f"three of the five sites then surveyed were graded B and two were graded C" not in t \
                or prev != Counter({"B": 3, "C": 2}):
            err("A: summary 2022 counts do not agree with the table")
        worse = sorted(r[0] for r in table.values() if r[2] in GRADES and r[1] > r[2])
        better = [r[0] for r in table.values() if r[2] in GRADES and r[1] < r[2]]
        said = sorted(s for s, a, b_ in re.findall(r"(Manningtree|Saffron Walden|Corringham|Frinton|"
                                                    r"Burnham-on-Crouch) from ([A-D]) to ([A-D])", t))
        if said != worse or better or "No site improved." not in t:
            err(f"A: worsened/improved summary does not agree with the table ({worse}, {better})")
        total = sum(r[3] for r in table.values())
        police = sum(r[5] for r in table.values())
        p1tot = sum(r[4] for r in table.values())
        if f"The total backlog of £{total:,} splits £{police:,} to Essex Police and £{total - police:,} to ECFRS" not in t:
            err("A: backlog split sentence does not agree with the table")
        if f"the police share is £{round(shares_p1):,} and the ECFRS share £{p1tot - round(shares_p1):,}" not in t:
            err("A: priority 1 split does not agree with the site shares")
        m = re.search(r"budget for 2026/27 holds (£[\d,]+), which leaves a gap of (£[\d,]+)", t)
        if not m or money(m.group(1)) + money(m.group(2)) != p1tot:
            err("A: minor works budget + gap != priority 1 total")
        else:
            gap = money(m.group(2))
            if f"£{gap * 70 // 100:,} and £{gap * 30 // 100:,}" not in t:
                err("A: 70:30 gap split wrong")
        new = sum(r[3] for r in table.values() if r[2] == "not surveyed")
        m = re.search(r"backlog has risen from (£[\d,]+) in 2022 to (£[\d,]+) now, an increase of (\d+)%", t)
        if not m or money(m.group(2)) != total - new or \
                round(100 * (money(m.group(2)) - money(m.group(1))) / money(m.group(1))) != int(m.group(3)):
            err("A: five-site backlog comparison wrong")
        bad = len(re.findall(r"^Compliance: (?:Actions open|Non-compliant)\.", t, re.M))
        if f"{len(table) * 5 - bad} of the {len(table) * 5} statutory checks were in date" not in t:
            err("A: statutory checks count does not agree with the compliance lines")
    if "£21,400, shared equally (£10,700 each)" not in t:
        err("A: survey cost split missing or wrong")
    if [int(x) for x in re.findall(r"^(\d)\. ", t, re.M)] != [1, 2, 3, 4]:
        err("A: want four numbered decisions")
    if len(re.findall(r"^- .+ Owner: .+\.$", t, re.M)) != 3:
        err("A: want three owned risks")

# ---- B: Kirkpatrick training evaluation -------------------------------------
if B in texts:
    t = texts[B]
    SCALE = ["Not effective", "Partially effective", "Effective", "Highly effective"]
    allowed = between(t, "Why this evaluation was done", "What changed in April 2024")
    if RAG_WORDS.search(t.replace(allowed, "")) or not RAG_WORDS.search(allowed):
        err("B: RAG words must appear only in 'Why this evaluation was done' (the seed workstream's rating)")
    for s in SCALE:
        if not re.search(rf"^- {s}: ", t, re.M):
            err(f"B: scale key line for {s!r} missing")
    names = ["Reaction", "Learning", "Behaviour", "Results"]
    levels = {}
    for i, nm in enumerate(names, 1):
        body = section_body(t, f"Level {i} – {nm}")
        m = re.match(r"\s*Judgement: (.+?) \(2023/24: (.+?)\)\.\n", body)
        if not m or m.group(1) not in SCALE or m.group(2) not in SCALE:
            err(f"B: Level {i} does not open with a judgement line on the scale")
            continue
        levels[nm] = (m.group(1), m.group(2))
        if f"- Level {i} {nm}: {m.group(1)} (2023/24: {m.group(2)})." not in t:
            err(f"B: glance line for Level {i} does not agree with its section")
    if len(levels) == 4:
        up = [n for n, (a, b_) in levels.items() if SCALE.index(a) > SCALE.index(b_)]
        same = [n for n, (a, b_) in levels.items() if a == b_]
        if len(up) != 3 or same != ["Behaviour"] or "Three levels improved and one, Behaviour, is unchanged." not in t:
            err("B: movement sentence does not agree with the levels")
        if any(a in ("Partially effective", "Not effective") for a, _ in levels.values()):
            err("B: 'No level was judged Partially effective or Not effective' is false")
    # course results
    rows = re.findall(r"^- (.+?): (\d+) started, (\d+) passed, ([\d.]+)%\.$", t, re.M)
    if len(rows) != 4:
        err(f"B: {len(rows)} delivery-centre lines, want 4")
    for c, s, p, r in rows:
        if pct(int(p), int(s)) != float(r):
            err(f"B: {c}: {p}/{s} is not {r}%")
    st, ps = sum(int(r[1]) for r in rows), sum(int(r[2]) for r in rows)
    m = re.search(r"Of (\d+) starters, (\d+) passed the course \(([\d.]+)%\), against (\d+) of (\d+) in 2023/24 \(([\d.]+)%\)", t)
    if not m:
        err("B: headline pass-rate sentence missing")
    else:
        s1, p1, r1, p0, s0, r0 = m.groups()
        if (int(s1), int(p1)) != (st, ps) or pct(ps, st) != float(r1) or pct(int(p0), int(s0)) != float(r0):
            err("B: headline pass rates do not agree with the centre lines")
        f1, f0 = st - ps, int(s0) - int(p0)
        m2 = re.search(r"Of the (\d+) students who did not pass, (\d+) withdrew .+ and (\d+) failed a final assessment \(2023/24: (\d+) and (\d+)\)", t)
        if not m2 or int(m2.group(1)) != f1 or int(m2.group(2)) + int(m2.group(3)) != f1 \
                or int(m2.group(4)) + int(m2.group(5)) != f0:
            err("B: non-pass breakdown does not add up")
        m3 = re.search(r"failure rate fell from ([\d.]+)% to ([\d.]+)%\. At the old rate about (\d+) of the (\d+) starters would have failed; (\d+) did, so (\d+) fewer", t)
        if not m3 or float(m3.group(1)) != pct(f0, int(s0)) or float(m3.group(2)) != pct(f1, st) \
                or int(m3.group(3)) != round(st * f0 / int(s0)) or int(m3.group(5)) != f1 \
                or int(m3.group(6)) != int(m3.group(3)) - f1:
            err("B: failure-rate arithmetic wrong")
        elif "At £14,600 per place this is worth about £" + f"{int(m3.group(6)) * 14600:,}" not in t:
            err("B: value of places saved wrong")
        m4 = re.search(r"All (\d+) students .+ and (\d+) replied \(([\d.]+)%\)", t)
        if not m4 or int(m4.group(1)) != st or pct(int(m4.group(2)), st) != float(m4.group(3)):
            err("B: survey response rate wrong")
    m = re.search(r"reviewed the (\d+) new AFOs .+ Of these, (\d+) \(([\d.]+)%\)", t)
    if not m or pct(int(m.group(2)), int(m.group(1))) != float(m.group(3)):
        err("B: Level 3 percentage wrong")
    m = re.search(r"(\d+) people sat the psychometric assessment and (\d+) passed \(([\d.]+)%\)\. Of the (\d+), (\d+) started a course in the year and (\d+) deferred", t)
    if not m:
        err("B: test results sentence missing")
    else:
        sat, passed = int(m.group(1)), int(m.group(2))
        if pct(passed, sat) != float(m.group(3)) or int(m.group(4)) != passed \
                or int(m.group(5)) + int(m.group(6)) != passed or int(m.group(5)) != st:
            err("B: test results arithmetic wrong")
        m2 = re.search(r"(\d+) of (\d+) \(([\d.]+)%\), against (\d+) of (\d+) male applicants \(([\d.]+)%\)\. The ratio of the two rates is ([\d.]+)", t)
        if not m2:
            err("B: female/male pass-rate sentence missing")
        else:
            fp, fs, fr, mp, ms, mr, ratio = m2.groups()
            if pct(int(fp), int(fs)) != float(fr) or pct(int(mp), int(ms)) != float(mr) \
                    or int(fp) + int(mp) != passed or int(fs) + int(ms) != sat \
                    or round(float(fr) / float(mr), 2) != float(ratio):
                err("B: female/male pass-rate arithmetic wrong")
        m3 = re.search(r"Testing cost £(\d+) per applicant, (£[\d,]+) in 2024/25.+Essex had (\d+) applicants, so its share was (£[\d,]+)", t)
        if not m3 or int(m3.group(1)) * sat != money(m3.group(2)) or int(m3.group(1)) * int(m3.group(3)) != money(m3.group(4)):
            err("B: testing cost arithmetic wrong")
    m = re.search(r"Of (\d+) applicants from ethnic minority backgrounds, (\d+) passed \(([\d.]+)%\)", t)
    if not m or pct(int(m.group(2)), int(m.group(1))) != float(m.group(3)):
        err("B: ethnic minority pass rate wrong")
    recs = re.findall(r"^Recommendation (\d): .+ Owner: .+\.$", t, re.M)
    if recs != ["1", "2", "3", "4", "5"]:
        err("B: want Recommendations 1-5, each with an owner")

# ---- C: programme increment review -----------------------------------------
if C in texts:
    t = texts[C]
    allowed = between(t, "Where LEDS stands", "How objectives are scored")
    if RAG_WORDS.search(t.replace(allowed, "")) or not RAG_WORDS.search(allowed):
        err("C: RAG words must appear only under 'Where LEDS stands' (the seed workstream's rating)")

    def outcome(a, p):
        r = a / p
        return "Achieved" if r >= 0.8 else "Partly achieved" if r >= 0.4 else "Not achieved"

    glance = re.findall(r"^- (P7\.\d) (.+?)( \(stretch\))?: planned (\d+), actual (\d+), (Achieved|Partly achieved|Not achieved)\.$", t, re.M)
    if [g[0] for g in glance] != [f"P7.{i}" for i in range(1, 7)]:
        err("C: glance list must hold P7.1-P7.6 in order")
    planned_c = actual_all = actual_c = 0
    for code, title, stretch, p, a, word in glance:
        p, a = int(p), int(a)
        if outcome(a, p) != word:
            err(f"C: {code}: {word} does not follow the ratio rule ({a}/{p})")
        body = section_body(t, f"{code} {title}")
        if not body:
            err(f"C: no section for {code} {title!r}")
        elif not re.match(rf"\s*Outcome: {word} \(planned {p}, actual {a}\)\.\n", body):
            err(f"C: {code} section does not open with the glance outcome")
        actual_all += a
        if not stretch:
            planned_c += p
            actual_c += a
    m = re.search(r"Committed objectives: planned (\d+), actual (\d+)\. Predictability: (\d+)%", t)
    pred = round(100 * actual_all / planned_c) if planned_c else 0
    if not m or (int(m.group(1)), int(m.group(2)), int(m.group(3))) != (planned_c, actual_c, pred):
        err("C: committed totals or predictability wrong")
    if f"at {actual_all} of a planned {planned_c} business value points, a predictability of {pred}%" not in t:
        err("C: summary predictability sentence does not agree")
    n_ach = sum(1 for g in glance if not g[2] and g[5] == "Achieved")
    n_part = sum(1 for g in glance if not g[2] and g[5] == "Partly achieved")
    if (n_ach, n_part) != (4, 1) or "achieved four of its five committed objectives and partly achieved the fifth" not in t:
        err("C: summary objective counts do not agree")
    bars = re.findall(r"^Sprint (\d\d) {2}(#+) {2}(\d+)$", t, re.M)
    if [b[0] for b in bars] != ["25", "26", "27", "28", "29"]:
        err("C: velocity chart must show sprints 25-29")
    for s, h, n in bars:
        if len(h) != int(n):
            err(f"C: sprint {s} bar has {len(h)} marks for {n} points")
    done = sum(int(b[2]) for b in bars)
    m = re.search(r"completed (\d+) points against (\d+) planned \((\d+)%\), an average velocity of ([\d.]+)", t)
    if not m or int(m.group(1)) != done or round(100 * done / int(m.group(2))) != int(m.group(3)) \
            or round(done / 5, 1) != float(m.group(4)):
        err("C: velocity totals wrong")
    m = re.search(r"Of (\d+) stories committed .+, (\d+) were done, (\d+) were carried into PI 8 and (\d+) were dropped", t)
    if not m or int(m.group(2)) + int(m.group(3)) + int(m.group(4)) != int(m.group(1)):
        err("C: story counts do not add up")
    m = re.search(r"made ([\d,]+) property searches a week through Athena \(Essex ([\d,]+), Kent ([\d,]+)\)\. Each saves about six minutes of bureau time, about (\d+) hours", t)
    if not m or money(m.group(2)) + money(m.group(3)) != money(m.group(1)) or money(m.group(1)) * 6 // 60 != int(m.group(4)):
        err("C: property search benefit arithmetic wrong")
    m = re.search(r"the (\d+) team members and both business owners voted.+The average was ([\d.]+) \(PI 7: [\d.]+\), from three 5s, four 4s, four 3s and two 2s", t)
    if not m or 3 + 4 + 4 + 2 != int(m.group(1)) + 2 or round((15 + 16 + 12 + 4) / 13, 1) != float(m.group(2)):
        err("C: confidence vote arithmetic wrong")
    if "3.6 out of 5 (PI 7: 4.2)" not in t:
        err("C: summary confidence vote does not agree")
    m = re.search(r"PI 7 cost (£[\d,]+) against a budget of (£[\d,]+), an underspend of (£[\d,]+)\. The Home Office transition grant paid (£[\d,]+) .+ the remaining (£[\d,]+) was shared equally, (£[\d,]+) each", t)
    if not m or money(m.group(1)) + money(m.group(3)) != money(m.group(2)) \
            or money(m.group(4)) + money(m.group(5)) != money(m.group(1)) or 2 * money(m.group(6)) != money(m.group(5)):
        err("C: money arithmetic wrong")
    imps = re.findall(r"^IMP-\d\d .+ Status: (open|resolved on \d+ \w+ \d{4})\. Owner: .+\.$", t, re.M)
    if len(imps) != 4:
        err(f"C: {len(imps)} owned impediments with a status, want 4")
    if "Integration Team was formed in October 2024 with 11 people: six from Essex, four from Kent and one" not in t:
        err("C: team make-up does not add up to 11")
    if [int(x) for x in re.findall(r"^(\d)\. ", t, re.M)] != [1, 2, 3]:
        err("C: want three numbered asks")

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

report_words = {n: collapse(t).lower().split() for n, t in texts.items()}
runs = set()
for ws in report_words.values():
    ws = [re.sub(r"[^\w£%.,'-]", "", w).strip(".,") for w in ws]
    for i in range(len(ws) - COPY_RUN + 1):
        runs.add(" ".join(ws[i:i + COPY_RUN]))


def copies(s):
    ws = [re.sub(r"[^\w£%.,'-]", "", w).strip(".,") for w in collapse(s).lower().split()]
    return any(" ".join(ws[i:i + COPY_RUN]) in runs for i in range(len(ws) - COPY_RUN + 1))


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
    for s in [q["question"], *q["history"]]:
        if copies(s):
            err(f"{qid}: question or history copies {COPY_RUN}+ consecutive words from a report")
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
        if bad.lower() in all_reports:
            err(f"{qid}: must_not_contain {bad!r} occurs in a report")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions here all also ask a real question")
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
        if re.match(r"^(\d|Level \d|P7\.|PF0|\()", sec) or re.search(r"\(PF0\d\)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number or code")
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
        inline = False
        for o in offs:
            for s, e in spans[doc]:
                if s < o + len(cq) and o < e:
                    context.append(full[doc][s:e])
                if s <= o and o + len(cq) <= e:
                    inline = True
        if not inline:
            err(f"{qid}: quote {quote!r} spans more than one line")
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
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable ({un / len(lst) if lst else 0:.0%}); "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if un != UNANS_PER_DOC:
        err(f"{name}: {un} non-answerable, want {UNANS_PER_DOC}")
    for c in CATEGORY_COUNTS:
        if not cats[c]:
            err(f"{name}: no {c} question")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in CATEGORY_COUNTS.items():
    if overall[c] != k:
        err(f"category {c}: {overall[c]} questions, want exactly {k}")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
