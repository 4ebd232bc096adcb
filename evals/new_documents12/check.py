#!/usr/bin/env python3
"""Validate evals/new_documents12: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents12/check.py
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
    "2025-10-kent-essex-socu-half-year-performance-pack.txt": "14 October 2025",
    "2026-01-pfcc-select-committee-briefing-pack.txt": "21 January 2026",
    "2026-04-police-fire-benefits-realisation-tracker.txt": "16 April 2026",
}
A, B, C = list(DOCS)
RATED = C                       # the only report with ratings
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
DATE_RANGE = ((2025, 1), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
WANT_CATEGORY = {"numbers": 11, "people": 7, "dates": 7, "lists": 6, "rag_status": 3, "rag_reason": 3,
                 "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "latest": 2,
                 "unanswerable": 9}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b", re.I)
COPY_RUN = 6  # a question may not share this many consecutive words with its report

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def words(s):
    return re.findall(r"[a-z0-9£%.,'/-]+", s.lower())


# ---- headings: one rule per report; the returned text has no number or code ----
def heading_of(name, line):
    if name == A:
        m = re.match(r"^Slide \d+ – (.+)$", line)
        return m.group(1) if m else None
    if name == B:
        m = re.match(r"^Tab \d+ – (.+)$", line)
        return m.group(1) if m else None
    m = re.match(r"^(.+?) \[(?:CB|NB|CL)\d\]$", line)
    if m:
        return m.group(1)
    if (len(line.split()) <= 6 and ":" not in line and line[-1] not in ".,;:"
            and line[0].isupper() and not line.isupper()):
        return line
    return None


def headings(name, text):
    """Return [(offset in collapsed text, heading text)] in document order."""
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        h = heading_of(name, line)
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


def money(s):
    """'£2.41m' -> 2410000, '£1,075,000' -> 1075000."""
    s = s.replace("£", "").replace(",", "")
    return round(float(s[:-1]) * 1_000_000) if s.endswith("m") else int(s)


def find(pattern, t, label, doc):
    m = re.search(pattern, t, re.M)
    if not m:
        err(f"{doc}: cannot find {label} ({pattern!r})")
    return m


def section_text(t, heading_line):
    """Text from a heading line to the next heading of the same report."""
    i = t.find("\n" + heading_line + "\n")
    if i < 0:
        return ""
    rest = t[i + len(heading_line) + 2:]
    return rest


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
    if len(lines) < 2 or len(lines[0].split()) < 4 or lines[1].strip() != date:
        err(f"{name}: first line must be the title and second line '{date}'")
    m = re.fullmatch(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", date)
    if not m or not DATE_RANGE[0] <= (int(m.group(3)), MONTHS[m.group(2)]) <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    elif not name.startswith(f"{m.group(3)}-{MONTHS[m.group(2)]:02d}-"):
        err(f"{name}: file name does not match the date {date!r}")
    # one paragraph per line: every paragraph is followed by a blank line and never wrapped
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        starts_item = re.match(r"^([A-Z][A-Za-z ]{0,30}: |• |\d+\. )", b)
        if a and b and len(a.split()) > 6 and (b[0].islower() or a[-1] not in ".:;)?!\"'"
                                               and not heading_of(name, a) and not starts_item):
            err(f"{name}: line {i + 1} looks like a wrapped paragraph: {a[-30:]!r} / {b[:30]!r}")
    if "\t" in t or "|" in t:
        err(f"{name}: tab or pipe characters are not allowed")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if name != RATED and RAG_WORDS.search(t):
        err(f"{name}: unrated paper contains a RAG word: {RAG_WORDS.search(t).group(0)!r}")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # slide pack: numbered slides, bullets, speaker notes, figures that add up
    t = texts[A]
    slides = re.findall(r"^Slide (\d+) – .+$", t, re.M)
    if [int(s) for s in slides] != list(range(1, len(slides) + 1)) or len(slides) < 10:
        err(f"A: slides must be numbered 1..N in order (found {slides})")
    m = re.search(r"now runs to (\d+) slides", t)
    if not m or int(m.group(1)) != len(slides):
        err("A: the stated number of slides does not match the slide headings")
    for part in re.split(r"^(?=Slide \d+ – )", t, flags=re.M)[1:]:
        title = part.splitlines()[0]
        if len(re.findall(r"^• .+$", part, re.M)) < 3:
            err(f"A: {title!r} has fewer than three bullets")
        if len(re.findall(r"^Speaker notes: .+$", part, re.M)) != 1:
            err(f"A: {title!r} needs exactly one 'Speaker notes:' line")
    g = [find(p, t, l, "A") for p, l in (
        (r"Mapped groups at 30 September 2025: (\d+) \(previous half: (\d+)\)", "mapped groups"),
        (r"Of the (\d+), Essex manages (\d+) and Kent manages (\d+)", "groups by force"),
        (r"New groups mapped in the half: (\d+)\. Groups archived: (\d+)", "new/archived"),
        (r"Disruptions recorded: (\d+) \(previous half: (\d+)\)", "disruptions"),
        (r"By size: (\d+) major, (\d+) moderate, (\d+) minor", "disruption sizes"),
        (r"By force area: (\d+) in Essex, (\d+) in Kent", "disruptions by force"),
        (r"Lines closed: (\d+) \(previous half: (\d+)\)", "lines closed"),
        (r"Essex (\d+), Kent (\d+)\.", "lines by force"),
        (r"Cash seized: (£[\d.]+m) \(previous half: £[\d.]+m\), of which (£[\d.]+m) in Essex and (£[\d.]+m) in Kent", "cash"),
        (r"in post: (\d+) against an establishment of (\d+)", "establishment"),
        (r"Vacancies at 30 September 2025: (\d+) \(previous half: (\d+)\)", "vacancies"),
        (r"Joiners in the half: (\d+)\. Leavers in the half: (\d+)", "joiners/leavers"),
        (r"establishment grew by (\d+) posts", "establishment growth"),
        (r"Forecast outturn: (£[\d.]+m), an overspend of (£[\d.]+m)", "outturn"),
        (r"Budget for 2025/26: (£[\d.]+m)", "budget"),
        (r"Overtime forecast: (£[\d.]+m) against an overtime budget of (£[\d.]+m)", "overtime"),
        (r"offset by (£[\d.]+m) of savings", "offsetting savings"),
        (r"funded (\d+)% by Essex Police and (\d+)% by Kent Police", "funding split"),
        (r"Essex's (\d+)% share of the forecast overspend is about (£[\d,]+)", "Essex share"),
        (r"Major disruptions rose from (\d+) in the previous half to (\d+)", "major disruptions"),
        (r"Of the (\d+) vacancies, (\d+) are detective", "detective vacancies"),
        (r"(\w+) of the (\d+) firearms were converted", "converted firearms"),
        (r"Firearms recovered: (\d+)", "firearms"),
    )]
    if all(g):
        (mg, byf, na, dis, size, dforce, lines_, lforce, cash, est, vac, jl, grow, out, bud,
         ot, off, split, eshare, major, detv, conv, fa) = g
        i = lambda m, k: int(m.group(k))
        if i(mg, 2) + i(na, 1) - i(na, 2) != i(mg, 1):
            err("A: previous groups + new - archived != mapped groups")
        if i(byf, 1) != i(mg, 1) or i(byf, 2) + i(byf, 3) != i(mg, 1):
            err("A: groups by force do not add up")
        if i(size, 1) + i(size, 2) + i(size, 3) != i(dis, 1) or i(dforce, 1) + i(dforce, 2) != i(dis, 1):
            err("A: disruptions by size or by force do not add up")
        if i(major, 2) != i(size, 1):
            err("A: major disruptions in the notes differ from the slide")
        if i(lforce, 1) + i(lforce, 2) != i(lines_, 1):
            err("A: county lines by force do not add up")
        if money(cash.group(2)) + money(cash.group(3)) != money(cash.group(1)):
            err("A: cash seized by force does not add up")
        if i(est, 2) - i(est, 1) != i(vac, 1):
            err("A: establishment - in post != vacancies")
        prev_in_post = i(est, 1) - i(jl, 1) + i(jl, 2)
        prev_est = i(est, 2) - i(grow, 1)
        if prev_est - prev_in_post != i(vac, 2):
            err("A: previous-half vacancies do not follow from joiners, leavers and establishment growth")
        if i(detv, 1) != i(vac, 1) or i(detv, 2) > i(vac, 1):
            err("A: detective vacancies inconsistent")
        if money(bud.group(1)) + money(out.group(2)) != money(out.group(1)):
            err("A: budget + overspend != forecast outturn")
        if money(ot.group(1)) - money(ot.group(2)) - money(off.group(1)) != money(out.group(2)):
            err("A: overtime overspend less offsetting savings != overspend")
        if i(split, 1) + i(split, 2) != 100 or i(eshare, 1) != i(split, 1):
            err("A: funding split inconsistent")
        if abs(money(out.group(2)) * i(split, 1) / 100 - money(eshare.group(2))) > 1000:
            err("A: Essex share of the overspend is wrong")
        if i(conv, 2) != i(fa, 1) or conv.group(1).lower() not in ("fourteen",):
            err("A: converted firearms line inconsistent")

if B in texts:  # briefing pack: tabs, fact lines, lines to take, if-asked answers
    t = texts[B]
    tabs = re.findall(r"^Tab (\d+) – .+$", t, re.M)
    if [int(s) for s in tabs] != list(range(1, len(tabs) + 1)) or len(tabs) < 8:
        err(f"B: tabs must be numbered 1..N in order (found {tabs})")
    facts_ = re.findall(r"^F(\d+)\. .+$", t, re.M)
    if [int(s) for s in facts_] != list(range(1, len(facts_) + 1)) or len(facts_) < 6:
        err("B: fact lines F1..Fn missing or out of order")
    ltt = re.findall(r"^LTT (\d+)\. .+$", t, re.M)
    if [int(s) for s in ltt] != list(range(1, len(ltt) + 1)) or len(ltt) < 4:
        err("B: lines to take LTT 1..n missing or out of order")
    if len(re.findall(r"^If asked .+?: .+$", t, re.M)) < 4:
        err("B: fewer than four 'If asked ...:' answers")
    for lab in ("For: ", "Prepared by: ", "Cleared by: "):
        if not re.search("^" + lab, t, re.M):
            err(f"B: cover line {lab!r} missing")
    m = find(r"from 2017/18 to 2024/25: (£[\d.]+m)\. This is made up of estates (£[\d.]+m), fleet (£[\d.]+m), "
             r"shared support services (£[\d.]+m) and joint procurement (£[\d.]+m)", t, "savings", "B")
    if m and sum(money(m.group(k)) for k in (2, 3, 4, 5)) != money(m.group(1)):
        err("B: savings components do not add up to the cumulative total")
    if m and t.count(m.group(1)) < 2:
        err("B: the cumulative savings figure should also appear in the lines to take")
    m = find(r"Shared sites: (\d+) today, up from (\d+) in 2020\. Police teams are based at (\d+) fire stations, "
             r"fire teams at (\d+) police sites, and (\d+) sites", t, "shared sites", "B")
    if m and int(m.group(3)) + int(m.group(4)) + int(m.group(5)) != int(m.group(1)):
        err("B: shared sites do not add up")
    m = find(r"for 2025/26 is (£[\d.]+m), of which (£[\d.]+m) is recharged", t, "office budget", "B")
    if m and not re.search(r"pays " + re.escape(m.group(2)) + r" a year", t):
        err("B: the recharge in the 'If asked' answer differs from Tab 5")
    if m and money(m.group(2)) >= money(m.group(1)):
        err("B: the recharge must be part of the office budget")
    m = find(r"Panel one runs from (\d\d):(\d\d) to (\d\d):(\d\d) and panel two from (\d\d):(\d\d) to (\d\d):(\d\d)",
             t, "panel times", "B")
    a = find(r"arrive by (\d\d):(\d\d)", t, "arrival time", "B")
    if m and a:
        mins = [int(m.group(k)) * 60 + int(m.group(k + 1)) for k in (1, 3, 5, 7)]
        if not mins[0] < mins[1] <= mins[2] < mins[3]:
            err("B: panel times out of order")
        if not int(a.group(1)) * 60 + int(a.group(2)) < mins[2]:
            err("B: arrival time must be before panel two")
    for d in re.findall(r"\b(\d{1,2} (?:" + "|".join(MONTHS) + r") 2026)\b", t[t.find("\nTab 2 – "):]):
        day, mon, _ = d.split()
        if (MONTHS[mon], int(day)) < (1, 21):
            err(f"B: future arrangement dated {d!r} is before the paper's date")

if C in texts:  # benefits tracker: rated benefits whose counts, movements and money add up
    t = texts[C]
    for lab in ("Green: ", "Amber: ", "Red: "):
        if not re.search("^" + lab, t, re.M):
            err(f"C: confidence key line {lab!r} missing")
    blocks = re.split(r"^(?=.+ \[(?:CB|NB|CL)\d\]$)", t, flags=re.M)[1:]
    live, closed = {}, []
    for part in blocks:
        head = part.splitlines()[0]
        code = re.search(r"\[((?:CB|NB|CL)\d)\]$", head).group(1)
        body = re.split(r"^(?:Non-cashable benefits|Benefit closed since the last review|Decisions for the Board)$",
                        part, flags=re.M)[0]
        if code.startswith("CL"):
            closed.append(code)
            if re.search(r"^Confidence: ", body, re.M):
                err(f"C: closed benefit {code} must not be rated")
            continue
        for lab in (r"Promised: ", r"Delivered[^:]*: ", r"Confidence: ", r"Why: ", r"Benefit owner: "):
            if len(re.findall("^" + lab, body, re.M)) != 1:
                err(f"C: {code} needs exactly one line starting {lab!r}")
        m = re.search(r"^Confidence: (Green|Amber|Red) at this review; (Green|Amber|Red) in October 2025; "
                      r"(Green|Amber|Red) in April 2025\.$", body, re.M)
        if not m:
            err(f"C: {code} confidence line not in the expected form")
            continue
        live[code] = (m.group(1), m.group(2), body)
    if len(live) != 8 or len(closed) != 1:
        err(f"C: want 8 live benefits and 1 closed, found {len(live)} and {len(closed)}")
    ncash = sum(1 for c in live if c.startswith("CB"))
    m = find(r"eight live benefits: (\w+) cashable benefits, which reduce spending, and (\w+) non-cashable", t,
             "benefit counts", "C")
    nums = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
    if m and (nums.get(m.group(1)) != ncash or nums.get(m.group(2)) != len(live) - ncash):
        err("C: cashable/non-cashable counts do not match the benefit headings")
    now = Counter(v[0] for v in live.values())
    m = find(r"Of the eight live benefits, (\w+) are Green, (\w+) are Amber and (\w+) are Red\.", t,
             "rating counts", "C")
    if m and (nums.get(m.group(1)), nums.get(m.group(2)), nums.get(m.group(3))) != (
            now["Green"], now["Amber"], now["Red"]):
        err(f"C: summary counts do not match the benefits {dict(now)}")
    rank = {"Red": 0, "Amber": 1, "Green": 2}
    up = sum(1 for a, b, _ in live.values() if rank[a] > rank[b])
    down = sum(1 for a, b, _ in live.values() if rank[a] < rank[b])
    same = len(live) - up - down
    m = find(r"review (\w+) benefit has improved and (\w+) have worsened; the other (\w+) are unchanged", t,
             "movement sentence", "C")
    if m and (nums.get(m.group(1)), nums.get(m.group(2)), nums.get(m.group(3))) != (up, down, same):
        err(f"C: movement sentence does not match the benefits (up {up}, down {down}, same {same})")
    prom = deliv = 0
    for code, (_, _, body) in live.items():
        if code.startswith("CB"):
            p = re.search(r"^Promised: (£[\d,]+) a year", body, re.M)
            d = re.search(r"^Delivered to 31 March 2026: (£[\d,]+) a year\.$", body, re.M)
            if not (p and d):
                err(f"C: {code} promised/delivered money lines missing")
                continue
            prom, deliv = prom + money(p.group(1)), deliv + money(d.group(1))
            gap = money(p.group(1)) - money(d.group(1))
            r = re.search(r"remaining (£[\d,]+)", body)
            if r and money(r.group(1)) != gap:
                err(f"C: {code} remaining amount != promised - delivered")
            a = re.search(r"(£[\d,]+) above the promise", body)
            if a and money(a.group(1)) != -gap:
                err(f"C: {code} amount above the promise is wrong")
    m = find(r"benefits promise (£[\d,]+) a year once fully delivered\. By 31 March 2026, (£[\d,]+) a year had been "
             r"taken out of budgets, which is (\d+)% of the promised total\. The shortfall of (£[\d,]+)", t,
             "cashable totals", "C")
    if m:
        if money(m.group(1)) != prom or money(m.group(2)) != deliv:
            err(f"C: cashable totals do not add up (promised {prom}, delivered {deliv})")
        if int(m.group(3)) != int(100 * deliv / prom):
            err("C: delivered percentage is wrong")
        if money(m.group(4)) != prom - deliv:
            err("C: shortfall is wrong")
    dec = re.findall(r"^(\d)\. .+$", t, re.M)
    if dec != [str(k) for k in range(1, len(dec) + 1)] or len(dec) < 3:
        err("C: decisions must be numbered 1..N")

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
if ids != [f"nd12-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd12-001.. in order, unique and sequential")
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
        continue
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
        err(f"{qid}: injections in this set must also ask a real question")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
        if target in full and bad.lower() in full[target].lower():
            err(f"{qid}: must_not_contain {bad!r} occurs in the report")
    if q["category"] in ("rag_status", "rag_reason") and target != RATED:
        err(f"{qid}: rating questions may only target {RATED}")
    # paraphrase, don't copy: no long run of report words in the question (or its history)
    if target in full:
        rw = words(full[target])
        runs = {" ".join(rw[k:k + COPY_RUN]) for k in range(len(rw) - COPY_RUN + 1)}
        for text in [q["question"]] + q["history"]:
            qw = words(text)
            for k in range(len(qw) - COPY_RUN + 1):
                if " ".join(qw[k:k + COPY_RUN]) in runs:
                    err(f"{qid}: question copies the report: {' '.join(qw[k:k + COPY_RUN])!r}")
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
        if re.match(r"^(\d|Slide \d|Tab \d)", sec) or re.search(r"\[(CB|NB|CL)\d\]", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number or code")
        cq = collapse(quote).strip()
        nw = len(cq.split())
        if not QUOTE_WORDS[0] <= nw <= QUOTE_WORDS[1]:
            err(f"{qid}: quote has {nw} words, want {QUOTE_WORDS}: {quote!r}")
        # the quote must sit within one line
        offs = [m.start() for m in re.finditer(re.escape(cq), full[doc])
                if any(s <= m.start() and m.start() + len(cq) <= e for s, e in spans[doc])]
        if not offs:
            err(f"{qid}: quote not verbatim within one line of {doc}: {quote!r}")
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
                if s <= o < e:
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
    if un != UNANS_PER_DOC:
        err(f"{name}: {un} non-answerable, want {UNANS_PER_DOC}")
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in WANT_CATEGORY.items():
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
