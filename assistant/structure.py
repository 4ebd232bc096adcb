"""The structure of a collaboration report: sections, quotable spans, RAG boxes, dashboard.

Works on the extracted text of both export styles seen so far:
- Word exports: one paragraph per line, unnumbered headings ("Op Hexagon"), RAG tables
  flattened into tab-separated cells right after the heading they belong to;
- PDF exports: hard-wrapped lines, numbered headings ("5.3.2 DPP - National ANPR Service
  (NAS)"), a collaboration dashboard table, and RAG boxes displaced by extraction (a box often
  lands after the next section has begun). Boxes are matched to the dashboard's rows in order,
  and the dashboard's value wins.
Every span keeps (start, end) character offsets into the text, so a quote is a slice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RATING_WORDS = {"g": "Green", "a": "Amber", "r": "Red", "green": "Green", "amber": "Amber",
                "red": "Red", "not graded": "Not graded", "n/a": "n/a", "tbd": "TBD"}
BOX_LABELS = {"overall rag": "Overall", "time": "Time", "costs": "Costs", "savings": "Savings",
              "cashable": "Savings", "cashable savings": "Savings", "benefits": "Benefits"}
DIRECTION_WORDS = {"no", "change", "no change", "improved", "worsened", "deteriorated", "declined"}
NUMBERED = re.compile(r"^(\d{1,2}\.(?:\d{1,2}(?:\.\d{1,2}){0,2})?)[ \t]+([A-Z0-9].*?)\s*$")
DASHBOARD_ROW = re.compile(
    r"^\s*(\d{1,2}(?:\.\d{1,2})+)\s+(.+?)\s+(Green|Amber|Red|Not graded)\s+"
    r"(Green|Amber|Red|Not graded|n/a)\s*$"
)
INLINE_RAG = re.compile(r"\(?\s*Overall RAG\s*[–-]?\s*(Green|Amber|Red)\s*\)?", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[·•▪●◦-]|\(?[ivx]{1,4}[.)]|\(?[a-h][.)]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[A-Z0-9“‘\"(£*])")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "St.", "Dr.", "No.", "Mr.", "Mrs.", "Ms.", "c.", "approx.")
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "e.g.", "&", "-", "–", "/",
               "with", "at", "by", "through", "from"}


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
    """One RAG value for a workstream in one edition, with the span it was read from."""

    workstream: str
    section: str  # heading of the section it belongs to
    overall: str | None
    start: int  # the quoted source: dashboard row, box, or heading/bullet sentence
    end: int
    source: str  # dashboard | box | inline
    previous: str | None = None
    direction: str | None = None
    sub: dict[str, str] = field(default_factory=dict)
    figures: dict[str, str] = field(default_factory=dict)


@dataclass
class Structure:
    sections: list[Section]
    ratings: list[Rating]
    current_year: str | None = None  # dashboard column years, e.g. "2022"
    previous_year: str | None = None

    def section_at(self, offset: int) -> Section:
        for s in self.sections:
            if s.start <= offset < s.end:
                return s
        return self.sections[-1]


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip()


def parse(text: str) -> Structure:
    """Sections, spans and ratings of one report's extracted text."""
    lines = [_Line(m.start(), m.start() + len(m.group(1)), m.group(1))
             for m in re.finditer(r"([^\n]*)\n?", text) if m.start() < len(text)]
    wrapped = _is_hard_wrapped(lines)
    rows, table_lines, years = _dashboard(lines)
    boxes, box_lines, displaced = _boxes(lines)
    headings = _headings(lines, wrapped, table_lines | box_lines, displaced)
    sections = _sections(text, headings)
    skip = table_lines | box_lines
    for section in sections:
        section.spans = _spans(text, lines, section, wrapped, skip, headings)
    for line_no, (number, name, current, previous) in rows.items():
        line = lines[line_no]
        start = line.start + len(line.raw) - len(line.raw.lstrip())
        _section_for(sections, start).spans.append(Span(start, line.start + len(line.raw.rstrip()), "row"))
    for box in boxes:
        _section_for(sections, box.start).spans.append(Span(box.start, box.end, "box"))
    for section in sections:
        section.spans.sort(key=lambda s: s.start)
    ratings = _ratings(text, lines, sections, rows, boxes)
    return Structure(sections, ratings, *years)


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    """PDF exports wrap paragraphs at ~90 characters; Word exports keep one per line."""
    body = [ln.text for ln in lines if len(ln.text) > 30]
    if not body:
        return False
    unfinished = sum(1 for t in body if 40 <= len(t) <= 110 and t[-1] not in ".:;!?)")
    return unfinished / len(body) > 0.35


