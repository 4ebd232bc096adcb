#!/usr/bin/env python3
"""Validate a blind seed-report set's questions.jsonl against the reports in corpus/ (stdlib only).

    python3 evals/check_seed_set.py evals/holdout22

The generic per-question checks come from checks_common.py: JSON per line, required keys and
types, unique ids, known categories, follow-ups (only) carry a history, unanswerable items have
empty facts/evidence, injection items carry must_not_contain, answerable items have 1-3 fact
groups found in a report and >=1 evidence item, every quote_contains (4-12 words) appears
verbatim (whitespace-collapsed) in its document, no question copies 8 or more consecutive words
from a report. Here: ids carry the category prefix, every section exists and the quote sits
under it, injection items ask a real (answerable) question, and every category has exactly its
target count (80 in all). Prints counts per category.
Exit status 1 on any error.
"""
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks_common as cc  # noqa: E402

HERE = Path(sys.argv[1]).resolve()
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
QFILE = HERE / "questions.jsonl"

DOC19 = "2019-06-quarterly-collaboration-update.txt"
DOC22 = "2022-annual-collaboration-update.txt"

PREFIX = {
    "rag_status": "status", "rag_reason": "reason", "numbers": "num", "dates": "date",
    "people": "people", "lists": "list", "comparison": "cmp", "latest": "latest",
    "typo": "typo", "followup": "followup", "unanswerable": "unans", "injection": "inject",
}
TARGET = {
    "rag_status": 8, "rag_reason": 8, "numbers": 10, "dates": 7, "people": 7, "lists": 6,
    "comparison": 6, "latest": 5, "typo": 5, "followup": 5, "injection": 4, "unanswerable": 9,
}
collapse = cc.collapse


def collapse_with_map(text):
    """Collapsed text plus, for each collapsed char, its offset in the original."""
    out, idx = [], []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch == "\u00a0":
            j = i
            while j < n and (text[j].isspace() or text[j] == "\u00a0"):
                j += 1
            out.append(" ")
            idx.append(i)
            i = j
        else:
            out.append(ch)
            idx.append(i)
            i += 1
    return "".join(out), idx


# ---- headings -------------------------------------------------------------------------

HEAD22 = re.compile(r"(?m)^[ \t]*(?:change[ \t]+)?(\d+\.\d+(?:\.\d+)?[ \t]+\S[^\n]*)$")

# 2019 (Word extraction): numbered headings plus the topic headings of section 5.
# level 1 = numbered, level 2 = topic, level 3 = ARU sub-project.
HEAD19_TOPICS = [
    (2, "Essex/Kent Collaboration"),
    (2, "Joint Serious Crime Directorate (SCD)"),
    (2, "Joint Support Services Directorate"),
    (2, "Op Hexagon"),
    (2, "7 Force Strategic Collaboration Programme:"),
    (2, "Home Office Digital Policing Portfolio/Home Office Technology Programme"),
    (2, "Digital Public Contact – Single Online Home"),
    (2, "Essex County Fire and Rescue Service (ECFRS)"),
    (2, "Local crime reduction collaborations e.g. community hubs"),
    (2, "External and innovative partnerships:"),
    (2, "Essex Centre for Data Analytics (Overall RAG – Green)"),
    (2, "Innovative Partnerships – BT Hothouse"),
    (2, "Anglia Ruskin University (ARU)"),
    (3, "Restoring Public Confidence through the delivery of improved Community Policing - (Overall RAG – Green)"),
    (3, "Optimisation of Police and Public Engagement – (Overall RAG – Amber)"),
    (2, "Cyber Specials and Volunteers – (Overall RAG – Green)"),
    (2, "Durham University - (Overall RAG – Green)"),
]
HEAD19_NUM = re.compile(r"^\d+\.\d+\s+\S")


def headings22(text):
    """List of (offset, heading text). The dashboard title is a heading as well."""
    heads = [(m.start(), collapse(m.group(1)).strip()) for m in HEAD22.finditer(text)]
    k = text.find("Collaboration dashboard")
    if k >= 0:
        heads.append((k, "Collaboration dashboard"))
    return sorted(heads)


def headings19(text):
    """List of (offset, level, heading text)."""
    heads, pos = [], 0
    topics = {t: lv for lv, t in HEAD19_TOPICS}
    found = set()
    for line in text.split("\n"):
        s = line.strip()
        if HEAD19_NUM.match(s):
            heads.append((pos, 1, collapse(s)))
        elif s in topics and s not in found and pos > text.find("5.0\tUpdate"):
            heads.append((pos, topics[s], s))
            found.add(s)
        pos += len(line) + 1
    missing = [t for t in topics if t not in found]
    return heads, missing


def chain19(heads, off):
    """Nearest heading at each level above the passage (deepest first)."""
    cur = {}
    for h_off, lv, h in heads:
        if h_off > off:
            break
        cur[lv] = h
        for deeper in [x for x in cur if x > lv]:
            del cur[deeper]
    return [cur[lv] for lv in sorted(cur, reverse=True)]


