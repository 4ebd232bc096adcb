"""Does evidence hold the *kind* of answer a question asks for?

"How many beds?" is not answered by a sentence about beds with no count in it, nor by the
number the question itself contains ("section 136 beds"). A question that names a period or
figure ("the target for 20/21") needs evidence that names it too. Used by answerers to abstain
instead of quoting a near miss.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from assistant.ingest.terms import COMPOUND, STOPWORDS, stem, tokens
from assistant.ingest.terms import NUMBER_WORDS as WORD_DIGITS

HOW_MANY = re.compile(r"\bhow many\b|\bnumber of\b", re.I)  # a count: not a percentage or a sum
EXACT_DAY_Q = re.compile(r"\b(exact(ly)?|precise(ly)?)\b.*\b(date|day)\b|\b(date|day)\b.*\b(exact(ly)?|precise(ly)?)\b"
                         r"|\b(what|which) day\b", re.I)
PERSON_Q = re.compile(r"\b(who|whom|whose)\b", re.I)
WHERE_Q = re.compile(r"\bwhere\b", re.I)
STATUS_WHERE = re.compile(r"\bwhere(?: are| is|'s)? (?:we|things)\b|\bwhere\b.*\b(rag|status|rating|progress)"
                          r"|\b(at|up to|sitting|stand\w*)\s*(now|currently|at the moment|these days|right now)?"
                          r"\s*\??\s*$", re.I)  # "where are we with X", "where's X up to": a status

MONEY = re.compile(r"£\s?\d[\d,.]*\s?(k|m|bn|million|billion)?|\b\d[\d,.]*\s?(k|m|million|billion)\b", re.I)
PERCENT = re.compile(r"\d[\d.]*\s?(%|per ?cent)|\b(half|third|quarter|majority)\b", re.I)
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a)[ -]"
                      r"(years?|months?|weeks?|days?|hours?)\b|\b(annual|bi-monthly|monthly|weekly)\b", re.I)
YEAR_OR_ORDINAL = re.compile(r"(19|20)\d\d|\d{1,2}(st|nd|rd|th)")
NUMBER = re.compile(r"£?\d[\d,.]*%?(?:st|nd|rd|th)?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|twenty|thirty|hundred|thousand)\b", re.I)
COUNT = re.compile(r"(?<![£\d.,])\b\d+(?:,\d{3})*(?:st|nd|rd|th)?\b(?![.,]?\d)"
                   r"(?!\s?(?:%|per ?cent|k\b|m\b|bn\b|million|billion))"
                   r"|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand)\b",
                   re.I)  # "18 Cyber Specials", "two districts": not "60%", "£1.2m", "12.4m"
DATE = re.compile(r"\b((?:early|mid|late|end of|start of|beginning of|the end of)[ -](?:20\d\d)|january|february|march|april|may|june|july|august|september|october|"
                  r"november|december|spring|summer|autumn|winter|20\d\d|\d{1,2}(st|nd|rd|th))\b", re.I)
DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)\b|\b\d{1,2}\s+(of\s+)?(january|february|march|april|may|june|july|august|"
                 r"september|october|november|december)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)  # "17th July", "4 June"
DURATION_OR_DATE = re.compile(f"{DURATION.pattern}|{DATE.pattern}", re.I)
TITLED = re.compile(r"\b(DCC|ACC|DCO|CC|CFO|PFCC|DPFCC|SRO|CEO|Dr|Prof|Professor|Supt|Superintendent|"
                    r"Inspector|Sergeant|Director|Commissioner|Councillor|Cllr|Mr|Mrs|Ms|"
                    r"DCS|DCI|DI|DS|DSupt|PC|PCSO|Sgt|Insp|(?:Station|Group|Area|Watch|Crew) Manager)\.?\s+[A-Z][\w'’-]+"
                    r"|\b(Chief Constable|Chief Officers?|Chief Executive|Head of [A-Z]\w+|the (O?PFCC|DPFCC|PCC|"
                    r"DCC|ACC|CFO|SRO|CEO))\b")
CAPITALISED_PAIR = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][\w'’-]+)")
DOUBLE_BARRELLED = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+-[A-Z][a-z]+\b")  # "Rafferty Lomax-Idowu": a person
ORGANISATION = re.compile(r"\b(?:[A-Z][\w&'’-]+\s+(?:(?:of|and|for|the)\s+)?){1,5}(?:University|Council|Service|"
                          r"Board|Unit|Team|Trust|Partnership|Foundation|Group|Directorate|Office|College|"
                          r"Agency|Authority|Commission|Network|Committee|Company|Ltd)\b")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")  # "EPUT", "ERSOU"
PLACE = re.compile(r"\b(?:in|at|based|located|near|within|from|across)\s+(?:the\s+)?[A-Z][\w&'’-]+"
                   r"(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w&'’-]+)?|\b(?:HQ|headquarters|(?<!-)premises|"
                   r"(?:police|fire) stations?|council offices)\b")  # "in Uttlesford and the Dengie", "at NESTA"
BY_NAME = re.compile(r"\b(?:led|chaired|run|headed|managed|owned|funded|sponsored|delivered|provided|"
                     r"hosted|supported) by (?:the )?((?:[A-Z][\w&'’-]+ ?)+)")  # "led by Safer Essex"
NOT_NAMES = {"RAG", "TBD", "N/A"}
NUMBER_WORDS = {*"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split(),
                *"sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty".split(),
                "ninety", "hundred", "thousand", "dozen"}
PLACEHOLDER_NAMES = {"essex police", "kent police", "essex county", "single online", "online home"}
PERIOD = re.compile(r"\b\d{2}/\d{2}\b|\b\d+\b")
FINANCIAL_YEAR = re.compile(r"^(?:(19|20))?(\d{2})[/-](?:19|20)?(\d{2})$")


def period_forms(word: str) -> set[str]:
    """A year or financial year in the forms that mean the same: '24/25', '2024/25',
    '2024-25' and '2024/2025' are one year; '2024/25' also covers '2024'."""
    m = FINANCIAL_YEAR.match(word)
    if not m:
        return {word}
    century, a, b = m.group(1) or "20", m.group(2), m.group(3)
    return {f"{a}/{b}", f"{century}{a}/{b}", f"{century}{a}"}


def financial_year(period: str) -> bool:
    """'25/26' is a year; '42/58' (a split) is not."""
    m = FINANCIAL_YEAR.match(period)
    return bool(m) and (int(m.group(2)) + 1) % 100 == int(m.group(3))


def _new(matches: list[str], question: str) -> list[str]:
    """Matches that add something: not made only of words the question already has."""
    asked = set(tokens(question))
    return [m for m in matches if m and not set(tokens(m)) <= asked]


COUNT_FOCUS = re.compile(r"\bhow many ((?:[\w'-]+ ){0,3}?[\w'-]+?) (?:do|does|did|are|is|were|was|have|has|"
                         r"will|can|could|would|sit|work|came|come|in|on|at|across|there|got)\b", re.IGNORECASE)


def _head_noun(question: str) -> str | None:
    """The stem of what a 'how many' question counts: 'how many online *reports*'."""
    m = COUNT_FOCUS.search(question)
    words = [w for w in tokens(m.group(1)) if w not in STOPWORDS] if m else []
    while len(words) > 1 and re.fullmatch(r"\w{3,}ed|actually|really", words[-1]):
        words.pop()  # "how many cyber specials applied in ...": the verb is not what is counted
    return stem(words[-1]) if words else None


def _is_count(word: str) -> bool:
    """'13', 'two', 'thirty-seven' — not a year or a date ('2019', '4th')."""
    return (bool(re.fullmatch(r"\d[\d,.]*", word)) and not YEAR_OR_ORDINAL.fullmatch(word)
            or all(part in NUMBER_WORDS for part in word.split("-")))


def _whole(words: list[str]) -> list[str]:
    """Tokens without the parts `tokens` adds after a count in words: 'thirty-seven' is one count
    (not 'thirty' and 'seven'); other compounds keep their parts ('specials/volunteers')."""
    out: list[str] = []
    k = 0
    while k < len(words):
        out.append(words[k])
        parts = [p for p in COMPOUND.split(words[k]) if p] if "-" in words[k] and _is_count(words[k]) else []
        k += 1 + (len(parts) if words[k + 1:k + 1 + len(parts)] == parts else 0)
    return out


def counted(question: str, text: str) -> bool | None:
    """'How many officers ...': True when the text counts officers, False when it names them
    without a count beside them, None when it doesn't name them (or it isn't a count question)."""
    focus = _head_noun(question)
    if focus is None:
        return None
    seen = None
    words = _whole(tokens(text))
    for k, word in enumerate(words):
        if stem(word) == focus:
            seen = False
            near = words[max(0, k - 4): k + 9]  # "13 fire stations", "scanners to be bought (about 200)"
            if any(_is_count(w) for w in near):
                return True
    return seen


def uncounted(question: str, texts: list[str], known: set[str] = frozenset()) -> bool:
    """The evidence names what is counted but never with a count beside it, or never names it
    at all though the reports use the word (`known`): 'how many people filled in the survey'."""
    found = [counted(question, t) for t in texts]
    if True in found:
        return False
    return False in found or _head_noun(question) in known


@cache
def _given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def people(text: str) -> list[str]:
    """Titled people ('DCO Drysdale', 'Station Manager Prothero', 'the PFCC'), 'Given Surname'
    pairs whose given name is known as one, and any name with a double-barrelled surname.
    'Contact Management' and 'The MHRMB' are not people."""
    found = [m.group(0) for m in TITLED.finditer(text)]
    found += [m.group(0) for m in CAPITALISED_PAIR.finditer(text)
              if m.group(1).lower() not in STOPWORDS and _given_names().get_gender(m.group(1)) != "unknown"]
    found += [m.group(0) for m in DOUBLE_BARRELLED.finditer(text)]
    return [f for f in found if f.lower() not in PLACEHOLDER_NAMES]


def names(text: str) -> list[str]:
    """Who-answers in a text: people, organisations ('Essex University') and acronyms ('EPUT')."""
    return (people(text) + [m.group(0) for m in ORGANISATION.finditer(text)]
            + [m.group(1).strip() for m in BY_NAME.finditer(text)]
            + [m.group(0) for m in ACRONYM.finditer(text) if m.group(0) not in NOT_NAMES])


@cache
def _finder(pattern: re.Pattern) -> Callable[[str], list[str]]:
    def find(text: str) -> list[str]:
        found = [m.group(0) for m in pattern.finditer(text)]
        if pattern in (NUMBER, COUNT):  # a year or a date is not a count
            found = [f for f in found if not YEAR_OR_ORDINAL.fullmatch(f)]
        return found
    return find


Kind = tuple[str, Callable[[str], list[str]]]

# Money comes in two families: what something costs, and what it saves or brings in. "What's the
# budget for X" is not answered by X's benefits, nor "how much will X save" by its cost.
COST_WORDS = re.compile(r"\b(costs?|costing|budget\w*|spend\w*|spent|fund\w*|price\w*|paid|pay|paying|"
                        r"invest\w*|contribut\w*|grants?|charges?|fees?|capital|afford\w*)\b", re.I)
GAIN_WORDS = re.compile(r"\b(sav(e|es|ed|ing|ings)|benefits?|value|worth|receipts?|income|return\w*|"
                        r"cashable|efficienc\w*)\b", re.I)

TARGET_Q = re.compile(r"\b(target|goal|ambition)s?\b", re.I)
TARGET_WORDS = re.compile(r"\b(targets?|goals?|aim(s|ed|ing)? (to|for)|ambitions?|objectives?|aspire\w*|expect\w*)\b", re.I)


def _money_finder(question: str) -> Callable[[str], list[str]]:
    """Amounts in texts that speak of the family of money the question asks about."""
    cost, gain = bool(COST_WORDS.search(question)), bool(GAIN_WORDS.search(question))
    family = COST_WORDS if cost and not gain else GAIN_WORDS if gain and not cost else None
    return _finder(MONEY) if family is None else _family_finder(family)


@cache
def _family_finder(family: re.Pattern, kind: re.Pattern = MONEY) -> Callable[[str], list[str]]:
    def find(text: str) -> list[str]:
        return _finder(kind)(text) if family.search(text) else []
    return find


KIND_FAMILIES = ("period", "number", "date", "name", "place", "other")
FAMILY_WORDS = (("other", ("still to come", "by name")), ("period", ("anything for",)),
                ("number", ("amount", "figure", "percentage", "target")),
                ("date", ("date", "length")), ("name", ("name",)), ("place", ("place",)))


def kind_family(missing: str | None) -> str | None:
    """The family of a missing-answer finding ('that amount' -> 'number'), so the decision
    learns how far each family of finding is to be trusted."""
    if not missing:
        return None
    return next((f for f, words in FAMILY_WORDS if any(w in missing for w in words)), "other")


def asked(question: str, learned: tuple[str, ...]) -> list[Kind]:
    """The kinds of answer a question asks for, each as (label, finder of such answers).
    `learned` is what the answer-kind model read (`Query.kinds`): "how many posts are jointly
    funded" asks a count, "when demand is overwhelming, who supervises?" no date."""
    kinds: list[Kind] = []
    if "money" in learned:
        kinds.append(("that amount", _money_finder(question)))
    elif "percent" in learned:
        kinds.append(("that percentage", _finder(PERCENT)))
    elif "count" in learned:
        kinds.append(("that figure", _finder(COUNT if HOW_MANY.search(question) else NUMBER)))
    if TARGET_Q.search(question):  # "what's our target for X": a rate achieved is not a target
        kinds.append(("that target", _family_finder(TARGET_WORDS, NUMBER)))
    if EXACT_DAY_Q.search(question):  # "what date exactly": a month is not the answer
        kinds.append(("the exact date", _finder(DAY)))
    elif "date" in learned:
        kinds.append(("that date", _finder(DATE)))
    elif "duration" in learned:  # a start date answers "how long has it been live" too
        kinds.append(("that length of time", _finder(DURATION_OR_DATE)))
    if PERSON_Q.search(question):
        kinds.append(("that name", names))
    if WHERE_Q.search(question) and not STATUS_WHERE.search(question):
        kinds.append(("that place", _finder(PLACE)))
    return kinds


