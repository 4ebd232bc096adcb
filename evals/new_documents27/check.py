#!/usr/bin/env python3
"""Validate evals/new_documents27: three invented reports and questions.jsonl (stdlib only).

Adapted from evals/new_documents4/check.py.
Run:  python3 evals/new_documents27/check.py
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
    "2026-03-collaboration-audit-follow-up-tracker.txt": "5 March 2026",
    "2026-06-joint-dog-unit-disaggregation-plan.txt": "11 June 2026",
    "2026-11-collaboration-assurance-map.txt": "12 November 2026",
}
A, B, C = list(DOCS)
PREFIX = "nd27"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # "about 15%": 3 of 20 per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1000, 2000)
QUOTE_WORDS = (4, 12)
COPY_RUN = 8                    # no run of this many report words copied into a question
DATE_RANGE = ((2026, 1), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 4, "lists": 3, "rag_status": 3, "rag_reason": 3,
                "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 2}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings: one pattern per report; the first non-empty group is the heading text ----
HEADING = {
    # plain Title Case words, "Audit KE-24/09 – ...", "VET-1 — ..."
    A: re.compile(r"^(Audit \S+ – .+|[A-Z]{3}-\d — .+|[A-Z][A-Za-z-]*(?: [A-Za-z][A-Za-z'-]*){0,7})$"),
    # "#3 The Unit Today", "WS3 Estates and kennels"
    B: re.compile(r"^(?:#\d+ (.+)|(WS\d .+))$"),
    # "◇ Headlines", "C4 – 7 Force Network programme office"
    C: re.compile(r"^(?:◇ (.+)|(C\d – .+))$"),
}


def headings(name, text):
    """Return [(offset in collapsed text, heading text)] in document order."""
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


def money(s):
    return int(s.replace("£", "").replace(",", ""))


def words(s):
    return re.findall(r"[a-z0-9£%]+", s.lower())


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
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or "|" in t:
        err(f"{name}: tab- or pipe-separated tables are shapes already used")
    if re.search(r"^\S.*\S {3,}\S", t, re.M):
        err(f"{name}: space-aligned tables are shapes already used")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

STATUSES_A = ["Complete (verified)", "Complete (unverified)", "On course", "Overdue", "Superseded"]
NUMWORD = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}

if A in texts:  # follow-up tracker: own status scale, slash tables that agree with the blocks
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: the tracker must contain no RAG colour words")
    for s in STATUSES_A:
        if not re.search(r"^" + re.escape(s) + r" means ", t, re.M):
            err(f"A: status key lacks {s!r}")
    blocks = re.split(r"^(?=[A-Z]{3}-\d — )", t, flags=re.M)[1:]
    recs = {}
    for blk in blocks:
        ref = blk.split(" ", 1)[0]
        for lab in ("Priority: ", "Finding in brief: ", "Agreed action: ", "Deadline history: ", "Status now: "):
            if not re.search(r"^" + lab, blk, re.M):
                err(f"A: {ref} lacks a {lab!r} line")
        m = re.search(r"^Status now: (.+?)\. At November 2025: (.+?)\.$", blk, re.M)
        if not m or m.group(1) not in STATUSES_A or m.group(2) not in STATUSES_A:
            err(f"A: {ref} status line malformed")
            continue
        recs[ref] = (m.group(1), m.group(2))
    if len(recs) != 11:
        err(f"A: {len(recs)} recommendations, want 11")
    # slash-separated summary table
    rows = re.findall(r"^(\S+(?: [^/\n]*?)?) / (\d+) / (\d+) / (\d+) / (\d+) / (\d+) / (\d+)$", t, re.M)
    body = [r for r in rows if not r[0].startswith("Total")]
    tot = [r for r in rows if r[0].startswith("Total")]
    if len(body) != 4 or len(tot) != 1:
        err(f"A: summary table has {len(body)} rows and {len(tot)} total rows")
    else:
        prefix = {"KE-24/09": "VET", "7F-25/02": "PRC", "EF-25/04": "EST", "KE-25/06": "DFU"}
        for r in body:
            n = list(map(int, r[1:]))
            if sum(n[1:]) != n[0]:
                err(f"A: row {r[0]!r} statuses do not add up to its recs")
            code = r[0].split()[0]
            mine = [v[0] for k, v in recs.items() if k.startswith(prefix.get(code, "?"))]
            if [mine.count(s) for s in STATUSES_A] != n[1:] or len(mine) != n[0]:
                err(f"A: row {r[0]!r} does not agree with the recommendation blocks")
        for k in range(6):
            if sum(int(r[1 + k]) for r in body) != int(tot[0][1 + k]):
                err(f"A: summary column {k} does not add up to the total")
    nov = re.search(r"stood at (\w+) complete \(verified\), (\w+) complete \(unverified\), (\w+) on course, "
                    r"(\w+) overdue and (\w+) superseded", t)
    if not nov:
        err("A: November summary sentence missing")
    elif [NUMWORD[w] for w in nov.groups()] != [[v[1] for v in recs.values()].count(s) for s in STATUSES_A]:
        err("A: November counts do not agree with the blocks")
    slipped = sorted(k for k, (now, was) in recs.items() if now == "Overdue" and was == "On course")
    m = re.search(r"slipped from on course to overdue \(([A-Z]{3}-\d) and ([A-Z]{3}-\d)\)", t)
    if not m or sorted(m.groups()) != slipped:
        err(f"A: slipped sentence does not match {slipped}")
    same = sorted(k for k, (now, was) in recs.items() if now == was and now != "Complete (verified)")
    m = re.search(r"([A-Z]{3}-\d), ([A-Z]{3}-\d) and ([A-Z]{3}-\d) have not changed", t)
    if not m or sorted(m.groups()) != same:
        err(f"A: unchanged sentence does not match {same}")
    ageing = re.findall(r"^(?:Up to|\d to|More than) .+? / (\d+) / (.+)$", t, re.M)
    overdue = sorted(k for k, v in recs.items() if v[0] == "Overdue")
    listed = sorted(x.strip() for _, refs in ageing for x in refs.split(",") if x.strip() != "none")
    if sum(int(n) for n, _ in ageing) != len(overdue) or listed != overdue:
        err("A: ageing table does not agree with the overdue recommendations")
    revised = sorted(re.findall(r"^([A-Z]{3}-\d): from \d+ \w+ \d{4} to \d+ \w+ \d{4}", t, re.M))
    if revised != overdue:
        err("A: revised deadlines sought should be exactly the overdue recommendations")
    if "£7,440" not in t or 12 * 620 != 7440:
        err("A: follow-up testing cost missing")

if B in texts:  # disaggregation plan: G/A/R readiness, arrow split lines and costs that add up
    t = texts[B]
    ws = re.findall(r"^WS(\d) (.+)\n\nReadiness: (Green|Amber|Red) \(April checkpoint: (Green|Amber|Red)\)\.$", t, re.M)
    if len(ws) != 6:
        err(f"B: {len(ws)} workstreams with readiness lines, want 6")
    now = Counter(w[2] for w in ws)
    apr = Counter(w[3] for w in ws)
    m = re.search(r"(\w+) workstreams are Green, (\w+) Amber and (\w+) Red\. In April (\w+) were Green, "
                  r"(\w+) Amber and (\w+) Red\.", t)
    if not m:
        err("B: readiness summary sentence missing")
    else:
        want = [now["Green"], now["Amber"], now["Red"], apr["Green"], apr["Amber"], apr["Red"]]
        if [NUMWORD[w.lower()] for w in m.groups()] != want:
            err(f"B: readiness summary does not agree with workstreams {want}")
    order = {"Red": 0, "Amber": 1, "Green": 2}
    for num, name, r_now, r_apr in ws:
        if r_now == r_apr:
            if f"{name} ({r_now})" not in t:
                err(f"B: WS{num} unchanged but not named as such in the summary")
        else:
            verb = "improved" if order[r_now] > order[r_apr] else "fallen"
            if not re.search(re.escape(name) + r".{0,40}" + verb + f" from {r_apr} to {r_now}", t, re.I) and \
               not re.search(re.escape(name) + f" from {r_apr} to {r_now}", t, re.I):
                err(f"B: WS{num} movement {r_apr}->{r_now} not stated in the summary")
        sec = t.split(f"WS{num} {name}", 1)[1].split("\nWS", 1)[0].split("\n#", 1)[0]
        if not re.search(r"^Lead: ", sec, re.M):
            err(f"B: WS{num} has no Lead line")
    for whole, a, b in re.findall(r"(\d+)[^→\n]*→ (\d+) to Essex, (\d+) to Kent", t):
        if int(a) + int(b) != int(whole):
            err(f"B: split {whole} -> {a} + {b} does not add up")
    m = re.search(r"book value (£[\d,]+)\): split 55:45 → Essex (£[\d,]+), Kent (£[\d,]+)", t)
    if not m or money(m.group(2)) + money(m.group(3)) != money(m.group(1)) or \
            round(money(m.group(1)) * 0.55) != money(m.group(2)):
        err("B: training equipment split wrong")
    m = re.search(r"Budget 2026/27: (£[\d,]+) \(Essex (£[\d,]+), Kent (£[\d,]+)\)", t)
    if not m or round(money(m.group(1)) * 0.55) != money(m.group(2)) or \
            money(m.group(2)) + money(m.group(3)) != money(m.group(1)):
        err("B: budget 55:45 split wrong")
    costs = re.findall(r"^[A-Z][^:\n]+: (£[\d,]+), (shared equally|Kent only|Essex only)\.$", t, re.M)
    if len(costs) != 5:
        err(f"B: {len(costs)} one-off cost lines, want 5")
    shared = sum(money(c) for c, k in costs if k == "shared equally")
    ess = shared / 2 + sum(money(c) for c, k in costs if k == "Essex only")
    kent = shared / 2 + sum(money(c) for c, k in costs if k == "Kent only")
    tot = re.search(r"estimated at (£[\d,]+)", t)
    if not tot or money(tot.group(1)) != sum(money(c) for c, _ in costs):
        err("B: one-off cost lines do not add up to the estimate")
    if f"£{shared:,}" not in t or f"£{int(shared / 2):,}" not in t or \
            f"Essex's total is therefore £{int(ess):,} and Kent's £{int(kent):,}" not in t:
        err("B: shared / per-force cost figures wrong")
    if 2905000 - 2673000 != 232000 or 12 * 6200 != 74400 or 232000 - 74400 != 157600 or \
            not all(x in t for x in ("£232,000", "£74,400", "£157,600")):
        err("B: running cost arithmetic wrong")
    if len(re.findall(r"^Decision \d: ", t, re.M)) != 4:
        err("B: want four numbered decisions")

if C in texts:  # assurance map: double-colon map lines agree with the sections and the headlines
    t = texts[C]
    if RAG_WORDS.search(t):
        err("C: assurance map must contain no RAG colour words")
    SCALE = ("Strong", "Adequate", "Weak", "Unassured")
    rows = re.findall(r"^(C\d) :: (.+?) :: (Full|Partial|Gap) :: (Full|Partial|Gap) :: (Full|Partial|Gap) :: "
                      r"(\w+) \((\w+(?: mapped)?)\)$", t, re.M)
    if len(rows) != 9:
        err(f"C: map has {len(rows)} rows, want 9")
    for ref, name, l1, l2, l3, now, was in rows:
        m = re.search(rf"^{ref} – {re.escape(name)}\n\nOverall: (\w+) \((?:2025: (\w+)|first mapped in 2026)\)\.$",
                      t, re.M)
        if not m:
            err(f"C: no section for {ref} {name!r} opening with an Overall line")
            continue
        if m.group(1) != now or (m.group(2) or "not mapped") != was:
            err(f"C: {ref} map row {now} ({was}) disagrees with its section")
        if now not in SCALE:
            err(f"C: {ref} rating {now!r} not on the scale")
        sec = re.split(r"\n(?:◇ |C\d – )", t.split(f"{ref} – {name}", 1)[1])[0]
        for lab in ("Gap to close: ", "Assurance owner: "):
            if not re.search(r"^" + lab, sec, re.M):
                err(f"C: {ref} lacks a {lab!r} line")
    cnt = Counter(r[5] for r in rows)
    old = Counter(r[6] for r in rows if r[6] != "not mapped")
    m = re.search(r"(\w+) collaborations are Strong, (\w+) Adequate, (\w+) Weak and (\w+) Unassured\. "
                  r"In 2025 (\w+) collaborations were mapped: (\w+) Strong, (\w+) Adequate, (\w+) Weak and (\w+) Unassured", t)
    if not m:
        err("C: headline counts sentence missing")
    else:
        got = [NUMWORD[w.lower()] for w in m.groups()]
        want = [cnt[s] for s in SCALE] + [sum(old.values())] + [old[s] for s in SCALE]
        if got != want:
            err(f"C: headline counts {got} do not agree with the map {want}")
    rank = {s: i for i, s in enumerate(SCALE)}
    up = [r[0] for r in rows if r[6] in rank and rank[r[5]] < rank[r[6]]]
    down = [r[0] for r in rows if r[6] in rank and rank[r[5]] > rank[r[6]]]
    same = [r[0] for r in rows if r[6] in rank and r[5] == r[6]]
    new = [r[0] for r in rows if r[6] not in rank]
    for label, lst in (("have improved", up), ("have worsened", down), ("are unchanged", same)):
        m = re.search(r"\w+ " + label + r" \(([^)]+)\)", t)
        if not m or re.findall(r"C\d", m.group(1)) != lst:
            err(f"C: '{label}' list does not agree with the map {lst}")
    if not re.search(r"one is mapped for the first time \(" + (new[0] if new else "?") + r"\)", t):
        err("C: new collaboration not stated")
    cells = Counter(x for r in rows for x in r[2:5])
    m = re.search(r"Of the (\d+) cells in the map, (\d+) are Full, (\d+) Partial and (\d+) Gap", t)
    if not m or list(map(int, m.groups())) != [27, cells["Full"], cells["Partial"], cells["Gap"]]:
        err(f"C: cell counts sentence does not agree with the map {dict(cells)}")
    gaps = sorted({r[0] for r in rows if "Gap" in r[2:5]})
    m = re.search(r"All four gaps are in (C\d), (C\d) and (C\d)\.", t)
    if not m or sorted(m.groups()) != gaps:
        err("C: gap list wrong")
    m = re.search(r"catalogued (\d+) sources of assurance: (\d+) in the first line, (\d+) in the second and (\d+)", t)
    if not m or int(m.group(1)) != sum(map(int, m.groups()[1:])):
        err("C: source counts do not add up")
    days = re.findall(r"^.+ \((C\d)\): (\d+) days, quarter \d\.$", t, re.M)
    m = re.search(r"proposes (\d+) days of collaboration audit", t)
    if not m or int(m.group(1)) != sum(int(d) for _, d in days) or len(days) != 4:
        err("C: proposed audit days do not add up")
    elif f"£{int(m.group(1)) * 635:,}" not in t:
        err("C: audit cost is not days x £635")

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
    for txt in [q["question"]] + list(q["history"]):
        w = words(txt)
        for i in range(len(w) - COPY_RUN + 1):
            if any(tuple(w[i:i + COPY_RUN]) in r for r in runs.values()):
                err(f"{qid}: question or history copies {COPY_RUN}+ words from a report: {' '.join(w[i:i + COPY_RUN])!r}")
                break
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
        if re.match(r"^(#\d|◇|Audit \S+ –|C\d –)", sec):
            err(f"{qid}: section {sec!r} must be heading text without its marker")
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
    if not cats["rag_status"]:
        err(f"{name}: every report has its own status scale, so each needs a rag_status question")
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
