"""Does evidence hold the *kind* of answer a question asks for?

"How many beds?" is not answered by a sentence about beds with no count in it, nor by the
number the question itself contains ("section 136 beds"). A question that names a period or
figure ("the target for 20/21") needs evidence that names it too. Used by answerers to abstain
instead of quoting a near miss.
"""

from __future__ import annotations

import re

from .terms import GENERIC, STOPWORDS, stem, tokens

NUMBER_Q = re.compile(r"\b(how many|number of|how much|percentage|percent|what proportion|rate)\b", re.I)
DATE_Q = re.compile(r"\b(when|what date|which date|by when|what month|which month|what year|deadline)\b", re.I)
PERSON_Q = re.compile(r"\b(who|whom|whose)\b", re.I)

MONEY = re.compile(r"£\s?\d[\d,.]*\s?(k|m|bn|million|billion)?|\b\d[\d,.]*\s?(k|m|million|billion)\b", re.I)
YEAR_OR_ORDINAL = re.compile(r"(19|20)\d\d|\d{1,2}(st|nd|rd|th)")
NUMBER = re.compile(r"£?\d[\d,.]*%?(?:st|nd|rd|th)?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|twenty|thirty|hundred|thousand)\b", re.I)
DATE = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|"
                  r"november|december|spring|summer|autumn|winter|20\d\d|\d{1,2}(st|nd|rd|th))\b", re.I)
NAME = re.compile(r"\b(DCC|ACC|DCO|CC|CFO|PFCC|DPFCC|SRO|Dr|Chief Constable|Director|Superintendent|"
                  r"Inspector|Commissioner)\b|\b[A-Z][a-z]+ [A-Z][a-z'’-]+\b")
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "twenty", "thirty", "hundred", "thousand", "dozen"}
PLACEHOLDER_NAMES = {"essex police", "kent police", "essex county", "single online", "online home"}
PERIOD = re.compile(r"\b\d{2}/\d{2}\b|\b\d+\b")


def _new(matches: list[str], question: str) -> list[str]:
    """Matches that add something: not made only of words the question already has."""
    asked = set(tokens(question))
    return [m for m in matches if m and not set(tokens(m)) <= asked]


COUNT_FOCUS = re.compile(r"\bhow many ((?:[\w'-]+ ){0,3}?[\w'-]+?) (?:do|does|did|are|is|were|was|have|has|"
                         r"will|can|could|would|sit|work|came|come|in|on|at|across|there|got)\b", re.IGNORECASE)


def uncounted(question: str, texts: list[str]) -> bool:
    """'How many officers ...': the evidence mentions officers but never with a count beside them."""
    m = COUNT_FOCUS.search(question)
    if not m:
        return False
    focus = {stem(w) for w in tokens(m.group(1)) if w not in STOPWORDS and w not in GENERIC}
    seen = False
    for n, text in enumerate(texts):
        words = tokens(text)
        for k, word in enumerate(words):
            if stem(word) in focus:
                seen = seen or n == 0  # the best evidence names what is counted
                near = words[max(0, k - 5): k + 6]
                if any(re.fullmatch(r"\d[\d,.]*", w) and not YEAR_OR_ORDINAL.fullmatch(w)
                       or w in NUMBER_WORDS for w in near):
                    return False
    return seen


def missing_kind(question: str, texts: list[str], edition_years: set[str]) -> str | None:
    """What kind of answer none of the texts gives ('that figure', ...), or None."""
    joined = " ".join(texts)
    found_tokens = set(tokens(joined))
    for period in PERIOD.findall(question):
        named = "/" in period or (len(period) == 4 and period.startswith(("19", "20")))
        if named and period not in edition_years and period not in found_tokens:
            return f"anything for {period}"
    checks = []
    if re.search(r"\b(costs?|costing|budget|spend|spent|funding|funded|money|grant|paid|pay|"
                 r"worth|sav(e|ed|ing|ings))\b|£", question, re.IGNORECASE):
        checks.append(("that amount", MONEY))
    elif NUMBER_Q.search(question):
        checks.append(("that figure", NUMBER))
    if DATE_Q.search(question):
        checks.append(("that date", DATE))
    if PERSON_Q.search(question):
        checks.append(("that name", NAME))
    if uncounted(question, texts):
        return "that figure"
    for label, pattern in checks:
        found = [m.group(0) for t in texts for m in pattern.finditer(t)]
        if pattern is NAME:
            found = [f for f in found if f.lower() not in PLACEHOLDER_NAMES]
        if pattern is NUMBER:  # a year or a date is not a count
            found = [f for f in found if not YEAR_OR_ORDINAL.fullmatch(f)]
        if not _new(found, question):
            return label
    return None
