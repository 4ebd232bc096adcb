"""Answers about the reports themselves: "what's the latest report?", "which papers do you have?".

Such a question names no topic, only reports, so retrieval has nothing to match and the
answerer would abstain although the index knows its reports. The answer lists them newest
first, each cited to its own cover line (the first quotable line of its front matter).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answer.compose import AnswerBuilder
from assistant.contract import Answer
from assistant.ingest.structure import FRONT_MATTER
from assistant.ingest.terms import STOPWORDS
from assistant.question.editions import label

REPORT_WORDS = {"report", "reports", "paper", "papers", "document", "documents", "update", "updates",
                "edition", "editions", "file", "files"}
ABOUT_REPORTS = REPORT_WORDS | {"latest", "newest", "recent", "current", "last", "list", "available", "held",
                                "hold", "got", "loaded", "many", "whats", "s", "show", "tell"}  # with STOPWORDS
SHOWN = 10  # reports listed by name; the rest are counted
NOTE = "Answered from the list of reports in the index."


def _title_words(index, doc: str) -> frozenset[str]:
    return _words(str(index.documents[doc].get("title", "")))


@lru_cache(maxsize=4096)
def _words(title: str) -> frozenset[str]:
    """A title's words, once per title: every question that says "report" checks them all."""
    return frozenset(re.findall(r"[a-z]+", title.lower()))


def wanted_reports(question: str, index) -> list[str] | None:
    """The reports a question about the reports themselves means, newest first ('the latest
    audit report': those with 'audit' in the title); None when it names a topic to look up."""
    words = re.findall(r"[a-z]+", question.lower())
    if not any(w in REPORT_WORDS for w in words):
        return None
    named = [w for w in words if w not in ABOUT_REPORTS and w not in STOPWORDS]
    docs = [d for d in index.documents if all(w in _title_words(index, d) for w in named)]
    if not docs:
        return None
    return sorted(docs, key=lambda d: str(index.documents[d].get("date", "")), reverse=True)


def _cover_line(index, doc: str, spans: list[int]) -> int:
    """The span that gives the report's title, else its first front-matter span."""
    title = _title_words(index, doc) - STOPWORDS
    front = [i for i in spans if index.spans[i]["section"] == FRONT_MATTER] or spans
    return max(front, key=lambda i: len(title & set(re.findall(r"[a-z]+", index.spans[i]["text"].lower()))))


def catalogue_answer(question: str, index) -> Answer | None:
    """The reports held, newest first, each cited to its cover line; None for other questions."""
    order = wanted_reports(question, index)
    if not order:
        return None
    spans: dict[str, list[int]] = {}
    for i, span in enumerate(index.spans):
        spans.setdefault(span["document"], []).append(i)
    order = [d for d in order if d in spans]
    if not order:
        return None
    builder = AnswerBuilder(index)
    lines = []
    for doc in order[:SHOWN]:
        span = index.spans[_cover_line(index, doc, spans[doc])]
        n = builder.cite(doc, span["section"], span["start"], span["end"], span["text"])
        lines.append(f"- {label(index.documents[doc])}: {index.documents[doc]['title']} [{n}]")
    more = f"\n\n…and {len(order) - SHOWN} older reports." if len(order) > SHOWN else ""
    text = (f"The newest is the {label(index.documents[order[0]])}. The reports I hold, newest first:\n\n"
            + "\n".join(lines) + more)
    return Answer(question=question, answer=text, abstained=False, citations=builder.citations,
                  notes=[NOTE], confidence=1.0)
