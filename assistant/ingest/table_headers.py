"""The header row over each row of a table: what a bare row of figures is about.

"EEAST to Essex Police   112" is read as an answer only with its table's header ("Incident
transfers during the outage   Number") beside it, so a quoted row is shown cell by cell under its
column titles; the quote stays the row's own verbatim text. (Reading the header into the row's
terms and the passage encoder's text, retrained, did not rank rows better: 2026-12-07 note.)
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.ingest.layout import Line, split_lines

FIGURE = re.compile(r"[£$€]?\s*[\d.,:/]+\s*(%|[kmbKMB]|hrs?|mins?)?|n/?a|[-–—]|nil|none")  # a cell that is a figure
TITLE_WORDS = 5  # a header cell is a column title, not a sentence
MIN_ROWS = 2  # rows under a header: fewer, and two lines are a label and its value
GAP = re.compile(r"\t|\s{3,}|\s\|\s")  # between two cells: a tab, a pipe or an aligned gap (not a ";" in prose)
TIGHT_GAP = re.compile(GAP.pattern.replace(r"\s{3,}", r"\s{2,}"))  # a header set tighter than its rows
PERIOD_TITLE = re.compile(r"(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d\d(?:[/-]\d{2}(?:\d{2})?)?|\d{2}/\d{2})", re.I)


def split_cells(line: str, gap: re.Pattern = GAP) -> list[str]:
    """A line's cells, as a table row sets them apart."""
    return [c.strip() for c in gap.split(line.strip()) if c.strip()]


def header_cells(header: str, columns: int) -> list[str]:
    """A header line's column titles: split as rows are, or at two spaces when only that gives
    one title per column (a header's titles sit closer together than its rows' figures)."""
    heads = split_cells(header)
    if len(heads) != columns:
        tight = split_cells(header, TIGHT_GAP)
        if len(tight) == columns:
            return tight
    return heads


def labelled(header: str, row: str) -> str:
    """A row read with its column titles ("Measure: Intelligence reports; Essex: 412; Kent: 335"),
    or after them in brackets when the cells don't line up one to one."""
    cells = split_cells(row)
    heads = header_cells(header, len(cells))
    if len(heads) == len(cells):
        return "; ".join(f"{h}: {c}" for h, c in zip(heads, cells, strict=True))
    return f"{' '.join(cells)} ({' / '.join(heads)})"


def _header(cells: list[str]) -> bool:
    """Column titles: no cell a bare figure (a year or quarter is a title: "Q1", "2025/26"), a
    label's colon or a sentence, and no figure in the first (a row's label: "1 March 2027  Front
    counter opens" is a row whose table wrapped)."""
    if re.search(r"\d", cells[0]):
        return False
    return not any(FIGURE.fullmatch(c) and not PERIOD_TITLE.fullmatch(c) or c.endswith((":", "."))
                   or len(c.split()) > TITLE_WORDS for c in cells)


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
        columns = Counter(len(cells) for _, cells in run[1:]).most_common(1)[0][0] if len(run) > 1 else 0
        if len(run) > MIN_ROWS and _header(header_cells(run[0][0].text, columns)):
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
