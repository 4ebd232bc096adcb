"""Which kind of answer a question asks for (a sum of money, a share, a count, a date, a length of
time), learned from labelled questions.

Word lists about question wording read "how many posts are jointly *funded*" as a money
question, "how many hours is the hub *saving*" as asking for pounds, and every "when" as asking
for a date ("when demand is overwhelming, who supervises that?"), then said the papers don't
give "that amount" or "that date" beside the right answer. Here a logistic regression per kind
over the question's words and word pairs, and its embedding (the same vector retrieval uses, so
"percentage" is read like the "%" the training questions mostly wrote), decides instead. It is
trained by `assistant train` on every labelled answerable question, each labelled by what its
expected facts are ("£809,000" a sum, "68%" a share, "1,115" a count, "4 June 2019" a date,
"18 months" a length of time). The model is a table of weights in `models/answer_kinds.json`.
The pipeline asks it once per question (`Query.kinds`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

import numpy as np

from assistant.answer.decision import load_json, save_json

MODEL = Path(__file__).resolve().parent / "models" / "answer_kinds.json"
FIGURES = ("money", "percent", "count")  # one figure at most, a tie settled in this order: a sum, a share, a count
KINDS = (*FIGURES, "date", "duration")  # a date or a length of time may be asked beside a figure
EMBEDDING_WEIGHT = 3.0  # the unit-length embedding's scale beside 0/1 word features (1 and 3 tried)
TOKEN = re.compile(r"[£%]|\w[\w'/]*")


def ngrams(question: str) -> list[str]:
    """The question's lower-cased words and adjacent word pairs: the model's inputs."""
    words = TOKEN.findall(question.lower())
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass
class AnswerKinds:
    """Per kind, a weight per word or word pair, weights on the embedding, and an intercept;
    P = logistic(sum)."""

    weights: dict[str, list[float]]  # n-gram -> one weight per kind in KINDS
    embedding: list[list[float]]  # per kind, one weight per embedding dimension (times EMBEDDING_WEIGHT)
    intercepts: list[float]
    report: dict

    @cached_property
    def _embedding(self) -> np.ndarray:
        return EMBEDDING_WEIGHT * np.array(self.embedding)  # built once, not per question

    def probabilities(self, question: str, vector: np.ndarray) -> dict[str, float]:
        z = np.array(self.intercepts) + self._embedding @ np.asarray(vector, dtype=float)
        for gram in set(ngrams(question)):
            for k, w in enumerate(self.weights.get(gram, ())):
                z[k] += w
        return {kind: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, float(v))))) for kind, v in zip(KINDS, z, strict=True)}

    def kinds(self, question: str, vector: np.ndarray) -> tuple[str, ...]:
        """The kinds asked for: the likeliest figure, and a date or a length of time, each when
        more likely than not; () when the question asks for none of them."""
        p = self.probabilities(question, vector)
        best = max(FIGURES, key=lambda k: p[k])
        return tuple(k for k in KINDS if p[k] >= 0.5 and (k == best or k not in FIGURES))

    def save(self, path: Path = MODEL) -> None:
        save_json(self, path)

    @classmethod
    def load(cls, path: Path = MODEL) -> AnswerKinds:
        return load_json(cls, path, "answer-kind model")


_held_out: AnswerKinds | None = None


def kinds_asked(question: str, vector: np.ndarray) -> tuple[str, ...]:
    """Some of 'money', 'percent', 'count', 'date', 'duration', from the committed model (or
    the one `use` set)."""
    return (_held_out or _committed()).kinds(question, vector)


def use(model: AnswerKinds | None) -> None:
    """Ask `model` instead of the committed one (None: back to it). Training drafts each question
    set with a model fitted without it, so the decision learns how far to trust it on new wording."""
    global _held_out
    _held_out = model
    _committed.cache_clear()  # training has just saved a new one


@contextmanager
def restored() -> Iterator[None]:
    """Whatever `use` sets inside, the committed model is asked again afterwards."""
    try:
        yield
    finally:
        use(None)


@cache
def _committed() -> AnswerKinds:
    return AnswerKinds.load()
