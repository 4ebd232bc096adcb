"""The answer object every interface returns (see ../shared/contract.md; add fields, never rename)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field


@dataclass
class Citation:
    n: int
    document: str  # file name in corpus/
    title: str
    date: str  # the report edition: ISO date or year-month
    section: str
    quote: str  # verbatim document text (whitespace collapsed)
    start: int  # offsets into the document's extracted text
    end: int


@dataclass
class Answer:
    question: str
    answer: str  # Markdown; every claim carries [n]
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    backend: str = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    id: str | None = None
    error: str | None = None
    standalone_question: str | None = None  # a follow-up rewritten with the chat history
    notes: list[str] = field(default_factory=list)  # e.g. "instructions in the question ignored"
    confidence: float | None = None  # P(answerable), 0-1, from the answer model; None if not scored
    guard: dict | None = None  # LLM backends: sentences checked, kept, dropped (with why), fallback
    prompt_version: str | None = None  # LLM backends: the version line of prompts/answer.md

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        if d["id"] is None:
            d.pop("id")
        if d["error"] is None:
            d.pop("error")
        return d

    @classmethod
    def failure(cls, question: str, message: str, id: str | None = None) -> Answer:
        return cls(question=question, answer="", abstained=True, error=message, id=id,
                   backend="none")


def markers(text: str) -> set[int]:
    """The [n] citation markers used in an answer text."""
    return {int(m) for m in re.findall(r"\[(\d+)\]", text)}
