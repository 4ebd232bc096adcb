#!/usr/bin/env python3
"""Validate evals/new_documents11: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents11/check.py
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
    "2025-09-ecjb-delivery-plan-exception-report.txt": "11 September 2025",
    "2026-02-shared-stations-consultation-outcome.txt": "26 February 2026",
    "2026-10-mutual-aid-half-year-log.txt": "22 October 2026",
}
A, B, C = list(DOCS)
RATED = {A}                      # the only report that carries ratings
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PREFIX = "nd11"
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # 3 of 20 per report (15%)
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2025, 7), (2026, 11))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 2, "rag_reason": 2,
                "comparison": 2, "typo": 2, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green|BRAG)\b")
RANK = {"red": 0, "amber": 1, "green": 2}
WORDNUM = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def money(s):
    """'£6.715m' -> 6715000.0, '£212,000' -> 212000.0"""
    s = s.replace("£", "").replace(",", "")
    return float(s[:-1]) * 1e6 if s.endswith("m") else float(s)


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
LOG_HEADS = r"About this log|The half-year at a glance|Money|Effect on Essex officers|Issues for the Board"
HEADING = {
    A: re.compile(r"^§\d+(?:\.\d+)? (.+)$"),
    B: re.compile(r"^(?:\d\d — (.+)|(On [a-z].+))$"),
    C: re.compile(r"^((?:" + "|".join(MONTHS) + r") \d{4}|" + LOG_HEADS + r")$"),
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


def sections(text, pattern):
    """Split text into {heading line: body} using a heading regex (multiline)."""
    parts = re.split(r"^(" + pattern + r")$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


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
    if not re.match(r"\d{4}-\d\d-[a-z0-9-]+\.txt$", name) or name[:7] != f"{m.group(2)}-{MONTHS[m.group(1)]:02d}":
        err(f"{name}: file name must be YYYY-MM-short-name.txt matching the date line")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    if name not in RATED and RAG_WORDS.search(t):
        err(f"{name}: must contain no RAG ratings (found {RAG_WORDS.search(t).group(0)!r})")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

if A in texts:  # exception report: § headings, one-view rating lines agree with the exception sections
    t = texts[A]
    if re.search(r"\bRAG\b|Overall RAG|RAG status|Current status", t):
        err("A: must not use the RAG-label wording of earlier papers")
    view = re.findall(r"^P(\d) · (.+?) · (red|amber|green) \(Q4: (red|amber|green)\) · "
                      r"(improving|steady|worsening) · (.+)$", t, re.M)
    if [int(v[0]) for v in view] != list(range(1, 10)):
        err(f"A: want nine one-view lines P1..P9, found {[v[0] for v in view]}")
    now = Counter(v[2] for v in view)
    m = re.search(r"^(\w+) priorities are red, (\w+) are amber and (\w+) are green\.", t, re.M)
    if not m or [WORDNUM[w.lower()] for w in m.groups()] != [now["red"], now["amber"], now["green"]]:
        err(f"A: summary count sentence does not match the one-view lines {dict(now)}")
    moved = {"improved": [f"P{v[0]}" for v in view if RANK[v[2]] > RANK[v[3]]],
             "worsened": [f"P{v[0]}" for v in view if RANK[v[2]] < RANK[v[3]]]}
    for k, lst in moved.items():
        m = re.search(rf"(\w+) (?:priorit(?:y|ies) )?ha(?:s|ve) {k} \(([^)]*)\)", t)
        if not m or re.findall(r"P\d", m.group(2)) != lst or WORDNUM[m.group(1)] != len(lst):
            err(f"A: '{k}' sentence does not match the one-view lines ({lst})")
    secs = sections(t, r"§\d+(?:\.\d+)? .+")
    for p, ws, rating, prev, outlook, lead in view:
        if rating == "green":
            if not re.search(rf"^P{p} {re.escape(ws)}: ", secs.get("§6 Priorities on track", ""), re.M):
                err(f"A: green priority P{p} has no line in §6")
            continue
        major = "4" if rating == "red" else "5"
        key = next((h for h in secs if re.match(rf"§{major}\.\d P{p} {re.escape(ws)}$", h)), None)
        if not key:
            err(f"A: {rating} priority P{p} {ws!r} has no exception section under §{major}")
            continue
        first = secs[key].strip().split("\n")[0]
        if not first.startswith(f"Rated {rating}") or f"Outlook: {outlook}." not in first:
            err(f"A: P{p} section opening {first[:60]!r} disagrees with the one view ({rating}, {outlook})")
        if prev != rating and f"from {prev}" not in first:
            err(f"A: P{p} section does not say it moved from {prev}")
        if prev == rating and not re.search(r"unchanged|as in quarter 4", first):
            err(f"A: P{p} section does not say the rating is unchanged")
        if not re.search(r"^Asked of the Board: ", secs[key], re.M):
            err(f"A: P{p} section lacks an 'Asked of the Board:' line")
    m = re.search(r"budget for 2025/26 is (£[\d,]+): (£[\d,]+) from Essex Police, (£[\d,]+) from the PFCC "
                  r"and (£[\d,]+) from the CPS", t)
    if not m or money(m.group(1)) != sum(money(x) for x in m.groups()[1:]):
        err("A: budget contributions do not add up to the total")
    if len(re.findall(r"^\([a-d]\) ", t, re.M)) != 4:
        err("A: want four lettered decisions")

if B in texts:  # consultation outcome: numbered parts, 'On ...' themes with You said / Our response
    t = texts[B]
    nums = re.findall(r"^(\d\d) — ", t, re.M)
    if nums != [f"{i:02d}" for i in range(1, len(nums) + 1)] or len(nums) < 7:
        err(f"B: numbered parts must run 01, 02, ... (found {nums})")
    themes = sections(t, r"On [a-z].+|\d\d — .+")
    on = [h for h in themes if h.startswith("On ")]
    if len(on) < 5:
        err(f"B: only {len(on)} 'On ...' theme headings")
    for h in on:
        body = [l for l in themes[h].strip().split("\n") if l.strip()]
        if len(body) != 2 or not body[0].startswith("You said: ") or not body[1].startswith("Our response: "):
            err(f"B: theme {h!r} must be exactly a 'You said:' line then an 'Our response:' line")
    m = re.search(r"We received ([\d,]+) survey responses: (\d+) about Great Dunmow, (\d+) about Brightlingsea "
                  r"and (\d+) about Canvey Island", t)
    if not m or int(m.group(1).replace(",", "")) != sum(int(x) for x in m.groups()[1:]):
        err("B: survey responses by town do not add up")
    m = re.search(r"add (£[\d,]+), bringing the total capital cost of the three schemes to (£[\d.]+m): "
                  r"(£[\d.]+m) at Great Dunmow, (£[\d.]+m) at Brightlingsea and (£[\d.]+m) at Canvey Island", t)
    if not m or abs(money(m.group(2)) - sum(money(x) for x in m.groups()[2:])) > 1:
        err("B: capital cost by site does not add up")
    else:
        extras = [money(x) for x in re.findall(r"added cost of (£[\d,]+)", t)]
        if abs(sum(extras) - money(m.group(1))) > 1:
            err(f"B: added costs {extras} do not add up to {m.group(1)}")
        s = re.search(r"Essex Police will pay (£[\d.]+m) and ECFRS (£[\d.]+m)", t)
        if not s or abs(money(s.group(1)) + money(s.group(2)) - money(m.group(2))) > 1:
            err("B: police and fire shares do not add up to the capital cost")
    m = re.search(r"fall by (£[\d,]+) a year from 2028/29, of which (£[\d,]+) is saved by Essex Police "
                  r"and (£[\d,]+) by ECFRS", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err("B: running cost savings do not add up")
    if len(re.findall(r"^\d\. [A-Z][a-z]+(?: [A-Z][a-z]+)*: ", t, re.M)) != 4:
        err("B: want four numbered changes, each starting with the site name")

if C in texts:  # mutual aid log: month headings in order, dated entries whose shifts add up
    t = texts[C]
    months = re.findall(r"^(" + "|".join(MONTHS) + r") 2026$", t, re.M)
    if months != ["April", "May", "June", "July", "August", "September"]:
        err(f"C: month headings must run April to September 2026 (found {months})")
    secs = sections(t, r"(?:" + "|".join(MONTHS) + r") \d{4}|" + LOG_HEADS)
    given = received = 0
    n_given = n_received = n_declined = 0
    entry = re.compile(r"^(\d{1,2})(?: to (\d{1,2}))? ([A-Z][a-z]+)\. (Given to|Received from|Request)(.*)$", re.M)
    for mon in months:
        ents = entry.findall(secs.get(f"{mon} 2026", ""))
        if not ents:
            err(f"C: no dated entries under {mon} 2026")
        for d1, d2, mname, kind, rest in ents:
            if mname != mon:
                err(f"C: entry dated {d1} {mname} sits under {mon} 2026")
            if d2 and int(d2) < int(d1):
                err(f"C: entry {d1} to {d2} {mname} runs backwards")
            sh = re.search(r"\((\d[\d,]*) officer shifts\)", rest)
            if kind == "Request":
                n_declined += "declined" in rest
                continue
            if not sh:
                err(f"C: entry {d1} {mname} gives no officer shifts")
                continue
            k = int(sh.group(1).replace(",", ""))
            if kind == "Given to":
                given, n_given = given + k, n_given + 1
            else:
                received, n_received = received + k, n_received + 1
    m = re.search(r"Essex gave ([\d,]+) officer shifts of aid to other forces and received ([\d,]+), "
                  r"so Essex was a net giver of ([\d,]+) officer shifts", t)
    if not m:
        err("C: half-year totals sentence missing")
    else:
        g, r, net = (int(x.replace(",", "")) for x in m.groups())
        if (g, r, net) != (given, received, given - received):
            err(f"C: totals {g}/{r}/{net} do not match the entries {given}/{received}/{given - received}")
    m = re.search(r"Aid was given on (\w+) occasions to \w+ forces: .+ Aid was received on (\w+) occasions, "
                  r"from \w+ forces\. (\w+) request was declined", t)
    if not m or (WORDNUM[m.group(1)], WORDNUM[m.group(2)], WORDNUM[m.group(3).lower()]) != (n_given, n_received, n_declined):
        err(f"C: occasion counts do not match the entries ({n_given} given, {n_received} received, {n_declined} declined)")
    m = re.search(r"invoiced other forces (£[\d,]+) .+?(£[\d,]+) had been paid and (£[\d,]+) was still owed", t)
    if not m or money(m.group(1)) != money(m.group(2)) + money(m.group(3)):
        err("C: invoiced, paid and owed do not add up")
    m = re.search(r"charged (£[\d,]+) for the aid it received\. Of this, (£[\d,]+),.+The (£[\d,]+) cost of the "
                  r"Epping Forest disorder.+The remaining (£[\d,]+) is met", t)
    if not m or money(m.group(1)) != sum(money(x) for x in m.groups()[1:]):
        err("C: costs of aid received do not add up")
    m = re.search(r"([\d,]+) rest days were cancelled.+Of these, ([\d,]+) have been re-rostered and ([\d,]+) were paid", t)
    if not m or int(m.group(1).replace(",", "")) != int(m.group(2).replace(",", "")) + int(m.group(3)):
        err("C: rest day figures do not add up")

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
    if q["category"] == "unanswerable" and q["answerable"]:
        err(f"{qid}: unanswerable question marked answerable")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions in this set also ask a real question (answerable true)")
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
        if re.match(r"^(§|\d)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its number")
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
overall = Counter(q.get("category") for q in qs)
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in sorted(overall.items())))
for c, k in MIN_CATEGORY.items():
    if overall[c] < k:
        err(f"category {c}: {overall[c]} questions, want at least {k}")
if any(q.get("category") in ("rag_status", "rag_reason")
       and not any(q.get("notes", "").startswith(d) for d in RATED) for q in qs):
    err("rating questions may only target the report that has ratings")

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
