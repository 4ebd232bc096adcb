#!/usr/bin/env python3
"""Validate evals/new_documents: the three invented reports and questions.jsonl (stdlib only).

Run:  python3 evals/new_documents/check.py
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

NEW_DOCS = [
    "2023-annual-collaboration-update.txt",
    "2024-drone-unit-paper.txt",
    "2024-university-research-partnership.txt",
]
KEYS = {"id", "question", "category", "answerable", "facts", "evidence",
        "history", "notes", "must_not_contain"}
EV_KEYS = {"document", "section", "quote_contains"}
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists",
              "comparison", "latest", "typo", "unanswerable"}
MIN_PER_DOC = 22
UNANS_RANGE = (0.10, 0.20)  # "about 15%" per document
WORDS_RANGE = (1500, 4000)

errors = []


def err(msg):
    errors.append(msg)


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def load_doc(name):
    for folder in (REPORTS, CORPUS):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read()
    return None


# ---- documents -------------------------------------------------------------
texts = {}
for name in NEW_DOCS:
    t = load_doc(name)
    if t is None:
        err(f"missing report {name}")
        continue
    texts[name] = t
    n = len(t.split())
    if not WORDS_RANGE[0] <= n <= WORDS_RANGE[1]:
        err(f"{name}: {n} words, outside {WORDS_RANGE}")

if "2023-annual-collaboration-update.txt" in texts:
    t = texts["2023-annual-collaboration-update.txt"]
    rows = re.findall(r"^5\.\d\.\d .+ (Green|Amber|Red) (Green|Amber|Red|Not graded|n/a)\s*$", t, re.M)
    if len(rows) < 8:
        err(f"2023 dashboard has {len(rows)} RAG rows, need >= 8")
    if not any(a != b for a, b in rows):
        err("2023 dashboard: no row changed since 2022")
    if "Current RAG 2023" not in t or "Previous RAG 2022" not in t:
        err("2023 dashboard header lines missing")
    if "Title of Report:" not in t:
        err("2023 update has no 'Title of Report:' field")
if "2024-drone-unit-paper.txt" in texts:
    t = texts["2024-drone-unit-paper.txt"]
    lines = t.splitlines()
    if "Title of Report" in t:
        err("drone paper must not have a 'Title of Report' field")
    if len(lines) < 2 or not re.fullmatch(r"[A-Z][a-z]+ 2024", lines[1].strip()):
        err("drone paper: second line should be the date, e.g. 'March 2024'")
    elif t.count(lines[1].strip()) != 1:
        err(f"drone paper: date '{lines[1].strip()}' appears outside the cover lines")
    if not re.search(r"^Overall RAG: (Green|Amber|Red)\s*$", t, re.M):
        err("drone paper: no 'Overall RAG: <colour>' line")
if "2024-university-research-partnership.txt" in texts:
    t = texts["2024-university-research-partnership.txt"]
    if re.search(r"\b(RAG|Amber|Green|Red)\b", t, re.I):
        err("university paper must contain no RAG ratings")

# ---- questions -------------------------------------------------------------
qs = []
with open(QUESTIONS, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            qs.append((ln, json.loads(line)))
        except json.JSONDecodeError as e:
            err(f"line {ln}: bad JSON: {e}")

collapsed_cache = {}


def collapsed(name):
    if name not in collapsed_cache:
        t = load_doc(name)
        collapsed_cache[name] = None if t is None else collapse(t)
    return collapsed_cache[name]


ids = Counter()
per_doc = defaultdict(list)
per_doc_cat = defaultdict(Counter)
for ln, q in qs:
    qid = q.get("id", f"line{ln}")
    ids[qid] += 1
    if set(q) != KEYS:
        err(f"{qid}: keys {sorted(q)} != {sorted(KEYS)}")
        continue
    if not re.fullmatch(r"nd-\d{3}", qid):
        err(f"{qid}: id format")
    if not isinstance(q["question"], str) or not q["question"].strip():
        err(f"{qid}: empty question")
    if q["category"] not in CATEGORIES:
        err(f"{qid}: bad category {q['category']!r}")
    if not isinstance(q["answerable"], bool):
        err(f"{qid}: answerable must be bool")
    for k in ("history", "must_not_contain", "facts", "evidence"):
        if not isinstance(q[k], list):
            err(f"{qid}: {k} must be a list")
    if not isinstance(q["notes"], str):
        err(f"{qid}: notes must be a string")
    m = re.search(r"Target document: (\S+\.txt)", q["notes"])
    target = m.group(1) if m else None
    if target not in NEW_DOCS:
        err(f"{qid}: notes must name its target document ('Target document: <file>.')")
        continue
    per_doc[target].append(q)
    per_doc_cat[target][q["category"]] += 1

    if q["answerable"]:
        if q["category"] == "unanswerable":
            err(f"{qid}: category unanswerable but answerable true")
        if not q["facts"] or not q["evidence"]:
            err(f"{qid}: answerable question needs facts and evidence")
        for fact in q["facts"]:
            if not (isinstance(fact, list) and fact and all(isinstance(a, str) and a.strip() for a in fact)):
                err(f"{qid}: each fact must be a non-empty list of strings: {fact!r}")
        docs_cited = set()
        for ev in q["evidence"]:
            if not isinstance(ev, dict) or set(ev) != EV_KEYS:
                err(f"{qid}: evidence keys {ev!r}")
                continue
            name, quote = ev["document"], ev["quote_contains"]
            docs_cited.add(name)
            text = collapsed(name)
            if text is None:
                err(f"{qid}: evidence document not found: {name}")
                continue
            cq = collapse(quote)
            if not 20 <= len(cq) <= 120:
                err(f"{qid}: quote length {len(cq)} outside 20-120: {quote!r}")
            if cq not in text:
                err(f"{qid}: quote not in {name}: {quote!r}")
        if target not in docs_cited:
            err(f"{qid}: no evidence from its target document {target}")
        # every fact should be written somewhere in the cited documents (one alternative at least)
        cited_text = " ".join(collapsed(d) or "" for d in docs_cited).lower()
        for fact in q["facts"]:
            if isinstance(fact, list) and not any(collapse(a).lower() in cited_text for a in fact if isinstance(a, str)):
                err(f"{qid}: no alternative of fact {fact!r} occurs in the cited documents")
    else:
        if q["category"] != "unanswerable":
            err(f"{qid}: answerable false but category {q['category']!r}")
        if q["facts"] or q["evidence"]:
            err(f"{qid}: unanswerable question must have empty facts and evidence")
        if len(q["notes"]) < 40:
            err(f"{qid}: unanswerable question needs a note saying why")

for qid, n in ids.items():
    if n > 1:
        err(f"duplicate id {qid} x{n}")

# ---- per-document totals ---------------------------------------------------
print(f"questions: {len(qs)}")
for name in NEW_DOCS:
    lst = per_doc[name]
    n = len(lst)
    un = sum(1 for q in lst if not q["answerable"])
    frac = un / n if n else 0
    print(f"  {name}: {n} questions, {un} unanswerable ({frac:.1%}); "
          + ", ".join(f"{c}={k}" for c, k in sorted(per_doc_cat[name].items())))
    if n < MIN_PER_DOC:
        err(f"{name}: only {n} questions (need >= {MIN_PER_DOC})")
    if not UNANS_RANGE[0] <= frac <= UNANS_RANGE[1]:
        err(f"{name}: unanswerable share {frac:.1%} outside {UNANS_RANGE}")
for name in NEW_DOCS:
    if name in texts:
        print(f"  words {name}: {len(texts[name].split())}")
print("categories overall: " + ", ".join(f"{c}={k}" for c, k in
      sorted(Counter(q['category'] for _, q in qs).items())))

if errors:
    print(f"\nFAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("\nOK: all checks passed")
