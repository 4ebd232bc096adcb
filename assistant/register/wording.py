"""Register values in words, each cited: edition names, an entry's rating, a change, [n] numbers.

Shared by the register-wide answers (assistant/register/answers.py) and the briefing packs
(assistant/brief/build.py), so both word a rating or a change the same way.
"""

from __future__ import annotations

from assistant.contract import Citation
from assistant.register.model import RANK, Edition, Entry, Row, Source, direction

# What `change` calls a row's move between two editions, in the order answers list them.
KIND_ORDER = ["improved", "worsened", "not graded", "not comparable", "no change", "new",
              "dropped"]


def phrase(edition: Edition) -> str:
    """How an answer names an edition: a report, or the gradings a later report recorded."""
    if edition.derived:
        return f"the {edition.label} gradings (as recorded in {edition.title}, {edition.date})"
    return f"the {edition.label} report ({edition.title}, {edition.date})"


def rating(entry: Entry) -> str:
    """'Amber', or 'Amber (for <group> as a whole)' for a group's rating that later split: never
    worded as a member's own."""
    return entry.overall + (f" (for {entry.workstream} as a whole)" if entry.shared else "")


def describe(entry: Entry) -> str:
    """'Amber, previously Amber (2021), no change' — the entry's values in words."""
    if entry.overall is None:
        subs = ", ".join(f"{k} {v}" for k, v in entry.sub.items())
        return "overall rating not stated in the text" + (f" (sub-ratings: {subs})" if subs else "")
    text = rating(entry)
    if entry.previous_edition:
        text += f", previously {entry.previous or 'n/a'} ({entry.previous_edition})"
    if entry.direction and entry.overall in RANK:
        text += f", {entry.direction}"
    return text


class Citer:
    """Numbers sources as they are first cited; the same quote always gets the same [n]."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, int, int], int] = {}

    def cite(self, *sources: Source) -> str:
        """The [n] markers for these sources, numbering the ones not cited before."""
        marks = []
        for s in sources:
            key = (s.document, s.start, s.end)
            if key not in self._numbers:
                self._numbers[key] = len(self.citations) + 1
                self.citations.append(s.citation(self._numbers[key]))
            marks.append(f"[{self._numbers[key]}]")
        return "".join(dict.fromkeys(marks))


def change(row: Row, new: Entry | None, old: Entry | None, target: Edition,
           baseline: Edition) -> tuple[str, str, list[Source]]:
    """(kind, text, sources) for one row between two editions; kind is one of KIND_ORDER."""
    if new is None:
        text = (f"{old.workstream}: {old.overall or 'not stated'} in {baseline.label}, "
                f"not rated in {target.label}")
        return "dropped", text, [old.source]
    if old is None:
        text = (f"{row.name}: {new.overall or 'not stated'} in {target.label}, "
                f"no {baseline.label} rating")
        same_report = baseline.derived and baseline.document == new.source.document
        return (new.direction or "new") if same_report else "new", text, [new.source]
    same_report = old.source == new.source
    kind = new.direction if same_report else direction(new.overall, old.overall, None)
    before, after = old.overall or "not stated", new.overall or "not stated"
    text = (f"{row.name}: {after} in both ({baseline.label} and {target.label})"
            if before == after else
            f"{row.name}: {before} to {after} ({baseline.label} to {target.label})")
    return kind or "not comparable", text, [new.source] if same_report else [old.source,
                                                                             new.source]
