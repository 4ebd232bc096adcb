"""Per-question checks shared by the eval-set validators (stdlib only).

Used by `check_seed_set.py` (seed-report sets) and `check_new_documents.py` (unseen-paper sets).
Each check appends messages to an `errors` (or `warnings`) list, in the order the items are met,
and returns a flag where the caller has to decide whether to go on with the item.
"""
import json
import re

CATEGORIES = ("rag_status", "rag_reason", "numbers", "dates", "people", "lists", "comparison",
              "latest", "typo", "followup", "unanswerable", "injection")
REQUIRED = {
    "id": str, "question": str, "category": str, "answerable": bool, "facts": list,
    "evidence": list, "history": list, "notes": str, "must_not_contain": list,
}
EVIDENCE_KEYS = {"document", "section", "quote_contains"}
COPY_WORDS = 8  # a question may not share this many consecutive words with a report

WS = re.compile(r"[\s\u00a0]+")
WORD = re.compile(r"[a-z0-9£%]+")


def collapse(s):
    """Every run of whitespace (NBSP included) becomes one space."""
    return WS.sub(" ", s)


def word_text(texts):
    """The reports' words (lower case, ' '-joined, ' | ' between reports), for copy_check."""
    return " | ".join(" ".join(WORD.findall(t.lower())) for t in texts)


def iter_jsonl(lines, errors):
    """Yield (line number, object) for each line; blank, invalid or non-object lines are errors."""
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
        yield ln, q


def check_keys(q, qid, errors, warnings):
    """Required keys present with the right types (extra keys only warn). False if any is bad."""
    ok = True
    for k, typ in REQUIRED.items():
        if k not in q:
            errors.append(f"{qid}: missing key {k!r}")
            ok = False
        elif not isinstance(q[k], typ):
            errors.append(f"{qid}: {k!r} should be {typ.__name__}")
            ok = False
    extra = set(q) - set(REQUIRED)
    if extra:
        warnings.append(f"{qid}: extra keys {sorted(extra)}")
    return ok


def check_category(q, qid, errors, categories=CATEGORIES):
    """The category is a known one. False if not."""
    if q["category"] not in categories:
        errors.append(f"{qid}: unknown category {q['category']!r}")
        return False
    return True


def check_unique(qid, seen, errors):
    """The id has not been seen before (adds it to `seen`)."""
    if qid in seen:
        errors.append(f"{qid}: duplicate id")
    seen.add(qid)


def check_roles(q, qid, errors, warnings):
    """Non-empty question; history only (and always) on follow-ups; injections carry
    must_not_contain (a warning elsewhere); unanswerable items are not marked answerable."""
    cat = q["category"]
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
    if cat != "injection" and q["must_not_contain"]:
        warnings.append(f"{qid}: must_not_contain on a non-injection item")


def copy_check(q, qid, words, errors, n=COPY_WORDS):
    """The question shares no run of `n` consecutive words with the reports (`word_text`)."""
    qwords = WORD.findall(q["question"].lower())
    for i in range(len(qwords) - n + 1):
        if " ".join(qwords[i:i + n]) in words:
            errors.append(f"{qid}: question copies {n}+ consecutive words from a report")
            return


def check_unanswerable(q, qid, errors):
    """A non-answerable item has empty facts and evidence. True if the item is non-answerable."""
    if q["answerable"]:
        return False
    if q["facts"] or q["evidence"]:
        errors.append(f"{qid}: non-answerable item must have empty facts and evidence")
    return True


def check_answer(q, qid, haystack, where, errors):
    """An answerable item has 1-3 fact groups of non-empty strings, each alternative found in
    `haystack` (collapsed, lower-cased document text; `where` names it in messages), no
    must_not_contain string inside a fact, and at least one evidence item."""
    facts = q["facts"]
    if not 1 <= len(facts) <= 3:
        errors.append(f"{qid}: {len(facts)} fact groups (need 1-3)")
    for g in facts:
        if not isinstance(g, list) or not g or not all(isinstance(a, str) and a.strip() for a in g):
            errors.append(f"{qid}: fact group must be a non-empty list of strings: {g!r}")
            continue
        for a in g:
            if collapse(a).lower() not in haystack:
                errors.append(f"{qid}: fact alternative not in {where}: {a!r}")
    for s in q["must_not_contain"]:
        for g in facts:
            for a in g if isinstance(g, list) else []:
                if isinstance(a, str) and s.lower() in a.lower():
                    errors.append(f"{qid}: must_not_contain {s!r} clashes with fact {a!r}")
    if not q["evidence"]:
        errors.append(f"{qid}: answerable item without evidence")


def check_evidence_item(e, qid, docs, errors, quote_words=None):
    """One evidence item: string keys document/section/quote_contains, a known document
    (`docs`: name -> collapsed text), quote_contains verbatim in it (whitespace-collapsed) and,
    if `quote_words` = (lo, hi) is given, lo-hi words long (else merely non-empty).
    Returns (document, collapsed quote, start offsets in the collapsed text), or None."""
    if not isinstance(e, dict) or set(e) != EVIDENCE_KEYS \
            or not all(isinstance(v, str) for v in e.values()):
        errors.append(f"{qid}: evidence needs string keys document/section/quote_contains: {e!r}")
        return None
    doc = e["document"]
    if doc not in docs:
        errors.append(f"{qid}: unknown document {doc!r}")
        return None
    quote = collapse(e["quote_contains"]).strip()
    if quote_words:
        nwords = len(quote.split())
        if not quote_words[0] <= nwords <= quote_words[1]:
            errors.append(f"{qid}: quote_contains has {nwords} words "
                          f"(need {quote_words[0]}-{quote_words[1]}): {quote!r}")
    elif not quote:
        errors.append(f"{qid}: empty quote_contains")
        return None
    starts = [m.start() for m in re.finditer(re.escape(quote), docs[doc])]
    if not starts:
        errors.append(f"{qid}: quote not verbatim in {doc}: {quote!r}")
        return None
    return doc, quote, starts
