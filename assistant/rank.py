"""The learned answer decision: an evidence ranker over candidate spans and one calibrated
P(answerable) from the ranked list. Both are LightGBM models trained by `assistant train`
from the labelled questions in `evals/` (see `train.py`); they live in `assistant/models/`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import FEATURES, Candidates

MODEL_DIR = Path(__file__).resolve().parent / "models"
TOP = 3  # the ranked candidates whose features the answerability model sees
DECISION_FEATURES = (["p1", "p2", "p3", "margin", "n_strong"]
                     + [f"top_{f}" for f in FEATURES] + [f"mean{TOP}_{f}" for f in FEATURES[:12]])


def decision_row(cands: Candidates, scores: np.ndarray) -> np.ndarray:
    """Question-level features from the ranked candidates: the best scores, their margin and
    the best candidate's own features."""
    if not len(scores):
        return np.zeros(len(DECISION_FEATURES), dtype=np.float32)
    order = np.argsort(-scores)
    top = [scores[order[k]] if k < len(order) else 0.0 for k in range(3)]
    head = cands.X[order[:TOP]]
    return np.concatenate([
        [top[0], top[1], top[2], top[0] - top[1], float((scores > 0.5).sum())],
        cands.X[order[0]], head[:, :12].mean(axis=0),
    ]).astype(np.float32)


@dataclass
class Models:
    """The trained ranker and answerability model, with the decision thresholds."""

    ranker: object  # lightgbm.Booster
    decider: object  # lightgbm.Booster
    answer_at: float  # P(answerable) at or above which the answer is given
    hedge_at: float  # between this and answer_at, the closest passage is shown with a caveat

    def score(self, cands: Candidates) -> np.ndarray:
        """P(span holds the answer) for each candidate."""
        if not len(cands.spans):
            return np.zeros(0)
        return self.ranker.predict(cands.X)

    def answerable(self, cands: Candidates, scores: np.ndarray) -> float:
        if not len(cands.spans):
            return 0.0
        return float(self.decider.predict(decision_row(cands, scores)[None, :])[0])

    def save(self, folder: Path = MODEL_DIR, report: dict | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ranker.save_model(str(folder / "ranker.txt"))
        self.decider.save_model(str(folder / "decider.txt"))
        (folder / "thresholds.json").write_text(json.dumps(
            {"answer_at": self.answer_at, "hedge_at": self.hedge_at, "features": FEATURES,
             **({"training": report} if report else {})}, indent=1) + "\n")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> Models:
        import lightgbm as lgb

        meta_path = folder / "thresholds.json"
        if not meta_path.exists():
            raise FileNotFoundError(f"no trained answer models in {folder}: run `assistant train`")
        meta = json.loads(meta_path.read_text())
        if meta.get("features") != FEATURES:
            raise ValueError(f"the answer models in {folder} were trained on other features: "
                             "run `assistant train`")
        return cls(lgb.Booster(model_file=str(folder / "ranker.txt")),
                   lgb.Booster(model_file=str(folder / "decider.txt")),
                   meta["answer_at"], meta["hedge_at"])
