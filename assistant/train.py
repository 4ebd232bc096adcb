"""`assistant train`: fit the evidence ranker and the answer decision from labelled questions.

A span is a positive for a question when it holds one of the question's evidence phrases.
The ranker learns P(span holds the answer) from the features in `features.py`; the decider
learns P(the best spans answer the question) from the ranked list, trained on out-of-fold
ranker scores so it sees the scores it will see on new questions. The answer threshold is
chosen on out-of-fold decisions. Quality is reported end to end, leave-one-document-out and by
5-fold cross-validation over questions, before the final models are fitted on everything.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .evaluate import load_questions, norm, run, summarise
from .features import Candidates, Featurizer
from .rank import MODEL_DIR, Models, decision_row
from .settings import ROOT, Settings

TRAIN_SETS = ["questions.jsonl", "holdout/questions.jsonl", "holdout4/questions.jsonl",
              "holdout7/questions.jsonl"]  # inspected sets; the blind ones are only ever scored
REPORT = ROOT / "evals" / "training_report.md"
WRONG_COST = 2.0  # a wrong answer to an officer is worse than 'the reports don't say'
RANKER = dict(objective="binary", num_leaves=15, learning_rate=0.05, min_data_in_leaf=20,
              feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
              verbose=-1, num_threads=2, seed=7, deterministic=True)
DECIDER = dict(objective="binary", num_leaves=7, learning_rate=0.05, min_data_in_leaf=8,
               feature_fraction=0.8, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
               verbose=-1, num_threads=2, seed=7, deterministic=True)
ROUNDS = {"ranker": 300, "decider": 150}


@dataclass
class Example:
    item: dict
    cands: Candidates
    labels: np.ndarray  # 1 where the candidate holds an evidence phrase
    group: str  # the document the question is about (for leave-one-document-out)


def positive(item: dict, span: dict) -> bool:
    return any(ev["document"] == span["document"] and norm(ev["quote_contains"]) in norm(span["text"])
               for ev in item.get("evidence", []))


def examples(assistant, featurizer: Featurizer, items: list[dict]) -> list[Example]:
    out = []
    for item in items:
        try:
            query, hits, _, _ = assistant.prepare(item["question"], item.get("history") or None)
        except ValueError:
            continue
        cands = featurizer.build(query, hits)
        labels = np.array([positive(item, featurizer.spans[i]) for i in cands.spans], dtype=np.float32)
        docs = [ev["document"] for ev in item.get("evidence", [])] or [
            h.chunk["document"] for h in hits[:1]] or ["none"]
        out.append(Example(item, cands, labels, docs[0]))
    return out


def answered_right(ex: Example, scores: np.ndarray) -> bool:
    """The decider's label: an answerable question whose best three spans hold its evidence."""
    if not ex.item["answerable"] or not len(scores):
        return False
    return bool(ex.labels[np.argsort(-scores)[:3]].any())


def fit_ranker(train: list[Example]):
    import lightgbm as lgb

    X = np.vstack([e.cands.X for e in train if len(e.labels)])
    y = np.concatenate([e.labels for e in train if len(e.labels)])
    return lgb.train(RANKER, lgb.Dataset(X, y), ROUNDS["ranker"])


def folds(examples_: list[Example], k: int) -> list[list[int]]:
    return [list(range(f, len(examples_), k)) for f in range(k)]


def fit(train: list[Example]) -> Models:
    """Ranker on all of `train`; decider on out-of-fold ranker scores; thresholds out of fold."""
    import lightgbm as lgb

    oof: list[np.ndarray] = [np.zeros(0)] * len(train)
    for test in folds(train, 5):
        held = set(test)
        ranker = fit_ranker([e for j, e in enumerate(train) if j not in held])
        for j in test:
            oof[j] = ranker.predict(train[j].cands.X) if len(train[j].labels) else np.zeros(0)
    D = np.vstack([decision_row(e.cands, s) for e, s in zip(train, oof, strict=True)])
    y = np.array([answered_right(e, s) for e, s in zip(train, oof, strict=True)], dtype=np.float32)
    p = np.zeros(len(train))
    for test in folds(train, 5):
        mask = np.ones(len(train), bool)
        mask[test] = False
        p[test] = lgb.train(DECIDER, lgb.Dataset(D[mask], y[mask]), ROUNDS["decider"]).predict(D[test])
    answer_at = threshold(p, [e.item["answerable"] for e in train], y)
    decider = lgb.train(DECIDER, lgb.Dataset(D, y), ROUNDS["decider"])
    return Models(fit_ranker(train), decider, answer_at, answer_at / 2)


