"""Turn a chat follow-up ("and in 2019?", "who leads it?") into a standalone question.

No LLM: the previous user question is split into a question frame and its topic noun phrase,
then the follow-up either adds a time qualifier to that question, swaps its topic
("what about X?"), or has its pronouns replaced by the topic. A question with a topic of its
own is returned unchanged, so a wrong guess costs nothing on self-contained questions.

This file decides which kind of follow-up a question is; `frame` parses the previous
question, `rewrites` rebuilds it, `followup_words` holds the vocabulary.
"""

from __future__ import annotations

import re

from assistant.question.followup_words import (
    AUX,
    DET,
    FILLER,
    GENERIC,
    IMPERATIVE,
    PAST,
    PLURAL,
    POSSESSIVE,
    PREP,
    ROLES,
    SINGULAR,
    TIME,
    WH,
    anaphors,
    content_words,
    entities,
    is_verbal,
    normalise,
    time_phrase,
    tokens,
)
from assistant.question.frame import parse, topic_text
from assistant.question.rewrites import (
    ask,
    ask_why,
    carry,
    fill_count,
    resolve,
    substitute,
    with_time,
)

CONNECTOR = re.compile(r"^(?:and|but|so|also|ok(?:ay)?|right|then|plus)\b[\s,]*", re.IGNORECASE)
BARE_WHY = re.compile(r"^(?:why|how come)(?:\s+(?:so|not|is that|was that|is it|was it|"
                      r"are they|were they))?$", re.IGNORECASE)
ABOUT = re.compile(r"^(?:(?:and\s+)?(?:what|how) about|what of|same (?:question )?for|"
                   r"and(?:\s+for|\s+with)?)\s+(.+)$", re.IGNORECASE)


def rewrite(question: str, history: list[str]) -> str:
    """The question as it would be asked on its own, given earlier user questions (oldest first)."""
    history = [h for h in (history or []) if h and h.strip()]
    if not history or not question or not question.strip():
        return question
    prev = rewrite(history[-1], history[-4:-1])
    prev_words = tokens(prev)
    if not prev_words:
        return question
    frame = parse(prev_words)
    about = ABOUT.match(normalise(question))
    if about and _is_phrase(about.group(1)):
        target = about.group(1)
        return with_time(frame, target, False) if _is_time(target) else substitute(frame, target)
    body, connector = _strip_connector(normalise(question))
    if not body:
        return ask(prev_words)
    if BARE_WHY.match(body):
        return ask_why(frame)
    if body.lower() in WH:
        return ask(prev_words, f", and {body.lower()}")
    words = tokens(body)
    time = time_phrase(body)
    if time and not content_words(words, time):
        return with_time(frame, time, past=any(w.lower() in PAST.values() for w in words))
    if anaphors(words) and not entities(words) and not _self_referring(body, words):
        return carry(resolve(words, frame), frame)
    if _elided_count(words) and frame.head and not entities(words):
        return carry(fill_count(body, frame.head), frame)
    if _needs_anchor(words) and topic_text(frame):
        return ask(words, f" for {topic_text(frame)}")
    if connector:
        return ask(words)
    return question


def _strip_connector(text: str) -> tuple[str, bool]:
    """A follow-up without its leading 'and'/'so'/'ok', and whether it had one."""
    stripped = CONNECTOR.sub("", text)
    return stripped.strip(" ,?"), stripped != text


def _is_phrase(text: str) -> bool:
    """A bare noun phrase or time qualifier, not a question of its own."""
    words = [w.lower() for w in tokens(text)]
    return bool(words) and len(words) <= 7 and not (set(words) & (WH | {"is", "are", "was",
                                                                           "were", "does", "did"}))


def _is_time(text: str) -> bool:
    """Whether `text` is only a time qualifier ('2019', 'the previous report')."""
    return bool(TIME.search(text)) and not content_words(tokens(text), time_phrase(text))


def _self_referring(body: str, words: list[str]) -> bool:
    """'durham survey - when was it run?': the pronoun points at a noun in the same question."""
    opener = WH | AUX | SINGULAR | PLURAL | POSSESSIVE | PREP | IMPERATIVE | {"please", "ok"}
    if words[0].lower() not in opener:
        return True  # starts with its own topic ("hubs were green ... what are they now?")
    first = re.search(r"\b(?:it|its|they|them|their|he|she|him|his|that|this|those|these|ones)\b",
                      body, flags=re.IGNORECASE)
    before = body[:first.start()] if first else ""
    clauses = re.split(r"\s+-\s+|[,;:]\s*|\.\s+|\s+(?:and|but)\s+", before)
    return len(clauses) > 1 and bool(content_words(tokens(" ".join(clauses[:-1])), None))


def _elided_count(words: list[str]) -> bool:
    """'how many applied?': a count whose noun was left out (the previous question's)."""
    lw = [w.lower() for w in words]
    for k in range(len(lw) - 1):
        if lw[k] == "how" and lw[k + 1] in {"many", "much"}:
            nxt = lw[k + 2] if k + 2 < len(lw) else None
            return nxt is None or nxt in AUX or is_verbal(nxt)
    return False


def _needs_anchor(words: list[str]) -> bool:
    """'who is the SRO?': a definite role with nothing to be the role of."""
    lw = [w.lower() for w in words]
    if entities(words) or (lw and lw[0] == "which") or len(lw) > 8:
        return False
    if any(w not in GENERIC | WH | AUX | DET | PREP | FILLER for w in lw):
        return False
    return any(w == "the" and set(lw[k + 1:k + 4]) & ROLES for k, w in enumerate(lw))