@lru_cache(maxsize=50_000)
def _found(find: Callable[[str], list[str]], text: str) -> tuple[str, ...]:
    """A finder's matches in a report span, computed once per span (spans repeat across questions)."""
    return tuple(find(text))


def supplied(text: str, question: str, kinds: list[Kind]) -> bool:
    """The text holds an answer of every kind asked, beyond what the question already says."""
    if any(label == "that figure" for label, _ in kinds) and COUNT_FOCUS.search(question) \
            and not counted(question, text):
        return False  # "how many reports": a figure that isn't beside "reports" doesn't count
    return all(_new(list(_found(find, text)), question) for _, find in kinds)


def missing_kind(question: str, texts: list[str], edition_years: set[str],
                 known: set[str] = frozenset(), headings: list[str] = (), *, kinds: tuple[str, ...]) -> str | None:
    """What kind of answer none of the texts gives ('that figure', ...), or None. A year or
    financial year asked about may also be in the headings the texts sit under ("Procurement
    Act 2023")."""
    found = {form for t in [*texts, *headings] for w in tokens(t) for form in period_forms(w)}
    for period in PERIOD.findall(question):
        named = financial_year(period) or (len(period) == 4 and period.startswith(("19", "20")))
        if named and period not in edition_years and not period_forms(period) & found:
            return f"anything for {period}"
    if uncounted(question, texts, known):
        return "that figure"
    for label, find in asked(question, kinds):
        if not any(_new(list(_found(find, t)), question) for t in texts):
            return label
    return None


COUNTED_LIST = re.compile(r"\b(?:which|list|name|what (?:are|were))\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?"
                          r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+([a-z][\w-]*)", re.I)
ITEM_SPLIT = re.compile(r",\s*|;\s*|\s+and\s+|\s+or\s+")


def listed_count(question: str) -> tuple[int, str] | None:
    """'which 6 forces ...' -> (6, 'forces'): the answer must name that many."""
    m = COUNTED_LIST.search(question)
    if not m:
        return None
    n = m.group(1).lower()
    return int(WORD_DIGITS.get(n, n)), m.group(2)


def enumerated(text: str) -> int:
    """How many items the text lists in one run: short comma/'and' items, in brackets or not."""
    best = 0
    for part in re.findall(r"\(([^()]*)\)", text) + [re.sub(r"\([^()]*\)", " , ", text)]:
        run = 0
        for item in ITEM_SPLIT.split(part):
            run = run + 1 if 0 < len(item.split()) <= 5 else 1  # a long one may end with the first item
            best = max(best, run)
    return best
