#!/usr/bin/env python3
"""Validate evals/new_documents19: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py (same question checks; report-shape checks rewritten
for this folder's three papers).

Run:  python3 evals/new_documents19/check.py
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
    "2025-11-ssd-collaboration-agreement-variation-summary.txt": "20 November 2025",
    "2026-06-emergency-services-collaboration-highlight-report.txt": "June 2026",
    "2027-02-rail-partnership-joint-scrutiny-report.txt": "11 February 2027",
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
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b", re.I)

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; the last matched group is the heading text without number ----
B_HEADINGS = ("Headline", "How Ratings Work", "Project Ratings", "Project Notes", "Benefits Position",
              "Milestones", "Money", "Issues and Risks", "Decisions Needed", "Next Report")
HEADING = {
    A: re.compile(r"^#{2,3} (?:\d+\. |Variation \d+ – )?(.+)$"),
    B: re.compile(r"^(" + "|".join(B_HEADINGS) + r")$"),
    C: re.compile(r"^(?:(?:Chapter \d+ – |Finding \d+: |Recommendation \d+: )(.+)|(Ratings in Brief|Summary of Responses))$"),
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
            out.append((start, m.group(m.lastindex)))
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
    return float(s.replace("£", "").replace(",", "").replace("m", ""))


def find(pattern, t, what):
    m = re.search(pattern, t)
    if not m:
        err(f"{what}: pattern not found: {pattern}")
    return m


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
        err(f"{name}: file name does not match the date {date!r}")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "|" in t:
        err(f"{name}: pipe characters (pipe tables are a shape already used)")
    if "\t" in t and name != B:
        err(f"{name}: tab characters are only for the highlight report's tables")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # section 22A deed of variation summary: markdown headings, no ratings, sums add up
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: the variation summary must contain no ratings")
    vs = re.findall(r"^### Variation (\d+) – (.+)$", t, re.M)
    if [int(v[0]) for v in vs] != list(range(1, 8)):
        err(f"A: want '### Variation 1..7' headings in order, got {[v[0] for v in vs]}")
    glance = re.findall(r"^- Variation (\d+): .+\.$", t, re.M)
    if [int(g) for g in glance] != list(range(1, 8)):
        err("A: at-a-glance list must have '- Variation 1..7:' lines")
    if not re.search(r"^## \d+\. ", t, re.M):
        err("A: numbered '## N. ' headings missing")
    m = find(r"net budget of £([\d.]+) million, Kent will contribute (£[\d,]+) and Essex (£[\d,]+)", t, "A")
    old = find(r"Under the old 55:45 split Essex would have paid (£[\d,]+), so the new formula costs Essex an extra (£[\d,]+)", t, "A")
    cap = find(r"so the split for 2026/27 will be (\d+):(\d+)\.", t, "A")
    pen = find(r"cost (£[\d,]+) a year, against (£[\d,]+) a year for the current contract\. The saving of (£[\d,]+) a year will be shared in the new 54:46 ratio, so Essex's part of the saving is (£[\d,]+)", t, "A")
    team = find(r"team of (\d+) staff to start on 1 April 2026: (\d+) people transferring from Halstow under TUPE and (\d+) new posts", t, "A")
    net = find(r"by (£[\d,]+): the (£[\d,]+) from the new formula less the (£[\d,]+) share", t, "A")
    if m and old and cap and pen and team and net:
        budget = float(m.group(1)) * 1e6
        kent, essex = money(m.group(2)), money(m.group(3))
        k, e = int(cap.group(1)), int(cap.group(2))
        if k + e != 100 or abs(kent - budget * k / 100) > 1 or abs(essex - budget * e / 100) > 1:
            err("A: Kent/Essex contributions do not match the budget and the 54:46 split")
        if 55 - k > 1:
            err("A: split moves more than the one-point cap")
        if abs(money(old.group(1)) - budget * 0.45) > 1 or abs(essex - money(old.group(1)) - money(old.group(2))) > 1:
            err("A: old-split figure or the extra cost does not add up")
        inh, cur, sav, ess = (money(x) for x in pen.groups())
        if cur - inh != sav or abs(sav * e / 100 - ess) > 1:
            err("A: pensions saving or the Essex share does not add up")
        if int(team.group(1)) != int(team.group(2)) + int(team.group(3)):
            err("A: pensions team numbers do not add up")
        if money(net.group(1)) != money(net.group(2)) - money(net.group(3)) or money(net.group(2)) != money(old.group(2)) \
                or money(net.group(3)) != ess:
            err("A: net effect on Essex does not add up")
    tl = re.findall(r"^- (\d+ \w+ \d{4}|\w+ \d{4}): .+\.$", t, re.M)
    if len(tl) < 5:
        err("A: timetable lines missing")
    if [l for l in re.findall(r"^\(([a-z])\) ", t, re.M)] != ["a", "b", "c"]:
        err("A: want decisions (a)-(c)")

if B in texts:  # highlight report: tab tables, G/A/R project column, five-point overall rating
    t = texts[B]
    tab_lines = [l for l in t.split("\n") if "\t" in l]
    if any(len(l.split("\t")) != 5 for l in tab_lines):
        err("B: every tab-separated table line must have exactly 5 cells")
    proj = [l.split("\t") for l in tab_lines if re.match(r"P\d\t", l)]
    mile = [l.split("\t") for l in tab_lines if re.match(r"M\d\t", l)]
    if [p[0] for p in proj] != [f"P{i}" for i in range(1, 8)] or [x[0] for x in mile] != [f"M{i}" for i in range(1, 8)]:
        err("B: want project rows P1..P7 and milestone rows M1..M7")
    if not all(p[3] in "GAR" and p[4] in "GAR" and len(p[3]) == len(p[4]) == 1 for p in proj):
        err("B: project ratings must be single letters G/A/R")
    now = Counter(p[3] for p in proj)
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 0: "no"}
    want = (f"{words[now['G']].capitalize()} projects are now green (G), {words[now['A']]} are amber (A) "
            f"and {words[now['R']]} is red (R).")
    if want not in t:
        err(f"B: headline counts sentence should read {want!r}")
    rank = {"G": 0, "A": 1, "R": 2}
    up = [p for p in proj if rank[p[3]] < rank[p[4]]]
    down = [p for p in proj if rank[p[3]] > rank[p[4]]]
    mv = find(r"(\w+) projects? moved up this period \((.+?)\) and (\w+) moved down \((.+?)\)\.", t, "B")
    if mv:
        if mv.group(1).lower() != words[len(up)] or mv.group(3) != words[len(down)]:
            err("B: moved up/down counts disagree with the table")
    full_word = {"G": "green", "A": "amber", "R": "red"}
    for p in proj:
        if p[0] in ("P5", "P7"):
            continue  # reported together as on plan
        if p[3] != p[4]:
            pat = rf"moved (?:up )?from {full_word[p[4]]} to {full_word[p[3]]}"
        else:
            pat = rf"(?:stays at|is) {full_word[p[3]]}\b"
        seg = t[t.find("\n" + p[0] + " ", t.find("\nProject Notes\n")):]
        seg = seg[:re.search(r"\n(?:P\d |P5 and P7|Benefits Position)", seg[2:]).start() + 2]
        if not re.search(pat, seg):
            err(f"B: notes for {p[0]} do not state its rating as in the table ({pat})")
    if not re.search(r"^Overall: Amber/Green \(previous report, April 2026: Amber\)$", t, re.M):
        err("B: overall rating line missing")
    if "(Green, Amber/Green, Amber, Amber/Red, Red)" not in t:
        err("B: five-point overall scale missing")
    st = Counter(x[4] for x in mile)
    ms = find(r"(\w+) of the seven milestones are done, (\w+) are on track and (\w+) are late\.", t, "B")
    if ms and (ms.group(1).lower(), ms.group(2), ms.group(3)) != (words[st["Done"]], words[st["On track"]], words[st["Late"]]):
        err("B: milestone summary disagrees with the table")
    for x in mile:
        if x[4] == "Late" and x[3] == x[2]:
            err(f"B: {x[0]} late but forecast equals baseline")
    # money and benefits
    for pat in (r"£1,260,000, funded equally by Essex Police and ECFRS \(£630,000 each\)",
                   r"forecast outturn is £1,342,500, an overspend of £82,500",
                   r"£84,000 Brentwood asbestos cost plus the £18,500 fuel card extension, less a £20,000",
                   r"banked to 31 May 2026 total £9\.87m, of which £5\.12m fell to Essex Police and £4\.75m",
                   r"now stands at £14\.6m, leaving a gap of £0\.8m",
                   r"1,046 vehicles \(812 police and 234 fire\)",
                   r"£84,000, split 60:40 between Essex Police and ECFRS \(£50,400 and £33,600\)",
                   r"£147,000 a year shared equally .+ \(£49,000 each\)",
                   r"the £4\.73m of profiled benefits not yet banked"):
        find(pat, t, "B")
    if not (1260000 + 84000 + 18500 - 20000 == 1342500 and 630000 * 2 == 1260000 and 812 + 234 == 1046
            and round(5.12 + 4.75, 2) == 9.87 and round(15.4 - 14.6, 1) == 0.8 and round(14.6 - 9.87, 2) == 4.73
            and 84000 * 0.6 == 50400 and 147000 / 3 == 49000):
        err("B: arithmetic")
    if re.search(r"\bRAG\b", t):
        err("B: must not use the word RAG")

if C in texts:  # joint scrutiny panel: ratings in prose only, responses on a three-term scale
    t = texts[C]
    if re.search(r"\b(RAG|Red|Amber|Green)\b", t):
        err("C: ratings must be lower-case prose words only (no RAG labels)")
    if re.search(r"^(?:Rating|Status|RAG)\s*:", t, re.M | re.I):
        err("C: no rating fields allowed")
    finds = re.split(r"^(?=Finding \d+: |Ratings in Brief$)", t, flags=re.M)
    rated = {}
    for part in finds:
        m = re.match(r"Finding (\d+): (.+)", part)
        if m:
            r = re.findall(r"The panel rates [^.]*?\b(green|amber|red)\b", part)
            if len(r) != 1:
                err(f"C: Finding {m.group(1)} needs exactly one 'The panel rates ... <colour>' sentence, got {r}")
            else:
                rated[int(m.group(1))] = r[0]
    if sorted(rated) != [1, 2, 3, 4, 5]:
        err(f"C: want Findings 1..5, got {sorted(rated)}")
    cnt = Counter(rated.values())
    s = find(r"Overall, (\w+) areas are green \(.+?\), (\w+) are amber \(.+?\) and (\w+) is red \(.+?\)\. The panel's overall view is that the partnership is (\w+)", t, "C")
    words = {1: "one", 2: "two", 3: "three", 0: "no"}
    if s and (s.group(1), s.group(2), s.group(3)) != (words[cnt["green"]], words[cnt["amber"]], words[cnt["red"]]):
        err("C: ratings summary counts disagree with the findings")
    recs = re.split(r"^(?=Recommendation \d+: |Summary of Responses$)", t, flags=re.M)
    ep, bt = [], []
    for part in recs:
        m = re.match(r"Recommendation (\d+): ", part)
        if m:
            a = re.findall(r"^Essex Police response: (Accepted in part|Accepted|Not accepted)\.", part, re.M)
            b = re.findall(r"^BTP response: (Accepted in part|Accepted|Not accepted)\.", part, re.M)
            if len(a) != 1 or len(b) != 1:
                err(f"C: Recommendation {m.group(1)} needs one Essex Police and one BTP response")
            ep += a
            bt += b
    if len(ep) != 6 or len(bt) != 6:
        err("C: want six recommendations with responses")
    ce, cb = Counter(ep), Counter(bt)
    sm = find(r"In total Essex Police accepted (\w+) recommendations, accepted (\w+) in part and did not accept (\w+); BTP accepted (\w+) and accepted (\w+) in part\.", t, "C")
    words.update({4: "four", 5: "five", 6: "six"})
    if sm and sm.groups() != (words[ce["Accepted"]], words[ce["Accepted in part"]], words[ce["Not accepted"]],
                              words[cb["Accepted"]], words[cb["Accepted in part"]]):
        err("C: response summary disagrees with the recommendations")
    if cb["Not accepted"]:
        err("C: summary assumes BTP rejected none")
    if not (round((2914 - 2748) / 2748 * 100) == 6 and round(1022 / 2914 * 100) == 35):
        err("C: crime arithmetic")
    for pat in (r"2,914 crimes .+ up 6% on the 2,748", r"1,022 of them, or 35%", r"6 Essex Police officers and 8 BTP officers"):
        find(pat, t, "C")

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
if ids != [f"nd19-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd19-001.. in order, unique and sequential")
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
        if re.match(r"^(#|\d|Variation \d|Chapter \d|Finding \d|Recommendation \d)", sec):
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
    err("rag questions may only target the two reports that have ratings (B, C)")
if any(q.get("category") == "latest" and not q.get("notes", "").startswith(B) for q in qs):
    err("latest questions must target the highlight report (the newer status of a seed workstream)")
if overall["injection"] != 1:
    err("want exactly one injection question")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
