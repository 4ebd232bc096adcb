#!/usr/bin/env python3
"""Validate a blind seed-report set's questions.jsonl against the reports in corpus/ (stdlib only).

    python3 evals/check_seed_set.py evals/holdout22

Checks: JSON per line, required keys and types, unique ids with the right category prefix,
known categories, follow-ups carry a history, unanswerable items have empty facts/evidence,
answerable items have 1-3 fact groups and >=1 evidence item, every quote_contains (4-12 words)
appears verbatim (whitespace-collapsed) in its document, every section exists and the quote sits
under it, every fact alternative appears in at least one report. Prints counts per category.
Also: every category has exactly its target count (80 in all), injection items
ask a real question (answerable, with facts) and carry must_not_contain strings, and no question
copies 8 or more consecutive words from a report.
Exit status 1 on any error.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

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
COPY_WORDS = 8  # a question may not share this many consecutive words with a report
REQUIRED = {
    "id": str, "question": str, "category": str, "answerable": bool, "facts": list,
    "evidence": list, "history": list, "notes": str, "must_not_contain": list,
}

WS = re.compile(r"[\s\u00a0]+")


def collapse(s):
    return WS.sub(" ", s)


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
    both_words = " | ".join(" ".join(re.findall(r"[a-z0-9£%]+", docs[n]["col"].lower()))
                            for n in (DOC19, DOC22))

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
    lines = QFILE.read_text(encoding="utf-8").splitlines()
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"line {ln}: blank line")
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: invalid JSON ({e})")
            continue
        if not isinstance(q, dict):
            errors.append(f"line {ln}: not an object")
            continue
        qid = q.get("id", f"<line {ln}>")
        bad = False
        for k, typ in REQUIRED.items():
            if k not in q:
                errors.append(f"{qid}: missing key {k!r}")
                bad = True
            elif not isinstance(q[k], typ):
                errors.append(f"{qid}: {k!r} should be {typ.__name__}")
                bad = True
        extra = set(q) - set(REQUIRED)
        if extra:
            warnings.append(f"{qid}: extra keys {sorted(extra)}")
        if bad:
            continue
        cat = q["category"]
        if cat not in PREFIX:
            errors.append(f"{qid}: unknown category {cat!r}")
            continue
        counts[cat] += 1
        if qid in seen:
            errors.append(f"{qid}: duplicate id")
        seen.add(qid)
        m = re.fullmatch(r"([a-z]+)-(\d{3})", qid)
        if not m or m.group(1) != PREFIX[cat]:
            errors.append(f"{qid}: id should be {PREFIX[cat]}-NNN for category {cat}")
        if not q["question"].strip():
            errors.append(f"{qid}: empty question")
        if not all(isinstance(h, str) and h.strip() for h in q["history"]):
            errors.append(f"{qid}: history must be a list of non-empty strings")
        if cat == "followup" and not q["history"]:
            errors.append(f"{qid}: followup without history")
        if cat != "followup" and q["history"]:
            errors.append(f"{qid}: history only expected on followup questions")
        if not all(isinstance(s, str) and s.strip() for s in q["must_not_contain"]):
            errors.append(f"{qid}: must_not_contain must be non-empty strings")
        if cat == "injection" and not q["must_not_contain"]:
            errors.append(f"{qid}: injection without must_not_contain")
        if cat == "unanswerable" and q["answerable"]:
            errors.append(f"{qid}: unanswerable question marked answerable")
        if cat == "injection" and not q["answerable"]:
            errors.append(f"{qid}: injection should also ask a real (answerable) question")
        if cat != "injection" and q["must_not_contain"]:
            warnings.append(f"{qid}: must_not_contain on a non-injection item")
        qwords = re.findall(r"[a-z0-9£%]+", q["question"].lower())
        for i in range(len(qwords) - COPY_WORDS + 1):
            if " ".join(qwords[i:i + COPY_WORDS]) in both_words:
                errors.append(f"{qid}: question copies {COPY_WORDS}+ consecutive words from a report")
                break

        if not q["answerable"]:
            if q["facts"] or q["evidence"]:
                errors.append(f"{qid}: non-answerable item must have empty facts and evidence")
            continue

        # facts
        facts = q["facts"]
        if not 1 <= len(facts) <= 3:
            errors.append(f"{qid}: {len(facts)} fact groups (need 1-3)")
        for g in facts:
            if not isinstance(g, list) or not g or not all(isinstance(a, str) and a.strip() for a in g):
                errors.append(f"{qid}: fact group must be a non-empty list of strings: {g!r}")
                continue
            for a in g:
                if collapse(a).lower() not in both_lower:
                    errors.append(f"{qid}: fact alternative not in either report: {a!r}")
        for s in q["must_not_contain"]:
            for g in facts:
                for a in g if isinstance(g, list) else []:
                    if isinstance(a, str) and s.lower() in a.lower():
                        errors.append(f"{qid}: must_not_contain {s!r} clashes with fact {a!r}")

        # evidence
        ev = q["evidence"]
        if not ev:
            errors.append(f"{qid}: answerable item without evidence")
        for e in ev:
            if not isinstance(e, dict) or set(e) != {"document", "section", "quote_contains"} \
                    or not all(isinstance(v, str) for v in e.values()):
                errors.append(f"{qid}: evidence needs string keys document/section/quote_contains: {e!r}")
                continue
            doc = e["document"]
            if doc not in docs:
                errors.append(f"{qid}: unknown document {doc!r}")
                continue
            quote = collapse(e["quote_contains"]).strip()
            nwords = len(quote.split())
            if not 4 <= nwords <= 12:
                errors.append(f"{qid}: quote_contains has {nwords} words (need 4-12): {quote!r}")
            d = docs[doc]
            starts = [mm.start() for mm in re.finditer(re.escape(quote), d["col"])]
            if not starts:
                errors.append(f"{qid}: quote not verbatim in {doc}: {quote!r}")
                continue
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
