#!/usr/bin/env python3
"""Validate an unseen-paper set's questions.jsonl against its own reports (stdlib only).

    python3 evals/check_new_documents.py evals/new_documents27

Documents are the folder's reports/*.txt; the seed reports in corpus/*.txt may be cited too.
The generic per-question checks come from checks_common.py: JSON per line, required keys and
types, unique ids, known categories, follow-ups (only) carry a history, unanswerable items have
empty facts/evidence, injection items carry must_not_contain, answerable items have 1-3 fact
groups (every alternative found in the documents) and >=1 evidence item, every quote_contains
appears verbatim (whitespace-collapsed) in its document, no question copies 8 or more consecutive
words of a report. Here: only unanswerable and injection items may be non-answerable, every
evidence section appears in its document (empty = any), 50-70 questions in all, 10-20%
non-answerable. Prints counts per paper (the report named in a question's notes, else its first
evidence document) and per category. No paper-specific consistency checks of the reports.
Exit status 1 on any error.
"""
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks_common as cc  # noqa: E402

TOTAL = (50, 70)
NON_ANSWERABLE = (0.10, 0.20)


def paper_of(q, reports):
    """The report named earliest in the notes, else the first evidence document, else None."""
    named = [(q["notes"].find(r), r) for r in reports if r in q["notes"]]
    if named:
        return min(named)[1]
    for e in q["evidence"]:
        if isinstance(e, dict) and e.get("document") in reports:
            return e["document"]
    return None


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().split("\n\n")[1])
        return 2
    here = Path(sys.argv[1]).resolve()
    qfile = here / "questions.jsonl"
    reports = sorted(p.name for p in (here / "reports").glob("*.txt"))
    if not reports or not qfile.exists():
        print(f"ERROR: {here} needs reports/*.txt and questions.jsonl")
        return 1
    docs = {p.name: cc.collapse(p.read_text(encoding="utf-8"))
            for p in sorted((here.parent.parent / "corpus").glob("*.txt"))}
    for r in reports:
        docs[r] = cc.collapse((here / "reports" / r).read_text(encoding="utf-8"))
    haystack = " \n ".join(docs.values()).lower()
    words = cc.word_text(docs.values())

    errors, warnings = [], []
    seen, per_paper, categories = set(), defaultdict(Counter), Counter()
    total = non_answerable = 0
    lines = qfile.read_text(encoding="utf-8").splitlines()
    for ln, q in cc.iter_jsonl(lines, errors):
        qid = q.get("id", f"<line {ln}>")
        if not cc.check_keys(q, qid, errors, warnings) or not cc.check_category(q, qid, errors):
            continue
        cat = q["category"]
        total += 1
        non_answerable += not q["answerable"]
        categories[cat] += 1
        paper = paper_of(q, reports) or "(no paper named)"
        per_paper[paper][cat] += 1
        per_paper[paper]["non-answerable"] += not q["answerable"]
        cc.check_unique(qid, seen, errors)
        cc.check_roles(q, qid, errors, warnings)
        if not q["answerable"] and cat not in ("unanswerable", "injection"):
            errors.append(f"{qid}: only unanswerable or injection items may be non-answerable")
        cc.copy_check(q, qid, words, errors)
        if cc.check_unanswerable(q, qid, errors):
            continue
        cc.check_answer(q, qid, haystack, "any document", errors)
        for e in q["evidence"]:
            found = cc.check_evidence_item(e, qid, docs, errors)
            sec = cc.collapse(e["section"]).strip() if found else ""
            if sec and sec.lower() not in docs[found[0]].lower():
                errors.append(f"{qid}: section {sec!r} not in {found[0]}")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(lines)} lines, {total} questions, {non_answerable} non-answerable")
    for paper in reports + sorted(set(per_paper) - set(reports)):
        c = per_paper[paper]
        cats = {k: v for k, v in sorted(c.items()) if k != "non-answerable" and v}
        print(f"  {paper}: {sum(cats.values())} questions, {c['non-answerable']} non-answerable; "
              + ", ".join(f"{k}={v}" for k, v in cats.items()))
    for cat in cc.CATEGORIES:
        print(f"  {cat:13s} {categories[cat]:3d}")
    problems = list(errors)
    if not TOTAL[0] <= total <= TOTAL[1]:
        problems.append(f"{total} questions, expected {TOTAL[0]}-{TOTAL[1]}")
    share = non_answerable / total if total else 0
    if not NON_ANSWERABLE[0] <= share <= NON_ANSWERABLE[1]:
        lo, hi = NON_ANSWERABLE
        problems.append(f"{share:.0%} non-answerable, expected {lo:.0%}-{hi:.0%}")
    for p in problems[len(errors):]:
        print("ERROR:", p)
    if problems:
        print(f"FAILED: {len(problems)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
