"""Workstream names: matching one workstream across report editions, and a text naming it.

Names are compared by general normalisation, not a list of known workstreams: '&' -> 'and',
hyphenated words joined, stop words dropped, an acronym expanded against the other name's
initials, then token overlap over the shorter name. The register (assistant/register/model.py) uses
this to join a 2019 row to its 2022 successor(s); answers and briefings use it to tell whether
a question or a quote is about a row.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

STOP = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "e", "g", "eg", "with", "at",
        "by", "through", "from", "this", "is", "be", "being"}
MATCH = 0.6  # least token overlap (of the shorter name) for two names to be one workstream


class Named(Protocol):
    """A register row as name matching sees it (register.Row)."""

    aliases: list[str]  # every name it goes by across editions
    short: set[str]  # its acronyms


@lru_cache(maxsize=4096)
def words(name: str) -> tuple[str, ...]:
    """Name tokens with case kept (acronyms matter): '&' -> 'and', 'On-line' -> 'Online'."""
    text = name.replace("&", " and ")
    text = re.sub(r"(?<=[A-Za-z])-(?=[a-z])", "", text)
    return tuple(re.findall(r"[A-Za-z0-9]+", text))


def _is_acronym(word: str, name: str) -> bool:
    return (2 <= len(word) <= 8 and word.isupper() and word.isalpha()) or bool(
        re.search(rf"\(\s*{re.escape(word)}\s*\)", name))


@lru_cache(maxsize=16384)
def _expanded(name: str, other: str) -> frozenset[str]:
    """Content tokens of `name`, each acronym replaced by the run of `other` words it abbreviates."""
    theirs = [w.lower() for w in words(other) if w.lower() not in STOP]
    out: set[str] = set()
    for w in words(name):
        low = w.lower()
        if low in STOP:
            continue
        run = _initials_run(low, theirs) if _is_acronym(w, name) else None
        out.update(run or [low])
    return frozenset(out)


def _initials_run(acronym: str, theirs: list[str]) -> list[str] | None:
    n = len(acronym)
    for i in range(len(theirs) - n + 1):
        if "".join(t[0] for t in theirs[i:i + n]) == acronym:
            return theirs[i:i + n]
    return None


def similarity(a: str, b: str) -> float:
    """Token overlap of two workstream names over the shorter one (0..1)."""
    ta, tb = _expanded(a, b), _expanded(b, a)
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    if shared < min(2, len(ta), len(tb)):
        return 0.0
    return shared / min(len(ta), len(tb))


def short_forms(row: Named, learned: dict[str, str]) -> set[str]:
    """Acronyms naming a row: its names' own, plus the index's learned ones that expand to it."""
    found = {w for alias in row.aliases for w in words(alias) if _is_acronym(w, alias)}
    for acro, expansion in learned.items():
        spelled = {w.lower() for w in words(expansion)} - STOP
        if spelled and any(len(spelled & _expanded(alias, expansion)) >= 0.8 * len(spelled)
                           for alias in row.aliases):
            found.add(acro.upper())
    return found


def names_row(text: str, row: Named, whole: bool = False) -> bool:
    """True when `text` names this row: one of its acronyms, or most of one of its names.

    whole=True (a topic the user picked) also accepts a text whose own words all occur in a name.
    """
    for acro in row.short:
        flags = re.IGNORECASE if len(acro) >= 3 else 0
        if re.search(rf"(?<![A-Za-z]){re.escape(acro)}(?![A-Za-z])", text, flags):
            return True
    asked = {w.lower() for w in words(text)} - STOP
    for alias in row.aliases:
        mine = {w.lower() for w in words(alias)} - STOP
        if not mine or not asked:
            continue
        shared = len(mine & asked)
        if shared >= min(2, len(mine)) and shared / len(mine) >= 0.6:
            return True
        if whole and asked <= mine:
            return True
    return False
