"""The guard on every LLM sentence: it may only say what the evidence it cites says.

A sentence is kept when its markers point at supplied evidence and what it cites supports it:
every number, amount, date, RAG colour and name in it appears in the cited quotes (or their
section heading, or the report's own date and title), it doesn't negate them or they it, and
most of its words are theirs. Anything else is dropped, with the reason recorded in the
answer, so a reader can see what the guard did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

from assistant.ingest.terms import terms

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
COLOUR = re.compile(r"\b(green|amber|red)\b", re.I)
MONTH = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|"
                   r"november|december)\b", re.I)
NAME = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z]")  # a capitalised word: a name unless very common
COMMON = 5.0  # wordfreq zipf: "The", "However", "It" start sentences; "Kent" (3.6) is a name
NEGATION = re.compile(r"\b(not|no|never|none|nor|cannot|can't|isn't|aren't|wasn't|weren't|won't|"
                      r"hasn't|haven't|didn't|doesn't|without|yet to)\b", re.I)
MARKERS = re.compile(r"\[(\d+)\]")
SHARE = 0.6  # of a sentence's content words that must be in what it cites
BOUNDARY = re.compile(r"[.!?](?:\s*\[\d+\])*\s+(?=[^\s\[])")


def normalise(sentence: str) -> str:
    """'x. [1]' -> 'x [1].' (models often put the marker after the full stop)."""
    return re.sub(r"([.!?])\s*((?:\[\d+\]\s*)+)", r" \2\1 ", sentence.strip()).strip()


def sentences(text: str) -> tuple[list[str], str]:
    """Complete sentences in streamed `text`, and the unfinished rest."""
    out, start = [], 0
    for m in BOUNDARY.finditer(text):
        out.append(text[start:m.end()].strip())
        start = m.end()
    return [s for s in out if s], text[start:]


def _names(text: str) -> list[str]:
    """Capitalised words that could be names: all but the very common words."""
    return [n for n in NAME.findall(text) if zipf_frequency(n.lower(), "en") < COMMON]


def unsupported_facts(claim: str, source: str, context: str = "") -> list[str]:
    """Numbers, RAG colours, months and names in `claim` that `source` (with `context`: its
    heading, the report's title and date) does not have."""
    have = f"{source} {context}"
    numbers = {n.rstrip(".,").replace(",", "") for n in NUMBER.findall(have)}
    missing = [n for n in NUMBER.findall(claim) if n.rstrip(".,").replace(",", "") not in numbers]
    for pattern in (COLOUR, MONTH):
        found = {m.lower() for m in pattern.findall(have)}
        missing += [m for m in pattern.findall(claim) if m.lower() not in found]
    known = set(terms(have)) | {w.lower() for w in re.findall(r"[\w'’-]+", have)}
    missing += [n for n in _names(claim) if n.lower().strip("'’") not in known
                and not set(terms(n)) <= known]
    return list(dict.fromkeys(missing))


@dataclass
class GuardReport:
    """What the guard did to one answer (goes into the answer object as `guard`)."""

    sentences: int = 0
    kept: int = 0
    dropped: list[dict] = field(default_factory=list)
    fallback: str | None = None  # why the extractive answer was given instead, if it was

    def to_dict(self) -> dict:
        return {"sentences": self.sentences, "kept": self.kept, "dropped": self.dropped,
                "fallback": self.fallback}


def check(sentence: str, evidence: list[dict], context: list[str]) -> tuple[list[int], str | None]:
    """(the evidence numbers it cites, None) when `sentence` is supported, else ([], reason).
    `context[k]` is what evidence k may also be relied on for: its heading, report title, date."""
    refs = [int(n) for n in MARKERS.findall(sentence)]
    if not refs:
        return [], "cites no evidence"
    if any(not 1 <= n <= len(evidence) for n in refs):
        return [], "cites evidence that was not supplied"
    refs = list(dict.fromkeys(refs))
    quoted = " ".join(evidence[n - 1]["text"] for n in refs)
    around = " ".join(context[n - 1] for n in refs)
    claim = MARKERS.sub(" ", sentence)
    missing = unsupported_facts(claim, quoted, around)
    if missing:
        return [], f"states {', '.join(missing[:4])}, which its source doesn't"
    if bool(NEGATION.search(claim)) != bool(NEGATION.search(quoted)):
        return [], "negates its source, or drops its negation"
    words = set(terms(claim))
    if not words or len(words & set(terms(f"{quoted} {around}"))) / len(words) < SHARE:
        return [], "most of it is not in its source"
    return refs, None
