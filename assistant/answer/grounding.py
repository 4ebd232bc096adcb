"""Is the evidence about what was asked? Checks that turn a near miss into an honest
abstention: a name the evidence never mentions (another force), an answer of the wrong kind
(no figure for "how much"), a list that gives the number but not the names."""

from __future__ import annotations

import re

from assistant.answer.answer_types import (
    PAST_WHEN,
    PLAN_Q,
    asked,
    dates_given,
    enumerated,
    fills_role,
    listed_count,
    missing_kind,
    only_expected,
    role_asked,
    role_words,
    supplied,
)
from assistant.answer.matching import GENERIC_STEMS, MONTHS, TermMatcher, topicality
from assistant.answer.neighbours import SpanSequence
from assistant.ingest.terms import STOPWORDS, stem, terms, tokens
from assistant.question.intents import CAUSE, INTENT_WORDS, RATING_ASKED, intents
from assistant.question.query import Query

RESULTS_Q = re.compile(r"\b(results?|findings?|outcomes?)\b.*\b(show|shows|showed|say|said|find|found|reveal\w*)\b"
                       r"|\bwhat (did|do|were|are) (the )?(\w+ ){0,4}(results?|findings?|outcomes?)\b", re.I)
PENDING = re.compile(r"\bwill be (available|published|reported|known|shared|presented)\b|\b(not yet (available|known|"
                     r"published)|awaited|are due)\b", re.I)
COLOUR = re.compile(r"\b(red|amber|green)\b", re.I)
CLOSE_SPANS = 6  # how many of the best spans may hold the figure, date or name asked for
FOCUS = 0.75  # a share's terms weighing this much of the heaviest must be where the share is
SHARE_Q = re.compile(r"\b(percentage|percent|per cent|proportion|share|rate)\b|%", re.I)


CODE = re.compile(r"\b([A-Za-z]{1,4}-?\d{1,3}[a-z]?)\b")  # an item's identifier: "R2", "CR-13"
PERIOD = re.compile(r"[QqHh][1-4]|[Ff][Yy]\d+")  # a quarter or half, not an item


