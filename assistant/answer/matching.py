"""Question terms matched against report text: acronym expansions, prefixes ('collab'),
compounds ('rollout'), typos of report words, and typos of filler words (ignored).

IDF weights come from the quotable spans, so a rare term ('Hexagon') counts for more than a
common one ('programme'), and a term the reports never use counts as missing.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from difflib import SequenceMatcher

from assistant.ingest.terms import GENERIC, STOPWORDS, name_counts, stem, terms, text_terms, tokens
from assistant.question.editions import MONTH_NAMES, YEAR

MONTHS = {m.lower() for m in MONTH_NAMES} | {m[:3].lower() for m in MONTH_NAMES} | {"sept"}  # also as typed
EDITION_MONTH = re.compile(r"\b([a-z]+)\s+20\d\d\s+(?:collab\w*\s+|quarterly\s+|annual\s+)?"
                           r"(?:report|update|paper|edition|version|one)\b", re.IGNORECASE)
EDITION_CUE = re.compile(r"since|versus|vs|compared?|previous(ly)?|changed?|changes")
EVERYDAY = 0.8  # weight kept by an everyday word ("start", "taking") however rare in the reports
FILLERS = sorted(w for w in STOPWORDS | GENERIC if len(w) >= 3)
GENERIC_STEMS = {stem(w) for w in GENERIC} | {"national", "servic", "polic", "programme"}

Groups = dict[str, set[str]]  # question term -> accepted forms ("x", "a+b+c" expansion, "pre*")


NEGATING = re.compile(r"(un|in|im|il|ir|non-?)(?=\w{5})")


def negation_of(word: str, other: str) -> bool:
    """'inaccurat' negates 'accurat', 'unsuccess' negates 'success': a prefix away."""
    m = NEGATING.match(word)
    return bool(m) and word[m.end():] == other


def topicality(word: str) -> float:
    """How much a word the reports never use should count: 'drones' a lot, 'anyway' little.

    Everyday English words (high Zipf frequency) rarely carry a question's topic."""
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(word, "en")
    return min(1.0, max(0.15, (5.3 - zipf) / 2.3))


def proper_names(counts: dict[str, list[int]]) -> set[str]:
    """Rare words the reports always capitalise mid-sentence and use alone at least once
    ('Kent', 'Thurrock and Harlow'): names, however a question types them ('kent's rate').
    Words only ever inside a capitalised title ('Home Office Biometrics') are not. `counts`:
    word -> [times seen, times capitalised, times alone], from `name_counts`."""
    return {stem(w) for w, (n, upper, alone) in counts.items() if n >= 2 and upper == n and alone
            and w not in STOPWORDS | GENERIC and topicality(w) > 0.45}


