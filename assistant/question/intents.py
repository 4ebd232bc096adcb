"""What a question asks for (a reason, a figure, a date, a person, a list, a status) and the
cues that show a report sentence can supply it."""

from __future__ import annotations

import re

CUES = {
    "reason": re.compile(r"\b(due to|because|as a result|owing to|reason|therefore|remains at|"
                         r"rating of|graded|fall short|delay|issues?|hindered|concern|yet to|not yet|"
                         r"awaiting|outstanding|slipp(ed|age)|behind|on hold|not been)\b", re.IGNORECASE),
    "number": re.compile(r"[£%]|\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"twelve|hundred|thousand)\b", re.IGNORECASE),
    "date": re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|"
                       r"november|december|spring|summer|autumn|winter|20\d\d)\b|\d(st|nd|rd|th)\b", re.IGNORECASE),
    "person": re.compile(r"\b(DCC|ACC|DCO|CC|CFO|PFCC|Chief|Director|Lead|chaired|chair|appointed|"
                         r"led by|Head of|Superintendent|Inspector|Dr|SRO|Commissioner|Officer)\b"),
    "progress": re.compile(r"\b(now|currently|recently|has been|have been|is being|are being|"
                           r"projected|due|expected|completed?|live|launched|achieved|set up|agreed|"
                           r"approved|concluded|commenced?|underway|moved)\b", re.I),
    "status": re.compile(r"\b(green|amber|red|graded|rag)\b", re.IGNORECASE),
    "negative": re.compile(r"\b(not|no|yet to|without|except|exception|remain(s|ing)?|outstanding)\b|n't\b", re.I),
}
INTENTS = [
    ("reason", re.compile(r"\b(why|reason|caus(e|es|ed|ing)|explain|how come)\b", re.IGNORECASE)),
    ("number", re.compile(r"\b(how (many|much)|number of|cost|costs|savings?|budget|£|percent|"
                          r"percentage|rate|figure|total|value|worth)\b", re.IGNORECASE)),
    ("date", re.compile(r"\b(when|what date|by when|deadline|due|timescale|which month|what year|"
                        r"go[- ]?live)\b", re.IGNORECASE)),
    ("person", re.compile(r"\b(who|whom|whose|lead(s|er)?|chair(s|ed)?|head|in charge|responsible)\b", re.IGNORECASE)),
    ("list", re.compile(r"\b(list|which|what are|name the|themes|areas|districts|all the)\b"
                        r"|\bwhat (\w+ ){0,2}\w+(s|ies) (are|were|did|does|do|have|has|came|come|is|will)\b",
                        re.IGNORECASE)),
    ("negative", re.compile(r"\b(not|no|never|without|except|yet to|still to)\b|n't\b", re.IGNORECASE)),
    ("status", re.compile(r"\b(status|rag|rated|rating|graded|grade|green|amber|red|how is .* doing|"
                          r"on track)\b", re.IGNORECASE)),
]
def intents(question: str) -> set[str]:
    """The kinds asked for; a question RATING_ASKED reads as asking for a rating asks for a status."""
    found = {name for name, pattern in INTENTS if pattern.search(question)}
    return found | {"status"} if RATING_ASKED.search(question) else found


# Words that say what is asked rather than what about: kept out of workstream-name matching.
INTENT_WORDS = {"green", "amber", "red", "rag", "status", "rate", "rated", "rating", "why",
                "reason", "cause", "explain", "justification", "rationale", "come", "still",
                "moved", "move", "chang", "change", "improv", "improve", "graded", "grade", "overall",
                "quarterly", "annual", "score", "scor", "colour", "previou"}
RATING_WORDS = {"green", "amber", "red", "rag", "status", "rate", "rated", "rating", "graded", "grade",
                "overall", "colour"}
# A status on any scale a paper may use: RAG, inspection grades, audit assurance, delivery status.
# Where the top passages give one, "no RAG rating" is not the honest answer.
STATUS_SCALE = re.compile(r"\b(green|amber|red|graded|grade|rag|outstanding|good|adequate|requires improvement|"
                          r"inadequate|assurance|on track|at risk|delayed|complete)\b", re.I)
# An explicit request for a rating: with no rating in any edition the honest answer is "none".
RATING_ASKED = re.compile(r"\b(rag|rated|rating|graded|colour|color)\b|\bwhat (grade|rag)\b", re.I)
