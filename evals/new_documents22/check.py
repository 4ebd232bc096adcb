#!/usr/bin/env python3
"""Validate evals/new_documents22: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents22/check.py
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
    "2025-11-community-safety-hubs-evaluation.txt": "18 November 2025",
    "2026-07-collaboration-governance-review.txt": "9 July 2026",
    "2027-02-collaborated-functions-vfm-benchmarking.txt": "11 February 2027",
}
A, B, C = list(DOCS)
PREFIX = "nd22"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3
WORDS_RANGE = (1100, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 6), (2027, 3))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
CATEGORY_COUNTS = {"numbers": 13, "people": 6, "dates": 6, "lists": 4, "rag_status": 4, "rag_reason": 2,
                   "comparison": 4, "typo": 3, "followup": 3, "injection": 3, "latest": 3,
                   "unanswerable": 9}
RAG_WORDS = re.compile(r"\b(RAG|red|amber|green)\b", re.I)
NUMWORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def money(s):
    return float(s.replace("£", "").replace(",", "").rstrip("m"))


# ---- headings ---------------------------------------------------------------
# A: "◆ Summary" and "Outcome N — ..."; B: plain Title Case lines and "Forum N: ...";
# C: plain Title Case lines and "Fn / ...". Group 1 is the heading text without its prefix.
PREFIXES = {
    A: re.compile(r"^(?:◆ |Outcome \d — )(.+)$"),
    B: re.compile(r"^(?:Forum \d: )?(.+)$"),
    C: re.compile(r"^(?:F\d / )?(.+)$"),
}


def is_heading(name, line):
    if len(line.split()) > 12 or line[-1] in ".,;:":
        return False
    if name == A:
        return bool(re.match(r"^(?:◆ |Outcome \d — )", line))
    if name == C and line.endswith(")") and not re.match(r"^F\d / ", line):
        return False
    return line[0].isupper() or line[0].isdigit()


def headings(name, text):
    """Return [(offset in collapsed text, heading text without prefix)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        if is_heading(name, line):
            out.append((start, PREFIXES[name].match(line).group(1)))
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
    spans, pos = [], 0
    for raw in text.split("\n"):
        s = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if raw.strip():
            spans.append((s, s + len(collapse(raw))))
    return spans


def sections(text, pattern):
    """Split text into {heading line: body} for headings matching pattern (up to the next heading)."""
    parts = re.split(r"^(?=" + pattern + r")", text, flags=re.M)
    return [p for p in parts if re.match(pattern, p)]


# ---- documents ---------------------------------------------------------------
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
    ym = (int(m.group(2)), MONTHS[m.group(1)]) if m else None
    if not ym or not DATE_RANGE[0] <= ym <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    elif not name.startswith(f"{ym[0]}-{ym[1]:02d}-"):
        err(f"{name}: file name does not match the date line {date!r}")
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    if re.search(r"\S {2,}\S", t):
        err(f"{name}: space-aligned columns are a shape already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")


def near(a, b, tol=0.005):
    return abs(a - b) <= tol


# ---- A: academic evaluation with an evidence-strength scale ----------------------------
if A in texts:
    t = texts[A]
    SCALE = ["Strong", "Moderate", "Limited", "Insufficient"]
    DIRS = ["Better", "No clear change", "Worse"]
    for lvl in SCALE:
        if not re.search(rf"^{lvl}: \S", t, re.M):
            err(f"A: scale key line for {lvl!r} missing")
    outs = sections(t, r"Outcome \d — ")
    if [int(o[8]) for o in outs] != list(range(1, 7)):
        err(f"A: want Outcome 1..6 in order, found {len(outs)}")
    rated = {}
    for o in outs:
        k = int(o[8])
        for lab in ("What we measured: ", "What we found: "):
            if len(re.findall("^" + lab, o, re.M)) != 1:
                err(f"A: Outcome {k} needs exactly one {lab!r} line")
        r = re.findall(r"^Strength of evidence: (\w+)\. Direction: ([\w ]+)\.$", o, re.M)
        if len(r) != 1 or r[0][0] not in SCALE or r[0][1] not in DIRS:
            err(f"A: Outcome {k} needs one 'Strength of evidence: X. Direction: Y.' line on the scale")
            continue
        rated[k] = r[0]
    if len(rated) == 6:
        m = re.search(r"(\w+) moved in the right direction, (\w+) showed no clear change and (\w+) got worse", t)
        got = [NUMWORD.get(x) for x in m.groups()] if m else None
        want = [sum(1 for s, d in rated.values() if d == x) for x in DIRS]
        if got != want:
            err(f"A: direction summary {got} does not match outcomes {want}")
        m = re.search(r"The evidence is strong for (.+?), moderate for (.+?), limited for (.+?) and insufficient for (.+?)\.", t)
        if not m:
            err("A: evidence summary sentence missing")
        else:
            for lvl, part in zip(SCALE, m.groups()):
                nums = sorted(int(x) for x in re.findall(r"\d", part))
                want = sorted(k for k, (s, d) in rated.items() if s == lvl)
                if nums != want:
                    err(f"A: summary says {lvl} for {nums}, outcomes say {want}")
    # figures
    m = re.search(r"housed (\d+) staff from 23 organisations: (.+?)\.\n", t)
    if not m or sum(int(x) for x in re.findall(r"\b(\d+) from", m.group(2))) != int(m.group(1)):
        err("A: staff by organisation do not add up to the total")
    if not (1942 - 1531 == 411 and near(411 / 1942 * 100, 21.2, 0.05)) or "fall of 411 or 21.2%" not in t:
        err("A: repeat caller arithmetic")
    if "182 of the 214 staff replied, a response rate of 85%" not in t or round(182 / 214 * 100) != 85:
        err("A: survey response arithmetic")
    if "97 of the 120 high-risk cases in our sample (81%)" not in t or round(97 / 120 * 100) != 81:
        err("A: case file arithmetic")
    if "interviewed 61 people (24 police officers and staff, 22 council staff and 15" not in t or 24 + 22 + 15 != 61:
        err("A: interview arithmetic")
    if "reviewed 400 case files (40 from each hub)" not in t:
        err("A: case file sample line missing")
    cost = re.search(r"The ten hubs cost (£[\d,]+) to run in 2024/25\. Essex Police paid (£[\d,]+), the district, "
                     r"borough and city councils (£[\d,]+), Essex County Council (£[\d,]+) and the Police, Fire and "
                     r"Crime Commissioner's community safety grant (£[\d,]+)\.", t)
    if not cost or money(cost.group(1)) != sum(money(x) for x in cost.groups()[1:]):
        err("A: running cost split does not add up")
    ben = re.search(r"benefits at (£[\d,]+) a year: (£[\d,]+) of officer time \(([\d,]+) hours at £(\d+) an hour\), "
                    r"(£[\d,]+) of partner staff time and (£[\d,]+) of avoided costs", t)
    if not ben:
        err("A: benefits line missing")
    else:
        total, off, hrs, rate, partner, avoided = ben.groups()
        if money(total) != money(off) + money(partner) + money(avoided):
            err("A: benefits do not add up")
        if money(off) != money(hrs) * int(rate):
            err("A: officer time value != hours x rate")
        if cost and not near(money(total) / money(cost.group(1)), 1.38, 0.005):
            err("A: benefit-cost ratio is not 1.38")
    if "£84,000, shared equally" not in t or "(£42,000 each)" not in t:
        err("A: evaluation cost split")
    # ratings words (red/amber/green) only in the Background, which gives the newer workstream status
    bg = re.search(r"^◆ Background\n(.*?)^◆ ", t, re.M | re.S)
    rest = t.replace(bg.group(1), "") if bg else t
    if not bg or not re.search(r"amber to green in September 2024", bg.group(1)):
        err("A: Background must give the newer status of the 2022 hubs workstream")
    if RAG_WORDS.search(rest):
        err("A: RAG words outside the Background section")
    recs = re.findall(r"^Recommendation (\d): .+ Lead: .+\.$", t, re.M)
    if recs != [str(i) for i in range(1, 6)]:
        err(f"A: want Recommendations 1..5 each with a Lead, found {recs}")

# ---- B: governance review with a verdict scale -------------------------------------------
if B in texts:
    t = texts[B]
    V = ["Keep", "Keep with changes", "Merge", "Close"]
    for v in V:
        if not re.search(rf"^{v}: \S", t, re.M):
            err(f"B: verdict key line for {v!r} missing")
    forums = sections(t, r"Forum \d: ")
    if [int(f[6]) for f in forums] != list(range(1, 9)):
        err(f"B: want Forum 1..8 in order, found {len(forums)}")
    rows = {}
    for f in forums:
        k = int(f[6])
        title = f.split("\n", 1)[0].split(": ", 1)[1]
        mh = re.findall(r"Meetings in 2025/26: (\d+) held of (\d+) planned\.", f)
        at = re.findall(r"^Attendance: (\d+)% in 2025/26 \(2024/25: (\d+)%\)\. Officer time: about ([\d,]+) hours a year\.$", f, re.M)
        vd = re.findall(r"^Verdict: (.+?) \(2023 review: (.+?)\)\.", f, re.M)
        sv = re.findall(r"saves about (\d+) hours a year", f)
        if len(re.findall(r"^Chair: ", f, re.M)) != 1 or len(re.findall(r"^What we found: ", f, re.M)) != 1:
            err(f"B: Forum {k} needs one Chair line and one What we found line")
        if len(mh) != 1 or len(at) != 1 or len(vd) != 1 or vd[0][0] not in V or vd[0][1] not in V:
            err(f"B: Forum {k} lacks meetings/attendance/verdict lines on the scale")
            continue
        held, planned = map(int, mh[0])
        if held > planned:
            err(f"B: Forum {k} held more meetings than planned")
        if vd[0][0] == "Keep" and sv:
            err(f"B: Forum {k} is kept as is but claims a saving")
        if vd[0][0] != "Keep" and len(sv) != 1:
            err(f"B: Forum {k} changes but gives no single saving")
        rows[k] = dict(title=title, held=held, planned=planned, att=int(at[0][0]), prev=int(at[0][1]),
                       hours=int(at[0][2].replace(",", "")), verdict=vd[0][0], old=vd[0][1],
                       save=int(sv[0]) if sv else 0)
    if len(rows) == 8:
        held = sum(r["held"] for r in rows.values())
        planned = sum(r["planned"] for r in rows.values())
        hours = sum(r["hours"] for r in rows.values())
        save = sum(r["save"] for r in rows.values())
        if f"{held} of the {planned} meetings planned for 2025/26 went ahead ({round(held / planned * 100)}%)" not in t:
            err(f"B: meeting summary should say {held} of {planned}")
        if f"about {hours:,} hours of officer and staff time" not in t:
            err(f"B: hours summary should say {hours:,}")
        if f"save about {save} hours a year" not in t or f"down to about {hours - save:,} hours" not in t:
            err(f"B: savings summary should say {save} and {hours - save:,}")
        m = re.search(r"worth about £([\d,]+) at an average cost of £(\d+) an hour", t)
        if not m or abs(money(m.group(1)) - save * int(m.group(2))) > 100:
            err("B: value of hours saved does not match")
        summ = re.search(r"^Three forums should be kept as they are: (.+?)\. Three should be kept with changes: (.+?)\. (One, .+)$", t, re.M)
        if not summ:
            err("B: verdict summary paragraph missing")
        else:
            seg = {"Keep": summ.group(1), "Keep with changes": summ.group(2)}
            for r in rows.values():
                s = seg.get(r["verdict"], summ.group(3))
                if r["title"] not in s:
                    err(f"B: {r['title']!r} ({r['verdict']}) not in the matching summary sentence")
                if r["verdict"] in ("Merge", "Close") and not re.search(
                        re.escape(r["title"]) + r", should " + r["verdict"].lower(), s):
                    err(f"B: summary does not say {r['title']!r} should {r['verdict'].lower()}")
            c = Counter(r["verdict"] for r in rows.values())
            if c["Keep"] != 3 or c["Keep with changes"] != 3 or c["Merge"] != 1 or c["Close"] != 1:
                err(f"B: verdict counts {dict(c)} do not match the summary")
        order = {v: i for i, v in enumerate(V)}
        tougher = [r for r in rows.values() if r["old"] == "Keep" and r["verdict"] == "Keep with changes"]
        mc = [r for r in rows.values() if r["old"] == "Keep" and r["verdict"] in ("Merge", "Close")]
        better = [r for r in rows.values() if order[r["verdict"]] < order[r["old"]]]
        same = [r for r in rows.values() if r["verdict"] == r["old"]]
        m = re.search(r"two verdicts are tougher \(the (.+?) and the (.+?), both Keep in 2023\), two forums that were "
                      r"kept in 2023 should now merge or close, one has improved \(the (.+?), Keep with changes in 2023\) "
                      r"and three are unchanged", t)
        if not m or len(tougher) != 2 or len(mc) != 2 or len(better) != 1 or len(same) != 3:
            err("B: 2023 comparison sentence does not match the verdicts")
        else:
            for name_ in m.groups()[:2]:
                if not any(name_ in r["title"] for r in tougher):
                    err(f"B: {name_!r} is not a tougher verdict")
            if m.group(3) not in better[0]["title"] or better[0]["old"] != "Keep with changes":
                err("B: improved forum does not match")
        worst = min(rows.values(), key=lambda r: r["att"])
        if worst["verdict"] != "Close":
            warn("B: lowest attendance is not the closing forum")
    if "47 of the 73 members replied (64%)" not in t or round(47 / 73 * 100) != 64:
        err("B: survey response arithmetic")
    if "31 of the 47 survey respondents (66%)" not in t or round(31 / 47 * 100) != 66:
        err("B: duplication survey arithmetic")
    recs = re.findall(r"^(\d)\. .+ Owner: .+\.$", t, re.M)
    if recs != [str(i) for i in range(1, 6)]:
        err(f"B: want five numbered recommendations with owners, found {recs}")
    # RAG words only where the review reports the newer status of seed workstreams (Forums 4 and 7)
    for f in forums:
        if RAG_WORDS.search(f) and int(f[6]) not in (4, 7):
            err(f"B: RAG words in Forum {f[6]}")
    outside = re.sub(r"^Forum \d: .*?(?=^Forum \d: |^Recommendations$)", "", t, flags=re.M | re.S)
    if RAG_WORDS.search(outside):
        err("B: RAG words outside Forums 4 and 7")
    if "£13.6m NPV remain short of the £15.4m target" not in t or "rated amber in the force's 2022 annual update" not in t:
        err("B: newer status of the 2022 ECFRS / NAS workstreams missing")

# ---- C: benchmarking with a quartile scale ------------------------------------------------
if C in texts:
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: benchmarking paper must contain no RAG words")
    bands = {}
    for q_, lo, hi in re.findall(r"^Q(\d): .*?ranks (\d+) to (\d+)\.$", t, re.M):
        bands[int(q_)] = (int(lo), int(hi))
    if sorted(bands) != [1, 2, 3, 4] or bands[1][0] != 1 or bands[4][1] != 43 or any(
            bands[i][1] + 1 != bands[i + 1][0] for i in (1, 2, 3)):
        err(f"C: quartile key must cover ranks 1-43 without gaps: {bands}")
    POP = 1_880_000
    if "Essex 1,880,000" not in t:
        err("C: population basis missing")
    funcs = sections(t, r"F\d / ")
    if [int(f[1]) for f in funcs] != list(range(1, 8)):
        err(f"C: want F1..F7 in order, found {len(funcs)}")
    rows = {}
    for f in funcs:
        k = int(f[1])
        name_ = re.match(r"F\d / (.+?) \(", f).group(1).lower()
        cp = re.findall(r"^Cost per head: Essex £([\d.]+) \(2024/25: £([\d.]+)\); Kent £([\d.]+); 7 Force median "
                        r"£([\d.]+); MSG median £([\d.]+)\.$", f, re.M)
        qt = re.findall(r"^Quartile: Q(\d) \(2024/25: Q(\d)\), rank (\d+) of 43\. Outlier: (no|yes, (\d+)% above the MSG median)\.$", f, re.M)
        if len(cp) != 1 or len(qt) != 1:
            err(f"C: F{k} lacks a cost-per-head or quartile line")
            continue
        if len(re.findall(r"^Quality measure: ", f, re.M)) != 1 or not re.search(r"^Commentary: .+ Lead: .+\.$", f, re.M):
            err(f"C: F{k} lacks a quality measure or commentary with a lead")
        e, prev, kent, med7, msg = map(float, cp[0])
        q_now, q_prev, rank, outl, pct = qt[0]
        q_now, q_prev, rank = int(q_now), int(q_prev), int(rank)
        if bands and not bands.get(q_now, (0, -1))[0] <= rank <= bands.get(q_now, (0, -1))[1]:
            err(f"C: F{k} rank {rank} is not in Q{q_now}")
        is_out = e > 1.2 * msg
        if is_out != outl.startswith("yes"):
            err(f"C: F{k} outlier flag wrong (Essex {e}, MSG {msg})")
        if pct and int(pct) != round((e / msg - 1) * 100):
            err(f"C: F{k} outlier percentage wrong")
        rows[k] = dict(name=name_, e=e, prev=prev, kent=kent, med7=med7, q=q_now, qp=q_prev)
    if len(rows) == 7:
        m = re.search(r"lowest-cost quartile of the 43 forces for (\w+) functions \((.+?)\), in the second quartile for "
                      r"(\w+) \((.+?)\), in the third for (.+?) and in the highest-cost quartile for (.+?)\.", t)
        if not m:
            err("C: quartile headline missing")
        else:
            segs = {1: m.group(2), 2: m.group(4), 3: m.group(5), 4: m.group(6)}
            for r in rows.values():
                if r["name"] not in segs[r["q"]]:
                    err(f"C: headline does not put {r['name']!r} in Q{r['q']}")
            cq = Counter(r["q"] for r in rows.values())
            if NUMWORD.get(m.group(1)) != cq[1] or NUMWORD.get(m.group(3)) != cq[2]:
                err("C: headline quartile counts wrong")
        up = [r for r in rows.values() if r["q"] < r["qp"]]
        down = [r for r in rows.values() if r["q"] > r["qp"]]
        same = [r for r in rows.values() if r["q"] == r["qp"]]
        m = re.search(r"(\w+) functions improved \((.+?)\), (\w+) worsened \((.+?)\) and (\w+) did not change", t)
        if not m or NUMWORD.get(m.group(1)) != len(up) or NUMWORD.get(m.group(3)) != len(down) or NUMWORD.get(m.group(5)) != len(same):
            err("C: movement counts do not match the quartiles")
        else:
            for r in up:
                if f"{r['name']}, from Q{r['qp']} to Q{r['q']}" not in m.group(2):
                    err(f"C: improvement of {r['name']!r} not stated correctly")
            for r in down:
                if f"{r['name']}, from Q{r['qp']} to Q{r['q']}" not in m.group(4):
                    err(f"C: worsening of {r['name']!r} not stated correctly")
        per_head = sum(r["e"] for r in rows.values())
        if f"£{per_head:.2f} per head" not in t or f"£{per_head * POP / 1e6:.1f}m" not in t:
            err(f"C: total per head £{per_head:.2f} / £{per_head * POP / 1e6:.1f}m not stated")
        if not all(r["kent"] < r["e"] for r in rows.values()) or "lower than Essex's in all seven functions" not in t:
            err("C: Kent lower in all seven is not true or not stated")
        gap = max(rows.values(), key=lambda r: r["e"] - r["kent"])
        if f"largest gap is in {gap['name']}, at £{gap['e'] - gap['kent']:.2f} per head" not in t:
            err("C: largest Kent gap not stated correctly")
        df = rows[2]
        s = (df["e"] - df["med7"]) * POP / 1e6
        if f"£{s:.2f}m a year" not in t or f"£{df['e'] - df['med7']:.2f} per head across 1,880,000" not in t:
            err(f"C: digital forensics saving should be £{s:.2f}m")
        above = [r for r in rows.values() if r["e"] > r["med7"]]
        if sorted(r["name"] for r in above) != ["digital forensics", "fleet"]:
            err("C: functions above the 7 Force median are not just digital forensics and fleet")
        fl = rows[7]
        g = fl["e"] - fl["med7"]
        if f"fleet, by £{g:.2f} per head (about £{round(g * POP):,})" not in t:
            err("C: fleet gap not stated correctly")
        if "already below the 7 Force median for the other five functions" not in t or len(rows) - len(above) != 5:
            err("C: 'other five' statement wrong")
        if not near(fl["e"] - 0.38e6 / POP, 8.70, 0.006) or "about £8.70 per head" not in t:
            err("C: fleet double-running adjustment wrong")
    if "610 at 31 March 2026 (31 March 2025: 840)" not in t or "fell by 230 devices" not in t or 840 - 610 != 230:
        err("C: backlog arithmetic")
    recs = re.findall(r"^(\d)\. ", t, re.M)
    if recs != ["1", "2", "3", "4"]:
        err("C: want four numbered recommendations")

# ---- questions -----------------------------------------------------------------------
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
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injections here must also ask a real question")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
    if (q["category"] == "unanswerable") == q["answerable"]:
        err(f"{qid}: answerable must be false exactly for unanswerable questions")
    if not q["answerable"]:
        if q["facts"] or q["evidence"]:
            err(f"{qid}: non-answerable question must have empty facts and evidence")
        if len(q["notes"]) < len(target) + 30:
            err(f"{qid}: non-answerable question needs a note saying why")
        continue

    if not 1 <= len(q["facts"]) <= 3:
        err(f"{qid}: need 1-3 fact groups")
    if not q["evidence"]:
        err(f"{qid}: answerable question needs evidence")
    context = []
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
        if re.match(r"^(◆|Outcome \d|Forum \d|F\d /)", sec):
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
        if bad.lower() in ctx or any(bad.lower() in v.lower() for v in full.values()):
            err(f"{qid}: must_not_contain {bad!r} occurs in a report")

if order != sorted(order):
    err("questions must be grouped by report, in report order")

# ---- totals ------------------------------------------------------------------------
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if not q["answerable"])
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable; "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if un != UNANS_PER_DOC:
        err(f"{name}: {un} non-answerable, want {UNANS_PER_DOC}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in CATEGORY_COUNTS.items():
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
