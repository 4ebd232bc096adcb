"""`assistant train`: fit the answer decision (`decision.py`) from labelled questions.

Every labelled question in `evals/` (the seed reports' sets, and the new-document set with its
unseen papers indexed beside the corpus) is drafted by the extractive answerer. A draft is a
positive when the answer it would give passes the eval's check (its facts, verbatim quotes,
nothing forbidden); a draft of an unanswerable question is a negative. The logistic regression
learns P(draft right) from the draft's signals; the answer threshold is the one with the least
cost on out-of-fold probabilities, where a wrong answer costs WRONG_COST and a withheld right
one costs 1 (trust over coverage).

Quality is reported leave-one-set-out (each set was written by a different person: the nearest
thing to questions nobody tuned for) and leave-one-document-out, beside the rules the model
replaced, before the final model is fitted on everything. The blind set in `BLIND` is never
trained on: it is scored once, with `assistant eval --questions`.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .backends.extractive import CHECKS, ExtractiveAnswerer
from .decision import MODEL, Decider
from .evaluate import load_questions, run
from .settings import ROOT, Settings

EVALS = ROOT / "evals"
BLIND = "holdout9"  # written by someone who saw only the reports; never trained on
NEW_DOCUMENTS = "new_documents"
REPORT = EVALS / "training_report.md"
WRONG_COST = 1.0  # chosen leave-one-set-out: 1.5 and 2.0 withheld more right answers and caught no more wrong ones
OLD_MIN_SUPPORT = 0.45  # the evidence score under which the replaced rules abstained
C = 0.03  # inverse regularisation strength, chosen leave-one-set-out (0.03, 0.3, 3 tried)


@dataclass
class Row:
    """One labelled question as the decision sees it."""

    id: str
    set: str  # the question set (its author)
    document: str  # the report its evidence is in (unanswerable: the one the draft quotes)
    answerable: bool
    signals: dict[str, float] | None  # None: no draft went to the decision (register, nothing to quote)
    right: bool  # the drafted answer passes (decided rows), or the fixed outcome passes (others)
    facts: bool  # the drafted answer holds the facts


class Recording(ExtractiveAnswerer):
    """The extractive answerer answering every draft, keeping each draft's signals."""

    def __init__(self, index):
        super().__init__(index, Decider.always())
        self.last: dict[str, float] | None = None
        self.lead = "none"  # the document the draft quotes first

    def draft(self, query, hits):
        d = super().draft(query, hits)
        self.last = d.signals if d.answer is not None else None
        self.lead = d.answer.citations[0].document if d.answer is not None and d.answer.citations else "none"
        return d


def question_sets() -> dict[str, list[dict]]:
    """Every labelled set but the blind one and the new-document one, by folder name."""
    sets = {"eval": load_questions(EVALS / "questions.jsonl")}
    for path in sorted(EVALS.glob("holdout*/questions.jsonl")):
        if path.parent.name != BLIND:
            sets[path.parent.name] = load_questions(path)
    return sets


def draft_rows(assistant, items: list[dict], texts: dict[str, str], set_name: str) -> list[Row]:
    """Each question drafted and scored as if answered."""
    backend = assistant.backend
    rows = []
    for item in items:
        backend.last = None
        scored = run(assistant, [item], texts)[0]
        signals = backend.last if scored["abstained"] is False and backend.last is not None else None
        docs = [ev["document"] for ev in item.get("evidence", [])] + [backend.lead]
        rows.append(Row(item["id"], set_name, docs[0], item["answerable"],
                        signals, bool(scored["passed"]), bool(scored.get("facts"))))
    return rows


def collect(settings: Settings) -> list[Row]:
    """Rows for every labelled set: the seed-report sets on the corpus index, the new-document
    set on the corpus plus its papers (as DOCX, one format: the same questions twice would leak)."""
    from .documents import discover, load_document
    from .pipeline import Assistant

    assistant = Assistant(settings, backend_factory=Recording)
    texts = {p.name: load_document(p).text for p in discover([settings.corpus_dir])}
    rows = []
    for name, items in question_sets().items():
        rows += draft_rows(assistant, items, texts, name)
        print(f"train: drafted {name} ({len(items)} questions)", file=sys.stderr)
    rows += new_document_rows(settings)
    return rows


