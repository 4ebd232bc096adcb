"""The learned answerer (`--backend learned`): no LLM. A learned ranker picks report sentences, a calibrated model
decides whether they answer the question, and the answer quotes them, each cited.

Every sentence of an answer is a verbatim report sentence or a rating line worded from its
cited quote. Below the answer threshold it abstains: it says what the closest passage holds
and that it may not be what was asked, or (lower still) that the reports don't answer it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

from ..answer import Answer
from ..compose import AnswerBuilder
from ..editions import label, newest
from ..features import Featurizer
from ..rank import Models
from . import Query

SUPPORT = 0.5  # a supporting span scores at least this share of the lead's
OTHER_EDITION = 0.6  # another edition is quoted when its best span scores this share of the lead's
MIN_SCORE = 0.15  # no span below this is quoted, however it ranks


class LearnedAnswerer:
    """Learned evidence ranking and answer decision over a loaded index."""

    name = "learned"

    def __init__(self, index, models: Models | None = None):
        self.index = index
        self.spans = index.spans
        self.settings = index.settings
        self.features = Featurizer(index)
        self.models = models or Models.load()

    def rank(self, query: Query, hits) -> tuple[list[tuple[float, int]], float]:
        """Candidates as (P(holds the answer), span index), best first, and P(answerable)."""
        cands = self.features.build(query, hits)
        scores = self.models.score(cands)
        ranked = sorted(zip(scores.tolist(), cands.spans, strict=True), key=lambda x: -x[0])
        return ranked, self.models.answerable(cands, np.asarray(scores))

    def score_spans(self, query: Query, hits) -> list[tuple[float, int, dict]]:
        """The ranked candidates, for backends that phrase the evidence themselves."""
        ranked, _ = self.rank(query, hits)
        return [(s, i, {}) for s, i in ranked]

    def answer(self, query: Query, hits) -> Answer:
        *_, final = self.stream(query, hits)
        return final

    def stream(self, query: Query, hits) -> Iterator[str | Answer]:
        answer = self._compose(query, hits)
        yield from re.findall(r"\S+\s*", answer.answer)
        yield answer

    def _compose(self, query: Query, hits) -> Answer:
        ranked, confidence = self.rank(query, hits)
        if not ranked or confidence < self.models.answer_at:
            return self._abstain(query, ranked, confidence)
        best_score, best = ranked[0]
        lead_doc = self.spans[best]["document"]
        docs = [lead_doc]
        if query.editions.mode != "latest":
            for doc in self._edition_order():
                top = next((s for s, i in ranked if self.spans[i]["document"] == doc), 0.0)
                if doc != lead_doc and top >= max(OTHER_EDITION * best_score, MIN_SCORE):
                    docs.append(doc)
        builder = AnswerBuilder(self.index)
        many = len(self.index.documents) > 1
        for n, doc in enumerate(docs):
            picks = self._pick(doc, ranked, limit=3 if n == 0 else 2)
            rating = self.features.rating_at.get(picks[0]) if picks else None
            topic = builder.rating_topic(rating[1]) if rating else ""
            builder.start_edition(self.index.documents[doc], first=n == 0,
                                  newest=doc == newest(self.index.documents), many=many, topic=topic)
            for i in picks:
                if i in self.features.rating_at:
                    builder.add_rating(*self.features.rating_at[i])
                else:
                    builder.add_span(self.spans[i])
        return Answer(question=query.text, answer=builder.text(), abstained=False,
                      citations=builder.citations, backend=self.name, notes=list(query.notes),
                      confidence=round(confidence, 3))

    def _pick(self, doc: str, ranked: list[tuple[float, int]], limit: int) -> list[int]:
        """The edition's best span and up to two more from its section (a rating's own section
        for a rating line), with what they need beside them to be read alone."""
        mine = [(s, i) for s, i in ranked if self.spans[i]["document"] == doc]
        if not mine:
            return []
        top_score, top = mine[0]
        rating = self.features.rating_at.get(top)
        sections = {self.spans[top]["section"]} | ({rating[1]["section"]} if rating else set())
        support = [i for s, i in mine[1:] if s >= max(SUPPORT * top_score, MIN_SCORE)
                   and self.spans[i]["section"] in sections and i not in self.features.rating_at]
        picks = [top] + support[: limit - 1]
        seq = self.features.seq
        context = [j for j in seq.needed_with(picks) + seq.list_around(top) if j not in picks]
        body = sorted(set(picks[1:] + context), key=lambda i: self.spans[i]["start"])
        return [top] + [i for i in body if i != top]

    def _edition_order(self) -> list[str]:
        docs = self.index.documents
        return sorted(docs, key=lambda n: str(docs[n].get("date", "")), reverse=True)

    def _abstain(self, query: Query, ranked: list[tuple[float, int]], confidence: float) -> Answer:
        """No answer: between the thresholds, the closest passage with a caveat; below them,
        'the reports don't answer this' and the nearest related material, if any."""
        builder = AnswerBuilder(self.index)
        near = ranked[0][1] if ranked and ranked[0][0] >= MIN_SCORE else None
        unknown = self.features.match.unknown_words(query.text)
        if near is not None and confidence >= self.models.hedge_at:
            text = ("I couldn't find a passage that answers this exactly. The closest is in {where}; "
                    "it may not be what you asked:")
        elif unknown:
            text = (f"The reports don't mention {', '.join(unknown)}, so they can't answer this."
                    + (" The nearest related material is in {where}:" if near is not None else ""))
        else:
            text = ("I found nothing in the reports that answers this."
                    + (" The nearest related material is in {where}:" if near is not None else ""))
        if near is not None:
            span = self.spans[near]
            where = f"{label(self.index.documents[span['document']])}, section \"{span['section']}\""
            builder.parts.append(text.format(where=where))
            if near in self.features.rating_at:
                builder.add_rating(*self.features.rating_at[near])
            else:
                builder.add_span(span)
        else:
            builder.parts.append(text)
        return Answer(question=query.text, answer=builder.text(), abstained=True,
                      citations=builder.citations, backend=self.name, notes=list(query.notes),
                      confidence=round(confidence, 3))
