"""Which figure a question asks for (a sum of money, a share, a count), learned from labelled questions.

Word lists about question wording read "how many posts are jointly *funded*" as a money
question and "how many hours is the hub *saving*" as asking for pounds, then said the papers
don't give "that amount" beside the right count. Here a logistic regression over the question's
words and word pairs, and its embedding (the same vector retrieval uses, so "percentage" is
read like the "%" the training questions mostly wrote), decides instead. It is trained by
`assistant train` on every labelled answerable question, each labelled by what its expected
facts are ("£809,000" a sum, "68%" a share, "1,115" a count). The model is a table of weights
in `models/figure_kinds.json`. The pipeline asks it once per question (`Query.figure`).
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

MODEL = Path(__file__).resolve().parent / "models" / "figure_kinds.json"
KINDS = ("money", "percent", "count")  # in the order a tie is settled: a sum, then a share, then a count
EMBEDDING_WEIGHT = 3.0  # the unit-length embedding's scale beside 0/1 word features (1 and 3 tried)
TOKEN = re.compile(r"[£%]|\w[\w'/]*")


def ngrams(question: str) -> list[str]:
    """The question's lower-cased words and adjacent word pairs: the model's inputs."""
    words = TOKEN.findall(question.lower())
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass
class FigureKinds:
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

    def kind(self, question: str, vector: np.ndarray) -> str | None:
        """The figure asked for, or None when the question asks for no figure."""
        p = self.probabilities(question, vector)
        best = max(KINDS, key=lambda k: p[k])
        return best if p[best] >= 0.5 else None

    def save(self, path: Path = MODEL) -> None:
        save_json(self, path)

    @classmethod
    def load(cls, path: Path = MODEL) -> FigureKinds:
        return load_json(cls, path, "figure-kind model")


_held_out: FigureKinds | None = None


def figure_asked(question: str, vector: np.ndarray) -> str | None:
    """'money', 'percent', 'count' or None, from the committed model (or the one `use` set)."""
    return (_held_out or _committed()).kind(question, vector)


def use(model: FigureKinds | None) -> None:
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
def _committed() -> FigureKinds:
    return FigureKinds.load()
