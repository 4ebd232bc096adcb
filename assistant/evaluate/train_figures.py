"""Fit the figure-kind model (`answer/figure_kinds.py`) from the labelled questions.

Each answerable question is labelled by its expected facts: a fact group whose alternatives are
mostly sums of money ("£809,000") makes it a money question, shares ("68%") a percent question,
other numbers ("1,115", "twice") a count question. A question whose facts are words, dates or
names asks for no figure. One logistic regression per kind over the question's words and word
pairs and its embedding (sklearn's default C=1). Leave-one-set-out accuracy is reported beside the word lists it
replaced, per kind, with the false alarms (a figure "asked" that the facts are not) counted
apart: those are what made the answerer say "the reports don't give that amount" beside the
answer.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np

from assistant.answer.figure_kinds import EMBEDDING_WEIGHT, KINDS, MODEL, FigureKinds, ngrams

MONTH = (r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
         r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
COUNT_WORD = re.compile(r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                        r"fifty|hundred|thousand|dozen|twice|once)\b", re.I)
MIN_COUNT = 2  # a word or pair seen in fewer questions carries no weight
NEVER = -30.0  # the intercept of a kind no training question asks for


def fact_kind(fact: str) -> str | None:
    """'£809,000' -> money, '68%' -> percent, '1,115' -> count; a date, name or word -> None."""
    fact = fact.strip()
    if "£" in fact:
        return "money"
    if "%" in fact or re.search(r"\bper ?cent\b", fact, re.I):
        return "percent"
    if re.search(MONTH, fact, re.I) or re.search(r"\b(19|20)\d\d\b|^\d\d/\d\d$|^Q[1-4]\b", fact):
        return None  # a date or a period
    if re.search(r"\d", fact) or COUNT_WORD.match(fact):
        return "count"
    return None


def labels(item: dict) -> set[str] | None:
    """The figures a labelled question asks for (None for an unanswerable one: no facts to read)."""
    if not item["answerable"]:
        return None
    out = set()
    for group in item["facts"]:
        kinds = [fact_kind(f) for f in group]
        found = Counter(k for k in kinds if k)
        if found and sum(found.values()) * 2 >= len(kinds):
            out.add(found.most_common(1)[0][0])
    return out


def fit(items: list[dict]) -> FigureKinds:
    """One logistic regression per kind; each item has "question", "vector", "answerable", "facts"."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = CountVectorizer(analyzer=ngrams, binary=True, min_df=MIN_COUNT)
    words = vec.fit_transform([it["question"] for it in items])
    X = hstack([words, csr_matrix(EMBEDDING_WEIGHT * np.array([it["vector"] for it in items]))]).tocsr()
    coef, intercepts = np.zeros((len(KINDS), X.shape[1])), []
    for k, kind in enumerate(KINDS):
        y = [kind in labels(it) for it in items]  # type: ignore[operator]
        if len(set(y)) < 2:  # no question of this kind (or only such questions): a constant answer
            intercepts.append(NEVER if not y[0] else -NEVER)
            continue
        model = LogisticRegression(max_iter=3000).fit(X, y)
        coef[k] = model.coef_[0]
        intercepts.append(float(model.intercept_[0]))
    n = words.shape[1]
    weights = {g: [round(float(w), 4) for w in coef[:, j]]
               for g, j in vec.vocabulary_.items() if np.abs(coef[:, j]).max() >= 1e-4}
    return FigureKinds(weights, coef[:, n:].round(5).tolist(), intercepts, {"questions": len(items)})


def rules_kind(question: str) -> str | None:
    """What the replaced word lists said (money words, then share words, then 'how many')."""
    money = re.search(r"\b(costs?|costing|budget|spend|spent|funding|funded|money|grant|paid|pay|price|worth|value|"
                      r"invest(ed|ment)?|income|sav(e|ed|ing|ings))\b|£|\bhow much\b.*\bbenefits?\b", question, re.I)
    if money:
        return "money"
    if re.search(r"\b(percentage|percent|per cent|what proportion)\b|%", question, re.I):
        return "percent"
    if re.search(r"\b(how many|number of|how much|percentage|percent|what proportion|rate)\b"
                 r"|\bwhat (\w+ ){0,3}number\b", question, re.I):
        return "count"
    return None


def leave_one_set_out(sets: dict[str, list[dict]]) -> tuple[dict[str, dict], dict[str, FigureKinds]]:
    """Per held-out set and in all: right / false alarms of the model and of the word lists; and
    each set's model, fitted without it (what training drafts that set with)."""
    out: dict[str, dict] = {}
    models: dict[str, FigureKinds] = {}
    total: Counter = Counter()
    for name, items in sets.items():
        model = models[name] = fit([it for other, its in sets.items() if other != name for it in its])
        row: Counter = Counter(n=len(items))
        for it in items:
            truth = labels(it)
            for who, kind in (("model", model.kind(it["question"], it["vector"])), ("rules", rules_kind(it["question"]))):
                row[f"{who}_right"] += kind in truth if kind else not truth
                row[f"{who}_false_alarm"] += bool(kind) and kind not in truth
        out[name] = dict(row)
        total.update(row)
    out["all"] = dict(total)
    return out, models


def labelled(sets: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The answerable questions of each set (items carry their "vector")."""
    return {name: [it for it in items if labels(it) is not None] for name, items in sets.items()}


def train(sets: dict[str, list[dict]], path: Path = MODEL) -> tuple[FigureKinds, dict, dict[str, FigureKinds]]:
    """Fit on every answerable labelled question and save it to `path`; return it, its
    leave-one-set-out figures, and each set's held-out model."""
    by_set = labelled(sets)
    figures, held_out = leave_one_set_out(by_set)
    model = fit([it for items in by_set.values() for it in items])
    model.report["leave_one_set_out"] = figures["all"]
    model.save(path)
    return model, figures, held_out