def _dashboard(lines: list[_Line]):
    """Rows of a 'current vs previous RAG' table: {line_no: (number, name, current, previous)}."""
    rows = {}
    for i, ln in enumerate(lines):
        m = DASHBOARD_ROW.match(ln.raw)
        if m:
            rows[i] = (m.group(1), m.group(2).strip(), m.group(3), m.group(4))
    if len(rows) < 3:
        return {}, set(), (None, None)
    first, last = min(rows), max(rows)
    head_text = " ".join(ln.text for ln in lines[max(0, first - 15):first])
    if "dashboard" in head_text.lower() or "rag" in head_text.lower():
        first = max(0, first - 15)
        while first < min(rows) and not re.search(r"dashboard|RAG", lines[first].raw, re.IGNORECASE):
            first += 1
    table = set(range(first, last + 1))
    cur = re.search(r"Current\s+RAG\s+(\d{4})", head_text, re.IGNORECASE)
    prev = re.search(r"Previous\s+RAG\s+(\d{4})", head_text, re.IGNORECASE)
    return rows, table, (cur and cur.group(1), prev and prev.group(1))


def _box_token(text: str) -> str | None:
    low = re.sub(r"\s+", " ", text.strip().lower())
    if not low:
        return "blank"
    if low in BOX_LABELS:
        return "label"
    if low in RATING_WORDS:
        return "rating"
    if low in DIRECTION_WORDS or re.fullmatch(r"was (green|amber|red)", low):
        return "direction"
    return None


def _boxes(lines: list[_Line]):
    """RAG boxes: runs of label/rating/figure lines starting at an 'Overall RAG' line."""
    boxes: list[Box] = []
    used: set[int] = set()
    displaced: dict[int, int] = {}  # line_no -> offset where a heading glued to a box begins
    i = 0
    while i < len(lines):
        if lines[i].text.lower() != "overall rag":
            i += 1
            continue
        first = lines[i]
        box = Box(first.start + len(first.raw) - len(first.raw.lstrip()), _trimmed_end(first))
        label, j = "Overall", i + 1
        while j < len(lines):
            text = lines[j].text
            kind = _box_token(text)
            if kind is None:
                glued = re.match(r"^(\s*(?:No\s+)?change\b\s*)(?=\d+\.\d)", lines[j].raw, re.IGNORECASE)
                if glued:  # "change 5.4.1 Essex County ..." — heading displaced into the box
                    _apply_direction(box, "change")
                    box.end = lines[j].start + len(glued.group(1).rstrip())
                    displaced[j] = lines[j].start + len(glued.group(1))
                    used.add(j)
                    j += 1
                    break
                if label and len(text) <= 60 and re.search(r"[£$€%]", text):
                    box.figures[label] = f"{box.figures[label]}; {text}" if label in box.figures else text
                    box.end = _trimmed_end(lines[j])
                    used.add(j)
                    j += 1
                    continue
                break
            if kind == "label":
                if text.lower() == "overall rag":
                    break  # the next box starts here
                label = BOX_LABELS[text.lower()]
            elif kind == "rating":
                value = RATING_WORDS[text.lower()]
                if label == "Overall":
                    box.overall = box.overall or value  # a second value ("n/a") is no rating
                elif label not in box.sub:
                    box.sub[label] = text.strip()
            elif kind == "direction":
                _apply_direction(box, text)
            if kind != "blank":
                box.end = _trimmed_end(lines[j])
            used.add(j)
            j += 1
        used.add(i)
        boxes.append(box)
        i = max(i + 1, j)
    return boxes, used, displaced


def _trimmed_end(line: _Line) -> int:
    return line.start + len(line.raw.rstrip())


def _apply_direction(box: Box, text: str) -> None:
    low = re.sub(r"\s+", " ", text.strip().lower())
    m = re.fullmatch(r"was (green|amber|red)", low)
    if m:
        box.previous = m.group(1).capitalize()
        return
    words = f"{box.direction or ''} {low}".strip()
    box.direction = words[0].upper() + words[1:]


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z0-9][\w’'/&.-]*", text) if w.lower() not in SMALL_WORDS]
    if not words:
        return False
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) / len(words) >= 0.6


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.strip(".").split(".") if p)


