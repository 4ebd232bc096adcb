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
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?![A-Za-z0-9'’])")  # "weren" in "weren't" is a contraction, not a typo of "where"


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


LETTERS = re.compile(r"[a-z]+")
COMMON = 3.0  # Zipf frequency from which a word is everyday English, not a typo


class ReportWords:
    """The words the reports use, to read a typo as the nearest of them ("asurance level for
    benifits monitering" -> "assurance level for benefits monitoring"). Built on first use."""

    def __init__(self, texts: list[str]):
        self._texts = texts
        self._by_start: dict[tuple[str, int], list[str]] | None = None
        self._known: set[str] = set()

    def _build(self) -> None:
        """Once per index; two first questions at once may both build it, never half of it."""
        known = {w for text in self._texts for w in LETTERS.findall(text.lower())}
        by_start: dict[tuple[str, int], list[str]] = {}
        for w in sorted(known):
            if len(w) >= 4:
                by_start.setdefault((w[0], len(w)), []).append(w)
        self._known, self._by_start = known, by_start

    def correct(self, question: str) -> str:
        """Each word typed in lower case, unknown to the reports and rare in English, replaced
        by the report word it is closest to (same first letter, length within two). A name
        typed with a capital is left alone: the reports not knowing it is the answer."""
        if self._by_start is None:
            self._build()

        def fix(m: re.Match) -> str:
            word = m.group(0)
            if len(word) < 4 or word in self._known:
                return word
            from wordfreq import zipf_frequency

            if zipf_frequency(word, "en") >= COMMON:
                return word
            pool = [w for n in range(len(word) - 2, len(word) + 3)
                    for w in self._by_start.get((word[0], n), [])]
            close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75 if len(word) == 4 else 0.8)
            return close[0] if close else word  # one letter of four wrong ("vanz") scores 0.75

        return re.sub(r"(?<![A-Za-z])[a-z]+(?![A-Za-z'’])", fix, question)