class Grounding:
    """The checks, over one loaded index's spans and term bags."""

    def __init__(self, match: TermMatcher, spans: list[dict], chunk_terms: dict[str, set[str]],
                 by_section: dict[tuple[str, str], list[int]], seq: SpanSequence, documents: dict[str, dict]):
        self.match, self.spans, self.chunk_terms = match, spans, chunk_terms
        self.span_terms = match.bags
        self.by_section, self.seq, self.documents = by_section, seq, documents

    def stranger(self, query: Query, document: str, section: str, rare_only: bool = False,
                 named: set[str] = frozenset()) -> str | None:
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
        if rare_only:  # "status of R2": a rating whose section never says "R2" is another item's
            for code in CODE.findall(query.text):
                term = code.lower()
                if term in self.match.vocab and term not in bag and not PERIOD.fullmatch(code):
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
            bullets = max(len(self.seq.list_around(i)) - 1 for i in about)
            listed = max([enumerated(self.spans[i]["text"]) for i in about] + [bullets])
            return f"the {counted[0]} {counted[1]} by name" if listed < counted[0] else None
        if "list" in wanted:
            return None
        if "reason" in wanted and not RATING_ASKED.search(query.text) and not COLOUR.search(query.text) \
                and not any(CAUSE.search(self.spans[i]["text"]) for i in about):
            return "a reason"  # "what's causing the duplicates": they are described, not explained
        return missing_kind(query.text, [self.spans[i]["text"] for i in about],
                            set(query.editions.years) - set(query.editions.missing_years), self.match.vocab,
                            [self.spans[i]["section"] for i in about], kinds=query.kinds) \
            or self.missing_role(query, about, groups) or self.not_yet(query, about) \
            or self.pending(query, about) or self.unfocused(query, about, groups, weights)

    def gives(self, query: Query, citations) -> bool:
        """The quoted answer holds the kind of answer asked for (a figure, a date, a name...)."""
        return bool(citations) and missing_kind(
            query.text, [c.quote for c in citations], set(query.editions.years) - set(query.editions.missing_years),
            self.match.vocab, [c.section for c in citations], kinds=query.kinds) is None

    def unfocused(self, query: Query, about: list[int], groups, weights) -> str | None:
        """A share asked of something ('what % of homicides are linked to drugs', 'the online
        rate for RTCs') must come from a sentence about each heavy term, not a share of another."""
        if not SHARE_Q.search(query.text):
            return None
        known = {t: w for t, w in weights.items() if t not in INTENT_WORDS and any(
            f in self.match.vocab or "+" in f or f.endswith("*") for f in groups[t])}
        key = [t for t, w in known.items() if w >= FOCUS * max(known.values())] if known else []
        kinds = asked(query.text, query.kinds)
        for i in about:
            bag = self.read_with(i, heading=True)
            if supplied(self.spans[i]["text"], query.text, kinds) and all(self.match.has(groups[t], bag) for t in key):
                return None
        return "that share"

    def pending(self, query: Query, about: list[int]) -> str | None:
        """'What did the survey results show?' when the best evidence says they will be
        available later: the reports don't have them."""
        if RESULTS_Q.search(query.text) and about and PENDING.search(self.spans[about[0]]["text"]):
            return "those results: they were still to come"
        return None

    def not_yet(self, query: Query, about: list[int]) -> str | None:
        """'When did Harlow's hub open?' when every date the evidence gives is after its own
        report was written ('projected ... from early 2023'): it had not happened yet."""
        if not PAST_WHEN.search(query.text) or PLAN_Q.search(query.text):
            return None
        dated = [i for i in about if dates_given(query.text, self.spans[i]["text"])]
        if dated and all(only_expected(self.spans[i]["text"], str(self.documents[self.spans[i]["document"]]
                                                                  .get("date", ""))[:4]) for i in dated):
            return "a date it happened: only one it was expected"
        return None

    def missing_role(self, query: Query, about: list[int], groups) -> str | None:
        """'Who chairs the force mental health board?': a sentence must name someone in that
        role *of that thing*; 'Essex Police co-chair the Crisis Concordat' answers another."""
        role = role_asked(query.text)
        if role is None:
            return None
        m, said, person_only = role
        after = [stem(w) for w in tokens(query.text[m.end():])]
        objects = [groups[t] for t in after if t in groups and t not in GENERIC_STEMS]
        for i in about:
            bag, heading = self.read_with(i), self.read_with(i, heading=True)
            if fills_role(self.spans[i]["text"], query.text, said, person_only) and (
                    not objects or any(self.match.has(f, bag) for f in objects)  # the sentence names the thing
                    or self.match.has(objects[-1], heading)):  # or its section names what it is
                return None
        return "a name for that role"

    def anchor(self, query: Query, groups, weights) -> set[str] | None:
        """Forms of the question's most specific term the reports use ('DAMS' in 'how much did
        DAMS cost'): an answer's figure, date or name must be about it."""
        skip = INTENT_WORDS | role_words(query.text)  # "who's fronting X": X, not "fronting"
        known = [t for t in weights if t not in skip and t in self.match.vocab]  # as typed
        known = known or [t for t in weights if t not in skip
                          and any(f in self.match.vocab or "+" in f or f.endswith("*") for f in groups[t])]
        typed = {stem(w): w for w in tokens(query.text)}
        return groups[max(known, key=lambda t: weights[t] * topicality(typed.get(t, t)))] if known else None

    def about(self, i: int, forms: set[str]) -> bool:
        """The span, the sentence it refers back to, or its section's heading names the term."""
        return self.match.has(forms, self.read_with(i, heading=True))

    def read_with(self, i: int, heading: bool = False) -> set[str]:
        """A span's terms with those of the sentences it refers back to (and its heading's)."""
        bag = self.span_terms[i].union(*(self.span_terms[j] for j in self.seq.referents(i)))
        return bag | self.chunk_terms.get(self.spans[i]["chunk"], set()) if heading else bag
