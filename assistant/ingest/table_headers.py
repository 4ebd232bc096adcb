"""The header row over each row of a table: what a bare row of figures is about.

"EEAST to Essex Police   112" is read as an answer only with its table's header ("Incident
transfers during the outage   Number") beside it, so a quoted row is shown cell by cell under its
column titles; the quote stays the row's own verbatim text. (Reading the header into the row's
terms and the passage encoder's text, retrained, did not rank rows better: 2026-12-07 note.)
"""

from __future__ import annotations

import re

from assistant.ingest.layout import Line, split_lines

FIGURE = re.compile(r"[£$€]?\s*[\d.,:/]+\s*(%|[kmbKMB]|hrs?|mins?)?|n/?a|[-–—]|nil|none")  # a cell that is a figure
TITLE_WORDS = 5  # a header cell is a column title, not a sentence
MIN_ROWS = 2  # rows under a header: fewer, and two lines are a label and its value
GAP = re.compile(r"\t|\s{3,}|\s\|\s")  # between two cells: a tab, a pipe or an aligned gap (not a ";" in prose)


def split_cells(line: str) -> list[str]:
    """A line's cells, as a table row sets them apart."""
    return [c.strip() for c in GAP.split(line.strip()) if c.strip()]


def labelled(header: str, row: str) -> str:
    """A row read with its column titles ("Measure: Intelligence reports; Essex: 412; Kent: 335"),
    or after them in brackets when the cells don't line up one to one."""
    heads, cells = split_cells(header), split_cells(row)
    if len(heads) == len(cells):
        return "; ".join(f"{h}: {c}" for h, c in zip(heads, cells, strict=True))
    return f"{' '.join(cells)} ({' / '.join(heads)})"


def _header(cells: list[str]) -> bool:
    """Column titles: no cell a bare figure, a label's colon or a sentence, and no figure in the
    first (a row's label: "1 March 2027  Front counter opens" is a row whose table wrapped)."""
    if re.search(r"\d", cells[0]):
        return False
    return not any(FIGURE.fullmatch(c) or c.endswith((":", ".")) or len(c.split()) > TITLE_WORDS for c in cells)


def table_headers(text: str) -> dict[int, tuple[int, int]]:
    """For each table row's line (by its start offset), the (start, end) of its table's header
    line: the first of a run of 3+ consecutive lines of 2+ cells, when it reads as column titles."""
    lines = split_lines(text)
    found: dict[int, tuple[int, int]] = {}
    run: list[tuple[Line, list[str]]] = []
    for line in [*lines, Line(len(text), len(text), "")]:
        cells = split_cells(line.text)
        if len(cells) >= 2:
            run.append((line, cells))
            continue
        if len(run) > MIN_ROWS and _header(run[0][1]):
            head = run[0][0]
            start = head.start + len(head.raw) - len(head.raw.lstrip())
            found.update({row.start: (start, head.start + len(head.raw.rstrip())) for row, _ in run[1:]})
        run = []
    return found


def header_of(text: str, headers: dict[int, tuple[int, int]], start: int, end: int) -> str:
    """The header line of the table row [start, end) sits in ('' for text that is not a row)."""
    line_start = text.rfind("\n", 0, start) + 1
    if "\n" in text[start:end] or line_start not in headers:
        return ""
    h_start, h_end = headers[line_start]
    return text[h_start:h_end]
