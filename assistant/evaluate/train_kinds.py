"""Fit the answer-kind model (`answer/answer_kinds.py`) from the labelled questions.

Each answerable question is labelled by its expected facts: a fact group whose alternatives are
mostly sums of money ("£809,000") makes it a money question, shares ("68%") a percent question,
lengths of time ("18 months") a duration question, dates ("4 June 2019", "spring 2023") a date
question, other numbers ("1,115", "twice") a count question. A question whose facts are words
or names asks for none of them. One logistic regression per kind over the question's words and
word pairs and its embedding (sklearn's default C=1). Leave-one-set-out accuracy is reported
beside the word lists it replaced, with the false alarms (a kind "asked" that the facts are not)
counted apart: those are what made the answerer say "the reports don't give that amount" (or
"that date") beside the answer.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np

from assistant.answer.answer_kinds import EMBEDDING_WEIGHT, KINDS, MODEL, AnswerKinds, ngrams
from assistant.answer.answer_types import DURATION

MONTH = (r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
         r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
COUNT_WORD = re.compile(r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                        r"fifty|hundred|thousand|dozen|twice|once)\b", re.I)
MIN_COUNT = 2  # a word or pair seen in fewer questions carries no weight
NEVER = -30.0  # the intercept of a kind no training question asks for


DATE = re.compile(rf"{MONTH}|\b(spring|summer|autumn|winter)\b|\b(19|20)\d\d\b|^\d\d/\d\d$|\bQ[1-4]\b"
                  r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.I)


def fact_kind(fact: str) -> str | None:
    """'£809,000' -> money, '68%' -> percent, '18 months' -> duration, '4 June 2019' -> date,
    '1,115' -> count; a name or a word -> None."""
    fact = fact.strip()
    if "£" in fact:
        return "money"
    if "%" in fact or re.search(r"\bper ?cent\b", fact, re.I):
        return "percent"
    if DURATION.search(fact) and not re.search(r"\d{3}|\d,\d", fact):  # "1,000 hours" is a count
        return "duration"
    if DATE.search(fact):
        return "date"
    if re.search(r"\d", fact) or COUNT_WORD.match(fact):
        return "count"
    return None


def labels(item: dict) -> set[str] | None:
    """The kinds of answer a labelled question asks for (None for an unanswerable one: no facts to read)."""
    if not item["answerable"]:
        return None
    out = set()
    for group in item["facts"]:
        kinds = [fact_kind(f) for f in group]
        found = Counter(k for k in kinds if k)
        if found and sum(found.values()) * 2 >= len(kinds):
            out.add(found.most_common(1)[0][0])
    return out


def fit(items: list[dict]) -> AnswerKinds:
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
    return AnswerKinds(weights, coef[:, n:].round(5).tolist(), intercepts, {"questions": len(items)})


REPLACED_DATE = re.compile(r"\b(when|by when|deadline)\b|\b(what|which)( \w+)? (date|day|month|year)\b", re.I)
REPLACED_DURATION = re.compile(r"\bhow long\b|\bfor how many (years|months|weeks)\b", re.I)


def rules_kinds(question: str) -> set[str]:
    """What the replaced word lists said (money words, then share words, then 'how many'; 'when'
    a date, 'how long' a length of time)."""
    out = set()
    if re.search(r"\b(costs?|costing|budget|spend|spent|funding|funded|money|grant|paid|pay|price|worth|value|"
                 r"invest(ed|ment)?|income|sav(e|ed|ing|ings))\b|£|\bhow much\b.*\bbenefits?\b", question, re.I):
        out.add("money")
    elif re.search(r"\b(percentage|percent|per cent|what proportion)\b|%", question, re.I):
        out.add("percent")
    elif re.search(r"\b(how many|number of|how much|percentage|percent|what proportion|rate)\b"
                   r"|\bwhat (\w+ ){0,3}number\b", question, re.I):
        out.add("count")
    if REPLACED_DATE.search(question):
        out.add("date")
    elif REPLACED_DURATION.search(question):
        out.add("duration")
    return out


def leave_one_set_out(sets: dict[str, list[dict]]) -> tuple[dict[str, dict], dict[str, AnswerKinds]]:
    """Per held-out set and in all: questions whose kinds the model (and the word lists) read
    exactly right, and kinds read that the facts are not (false alarms); and each set's model,
    fitted without it (what training drafts that set with)."""
    out: dict[str, dict] = {}
    models: dict[str, AnswerKinds] = {}
    total: Counter = Counter()
    for name, items in sets.items():
        model = models[name] = fit([it for other, its in sets.items() if other != name for it in its])
        row: Counter = Counter(n=len(items))
        for it in items:
            truth = labels(it)
            for who, read in (("model", set(model.kinds(it["question"], it["vector"]))),
                              ("rules", rules_kinds(it["question"]))):
                row[f"{who}_right"] += read == truth
                row[f"{who}_false_alarm"] += bool(read - truth)
        out[name] = dict(row)
        total.update(row)
    out["all"] = dict(total)
    return out, models


def labelled(sets: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The answerable questions of each set (items carry their "vector")."""
    return {name: [it for it in items if labels(it) is not None] for name, items in sets.items()}


def train(sets: dict[str, list[dict]], path: Path = MODEL) -> tuple[AnswerKinds, dict, dict[str, AnswerKinds]]:
    """Fit on every answerable labelled question and save it to `path`; return it, its
    leave-one-set-out figures, and each set's held-out model."""
    by_set = labelled(sets)
    figures, held_out = leave_one_set_out(by_set)
    model = fit([it for items in by_set.values() for it in items])
    model.report["leave_one_set_out"] = figures["all"]
    model.save(path)
    return model, figures, held_out
