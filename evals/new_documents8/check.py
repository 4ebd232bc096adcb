#!/usr/bin/env python3
"""Validate evals/new_documents8: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents8/check.py
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
    "2024-03-joint-procurement-internal-audit.txt": "12 March 2024",
    "2025-06-university-research-partnership-update.txt": "19 June 2025",
    "2026-02-esmcp-monthly-highlight-report.txt": "February 2026",
}
A, B, C = list(DOCS)
PREFIX = "nd8"
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
DATE_RANGE = ((2023, 1), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 3, "rag_reason": 3,
                "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 3}
COLOURS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

# each report's own status scale (used by rag_status / rag_reason questions)
ASSURANCE = ["Substantial assurance", "Reasonable assurance", "Limited assurance", "No assurance"]
PROJECT_STATUS = ["On track", "At risk", "Delayed", "Complete"]
RATINGS = ["Green", "Amber/Green", "Amber", "Amber/Red", "Red"]
SCALE = {A: ASSURANCE, B: PROJECT_STATUS, C: RATINGS}
WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def parse_date(s):
    """'31 May 2024' or 'May 2024' -> (y, m, d); d = 28 when missing."""
    m = re.fullmatch(r"(?:(\d{1,2}) )?(" + "|".join(MONTHS) + r") (\d{4})", s.strip())
    if not m:
        return None
    return int(m.group(3)), MONTHS[m.group(2)], int(m.group(1) or 28)


def months_after(d0, d1):
    return (d1[0] - d0[0]) * 12 + (d1[1] - d0[1]) + (d1[2] - d0[2]) / 31


# ---- headings: one pattern per report; group 1 is the heading text without its prefix ----
HEADING = {
    A: re.compile(r"^(?:Finding \d+ – (?:High|Medium|Low) priority – (.+)|([A-Z][A-Z0-9 &/’'()-]+[A-Z)]))$"),
    B: re.compile(r"^(?:Part [A-Z][a-z]+: |Project \([a-f]\) – )(.+)$"),
    C: re.compile(r"^(?:\[\d\] |WS\d – )(.+)$"),
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
        if m and len(line.split()) <= 12 and line[-1] not in ".,;:":
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


def sections(text, pattern):
    """Split text at lines matching pattern: [(heading line, body)]."""
    parts = re.split(r"^(?=" + pattern + r")", text, flags=re.M)
    return [(p.split("\n", 1)[0], p) for p in parts if re.match(pattern, p)]


def money(s):
    s = s.replace(",", "").replace("£", "")
    return float(s[:-1]) * 1e6 if s.endswith("m") else float(s)


# ---- documents -------------------------------------------------------------
texts, full, heads, spans, dates = {}, {}, {}, {}, {}
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
    d = parse_date(date)
    dates[name] = d
    if not d or not DATE_RANGE[0] <= d[:2] <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    if not name.startswith(f"{d[0]:04d}-{d[1]:02d}-") if d else True:
        err(f"{name}: file name must start with the paper's YYYY-MM")
    for i in range(2, len(lines) - 1):  # one paragraph per line
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or re.search(r"^[^|\n]+\|[^|\n]+\|", t, re.M):
        err(f"{name}: tab- or pipe-separated tables are not allowed")
    if re.search(r"\b(Mr|Mrs|Ms)\.? [A-Z]", t):
        warn(f"{name}: honorifics used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # internal audit: assurance opinion, numbered prioritised findings with responses
    t = texts[A]
    if COLOURS.search(t):
        err("A: audit report uses the assurance scale, not colour ratings")
    for level in ASSURANCE:
        if t.count(level) < 1:
            err(f"A: assurance level {level!r} not defined")
    op = re.findall(r"Our overall opinion is (Substantial|Reasonable|Limited|No) assurance", t)
    if len(op) != 1:
        err(f"A: want exactly one overall opinion sentence, found {len(op)}")
    areas = re.findall(r"^- [^:\n]+: (Substantial|Reasonable|Limited|No) assurance$", t, re.M)
    if len(areas) < 4:
        err(f"A: only {len(areas)} area opinions")
    if op and "Substantial" in areas and op[0] == "No":
        err("A: area opinions inconsistent with the overall opinion")
    finds = sections(t, r"Finding \d+ – (?:High|Medium|Low) priority – ")
    nums = [int(re.match(r"Finding (\d+)", h).group(1)) for h, _ in finds]
    if nums != list(range(1, len(finds) + 1)) or len(finds) < 6:
        err(f"A: findings must be numbered 1..N (N >= 6), got {nums}")
    prio = Counter()
    window = {"High": 3, "Medium": 6, "Low": 12}
    for h, body in finds:
        p = re.search(r"– (High|Medium|Low) priority –", h).group(1)
        prio[p] += 1
        body = body.split("\n\nAREAS OF", 1)[0]
        for lab in ("Management response: ", "Responsible officer: ", "Target date: "):
            if len(re.findall(r"^" + lab, body, re.M)) != 1:
                err(f"A: {h!r} needs exactly one line starting {lab!r}")
        m = re.search(r"^Target date: (.+)$", body, re.M)
        td = parse_date(m.group(1)) if m else None
        if m and not td:
            err(f"A: {h!r}: bad target date {m.group(1)!r}")
        elif td and dates.get(A) and not 0 <= months_after(dates[A], td) <= window[p]:
            err(f"A: {h!r}: target date {m.group(1)} outside the {window[p]}-month window for {p} priority")
    m = re.search(r"We have raised (\w+) findings: (\w+) High priority, (\w+) Medium priority and (\w+) Low priority", t)
    if not m:
        err("A: summary sentence of findings by priority missing")
    else:
        tot, h, md, lo = (WORDNUM.get(x, -1) for x in m.groups())
        if (tot, h, md, lo) != (len(finds), prio["High"], prio["Medium"], prio["Low"]):
            err(f"A: summary sentence {m.group(0)!r} does not match the findings {dict(prio)}")
    for p in ("High", "Medium", "Low"):
        m = re.search(rf"^- {p} priority: (\d+) \(Findings? ([\d, and]+)\)$", t, re.M)
        if not m or int(m.group(1)) != prio[p]:
            err(f"A: summary count line for {p} missing or wrong")
        else:
            listed = [int(x) for x in re.findall(r"\d+", m.group(2))]
            actual = [n for (hh, _), n in zip(finds, nums) if f"– {p} priority –" in hh]
            if listed != actual:
                err(f"A: {p} summary lists findings {listed}, actual {actual}")
    m = re.search(r"^- Total: (\d+)$", t, re.M)
    if not m or int(m.group(1)) != len(finds):
        err("A: total count line missing or wrong")

if B in texts:  # research partnership: six lettered projects with funding, PI, milestones, status
    t = texts[B]
    if COLOURS.search(t):
        err("B: research update uses its own status words, not colour ratings")
    projects = sections(t, r"Project \([a-f]\) – ")
    letters = [re.match(r"Project \(([a-f])\)", h).group(1) for h, _ in projects]
    if letters != list("abcdef"):
        err(f"B: projects must be (a)-(f) in order, got {letters}")
    total, now, before = 0, Counter(), Counter()
    st = "|".join(PROJECT_STATUS)
    for h, body in projects:
        body = body.split("\n\nPart ", 1)[0]
        if not re.search(r"^Principal investigator: (Dr|Professor) [A-Z]\w+ [A-Z]\w+$", body, re.M):
            err(f"B: {h!r}: principal investigator line missing")
        m = re.search(r"^Funding: (£[\d,]+) over \d+ months$", body, re.M)
        if not m:
            err(f"B: {h!r}: funding line missing")
        else:
            total += money(m.group(1))
        m = re.search(rf"^Status: ({st}) \(December 2024: ({st})\)$", body, re.M)
        if not m:
            err(f"B: {h!r}: status line missing")
        else:
            now[m.group(1)] += 1
            before[m.group(2)] += 1
        ms = re.findall(r"^- .+: (?:planned )?(?:\d{1,2} )?(?:" + "|".join(MONTHS) + r") \d{4}", body, re.M)
        if len(ms) < 2:
            err(f"B: {h!r}: want at least two dated milestones, got {len(ms)}")
    m = re.search(r"Of this, (£[\d,]+) is allocated to the six projects", t)
    if not m or abs(money(m.group(1)) - total) > 0.5:
        err(f"B: project funding adds to {total:,.0f}, not the stated allocation")
    m = re.search(r"Total funding for the three years is (£[\d.]+m), made up of (£[\d,]+) .*?, (£[\d,]+) .*?, (£[\d,]+) .*? and (£[\d,]+) ", t)
    if not m or abs(sum(money(x) for x in m.groups()[1:]) - money(m.group(1))) > 0.5:
        err("B: funding sources do not add up to the total")
    else:
        alloc = re.search(r"The balance of (£[\d,]+) funds two PhD studentships \((£[\d,]+)\) and the partnership coordinator post \((£[\d,]+)\)", t)
        if not alloc or abs(money(alloc.group(1)) - (money(m.group(1)) - total)) > 0.5 \
                or abs(money(alloc.group(2)) + money(alloc.group(3)) - money(alloc.group(1))) > 0.5:
            err("B: balance after project allocations does not add up")
    m = re.search(r"Of the six projects, (\w+) are On track, (\w+) are At risk, (\w+) is Delayed and (\w+) is Complete", t)
    if not m or [WORDNUM.get(x) for x in m.groups()] != [now[s] for s in PROJECT_STATUS]:
        err(f"B: status summary sentence does not match project statuses {dict(now)}")
    m = re.search(r"At the December 2024 update (\w+) projects were On track and (\w+) were At risk", t)
    if not m or [WORDNUM.get(x) for x in m.groups()] != [before["On track"], before["At risk"]] \
            or before["Delayed"] or before["Complete"]:
        err(f"B: December summary does not match the bracketed statuses {dict(before)}")
    m = re.search(r"Spend to 31 May 2025 was (£[\d,]+) against a profile of (£[\d,]+)\. The (£[\d,]+) underspend", t)
    if not m or abs(money(m.group(2)) - money(m.group(1)) - money(m.group(3))) > 0.5:
        err("B: spend/profile/underspend do not agree")
    for part in ("Publications", "Next steps"):
        if not re.search(rf"^Part [A-Z][a-z]+: {part}", t, re.M):
            err(f"B: part {part!r} missing")
    if len(re.findall(r"^- [A-Z][a-z]+, [A-Z]\..*\(20\d\d\)", t, re.M)) < 3:
        err("B: want at least three publication entries")

if C in texts:  # programme highlight report: space-aligned workstream table and commentary
    t = texts[C]
    rt = "|".join(sorted(RATINGS, key=len, reverse=True))
    hdr = re.search(r"^Workstream +Last month +This month +Lead$", t, re.M)
    if not hdr:
        err("C: table header 'Workstream  Last month  This month  Lead' missing")
    else:
        col_last = hdr.group(0).index("Last month")
        col_this = hdr.group(0).index("This month")
        col_lead = hdr.group(0).index("Lead")
    rows = re.findall(rf"^((?:WS\d .+?)|Overall) {{2,}}({rt}) {{2,}}({rt}) {{2,}}(\S.+)$", t, re.M)
    table = {}
    for line in re.findall(rf"^(?:WS\d .+?|Overall) {{2,}}(?:{rt}) .+$", t, re.M):
        if hdr and not (line[col_last - 1] == " " and line[col_last] != " " and line[col_this] != " "
                        and line[col_lead] != " " and line[col_lead - 1] == " "):
            err(f"C: table row not aligned under the header: {line!r}")
    for ws, last, this, lead in rows:
        table[ws.split()[0]] = (last, this, lead.strip())
    wss = [k for k in table if k != "Overall"]
    if wss != [f"WS{i}" for i in range(1, 8)] or "Overall" not in table:
        err(f"C: table must have rows WS1..WS7 and Overall, got {list(table)}")
    worse = better = same = 0
    names = {}
    for ws, last, this, lead in rows:
        if ws == "Overall":
            continue
        code, name = ws.split(" ", 1)
        names[code] = name.strip()
        m = re.search(rf"^{code} – {re.escape(name.strip())}\n\nThis month: ({rt})\. Last month: ({rt})\.$", t, re.M)
        if not m:
            err(f"C: commentary for {code} missing or not opening with 'This month: X. Last month: Y.'")
        elif (m.group(2), m.group(1)) != (last, this):
            err(f"C: {code}: table {last}->{this} but commentary {m.group(2)}->{m.group(1)}")
        d = RATINGS.index(this) - RATINGS.index(last)
        worse += d > 0
        better += d < 0
        same += d == 0
    m = re.search(rf"The overall status for Essex this month is ({rt}), (?:down|up) from ({rt}) last month", t)
    if not m or "Overall" not in table or (m.group(2), m.group(1)) != table["Overall"][:2]:
        err("C: overall status sentence does not match the Overall row")
    m = re.search(r"(\w+) workstreams have worsened \(([^)]*)\), (\w+) has improved \(([^)]*)\) and (\w+) are unchanged", t)
    if not m or [WORDNUM.get(m.group(1).lower()), WORDNUM.get(m.group(3)), WORDNUM.get(m.group(5))] != [worse, better, same]:
        err(f"C: worsened/improved/unchanged sentence does not match the table ({worse}/{better}/{same})")
    else:
        for code, name in names.items():
            d = RATINGS.index(table[code][1]) - RATINGS.index(table[code][0])
            if d > 0 and name not in m.group(2) or d < 0 and name not in m.group(4):
                err(f"C: {name} missing from the worsened/improved lists")
    if len(re.findall(r"^K\d .+ Owner: .+\.$", t, re.M)) < 3:
        err("C: want at least three key issues with owners")
    if len(re.findall(r"^D\d [A-Z].+", t, re.M)) < 3:
        err("C: want at least three decisions")
    ms = re.findall(r"^- .+: (?:\d{1,2} )?(?:" + "|".join(MONTHS) + r") \d{4}$", t, re.M)
    if len(ms) < 6:
        err(f"C: {len(ms)} dated next-milestone lines, want at least 6")

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
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions here must also ask a real question (answerable true)")
    for bad in q["must_not_contain"]:
        if bad.lower() not in q["question"].lower():
            err(f"{qid}: must_not_contain {bad!r} is not the injected text in the question")
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
        alts = [a for g in q["facts"] for a in g]
        if not any(a in SCALE[target] for a in alts):
            err(f"{qid}: rag_status facts must use the report's own scale {SCALE[target]}")
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
        if re.match(r"^(\d|\[\d|Part [A-Z]|Project \(|Finding \d|WS\d)", sec):
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
        if bad.lower() in ctx or any(bad.lower() in full[d].lower() for d in full):
            err(f"{qid}: must_not_contain {bad!r} occurs in a report")

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
        err(f"{name}: {un} non-answerable, want exactly {UNANS_PER_DOC}")
    for c in ("rag_status", "rag_reason", "numbers", "people", "dates", "lists", "comparison",
              "typo", "followup", "injection", "latest"):
        if not cats[c]:
            err(f"{name}: no {c} question")
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
