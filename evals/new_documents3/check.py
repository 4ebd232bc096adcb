#!/usr/bin/env python3
"""Validate evals/new_documents3: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents3/check.py
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

DOCS = {  # file name -> expected date line, in question order
    "2024-07-joint-fleet-workshop-business-case.txt": "July 2024",
    "2024-11-annual-collaboration-update.txt": "November 2024",
    "2025-03-hmicfrs-ersou-inspection-scrutiny.txt": "March 2025",
}
F, U, H = list(DOCS)   # business case, annual update, inspection scrutiny paper
SEEDS = ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt")
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_RANGE = (0.10, 0.20)      # "about 15%" per document
WORDS_RANGE = (1200, 1800)
QUOTE_WORDS = (4, 12)
COLOURS = ("Red", "Amber", "Green")

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings -------------------------------------------------------------
# F: lettered Five-Case-style headings ("E. Financial Case")
# U: numbered headings as in the seed annual report ("5.3.2 National ANPR Service (NAS)")
# H: unnumbered ALL CAPS headings ("KEY FINDINGS")
LETTERED = re.compile(r"^[A-Z]\. [A-Z][^.:|]*$")
NUMBERED = re.compile(r"^\d+\.\d+(\.\d+)*\s+[A-Z0-9][^.:|]*$")


def is_heading(name, lines, i):
    line = lines[i].strip()
    if i < 2 or not line:
        return False
    if name == F:
        return bool(LETTERED.match(line)) and len(line.split()) <= 8
    if name == U:
        return bool(NUMBERED.match(line)) and len(line.split()) <= 10
    prev_blank = not lines[i - 1].strip()
    next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
    return (prev_blank and next_blank and line == line.upper() and re.search(r"[A-Z]{3}", line)
            and line != "OFFICIAL" and len(line.split()) <= 10 and line[-1] not in ".,:;")


def strip_number(line):
    return re.sub(r"^(\d+\.[\d.]*|[A-Z]\.)\s+", "", line)


def headings(name, text):
    """Return [(offset in collapsed text, heading line)] in document order."""
    lines = text.split("\n")
    out, pos = [], 0
    for i, raw in enumerate(lines):
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if is_heading(name, lines, i):
            out.append((start, raw.strip()))
    return out


def heading_at(heads, offset):
    h = ""
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
    if len(heads[name]) < 8:
        err(f"{name}: only {len(heads[name])} headings of its style")
    if "Workstream | RAG | Lead" in t:
        err(f"{name}: uses the new_documents2 pipe RAG table shape")

seed = ""
for fn in SEEDS:
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "
    else:
        warn(f"seed report {fn} not found; seed-overlap check weaker")

if F in texts:  # single-workstream business case
    t = texts[F]
    if not re.search(r"^Item \| 2024/25 \| 2025/26\s*$", t, re.M):
        err("F: costs table header 'Item | 2024/25 | 2025/26' missing")
    rows = re.findall(r"^([^|\n]+) \| £([\d,]+) \| £([\d,]+)\s*$", t, re.M)
    body = [r for r in rows if not r[0].strip().lower().startswith("total")]
    tot = [r for r in rows if r[0].strip().lower().startswith("total")]
    if len(body) < 4:
        err(f"F: costs table has {len(body)} item rows, want >= 4")
    if len(tot) != 1:
        err("F: costs table needs one Total row")
    else:
        for col in (1, 2):
            s = sum(int(r[col].replace(",", "")) for r in body)
            if s != int(tot[0][col].replace(",", "")):
                err(f"F: costs column {col} sums to {s}, Total row says {tot[0][col]}")
    if len(re.findall(r"^- Option \d – ", t, re.M)) < 3:
        err("F: fewer than 3 options considered")
    if "recommended option" not in t.lower():
        err("F: no recommended option")
    if not re.search(r"RAG status – (Red|Amber|Green)\s*$", t, re.M):
        err("F: no 'RAG status – <colour>' line")
    if len(re.findall(r"^- .+: (\d{1,2}(st|nd|rd|th) )?[A-Z][a-z]+ 20\d\d\s*$", t, re.M)) < 5:
        err("F: fewer than 5 dated milestones")
    m1 = re.search(r"^SRO: .*?([A-Z][a-z]+ [A-Z][a-z]+),", t, re.M)
    m2 = re.search(r"Senior Responsible Owner is ([A-Z][a-z]+ [A-Z][a-z]+)", t)
    if not (m1 and m2 and m1.group(1) == m2.group(1)):
        err("F: SRO must be named both as 'SRO:' and as 'Senior Responsible Owner' (same person)")
if U in texts:  # later edition of the annual collaboration update
    t = texts[U]
    lines = [ln.strip() for ln in t.split("\n")]
    ws = [i for i, ln in enumerate(lines) if re.match(r"^\d+\.\d+\.\d+\s+[A-Z0-9]", ln)]
    ratings = Counter()
    for i in ws:
        nxt = [ln for ln in lines[i + 1:i + 5] if ln][:2]
        m = re.match(r"^Overall RAG: (Red|Amber|Green|Not graded)$", nxt[0]) if nxt else None
        if not m:
            err(f"U: workstream {lines[i]!r} not followed by an 'Overall RAG: <colour>' line")
            continue
        ratings[m.group(1)] += 1
        if len(nxt) < 2 or not nxt[1].startswith("Previous RAG (2023): "):
            err(f"U: workstream {lines[i]!r} has no 'Previous RAG (2023)' line")
    if len(ws) < 10:
        err(f"U: only {len(ws)} workstreams")
    for c in COLOURS:
        m = re.search(rf"(\d+) (are|is) rated {c}", t)
        if not m or int(m.group(1)) != ratings[c]:
            err(f"U: executive summary count for {c} does not match the {ratings[c]} '{c}' lines")
    carried = ["Joint Serious Crime Directorate", "Joint Support Services Directorate", "7 Force Network",
               "National ANPR Service", "Single Online Home", "Mental Health"]
    for w in carried:
        if not any(w in lines[i] for i in ws):
            err(f"U: carried-over workstream {w!r} missing")
    if t.count("Previous RAG (2023): New workstream") < 2:
        err("U: fewer than 2 new workstreams")
    if "|" in t:
        err("U: must not use pipe tables (dashboard is the 'Overall RAG:' lines)")
if H in texts:  # inspection findings / scrutiny paper
    t = texts[H]
    if re.search(r"\b(RAG|Amber|Green|Red)\b", t, re.I):
        err("H: inspection paper must contain no RAG ratings")
    if re.search(r"^\d+(\.\d+)*\.?\s", t, re.M):
        err("H: must have no numbered sections")
    if len(re.findall(r"^Recommendation \d+: ", t, re.M)) < 3:
        err("H: fewer than 3 numbered recommendations")
    grades = re.findall(r"^- [^:\n]+: (outstanding|good|adequate|requires improvement|inadequate)\s*$", t, re.M)
    if len(grades) < 4 or "requires improvement" not in grades or "adequate" not in grades:
        err("H: grade list missing or lacks 'adequate' / 'requires improvement'")
    if len(re.findall(r"\d%", t)) < 6:
        err("H: fewer than 6 percentages")

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
if ids != [f"nd3-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd3-001.. in order, unique and sequential")

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
    order.append(target)
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if q["category"] == "injection" and not q["must_not_contain"]:
        err(f"{qid}: injection needs must_not_contain")
    if q["category"] == "latest" and target != U:
        err(f"{qid}: 'latest' questions only for the annual update that supersedes the seeds")
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
        if re.match(r"^(\d+\.[\d.]*|[A-Z]\.)\s", sec):
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
        if sec and not any(sec.lower() in strip_number(heading_at(heads[doc], o)).lower() for o in offs):
            err(f"{qid}: quote {quote!r} is not under a heading containing {sec!r} "
                f"(found under {heading_at(heads[doc], offs[0])!r})")
        if not sec and heads[doc] and not any(o < heads[doc][0][0] for o in offs):
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

if order != sorted(order, key=list(DOCS).index):
    err("questions must be grouped by report, in report order")

# ---- totals ----------------------------------------------------------------
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if q["category"] == "unanswerable")
    frac = un / len(lst) if lst else 0
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(heads.get(name, []))} headings, "
          f"{len(lst)} questions, {un} unanswerable ({frac:.0%}); "
          + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
    if len(lst) != PER_DOC:
        err(f"{name}: {len(lst)} questions, want {PER_DOC}")
    if not UNANS_RANGE[0] <= frac <= UNANS_RANGE[1]:
        err(f"{name}: unanswerable share {frac:.0%} outside {UNANS_RANGE}")
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in
      sorted(Counter(q.get('category') for q in qs).items())))

for w in warnings:
    print("warning: " + w)
if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
