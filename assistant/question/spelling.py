"""Chat spellings of the words that say what a question asks ("wen r", "n y", "raiting"), so
that intent and answer-type checks read them. Report words with typos ("thurok") are left to
the term matcher, which knows the reports' vocabulary."""

from __future__ import annotations

import difflib
import re

CHAT = {"wen": "when", "whn": "when", "wat": "what", "wot": "what", "wht": "what", "r": "are",
        "u": "you", "n": "and", "y": "why", "hw": "how", "wer": "were", "abt": "about",
        "cos": "because", "coz": "because", "b4": "before", "gud": "good", "ppl": "people",
        "yr": "year", "yrs": "years", "thx": "thanks", "pls": "please", "plz": "please"}
ASKING = ["rating", "status", "amber", "green", "when", "where", "which", "what", "who", "why",
          "how", "many", "much", "latest", "currently", "update", "progress", "expected", "cost",
          "costs", "savings", "budget", "deadline", "date", "list", "happening", "planned"]
WORD = re.compile(r"[A-Za-z0-9]+")


def _fix(m: re.Match) -> str:
    word = m.group(0)
    low = word.lower()
    if low in CHAT and word == low:  # "R" or "N" in capitals may be a rating or a name
        return CHAT[low]
    if len(low) >= 4 and low.isalpha() and word == low and low not in ASKING:
        from wordfreq import zipf_frequency

        if zipf_frequency(low, "en") < 2.5:
            close = difflib.get_close_matches(low, ASKING, n=1, cutoff=0.8)
            if close:
                return close[0]
    return word


def normalise(question: str) -> str:
    """'nas raiting n y' -> 'nas rating and why'; 'wen r the hubs opening' -> 'when are ...'."""
    return WORD.sub(_fix, question)
