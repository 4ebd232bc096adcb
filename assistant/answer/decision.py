"""The answer decision: one calibrated P(the drafted answer is right) instead of a chain of vetoes.

The extractive answerer drafts an answer and records signals: how well the evidence matches
the question (coverage, similarity, margin) and what each check found (a name the evidence
never mentions, no figure where a figure is asked for, an outcome after the reports were
written...). A logistic regression trained on labelled questions (`assistant train`,
`assistant/evaluate/train.py`) weighs them into one probability. At or above `answer_at` the answer is given;
between `hedge_at` and `answer_at` the closest passage is shown with a caveat; below, an
abstention. The model is a few numbers in `models/decision.json`, read with numpy alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parent / "models" / "decision.json"


class ModelMissing(RuntimeError):
    """A model file is absent or unreadable; `assistant train` rebuilds it."""


def load_json(cls, path: Path, what: str):
    """A model kept as its dataclass's fields in JSON (the decision, the figure kinds)."""
    try:
        return cls(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError) as e:
        raise ModelMissing(f"the {what} {path} is missing or unreadable ({e}); "
                           "rebuild it with `assistant train`") from e


def save_json(model, path: Path, indent: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(model), indent=indent, separators=None if indent else (",", ":")) + "\n")


@dataclass
class Decider:
    """Standardised signals -> logistic regression -> P(answer right), with two thresholds."""

    names: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    answer_at: float  # P at or above which the drafted answer is given
    hedge_at: float  # P at or above which an abstention shows the closest passage with a caveat
    report: dict = field(default_factory=dict)  # how it was trained and measured

    def probability(self, signals: dict[str, float]) -> float:
        x = np.array([signals.get(n, 0.0) for n in self.names], dtype=float)
        z = float(((x - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.coef)) + self.intercept
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def always(cls) -> Decider:
        """Answers every draft (P = 0.5 >= 0): what training uses to see each draft."""
        return cls([], [], [], [], 0.0, answer_at=0.0, hedge_at=0.0)

    @classmethod
    def load(cls, path: Path = MODEL) -> Decider:
        return load_json(cls, path, "answer decision model")

    def save(self, path: Path = MODEL) -> None:
        save_json(self, path, indent=1)
