"""The words follow-ups are read with: word classes, the time-qualifier pattern, and
word-level tests (tokens, named entities, pronouns that point back, plurals).

Shared by the parser of the previous question (`frame`), the rewrites
(`rewrites`) and the follow-up classifier (`followup`).
"""

from __future__ import annotations

import re

WH = {"what", "which", "who", "whom", "whose", "why", "when", "where", "how"}
COPULA = {"is", "are", "was", "were"}
AUX = COPULA | {
    "do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "shall",
    "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
    "hasn't", "haven't", "won't", "can't"}
PREP = {"of", "on", "in", "for", "about", "at", "to", "with", "from", "by", "under", "over",
        "behind", "into", "regarding", "across", "within", "without", "against", "since",
        "during", "after", "before", "around", "between"}
DET = {"the", "a", "an", "our", "any", "all", "each", "every", "some", "this", "that", "these",
       "those"}
SINGULAR = {"it", "that", "this", "he", "she", "him"}
PLURAL = {"they", "them", "those", "these"}
POSSESSIVE = {"its", "their", "his"}
FILLER = {"there", "here", "so", "then", "just", "even", "still", "also", "please", "again",
          "now", "many", "much", "rated", "rating", "status", "rag", "one", "ones", "same",
          "like", "say", "said", "exactly", "overall", "anyway"}
# Words that describe a topic (its rating, owner, cost...) without naming one.
GENERIC = {"status", "rating", "rag", "rated", "overall", "progress", "update", "latest",
           "current", "thing", "things", "one", "ones", "report", "reports", "lead", "leads",
           "leader", "owner", "sro", "director", "chair", "head", "manager", "board", "cost",
           "costs", "budget", "date", "deadline", "timeline", "year", "time", "number",
           "figure", "plan", "reason", "risk", "risks", "issue", "issues", "workstream",
           "workstreams", "project", "programme", "collaboration", "benefits", "savings",
           "target", "sponsor", "people", "anyone", "someone", "anything", "something"}
ROLES = {"sro", "lead", "leader", "owner", "director", "chair", "head", "manager", "board",
         "budget", "cost", "costs", "deadline", "timeline", "rating", "rag", "status",
         "risk", "risks", "benefits", "savings", "target", "sponsor"}
NOT_ENTITIES = {"RAG", "SRO", "ACC", "DCC", "CC", "PCC", "PFCC", "KPI", "NPV", "FTE", "UK", "I"}
COLOURS = {"red", "amber", "green", "blue", "grey", "gray", "black"}
STOP = PREP | AUX | WH | COLOURS | {
    "so", "too", "still", "not", "now", "currently", "really", "very", "even", "already", "yet",
    "going", "go", "get", "start", "begin", "finish", "end", "become", "come", "happen", "live",
    "late", "early", "ahead", "complete", "closed", "open", "that", "which", "who", "and", "or"}
NOT_VERBS = {"need", "speed", "seed", "shed", "embed", "bed", "red", "shred"}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
TIME = re.compile(
    r"\b(?:back\s+)?(?:(?:in|for|during|from|as of|by|at)\s+)?(?:the\s+)?(?:" + _MONTH
    + r"\s+)?(?:19|20)\d\d(?:\s+(?:report|update|edition|version))?\b"
    r"|\b(?:in\s+)?the\s+(?:year|month|quarter|report|update|edition)\s+before\b"
    r"|\b(?:in\s+|for\s+)?(?:the\s+)?(?:previous|prior|last|next|following|latest|current|"
    r"earlier|first|older|newer)\s+(?:year|quarter|month|report|update|edition)\b"
    r"|\b(?:right\s+)?now\b|\bcurrently\b|\bat the moment\b|\btoday\b|\bthese days\b"
    r"|\bnowadays\b|\bthis year\b|\blast year\b", re.IGNORECASE)
IMPERATIVE = {"tell", "give", "show", "explain", "summarise", "summarize", "describe", "list"}
PAST = {"is": "was", "are": "were", "has": "had", "have": "had", "do": "did", "does": "did"}
SINGULAR_AUX = {"were": "was", "are": "is", "have": "has", "do": "does", "aren't": "isn't",
                "weren't": "wasn't", "haven't": "hasn't", "don't": "doesn't"}


def normalise(text: str) -> str:
    """Curly apostrophes straightened, "what's" expanded, end punctuation dropped."""
    text = text.replace("\u2019", "'").strip()
    text = re.sub(r"\b(what|who|where|how|when|why|it|that|there)'s\b", r"\1 is", text,
                  flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip(" ?!.")


def tokens(text: str) -> list[str]:
    """The words of `text`, keeping decimals like 5.3.2 whole."""
    return [w.strip(".") if not re.search(r"\d\.\d", w) else w
            for w in re.findall(r"[^\s?!,;:()\"]+", normalise(text))]


def time_phrase(text: str) -> str | None:
    """The time qualifier in `text`, without a leading 'back' ('back in 2019' -> 'in 2019')."""
    m = TIME.search(text)
    return re.sub(r"^back\s+", "", m.group(0), flags=re.IGNORECASE) if m else None


def content_words(words: list[str], time: str | None) -> list[str]:
    """Words left once question words, pronouns, fillers and the time qualifier are removed."""
    skip = {w.lower() for w in tokens(time)} if time else set()
    ignore = WH | AUX | DET | SINGULAR | PLURAL | POSSESSIVE | FILLER | PREP | {"and", "back"}
    return [w for w in words if w.lower() not in ignore and w.lower() not in skip]


def entities(words: list[str], start: int = 0) -> list[str]:
    """Names that make a question self-contained: acronyms, codes, capitalised names.

    `start` is the position of words[0] in its sentence: a capital on word 0 proves nothing.
    """
    found = []
    for k, w in enumerate(words, start):
        bare = re.sub(r"'s?$", "", w)
        if (bare in NOT_ENTITIES or re.fullmatch(r"(19|20)\d\d", bare) or not bare
                or re.fullmatch(_MONTH, bare.lower())):  # a month is a time, not a topic
            continue
        if (sum(c.isupper() for c in bare) >= 2 or re.search(r"\d[A-Za-z]|[A-Za-z]\d|\d\.\d", bare)
                or (k > 0 and bare[0].isupper() and bare.lower() not in WH)):
            found.append(bare)
    return found


def anaphors(words: list[str]) -> list[int]:
    """Positions of pronouns that point back to an earlier topic."""
    lw = [w.lower() for w in words]
    personal = {"it", "they", "them", "he", "she", "him", "its", "their", "his", "ones"}
    return [k for k, w in enumerate(lw)
            if w in personal or (w in {"that", "this", "those", "these"} and _pointing(lw, k))]


def _pointing(lw: list[str], k: int) -> bool:
    """'that' as a pronoun ("who leads that?"), not a conjunction or a time ("this year")."""
    nxt = lw[k + 1] if k + 1 < len(lw) else None
    if k > 0 and lw[k - 1] in {"say", "said", "says", "so", "such", "mean", "think"}:
        return False
    if nxt in {"year", "month", "quarter", "week", "time", "morning", "afternoon"}:
        return False
    return nxt is None or nxt in AUX | PREP | GENERIC or (k > 0 and lw[k - 1] in AUX)


def is_plural(phrase: str) -> bool:
    """Whether a phrase ends in a plural noun (for verb agreement)."""
    last = (tokens(phrase) or [""])[-1]
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def is_verbal(word: str) -> bool:
    """Whether `word` looks like a past participle ('delayed'), which ends a noun phrase."""
    return len(word) > 4 and word.endswith("ed") and word not in NOT_VERBS

