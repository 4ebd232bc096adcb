#!/usr/bin/env python3
"""Validate evals/new_documents7: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents7/check.py
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
    "2024-02-joint-fleet-workshop-options-appraisal.txt": "14 February 2024",
    "2025-05-kent-essex-risk-register-extract.txt": "22 May 2025",
    "2026-06-kent-essex-scd-annual-report.txt": "18 June 2026",
}
A, B, C = list(DOCS)
RATED = {B, C}  # the only reports with RAG ratings
PREFIX = "nd7"
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_PER_DOC = 3               # exactly 3 of 20 per report
UNANS_RANGE = (0.10, 0.20)
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
DATE_RANGE = ((2023, 1), (2026, 12))
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
MIN_CATEGORY = {"numbers": 6, "people": 4, "dates": 3, "lists": 3, "rag_status": 4, "rag_reason": 3,
                "comparison": 3, "typo": 3, "followup": 3, "injection": 3, "unanswerable": 9,
                "latest": 3}
RAG_WORDS = re.compile(r"\b(RAG|Red|Amber|Green)\b")
WORDNUM = {"no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


def pdate(s):
    """'5 March 2024' or 'June 2024' -> (year, month, day)."""
    m = re.match(r"(?:(\d{1,2}) )?(" + "|".join(MONTHS) + r") (\d{4})$", s.strip())
    return (int(m.group(3)), MONTHS[m.group(2)], int(m.group(1) or 0)) if m else None


# ---- headings: one pattern per report; group 1 is the heading text without its number ----
HEADING = {
    A: re.compile(r"^(?:Part \d+ – |Option \d – )(.+)$"),
    B: re.compile(r"^(?:[A-G]\. |KE-R\d\d – )(.+)$"),
    C: re.compile(r"^\d+\. (.+)$"),
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


def num(s):
    s = s.replace(",", "")
    return -float(s[1:-1]) if s.startswith("(") else float(s)


def blocks(text, start_pat):
    """Split text into {heading line: body} for lines matching start_pat (up to the next heading)."""
    parts = re.split(r"^(?=" + start_pat + ")", text, flags=re.M)
    return {p.split("\n", 1)[0]: p for p in parts if re.match(start_pat, p)}


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
    d = pdate(date)
    if not d or not DATE_RANGE[0] <= d[:2] <= DATE_RANGE[1]:
        err(f"{name}: date {date!r} outside {DATE_RANGE}")
    if not name.startswith(f"{d[0]}-{d[1]:02d}-") if d else True:
        err(f"{name}: file name does not start with the date line's YYYY-MM")
    # one paragraph per line: a prose line is never continued on the next line
    for i in range(2, len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if a and b and len(a.split()) > 6 and b[0].islower():
            err(f"{name}: line {i + 2} looks like a wrapped paragraph: {b[:40]!r}")
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings")
    if "\t" in t or re.search(r"^[^|\n]+\|[^|\n]+\|", t, re.M):
        err(f"{name}: tab- or pipe-separated tables are not allowed")

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed overlap not checked")

MONEY = r"£(\d+\.\d\d)m"

if A in texts:  # options appraisal: four costed options, financial table, scoring matrix, no ratings
    t = texts[A]
    if RAG_WORDS.search(t):
        err("A: options appraisal must contain no RAG ratings")
    opts = blocks(t, r"Option \d – ")
    if sorted(h[:8] for h in opts) != [f"Option {i}" for i in range(1, 5)]:
        err(f"A: want option headings 1-4, found {sorted(opts)}")
    capital = {}
    for h, body in opts.items():
        for lab in ("Capital: ", "Revenue: ", "Savings: "):
            if not re.search(r"^" + lab, body, re.M):
                err(f"A: {h!r} lacks a line starting {lab!r}")
        m = re.search(r"^Capital: " + MONEY, body, re.M)
        if m:
            capital[int(h[7])] = float(m.group(1))
    # financial summary: Capital, One-off revenue, Receipts, Savings, Net benefit (£m)
    frow = re.compile(r"^Option (\d) {2,}([\d.]+) {2,}([\d.]+) {2,}([\d.]+) {2,}([\d.]+) {2,}(\(?[\d.]+\)?)$")
    fin = {int(m.group(1)): tuple(num(x) for x in m.groups()[1:])
           for m in map(frow.match, t.split("\n")) if m}
    if sorted(fin) != [1, 2, 3, 4]:
        err(f"A: financial summary has rows {sorted(fin)}, want options 1-4")
    for o, (cap, rev, rec, sav, net) in fin.items():
        if abs(sav + rec - cap - rev - net) > 0.005:
            err(f"A: option {o}: savings + receipts - capital - revenue != net benefit {net}")
        if o in capital and abs(capital[o] - cap) > 0.005:
            err(f"A: option {o}: capital {capital[o]} in text but {cap} in the table")
        body = next((b for h, b in opts.items() if h.startswith(f"Option {o}")), "")
        if sav and f"£{sav:.2f}m over ten years" not in body:
            err(f"A: option {o}: ten-year savings £{sav:.2f}m not stated in its section")
    # scoring matrix
    crit = re.findall(r"^(\S.*?\S) {2,}(\d+)% {2,}(\d) {2,}(\d) {2,}(\d) {2,}(\d)$", t, re.M)
    ws = re.search(r"^Weighted score \(out of 5\) {2,}([\d.]+) {2,}([\d.]+) {2,}([\d.]+) {2,}([\d.]+)$", t, re.M)
    rk = re.search(r"^Rank {2,}(\d) {2,}(\d) {2,}(\d) {2,}(\d)$", t, re.M)
    if len(crit) < 5 or not ws or not rk:
        err(f"A: scoring matrix incomplete ({len(crit)} criteria)")
    else:
        if sum(int(c[1]) for c in crit) != 100:
            err("A: criterion weights do not add up to 100%")
        calc = [sum(int(c[1]) * int(c[2 + k]) for c in crit) / 100 for k in range(4)]
        given = [float(x) for x in ws.groups()]
        for k in range(4):
            if abs(calc[k] - given[k]) > 0.005:
                err(f"A: option {k + 1}: weighted score {given[k]} but weights give {calc[k]:.2f}")
        ranks = [int(x) for x in rk.groups()]
        want = [sorted(given, reverse=True).index(g) + 1 for g in given]
        if ranks != want:
            err(f"A: ranks {ranks} do not follow the weighted scores {given}")
        m = re.search(r"^Option (\d) is recommended\.", t, re.M)
        if not m or ranks[int(m.group(1)) - 1] != 1:
            err("A: recommended option must be stated and rank first")
    steps = re.findall(r"^((?:\d{1,2} )?[A-Z][a-z]+ \d{4}) – .+$", t, re.M)
    dates = [pdate(s) for s in steps]
    if len(steps) < 6 or None in dates or dates != sorted(dates) or dates[0] <= pdate(DOCS[A]):
        err(f"A: want at least six dated next steps in order after the paper date, got {steps}")

if B in texts:  # risk register extract: L x I scores, bands, movement summary
    t = texts[B]
    band = lambda s: "Green" if s <= 6 else "Amber" if s <= 12 else "Red"
    risks = blocks(t, r"KE-R\d\d – ")
    if len(risks) < 6:
        err(f"B: only {len(risks)} risk entries")
    status = {}
    for h, body in risks.items():
        rid = h[:6]
        if not re.search(r"^Owner: .+", body, re.M):
            err(f"B: {rid} has no owner")
        sc = {}
        for kind in ("Inherent", "Residual"):
            m = re.search(rf"^{kind} score: likelihood (\d) × impact (\d) = (\d+)$", body, re.M)
            if not m:
                err(f"B: {rid} lacks a '{kind} score: likelihood L × impact I = S' line")
                continue
            l, i, s = map(int, m.groups())
            if l * i != s or not (1 <= l <= 5 and 1 <= i <= 5):
                err(f"B: {rid}: {kind.lower()} {l} × {i} != {s}")
            sc[kind] = s
        if len(sc) == 2 and sc["Residual"] > sc["Inherent"]:
            err(f"B: {rid}: residual above inherent")
        m = re.search(r"^Residual rating: (Red|Amber|Green) \((\d+)\)\. Previous: (?:(Red|Amber|Green) \((\d+)\)|none \(new risk\))\. Direction: (worsened|improved|unchanged|new)\.$", body, re.M)
        if not m:
            err(f"B: {rid} lacks a 'Residual rating: X (n). Previous: ... Direction: ...' line")
            continue
        col, s, pcol, ps, direction = m.groups()
        s = int(s)
        if band(s) != col or s != sc.get("Residual"):
            err(f"B: {rid}: residual rating {col} ({s}) does not match the score/bands")
        if ps is None:
            if direction != "new":
                err(f"B: {rid}: no previous rating but direction {direction}")
        else:
            ps = int(ps)
            want = "worsened" if s > ps else "improved" if s < ps else "unchanged"
            if band(ps) != pcol or direction != want:
                err(f"B: {rid}: previous {pcol} ({ps}) / direction {direction} inconsistent")
        tg = re.search(r"^Target: (Red|Amber|Green) \((\d+)\)", body, re.M)
        if not tg or band(int(tg.group(2))) != tg.group(1) or int(tg.group(2)) > s:
            err(f"B: {rid}: target rating missing, mis-banded or above the residual score")
        status[rid] = (col, s, pcol, ps, direction)
    # movement summary lists every moved risk with its transition
    mv = t.split("E. Movement since", 1)[-1].split("F. Closed risk", 1)[0]
    for rid, (col, s, pcol, ps, direction) in status.items():
        line = next((l for l in mv.split("\n") if rid in l), "")
        if not line:
            err(f"B: {rid} missing from the movement summary")
        elif direction in ("worsened", "improved") and f"{pcol} ({ps}) to {col} ({s}), {direction}" not in line:
            err(f"B: movement line for {rid} disagrees with its entry")
        elif direction == "new" and f"{col} ({s})" not in line:
            err(f"B: movement line for new risk {rid} disagrees with its entry")
        elif direction == "unchanged" and "unchanged" not in line:
            err(f"B: movement line for {rid} should say unchanged")
    m = re.search(r"After mitigation, (\d+) risks are Red, (\d+) are Amber and (\d+) are Green", t)
    cnt = Counter(v[0] for v in status.values())
    if not m or int(m.group(1)) != cnt["Red"] or int(m.group(2)) != cnt["Amber"]:
        err("B: register summary counts of Red/Amber disagree with the extract")
    elif sum(map(int, m.groups())) != int(re.search(r"holds (\d+) open risks", t).group(1)):
        err("B: register summary counts do not add up to the open risks")

if C in texts:  # annual report: decimal paragraphs, "Current status: X (previous: Y)" per workstream
    t = texts[C]
    secs = blocks(t, r"\d+\. ")
    nums = [int(h.split(".")[0]) for h in secs]
    if nums != list(range(1, len(nums) + 1)):
        err(f"C: section numbers not sequential: {nums}")
    ws_status = {}
    for h, body in secs.items():
        n = h.split(".")[0]
        paras = [l for l in body.split("\n")[1:] if l.strip()]
        prev = None
        if paras and not paras[0].startswith(f"{n}.1 "):
            err(f"C: section {n}: first paragraph is not {n}.1")
        for p in paras:
            m = re.match(r"(\d+)\.(\d+)(?:\.(\d+))? \S", p)
            if not m or m.group(1) != n:
                err(f"C: section {n}: paragraph not numbered {n}.x: {p[:40]!r}")
                continue
            key = tuple(int(x) for x in m.groups()[1:] if x)
            if prev is not None:
                ok = (key == (prev[0] + 1,) or key == prev[:1] + (1,) and len(prev) == 1
                      or len(key) == 2 and len(prev) == 2 and key == (prev[0], prev[1] + 1)
                      or len(key) == 1 and len(prev) == 2 and key == (prev[0] + 1,))
                if not ok:
                    err(f"C: section {n}: paragraph {n}.{'.'.join(map(str, key))} out of sequence")
            prev = key
        if paras and "Current status" in paras[0]:
            m = re.match(rf"{n}\.1 Current status: (Red|Amber|Green) \(previous: (Red|Amber|Green)\)$", paras[0])
            if not m:
                err(f"C: section {n}: malformed status line")
            else:
                ws_status[h] = m.groups()
        elif any("Current status" in p for p in paras):
            err(f"C: section {n}: status line must open the section")
    if len(ws_status) != 6:
        err(f"C: {len(ws_status)} workstream sections with a status line, want 6")
    rank = {"Green": 0, "Amber": 1, "Red": 2}
    cnt = Counter(c for c, _ in ws_status.values())
    mov = Counter("improved" if rank[c] < rank[p] else "worsened" if rank[c] > rank[p] else "unchanged"
                  for c, p in ws_status.values())
    m = re.search(r"(\w+) workstreams? (?:is|are) Green, (\w+) (?:is|are) Amber and (\w+) (?:is|are) Red", t)
    if not m or [WORDNUM[x.lower()] for x in m.groups()] != [cnt["Green"], cnt["Amber"], cnt["Red"]]:
        err(f"C: summary Green/Amber/Red counts disagree with the sections {dict(cnt)}")
    m = re.search(r"(\w+) workstreams? improved .*?, (\w+) worsened .*? and (\w+) (?:is|are) unchanged", t)
    if not m or [WORDNUM[x.lower()] for x in m.groups()] != [mov["improved"], mov["worsened"], mov["unchanged"]]:
        err(f"C: summary movement counts disagree with the sections {dict(mov)}")
    m = re.search(r"net budget was £([\d.]+)m, of which Essex Police funded £([\d.]+)m and Kent Police £([\d.]+)m", t)
    if not m or abs(float(m.group(2)) + float(m.group(3)) - float(m.group(1))) > 0.05:
        err("C: budget split does not add up")
    if "Forward Look" not in t:
        err("C: forward look section missing")

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
    if q["category"] in ("rag_status", "rag_reason") and target not in RATED:
        err(f"{qid}: rating question about a report without ratings")
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if not all(isinstance(h, str) and h.strip() for h in q["history"]):
        err(f"{qid}: history items must be non-empty strings")
    if (q["category"] == "injection") != bool(q["must_not_contain"]):
        err(f"{qid}: must_not_contain is for injection questions only, and they need it")
    if q["category"] == "injection" and not q["answerable"]:
        err(f"{qid}: injection questions in this set must also ask a real question")
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
        if re.match(r"^(\d|Part \d|Option \d|[A-G]\. |KE-R\d)", sec):
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
        hit = False
        for o in offs:
            for s, e in spans[doc]:
                if s <= o and o + len(cq) <= e:
                    context.append(full[doc][s:e])
                    hit = True
        if not hit:
            err(f"{qid}: quote {quote!r} spans more than one line")
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

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
