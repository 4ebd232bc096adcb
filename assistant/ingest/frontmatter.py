"""The cover sheet of a board paper ("Author on behalf of Chief Officer: Paul Nagle", "Date of
Meeting: 27th June 2019") answers questions asked in other words: "who wrote it", "when does
it go to the board". Each field's row gets the words people use for it, so the ordinary
scoring can find it; nothing else about the answer changes."""

from __future__ import annotations

import re

from assistant.ingest.terms import terms

FIELD_WORDS = [  # label pattern -> how people ask about that field
    (re.compile(r"\bauthor|\b(?:prepared|written|compiled|drafted) by\b", re.I),
     "who wrote written writer drafted authored author"),
    (re.compile(r"\bdate (of )?paper was written|\bwritten\b", re.I), "when wrote written drafted date"),
    (re.compile(r"\bmeeting\b", re.I), "when presented present going goes board meeting date heard"),
    (re.compile(r"\bapproval|approved", re.I), "when approved approve signed sign off date"),
    (re.compile(r"\bchief officer\b", re.I), "who chief officer sponsor lead responsible"),
    (re.compile(r"\breport from\b", re.I), "who from submitted organisation"),
    (re.compile(r"\breport to\b", re.I), "who for audience addressed"),
    (re.compile(r"\bversion\b", re.I), "version number draft"),
    (re.compile(r"\bclassification|marking", re.I), "classification security marking"),
    (re.compile(r"\bagenda\b", re.I), "agenda item number"),
]


def field_terms(text: str) -> set[str]:
    """Extra terms for a cover-sheet row, from its label (the text before the value)."""
    label = re.split(r":|\t|\n", text, maxsplit=1)[0]
    return {t for pattern, words in FIELD_WORDS if pattern.search(label) for t in terms(words)}
