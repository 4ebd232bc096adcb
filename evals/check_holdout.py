#!/usr/bin/env python3
"""Validate a held-out folder's questions.jsonl against the corpus reports (stdlib only).

    python3 evals/check_holdout.py evals/holdout3    # ids h3-NNN
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.abspath(sys.argv[1])
PREFIX = "h" + re.sub(r"\D", "", os.path.basename(HERE))  # holdout3 -> h3
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "corpus"))
QFILE = os.path.join(HERE, "questions.jsonl")
CATS = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists", "comparison",
        "latest", "typo", "followup", "unanswerable", "injection"}
KEYS = {"id", "question", "category", "answerable", "facts", "evidence", "history", "notes", "must_not_contain"}

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

docs = {}
for fn in sorted(os.listdir(CORPUS)):
    if fn.endswith(".txt"):
        with open(os.path.join(CORPUS, fn), encoding="utf-8") as f:
            docs[fn] = norm(f.read())
all_lower = [d.lower() for d in docs.values()]

errors, items = [], []
with open(QFILE, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line"); continue
        try:
            items.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON ({e})")

ids = Counter(q.get("id") for _, q in items)
for i, c in ids.items():
    if c > 1:
        errors.append(f"duplicate id {i}")

for n, q in items:
    qid = q.get("id", f"line {n}")
    if set(q) != KEYS:
        errors.append(f"{qid}: keys differ: missing {sorted(KEYS - set(q))} extra {sorted(set(q) - KEYS)}")
        continue
    if not re.fullmatch(PREFIX + r"-\d{3}", str(q["id"])): errors.append(f"{qid}: bad id format")
    if q["category"] not in CATS: errors.append(f"{qid}: unknown category {q['category']}")
    if not isinstance(q["question"], str) or not q["question"].strip(): errors.append(f"{qid}: empty question")
    if not isinstance(q["answerable"], bool): errors.append(f"{qid}: answerable not bool")
    for k in ("facts", "evidence", "history", "must_not_contain"):
        if not isinstance(q[k], list): errors.append(f"{qid}: {k} not a list")
    if not isinstance(q["notes"], str): errors.append(f"{qid}: notes not a string")
    if q["category"] == "followup" and not q["history"]: errors.append(f"{qid}: followup without history")
    if q["category"] != "followup" and q["history"]: errors.append(f"{qid}: history on non-followup")
    if q["category"] == "unanswerable" or not q["answerable"]:
        if q["answerable"] or q["facts"] or q["evidence"]:
            errors.append(f"{qid}: unanswerable must have answerable=false, facts [], evidence []")
        continue
    if not 1 <= len(q["facts"]) <= 3: errors.append(f"{qid}: needs 1-3 fact groups")
    if not q["evidence"]: errors.append(f"{qid}: no evidence")
    for g in q["facts"]:
        if not isinstance(g, list) or not g or not all(isinstance(a, str) and a.strip() for a in g):
            errors.append(f"{qid}: bad fact group {g!r}"); continue
        for alt in g:
            if not any(norm(alt).lower() in d for d in all_lower):
                errors.append(f"{qid}: fact alternative not in any document: {alt!r}")
    for ev in q["evidence"]:
        if set(ev) != {"document", "section", "quote_contains"}:
            errors.append(f"{qid}: evidence keys {sorted(ev)}"); continue
        doc = docs.get(ev["document"])
        if doc is None:
            errors.append(f"{qid}: unknown document {ev['document']!r}"); continue
        quote = norm(ev["quote_contains"])
        if quote not in doc:
            errors.append(f"{qid}: quote not verbatim in {ev['document']}: {quote!r}")
        if not 4 <= len(quote.split()) <= 12:
            errors.append(f"{qid}: quote has {len(quote.split())} words (want 4-12)")
        if norm(ev["section"]) not in doc:
            errors.append(f"{qid}: section {ev['section']!r} not found in {ev['document']}")

print(f"{len(items)} questions; categories: " + ", ".join(f"{c} {k}" for c, k in sorted(Counter(q.get('category') for _, q in items).items())))
if errors:
    print(f"{len(errors)} problem(s):")
    for e in errors: print("  - " + e)
    sys.exit(1)
print("OK: all checks passed")
