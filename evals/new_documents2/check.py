#!/usr/bin/env python3
"""Validate evals/new_documents2: three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents2/check.py
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
    "2025-05-joint-custody-and-forensics-update.txt": "May 2025",
    "2025-09-7-force-procurement-review.txt": "September 2025",
    "2026-01-community-safety-partnership-minutes.txt": "January 2026",
}
A, B, C = list(DOCS)
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "followup", "unanswerable", "injection"}
PER_DOC = 20
TOTAL = 60
UNANS_RANGE = (0.10, 0.20)      # "about 15%" per document
WORDS_RANGE = (1200, 2500)
QUOTE_WORDS = (4, 12)

errors, warnings = [], []
err, warn = errors.append, warnings.append


def collapse(s):
    return re.sub(r"[\s\u00a0]+", " ", s)


# ---- headings -------------------------------------------------------------
NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s+[A-Z][^.:|]*$")


def is_title_case(line):
    words = re.findall(r"[A-Za-z0-9/]+", line)
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3)


def headings(name, text):
    """Return [(offset in collapsed text, heading line)] in document order."""
    lines = text.split("\n")
    out, pos = [], 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        start = len(collapse(text[:pos]))
        pos += len(raw) + 1
        if i < 2 or not line:
            continue
        if name == A:
            ok = bool(NUMBERED.match(line)) and len(line.split()) <= 8
        else:
            prev_blank = i == 0 or not lines[i - 1].strip()
            next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
            ok = (prev_blank and next_blank and len(line.split()) <= 12
                  and line[-1] not in ".,:;" and ":" not in line and line != "OFFICIAL"
                  and (is_title_case(line) or name == C))
        if ok:
            out.append((start, line))
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

seed = ""
for fn in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
    p = os.path.join(CORPUS, fn)
    if os.path.isfile(p):
        with open(p, encoding="utf-8") as f:
            seed += collapse(f.read()).lower() + " "

if A in texts:
    t = texts[A]
    if "Workstream | RAG | Lead" not in t:
        err("A: RAG table header 'Workstream | RAG | Lead' missing")
    rows = re.findall(r"^[^|\n]+ \| (Red|Amber|Green) \| [^|\n]+$", t, re.M)
    if not 4 <= len(rows) <= 8:
        err(f"A: RAG table has {len(rows)} rows, want 4-8")
    if len(heads[A]) < 8:
        err(f"A: only {len(heads[A])} numbered headings")
    if "£" not in t:
        err("A: no budgets in £")
if B in texts:
    t = texts[B]
    if re.search(r"^\d+(\.\d+)*\.?\s", t.split("\n", 2)[-1], re.M):  # title line may start "7 Force"
        err("B: must have no numbered sections/paragraphs")
    if not re.search(r"^RAG status – (Red|Amber|Green)\s*$", t, re.M):
        err("B: no 'RAG status – <colour>' line")
    if "Previous status" not in t:
        err("B: no 'Previous status' mention")
    if len(heads[B]) < 8:
        err(f"B: only {len(heads[B])} Title Case headings")
    if len(re.findall(r"^- .+", t, re.M)) < 5:
        err("B: contract list missing")
if C in texts:
    t = texts[C]
    if re.search(r"\b(RAG|Amber|Green|Red)\b", t, re.I):
        err("C: minutes must contain no RAG ratings")
    for must in ("Present", "Apologies", "Action Log"):
        if not re.search(rf"^{must}\s*$", t, re.M):
            err(f"C: heading '{must}' missing")
    if len(re.findall(r"Owner: .+ Due: ", t)) < 5:
        err("C: fewer than 5 action points with owner and due date")
    if len(re.findall(r"^Decision:", t, re.M)) < 3:
        err("C: fewer than 3 decisions")

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
if ids != [f"nd2-{i:03d}" for i in range(1, len(qs) + 1)]:
    err("ids must be nd2-001.. in order, unique and sequential")

per_doc = defaultdict(list)
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
    if (q["category"] == "followup") != bool(q["history"]):
        err(f"{qid}: history must be given for followup questions only")
    if q["category"] == "injection" and not q["must_not_contain"]:
        err(f"{qid}: injection needs must_not_contain")
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
        if sec and sec.lower() not in full[doc].lower():
            err(f"{qid}: section {sec!r} not in {doc}")
        if sec and not any(sec.lower() in heading_at(heads[doc], o).lower() for o in offs):
            err(f"{qid}: quote {quote!r} is not under a heading containing {sec!r} "
                f"(found under {heading_at(heads[doc], offs[0])!r})")
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

# ---- totals ----------------------------------------------------------------
for name in DOCS:
    lst = per_doc[name]
    un = sum(1 for q in lst if not q["answerable"])
    frac = un / len(lst) if lst else 0
    cats = Counter(q["category"] for q in lst)
    print(f"{name}: {len(texts.get(name, '').split())} words, {len(lst)} questions, "
          f"{un} unanswerable ({frac:.0%}); " + ", ".join(f"{c}={k}" for c, k in sorted(cats.items())))
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
