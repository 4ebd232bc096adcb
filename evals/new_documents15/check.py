#!/usr/bin/env python3
"""Validate evals/new_documents15: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents15/check.py
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
    "2025-12-information-sharing-agreements-compliance-review.txt": "11 December 2025",
    "2026-05-custody-healthcare-contract-performance.txt": "21 May 2026",
    "2026-09-joint-occupational-health-post-implementation-review.txt": "17 September 2026",
}
A, B, C = list(DOCS)
PREFIX = "nd15"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
RATED = {A, B}                  # A: Red/Amber/Green; B: contract score 1-4
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 6), (2026, 10))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")
WORDNUM = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "nineteen": 19}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def money(s):
    return int(s.replace("£", "").replace(",", ""))


def n(s):
    s = s.lower()
    return WORDNUM[s] if s in WORDNUM else int(s.replace(",", ""))


# ---- headings: one pattern per report; group 1 is the heading text without its prefix ----
HEADING = {
    A: re.compile(r"^\(\d+[a-h]?\) (.+)$"),
    B: re.compile(r"^(?:Part [A-I] — |KPI \d — )(.+)$"),
    C: re.compile(r"^Q: (.+\?)$"),
}


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


def parse_date(s):
    m = re.fullmatch(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", s.strip())
    return (int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))) if m else None


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
    d = parse_date(date)
    if not d or not DATE_RANGE[0] <= d[:2] <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    elif not name.startswith(f"{d[0]:04d}-{d[1]:02d}-"):
        err(f"{name}: file name does not match the date line {date!r}")
    # one paragraph per line, paragraphs separated by blank lines
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b:
            err(f"{name}: lines {i + 1}-{i + 2} are not separated by a blank line: {b[:40]!r}")
    for i, raw in enumerate(lines, 1):
        if raw != raw.strip():
            err(f"{name}: line {i} has leading/trailing whitespace")
        if "  " in raw:
            err(f"{name}: line {i} has double spaces (space-aligned table?)")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab or pipe characters are not allowed")
    # no heading shapes already used by earlier sets
    for old in (r"^Section \d+ – ", r"^\d\) ", r"^Workstream [A-F]: ", r"^[IVX]+\. ", r"^Clause \d+ – ",
                r"^Slide \d+ – ", r"^Tab \d+ – ", r"^Stage \d+ – ", r"^■ ", r"^§", r"^\[", r"^Item \d+ – "):
        if re.search(old, t, re.M):
            err(f"{name}: uses an earlier set's heading shape {old!r}")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

# ---- A: information sharing compliance review (RAG) ------------------------
if A in texts:
    t = texts[A]
    paper = parse_date(DOCS[A])
    for k in ("Green:", "Amber:", "Red:"):
        if not re.search("^" + k, t, re.M):
            err(f"A: RAG key line {k!r} missing")
    blocks = re.split(r"^(?=\(\d+[a-h]?\) )", t, flags=re.M)
    agreements = [b for b in blocks if re.match(r"\(5[a-h]\) ", b)]
    if [b[:4] for b in agreements] != [f"(5{c})" for c in "abcdefgh"[:len(agreements)]] or len(agreements) != 8:
        err(f"A: want agreements (5a)..(5h), found {len(agreements)}")
    now, before = Counter(), Counter()
    moves = {"improved": [], "worsened": [], "unchanged": []}
    rank = {"Red": 0, "Amber": 1, "Green": 2}
    for b in agreements:
        title = b.split("\n", 1)[0]
        m = re.search(r"^RAG 2025: (Red|Amber|Green)\. RAG 2024: (Red|Amber|Green)\. Reason: .{40,}$", b, re.M)
        if not m:
            err(f"A: {title!r} lacks a 'RAG 2025: X. RAG 2024: Y. Reason: ...' line")
            continue
        for lab in (r"Volume: [\d,]+|Volume: \w+ ", r"Owner: "):
            if not re.search("^(?:" + lab + ")", b, re.M):
                err(f"A: {title!r} lacks a line starting {lab!r}")
        if not re.search(r"^Volume: .+\(2024: [\w,]+\)\.$", b, re.M):
            err(f"A: {title!r} volume line lacks the 2024 comparison")
        x, y = m.groups()
        now[x] += 1
        before[y] += 1
        moves["improved" if rank[x] > rank[y] else "worsened" if rank[x] < rank[y] else "unchanged"].append(title)
        if x == "Red" and "ICO" not in m.group(0) and "without a valid agreement" not in m.group(0):
            err(f"A: {title!r} is Red but its reason gives no ICO report or missing agreement")
    m = re.search(r"Of the eight agreements, (\w+) are rated Green, (\w+) Amber and (\w+) Red\. "
                  r"In 2024 (\w+) were Green, (\w+) were Amber and (\w+) was Red\.", t)
    if not m:
        err("A: summary counts sentence missing")
    else:
        got = [n(v) for v in m.groups()]
        want = [now["Green"], now["Amber"], now["Red"], before["Green"], before["Amber"], before["Red"]]
        if got != want:
            err(f"A: summary counts {got} do not match the agreements {want}")
    m = re.search(r"(\w+) agreements? has improved \((.+?)\), (\w+) have worsened \((.+?)\) and (\w+) are unchanged", t)
    if not m:
        err("A: movement sentence missing")
    else:
        if [n(m.group(1)), n(m.group(3)), n(m.group(5))] != [len(moves[k]) for k in ("improved", "worsened", "unchanged")]:
            err(f"A: movement counts do not match {[(k, len(v)) for k, v in moves.items()]}")
        for k, g in (("improved", 2), ("worsened", 4)):
            if m.group(g).count(" to ") != len(moves[k]):
                err(f"A: movement list for {k} does not name each agreement")
    m = re.search(r"^Nineteen incidents .+ up from (\d+) in 2024\. One was reportable .+ other (\d+) as not reportable\.$", t, re.M)
    if not m or 1 + int(m.group(2)) != 19:
        err("A: incident total / reportable split does not add up")
    for lab in (r"^By type, the 19 incidents were: (.+)$", r"^By partner: (.+)$"):
        m = re.search(lab, t, re.M)
        if not m or sum(int(v) for v in re.findall(r"\b(\d+)\b", m.group(1).split(". ")[0])) != 19:
            err(f"A: breakdown {lab!r} does not add up to 19")
    m = re.search(r"received (\d+) subject access requests .+ Of these, (\d+) were answered .+ \((\d+)%\); the (\w+) late", t)
    if not m:
        err("A: subject access sentence missing")
    else:
        tot, ok, pct, late = int(m.group(1)), int(m.group(2)), int(m.group(3)), n(m.group(4))
        if ok + late != tot or round(100 * ok / tot) != pct:
            err("A: subject access figures do not add up")
    acts = re.findall(r"^(\d)\. .+ Owner: .+\. By (\d{1,2} \w+ \d{4})\.$", t, re.M)
    if [int(a) for a, _ in acts] != list(range(1, 9)):
        err(f"A: want actions 1..8 each with Owner and By date, found {[a for a, _ in acts]}")
    for a, dd in acts:
        pd = parse_date(dd)
        if not pd or pd <= paper:
            err(f"A: action {a} date {dd} is not after the paper date")
    if "approve the eight actions" not in t:
        err("A: recommendation does not refer to the eight actions")
    m = re.search(r"total cost of (£[\d,]+) \((£[\d,]+) in 2026/27 and (£[\d,]+) in 2027/28\)", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err("A: post cost phasing does not add up")

# ---- B: contract performance report (score 1-4) ----------------------------
if B in texts:
    t = texts[B]
    if RAG_WORDS.search(t):
        err("B: contract report uses a 1-4 score, not RAG words")
    names = {4: "Exceeding", 3: "Meeting", 2: "Approaching", 1: "Failing"}
    for s, w in names.items():
        if not re.search(rf"^{s} {w}: ", t, re.M):
            err(f"B: score key line '{s} {w}:' missing")
    crit = {1, 3, 5}
    kpis = re.findall(r"^KPI (\d) — (.+)\n\nTarget: (\d+)%\. Quarterly results: Q1 ([\d.]+)%, Q2 ([\d.]+)%, "
                      r"Q3 ([\d.]+)%, Q4 ([\d.]+)%\. Annual result: ([\d.]+)%\.\n\nScore: (\d) (\w+) "
                      r"\(2024/25: (\d) (\w+)\)\.\n\nCommentary: .+$", t, re.M)
    if [int(k[0]) for k in kpis] != list(range(1, 9)):
        err(f"B: want KPI 1..8 blocks of target/quarters/annual/score/commentary, found {len(kpis)}")
    scores, prevs, misses = {}, {}, defaultdict(list)
    for k in kpis:
        i, tgt = int(k[0]), float(k[2])
        qs_ = [float(v) for v in k[3:7]]
        ann = float(k[7])
        if abs(round(sum(qs_) / 4 + 1e-9, 1) - ann) > 1e-6:
            err(f"B: KPI {i}: annual {ann} is not the mean of {qs_}")
        if all(q >= tgt for q in qs_) and ann >= tgt + 2:
            want = 4
        elif ann >= tgt:
            want = 3
        elif tgt - ann < 5:
            want = 2
        else:
            want = 1
        if int(k[8]) != want or names[want] != k[9]:
            err(f"B: KPI {i}: score {k[8]} {k[9]} but the rule gives {want} {names[want]}")
        if names.get(int(k[10])) != k[11]:
            err(f"B: KPI {i}: 2024/25 score label mismatch")
        scores[i], prevs[i] = want, int(k[10])
        for qn, q in enumerate(qs_, 1):
            if q < tgt:
                misses[qn].append(i)
    if len(scores) == 8:
        avg, pavg = sum(scores.values()) / 8, sum(prevs.values()) / 8
        m = re.search(r"overall contract score for 2025/26 is ([\d.]+) out of 4, up from ([\d.]+) in 2024/25", t)
        if not m or abs(float(m.group(1)) - round(avg, 1)) > 0.051 or abs(float(m.group(2)) - round(pavg, 1)) > 0.051:
            err(f"B: overall score sentence does not match averages {avg:.3f} / {pavg:.3f}")
        cnt = Counter(scores.values())
        m = re.search(r"(\w+) KPIs scored 4 \(Exceeding\), (\w+) scored 3 \(Meeting\), (\w+) scored 2 "
                      r"\(Approaching\) and (\w+) scored 1 \(Failing\)", t)
        if not m or [n(v) for v in m.groups()] != [cnt[4], cnt[3], cnt[2], cnt[1]]:
            err(f"B: score counts sentence does not match {dict(cnt)}")
        m = re.search(r"(\w+) KPIs improved on last year \((.+?)\), (\w+) worsened \((.+?)\) and (\w+) were unchanged \((.+?)\)", t)
        groups = {"up": sorted(i for i in scores if scores[i] > prevs[i]),
                  "down": sorted(i for i in scores if scores[i] < prevs[i]),
                  "same": sorted(i for i in scores if scores[i] == prevs[i])}
        if not m:
            err("B: movement sentence missing")
        else:
            for (cg, lg), key in zip(((1, 2), (3, 4), (5, 6)), ("up", "down", "same")):
                if n(m.group(cg)) != len(groups[key]) or sorted(int(v) for v in re.findall(r"KPI (\d)", m.group(lg))) != groups[key]:
                    err(f"B: movement '{key}' does not match {groups[key]}")
        fails = [i for i in scores if scores[i] == 1]
        if not re.search(rf"only Failing KPI is .+\(KPI {fails[0] if fails else 0}\)", t):
            err("B: the Failing KPI named in the summary is wrong")
        # service credits
        per_q = {q: sum(9000 if i in crit else 4000 for i in misses[q]) for q in range(1, 5)}
        total = sum(per_q.values())
        nmiss = sum(len(v) for v in misses.values())
        ncrit = sum(1 for v in misses.values() for i in v if i in crit)
        m = re.search(r"there were (\d+) missed KPI quarters: (\d+) on critical KPIs \((£[\d,]+)\) and (\d+) on other "
                      r"KPIs \((£[\d,]+)\), a total of (£[\d,]+)", t)
        if not m or [int(m.group(1)), int(m.group(2)), money(m.group(3)), int(m.group(4)), money(m.group(5)),
                     money(m.group(6))] != [nmiss, ncrit, ncrit * 9000, nmiss - ncrit, (nmiss - ncrit) * 4000, total]:
            err(f"B: service credit totals do not match the KPI results ({nmiss} misses, £{total})")
        m = re.search(r"^By quarter: (.+)$", t, re.M)
        parts = re.findall(r"Q(\d) (£[\d,]+) \(KPIs? ([\d, and]+)\)", m.group(1)) if m else []
        if len(parts) != 4:
            err("B: quarterly service credit line missing")
        for q, amt, ks in parts:
            if money(amt) != per_q[int(q)] or sorted(int(v) for v in re.findall(r"\d", ks)) != sorted(misses[int(q)]):
                err(f"B: Q{q} credits {amt} ({ks}) do not match the misses {misses[int(q)]} (£{per_q[int(q)]})")
        if "Service credits of £{:,}".format(total) not in t:
            err("B: summary service credit total wrong")
        m = re.search(r"Essex (£[\d,]+) and Kent (£[\d,]+)\.", t)
        if not m or money(m.group(1)) != round(total * 0.52) or money(m.group(2)) != round(total * 0.48):
            err("B: service credits not split 52:48")
        else:
            ecr, kcr = money(m.group(1)), money(m.group(2))
    m = re.search(r"core annual charge is (£[\d,]+), shared 52% Essex \((£[\d,]+)\) and 48% Kent \((£[\d,]+)\)", t)
    if not m or money(m.group(2)) != round(money(m.group(1)) * 0.52) or money(m.group(2)) + money(m.group(3)) != money(m.group(1)):
        err("B: core charge split does not add up")
    else:
        core, ecore, kcore = (money(v) for v in m.groups())
        m = re.search(r"net cost for the year was (£[\d,]+): the core charge of (£[\d,]+), plus an Essex-only variation of "
                      r"(£[\d,]+) .+ less service credits of (£[\d,]+)\.", t)
        if not m:
            err("B: net cost sentence missing")
        else:
            net, c2, var, cr = (money(v) for v in m.groups())
            if c2 != core or net != core + var - cr:
                err("B: net cost does not add up")
            m2 = re.search(r"Essex paid (£[\d,]+) \(core (£[\d,]+) plus the (£[\d,]+) variation, less (£[\d,]+) credits\) "
                           r"and Kent paid (£[\d,]+) \(core (£[\d,]+) less (£[\d,]+) credits\)", t)
            if not m2:
                err("B: per-force cost sentence missing")
            else:
                ep, ec, ev, ecr2, kp, kc, kcr2 = (money(v) for v in m2.groups())
                if ec != ecore or kc != kcore or ev != var or ep != ec + ev - ecr2 or kp != kc - kcr2 or ep + kp != net \
                        or ecr2 + kcr2 != cr:
                    err("B: per-force costs do not add up")
            m3 = re.search(r"budget for the contract in 2025/26 was (£[\d,]+), so the year ended (£[\d,]+) under budget", t)
            if not m3 or money(m3.group(1)) - net != money(m3.group(2)):
                err("B: budget variance does not add up")
    m = re.search(r"detainees \(Essex ([\d,]+); Kent ([\d,]+)\)", t)
    if not m or n(m.group(1)) + n(m.group(2)) != 60200:
        err("B: detainee split does not add up")
    m = re.search(r"cost £([\d,]+) in procurement and transition costs, shared £([\d,]+) Essex and £([\d,]+) Kent", t)
    if not m or n(m.group(2)) + n(m.group(3)) != n(m.group(1)) or n(m.group(2)) != round(n(m.group(1)) * 0.52):
        err("B: re-procurement cost split does not add up")
    m = re.search(r"reviewed (\d+) detainee records \((\d+) from each force\) and found the clinical record good in (\d+) of them \((\d+)%\)", t)
    if not m or int(m.group(2)) * 2 != int(m.group(1)) or round(100 * int(m.group(3)) / int(m.group(1))) != int(m.group(4)):
        err("B: clinical audit figures do not add up")
    if len(re.findall(r"^Option \d is |Option \d is ", t)) < 3:
        err("B: break clause options missing")

# ---- C: post-implementation review (no ratings) -----------------------------
if C in texts:
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: post-implementation review must contain no RAG words")
    if any(not h.endswith("?") for _, h in heads.get(C, [])):
        err("C: every heading must be a question")
    lines_ = re.findall(r"^- .+: budget (£[\d,]+), actual (£[\d,]+);?\.?$", t, re.M)
    if len(lines_) != 4:
        err(f"C: want four budget lines, found {len(lines_)}")
    bud, act = sum(money(b) for b, _ in lines_), sum(money(a) for _, a in lines_)
    m = re.search(r"budgeted (£[\d,]+) for implementation, shared 70% Essex Police and 30% ECFRS\. The actual cost was "
                  r"(£[\d,]+), an overspend of (£[\d,]+) \((\d+)%\)", t)
    if not m or [money(m.group(1)), money(m.group(2)), money(m.group(3))] != [bud, act, act - bud] \
            or round(100 * (act - bud) / bud) != int(m.group(4)):
        err("C: implementation budget lines do not add up to the stated totals")
    m = re.search(r"so Essex Police paid (£[\d,]+) and ECFRS paid (£[\d,]+)\.", t)
    if not m or money(m.group(1)) != round(act * 0.7) or money(m.group(1)) + money(m.group(2)) != act:
        err("C: implementation cost not split 70:30")
    m = re.search(r"two services cost (£[\d,]+) a year: (£[\d,]+) for the Essex Police unit and (£[\d,]+) for the ECFRS "
                  r"contract\. The business case gave the joint service a budget of (£[\d,]+), a saving of (£[\d,]+)\.", t)
    if not m:
        err("C: previous running cost sentence missing")
    else:
        old, ep, ef, newb, sav = (money(v) for v in m.groups())
        if ep + ef != old or old - newb != sav:
            err("C: previous running costs / planned saving do not add up")
        m2 = re.search(r"outturn was (£[\d,]+), so the saving in the first year was (£[\d,]+), which is (£[\d,]+) less", t)
        if not m2 or old - money(m2.group(1)) != money(m2.group(2)) or sav - money(m2.group(2)) != money(m2.group(3)):
            err("C: first-year saving does not add up")
        else:
            out, real = money(m2.group(1)), money(m2.group(2))
            m3 = re.search(r"shared 80:20 under the collaboration agreement: Essex Police paid (£[\d,]+) and ECFRS paid (£[\d,]+)", t)
            if not m3 or money(m3.group(1)) != round(out * 0.8) or money(m3.group(1)) + money(m3.group(2)) != out:
                err("C: running cost not split 80:20")
            m4 = re.search(r"paid back in ([\d.]+) years, against ([\d.]+) years", t)
            if not m4 or abs(float(m4.group(1)) - round(act / real, 1)) > 0.051 or abs(float(m4.group(2)) - round(bud / sav, 1)) > 0.051:
                err("C: payback periods do not match the figures")
    for pat, tot_i in ((r"covers ([\d,]+) people: ([\d,]+) Essex Police officers and staff and ([\d,]+) ECFRS", 0),
                       (r"handled ([\d,]+) management referrals \(Essex Police ([\d,]+); ECFRS ([\d,]+)\)", 0),
                       (r"completed ([\d,]+) medicals \(([\d,]+) police specialist medicals, .+? and ([\d,]+) firefighter", 0),
                       (r"had ([\d,]+) responses: ([\d,]+) from Essex Police and ([\d,]+) from ECFRS", 0)):
        m = re.search(pat, t)
        if not m or n(m.group(1)) != n(m.group(2)) + n(m.group(3)):
            err(f"C: split does not add up: {pat[:40]!r}")
    m = re.search(r"fell from ([\d,]+) in 2024/25 to ([\d,]+) in 2025/26, a fall of ([\d,]+) days \((\d+)%\)", t)
    if not m or n(m.group(1)) - n(m.group(2)) != n(m.group(3)) or round(100 * n(m.group(3)) / n(m.group(1))) != int(m.group(4)):
        err("C: absence reduction does not add up")
    m = re.search(r"([\d,]+) physiotherapy sessions .+, (\d+)% more than the ([\d,]+) planned", t)
    if not m or round(100 * (n(m.group(1)) - n(m.group(3))) / n(m.group(3))) != int(m.group(2)):
        err("C: physiotherapy percentage wrong")
    m = re.search(r"(\d+)% of users were satisfied .+, (\d+)% were neither .+ and (\d+)% were dissatisfied", t)
    if not m or sum(int(v) for v in m.groups()) != 100:
        err("C: satisfaction percentages do not add up to 100")
    m2 = re.search(r"ECFRS users were less satisfied \((\d+)%\) than police users \((\d+)%\)", t)
    m3 = re.search(r"had [\d,]+ responses: ([\d,]+) from Essex Police and ([\d,]+) from ECFRS", t)
    if m and m2 and m3:
        wt = (int(m2.group(2)) * n(m3.group(1)) + int(m2.group(1)) * n(m3.group(2))) / (n(m3.group(1)) + n(m3.group(2)))
        if round(wt) != int(m.group(1)):
            err(f"C: overall satisfaction {m.group(1)}% not the weighted mean {wt:.1f}%")
    m = re.search(r"costing £([\d,]+) a year, shared 80:20 \(Essex Police £([\d,]+); ECFRS £([\d,]+)\)", t)
    if not m or n(m.group(2)) + n(m.group(3)) != n(m.group(1)) or n(m.group(2)) != round(n(m.group(1)) * 0.8):
        err("C: clinic pilot cost split does not add up")
    if re.findall(r"^Recommendation ([A-Z]): ", t, re.M) != list("ABCD"):
        err("C: want Recommendations A-D")
    if re.findall(r"^Lesson (\w+): ", t, re.M) != ["one", "two", "three", "four", "five"]:
        err("C: want Lessons one to five")

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
        err(f"{qid}: injection questions in this set must also ask a real question")
    if q["category"] in ("rag_status", "rag_reason") and target not in RATED:
        err(f"{qid}: rating question on a paper without ratings")
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
        if re.match(r"^(\(\d|Part [A-I] —|KPI \d —|Q:)", sec):
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
        if bad.lower() in ctx or (target in full and bad.lower() in full[target].lower()):
            err(f"{qid}: must_not_contain {bad!r} occurs in the report")

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
