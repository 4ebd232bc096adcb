"""The question as the answerers receive it: standalone, injection-free, embedded, edition-resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.question.editions import Editions


@dataclass
class Query:
    """A question ready to answer: standalone, injection-free, embedded, edition-resolved."""

    text: str
    vector: np.ndarray
    editions: Editions
    notes: list[str] = field(default_factory=list)
    kinds: tuple[str, ...] = ()  # the kinds of answer it asks for: "money", "date"... (answer/answer_kinds.py)