def _headings(lines, wrapped, skip, displaced) -> list[tuple[int, int, str, str, str, bool]]:
    """(line_no, start, number, title, heading, displaced) for every heading, in order."""
    found = []
    last_key: tuple[int, ...] = ()
    for i, ln in enumerate(lines):
        if i in skip and i not in displaced:
            continue
        start = displaced.get(i, ln.start)
        raw = ln.raw[start - ln.start:]
        m = NUMBERED.match(raw.strip())
        if m and not m.group(2).endswith((".", ",")) and len(m.group(2)) <= 120:
            key = _number_key(m.group(1))
            if key > last_key:
                title = m.group(2).strip()
                if title.count("(") > title.count(")"):  # title wrapped onto the next line
                    nxt = next((x for x in lines[i + 1:i + 4] if x.text), None)
                    if nxt is not None:
                        title = f"{title} {nxt.text}"
                number = m.group(1).rstrip(".")
                found.append((i, start + len(raw) - len(raw.lstrip()), number, title,
                              f"{number} {title}", i in displaced))
                last_key = key
                continue
    numbered_lines = {h[0] for h in found}
    accepted: set[int] = set()
    for i in range(len(lines) - 1, -1, -1):  # bottom-up: a group heading needs the next decided
        if i in skip or i in numbered_lines or not _heading_shape(lines[i]):
            continue
        if _accept_unnumbered(lines, i, wrapped, skip, accepted | numbered_lines):
            accepted.add(i)
    for i in accepted:
        ln = lines[i]
        title = INLINE_RAG.split(ln.text)[0].strip(" -–") if INLINE_RAG.search(ln.text) else ln.text
        title = title.rstrip(":").strip()
        found.append((i, ln.start + len(ln.raw) - len(ln.raw.lstrip()), "", title, title, False))
    return sorted(found)


def _heading_shape(ln: _Line) -> bool:
    text = ln.text
    if ln.raw.startswith("\t") or not (3 <= len(text) <= 160) or BULLET.match(ln.raw):
        return False
    if not (text[0].isupper() or text[0].isdigit()) or text.lower().startswith("note"):
        return False
    if INLINE_RAG.search(text):
        return True
    return len(text) <= 100 and text[-1] not in ".,;" and _box_token(text) is None


def _next_content(lines, i, limit=6):
    for j in range(i + 1, min(len(lines), i + 1 + limit)):
        if lines[j].text:
            return j
    return None


def _accept_unnumbered(lines, i, wrapped, skip, accepted) -> bool:
    text = lines[i].text
    if INLINE_RAG.search(text):
        return not wrapped or _title_case(text.split("(")[0])
    j = _next_content(lines, i)
    if j is None:
        return False
    nxt = lines[j]
    strong = (nxt.text.lower() == "overall rag" and not wrapped) or nxt.text.lower().startswith(
        "note: rag") or nxt.text.lower().startswith("note rag") or (
        BULLET.match(nxt.raw) and INLINE_RAG.search(nxt.text))
    if strong:
        return _title_case(text) or not wrapped
    if wrapped or not _title_case(text):
        return False
    return len(nxt.text) >= 200 or (j in accepted and not NUMBERED.match(nxt.text))


def _sections(text: str, headings) -> list[Section]:
    sections: list[Section] = []
    if not headings or headings[0][1] > 0:
        first = headings[0][1] if headings else len(text)
        sections.append(Section("Front matter", "", "Front matter", 0, first))
    numbered: list[Section] = []
    for k, (line_no, start, number, title, heading, displaced) in enumerate(headings):
        end = headings[k + 1][1] if k + 1 < len(headings) else len(text)
        parent = ""
        if number:
            while numbered and not number.startswith(numbered[-1].number.rstrip(".0") + "."):
                numbered.pop()
            parent = numbered[-1].heading if numbered else ""
        elif numbered:
            parent = numbered[-1].heading
        section = Section(heading, number, title, start, end, parent)
        prev = sections[-1] if sections else None
        if displaced and prev is not None and prev.heading == parent:
            # the PDF put this heading after its first paragraph: take that paragraph back
            head_end = text.find("\n", prev.start)
            head_end = prev.end if head_end < 0 else min(head_end, prev.end)
            section.start, prev.end = head_end, head_end
        sections.append(section)
        if number:
            numbered.append(section)
    return [s for s in sections if s.end > s.start]


def _section_for(sections: list[Section], offset: int) -> Section:
    for s in sections:
        if s.start <= offset < s.end:
            return s
    return sections[-1]


