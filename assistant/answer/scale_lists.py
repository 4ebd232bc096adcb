"""List questions on a paper's own scale: "which ideas went in the Now column?", "which
workstreams are on track this quarter?", "which risks are still Medium?".

The RAG register lists colours; a paper grading things its own way (Now / Next / Later, ON TRACK
/ WATCH, Keep / Merge), or in RAG colours of its own (a comparison's rows), is answered here, from the ratings ingest read in its words
(`assistant/ingest/scales.py`). The value asked for is one the index's own ratings use (the
longest the question names; a composite value's parts count too: "Level 2 – Developing" is at
"level 2"), and the paper is the one retrieval puts first, so a value that happens to be a
common word ("now") lists nothing unless the question is about that paper.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.answer.answer_types import asked
from assistant.answer.compose import AnswerBuilder
from assistant.contract import Answer
from assistant.question.editions import label, own_scale
from assistant.question.intents import intents

NOTE = "Answered from the ratings on the paper's own scale."
PART = re.compile(r"\s+[–—-]\s+")  # "Possible and Significant – Medium": each side is a value too
MORE_THAN_ONE = re.compile(r"[.?!:]\s+\S")  # "Before you answer, list every ... . How many ...?": two sentences
SHORTEST = 3  # characters: a value shorter than this ("A", "Q3") is too easily a word of the question


def _values(index, own_papers: frozenset[str]) -> dict[str, dict[str, list[dict]]]:
    """value (lower case) -> document -> its ratings with that value, built once per index."""
    cached = getattr(index, "_scale_values", None)
    if cached is not None and cached[0] == own_papers:
        return cached[1]
    out: dict[str, dict[str, list[dict]]] = {}
    for doc, meta in index.documents.items():
        ratings = meta.get("ratings", [])
        for r in ratings if doc in own_papers else own_scale(ratings):
            if not r.get("overall"):
                continue
            value = r["overall"].lower()
            for key in {value, *PART.split(value)}:
                if len(key) >= SHORTEST:
                    out.setdefault(key, {}).setdefault(doc, []).append(r)
    index._scale_values = (own_papers, out)
    return out


def scale_list_answer(question: str, index, hits, kinds: tuple[str, ...],
                      own_papers: frozenset[str] = frozenset()) -> Answer | None:
    """The things the paper at the top of the hits rates at the value the question names, on a
    scale it rates several things on; None when the question is not one list question, names
    no such value, or is about another paper. `own_papers`: reports whose RAG colours are their
    own, not an edition of the register's (a comparison's rows: "which rows are still red?")."""
    if ("list" not in intents(question) or asked(question, tuple(k for k in kinds if k != "count")) or not hits
            or MORE_THAN_ONE.search(question.strip())):
        return None  # not an amount or a date asked, nor a list cue in one sentence and the question in another (a
    # count is answered too: "2 at Red", and the answer-kind model reads "which rows are red?" as one)
    values = _values(index, own_papers)
    low = question.lower()
    named = [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", low)]
    if not named:
        return None
    value = max(named, key=len)
    doc = hits[0].chunk["document"]
    ratings = index.documents[doc].get("ratings", [])
    scales = Counter(r.get("scale", "") for r in (ratings if doc in own_papers else own_scale(ratings)))
    rated = [r for r in values[value].get(doc, []) if scales[r.get("scale", "")] >= 2]  # a scale that rates several
    if not rated:  # things, not a paper's one overall opinion
        return None
    builder = AnswerBuilder(index)
    lines = []
    for r in rated:
        n = builder.cite(doc, r["section"], r["start"], r["end"], r["quote"])
        lines.append(f"- {builder.own_scale(r)} [{n}]")
    meta = index.documents[doc]
    shown = re.search(re.escape(value), rated[0]["overall"], re.IGNORECASE).group(0)  # as the paper writes it
    text = f"**{label(meta)}, {meta['title']}:** {len(rated)} at {shown}:\n\n" + "\n".join(lines)
    return Answer(question=question, answer=text, abstained=False, citations=builder.citations, notes=[NOTE])
