"""The default answerer: no LLM. It picks report sentences and quotes them, each cited.

Every sentence of an answer is either a verbatim report sentence or a short lead built only
from a cited quote (a rating read from a dashboard row or RAG box). Each question is first
drafted (`draft`): the answer the evidence gives, and signals about it, including what the
checks in `grounding.py` found. One learned decision (`decision.py`) weighs the signals into
P(the draft is right) and answers, hedges or abstains; no check vetoes on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from assistant.answer.answer_types import KIND_FAMILIES, asked, kind_family, supplied
from assistant.answer.compose import AnswerBuilder
from assistant.answer.decision import Decider
from assistant.answer.grounding import Grounding
from assistant.answer.matching import GENERIC_STEMS, TermMatcher
from assistant.answer.neighbours import SpanSequence
from assistant.answer.passages import PassageScores
from assistant.answer.ranking import HandOrder, Ranker
from assistant.contract import Answer
from assistant.ingest.frontmatter import field_terms
from assistant.ingest.rag_tables import ROW_CODE
from assistant.ingest.structure import FRONT_MATTER
from assistant.question.editions import (
    label,
    newest,
    newest_register,
    outcome_after,
    own_scale,
    rag_ratings,
)
from assistant.question.intents import (
    CUES,
    INTENT_WORDS,
    RATING_ASKED,
    RATING_WORDS,
    STATUS_SCALE,
    intents,
)
from assistant.question.query import Query

ABOUT_THE_PAPER = re.compile(r"\b(paper|report|update|document|this one)\b", re.I)
SIBLING_HITS = 3  # the best hits whose whole section is searched, not just their chunk
RUNNER_UP_GAP = 1.0  # ranker scores this close: on unseen papers the lead is right under half the time
# (leave one set out, 2026-12-06), so the runner-up from another section is quoted too
QUOTE_BUDGET = 600  # quoted characters a supporting sentence may bring a shown answer to (<= 700 in all)
NEAR_DOCS = 3  # reports (the best hits' first) whose cover sheet and ratings are candidates: O(1), not O(corpus)
TYPED_BONUS = 0.06  # a span holding the kind of answer asked for ("£169,620" for "how much")
UPDATE_Q = re.compile(r"\b(any (update|news|progress)|update on|progress (on|with)|state of play|where (are|is|'s)"
                      r"|how('s| is| are) .* (going|getting on|looking|doing)|what('s| is) happening)\b", re.I)

RESTATED_WORDS = 8  # a line this short naming a rating and no reason only restates it
SCALE_SPREAD = 2  # a scale's name word in more spans than this many per rating line names the paper's subject
KIND_DEPTH = 6  # how far down the ranked spans the kind of answer asked for is looked for
CHECKS = ("stranger", "after")  # what `draft` looks for; signals, not vetoes (a missing kind of answer: by family)


def _split(stored: str | None) -> list[str] | None:
    """Terms the index stored as one space-joined string (a list each would slow loading)."""
    return stored.split() if stored is not None else None


@dataclass
class Draft:
    """An answer before the decision: the ranked evidence, the answer it gives (None when
    there is nothing to quote), the signals the decision weighs and how to abstain."""

    scored: list
    reason: str  # the abstention's wording if the decision abstains
    answer: Answer | None = None
    signals: dict[str, float] = field(default_factory=dict)
    abstain_with: dict = field(default_factory=dict)  # the rating or passage an abstention shows
    lead: int | None = None  # the span the answer leads with (the ranker's choice): what a hedge shows


COVERING = 0.8  # share of the best passage's score a newer report's passage needs to count as covering it


class ExtractiveAnswerer:
    """Grounded extractive composer over a loaded index."""

    name = "extractive"
    calibrated = True  # answers carry the decision's P(right): two readings can be compared

    def __init__(self, index, decider: Decider | None = None, ranker: Ranker | HandOrder | None = None,
                 passages: PassageScores | None = None):
        self.index = index
        self.decider = decider or Decider.load()
        self.ranker = ranker or Ranker.load()
        self.passages = passages or PassageScores(index)
        if index.settings.min_confidence:  # a force that wants more caution than training chose
            self.decider.answer_at = max(self.decider.answer_at, index.settings.min_confidence)
        self.spans = index.spans
        self.settings = index.settings
        stored = index.chunk_terms
        self.match = TermMatcher([s["text"] for s in self.spans],
                                 [c["header"] for c in index.chunks], index.acronyms,
                                 [field_terms(s["text"]) if s["section"] == FRONT_MATTER else set()
                                  for s in self.spans], [_split(s.get("terms")) for s in self.spans],
                                 [_split(stored[c["id"]]["header"]) if c["id"] in stored else None for c in index.chunks],
                                 index.name_counts)
        self.span_terms = self.match.bags
        self.doc_order = {d: k for k, d in enumerate(index.documents)}  # manifest order
        self.newest = newest(index.documents)  # once per index, not a scan of every report per question
        self._editions: list[str] | None = None
        self.front: dict[str, list[int]] = {}  # document -> its cover-sheet spans
        for i, s in enumerate(self.spans):
            if s["section"] == FRONT_MATTER:
                self.front.setdefault(s["document"], []).append(i)
        self.chunk_terms = {c["id"]: bag for c, bag in zip(index.chunks, self.match.context_bags, strict=True)}
        self.seq = SpanSequence(self.spans)
        self.by_section = self.seq.by_section  # (document, section) -> its spans, in order
        self.by_chunk: dict[str, list[int]] = {}
        for i, s in enumerate(self.spans):
            self.by_chunk.setdefault(s["chunk"], []).append(i)
        self.rating_bags = {(doc, r["start"]): self._rating_bag(doc, meta, r)
                            for doc, meta in index.documents.items() for r in meta.get("ratings", [])}
        self.rated_words = set().union(*self.rating_bags.values()) if self.rating_bags else set()
        self.scale_bags = {(doc, r["start"]): self.match.bag(r["scale"])  # "Verdict", "Readiness": the names
                           for doc, meta in index.documents.items()  # of the papers' own scales
                           for r in own_scale(meta.get("ratings", [])) if r.get("scale")}
        self.scale_words = self._scale_words()
        self.ground = Grounding(self.match, self.spans, self.chunk_terms, self.by_section, self.seq,
                                {d: str(m.get("title", "")) for d, m in index.documents.items()})

    # ---- scoring --------------------------------------------------------------------------
    def score_spans(self, query: Query, hits, extra: list[int] | None = None,
                    terms: tuple | None = None) -> list[tuple[float, int, dict]]:
        """(score, span index, details) for the spans of the retrieved chunks, plus `extra` spans.
        `terms` is the question's (groups, weights) when the caller already has them."""
        groups, weights = terms or self.match.key_terms(query.text)
        total = sum(weights.values()) or 1.0
        wanted = intents(query.text)
        cued = [w for w in wanted if w in CUES] + (["progress"] if query.editions.mode == "latest" else [])
        kinds = asked(query.text, query.kinds)
        newest_doc = self.newest
        candidates = {i: rank for rank, hit in reversed(list(enumerate(hits)))
                      for i in self.by_chunk.get(hit.chunk["id"], [])}
        siblings = [i for hit in hits[:SIBLING_HITS] for i in self.by_section.get(
            (hit.chunk["document"], hit.chunk["section"]), [])]  # a long section spans several chunks
        near_docs = dict.fromkeys([*self._near_docs(hits), newest_doc])
        front = [i for d in near_docs for i in self.front.get(d, [])]
        for i in (extra or []) + front + siblings:  # the cover sheet is always a candidate
            if not query.editions.documents or self.spans[i]["document"] in query.editions.documents:
                candidates.setdefault(i, len(hits))
        asked_vector = self.passages.question(query.text)
        section_qa: dict[tuple[str, str], dict[int, float]] = {}
        scored = []
        for i, rank in candidates.items():
            span = self.spans[i]
            if span["kind"] == "heading" and "Overall RAG" not in span["text"]:
                continue
            bag, context = self.span_terms[i], self.chunk_terms.get(span["chunk"], set())
            for j in self.seq.referents(i):  # "It is anticipated ..." is about the sentence before
                bag = bag | {t for t in self.span_terms[j] if t not in GENERIC_STEMS}
            own = sum(w for t, w in weights.items() if self.match.has(groups[t], bag))
            ctx = sum(w for t, w in weights.items()
                      if not self.match.has(groups[t], bag) and self.match.has(groups[t], context))
            cov = (own + 0.6 * ctx) / total if weights else 0.0
            dense = float(self.index.span_vectors[i] @ query.vector)
            cue = np.mean([1.0 if CUES[w].search(span["text"]) else 0.0 for w in cued]) if cued else 0.0
            prior = 1.0 / (1.0 + 0.5 * rank)
            typed = 1.0 if kinds and supplied(span["text"], query.text, kinds) else 0.0
            score = 0.5 * cov + 0.3 * max(dense, 0.0) + 0.12 * cue + 0.08 * prior + TYPED_BONUS * typed
            older = query.editions.mode == "latest" and span["document"] != newest_doc
            cover = span["section"] == FRONT_MATTER and bool(ABOUT_THE_PAPER.search(query.text))
            short = len(span["text"]) < 25
            row = span["kind"] == "row" and span["section"] != FRONT_MATTER and not wanted & {"status", "reason"}
            if older:
                score *= 0.85
            if cover:
                score *= 1.15  # "when does the paper go to the board": the cover sheet says
            if short:
                score *= 0.8
            if row:
                score *= 0.7  # a dashboard row only answers status questions
            where = (span["document"], span["section"])
            if where not in section_qa:  # how the encoder matches the question to each span of the section, once
                ids = self.by_section.get(where, [i])
                section_qa[where] = dict(zip(ids, (self.passages.vectors[ids] @ asked_vector).tolist(), strict=True))
            in_section = section_qa[where]
            scored.append((score, i, {"cov": cov, "own": own / total, "dense": dense, "ctx": ctx / total,
                                      "cue": cue, "prior": prior, "typed": typed, "older": older,
                                      "cover": cover, "short": short, "row": row,
                                      "qa": float(self.passages.vectors[i] @ asked_vector),
                                      "section_qa": max(in_section.values()),
                                      "beside_qa": max((in_section[j] for j in (i - 1, i + 1) if j in in_section),
                                                       default=0.0)}))
        scored.sort(key=lambda x: -x[0])
        return scored

    # ---- composing ------------------------------------------------------------------------
    def answer(self, query: Query, hits) -> Answer:
        *_, final = self.stream(query, hits)
        return final

    def stream(self, query: Query, hits) -> Iterator[str | Answer]:
        answer = self._compose(query, hits)
        yield from re.findall(r"\S+\s*", answer.answer)
        yield answer

    def _compose(self, query: Query, hits) -> Answer:
        draft = self.draft(query, hits)
        if draft.answer is None:
            return self._abstain(query, draft.scored, draft.reason, **draft.abstain_with)
        confidence = self.decider.probability(draft.signals)
        if confidence >= self.decider.answer_at:
            draft.answer.confidence = round(confidence, 3)
            return draft.answer
        hedge = confidence >= self.decider.hedge_at
        show = draft.abstain_with if not hedge or draft.abstain_with.get("near") is not None else {"near": draft.lead}
        answer = self._abstain(query, draft.scored, draft.reason, hedge=hedge, **show)
        answer.confidence = round(confidence, 3)
        return answer

    def draft(self, query: Query, hits) -> Draft:
        """The answer the evidence gives, and the signals the decision weighs: how well the
        evidence matches, and what each check found (a name it never mentions, no figure for
        "how much", an outcome after the reports were written...). Nothing here decides."""
        groups, weights = self.match.key_terms(query.text)
        scored = self.score_spans(query, hits, terms=(groups, weights))
        unknown_years = [y for y in query.editions.missing_years
                         if y not in self.match.vocab or "status" in intents(query.text)]
        if unknown_years:  # edition logic: no report covers that year
            return Draft(scored, f"The reports don't cover {', '.join(unknown_years)}")
        if not scored or not weights:
            return Draft(scored, "The reports don't say")
        wanted = intents(query.text)
        scaled = "status" not in wanted and any(self.match.has(groups[t], self.scale_words) for t in weights)
        if scaled:  # "what verdict did X get": a rating on a paper's own scale, if X is a thing it rates
            wanted = wanted | {"status"}
        rating_lines = (self._ratings(query, groups, weights, wanted, hits, unnamed=self.scale_words if scaled else set())
                        if wanted & {"status", "reason"} or query.editions.mode == "latest" else [])
        rating_lines = [(d, r) for d, r in rating_lines  # "Norfolk's joint collaboration" is not SCD's
                        if not self.ground.stranger(query, d, r["section"], rare_only=True,
                                                    named=self.rating_bags[(d, r["start"])], items=self.rated_words)]
        if rating_lines:  # the rated workstream's whole section may hold the reason
            extra = [i for doc, r in rating_lines for i in self.by_section.get((doc, r["section"]), [])]
            scored = self.score_spans(query, hits, extra, terms=(groups, weights))
        missing = self.match.missing_share(groups, weights)
        best_score, best, info = scored[0]
        support = max(0.6 * inf["cov"] + 0.4 * max(inf["dense"], 0.0) for _, _, inf in scored[:3])
        rated = bool(rating_lines) and "status" in wanted and missing < 0.25
        anchor = self.ground.anchor(query, groups, weights)  # the question's most specific term
        premise = self._rating_premise(query, scored, rating_lines, rated, anchor, wanted)
        if premise:  # edition and rating logic: "now" is not an older rating, Green is not Red
            return Draft(scored, premise[0], abstain_with=premise[1])
        checks: dict[str, tuple[str, dict]] = {}  # check -> (abstention wording, what to show)
        stranger = None if rated else self.ground.stranger(
            query, self.spans[best]["document"], self.spans[best]["section"])
        if stranger:
            checks["stranger"] = (f"The reports don't say that about {stranger}", {})
        close = {self.spans[i]["document"] for _, i, inf in scored[:5] if inf["cov"] >= 0.6 * info["cov"]}
        after = outcome_after(query.text, max(str(self.index.documents[d].get("date", "")) for d in close))
        if after:
            checks["after"] = (f"The reports were written before {after}, so they can't say how it "
                               "turned out", {})
        typed = None if rated else self.ground.missing_answer(query, scored, groups, weights)
        lead_first = self.ranker.rerank(scored, self.spans)  # the checks read the hand order they were made for
        answer = self._answer(query, lead_first, rating_lines, rated, anchor, wanted)  # what the signals read
        shown = self._answer(query, lead_first, rating_lines, rated, anchor, wanted, budget=QUOTE_BUDGET)
        if typed:
            checks["kind"] = (f"The reports don't give {typed}", {})
        second = scored[1][0] if len(scored) > 1 else 0.0
        kinds = asked(query.text, query.kinds)
        holding = [k for k, (_, i, _) in enumerate(scored[:KIND_DEPTH])
                   if kinds and supplied(self.spans[i]["text"], query.text, kinds)]
        quoted = set().union(*(self.match.bag(c.quote) for c in answer.citations)) if answer.citations else set()
        headed = quoted.union(*(self.match.bag(c.section) for c in answer.citations))
        heaviest = max(weights, key=weights.get)  # the question's most telling term ("drone" in "drone budget")
        lead_qa = lead_first[0][2]["qa"]  # how the fine-tuned encoder matches the lead to the question
        ranked = sorted((inf["model"] for _, _, inf in lead_first if "model" in inf), reverse=True) + [0.0, 0.0]
        signals = {
            "best": best_score, "margin": best_score - second, "support": support,
            "qa": lead_qa, "qa_margin": lead_qa - max((inf["qa"] for _, _, inf in lead_first[1:]), default=0.0),
            "rank": ranked[0], "rank_margin": ranked[0] - ranked[1],  # the ranker's own certainty (0: no ranker)
            "coverage": info["cov"], "own_coverage": info["own"], "dense": info["dense"],
            "missing": missing, "unknown_words": float(bool(self.match.unknown_words(query.text))),
            "rated": float(rated), "rating_lines": float(bool(rating_lines)),
            "latest": float(query.editions.mode == "latest"), "year": float(query.editions.mode == "year"),
            "citations": float(len(answer.citations)), **{f"check_{c}": float(c in checks) for c in CHECKS},
            **{f"missing_{f}": float(kind_family(typed) == f) for f in KIND_FAMILIES},  # each family as reliable as learned
            "asks_kind": float(bool(kinds)),  # a figure, date, name, place... and where one is
            "kind_rank": (holding[0] if holding else KIND_DEPTH) / KIND_DEPTH if kinds else 0.0,
            "kind_score": scored[holding[0]][0] / best_score if holding and best_score > 0 else 0.0,
            "quotes_give_kind": float(bool(kinds) and self.ground.gives(query, answer.citations)),  # the answer's own quotes
            "heaviest_missing": float(not self.match.has(groups[heaviest], headed)),  # nor under their headings
            "answer_coverage": sum(w for t, w in weights.items() if self.match.has(groups[t], quoted))
            / (sum(weights.values()) or 1.0),
        }
        reason, show = next(iter(checks.values()), ("The reports don't say", {}))
        return Draft(scored, reason, shown, signals, show, lead=lead_first[0][1])

    def _answer(self, query: Query, scored, rating_lines, rated: bool, anchor, wanted,
                budget: int | None = None) -> Answer:
        """The answer: the rating (when one is asked for) and the best sentences of each edition,
        the newest that covers it first."""
        best_score, best, _ = scored[0]
        builder = AnswerBuilder(self.index)
        lead_doc = rating_lines[0][0] if rated and query.editions.documents else self.spans[best]["document"]
        if query.editions.mode in ("latest", "any"):  # no edition named means now: the newest that has it
            lead_doc = self._newest_covering(scored, rating_lines, anchor, register=False, rating_reports=rated,
                                             also=lead_doc)  # never an older paper than the lead's own
        candidates = {self.spans[i]["document"] for _, i, _ in scored} | {d for d, _ in rating_lines}  # O(hits), not O(corpus)
        docs_in_order = [lead_doc] + [d for d in self._edition_order() if d != lead_doc and d in candidates]
        for r in rating_lines:
            if r[0] not in docs_in_order:
                docs_in_order.append(r[0])
        if query.editions.mode == "latest":
            docs_in_order = docs_in_order[:1]
        elif query.editions.mode == "any":  # another edition only when it holds the best passage
            docs_in_order = [lead_doc] if rated else list(dict.fromkeys([lead_doc, self.spans[best]["document"]]))
        plan = []
        for doc in docs_in_order:
            rating = next((r for r in rating_lines if r[0] == doc), None)
            picks = self._pick(doc, scored, best_score, wanted, query, lead=(doc == lead_doc), budget=budget,
                               section=rating[1]["section"] if rating else None,
                               rated=rating[1].get("workstream", "") if rating else "")
            if picks or rating is not None:
                plan.append((doc, rating, picks))
        covering = self._newest_covering(scored, rating_lines, anchor, also=self.spans[best]["document"])
        for k, (doc, rating, picks) in enumerate(plan):  # "newest": of the reports covering it
            builder.start_edition(self.index.documents[doc], first=k == 0, newest=doc == covering,
                                  many=len(self.index.documents) > 1,
                                  topic=builder.rating_topic(rating[1]) if rating else "")
            if rating:
                builder.add_rating(doc, rating[1])
            for i in picks:
                builder.add_span(self.spans[i])
        return Answer(question=query.text, answer=builder.text(), abstained=False,
                      citations=builder.citations, backend=self.name, notes=list(query.notes))

    def _rating_premise(self, query: Query, scored, rating_lines, rated: bool, anchor, wanted) -> tuple[str, dict] | None:
        """Where a rating is asked for and the reports don't give that one (the wording and
        what to show): none in
        the newest edition for "now", a colour it doesn't have, a blank overall, none at all."""
        newest_doc = self._newest_covering(scored, rating_lines, anchor, rating_reports=True)
        if (rated and query.editions.mode == "latest" and RATING_ASKED.search(query.text)
                and not any(d == newest_doc for d, _ in rating_lines)):
            near = next((i for _, i, _ in scored[:5] if self.spans[i]["document"] == newest_doc
                         and (anchor is None or self.ground.about(i, anchor))), None)  # "moved into business as usual"
            return (f"The {label(self.index.documents[newest_doc])} gives no rating for that",  # not an older one
                    {"near": near, "rating": rating_lines[0] if near is None else None})
        colours = {c.lower() for c in re.findall(r"\b(red|amber|green)\b", query.text, re.I)}
        if (rated and "reason" in wanted and "negative" not in wanted and len(colours) == 1
                and not any({str(r.get("overall")).lower(), str(r.get("previous")).lower()} & colours
                            for _, r in rating_lines)):  # "why did it come off red": its earlier rating
            return (f"The reports don't rate it {colours.pop().title()}", {"rating": rating_lines[0]})  # "why is SOH red?" when it is green: a false premise
        if rated and re.search(r"\boverall\b", query.text, re.I) and not any(r.get("overall") for _, r in rating_lines):
            return ("The reports don't state that overall rating", {"rating": rating_lines[0]})  # only its parts are given: never guess the whole
        if (not rating_lines and RATING_ASKED.search(query.text) and not wanted & {"list", "reason"}):
            covering = (self._newest_covering(scored, rating_lines, anchor, register=False)  # only "latest" reads it
                        if query.editions.mode == "latest" else None)
            if not any(STATUS_SCALE.search(self.spans[i]["text"]) and (anchor is None or self.ground.about(i, anchor))
                       for _, i, info in scored[:5] if info["cov"] >= 0.5 and self._in_asked_edition(query, i, covering)):
                return ("The reports give no RAG rating for that", {})
        return None

    def _in_asked_edition(self, query: Query, i: int, covering: str | None) -> bool:
        """The span is from an edition the question asks about ('this year': the newest report
        that covers the thing asked, not the newest file)."""
        doc = self.spans[i]["document"]
        if query.editions.mode == "latest":
            return doc == covering
        return not query.editions.documents or doc in query.editions.documents

    def _newest_covering(self, scored, rating_lines, anchor, register: bool = True,
                         rating_reports: bool = False, also: str | None = None) -> str | None:
        """The newest report that covers the thing asked (rates it, or has a top passage about
        it), or with `register` the newest dashboard edition when that is newer (one that
        stopped rating a workstream supersedes older ratings): "now", not the newest file.
        With `rating_reports`, only a report that rates something in RAG terms can supersede a rating
        (a paper on its own scale, 'Verdict: Keep', does not end a workstream's RAG rating)."""
        floor = COVERING * scored[0][0] if scored else 0.0  # a passage that merely names the topic doesn't cover it
        covering = {d for d, _ in rating_lines} | {
            self.spans[i]["document"] for score, i, _ in scored[:10]
            if score >= floor and (anchor is None or self.ground.about(i, anchor))
            and (not rating_reports or rag_ratings(self.index.documents[self.spans[i]["document"]].get("ratings", [])))}
        if register:
            covering.add(newest_register(self.index.documents))
        if also:  # the report the best passage is from covers it, whatever its wording
            covering.add(also)
        return next((d for d in self._edition_order() if d in covering), self.newest)

    def _edition_order(self) -> list[str]:
        """The reports, newest first: sorted once per index, not per question."""
        if self._editions is None:
            docs = self.index.documents
            self._editions = sorted(docs, key=lambda n: str(docs[n].get("date", "")), reverse=True)
        return self._editions

    def _length(self, spans: set[int]) -> int:
        return sum(len(self.spans[j]["text"]) for j in spans)

    def _pick(self, doc, scored, best_score, wanted, query, lead: bool, budget: int | None = None,
              section: str | None = None, rated: str = "") -> list[int]:
        """The spans one edition's part of the answer quotes. `budget`: the characters of quoted
        text a supporting sentence may bring it to (the lead and what it needs always stay)."""
        mine = [(s, i) for s, i, _ in scored if self.spans[i]["document"] == doc]
        model = {i: inf["model"] for _, i, inf in scored if "model" in inf}  # the ranker scores all or none
        if section is not None:  # the rating line leads; add the reasons from its own section
            mine = [(s, i) for s, i in mine if self.spans[i]["section"] == section
                    and self.spans[i]["kind"] not in {"row", "box"} and not self._restated(self.spans[i]["text"])]
            if model:  # the ranker's order: trained on which sentence of a section holds the reason asked
                mine.sort(key=lambda si: -model[si[1]])
            code = ROW_CODE.match(rated)  # "CR1 ...": its own commentary ("CR1 (Red): ...") first
            if code:
                mine.sort(key=lambda si: code.group(1) not in self.spans[si[1]]["text"])
            room = self.settings.max_sentences - 1  # the rating line leads
            picks = [i for _, i in mine[:room]]
            if "reason" in wanted:  # a "why" answer quotes the stated reasons first
                reasons = [i for _, i in mine if CUES["reason"].search(self.spans[i]["text"])]
                picks = (reasons + [i for _, i in mine if i not in reasons])[:room]
            kept: set[int] = set()
            for i in picks:  # the first always; the rest while the budget lasts
                more = kept | {i, *self.seq.needed_with([i])}
                if not kept or budget is None or self._length(more) <= budget:
                    kept = more
            return sorted(kept, key=lambda i: self.spans[i]["start"])
        if not mine:
            return []
        top_score, top = mine[0]
        if not lead:
            threshold = {"compare": 0.5, "year": 0.6}.get(query.editions.mode, 0.8)
            if top_score < threshold * best_score:
                return []
        limit = self.settings.max_sentences if lead else max(1, self.settings.max_sentences - 1)
        picks = [top]
        same = [i for _, i in mine[1:] if self.spans[i]["section"] == self.spans[top]["section"]]
        if model:  # the lead's section, best first: its next-best sentence often holds the figure asked
            same.sort(key=lambda i: -model[i])
            if lead:  # the ranker's close runner-up in another section, when it beats the section's own
                section = self.spans[top]["section"]
                other = max((i for _, i in mine if self.spans[i]["section"] != section), key=model.get, default=None)
                if other is not None and model[top] - model[other] < RUNNER_UP_GAP \
                        and (not same or model[other] > model[same[0]]):
                    same.insert(0, other)
        first = {top, *self.seq.needed_with([top])}  # the best sentence leads, with what it needs to be read
        for i in same[:limit - 1]:  # at most limit - 1 supporting spans, counting those they need to be read
            quoted = set(picks + [i] + self.seq.needed_with(picks + [i]))
            if len(quoted - first) <= limit - 1 and (budget is None or self._length(quoted | first) <= budget):
                picks.append(i)
        if lead and (query.editions.mode == "latest" or UPDATE_Q.search(query.text)):
            picks += self._story(top, query, limit - len(picks) + 1)
        picks = set(picks + self.seq.needed_with(picks))
        if "list" in wanted:
            members = self._members(sorted(picks), query)
            members += self.seq.needed_with(members)
            picks |= {i for p in picks for i in self.seq.list_around(p)} | set(members)
            first |= set(self.seq.list_around(top)) | (set(members) if top in members else set())
        return sorted(picks, key=lambda i: (i not in first, self.spans[i]["start"]))

    def _members(self, picks: list[int], query: Query) -> list[int]:
        """The other items of lists the picks belong to without bullets: their enumerated
        siblings ("Option 3 is ..." beside "Option 2 is ...") and the rows of its table that
        share the cell the question asks about ("Late" for "which milestones are late?")."""
        topic = self._topic(query)

        def asked(text: str) -> frozenset[int]:
            bag = self.match.bag(text)
            return frozenset(k for k, forms in enumerate(topic) if self.match.has(forms, bag))

        return [j for i in picks
                for j in self.seq.enumerated(i, asked) + self.seq.same_cell_rows(i, asked)]

    def _topic(self, query: Query) -> list[set[str]]:
        """The forms of each term that says what the question is about, not what it asks."""
        groups, weights = self.match.key_terms(query.text)
        return [groups[t] for t in weights if t not in INTENT_WORDS and t not in GENERIC_STEMS]

    def _story(self, top: int, query: Query, room: int) -> list[int]:
        """'Any update on the knife crime model': the sentences after the best one that go on
        about the same thing ('... review of the predictive model ... found it accurate')."""
        topic = self._topic(query)
        story, i = [], top + 1
        while len(story) < room and i < len(self.spans):
            span = self.spans[i]
            if span["kind"] in {"box", "row"}:
                i += 1
                continue
            if (span["section"] != self.spans[top]["section"] or span["kind"] != "sentence"
                    or not any(self.match.has(forms, self.span_terms[i]) for forms in topic)):
                break
            story.append(i)
            i += 1
        return story

    def _ratings(self, query, groups, weights, wanted, hits, unnamed: set[str] = frozenset()) -> list[tuple[str, dict]]:
        """Best-matching rating per edition for the workstream the question names, among the
        best hits' reports, the newest and those the question names (not every report: O(1)).
        Terms in `unnamed` (the names of the papers' own scales the question uses: "verdict",
        "risk") don't name a workstream, and only ratings on a scale of that name qualify: "what
        compliance checks ..." is not about a rating on an "Outcome" scale."""
        asked_rating = wanted & {"status", "reason"}  # else "the data centre move" is not about ecda
        names = {t: w for t, w in weights.items() if t not in (INTENT_WORDS if asked_rating else RATING_WORDS)
                 and not self.match.has(groups[t], unnamed)}
        scales = [groups[t] for t in weights if self.match.has(groups[t], unnamed)]
        if "status" in wanted:  # words that name no rated workstream don't count against one
            names = {t: w for t, w in names.items() if self.match.has(groups[t], self.rated_words)}
        total = sum(names.values())
        if not total:
            return []
        found = []
        docs = set(self._near_docs(hits)) | {self.newest} | set(query.editions.documents or [])
        for doc in sorted(docs & self.index.documents.keys(), key=self.doc_order.get):
            meta = self.index.documents[doc]
            best, best_match = None, 0.0
            for r in meta.get("ratings", []):
                if scales and not any(self.match.has(f, self.scale_bags.get((doc, r["start"]), set())) for f in scales):
                    continue
                bag = self.rating_bags[(doc, r["start"])]
                match = sum(w for t, w in names.items() if self.match.has(groups[t], bag)) / total
                if match > best_match:
                    best, best_match = r, match
            if best is not None and best_match >= (0.5 if "status" in wanted else 0.8):
                found.append((doc, best))
        wanted_docs = query.editions.documents
        if wanted_docs:
            found = [f for f in found if f[0] in wanted_docs]
        return found

    @staticmethod
    def _restated(text: str) -> bool:
        """A short line restating a rating without a reason ("Readiness amber, down from green.",
        "Note C5 – Amber (2025: Amber)"): beside the rating line an answer leads with, it adds nothing."""
        return (len(text.split()) <= RESTATED_WORDS and bool(CUES["status"].search(text))
                and not CUES["reason"].search(text))

    def _scale_words(self) -> set[str]:
        """Words naming the papers' own scales that stay on their rating lines: 'verdict' in
        "Verdict: Keep", not 'unit' in "Unit's own rating: Amber" when the paper is about a unit
        (a question naming its subject does not ask for a rating)."""
        rated = Counter((doc, word) for (doc, _), bag in self.scale_bags.items() for word in bag)
        scaled = {doc for doc, _ in rated}
        used = Counter((span["document"], word) for i, span in enumerate(self.spans) if span["document"] in scaled
                       for word in self.span_terms[i] if (span["document"], word) in rated)
        return {word for (doc, word), n in rated.items() if used[(doc, word)] <= SCALE_SPREAD * n}

    @staticmethod
    def _near_docs(hits) -> list[str]:
        """The first NEAR_DOCS reports among the hits, best first."""
        return list(dict.fromkeys(hit.chunk["document"] for hit in hits))[:NEAR_DOCS]

    def _rating_bag(self, doc: str, meta: dict, r: dict) -> set[str]:
        """A rating's name words: workstream, section and parent headings, acronyms both ways,
        and the known acronyms its section's text uses ('ARU' for an ARU project)."""
        parents = {s["heading"]: s["parent"] for s in meta.get("sections", [])}
        bag = self.match.bag(f"{r['workstream']} {r['section']} {parents.get(r['section'], '')} {r.get('scale', '')}")
        body = " ".join(self.spans[i]["text"] for i in self.by_section.get((doc, r["section"]), []))
        counts = Counter(a.lower() for a in re.findall(r"\b[A-Z]{2,6}\b", body))
        used = {a for a, n in counts.items() if n >= 2} & set(self.match.acronym_terms)  # its subject recurs
        return bag | used | {k for k, v in self.match.acronym_terms.items() if v and v <= bag}

    def _abstain(self, query: Query, scored, reason: str, rating: tuple[str, dict] | None = None,
                 near: int | None = None, hedge: bool = False) -> Answer:
        """No answer. With middling confidence (`hedge`), the closest passage and a caveat, never
        "the reports don't say" beside a passage that may answer it; otherwise the reason and
        the nearest material (`near`, else the best-scored span sharing the question's terms)."""
        builder = AnswerBuilder(self.index)
        if hedge and scored:
            near, rating = (near if near is not None else scored[0][1]), None
            text = "I couldn't find a passage that answers this exactly."
            lead = " The closest is in {where}; it may not be what you asked:"
        else:
            words = self.match.unknown_words(query.text)
            if words and reason == "The reports don't say":
                quoted = ", ".join(f"\"{w}\"" for w in words)  # a word, not its meaning: a paraphrase may be there
                text = f"The reports never use the word{'s' if len(words) > 1 else ''} {quoted}, and nothing in them answers this."
            else:
                text = f"{reason}: nothing in them answers this."  # never the question echoed: it may carry a payload
            lead = " The nearest related material is in {where}:"
        if rating is not None:
            doc, r = rating
            builder.parts.append(text + f" What the {label(self.index.documents[doc])} gives, "
                                 f"section \"{r['section']}\":")
            builder.add_rating(doc, r)
        else:
            if near is None:
                near = next((i for s, i, info in scored[:5] if info["cov"] > 0.2), None)
            if near is not None:
                span = self.spans[near]
                where = f"{label(self.index.documents[span['document']])}, section \"{span['section']}\""
                builder.parts.append(text + lead.format(where=where))
                for i in sorted({near, *self.seq.needed_with([near])}, key=lambda i: self.spans[i]["start"]):
                    builder.add_span(self.spans[i])
            else:
                builder.parts.append(text)
        return Answer(question=query.text, answer=builder.text(), abstained=True,
                      citations=builder.citations, backend=self.name, notes=list(query.notes))
