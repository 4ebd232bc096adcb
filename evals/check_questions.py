#!/usr/bin/env python3
"""Validate evals/questions.jsonl against the two corpus reports (stdlib only).

Usage: python3 evals/check_questions.py [questions.jsonl] [corpus_dir]
Exit status 0 when there are no errors (warnings are printed but do not fail),
1 otherwise. Use --strict to make warnings fail too.
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_QFILE = os.path.join(HERE, "questions.jsonl")
DEFAULT_CORPUS = os.path.join(os.path.dirname(HERE), "corpus")

DOCS = [
    "2019-06-quarterly-collaboration-update.txt",
    "2022-annual-collaboration-update.txt",
]
CATEGORIES = {
    "rag_status": ("status", 20),
    "rag_reason": ("reason", 12),
    "numbers": ("num", 20),
    "dates": ("date", 15),
    "people": ("people", 10),
    "lists": ("list", 10),
    "comparison": ("cmp", 12),
    "latest": ("latest", 10),
    "typo": ("typo", 10),
    "followup": ("followup", 10),
    "unanswerable": ("unans", 30),
    "injection": ("inject", 8),
}
MIN_TOTAL = 170
REQUIRED = ["id", "question", "category", "answerable", "facts", "evidence", "history"]
OPTIONAL = {"notes", "must_not_contain"}

# 2022 numbered heading, e.g. "5.3.2 DPP - National ANPR Service (NAS)"; dashboard rows
# (ending in a rating) are not headings.
HEADING_22 = re.compile(r"^\s*(\d+\.\d+(?:\.\d+)?)\s+\S")
DASH_ROW = re.compile(r"(Green|Amber|n/a)\s*$")


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def load_docs(corpus_dir):
    raw, flat = {}, {}
    for name in DOCS:
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as fh:
            raw[name] = fh.read()
        flat[name] = collapse(raw[name])
    return raw, flat


def headings_2022(raw_text):
    """List of (offset_in_collapsed_text, section_number) for numbered headings."""
    out = []
    pos = 0
    collapsed_so_far = []
    for line in raw_text.splitlines(keepends=True):
        m = HEADING_22.match(line)
        if m and not DASH_ROW.search(line.strip()):
            prefix = collapse("".join(collapsed_so_far))
            out.append((len(prefix), m.group(1)))
        collapsed_so_far.append(line)
        pos += len(line)
    return out


def main(argv):
    strict = "--strict" in argv
    args = [a for a in argv if not a.startswith("--")]
    qfile = args[0] if args else DEFAULT_QFILE
    corpus = args[1] if len(args) > 1 else DEFAULT_CORPUS
    raw, flat = load_docs(corpus)
    flat_lower = {k: v.lower() for k, v in flat.items()}
    heads22 = headings_2022(raw[DOCS[1]])

    errors, warnings = [], []
    ids = set()
    counts = Counter()
    answerable_counts = Counter()
    n = 0

    with open(qfile, encoding="utf-8") as fh:
        lines = fh.read().splitlines()

    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {lineno}: blank line")
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {lineno}: invalid JSON ({exc})")
            continue
        n += 1
        where = f"line {lineno} ({q.get('id', '?')})"
        for key in REQUIRED:
            if key not in q:
                errors.append(f"{where}: missing field '{key}'")
        extra = set(q) - set(REQUIRED) - OPTIONAL
        if extra:
            warnings.append(f"{where}: unexpected fields {sorted(extra)}")
        if any(k not in q for k in REQUIRED):
            continue

        qid, cat = q["id"], q["category"]
        if qid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(qid)
        if cat not in CATEGORIES:
            errors.append(f"{where}: unknown category '{cat}'")
            continue
        counts[cat] += 1
        prefix = CATEGORIES[cat][0]
        if not re.fullmatch(rf"{prefix}-\d{{3}}", qid):
            errors.append(f"{where}: id should look like '{prefix}-NNN'")
        if not isinstance(q["question"], str) or not q["question"].strip():
            errors.append(f"{where}: empty question")
        if not isinstance(q["answerable"], bool):
            errors.append(f"{where}: answerable must be a bool")
        if not isinstance(q["history"], list) or not all(isinstance(h, str) for h in q["history"]):
            errors.append(f"{where}: history must be a list of strings")
        if cat == "followup" and not q["history"]:
            errors.append(f"{where}: followup question without history")
        if cat != "followup" and q["history"]:
            warnings.append(f"{where}: history on a non-followup question")
        mnc = q.get("must_not_contain", [])
        if not isinstance(mnc, list) or not all(isinstance(s, str) and s for s in mnc):
            errors.append(f"{where}: must_not_contain must be a list of non-empty strings")

        facts, evidence = q["facts"], q["evidence"]
        if cat == "unanswerable" and q["answerable"]:
            errors.append(f"{where}: unanswerable question marked answerable")
        if not q["answerable"]:
            if facts or evidence:
                errors.append(f"{where}: non-answerable question must have empty facts and evidence")
            if cat not in ("unanswerable", "injection"):
                errors.append(f"{where}: only unanswerable/injection may be answerable=false")
            continue
        answerable_counts[cat] += 1
        if cat == "injection" and not mnc:
            warnings.append(f"{where}: answerable injection without must_not_contain")

        # facts
        if not isinstance(facts, list) or not (1 <= len(facts) <= 3):
            errors.append(f"{where}: answerable question needs 1-3 fact groups")
        for group in facts if isinstance(facts, list) else []:
            if not isinstance(group, list) or not group or not all(isinstance(a, str) and a.strip() for a in group):
                errors.append(f"{where}: fact group must be a non-empty list of strings: {group!r}")
                continue
            for alt in group:
                needle = collapse(alt).lower()
                if not any(needle in flat_lower[d] for d in DOCS):
                    warnings.append(f"{where}: fact alternative not found in either document: {alt!r}")
        for bad in mnc:
            for group in facts:
                for alt in group:
                    if bad.lower() in alt.lower():
                        errors.append(f"{where}: must_not_contain {bad!r} conflicts with fact {alt!r}")

        # evidence
        if not isinstance(evidence, list) or not evidence:
            errors.append(f"{where}: answerable question needs evidence")
            continue
        for ev in evidence:
            if set(ev) != {"document", "section", "quote_contains"}:
                errors.append(f"{where}: evidence item needs document/section/quote_contains: {ev!r}")
                continue
            doc, sec, quote = ev["document"], ev["section"], ev["quote_contains"]
            if doc not in DOCS:
                errors.append(f"{where}: unknown document {doc!r}")
                continue
            cq = collapse(quote)
            occurrences = [m.start() for m in re.finditer(re.escape(cq), flat[doc])]
            if not occurrences:
                errors.append(f"{where}: quote not found verbatim in {doc}: {quote!r}")
                continue
            words = len(cq.split())
            if not (4 <= words <= 12):
                warnings.append(f"{where}: quote has {words} words (want 4-12): {quote!r}")
            if not sec:
                continue
            sidx = flat_lower[doc].find(collapse(sec).lower())
            if sidx < 0:
                errors.append(f"{where}: section {sec!r} does not occur in {doc}")
                continue
            # the quote may occur several times (e.g. 'Overall RAG Green No change');
            # it is fine if ANY occurrence fits the section
            problems = []
            for idx in occurrences:
                if sidx > idx:
                    problems.append(f"section {sec!r} first occurs after the quote in {doc}")
                    continue
                if doc == DOCS[1] and re.fullmatch(r"\d+\.\d+(\.\d+)?", sec) and sec != "5.0":
                    # quote should sit under a heading whose number starts with `sec`
                    # (dashboard rows carry their own number; accept those too)
                    preceding = [num for off, num in heads22 if off <= idx]
                    current = preceding[-1] if preceding else None
                    if not (current and (current == sec or current.startswith(sec + "."))) \
                            and not cq.startswith(sec + " "):
                        problems.append(f"quote sits under heading {current!r}, not section {sec!r}")
                        continue
                problems = []
                break
            if problems:
                warnings.append(f"{where}: {problems[-1]}")

    # summary
    if n < MIN_TOTAL:
        errors.append(f"only {n} questions (need >= {MIN_TOTAL})")
    for cat, (_, minimum) in CATEGORIES.items():
        if counts[cat] < minimum:
            errors.append(f"category {cat}: {counts[cat]} < minimum {minimum}")

    print(f"questions: {n}")
    print(f"{'category':<14}{'count':>6}{'min':>6}{'answerable':>12}")
    for cat, (_, minimum) in CATEGORIES.items():
        print(f"{cat:<14}{counts[cat]:>6}{minimum:>6}{answerable_counts[cat]:>12}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    if errors or (strict and warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