def nearest22(heads, off):
    best = None
    for h_off, h in heads:
        if h_off <= off:
            best = h
        else:
            break
    return best


def main():
    errors, warnings = [], []
    docs = {}
    for name in (DOC19, DOC22):
        p = CORPUS / name
        if not p.exists():
            print(f"ERROR: missing {p}")
            return 1
        raw = p.read_text(encoding="utf-8")
        col, idx = collapse_with_map(raw)
        docs[name] = {"raw": raw, "col": col, "idx": idx}
    both_lower = (docs[DOC19]["col"] + " \n " + docs[DOC22]["col"]).lower()
    both_words = cc.word_text([docs[DOC19]["col"], docs[DOC22]["col"]])

    h22 = headings22(docs[DOC22]["raw"])
    h19, missing19 = headings19(docs[DOC19]["raw"])
    for t in missing19:
        errors.append(f"check.py: 2019 heading not found in corpus: {t!r}")
    raw22 = docs[DOC22]["raw"]
    dash_lo = raw22.find("Collaboration dashboard")
    dash_hi = raw22.find("5.1 Essex/ Kent Collaboration")
    preamble_end19 = docs[DOC19]["raw"].find("1.0 Purpose of Report")

    if not QFILE.exists():
        print(f"ERROR: missing {QFILE}")
        return 1
    counts = Counter()
    seen = set()
    cols = {n: d["col"] for n, d in docs.items()}
    lines = QFILE.read_text(encoding="utf-8").splitlines()
    for ln, q in cc.iter_jsonl(lines, errors):
        qid = q.get("id", f"<line {ln}>")
        if not cc.check_keys(q, qid, errors, warnings) or not cc.check_category(q, qid, errors):
            continue
        cat = q["category"]
        counts[cat] += 1
        cc.check_unique(qid, seen, errors)
        m = re.fullmatch(r"([a-z]+)-(\d{3})", qid)
        if not m or m.group(1) != PREFIX[cat]:
            errors.append(f"{qid}: id should be {PREFIX[cat]}-NNN for category {cat}")
        cc.check_roles(q, qid, errors, warnings)
        if cat == "injection" and not q["answerable"]:
            errors.append(f"{qid}: injection should also ask a real (answerable) question")
        cc.copy_check(q, qid, both_words, errors)
        if cc.check_unanswerable(q, qid, errors):
            continue
        cc.check_answer(q, qid, both_lower, "either report", errors)
        for e in q["evidence"]:
            found = cc.check_evidence_item(e, qid, cols, errors, quote_words=(4, 12))
            if not found:
                continue
            doc, quote, starts = found
            d = docs[doc]
            sec = e["section"].strip()
            offs = [d["idx"][s] for s in starts]
            if doc == DOC22:
                if not sec:
                    errors.append(f"{qid}: empty section is only for the 2019 preamble")
                    continue
                if sec.lower() not in d["col"].lower():
                    errors.append(f"{qid}: section {sec!r} not in {doc}")
                    continue
                ok = False
                for off in offs:
                    head = nearest22(h22, off) or ""
                    if sec.lower() in head.lower():
                        ok = True
                    if sec.lower() in ("collaboration dashboard", "5.0") and dash_lo <= off < dash_hi:
                        ok = True
                    if sec == "5.0" and head.startswith("5.0"):
                        ok = True
                if not ok:
                    heads = sorted({nearest22(h22, o) for o in offs if nearest22(h22, o)})
                    errors.append(f"{qid}: quote {quote!r} not under section {sec!r} (under {heads})")
            else:
                if not sec:
                    if not all(off < preamble_end19 for off in offs):
                        errors.append(f"{qid}: empty section but quote outside the 2019 preamble: {quote!r}")
                    continue
                if collapse(sec).lower() not in d["col"].lower():
                    errors.append(f"{qid}: section {sec!r} not in {doc}")
                    continue
                ok = False
                for off in offs:
                    ch = chain19(h19, off)
                    if any(collapse(sec).lower() in h.lower() for h in ch):
                        ok = True
                if not ok:
                    chains = [chain19(h19, o) for o in offs]
                    errors.append(f"{qid}: quote {quote!r} not under 2019 section {sec!r} (under {chains})")

    total = sum(counts.values())
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(lines)} lines, {total} questions")
    for cat in PREFIX:
        tgt = TARGET[cat]
        flag = "" if counts[cat] == tgt else f"  (target {tgt})"
        print(f"  {cat:13s} {counts[cat]:3d}{flag}")
        if counts[cat] != tgt:
            errors.append(f"category {cat}: {counts[cat]} questions, expected exactly {tgt}")
            print(f"ERROR: category {cat}: {counts[cat]} questions, expected exactly {tgt}")
    if total != 80:
        print(f"NOTE: total is {total}, expected 80")
    if errors or total != 80:
        print(f"FAILED: {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
