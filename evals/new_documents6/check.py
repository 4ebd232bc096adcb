#!/usr/bin/env python3
"""Validate evals/new_documents6: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents6/check.py
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
    "2024-05-7force-programme-board-minutes.txt": "16 May 2024",
    "2025-02-scd-collaboration-inspection-findings.txt": "12 February 2025",
    "2025-11-tri-service-q2-scorecard.txt": "20 November 2025",
}
A, B, C = list(DOCS)
PREFIX = "nd6"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # exactly 3 of 20 per report (15%)
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2023, 1), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 3, "rag_reason": 3,
                "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 3}
GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
SCALE = {  # each report's own status scale: rag_status facts must use it
    A: {"Green", "Amber", "Red"},
    B: set(GRADES),
    C: {"Green", "Amber", "Red"},
}
WORDNUM = {"no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def to_int(s):
    s = s.strip().lower()
    return WORDNUM[s] if s in WORDNUM else int(s.replace(",", ""))


def parse_date(s):
    m = re.fullmatch(r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})", s.strip())
    return (int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))) if m else None


# ---- headings: one pattern per report; the first non-empty group is the heading text ----
HEADING = {
    A: re.compile(r"^(?:Item \d+ – (.+)|(Present|In Attendance|Apologies|Action Log|Date of Next Meeting))$"),
    B: re.compile(r"^\d+(?:\.\d+)?\.? (.+)$"),
    C: re.compile(r"^([A-Z][A-Z &/(),'–-]{3,}[A-Z)])$"),
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


def sections(name, text):
    """{heading text: body text} for one report (line-based)."""
    out, cur = {"": []}, ""
    for i, raw in enumerate(text.split("\n")):
        line = raw.strip()
        m = HEADING[name].match(line) if i >= 2 and line else None
        if m and len(line.split()) <= 10 and line[-1] not in ".,;:":
            cur = next(g for g in m.groups() if g)
            out[cur] = []
        else:
            out[cur].append(raw)
    return {k: "\n".join(v) for k, v in out.items()}


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
    d = parse_date(date)
    if not d or not DATE_RANGE[0] <= d[:2] <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    fy, fm = name[:4], name[5:7]
    if d and (int(fy), int(fm)) != d[:2]:
        err(f"{name}: file name YYYY-MM does not match the date line")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are not allowed")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

# ---- A: programme board minutes ---------------------------------------------
if A in texts:
    t = texts[A]
    meeting = parse_date(DOCS[A])
    sec = sections(A, t)
    for h, k in (("Present", 5), ("In Attendance", 3), ("Apologies", 1)):
        names = [l for l in sec.get(h, "").split("\n") if l.strip()]
        if len(names) < k:
            err(f"A: {h!r} lists {len(names)} people, want at least {k}")
    items = [int(n) for n in re.findall(r"^Item (\d+) – ", t, re.M)]
    if items != list(range(1, len(items) + 1)) or len(items) < 8:
        err(f"A: agenda items {items} are not numbered 1..n (n >= 8)")
    status_re = re.compile(r"The board agreed the status should (?:move from (Green|Amber|Red) to "
                           r"(Green|Amber|Red)|remain (Green|Amber|Red)) because ")
    final = []
    for h, body in sec.items():
        found = status_re.findall(body)
        if len(found) > 1:
            err(f"A: item {h!r} has {len(found)} status decisions, want at most one")
        for frm, to, keep in found:
            if frm and frm == to:
                err(f"A: item {h!r} 'moves' from {frm} to the same status")
            final.append(to or keep)
    if len(final) < 5:
        err(f"A: only {len(final)} workstream status sentences, want at least 5")
    m = re.search(r"(\w+) workstreams are Green, (\w+) are Amber and (\w+) is Red", t)
    if not m:
        err("A: programme summary of workstream statuses missing")
    else:
        want = Counter(final)
        got = {"Green": to_int(m.group(1)), "Amber": to_int(m.group(2)), "Red": to_int(m.group(3))}
        if any(got[k] != want[k] for k in got):
            err(f"A: summary says {got} but the status sentences give {dict(want)}")
    decisions = [int(n) for n in re.findall(r"^Decision D(\d+): ", t, re.M)]
    if decisions != list(range(1, len(decisions) + 1)) or len(decisions) < 3:
        err(f"A: decisions {decisions} are not numbered D1..Dn (n >= 3)")
    log_re = re.compile(r"^Action (\d\d/\d\d) – (.+?) – Owner: (.+?) – Due: (.+?) – (Open|Closed)$", re.M)
    log = {a: (what, owner, due) for a, what, owner, due, _ in log_re.findall(sec.get("Action Log", ""))}
    log_lines = [l for l in sec.get("Action Log", "").split("\n") if l.strip()]
    if len(log) != len(log_lines) or len(log) < 8:
        err(f"A: action log has {len(log_lines)} lines, {len(log)} well-formed (want >= 8, all well-formed)")
    for a, (what, owner, due) in log.items():
        dd = parse_date(due)
        if not dd or dd <= meeting:
            err(f"A: action {a} due date {due!r} is not after the meeting")
        if f"Action {a}" not in "\n".join(v for k, v in sec.items() if k != "Action Log"):
            err(f"A: action {a} is in the log but never raised in the minutes")
    raised = set(re.findall(r"^Action (\d\d/\d\d): ", t, re.M))
    for a in raised - set(log):
        err(f"A: action {a} raised in the minutes but missing from the log")
    for a in re.findall(r"Action (\d\d/\d\d)", t):
        if a not in log and a not in re.findall(r"Action (\d\d/\d\d)", sec.get("Previous Minutes and Matters Arising", "")):
            err(f"A: action {a} referenced but neither in the log nor closed under Item 2")

# ---- B: inspection findings -------------------------------------------------
if B in texts:
    t = texts[B]
    sec = sections(B, t)
    g = "|".join(GRADES)
    summ = re.findall(rf"^(.+): ({g}) \(2021: ({g})\)$", sec.get("Summary of Judgements", ""), re.M)
    if len(summ) < 6:
        err(f"B: only {len(summ)} graded areas in the summary")
    for area, now, before in summ:
        body = sec.get(area)
        if body is None:
            err(f"B: no findings section for area {area!r}")
            continue
        m = re.search(rf"^Judgement: ({g}) \(2021: ({g})\)$", body, re.M)
        if not m or (m.group(1), m.group(2)) != (now, before):
            err(f"B: area {area!r}: summary {now}/{before} does not match its Judgement line")
    counts = Counter(now for _, now, _ in summ)
    m = re.search(rf"Of the (\w+) areas inspected, (.+?)\.", t)
    if not m or to_int(m.group(1)) != len(summ):
        err("B: 'Of the N areas inspected' sentence missing or wrong")
    else:
        said = {gr: to_int(n) for n, gr in re.findall(rf"(\w+) (?:is graded )?({g})", m.group(2))}
        if said != {k: v for k, v in counts.items()}:
            err(f"B: summary sentence {said} does not match the graded areas {dict(counts)}")
    rank = {gr: i for i, gr in enumerate(GRADES)}
    moves = Counter("improved" if rank[n] < rank[b] else "declined" if rank[n] > rank[b] else "unchanged"
                    for _, n, b in summ)
    m = re.search(r"(\w+) areas have improved, (\w+) have declined and (\w+) are unchanged", t)
    if not m or (to_int(m.group(1)), to_int(m.group(2)), to_int(m.group(3))) != \
            (moves["improved"], moves["declined"], moves["unchanged"]):
        err(f"B: improved/declined/unchanged sentence does not match {dict(moves)}")
    afis = [int(n) for n in re.findall(r"^AFI (\d+): ", sec.get("Areas for Improvement", ""), re.M)]
    if afis != list(range(1, len(afis) + 1)) or len(afis) < 5:
        err(f"B: AFIs {afis} are not numbered AFI 1..n (n >= 5)")
    findings = "\n".join(sec.get(a, "") for a, _, _ in summ)
    refs = sorted({int(n) for n in re.findall(r"\(AFI (\d+)\)", findings)})
    if refs != afis:
        err(f"B: AFIs referenced in the findings {refs} != AFIs listed {afis}")
    coc = [int(n) for n in re.findall(r"^Cause of Concern (\d+): ", sec.get("Causes of Concern", ""), re.M)]
    if coc != list(range(1, len(coc) + 1)) or not coc:
        err(f"B: causes of concern {coc} are not numbered 1..n")
    if sorted({int(n) for n in re.findall(r"Cause of Concern (\d+)\.", findings)}) != coc:
        err("B: every cause of concern must be referenced from its area's findings")
    m = re.search(r"budget of £([\d.]+)m, of which Essex contributes £([\d.]+)m \((\d+)%\) and Kent £([\d.]+)m \((\d+)%\)", t)
    if not m:
        err("B: budget split sentence missing")
    else:
        tot, e, ep, k, kp = float(m.group(1)), float(m.group(2)), int(m.group(3)), float(m.group(4)), int(m.group(5))
        if abs(e + k - tot) > 0.05 or ep + kp != 100 or abs(100 * e / tot - ep) > 0.5:
            err("B: budget split does not add up")

# ---- C: tri-service scorecard -----------------------------------------------
if C in texts:
    t = texts[C]
    sec = sections(C, t)
    row = re.compile(r"^([A-Z]{2}\d) (.+?) {2,}([≥≤])([\d,]+)(%?) {2,}([\d,]+)(%?) {2,}([\d,]+)(%?) {2,}([GAR])$", re.M)
    rows = row.findall(sec.get("SCORECARD", ""))
    table_lines = [l for l in sec.get("SCORECARD", "").split("\n") if l.strip()]
    if len(rows) != len(table_lines) - 1 or len(rows) < 12:
        err(f"C: scorecard has {len(table_lines) - 1} rows, {len(rows)} well-formed (want >= 12, all well-formed)")
    if table_lines and not re.match(r"^Measure {2,}Target {2,}Actual {2,}Prev Qtr {2,}Status$", table_lines[0]):
        err("C: scorecard header line missing")
    widths = {tuple(m.start() for m in re.finditer(r"(?<=  )\S", l)) for l in table_lines}
    if len(widths) != 1:
        err("C: scorecard columns are not space-aligned")

    def status(op, target, actual):
        miss = (target - actual) if op == "≥" else (actual - target)
        return "G" if miss <= 0 else "A" if miss <= 0.10 * target else "R"

    now, prev, better = Counter(), Counter(), Counter()
    codes = {}
    for code, desc, op, tg, p1, ac, p2, pv, p3, st in rows:
        tg, ac, pv = to_int(tg), to_int(ac), to_int(pv)
        if len({p1, p2, p3}) != 1:
            err(f"C: {code}: % signs inconsistent across columns")
        want = status(op, tg, ac)
        if st != want:
            err(f"C: {code}: status {st} but the rule gives {want}")
        now[st] += 1
        prev[status(op, tg, pv)] += 1
        if ac != pv:
            better["better" if (ac > pv) == (op == "≥") else "worse"] += 1
        codes[code] = st
    word = {"G": "Green", "A": "Amber", "R": "Red"}
    m = re.search(r"Of the (\d+) measures, (\d+) are Green, (\d+) are Amber and (\d+) are Red\. Applying the same "
                  r"targets to quarter 1 gives (\d+) Green, (\d+) Amber and (\d+) Red.*?(\d+) measures are better "
                  r"than last quarter and (\d+) are worse", t)
    if not m:
        err("C: headline counts sentence missing")
    else:
        v = [int(x) for x in m.groups()]
        got = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8])
        want = (len(rows), now["G"], now["A"], now["R"], prev["G"], prev["A"], prev["R"],
                better["better"], better["worse"])
        if got != want:
            err(f"C: headline counts {got} != table {want}")
    reds = sorted(c for c, s in codes.items() if s == "R")
    m = re.search(r"The \w+ Red measures are ([A-Z0-9, ]+?) and ([A-Z]{2}\d)\.", t)
    if not m or sorted(re.findall(r"[A-Z]{2}\d", m.group(1)) + [m.group(2)]) != reds:
        err(f"C: headline list of Red measures does not match the table {reds}")
    comm = re.findall(r"^([A-Z]{2}\d) \((Green|Amber|Red)\): ", t, re.M)
    if sorted(c for c, _ in comm) != sorted(codes):
        err("C: every measure needs exactly one commentary line 'CODE (Status): '")
    for c, s in comm:
        if c in codes and word[codes[c]] != s:
            err(f"C: commentary for {c} says {s} but the table says {codes[c]}")
    groups = {c[:2] for c in codes}
    for g2 in groups:
        owners = [h for h, body in sec.items() if re.search(rf"^{g2}\d \(", body, re.M)]
        if len(owners) != 1 or not re.search(r"^Lead service: .+ Measure owner: .+$", sec[owners[0]], re.M):
            err(f"C: measure group {g2} needs one capitalised commentary heading with lead service and owner")
    exc = re.findall(r"^([A-Z]{2}\d): ", sec.get("EXCEPTIONS AND ACTIONS", ""), re.M)
    if sorted(exc) != reds:
        err(f"C: exceptions {sorted(exc)} do not cover exactly the Red measures {reds}")

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
        if target in full and bad.lower() in full[target].lower():
            err(f"{qid}: must_not_contain {bad!r} occurs in the report itself")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions in this set all ask a real question (answerable true)")
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
    if q["category"] == "rag_status":
        for group in q["facts"]:
            for alt in group:
                if alt not in SCALE[target]:
                    err(f"{qid}: rag_status fact {alt!r} is not on the report's own scale")
    context = []  # collapsed lines holding the cited quotes
    for ev in q["evidence"]:
        if not isinstance(ev, dict) or set(ev) != EV_KEYS:
            err(f"{qid}: evidence keys {ev!r}")
            continue
        doc, sec_name, quote = ev["document"], ev["section"], ev["quote_contains"]
        if doc != target:
            err(f"{qid}: evidence document {doc} is not the target {target}")
            continue
        if doc not in full:
            continue
        if re.match(r"^(\d|Item \d)", sec_name):
            err(f"{qid}: section {sec_name!r} must be heading text without its number")
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
        if not any(s <= o and o + len(cq) <= e for o in offs for s, e in spans[doc]):
            err(f"{qid}: quote {quote!r} spans more than one line")
        if sec_name and not any(sec_name.lower() in heading_at(heads[doc], o).lower() for o in offs):
            err(f"{qid}: quote {quote!r} is not under a heading containing {sec_name!r} "
                f"(found under {heading_at(heads[doc], offs[0])!r})")
        if not sec_name and not any(heading_at(heads[doc], o) == "" for o in offs):
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
    if len(cats) < 9:
        err(f"{name}: questions span only {len(cats)} categories, want at least 9")
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
