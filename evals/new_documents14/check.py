#!/usr/bin/env python3
"""Validate evals/new_documents14: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents14/check.py
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
    "2025-08-custody-joint-inspection-action-plan.txt": "21 August 2025",
    "2026-05-police-fire-board-decision-log-review.txt": "7 May 2026",
    "2026-09-seven-force-dems-post-implementation-review.txt": "17 September 2026",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORY_COUNTS = {"numbers": 11, "people": 7, "dates": 7, "lists": 6, "rag_status": 3,
                   "rag_reason": 3, "comparison": 3, "typo": 3, "followup": 3,
                   "injection": 3, "latest": 2, "unanswerable": 9}
CATEGORIES = set(CATEGORY_COUNTS)
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 6), (2026, 10))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
WORDNUM = {w: i for i, w in enumerate(
    "none one two three four five six seven eight nine ten eleven twelve thirteen fourteen".split())}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")
# each paper's own rating scale
SCALE = {
    A: ["Complete", "On track", "Overdue", "Not started"],
    B: ["Delivered", "Partly delivered", "Not delivered", "Superseded", "Withdrawn"],
    C: ["Red", "Amber", "Green"],
}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def money(s):
    return int(s.replace(",", "").replace("£", ""))


# ---- headings: one pattern per report; the last group is the heading text without its prefix ----
HEADING = {
    A: re.compile(r"^» (?:R\d )?(.+)$"),
    B: re.compile(r"^(?:No\. 25/\d\d — )?([A-Z].+)$"),
    C: re.compile(r"^\d{1,2}/12 — (.+)$"),
}
SECTION_PREFIX = re.compile(r"^(»|R\d\b|No\.|\d+/\d+|\d)")


def headings(name, text):
    """Return [(offset in collapsed text, heading text without prefix)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        m = HEADING[name].match(line)
        if m and len(line.split()) <= 12 and line[-1] not in ".,;:" and ": " not in line:
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


def section_blocks(text, pattern):
    """Split text at lines matching pattern: {heading line: body}."""
    parts = re.split(r"^(?=" + pattern + r")", text, flags=re.M)
    return {p.split("\n", 1)[0]: p.split("\n", 1)[1] if "\n" in p else ""
            for p in parts if re.match(pattern, p)}


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
    need(WORDS_RANGE[0] <= n <= WORDS_RANGE[1], f"{name}: {n} words, outside {WORDS_RANGE}")
    lines = t.split("\n")
    if len(lines) < 2 or not lines[0].strip() or lines[1].strip() != date:
        err(f"{name}: first line must be the title and second line '{date}'")
    m = re.search(r"(" + "|".join(MONTHS) + r") (\d{4})$", date)
    ym = (int(m.group(2)), MONTHS[m.group(1)]) if m else None
    if not ym or not DATE_RANGE[0] <= ym <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    elif not name.startswith(f"{ym[0]}-{ym[1]:02d}-"):
        err(f"{name}: file name does not match the date line {date!r}")
    need(re.match(r"^\d{4}-\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$", name), f"{name}: bad file name")
    # one paragraph per line, paragraphs separated by blank lines
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b:
            err(f"{name}: lines {i + 1}-{i + 2} are not separated by a blank line: {b[:40]!r}")
    need(len(heads[name]) >= 8, f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t or re.search(r"\S {3,}\S", t):
        err(f"{name}: tab, pipe or space-aligned tables are not allowed")
    if t != t.rstrip("\n") + "\n":
        warn(f"{name}: should end with exactly one newline")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

# ---- A: joint inspection action plan (Complete / On track / Overdue / Not started) ----
if A in texts:
    t = texts[A]
    need(not RAG_WORDS.search(t), "A: action plan must contain no RAG words")
    need("» How to read the status column" in t, "A: status key missing")
    st = "|".join(SCALE[A])
    now, may = {}, {}
    recs = section_blocks(t, r"» R\d ")
    need(sorted(recs) == sorted(recs) and [h[2:4] for h in recs] == [f"R{i}" for i in range(1, 7)],
         f"A: want recommendations R1-R6 in order, got {[h[2:4] for h in recs]}")
    for h, body in recs.items():
        code = h[2:4]
        for lab in ("Recommendation: ", "Lead: ", "Target date: ", "Progress: "):
            need(re.search("^" + lab, body, re.M), f"A: {code} lacks a {lab.strip()!r} line")
        m = re.search(rf"^Status: ({st}) \(May 2025: ({st})\)\.$", body, re.M)
        if not m:
            err(f"A: {code} lacks a 'Status: X (May 2025: Y).' line")
            continue
        now[code], may[code] = m.group(1), m.group(2)
        need(re.search(r"\(report paragraph \d\.\d+\)\.$", body, re.M), f"A: {code} lacks a report paragraph reference")
    afis = re.findall(rf"^(AFI\d) .+?: ({st}) \(May 2025: ({st})\)\.", t, re.M)
    need([a[0] for a in afis] == [f"AFI{i}" for i in range(1, 9)], "A: want AFI1-AFI8 lines in order")
    for code, n_, m_ in afis:
        now[code], may[code] = n_, m_
    cnt = Counter(now.values())
    m = re.search(r"Of the (\w+) actions in the plan, (\w+) are Complete, (\w+) are On track, (\w+) are Overdue and (\w+) is Not started", t)
    if m:
        tot, c1, c2, c3, c4 = (WORDNUM[x] for x in m.groups())
        need(tot == len(now) == 14, f"A: summary says {tot} actions, found {len(now)}")
        need((c1, c2, c3, c4) == (cnt["Complete"], cnt["On track"], cnt["Overdue"], cnt["Not started"]),
             f"A: summary counts {(c1, c2, c3, c4)} disagree with statuses {dict(cnt)}")
    else:
        err("A: summary count sentence missing")
    m = re.search(r"two Complete \((R\d) and (R\d)\), two On track \((R\d) and (R\d)\), one Overdue \((R\d)\) and one Not started \((R\d)\)", t)
    if m:
        g = m.groups()
        need(all(now.get(c) == s for c, s in zip(g, ["Complete"] * 2 + ["On track"] * 2 + ["Overdue", "Not started"])),
             "A: recommendation summary disagrees with the R sections")
    else:
        err("A: recommendation summary sentence missing")
    afi_cnt = Counter(s for c, s in now.items() if c.startswith("AFI"))
    need(afi_cnt == Counter({"Complete": 4, "On track": 3, "Overdue": 1}), f"A: AFI counts {dict(afi_cnt)}")
    need("one Overdue (AFI7)" in t and now.get("AFI7") == "Overdue", "A: AFI7 should be the Overdue AFI")
    may_cnt = Counter(may.values())
    need("only two actions were Complete and none was Overdue" in t and may_cnt["Complete"] == 2
         and may_cnt["Overdue"] == 0, f"A: May 2025 counts {dict(may_cnt)} disagree with the summary")
    # arithmetic
    m = re.search(r"Capital of (£[\d,]+) covers the anti-ligature works \((£[\d,]+)\) and the CCTV upgrades \((£[\d,]+)\)", t)
    m2 = re.search(r"Revenue of (£[\d,]+) covers .+? \((£[\d,]+)\) and .+? \((£[\d,]+)\)", t)
    m3 = re.search(r"costs for the action plan are (£[\d,]+)", t)
    if m and m2 and m3:
        cap, lig, cctv = map(money, m.groups())
        rev, backfill, aa = map(money, m2.groups())
        need(cap == lig + cctv, "A: capital does not add up")
        need(rev == backfill + aa, "A: revenue does not add up")
        need(money(m3.group(1)) == cap + rev, "A: total cost does not add up")
        need(f"at a cost of £{lig:,}" in t and f"at a cost of £{cctv:,}" in t, "A: ligature/CCTV costs differ between sections")
        need(f"contributes £{aa:,} a year" in t, "A: appropriate adult contribution differs between sections")
        ms = re.search(r"Spend to the end of July 2025 is (£[\d,]+): the anti-ligature works and (£[\d,]+) of training backfill", t)
        need(ms and money(ms.group(1)) == lig + money(ms.group(2)), "A: spend to date does not add up")
        me = re.search(r"(£[\d,]+) less than the estimate", t)
        need(me is not None, "A: estimate sentence missing")
    else:
        err("A: cost sentences missing")
    m = re.search(r"recruited (\w+) healthcare practitioners .+?so (\d+) of its (\d+) full-time equivalent posts .+?compared with (\d+) at the inspection\. The (\w+) vacancies", t)
    need(m and WORDNUM[m.group(1)] + int(m.group(4)) == int(m.group(2))
         and int(m.group(3)) - int(m.group(2)) == WORDNUM[m.group(5)], "A: healthcare posts do not add up")
    m = re.search(r"Of the (\d+) Essex custody .+?, (\d+) have been trained and the other (\d+)", t)
    need(m and int(m.group(1)) == int(m.group(2)) + int(m.group(3)), "A: training numbers do not add up")
    need("all five designated custody suites (Basildon, Chelmsford, Colchester, Harlow and Southend)" in t, "A: five suites")
    need("revised target dates of 31 October 2025 for R2 and 30 September 2025 for AFI7" in t
         and "revised date proposed: 31 October 2025" in t and "the revised date is 30 September 2025" in t,
         "A: revised dates disagree between sections")

# ---- B: decision log review (Delivered / Partly delivered / Not delivered / Superseded / Withdrawn) ----
if B in texts:
    t = texts[B]
    need(not RAG_WORDS.search(t), "B: decision log must contain no RAG words")
    need("How outcomes are graded" in t, "B: grading key missing")
    grades = {}
    blocks = section_blocks(t, r"No\. 25/\d\d — ")
    codes = [h[4:9] for h in blocks]
    need(codes == [f"25/{i:02d}" for i in range(1, 11)], f"B: want decisions 25/01-25/10 in order, got {codes}")
    meetings = re.search(r"made at five meetings \((.+?)\)\.", t)
    mdates = set(re.findall(r"\d{1,2} \w+", meetings.group(1))) if meetings else set()
    need(len(mdates) == 5, "B: five meeting dates expected in the purpose")
    gr = "|".join(SCALE[B])
    for h, body in blocks.items():
        code = h[4:9]
        for lab in (r"Made: \d{1,2} \w+ 20\d\d\. Sponsors?: ", "Decision: ", "Outcome expected: ", "What happened: "):
            need(re.search("^" + lab, body, re.M), f"B: {code} lacks a line starting {lab!r}")
        md = re.search(r"^Made: (\d{1,2} \w+) (20\d\d)", body, re.M)
        need(md and md.group(1) in mdates, f"B: {code} made on a date that is not a listed meeting")
        m = re.search(rf"^Outcome grade: ({gr})\.$", body, re.M)
        if m:
            grades[code] = m.group(1)
        else:
            err(f"B: {code} lacks an 'Outcome grade: X.' line on the scale")
    m = re.search(r"Of the ten decisions, (.+?)\. This compares", t)
    if m:
        for num_w, grade, lst in re.findall(r"(\w+) (?:were|was) (Delivered|Partly delivered|Not delivered|Superseded|Withdrawn) \(([^)]*)\)", m.group(1)):
            listed = re.findall(r"25/\d\d", lst)
            want = [c for c, g in grades.items() if g == grade]
            need(sorted(listed) == sorted(want) and WORDNUM[num_w] == len(want),
                 f"B: at-a-glance {grade} list {listed} disagrees with the log {want}")
        need(sum(Counter(grades.values()).values()) == 10, "B: ten graded decisions expected")
    else:
        err("B: at-a-glance sentence missing")
    need("Replace decision 25/03" in blocks.get(next((h for h in blocks if h.startswith("No. 25/09")), ""), "")
         and grades.get("25/03") == "Superseded", "B: 25/09 must replace the Superseded 25/03")
    # money
    m = re.search(r"committed (£[\d,]+) of new money, shared 60:40: (£[\d,]+) from Essex Police and (£[\d,]+) from ECFRS", t)
    costs = re.findall(r"\((£[\d,]+)\)", re.search(r"Four decisions carried a cost: (.+?)\.", t).group(1)) if "Four decisions carried a cost" in t else []
    if m and len(costs) == 4:
        tot, pol, fire = map(money, m.groups())
        need(tot == sum(map(money, costs)), "B: cost items do not add up to the committed total")
        need(pol + fire == tot and pol * 40 == fire * 60, "B: 60:40 split does not add up")
        budgets = {"25/01": "£180,000", "25/04": "£240,000", "25/09": "£95,000", "25/10": "£40,000"}
        for code, amt in budgets.items():
            body = next((b for h, b in blocks.items() if h[4:9] == code), "")
            need(amt in body and amt in costs, f"B: {code} budget {amt} not in its entry and the money section")
        spend = re.search(r"Spend to 31 March 2026 was (£[\d,]+), leaving (£[\d,]+)", t)
        actual = {"25/01": r"Spend was (£[\d,]+)", "25/04": r"Spend was (£[\d,]+)",
                  "25/09": r"The works cost (£[\d,]+)", "25/10": r"Spend so far is (£[\d,]+)"}
        acts = {}
        for code, pat in actual.items():
            body = next((b for h, b in blocks.items() if h[4:9] == code), "")
            mm = re.search(pat, body)
            acts[code] = money(mm.group(1)) if mm else 0
        need(spend and money(spend.group(1)) == sum(acts.values()), "B: spend does not add up")
        need(spend and money(spend.group(2)) == tot - money(spend.group(1)), "B: remaining money does not add up")
        diffs = {c: money(budgets[c]) - acts[c] for c in budgets}
        need(diffs == {"25/01": 4000, "25/04": 9000, "25/09": -7000, "25/10": 28000},
             f"B: under/over spends stated in the money section disagree: {diffs}")
        need("£7,000 more than the budget" in t, "B: estates overspend sentence missing")
    else:
        err("B: money section sentences missing")
    m = re.search(r"flew (\d+) deployments: (\d+) for the police, (\d+) for the fire service and (\d+) at", t)
    need(m and int(m.group(1)) == sum(map(int, m.groups()[1:])), "B: drone deployments do not add up")
    m = re.search(r"([\d,]+) vehicles in total \((\d+) police and (\d+) fire\)", t)
    need(m and money(m.group(1)) == int(m.group(2)) + int(m.group(3)), "B: vehicles do not add up")
    open_items = re.findall(r"under (25/\d\d)", re.search(r"Four decisions stay open on the log: (.+?)\.", t).group(1))
    need(sorted(open_items) == sorted(c for c, g in grades.items() if g in ("Partly delivered", "Not delivered")),
         "B: open items are not exactly the Partly delivered and Not delivered decisions")
    m = re.search(r"to close decisions (.+?) and remove (.+?) from the live log", t)
    need(m and sorted(re.findall(r"25/\d\d", m.group(1))) == sorted(c for c, g in grades.items() if g == "Delivered")
         and sorted(re.findall(r"25/\d\d", m.group(2))) == sorted(c for c, g in grades.items() if g in ("Superseded", "Withdrawn")),
         "B: close/remove lists disagree with the grades")

# ---- C: post-implementation review (RAG with reasons) ----
if C in texts:
    t = texts[C]
    nums = [int(x) for x in re.findall(r"^(\d{1,2})/12 — ", t, re.M)]
    need(nums == list(range(1, 13)), f"C: want headings 1/12 .. 12/12 in order, got {nums}")
    areas = {}
    for h, body in section_blocks(t, r"\d{1,2}/12 — ").items():
        first = body.strip().split("\n")[0]
        m = re.match(r"RAG: (Red|Amber|Green)\. Reason: .{20,}", first)
        if m:
            areas[h.split(" — ", 1)[1].lower()] = m.group(1)
        need(len(re.findall(r"^RAG: ", body, re.M)) <= 1, f"C: {h!r} has more than one RAG line")
    need(len(areas) == 6, f"C: want six rated areas opening 'RAG: X. Reason: ...', got {len(areas)}")
    m = re.search(r"Overall RAG: (Red|Amber|Green)\. (\w+) areas are Green \((.+?)\), (\w+) are Amber \((.+?)\) and (\w+) is Red \((.+?)\)\.", t)
    if m:
        for num_w, colour, lst in ((m.group(2), "Green", m.group(3)), (m.group(4), "Amber", m.group(5)), (m.group(6), "Red", m.group(7))):
            want = sorted(a for a, c in areas.items() if c == colour)
            listed = sorted(x.strip() for x in re.split(r", and |, | and (?!training)", lst))
            need(listed == want and WORDNUM[num_w.lower()] == len(want),
                 f"C: overall view lists {colour} as {listed}, sections say {want}")
        need(m.group(1) == "Amber", "C: overall RAG should be Amber (mixed picture with one Red)")
    else:
        err("C: overall view sentence missing")
    need("cost was rated Green and benefits Amber; both have worsened" in t and areas.get("cost") == "Amber"
         and areas.get("benefits") == "Red", "C: gateway ratings must be worse now")
    # cost arithmetic (£m)
    f = lambda pat: float(re.search(pat, t).group(1))
    try:
        final, budget, over = f(r"final cost was £([\d.]+)m"), f(r"approved budget of £([\d.]+)m"), f(r"an overspend of £([\d.]+)m")
        grant, forces = f(r"Home Office grant of £([\d.]+)m"), f(r"and £([\d.]+)m from the seven forces")
        mig, old = f(r"extra migration work \(£([\d.]+)m\)"), f(r"were delayed \(£([\d.]+)m\)")
        fc, inv = f(r"forecast at £([\d.]+)m"), f(r"added £([\d.]+)m")
        need(abs(budget - grant - forces) < 0.005, "C: budget funding does not add up")
        need(abs(final - budget - over) < 0.005, "C: overspend does not add up")
        need(abs(over - mig - old) < 0.005, "C: overspend parts do not add up")
        need(abs(fc + inv - final) < 0.005, "C: gateway forecast plus invoices does not equal final cost")
        need(fc <= budget * 1.05 < final, "C: forecast should be inside and final outside the 5% tolerance")
        share = f(r"pays (\d+)% of the force contributions") / 100
        m = re.search(r"meets (£[\d,]+) of it, taking the Essex contribution from (£[\d,]+) to (£[\d,]+)", t)
        need(m and abs(money(m.group(1)) - share * over * 1e6) < 1 and abs(money(m.group(2)) - share * forces * 1e6) < 1
             and money(m.group(3)) == money(m.group(1)) + money(m.group(2)), "C: Essex share does not add up")
        need(f"£{mig:.2f}m and eleven weeks" in t, "C: lesson 1 cost differs from the cost section")
    except AttributeError:
        err("C: cost sentences missing")
    m = re.search(r"saving ([\d,]+) hours a year, (\d+)% of the ([\d,]+) promised", t)
    need(m and round(100 * money(m.group(1)) / money(m.group(3))) == int(m.group(2)), "C: benefit percentage")
    need(m and f"saving of {m.group(3)} officer and staff hours" in t, "C: promised hours differ between sections")
    m = re.search(r"Of the ([\d,]+) officers and staff .+?, ([\d,]+) have completed training", t)
    need(m and round(100 * money(m.group(2)) / money(m.group(1))) == 88 and "RAG: Amber. Reason: 88% of users" in t,
         "C: regional training rate")
    m = re.search(r"Essex has trained ([\d,]+) of its ([\d,]+) users \((\d+)%\)", t)
    need(m and round(100 * money(m.group(1)) / money(m.group(2))) == int(m.group(3)), "C: Essex training rate")
    need(re.findall(r"^Lesson (\d): ", t, re.M) == [str(i) for i in range(1, 7)], "C: want Lessons 1-6")
    need(re.findall(r"^Recommendation (\d): .+ Essex response: ", t, re.M) == [str(i) for i in range(1, 5)],
         "C: want Recommendations 1-4 each with an Essex response")

# ---- questions -------------------------------------------------------------
qs = []
with open(QUESTIONS, encoding="utf-8") as fh:
    for ln, line in enumerate(fh, 1):
        if line.strip():
            try:
                qs.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"line {ln}: bad JSON: {e}")

need(len(qs) == TOTAL, f"{len(qs)} questions, want {TOTAL}")
ids = [q.get("id") for q in qs]
need(ids == [f"nd14-{i:03d}" for i in range(1, len(qs) + 1)], "ids must be nd14-001.. in order, unique and sequential")
need(len({collapse(q.get("question", "")).lower() for q in qs}) == len(qs), "duplicate question text")


def words(s):
    return re.findall(r"[a-z0-9£%]+", s.lower())


grams = {}
for name, t in texts.items():
    w = words(t)
    grams[name] = {tuple(w[i:i + 6]) for i in range(len(w) - 5)}

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
    qw = words(q["question"])
    copied = [g for g in (tuple(qw[i:i + 6]) for i in range(len(qw) - 5)) if g in grams.get(target, set())]
    if copied:
        err(f"{qid}: question copies a six-word run from the report: {' '.join(copied[0])!r}")
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions here must also ask a real question")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
        if target in full and bad.lower() in full[target].lower():
            err(f"{qid}: must_not_contain {bad!r} occurs in the report")
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if q["category"] == "latest":
        m = re.search(r"older value: (.+?) \(", q["notes"])
        if not m or target not in full or m.group(1) not in full[target]:
            err(f"{qid}: latest notes must name an 'older value: X (' that occurs in the report")
        elif any(m.group(1).lower() in a.lower() for g in q["facts"] for a in g):
            err(f"{qid}: older value is also a fact")
    if q["category"] == "rag_status":
        scale = [s.lower() for s in SCALE[target]]
        if not any(all(a.lower() in scale for a in g) for g in q["facts"]):
            err(f"{qid}: rating facts must come from the report's own scale {SCALE[target]}")
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
            err(f"{qid}: section {sec!r} must be heading text without its prefix")
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
            inside = [(s, e) for s, e in spans[doc] if s <= o and o + len(cq) <= e]
            if not inside:
                err(f"{qid}: quote {quote!r} spans more than one line")
            for s, e in inside:
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

need(order == sorted(order), "questions must be grouped by report, in report order")

# ---- totals ----------------------------------------------------------------
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if not q["answerable"])
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable; "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    need(len(lst) == PER_DOC, f"{name}: {len(lst)} questions, want {PER_DOC}")
    need(un == UNANS_PER_DOC, f"{name}: {un} non-answerable, want {UNANS_PER_DOC}")
    for c in ("rag_status", "rag_reason"):
        need(cats[c] >= 1, f"{name}: needs at least one {c} question on its own scale")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in CATEGORY_COUNTS.items():
    need(overall[c] == k, f"category {c}: {overall[c]} questions, want {k}")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
