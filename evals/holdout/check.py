#!/usr/bin/env python3
"""Validate the held-out question set (stdlib only).

Checks: valid JSON per line, schema/keys, unique ids, allowed categories,
quote_contains found verbatim (whitespace-collapsed) in the named document,
section substring occurring in that document at or before the quote,
fact alternatives of answerable questions found in at least one document
(case-insensitive, whitespace-collapsed), unanswerable => no facts/evidence.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"
QFILE = HERE / "questions.jsonl"
CATEGORIES = {"rag_status", "rag_reason", "numbers", "dates", "people", "lists", "comparison",
              "latest", "typo", "followup", "unanswerable", "injection"}
KEYS = {"id", "question", "category", "answerable", "facts", "evidence", "history", "notes",
        "must_not_contain"}


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    docs = {p.name: collapse(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.txt")}
    all_lower = " \n ".join(d.lower() for d in docs.values())
    errors, ids, cats = [], set(), Counter()
    lines = QFILE.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON: {e}")
            continue
        qid = q.get("id", f"line {n}")
        err = lambda m: errors.append(f"{qid}: {m}")
        if set(q) != KEYS:
            err(f"keys mismatch: {sorted(set(q) ^ KEYS)}")
            continue
        if qid in ids:
            err("duplicate id")
        ids.add(qid)
        if q["category"] not in CATEGORIES:
            err(f"bad category {q['category']!r}")
        cats[q["category"]] += 1
        if not isinstance(q["question"], str) or not q["question"].strip():
            err("empty question")
        if not isinstance(q["history"], list) or not all(isinstance(h, str) for h in q["history"]):
            err("history must be a list of strings")
        if q["category"] == "followup" and not q["history"]:
            err("followup without history")
        if not isinstance(q["must_not_contain"], list):
            err("must_not_contain must be a list")
        if q["answerable"] is False:
            if q["facts"] or q["evidence"]:
                err("unanswerable must have empty facts and evidence")
            continue
        if q["answerable"] is not True:
            err("answerable must be a bool")
        if not (1 <= len(q["facts"]) <= 3):
            err("answerable needs 1-3 fact groups")
        for g in q["facts"]:
            if not isinstance(g, list) or not g:
                err(f"bad fact group {g!r}")
                continue
            for alt in g:
                if collapse(alt).lower() not in all_lower:
                    err(f"fact alternative not in any document: {alt!r}")
        if not q["evidence"]:
            err("answerable needs evidence")
        for e in q["evidence"]:
            doc = docs.get(e.get("document"))
            if doc is None:
                err(f"unknown document {e.get('document')!r}")
                continue
            quote = collapse(e.get("quote_contains", ""))
            nwords = len(quote.split())
            if not 4 <= nwords <= 12:
                err(f"quote has {nwords} words (want 4-12): {quote!r}")
            pos = doc.find(quote)
            if pos < 0:
                err(f"quote not found verbatim in {e['document']}: {quote!r}")
                continue
            sec = collapse(e.get("section", ""))
            if not sec or sec not in doc[: pos + len(quote)]:
                err(f"section {sec!r} not found at/before quote in {e['document']}")
    print(f"{len(lines)} questions, {len(ids)} unique ids")
    for c in sorted(CATEGORIES):
        print(f"  {c:13s} {cats[c]}")
    if errors:
        print(f"{len(errors)} problem(s):")
        for m in errors:
            print("  -", m)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