def _spans(text, lines, section, wrapped, skip, headings) -> list[Span]:
    """Quotable spans of a section: its heading, bullets and sentences, boxes/tables excluded."""
    heading_starts = {h[1] for h in headings}
    short = 0.7 * _median_length(lines) if wrapped else 0
    spans: list[Span] = []
    block: list[_Line] = []

    def flush():
        if block:
            spans.extend(_sentences(text, block[0].start, block[-1].end))
            block.clear()

    for i, ln in enumerate(lines):
        if ln.end <= section.start or ln.start >= section.end:
            continue
        if i in skip or not ln.text:
            if i in skip or not wrapped:
                flush()
            continue
        start = max(ln.start, section.start)
        lead = start + len(text[start:ln.end]) - len(text[start:ln.end].lstrip())
        if lead in heading_starts or start in heading_starts:
            flush()
            spans.append(Span(lead, ln.end - (len(ln.raw) - len(ln.raw.rstrip())), "heading"))
            continue
        if BULLET.match(ln.raw) or not wrapped:
            flush()
        if _label_value(lines, i) and not wrapped:
            continue  # merged into the next line's row span below
        if not wrapped and i > 0 and _label_value(lines, i - 1):
            prev = lines[i - 1]
            spans.append(Span(prev.start + len(prev.raw) - len(prev.raw.lstrip()),
                              ln.start + len(ln.raw.rstrip()), "row"))
            continue
        block.append(ln)
        if wrapped and len(BULLET.sub("", ln.raw).strip()) < short and not re.search(r"([,;–-]|\b(and|or|of|the|to))$", ln.text):
            flush()  # a short wrapped line ends its paragraph or list item
    flush()
    return [s for s in spans if section.start <= s.start < section.end]


def _median_length(lines: list[_Line]) -> float:
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    return lengths[len(lengths) // 2] if lengths else 80.0


def _label_value(lines, i, tight=True) -> bool:
    """A table label cell ('Date of Meeting:') with its value in the next line's cell."""
    ln = lines[i]
    is_label = ln.text.endswith(":") or (ln.raw.startswith("\t") and not re.search(r"\d", ln.text))
    if not (is_label and 0 < len(ln.text) <= 45) or i + 1 >= len(lines):
        return False
    if i > 0 and lines[i - 1].raw.startswith("\t") and lines[i - 1].text.endswith(":"):
        return False  # this line is the value of the label above
    return 0 < len(lines[i + 1].text) <= 80

def _sentences(text: str, start: int, end: int, kind: str = "sentence") -> list[Span]:
    """Split text[start:end] into sentence spans, trimmed of whitespace and bullet glyphs."""
    chunk = text[start:end]
    bullet = BULLET.match(chunk)
    first_kind = "bullet" if bullet else kind
    offset = bullet.end() if bullet else 0
    cuts = [offset]
    for m in SENTENCE_END.finditer(chunk, offset):
        before = chunk[max(0, m.start() - 8):m.start()]
        if any(re.search(rf"(^|[\s(]){re.escape(a)}$", before) for a in ABBREVIATIONS) or re.search(
                r"\b[A-Z]\.$", before):
            continue
        cuts.append(m.end())
    cuts.append(len(chunk))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        piece = chunk[a:b]
        s = start + a + len(piece) - len(piece.lstrip())
        e = start + a + len(piece.rstrip())
        if e > s and len(re.findall(r"\w+", text[s:e])) >= 3:
            spans.append(Span(s, e, first_kind if not spans else kind))
    return spans


def _ratings(text, lines, sections, rows, boxes) -> list[Rating]:
    ratings: list[Rating] = []
    by_number = {s.number: s for s in sections if s.number}
    row_items = sorted(rows.items())
    matched = _align(boxes, [r[1][2] for r in row_items]) if row_items else {}
    for k, (line_no, (number, name, current, previous)) in enumerate(row_items):
        line = lines[line_no]
        section = by_number.get(number)
        box = boxes[matched[k]] if k in matched else None
        ratings.append(Rating(
            workstream=name, section=section.heading if section else f"{number} {name}",
            overall=current, previous=None if previous == "n/a" else previous,
            direction=box.direction if box else None,
            start=line.start + len(line.raw) - len(line.raw.lstrip()),
            end=line.start + len(line.raw.rstrip()), source="dashboard",
            sub=dict(box.sub) if box else {}, figures=dict(box.figures) if box else {},
        ))
    if not row_items:
        for box in boxes:
            section = _section_for(sections, box.start)
            ratings.append(Rating(section.title, section.heading, box.overall, box.start, box.end,
                                  "box", box.previous, box.direction, dict(box.sub), dict(box.figures)))
    for section in sections:
        for span in section.spans:
            if span.kind in {"box", "row"}:
                continue
            m = INLINE_RAG.search(text[span.start:span.end])
            if not m:
                continue
            name = section.title if span.kind == "heading" else re.split(
                r"\s*\(\s*Overall RAG", text[span.start:span.end])[0].strip(" -–")
            ratings.append(Rating(name, section.heading, m.group(1).capitalize(),
                                  span.start, span.end, "inline"))
    return ratings


def _align(boxes: list[Box], currents: list[str]) -> dict[int, int]:
    """Match boxes to dashboard rows in order, skipping boxes whose rating disagrees."""
    matched, b = {}, 0
    for k, current in enumerate(currents):
        for j in range(b, len(boxes)):
            if boxes[j].overall == current:
                matched[k], b = j, j + 1
                break
    return matched