class TermMatcher:
    """Vocabulary, IDF and acronyms of one index, for matching question terms to text."""

    def __init__(self, texts: list[str], context: list[str], acronyms: dict[str, str],
                 extra: list[set[str]] | None = None, known: list[list[str] | None] | None = None,
                 known_context: list[list[str] | None] | None = None,
                 names: dict[str, list[int]] | None = None):
        """`extra`: more terms per text, e.g. how people ask about a cover-sheet field.
        `known`/`known_context`: each text's `text_terms`, and `names` the texts' `name_counts`,
        where the index stored them."""
        self.acronym_terms = {k: set(terms(v)) for k, v in acronyms.items()}
        self.asked_acronyms = {stem(k): v for k, v in self.acronym_terms.items()}  # as question terms are:
        # "LEDS" asked is "led"; "TRCPO" asked of a paper defining "TRCPOs" is "trcpo" either way
        self.bags = [self.bag(t, known[k] if known else None) | (extra[k] if extra else set())
                     for k, t in enumerate(texts)]
        df = Counter(t for bag in self.bags for t in bag)
        n = max(len(texts), 1)
        self.idf = {t: math.log(1 + n / (1 + c)) for t, c in df.items()}
        self.max_idf = math.log(1 + n)
        self.context_bags = [self.bag(c, known_context[k] if known_context else None) for k, c in enumerate(context)]
        self.vocab = set(df).union(*self.context_bags)
        self.vocab_list = sorted(t for t in self.vocab if t.isalpha() and len(t) >= 4)
        self.proper = proper_names(names if names is not None else name_counts(texts))


    def bag(self, text: str, known: list[str] | None = None) -> set[str]:
        """Terms of a text plus the expansions of its acronyms ('SOH' -> single, online, home)."""
        bag = set(text_terms(text) if known is None else known)
        for t in list(bag):
            bag |= self.acronym_terms.get(t, set())
        return bag

    def key_terms(self, question: str) -> tuple[Groups, dict[str, float]]:
        """Each content term of a question -> its accepted forms, and its IDF weight."""
        groups: Groups = {}
        years = set(YEAR.findall(question))
        asked = {stem(w): w for w in tokens(question)}  # stem -> the word as typed
        editions = {m.lower() for m in EDITION_MONTH.findall(question)}
        cues = {stem(w) for w in tokens(question) if EDITION_CUE.fullmatch(w)}
        for t in dict.fromkeys(terms(question, drop_generic=True)):
            if t in years or t in editions or t in cues:
                continue  # edition selectors ("the June 2019 update", "since"), handled by editions.resolve
            if ("-" in t or "/" in t) and t not in self.vocab:
                continue  # an unused compound ("take-up", "police/fire"): its parts are terms too
            forms = {t}
            if t in self.asked_acronyms:
                forms |= {"+".join(sorted(self.asked_acronyms[t]))}
            if t not in self.vocab and t.isalpha():
                forms = self._repair(t, asked.get(t, t))
                if forms is None:
                    continue  # a misspelt filler word ("meny", "raiting")
            groups[t] = forms
        weights = {t: max(self._idf(f, asked) for f in forms) * (0.4 if t in MONTHS else 1.0)
                   * (EVERYDAY + (1 - EVERYDAY) * topicality(asked.get(t, t)))
                   for t, forms in groups.items()}  # "in September 2021": a hint, not the topic
        return groups, weights

    def _repair(self, t: str, word: str) -> set[str] | None:
        """Forms for a term `t` (typed as `word`) the reports never use: a prefix ('collab'), a
        compound ('rollout'), a typo of a report word, or None for a typo of a stopword."""
        if len(word) >= 4 and any(len(w) > len(word) and SequenceMatcher(None, word, w[: len(word)]).ratio() >= 0.8
                                  for w in GENERIC):
            return None  # a clipped generic word, even misspelt ("collab", "colab")
        everyday = topicality(word) <= 0.45  # "count" is a word, not a typo of "could"
        if not everyday and difflib.get_close_matches(word, FILLERS, n=1, cutoff=0.8):
            return None  # a misspelt filler or generic word ("raiting", "meny")
        if len(t) >= 4 and topicality(word) > 0.3 and any(w.startswith(t) for w in self.vocab_list):
            return {t + "*"}  # a clipped word ("sept"), not an everyday one ("came")
        split = next((t[:k] for k in range(3, len(t) - 2)
                      if t[:k] in self.vocab and stem(t[k:]) in self.vocab), None)
        if split:
            return {split, stem(t[len(split):])}
        if len(t) >= 4 and not everyday:  # "came" is a word, not a typo of "camera"
            close = difflib.get_close_matches(t, self.vocab_list, n=1, cutoff=0.8)
            if close and not negation_of(t, close[0]):  # "inaccurate" is no typo of "accurate"
                return {close[0]}
        if not everyday and difflib.get_close_matches(word, FILLERS, n=1, cutoff=0.75):
            return None
        return {t}

    @staticmethod
    def has(forms: set[str], bag: set[str]) -> bool:
        """True when a bag of terms contains any accepted form of a question term."""
        for f in forms:
            if f.endswith("*"):
                if any(w.startswith(f[:-1]) for w in bag):
                    return True
            elif "+" in f:  # an acronym's expansion: all its distinctive words
                parts = [p for p in f.split("+") if p not in GENERIC_STEMS] or f.split("+")
                if all(p in bag for p in parts):
                    return True
            elif f in bag:
                return True
        return False

    def _idf(self, form: str, asked: dict[str, str]) -> float:
        if "+" in form:
            return 1.0
        if form.endswith("*"):
            return max((v for k, v in self.idf.items() if k.startswith(form[:-1])), default=1.0)
        if form in self.idf:
            return self.idf[form]
        return self.max_idf * topicality(asked.get(form, form))

    def missing_share(self, groups: Groups, weights: dict[str, float]) -> float:
        """Share of the question's weight carried by terms the reports never use."""
        total = sum(weights.values()) or 1.0
        missing = sum(w for t, w in weights.items()
                      if not any(f in self.vocab or "+" in f or f.endswith("*") for f in groups[t]))
        return missing / total

    def unknown_words(self, question: str) -> list[str]:
        """The question's words the reports never use (for an abstention's wording)."""
        groups, _ = self.key_terms(question)
        unknown = {t for t, forms in groups.items()
                   if not any(f in self.vocab or "+" in f or f.endswith("*") for f in forms)}
        return list(dict.fromkeys(w for w in tokens(question) if stem(w) in unknown))
