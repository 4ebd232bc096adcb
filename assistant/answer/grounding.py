"""Is the evidence about what was asked? Checks that turn a near miss into an honest
abstention: a name the evidence never mentions (another force), an answer of the wrong kind
(no figure for "how much"), a list that gives the number but not the names."""

from __future__ import annotations

import re

from assistant.answer.answer_types import (
    enumerated,
    listed_count,
    missing_kind,
)
from assistant.answer.matching import GENERIC_STEMS, MONTHS, TermMatcher, topicality
from assistant.answer.neighbours import SpanSequence
from assistant.ingest.terms import STOPWORDS, stem, terms, tokens
from assistant.question.intents import INTENT_WORDS, intents
from assistant.question.query import Query

RESULTS_Q = re.compile(r"\b(results?|findings?|outcomes?)\b.*\b(show|shows|showed|say|said|find|found|reveal\w*)\b"
                       r"|\bwhat (did|do|were|are) (the )?(\w+ ){0,4}(results?|findings?|outcomes?)\b", re.I)
PENDING = re.compile(r"\bwill be (available|published|reported|known|shared|presented)\b|\b(not yet (available|known|"
                     r"published)|awaited|are due)\b", re.I)
CLOSE_SPANS = 6  # how many of the best spans may hold the figure, date or name asked for


CODE = re.compile(r"\b([A-Za-z]{1,4}-?\d{1,3}[a-z]?)\b")  # an item's identifier: "R2", "CR-13"
PERIOD = re.compile(r"[QqHh][1-4]|[Ff][Yy]\d+")  # a quarter or half, not an item


class Grounding:
    """The checks, over one loaded index's spans and term bags."""

    def __init__(self, match: TermMatcher, spans: list[dict], chunk_terms: dict[str, set[str]],
                 by_section: dict[tuple[str, str], list[int]], seq: SpanSequence, titles: dict[str, str]):
        self.match, self.spans, self.chunk_terms, self.titles = match, spans, chunk_terms, titles
        self.span_terms = match.bags
        self.by_section, self.seq = by_section, seq
        self.at = {(s.get("document"), s["start"]): i for i, s in enumerate(spans)}

    def stranger(self, query: Query, document: str, section: str, rare_only: bool = False,
                 named: set[str] = frozenset(), items: set[str] = frozenset()) -> str | None:
        """A name in the question (capitalised, not first word, one the reports do use, e.g.
        another force) that the evidence's section never mentions: the evidence is about
        something else ("what RAG did Norfolk give ..." is not answered by an Essex rating)."""
        ids = self.by_section.get((document, section), [])
        bag = set(named).union(*(self.span_terms[i] | self.chunk_terms.get(self.spans[i]["chunk"], set())
                                 for i in ids))
        asked = set(terms(query.text))
        for short, expansion in self.match.acronym_terms.items():  # "National Police Air Service"
            if len(expansion) >= 3 and expansion <= asked and short not in bag and not expansion <= bag:
                return short.upper()
        if rare_only:  # "status of R2": a rating whose section never says "R2" is another item's, if some rated
            for code in CODE.findall(query.text):  # item is named so (`items`); "rag at P4" names a period
                term = code.lower()
                if term in items and term not in bag and not PERIOD.fullmatch(code):
                    return code
        words = re.findall(r"(?<!^)(?<![.?!]\s)\b([A-Z][a-z]{2,})\b", query.text.strip())
        words += [w for w in re.findall(r"\b([a-z]{3,})\b", query.text) if stem(w) in self.match.proper]
        for word in words:
            term = stem(word.lower())
            if (term in GENERIC_STEMS or word.lower() in STOPWORDS | MONTHS
                    or term not in self.match.vocab or (rare_only and topicality(word.lower()) <= 0.45)):
                continue  # a rating matched on its name: only a rare name (another force) says otherwise
            if term not in bag:
                return word
        return None

    def missing_answer(self, query: Query, scored, groups, weights) -> str | None:
        """'How many…', 'when…', 'who…' need an answer of that kind among the well-matched spans."""
        wanted = intents(query.text)
        if "status" in wanted:
            return None
        best = scored[0][2]["cov"]
        close = [i for s, i, info in scored[:CLOSE_SPANS] if info["cov"] >= 0.6 * best]
        anchor = self.anchor(query, groups, weights)
        about = [i for i in close if anchor is None or self.about(i, anchor)] or close
        counted = listed_count(query.text)
        if counted:  # "which 6 forces ...": a sentence that only says "6 forces" names none of them
            bullets = max(max(len(self.seq.list_around(i)) - 1, len(self.seq.announced(i))) for i in about)
            listed = max([enumerated(self.spans[i]["text"]) for i in about] + [bullets])
            return f"the {counted[0]} {counted[1]} by name" if listed < counted[0] else None
        if "list" in wanted:
            return None
        return missing_kind(query.text, [self.spans[i]["text"] for i in about],
                            set(query.editions.years) - set(query.editions.missing_years), self.match.vocab,
                            self.headings(about), kinds=query.kinds) \
            or self.pending(query, about)

    def gives(self, query: Query, citations) -> bool:
        """The quoted answer holds the kind of answer asked for (a figure, a date, a name...)."""
        quoted = [self.at[(c.document, c.start)] for c in citations if (c.document, c.start) in self.at]
        return bool(citations) and missing_kind(
            query.text, [c.quote for c in citations], set(query.editions.years) - set(query.editions.missing_years),
            self.match.vocab, [c.section for c in citations] + self.headings(quoted), kinds=query.kinds) is None

    def headings(self, ids: list[int]) -> list[str]:
        """What the spans are read under: their paper's title, their section headings, a bullet's
        lead-in, a row's header row (a year asked about may be named only there: "Report card 2025/26")."""
        return ([self.titles.get(self.spans[i].get("document"), "") for i in ids] + [self.spans[i]["section"] for i in ids]
                + [self.spans[j]["text"] for i in ids for j in self.seq.read_under(i)])

    def pending(self, query: Query, about: list[int]) -> str | None:
        """'What did the survey results show?' when the best evidence says they will be
        available later: the reports don't have them."""
        if RESULTS_Q.search(query.text) and about and PENDING.search(self.spans[about[0]]["text"]):
            return "those results: they were still to come"
        return None

    def anchor(self, query: Query, groups, weights) -> set[str] | None:
        """Forms of the question's most specific term the reports use ('DAMS' in 'how much did
        DAMS cost'): an answer's figure, date or name must be about it."""
        known = [t for t in weights if t not in INTENT_WORDS and t in self.match.vocab]  # as typed
        known = known or [t for t in weights if t not in INTENT_WORDS
                          and any(f in self.match.vocab or "+" in f or f.endswith("*") for f in groups[t])]
        typed = {stem(w): w for w in tokens(query.text)}
        return groups[max(known, key=lambda t: weights[t] * topicality(typed.get(t, t)))] if known else None

    def about(self, i: int, forms: set[str]) -> bool:
        """The span, the sentence it refers back to, the sentences before it in its paragraph, or
        its chunk's context (the paper's title, the section heading, the date) names the term."""
        bag = self.span_terms[i].union(*(self.span_terms[j] for j in self.seq.referents(i) + self.seq.paragraph_before(i)))
        return self.match.has(forms, bag | self.chunk_terms.get(self.spans[i]["chunk"], set()))