def threshold(p: np.ndarray, answerable: list[bool], right: np.ndarray) -> float:
    """The P(answerable) cut with the least cost on out-of-fold decisions, where a wrong answer
    (an unanswerable question answered, or an answer without its evidence) costs WRONG_COST
    and a false abstention (a right answer withheld) costs 1: trust over coverage."""
    right = right > 0
    costs = {float(t): WRONG_COST * int(((p >= t) & ~right).sum()) + int(((p < t) & right).sum())
             for t in np.unique(np.round(p, 3))}
    return min(costs, key=lambda t: (costs[t], t)) if costs else 0.5


def end_to_end(assistant, models: Models, items: list[dict], texts: dict[str, str]) -> dict:
    """The full answerer with these models, scored like `assistant eval`."""
    return summarise(run_rows(assistant, models, items, texts))["overall"]


def train(settings: Settings, out: Path = MODEL_DIR, report_path: Path = REPORT) -> dict:
    import lightgbm  # noqa: F401  (fail early with a clear message if it is missing)

    from .documents import discover, load_document
    from .pipeline import Assistant

    t0 = time.perf_counter()
    assistant = Assistant(settings, backend_factory=lambda index: None)  # set per fold below
    featurizer = Featurizer(assistant.index)
    texts = {p.name: load_document(p).text for p in discover([settings.corpus_dir])}
    items = [q for name in TRAIN_SETS for q in load_questions(ROOT / "evals" / name)]
    data = examples(assistant, featurizer, items)
    print(f"train: {len(data)} questions, {sum(len(e.labels) for e in data)} candidate spans, "
          f"{int(sum(e.labels.sum() for e in data))} positives", file=sys.stderr)
    rows = {}
    for doc in sorted({e.group for e in data}):
        test = [e.item for e in data if e.group == doc]
        if len(test) < 20:
            continue
        models = fit([e for e in data if e.group != doc])
        rows[f"leave out {doc}"] = end_to_end(assistant, models, test, texts)
        print(f"train: leave-one-document-out {doc}: {rows[f'leave out {doc}']['pass']}% passed",
              file=sys.stderr)
    cv = []
    for k, test in enumerate(folds(data, 5)):
        held = set(test)
        models = fit([e for j, e in enumerate(data) if j not in held])
        cv.extend(run_rows(assistant, models, [data[j].item for j in test], texts))
        print(f"train: cross-validation fold {k + 1}/5 done", file=sys.stderr)
    rows["5-fold cross-validation"] = summarise(cv)["overall"]
    final = fit(data)
    rows["training set (in sample)"] = end_to_end(assistant, final, items, texts)
    report = {"questions": len(data), "answer_at": final.answer_at, "figures": rows,
              "seconds": round(time.perf_counter() - t0, 1)}
    final.save(out, report)
    report_path.write_text(markdown(report))
    print(f"train: models in {out}, report in {report_path} ({report['seconds']} s)", file=sys.stderr)
    return report


def run_rows(assistant, models: Models, items: list[dict], texts: dict[str, str]) -> list[dict]:
    """Each question answered by the full answerer with these models, and scored."""
    from .backends.learned import LearnedAnswerer

    saved = assistant.backend
    assistant.backend = LearnedAnswerer(assistant.index, models)
    try:
        return run(assistant, items, texts)
    finally:
        assistant.backend = saved


def markdown(report: dict) -> str:
    cols = ["n", "pass", "facts", "evidence_cited", "abstention", "false_abstention", "verbatim"]
    lines = ["# Training report (answer models)", "",
             f"{report['questions']} labelled questions from {', '.join(TRAIN_SETS)}; answer threshold "
             f"P(answerable) >= {report['answer_at']:.3f}; {report['seconds']} s on this machine.", "",
             "Each row is the full answerer, scored like `assistant eval`, on questions its models "
             "did not see (except the last row).", "",
             "| split | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for name, o in report["figures"].items():
        lines.append(f"| {name} | " + " | ".join("–" if o.get(c) is None else str(o[c]) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def main(args) -> int:
    report = train(Settings.from_env())
    print(json.dumps(report["figures"], indent=1))
    return 0