def new_document_rows(settings: Settings) -> list[Row]:
    import tempfile

    from .documents import discover, load_document
    from .evaluate_documents import FOLDER, scratch_index
    from .pipeline import Assistant

    items = load_questions(FOLDER / "questions.jsonl")
    with tempfile.TemporaryDirectory(prefix="train-") as tmp:
        scratch, asked = scratch_index(settings, Path(tmp), "docx", items)
        assistant = Assistant(scratch, ensure_index=False, backend_factory=Recording)
        texts = {p.name: load_document(p).text for p in discover([scratch.corpus_dir])}
        rows = draft_rows(assistant, asked, texts, NEW_DOCUMENTS)
    print(f"train: drafted {NEW_DOCUMENTS} ({len(items)} questions, as DOCX)", file=sys.stderr)
    return rows


def names(rows: list[Row]) -> list[str]:
    return list(next(r.signals for r in rows if r.signals))


def matrix(rows: list[Row], cols: list[str]) -> tuple[np.ndarray, np.ndarray]:
    X = np.array([[r.signals[c] for c in cols] for r in rows], dtype=float)
    return X, np.array([r.right for r in rows], dtype=int)


def fit(rows: list[Row], cols: list[str], c: float = C):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = matrix(rows, cols)
    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000)).fit(X, y)


def out_of_fold(rows: list[Row], cols: list[str], group, c: float = C) -> np.ndarray:
    """P(right) for each decided row from a model that never saw its group."""
    decided = [r for r in rows if r.signals]
    p = np.zeros(len(decided))
    for g in sorted({group(r) for r in decided}):
        test = [k for k, r in enumerate(decided) if group(r) == g]
        train = [r for r in decided if group(r) != g]
        if len({r.right for r in train}) < 2:
            continue
        p[test] = fit(train, cols, c).predict_proba(matrix([decided[k] for k in test], cols)[0])[:, 1]
    return p


def threshold(p: np.ndarray, right: np.ndarray) -> float:
    """The cut with the least cost: WRONG_COST per wrong answer given, 1 per right one withheld."""
    cuts = np.unique(np.round(p, 3))
    costs = [WRONG_COST * int(((p >= t) & ~right).sum()) + int(((p < t) & right).sum()) for t in cuts]
    return float(cuts[int(np.argmin(costs))]) if len(cuts) else 0.5


def hedge_threshold(p: np.ndarray, right: np.ndarray, answer_at: float) -> float:
    """Below `answer_at`, the lowest cut above which at least 40% of withheld drafts were right:
    there the closest passage is worth showing with a caveat."""
    for t in np.unique(np.round(p[p < answer_at], 3)):
        band = (p >= t) & (p < answer_at)
        if band.sum() and right[band].mean() >= 0.4:
            return float(t)
    return answer_at


def rules(r: Row, min_support: float = OLD_MIN_SUPPORT) -> bool:
    """The veto chain the model replaced: True where it would have answered."""
    s = r.signals
    vetoed = (any(s[f"check_{c}"] for c in CHECKS)
              or (not s["rated"] and ((s["missing"] >= 0.5 and s["dense"] < 0.6)
                                      or (s["missing"] >= 0.25 and s["dense"] < 0.45)
                                      or s["support"] < min_support)))
    return not vetoed


def figures(rows: list[Row], answered: dict[str, bool]) -> dict:
    """Eval-style rates when the decided rows are answered as `answered` says."""
    passed, facts, abst_un, false_abst = [], [], [], []
    for r in rows:
        if r.signals is None:
            ok, gave = r.right, None
        else:
            gave = answered[r.id]
            ok = r.right if gave else not r.answerable
        passed.append(ok)
        if r.answerable:
            facts.append(r.facts and gave is not False if r.signals else r.right)
            false_abst.append(gave is False or (r.signals is None and not r.right))
        else:
            abst_un.append(ok)

    def pct(xs: list) -> float | None:
        return round(100.0 * sum(xs) / len(xs), 1) if xs else None

    return {"n": len(rows), "pass": pct(passed), "facts": pct(facts), "abstention": pct(abst_un),
            "false_abstention": pct(false_abst)}


