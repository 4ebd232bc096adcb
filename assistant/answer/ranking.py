"""The evidence ranker: which candidate span holds the answer, learned from labelled questions.

The extractive answerer scores each candidate span by hand-weighted parts (term coverage in the
span and its chunk, dense similarity, cue words for the kind of answer, retrieval rank...).
This model reads those parts, how each span compares with the best of its question's
candidates, how the fine-tuned encoder reads its section and the sentences beside it, and how
many of the best candidates share its paper, and picks the one that leads the answer: a LightGBM LambdaRank model trained by
`assistant train` on which spans hold each labelled question's evidence phrase; its scores also
order the lead's section for the supporting sentences. The rest keep the hand order: the
answerer's relative cuts ("within 80% of the best") were set on those scores, and re-ordering
every candidate by the model gave fewer right answers leave-one-set-out (505 of 561 drafts
right, against 514 with the model choosing the lead and 512 without it).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parent / "models" / "ranker.txt"
KINDS = ("sentence", "bullet", "row", "box", "heading")
PARTS = ("cov", "own", "ctx", "dense", "cue", "prior", "typed", "older", "cover", "short", "row", "section_qa",
         "beside_qa")
FEATURES = [*PARTS, "hand", "hand_rank", "hand_gap", "dense_gap", "cov_gap", "dense_rank", "cov_rank", "log_length",
            *(f"kind_{k}" for k in KINDS), "qa", "qa_gap", "qa_rank", "qa_z", "section_qa_gap", "document_share"]
PARAMS = dict(objective="lambdarank", num_leaves=7, learning_rate=0.05, min_data_in_leaf=20,
              lambdarank_truncation_level=5, verbose=-1, num_threads=2, seed=7, deterministic=True)
ROUNDS = 200
TOP = 10  # the best hand-scored candidates whose documents say which paper the question is about


def features(scored: list[tuple[float, int, dict]], spans: list[dict]) -> np.ndarray:
    """One row per candidate, in the hand-scored order `scored` comes in."""
    if not scored:
        return np.zeros((0, len(FEATURES)), dtype=np.float32)
    n = len(scored)
    dense = np.array([info["dense"] for _, _, info in scored])
    cov = np.array([info["cov"] for _, _, info in scored])
    dense_rank = np.argsort(np.argsort(-dense)) / n
    cov_rank = np.argsort(np.argsort(-cov)) / n
    qa = np.array([info["qa"] for _, _, info in scored])  # the fine-tuned encoder's cosine (passages.py)
    qa_rank = np.argsort(np.argsort(-qa)) / n
    qa_z = (qa - qa.mean()) / (qa.std() + 1e-6)
    section_qa = np.array([info["section_qa"] for _, _, info in scored])
    top = [spans[i]["document"] for _, i, _ in scored[:TOP]]  # a document most of the best candidates are in
    best = scored[0][0]
    rows = []
    for k, (score, i, info) in enumerate(scored):
        rows.append([*(float(info[p]) for p in PARTS), score, k / n, best - score, dense.max() - dense[k],
                     cov.max() - cov[k], dense_rank[k], cov_rank[k], math.log1p(len(spans[i]["text"])),
                     *(float(spans[i]["kind"] == kind) for kind in KINDS), qa[k], qa.max() - qa[k], qa_rank[k],
                     qa_z[k], section_qa.max() - section_qa[k], top.count(spans[i]["document"]) / len(top)])
    return np.asarray(rows, dtype=np.float32)


class HandOrder:
    """No model: the hand-weighted order stands (what training reads the features from)."""

    def rerank(self, scored: list[tuple[float, int, dict]], spans: list[dict]) -> list[tuple[float, int, dict]]:
        return scored


class Ranker:
    """A trained LambdaRank booster that re-orders an answerer's scored candidates."""

    def __init__(self, booster):
        self.booster = booster

    def rerank(self, scored: list[tuple[float, int, dict]], spans: list[dict]) -> list[tuple[float, int, dict]]:
        """The model's first choice moved to the front with the best hand score; the rest as they were."""
        if len(scored) < 2:
            return scored
        predicted = self.booster.predict(features(scored, spans), num_threads=1)  # 2 threads: 8 ms, 1: 0.3
        for (_, _, info), p in zip(scored, predicted, strict=True):
            info["model"] = float(p)  # what picks the supporting sentences beside the lead
        k = int(np.argmax(predicted))
        if k == 0:
            return scored
        _, i, info = scored[k]
        return [(scored[0][0], i, info)] + scored[:k] + scored[k + 1:]

    @classmethod
    def fit(cls, groups: list[tuple[np.ndarray, np.ndarray]]) -> Ranker:
        """Train on (features, labels) per question; questions without a positive teach nothing."""
        import lightgbm as lgb

        groups = [(X, y) for X, y in groups if y.any()]
        X = np.vstack([X for X, _ in groups])
        y = np.concatenate([y for _, y in groups])
        return cls(lgb.train(PARAMS, lgb.Dataset(X, y, group=[len(g) for _, g in groups]), ROUNDS))

    @classmethod
    def load(cls, path: Path = MODEL) -> Ranker:
        import lightgbm as lgb

        from assistant.answer.decision import ModelMissing

        if not path.is_file():
            raise ModelMissing(f"the evidence ranker {path} is missing; rebuild it with `assistant train`")
        return cls(lgb.Booster(model_file=str(path)))

    def save(self, path: Path = MODEL) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.booster.save_model(str(path))
