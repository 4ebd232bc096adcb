"""Shared shapes of a parsed report: lines with offsets, quotable spans, sections, RAG boxes
and ratings. Every offset indexes into the document's extracted text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

FRONT_MATTER = "Front matter"  # the cover sheet before the first heading: author, dates, board
MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")  # "## 5. Timetable": a heading in a Markdown file, or left in a paper's text
MARKING = re.compile(r"(OFFICIAL|OFFICIAL[- ]SENSITIVE|NOT PROTECTIVELY MARKED|RESTRICTED|PROTECT)"
                     r"(\s*[-–:]\s*[A-Z ]+)*(\s*\([^()]{1,40}\))?")  # a protective marking: not a heading, not a grade
# ("OFFICIAL – SENSITIVE: COMMERCIAL", "OFFICIAL – SENSITIVE (not for onward circulation)")


@dataclass(frozen=True)
class Span:
    start: int  # character offsets into Document.text
    end: int
    kind: str  # sentence | bullet | row | box | heading


@dataclass
class Section:
    heading: str  # as cited: "5.3.2 DPP - National ANPR Service (NAS)" or "Op Hexagon"
    number: str  # "5.3.2", or "" for unnumbered headings
    title: str
    start: int
    end: int
    parent: str = ""  # heading of the enclosing numbered section
    spans: list[Span] = field(default_factory=list)


@dataclass
class Box:
    start: int
    end: int
    overall: str | None = None
    direction: str | None = None  # "No change", "Improved", ...
    previous: str | None = None  # from "Improved / was amber"
    sub: dict[str, str] = field(default_factory=dict)  # Time/Costs/Savings/Benefits -> rating
    figures: dict[str, str] = field(default_factory=dict)  # Costs/Savings/... -> "£1.62m"


@dataclass
class Rating:
    """One rating of a workstream in one edition (RAG, or a value on the paper's own scale), with
    the span it was read from."""

    workstream: str
    section: str  # heading of the section it belongs to
    overall: str | None
    start: int  # the quoted source: dashboard row, box, or heading/bullet sentence
    end: int
    source: str  # dashboard | box | table | inline | field (a value on the paper's own scale)
    previous: str | None = None
    direction: str | None = None
    sub: dict[str, str] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)
    scale: str = ""  # a field's label when the scale is the paper's own ("Verdict", "Residual risk")


@dataclass
class Line:
    start: int
    end: int  # without the newline
    raw: str
    text: str = ""  # raw without surrounding whitespace (set once: parsing reads it often)

    def __post_init__(self) -> None:
        self.text = self.raw.strip()


class Lines(list):
    """A report's lines, with the figures every parse step asks of all of them computed once
    (a long report has tens of thousands of lines)."""

    @cached_property
    def median_length(self) -> float:
        lengths = sorted(len(ln.text) for ln in self if len(ln.text) > 20)
        return lengths[len(lengths) // 2] if lengths else 80.0

    @cached_property
    def wrap_limit(self) -> float:
        """How long a wrapped paragraph's lines run: a heading in hard-wrapped text is no longer."""
        return max(70, 0.85 * self.median_length)

    def previous_content(self, i: int) -> int | None:
        """The nearest non-blank line above line i."""
        k = i - 1
        while k >= 0 and not self[k].text:
            k -= 1
        return k if k >= 0 else None

    def within(self, start: int, end: int) -> range:
        """Indexes of the lines overlapping [start, end)."""
        first = bisect_right(self._ends, start)
        return range(first, max(first, bisect_left(self._starts, end)))

    @cached_property
    def _starts(self) -> list[int]:
        return [ln.start for ln in self]

    @cached_property
    def _ends(self) -> list[int]:
        return [ln.end for ln in self]


def split_lines(text: str) -> Lines:
    """The text's lines, each with its start and end offsets (end excludes the newline)."""
    import re

    return Lines(Line(m.start(), m.start() + len(m.group(1)), m.group(1))
                 for m in re.finditer(r"([^\n]*)\n?", text) if m.start() < len(text))


def trimmed_end(line: Line) -> int:
    return line.start + len(line.raw.rstrip())


def section_for(sections: list[Section], offset: int) -> Section:
    for s in sections:
        if s.start <= offset < s.end:
            return s
    return sections[-1]