def cross_validate(rows: list[Row], cols: list[str], group, c: float = C) -> dict:
    """Per held-out group: the learned decision (threshold chosen without that group) beside
    the rules it replaced, and all groups pooled."""
    decided = [r for r in rows if r.signals]
    p = out_of_fold(rows, cols, group, c)
    right = np.array([r.right for r in decided])
    out = {}
    learned_all, rules_all = {}, {}
    for g in sorted({group(r) for r in rows}):
        others = np.array([group(r) != g for r in decided])
        t = threshold(p[others], right[others])
        learned = {r.id: bool(p[k] >= t) for k, r in enumerate(decided) if group(r) == g}
        ruled = {r.id: rules(r) for r in decided if group(r) == g}
        learned_all.update(learned)
        rules_all.update(ruled)
        mine = [r for r in rows if group(r) == g]
        out[g] = {"learned": figures(mine, learned), "rules": figures(mine, ruled)}
    out["all"] = {"learned": figures(rows, learned_all), "rules": figures(rows, rules_all)}
    return out


def train(settings: Settings, model_path: Path = MODEL, report_path: Path = REPORT) -> dict:
    t0 = time.perf_counter()
    rows = collect(settings)
    decided = [r for r in rows if r.signals]
    cols = names(rows)
    print(f"train: {len(rows)} questions, {len(decided)} drafts decided "
          f"({sum(r.right for r in decided)} right)", file=sys.stderr)
    by_set = cross_validate(rows, cols, lambda r: r.set)
    by_doc = cross_validate(rows, cols, lambda r: r.document)
    p = out_of_fold(rows, cols, lambda r: r.set)
    right = np.array([r.right for r in decided])
    answer_at = threshold(p, right)
    hedge_at = hedge_threshold(p, right, answer_at)
    model = fit(decided, cols)
    scaler, lr = model[0], model[1]
    report = {"questions": len(rows), "drafts": len(decided), "C": C, "wrong_cost": WRONG_COST,
              "leave_one_set_out": by_set, "leave_one_document_out": by_doc,
              "weights": dict(sorted(zip(cols, lr.coef_[0].round(3).tolist(), strict=True),
                                     key=lambda kv: -abs(kv[1]))),
              "seconds": round(time.perf_counter() - t0, 1)}
    Decider(cols, scaler.mean_.tolist(), [s or 1.0 for s in scaler.scale_.tolist()], lr.coef_[0].tolist(),
            float(lr.intercept_[0]), round(answer_at, 3), round(hedge_at, 3),
            {k: report[k] for k in ("questions", "drafts", "C", "wrong_cost")}).save(model_path)
    report_path.write_text(markdown(report, answer_at, hedge_at))
    print(f"train: model in {model_path}, report in {report_path} ({report['seconds']} s)", file=sys.stderr)
    return report


def markdown(report: dict, answer_at: float, hedge_at: float) -> str:
    cols = ["n", "pass", "facts", "abstention", "false_abstention"]
    lines = ["# Training report (the answer decision)", "",
             f"{report['questions']} labelled questions ({report['drafts']} drafts reached the decision); "
             f"logistic regression, C={report['C']}, wrong answer cost {report['wrong_cost']}; "
             f"answer at P >= {answer_at:.3f}, closest passage with a caveat at P >= {hedge_at:.3f}; "
             f"{report['seconds']} s on this machine.", "",
             "Each row: questions whose group the model and its threshold never saw, the learned "
             "decision beside the veto rules it replaced (same drafts, same evidence).", ""]
    for title, key in (("Leave one question set out", "leave_one_set_out"),
                       ("Leave one document out", "leave_one_document_out")):
        lines += [f"## {title}", "", "| held out | decision | " + " | ".join(cols) + " |",
                  "|---|---|" + "---|" * len(cols)]
        for g, both in report[key].items():
            for which in ("learned", "rules"):
                o = both[which]
                lines.append(f"| {g} | {which} | " + " | ".join("–" if o[c] is None else str(o[c]) for c in cols) + " |")
        lines.append("")
    lines += ["## Weights (standardised signals)", "", "| signal | weight |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in report["weights"].items()]
    return "\n".join(lines) + "\n"


def main(args) -> int:
    report = train(Settings.from_env())
    print(json.dumps({k: v["all"] for k, v in report.items() if isinstance(v, dict) and "all" in v}, indent=1))
    return 0

