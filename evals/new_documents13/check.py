#!/usr/bin/env python3
"""Validate evals/new_documents13: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents13/check.py
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
    "2025-11-joint-firearms-licensing-go-live-readiness.txt": "6 November 2025",
    "2026-03-support-services-staff-survey-results.txt": "19 March 2026",
    "2026-09-joint-cadets-equality-impact-assessment.txt": "10 September 2026",
}
A, B, C = list(DOCS)
PREFIX = "nd13"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
COPY_RUN = 6                     # a question may not copy this many consecutive report words
DATE_RANGE = ((2025, 6), (2026, 10))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
EXPECTED_CATEGORY = {"numbers": 11, "people": 7, "dates": 7, "lists": 6, "rag_status": 3,
                     "rag_reason": 3, "comparison": 3, "typo": 3, "followup": 3, "injection": 3,
                     "latest": 2, "unanswerable": 9}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b", re.I)
SCALES = {  # the rating scale each report uses (rating questions must use one of its values)
    A: ["Ready with conditions", "Not ready", "Ready"],
    B: ["Green", "Amber", "Red"],
    C: ["Positive", "Neutral", "Negative, mitigated", "Negative, not mitigated"],
}
WORDNUM = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def n(s):
    """'£1,309,000' / '2,090' / '3.8' -> float."""
    return float(re.sub(r"[£,%]", "", s))


def wn(s):
    return WORDNUM[s.lower()]


def need(name, cond, msg):
    if not cond:
        err(f"{name}: {msg}")


def find(name, text, pattern, what):
    m = re.search(pattern, text, re.M)
    if not m:
        err(f"{name}: missing {what} (pattern {pattern!r})")
    return m


# ---- headings: one pattern per report; group 1 is the heading text without its prefix ----
HEADING = {
    A: re.compile(r"^■ (.+)$"),
    B: re.compile(r"^(?:Theme (?:one|two|three|four|five|six): )?([A-Z][A-Za-z' ]+)$"),
    C: re.compile(r"^(?:Stage \d – |Characteristic: |Local factor: )(.+)$"),
}


def headings(name, text):
    """Return [(offset in collapsed text, heading text without prefix)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line or line.isupper():
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


def section_text(text, title):
    """Text of the section whose heading line is exactly `title` (up to the next heading)."""
    lines = text.split("\n")
    out, on = [], False
    for ln in lines:
        if ln.strip() == title:
            on = True
            continue
        if on and any(HEADING[k].match(ln.strip()) for k in (A, B, C)) and len(ln.split()) <= 10 \
                and ln.strip() and ln.strip()[-1] not in ".,;:" and not ln.strip().isupper():
            break
        if on:
            out.append(ln)
    return "\n".join(out)


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
    nw = len(t.split())
    if not WORDS_RANGE[0] <= nw <= WORDS_RANGE[1]:
        err(f"{name}: {nw} words, outside {WORDS_RANGE}")
    lines = t.split("\n")
    if len(lines) < 2 or not lines[0].strip() or lines[1].strip() != date:
        err(f"{name}: first line must be the title and second line '{date}'")
    m = re.search(r"(" + "|".join(MONTHS) + r") (\d{4})$", date)
    if not m or not DATE_RANGE[0] <= (int(m.group(2)), MONTHS[m.group(1)]) <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    elif not name.startswith(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}-"):
        err(f"{name}: file name does not match the date line {date!r}")
    if not re.match(r"^\d{4}-\d\d-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$", name):
        err(f"{name}: file name must be YYYY-MM-short-slug.txt")
    # one paragraph per line: paragraphs are separated by blank lines and never wrapped
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b:
            err(f"{name}: lines {i + 1}-{i + 2} are not separated by a blank line "
                f"(wrapped paragraph?): {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab or pipe characters (tables of that kind are shapes already used)")
    if re.search(r"\S {3,}\S", t):
        err(f"{name}: space-aligned columns are a shape already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

# ---- A: go-live readiness assessment (Ready / Ready with conditions / Not ready) ----------
if A in texts:
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: readiness paper must contain no RAG words")
    for lab in ("Ready: ", "Ready with conditions: ", "Not ready: "):
        if not re.search(r"^" + lab, t, re.M):
            err(f"A: readiness key line {lab!r} missing")
    scale = r"(Ready with conditions|Not ready|Ready)"
    rc = re.findall(r"^RC(\d+) (.+?) — " + scale + r" \(at the dry run: " + scale + r"\)\. ", t, re.M)
    if [int(r[0]) for r in rc] != list(range(1, 13)):
        err(f"A: want criteria RC1..RC12 in order, got {[r[0] for r in rc]}")
    now = Counter(r[2] for r in rc)
    dry = Counter(r[3] for r in rc)
    m = find(A, t, r"Of the (\d+) readiness criteria, (\w+) are Ready, (\w+) are Ready with conditions "
                   r"and (\w+) is Not ready\.", "current readiness counts")
    if m and (int(m.group(1)), wn(m.group(2)), wn(m.group(3)), wn(m.group(4))) != (
            len(rc), now["Ready"], now["Ready with conditions"], now["Not ready"]):
        err(f"A: summary counts {m.groups()} disagree with criteria {dict(now)}")
    m = find(A, t, r"dry run on 18 September 2025, (\w+) were Ready, (\w+) were Ready with conditions "
                   r"and (\w+) were Not ready\.", "dry-run readiness counts")
    if m and (wn(m.group(1)), wn(m.group(2)), wn(m.group(3))) != (
            dry["Ready"], dry["Ready with conditions"], dry["Not ready"]):
        err(f"A: dry-run counts {m.groups()} disagree with criteria {dict(dry)}")
    if m and "four criteria were not ready" not in t:
        err("A: summary must say four criteria were not ready at the dry run")
    cond = re.findall(r"^C(\d) \(RC(\d+)\): .+ by (\d+ \w+ 2025)\. Owner: (.+)\.$", t, re.M)
    if [int(c[0]) for c in cond] != [1, 2, 3, 4]:
        err(f"A: want conditions C1..C4 with RC, date and owner, got {cond}")
    conditional = {r[0] for r in rc if r[2] == "Ready with conditions"}
    if {c[1] for c in cond} != conditional:
        err(f"A: conditions cover {sorted(c[1] for c in cond)} but conditional criteria are {sorted(conditional)}")
    for num_, title, cur, _ in rc:
        body = re.search(rf"^RC{num_} .+$", t, re.M).group(0)
        if cur == "Ready with conditions" and not re.search(r"See condition C\d\.", body):
            err(f"A: RC{num_} is conditional but does not point to its condition")
    notready = [r[0] for r in rc if r[2] == "Not ready"]
    if notready != ["9"] or "(RC9)" not in t:
        err("A: the only Not ready criterion should be RC9, named in the summary")
    # arithmetic
    m = find(A, t, r"has (\d+) posts: a unit manager, (\d+) team leaders, (\d+) decision makers, "
                   r"(\d+) firearms enquiry officers and (\d+) administrators\. Of these, (\d+) posts are "
                   r"filled, (\d+) by staff from Essex and (\d+) by staff from Kent\. The (\w+) vacancies",
             "structure and posts")
    if m:
        g = [int(x) for x in m.groups()[:8]]
        if 1 + sum(g[1:5]) != g[0] or g[6] + g[7] != g[5] or g[0] - g[5] != wn(m.group(9)):
            err("A: posts, filled posts and vacancies do not add up")
    m = find(A, t, r"license ([\d,]+) firearm and shotgun certificate holders: ([\d,]+) in Essex and "
                   r"([\d,]+) in Kent\. .+ split of (\d+)% Essex and (\d+)% Kent", "certificate holders")
    if m:
        tot, es, ke, pe, pk = (n(x) for x in m.groups())
        if es + ke != tot or pe + pk != 100 or round(100 * es / tot) != pe:
            err("A: certificate holders or cost-share split do not add up")
        share = pe / 100
        m2 = find(A, t, r"budget of the joint unit is (£[\d,]+), of which Essex Police pays (£[\d,]+) "
                        r"and Kent Police (£[\d,]+)", "budget split")
        if m2:
            b, be, bk = (n(x) for x in m2.groups())
            if be + bk != b or abs(b * share - be) > 1:
                err("A: budget split does not add up or is not the cost share")
        m2 = find(A, t, r"savings of (£[\d,]+) a year .+?: (£[\d,]+) for Essex and (£[\d,]+) for Kent",
                  "savings split")
        if m2:
            s, se, sk = (n(x) for x in m2.groups())
            if se + sk != s or abs(s * share - se) > 1:
                err("A: savings split does not add up or is not the cost share")
    m = find(A, t, r"implementation costs are (£[\d,]+), made up of (£[\d,]+) for ICT changes, "
                   r"(£[\d,]+) for training and (£[\d,]+) for overtime", "implementation costs")
    if m:
        g = [n(x) for x in m.groups()]
        if sum(g[1:]) != g[0]:
            err("A: implementation cost parts do not add up")
    m = find(A, t, r"there were ([\d,]+) renewals overdue or in progress: ([\d,]+) in Essex and ([\d,]+) in Kent",
             "backlog split")
    if m:
        g = [n(x) for x in m.groups()]
        if g[1] + g[2] != g[0]:
            err("A: backlog split does not add up")
    m = find(A, t, r"ran (\d+) test scripts: (\d+) passed, (\d+) failed and (\d+) were not run", "test results")
    if m:
        g = [int(x) for x in m.groups()]
        if sum(g[1:]) != g[0]:
            err("A: test script results do not add up")
    m = find(A, t, r"All ([\d,]+) Kent certificate holder records .+? ([\d,]+) records \(([\d.]+)%\) had errors",
             "migration error rate")
    if m:
        recs, bad, pct = (n(x) for x in m.groups())
        if round(100 * bad / recs, 1) != pct:
            err("A: migration error percentage is wrong")
    m = find(A, t, r"one-month delay is estimated at (£[\d,]+), .+ about (£[\d,]+) a week", "delay cost")
    if m and n(m.group(1)) != 4 * n(m.group(2)):
        err("A: a one-month delay should cost four weeks of double running")

# ---- B: staff survey results (themes rated Green / Amber / Red) ----------------------------
if B in texts:
    t = texts[B]
    key = {"Green": (70, 100), "Amber": (55, 69), "Red": (0, 54)}
    for lab, pat in (("Green", r"^Green: a theme score of 70% or more\.$"),
                     ("Amber", r"^Amber: a theme score from 55% to 69%\.$"),
                     ("Red", r"^Red: a theme score below 55%\.$")):
        if not re.search(pat, t, re.M):
            err(f"B: rating key line for {lab} missing")

    def band(score):
        return next(k for k, (lo, hi) in key.items() if lo <= score <= hi)

    themes = re.findall(r"^Theme (one|two|three|four|five|six): (.+)$", t, re.M)
    if [th[0] for th in themes] != "one two three four five six".split():
        err(f"B: want Theme one..six, got {[th[0] for th in themes]}")
    qnums, rating_now, rating_then, moves, diffs = [], {}, {}, {}, []
    for word, title in themes:
        body = section_text(t, f"Theme {word}: {title}")
        m = re.search(r"^Theme score (\d+)% \(2024: (\d+)%\)\. Rating: (Green|Amber|Red) \(2024: (Green|Amber|Red)\)\.$",
                      body, re.M)
        if not m:
            err(f"B: theme {title!r} lacks its score and rating line")
            continue
        s, s0, r, r0 = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        qs_ = re.findall(r'^Q(\d+) "[^"]+": (\d+)% \(2024: (\d+)%\)\.$', body, re.M)
        if len(qs_) != 3:
            err(f"B: theme {title!r} has {len(qs_)} statement lines, want 3")
            continue
        qnums += [int(q[0]) for q in qs_]
        if round(sum(int(q[1]) for q in qs_) / 3) != s or round(sum(int(q[2]) for q in qs_) / 3) != s0:
            err(f"B: theme {title!r} score is not the average of its statements")
        if band(s) != r or band(s0) != r0:
            err(f"B: theme {title!r} rating does not follow the thresholds")
        rating_now[title.lower()], rating_then[title.lower()] = r, r0
        order = ["Red", "Amber", "Green"]
        moves[title.lower()] = (order.index(r) > order.index(r0)) - (order.index(r) < order.index(r0))
        diffs += [(int(q[1]) - int(q[2]), int(q[0])) for q in qs_]
    if qnums != list(range(1, 19)):
        err(f"B: statements should be Q1..Q18 in order, got {qnums}")
    cnt_now, cnt_then = Counter(rating_now.values()), Counter(rating_then.values())
    m = find(B, t, r"^(\w+) themes are Green, (\w+) are Amber and (\w+) is Red\. In 2024 (\w+) themes were "
                   r"Green, (\w+) were Amber and (\w+) was Red\.$", "rating counts")
    if m:
        g = [wn(x) for x in m.groups()]
        if g != [cnt_now["Green"], cnt_now["Amber"], cnt_now["Red"],
                 cnt_then["Green"], cnt_then["Amber"], cnt_then["Red"]]:
            err(f"B: at-a-glance counts {m.groups()} disagree with the themes")
    m = find(B, t, r"^(\w+) themes have moved up a rating since 2024 \((.+?)\), (\w+) have moved down "
                   r"\((.+?)\) and (\w+) are unchanged \((.+?)\)\.$", "movement sentence")
    if m:
        for cnt, names, want in ((m.group(1), m.group(2), 1), (m.group(3), m.group(4), -1),
                                 (m.group(5), m.group(6), 0)):
            listed = {x.strip() for x in re.split(r", and |, ", names)}
            actual = {k for k, v in moves.items() if v == want}
            if listed != actual or wn(cnt) != len(actual):
                err(f"B: movement list {names!r} disagrees with the themes {sorted(actual)}")
    if diffs:
        up, down = max(diffs), min(diffs)
        m = find(B, t, r"biggest rise on any single statement was (\d+) points, for Q(\d+)", "biggest rise")
        if m and (int(m.group(1)), int(m.group(2))) != up:
            err(f"B: biggest rise should be {up}")
        m = find(B, t, r"biggest fall was (\d+) points, for Q(\d+)", "biggest fall")
        if m and (-int(m.group(1)), int(m.group(2))) != down:
            err(f"B: biggest fall should be {down}")
    m = find(B, t, r"In total ([\d,]+) of the ([\d,]+) staff invited responded, a response rate of (\d+)%\. "
                   r"In 2024 the rate was (\d+)%, with ([\d,]+) responses from ([\d,]+) staff\. .+?: "
                   r"([\d,]+) of ([\d,]+) Essex-employed staff \((\d+)%\) and ([\d,]+) of ([\d,]+) "
                   r"Kent-employed staff \((\d+)%\)", "response figures")
    if m:
        g = [n(x) for x in m.groups()]
        if round(100 * g[0] / g[1]) != g[2] or round(100 * g[4] / g[5]) != g[3]:
            err("B: response rates are wrong")
        if g[6] + g[9] != g[0] or g[7] + g[10] != g[1]:
            err("B: Essex and Kent responses do not add up")
        if round(100 * g[6] / g[7]) != g[8] or round(100 * g[9] / g[10]) != g[11]:
            err("B: force response rates are wrong")
        fn_ = re.search(r"responses came from (.+?); ([\d,]+) people preferred not to say", t)
        if not fn_ or sum(int(x) for x in re.findall(r"\((\d+)\)", fn_.group(1))) + n(fn_.group(2)) != g[0]:
            err("B: responses by function do not add up to the total")
    m = find(B, t, r"carried (\d+) vacant posts .+? establishment of ([\d,]+) posts \(([\d.]+)%\)", "vacancies")
    if m:
        v, e, p = (n(x) for x in m.groups())
        if round(100 * v / e, 1) != p:
            err("B: vacancy percentage is wrong")
        if "1,910" in t and e - v != 1910:
            err("B: establishment minus vacancies should equal the staff invited")
    m = find(B, t, r"had (\d+) apprentices .+?, (\d+) employed by Essex and (\d+) by Kent", "apprentices")
    if m and int(m.group(2)) + int(m.group(3)) != int(m.group(1)):
        err("B: apprentice split does not add up")
    coms = re.findall(r"^Commitment (\d): .+ Lead: .+\. By \d+ \w+ 2026\.$", t, re.M)
    if coms != ["1", "2", "3", "4", "5"] or "five commitments" not in t:
        err(f"B: want five commitments each with a lead and a date, got {coms}")

# ---- C: equality impact assessment (Positive / Neutral / Negative, mitigated / ...) -------
if C in texts:
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: equality impact assessment must contain no RAG words")
    stages = re.findall(r"^Stage (\d) – ", t, re.M)
    if stages != [str(i) for i in range(1, 7)]:
        err(f"C: want Stage 1..6 in order, got {stages}")
    areas = re.findall(r"^(Characteristic|Local factor): (.+)$", t, re.M)
    impacts = Counter()
    for kind, title in areas:
        body = section_text(t, f"{kind}: {title}")
        found = re.findall(r"^Assessed impact: (Positive|Neutral|Negative, mitigated|Negative, not mitigated)\.$",
                           body, re.M)
        if len(found) != 1:
            err(f"C: area {title!r} needs exactly one 'Assessed impact:' line")
        else:
            impacts[found[0]] += 1
    m = find(C, t, r"Of the (\w+) areas assessed, (\w+) are Positive, (\w+) are Neutral, (\w+) are Negative, "
                   r"mitigated and (\w+) is Negative, not mitigated\.", "impact summary")
    if m:
        g = [wn(x) for x in m.groups()]
        if g != [len(areas), impacts["Positive"], impacts["Neutral"], impacts["Negative, mitigated"],
                 impacts["Negative, not mitigated"]]:
            err(f"C: conclusion counts {m.groups()} disagree with the areas {dict(impacts)}")
    acts = re.findall(r"^E(\d): .+ Owner: .+\.", t, re.M)
    if acts != [str(i) for i in range(1, 8)] or "actions E1 to E7" not in t:
        err(f"C: want actions E1..E7 each with an owner, got {acts}")
    for ref in re.findall(r"\((?:action )?(E\d)\)", t):
        if not re.search(rf"^{ref}: ", t, re.M):
            err(f"C: reference to {ref} has no action")
    m = find(C, t, r"show (\d+) cadets: (\d+) police cadets in (\d+) units and (\d+) fire cadets in (\d+) units\. "
                   r".+? (\d+) adult volunteer leaders, (\d+) with the police cadets and (\d+) with the fire cadets\. "
                   r"Today's units have (\d+) cadets on average; the (\d+) joint units would have (\d+) places "
                   r"between them, or (\d+) each", "membership figures")
    if m:
        g = [int(x) for x in m.groups()]
        total, pol, pu, fire, fu, lead, lp, lf, avg, ju, places, each = g
        if pol + fire != total or lp + lf != lead or round(total / (pu + fu)) != avg or places != ju * each:
            err("C: membership, leaders, average or places do not add up")
        m2 = find(C, t, r"the (\d+) units that run today \((\d+) police and (\d+) fire\)\. (\w+) pairs .+? "
                        r"would merge, and (\w+) small fire cadet units", "unit changes")
        if m2 and (int(m2.group(2)) != pu or int(m2.group(3)) != fu
                   or int(m2.group(1)) - wn(m2.group(4)) - wn(m2.group(5)) != ju):
            err("C: unit merges and closures do not give the number of joint units")
        for pat, what in ((r"Girls make up (\d+) of the (\d+) police cadets \((\d+)%\) but only (\d+) of the "
                           r"(\d+) fire cadets \((\d+)%\), or (\d+) of the (\d+) cadets overall \((\d+)%\)", "girls"),
                          (r"Altogether (\d+) cadets \((\d+)%\) .+?: (\d+) of the (\d+) police cadets \((\d+)%\) "
                           r"against (\d+) of the (\d+) fire cadets \((\d+)%\)", "ethnicity")):
            mm = find(C, t, pat, what)
            if not mm:
                continue
            g = [int(x) for x in mm.groups()]
            if what == "girls":
                parts = [(g[0], g[1], g[2]), (g[3], g[4], g[5]), (g[6], g[7], g[8])]
                ok = g[0] + g[3] == g[6] and g[1] == pol and g[4] == fire and g[7] == total
            else:
                parts = [(g[0], total, g[1]), (g[2], g[3], g[4]), (g[5], g[6], g[7])]
                ok = g[2] + g[5] == g[0] and g[3] == pol and g[6] == fire
            if not ok or any(round(100 * a / b) != p for a, b, p in parts):
                err(f"C: {what} figures do not add up")
        for pat in (r"(\d+) cadets \((\d+)%\) have told their units", r"cadets, (\d+) \((\d+)%\) live in"):
            mm = find(C, t, pat, "percentage of cadets")
            if mm and round(100 * int(mm.group(1)) / total) != int(mm.group(2)):
                err(f"C: percentage wrong in {mm.group(0)!r}")
    m = find(C, t, r"received ([\d,]+) responses: (\d+) from cadets, (\d+) from parents and carers, (\d+) from "
                   r"volunteer leaders and (\d+) from .+?\. Overall, (\d+)% supported the proposal, (\d+)% opposed "
                   r"it and (\d+)% neither", "consultation figures")
    if m:
        g = [n(x) for x in m.groups()]
        if sum(g[1:5]) != g[0] or sum(g[5:]) != 100:
            err("C: consultation responses or percentages do not add up")
    m = find(C, t, r"cost (£[\d,]+) a year today: (£[\d,]+) for the police cadets and (£[\d,]+) for the fire "
                   r"cadets\. .+? budgeted at (£[\d,]+) a year .+?, a saving of (£[\d,]+)\. Essex Police would pay "
                   r"(£[\d,]+) and ECFRS (£[\d,]+)", "costs")
    if m:
        g = [n(x) for x in m.groups()]
        if g[1] + g[2] != g[0] or g[0] - g[3] != g[4] or g[5] + g[6] != g[3]:
            err("C: costs, saving or split do not add up")
    m = find(C, t, r"charge £(\d+) a month \(£(\d+) a year\)", "fire cadet charge")
    if m and 12 * int(m.group(1)) != int(m.group(2)):
        err("C: monthly and yearly charge disagree")

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
    return re.findall(r"[a-z0-9£%]+(?:[-'’.,][a-z0-9]+)*", s.lower())


runs = {}
for name in texts:
    w = words(texts[name])
    runs[name] = {tuple(w[i:i + COPY_RUN]) for i in range(len(w) - COPY_RUN + 1)}

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
        if target in full and bad.lower() in full[target].lower():
            err(f"{qid}: must_not_contain {bad!r} occurs in the report itself")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions in this set all ask a real question too")
    if target in runs:
        qw = words(" ".join([q["question"]] + q["history"]))
        for i in range(len(qw) - COPY_RUN + 1):
            if tuple(qw[i:i + COPY_RUN]) in runs[target]:
                err(f"{qid}: question copies a {COPY_RUN}-word run from the report: {' '.join(qw[i:i + COPY_RUN])!r}")
                break
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if not q["answerable"]:
        if q["category"] != "unanswerable":
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
    if q["category"] == "rag_status":
        if not any(a in SCALES[target] for g in q["facts"] for a in g):
            err(f"{qid}: a rating question's facts must include a value of the report's scale")
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
        if re.match(r"^(■|Theme \w+:|Stage \d|Characteristic:|Local factor:)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its prefix")
        cq = collapse(quote).strip()
        nw = len(cq.split())
        if not QUOTE_WORDS[0] <= nw <= QUOTE_WORDS[1]:
            err(f"{qid}: quote has {nw} words, want {QUOTE_WORDS}: {quote!r}")
        offs = [m.start() for m in re.finditer(re.escape(cq), full[doc])]
        if not offs:
            err(f"{qid}: quote not in {doc}: {quote!r}")
            continue
        if not any(s <= o and o + len(cq) <= e for o in offs for s, e in spans[doc]):
            err(f"{qid}: quote spans more than one line: {quote!r}")
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
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable; "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if un != UNANS_PER_DOC or cats["unanswerable"] != UNANS_PER_DOC:
        err(f"{name}: {un} non-answerable, want exactly {UNANS_PER_DOC}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in EXPECTED_CATEGORY.items():
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
