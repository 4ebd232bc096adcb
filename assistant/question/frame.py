"""The previous question parsed into a `Frame`: its question word, auxiliary verb, topic
phrases and prepositional phrases, and which phrase a pronoun in a follow-up points back to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.question.followup_words import (
    AUX,
    DET,
    GENERIC,
    IMPERATIVE,
    PREP,
    STOP,
    TIME,
    WH,
    entities,
    is_verbal,
)


@dataclass
class Frame:
    """The previous question, split into the parts a follow-up can reuse."""

    words: list[str]
    topics: list[tuple[int, int]] = field(default_factory=list)  # (start, end) word spans
    plural: str | None = None  # "the districts that still don't have a hub"
    head: str | None = None  # the counted/selected noun: "forces"
    wh: str | None = None
    aux_at: int | None = None  # index of the question's auxiliary verb
    pps: list[tuple[int, int]] = field(default_factory=list)  # prepositional phrases


def parse(words: list[str]) -> Frame:
    """Find the question word, auxiliary and candidate topic phrases of a question."""
    lw = [w.lower() for w in words]
    frame, n, i = Frame(words), len(words), 0
    if lw[0] in IMPERATIVE:
        k = next((j + 1 for j, w in enumerate(lw) if w in {"about", "on", "regarding", "of"}), 1)
        k += 1 if k == 1 and n > 1 and lw[1] in {"me", "us"} else 0
        frame.topics.append(_trim(lw, k, n))
        return frame
    if lw[0] in WH:
        frame.wh, i = lw[0], 1
    if frame.wh == "how" and i < n and lw[i] in {"many", "much"}:
        frame.wh, i = f"how {lw[i]}", i + 1
    if frame.wh in {"which", "what", "how many", "how much"} and i < n and lw[i] not in AUX:
        j = _np_end(lw, i)
        if j > i:
            frame.head = " ".join(words[i:j])
            rest = words[j:]
            if frame.wh == "which" and rest:
                frame.plural = f"the {frame.head} that {' '.join(rest)}"
            frame.topics.append((i, j))
            i = j
    if i < n and lw[i] in AUX:
        frame.aux_at, i = i, i + 1
        j = _np_end(lw, i)
        complement = frame.wh in {"why", "how come"} or lw[i - 1] in {"do", "does", "did"}
        if j == n and complement and j - i >= 2:
            j -= 1  # "why is the fire service amber": the last word is the complement
        if j > i:
            frame.topics.append((i, j))
    elif frame.wh and i < n and not frame.topics:
        frame.topics.append(_trim(lw, i + 1, n))  # "who leads vetting in the 7F"
    for k in range(n):
        if lw[k] in PREP and k + 1 < n and lw[k + 1] not in PREP:
            j = _np_end(lw, k + 1, stop=PREP | AUX | WH)
            if j > k + 1 and not TIME.fullmatch(" ".join(words[k:j])):
                frame.pps.append((k, j))
    return frame


def _trim(lw: list[str], i: int, j: int) -> tuple[int, int]:
    """The span i..j without its leading prepositions."""
    while i < j and lw[i] in PREP:
        i += 1
    return i, j


def _np_end(lw: list[str], i: int, stop: set[str] = STOP) -> int:
    """Where the noun phrase starting at word i ends (before a verb, time or stop word)."""
    j = i
    while j < len(lw) and lw[j] not in stop and not is_verbal(lw[j]) and not TIME.fullmatch(lw[j]):
        j += 1
    return j


def span_text(frame: Frame, span: tuple[int, int]) -> str:
    """The words of a (start, end) span of the frame's question."""
    return " ".join(frame.words[span[0]:span[1]])


def topic_span(frame: Frame) -> tuple[int, int] | None:
    """The phrase a pronoun most likely points back to: a named thing first."""
    spans = frame.topics + [(i + 1, j) for i, j in frame.pps]
    named = [s for s in spans if entities(frame.words[s[0]:s[1]], s[0])]
    specific = [s for s in spans if any(w.lower() not in GENERIC | DET | PREP
                                        for w in frame.words[s[0]:s[1]])]
    return (named or specific or spans or [None])[0]


def topic_text(frame: Frame) -> str | None:
    """The previous question's topic phrase, or None if it has none."""
    span = topic_span(frame)
    return span_text(frame, span) if span else None

