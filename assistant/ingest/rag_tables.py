"""RAG tables: the collaboration dashboard (current vs previous rating per area), RAG boxes
(Word exports put them under their heading; PDF exports displace them, so they are matched to
dashboard rows in order), status tables of any other shape (cells split by tabs or pipes,
a 'RAG'/'Status' column) and inline "(Overall RAG – Green)" ratings."""

from __future__ import annotations

import re

from assistant.ingest.layout import Box, Line, Lines, Rating, section_for, trimmed_end

RATING_WORDS = {"g": "Green", "a": "Amber", "r": "Red", "green": "Green", "amber": "Amber",
                "red": "Red", "not graded": "Not graded", "n/a": "n/a", "tbd": "TBD",
                "ag": "Amber/Green", "ar": "Amber/Red", "amber/green": "Amber/Green",  # the five-point
                "amber/red": "Amber/Red",  # delivery confidence scale (G, AG, A, AR, R)
                "blue": "Blue"}  # BRAG: Blue is complete
COLOURS = {"Green", "Amber/Green", "Amber", "Amber/Red", "Red", "Blue"}  # what a rating cell or line may say
BOX_LABELS = {"overall rag": "Overall", "time": "Time", "costs": "Costs", "savings": "Savings",
              "cashable": "Savings", "cashable savings": "Savings", "benefits": "Benefits"}
DIRECTION_WORDS = {"no", "change", "no change", "improved", "worsened", "deteriorated", "declined"}
DASHBOARD_ROW = re.compile(
    r"^\s*(\d{1,2}(?:\.\d{1,2})+)\s+(.+?)\s+(Green|Amber|Red|Not graded)\s+"
    r"(Green|Amber|Red|Not graded|n/a)\s*$"
)
COLOUR = r"(Green|Amber/Green|Amber/Red|Amber|Red|Blue)"
INLINE_RAG = re.compile(  # "(Overall RAG – Green)", "Overall RAG: Amber", "RAG status - Red",
    # "Overall delivery confidence: Amber/Red", "Current status: Amber", "Residual rating: Red (16)"
    r"\(?\s*(?:Overall\s+RAG(?:\s+(?:status|rating))?|RAG\s+(?:status|rating)|(?:Overall\s+)?delivery\s+confidence"
    r"(?:\s+(?:rating|assessment))?|(?:Current|Overall|Residual)\s+(?:RAG\s+)?(?:status|rating)(?=\s*[:–-])"
    r"|(?:This|Current)\s+(?:month|quarter|period)(?=\s*:)"
    # "... Rating: Red" after a sentence, "RAG 2025: Red"
    r"|(?:(?<![\w ])|(?<=[.;] ))(?:Confidence|Status|Rating|Overall|RAG(?:\s+(?:19|20)\d\d)?)(?=\s*:)"
    r"|(?<=\w)\s+[—–](?=\s+(?-i:GREEN|AMBER|RED|BLUE)\b))"  # "Joint vetting — AMBER (Q3: GREEN)"
    r"\s*[:–-]?\s*(" + COLOUR[1:-1] + r"|AG|AR)\b\s*\)?", re.IGNORECASE)
LABEL_RAG = re.compile(r"^[A-Z][a-z]{3,15}(?: [a-z]{3,15}| RAG)?\s*:\s*" + COLOUR + r"\b(?=\s*(?:$|[.(,;–—-]))")  # a
# paragraph opening with its own label's rating, "Alignment: Amber (Red at the workshop). The two ...", "Paper
# RAG: Red (previously Amber).": not a place or a name ("Venue: Red Lion")
PREVIOUS_RAG = re.compile(r"(?:\b(?:previous(?:ly)?|was|last\s+(?:month|quarter|year|report))\s*(?:RAG|status|rating)?"
                          r"|^\s*\(\s*[\w ]{1,20}(?=:)"  # "(previous: Green)", "(Q3: GREEN)" just after the rating
                          r"|^\s*\((?=\s*(?:" + COLOUR[1:] + r"\s*\))"  # "Amber (Green)": a cell's earlier rating
                          r"|^\s*(?:at|in|for)\s+this\s+(?:review|quarter|month|period|report)\s*[;,]"  # "...; Green in"
                          r"|\b(?:RAG|rating|status)\s+(?:19|20)\d\d"  # "RAG 2025: Red. RAG 2024: Amber."
                          r"|\b(?:down|up)\s+from"  # "Rated red this quarter, down from amber"
                          r"|^\s*\((?=\s*(?:" + COLOUR[1:] + r"\s+(?:at|in|on|last|before|previously|until)\b))"  # "(Red at
                          # the workshop)" just after the rating
                          r"\s*[:–-]?\s*" + COLOUR + r"\b", re.IGNORECASE)

PROSE_RAG = re.compile(  # "Delivery confidence has fallen from Amber to Amber/Red", "status should move
    # from Green to Amber", "RAG status remains Amber": a rating told in a sentence
    r"\b(?:delivery\s+confidence|RAG(?:\s+(?:status|rating))?|(?:overall\s+)?status|rating)\s+"
    r"(?:(?:has|have|had|should|will|was|is)\s+)?(?:been\s+)?"
    r"(?:(?:fallen|fell|dropped|slipped|deteriorated|worsened|improved|risen|rose|moved|move|changed|"
    r"gone|downgraded|upgraded)\s+from\s+" + COLOUR + r"\s+to\s+" + COLOUR + r"|(?:remains|remained|stays)\s+(?:at\s+)?"
    + COLOUR + r")\b"
    r"|(?:^|(?<=[.;] ))Rat(?:ed|ing)\s+" + COLOUR + r"\b|\brates\s+(?:[\w'’-]+\s+){0,10}?" + COLOUR + r"\b",  # "Rated red,
    re.IGNORECASE)  # down from amber": a sentence that opens with it; "The panel rates joint patrols green", "The strand
# lead rates it red" (not "four are rated green")


CELL_SPLIT = re.compile(r"\t+|\s*\|\s*")
COLUMN_SPLIT = re.compile(r"\t+|\s*\|\s*|\s*\.{4,}\s*|\s{3,}|\s+[·•]\s+|\s*;\s*|\s+::\s+")  # also dot leaders,
# aligned columns, middle dots ("P3 · Crown Court caseload · red · HMCTS"), semicolons ("Chelmsford; 6; £364,000;
# Green") and double colons ("C4 :: 7 Force Network programme office :: Partial :: Gap")
TIGHT_SPLIT = re.compile(COLUMN_SPLIT.pattern.replace(r"\s{3,}", r"\s{2,}"))  # a status table set in spaces: two make a gap
ARROWS = re.compile(r"[▲▼►◄↑↓→←▶◀⬆⬇]")  # direction marks beside a rating
LIST_LABEL = re.compile(r"^(?:[A-Z]|\d{1,2}|[ivx]{1,4})[.)]\s+")  # "A. ", "3) ", "iv. "
STATUS_HEAD = re.compile(r"\b(rag|status|rating|grade)\b", re.IGNORECASE)
PREVIOUS_HEAD = re.compile(r"\b(previous|last|prior|was)\b", re.IGNORECASE)
TABLE_GAP = 3  # non-blank lines (group headings) allowed between two rows of one table
TABLE_ROWS = 3  # fewer rows than this are a mention in the text, not a table


def dashboard(lines: list[Line]):
    """Rows of 'current vs previous RAG' tables: {line_no: (number, name, current, previous)},
    the lines the tables cover, and the (current, previous) years from the first table's head.

    Rows group into a table while at most TABLE_GAP non-blank lines separate them, so a row
    repeated in an appendix is not joined to the dashboard (with everything in between)."""
    found = {}
    for i, ln in enumerate(lines):
        m = DASHBOARD_ROW.match(ln.raw)
        if m:
            found[i] = (m.group(1), m.group(2).strip(), m.group(3), m.group(4))
    tables = [t for t in _runs(sorted(found), lines) if len(t) >= TABLE_ROWS]
    if not tables:
        return {}, set(), (None, None)
    rows = {i: found[i] for t in tables for i in t}
    covered: set[int] = set()
    for t in tables:  # prose between rows (a row's description) stays quotable text
        covered |= {j for j in range(_table_start(lines, t[0]), t[-1] + 1)
                    if j in rows or not _prose(lines[j])}
    head_text = " ".join(ln.text for ln in lines[max(0, tables[0][0] - 15):tables[0][0]])
    cur = re.search(r"Current\s+RAG\s+(\d{4})", head_text, re.IGNORECASE)
    prev = re.search(r"Previous\s+RAG\s+(\d{4})", head_text, re.IGNORECASE)
    return rows, covered, (cur and cur.group(1), prev and prev.group(1))


def cells(raw: str) -> list[str]:
    """A table line's cells ('a | b | c', '| a | b |', 'a<TAB>b'); one cell for a line of text."""
    text = raw.strip()
    if "\t" not in text and "|" not in text:
        return [text]
    return CELL_SPLIT.split(text.strip("|").strip())


def status_tables(lines: Lines):
    """Rows of tables with a rating column, whatever the report's layout: {line_no: (name,
    rating, previous)} and the lines the tables cover (header included).

    Two shapes: a run of lines with the same number (2+) of tab/pipe cells under a header whose
    column says RAG/Status/Rating, at least two rows rated in that column; and a run of 3+ rows
    (blank lines and wrapped continuations between them allowed) whose cells - split by tabs,
    pipes, dot leaders or wide spaces - hold a rating after the row's name ('A. Building ....
    AR ▼ .... Lead', 'Custody    12    A'). A column headed Previous/Last gives the earlier rating."""
    found, covered = _headed_tables(lines)
    rated = {i: r for i, ln in enumerate(lines) if i not in covered and (r := _rated_row(ln.raw))}
    for run in _runs(sorted(rated), lines):
        if len(run) < TABLE_ROWS:
            continue
        head = _header_above(lines, run[0])
        titles = columns(lines[head].raw, tight=True) if head is not None else None
        for i in run:
            name, ratings_in_row, earlier = rated[i]
            current, previous = _current_previous(ratings_in_row, titles)
            found[i] = (LIST_LABEL.sub("", name), current, previous or earlier)
        covered |= set(range(run[0] if head is None else head, run[-1] + 1))
    return found, covered


def _headed_tables(lines: list[Line]):
    found, covered = {}, set()
    i = 0
    while i < len(lines):
        head = cells(lines[i].raw)
        width = len(head)
        j = i + 1
        while j < len(lines) and len(cells(lines[j].raw)) == width and width >= 2:
            j += 1
        status = [k for k, c in enumerate(head) if STATUS_HEAD.search(c) and not PREVIOUS_HEAD.search(c)]
        previous = next((k for k, c in enumerate(head) if PREVIOUS_HEAD.search(c)), None)
        body = [k for k in range(i + 1, j) if not re.fullmatch(r"[\s|:-]*", lines[k].raw)]
        if width >= 2 and status and len(body) >= 2:
            col = status[0]
            rated = {}
            for k in body:
                row = cells(lines[k].raw)
                rating = rating_word(row[col])
                if rating in COLOURS | {"Not graded"}:
                    prev = rating_word(row[previous]) if previous is not None else None
                    rated[k] = (row[0 if col else 1], rating, prev)
            if len(rated) >= 2:
                found.update(rated)
                covered |= set(range(i, j))
                i = j
                continue
        i = max(j, i + 1) if width >= 2 else i + 1
    return found, covered


def rating_word(cell: str) -> str | None:
    """The rating a table cell holds ('AR ▼', 'Amber/Green', 'G'), without arrows or stars."""
    return RATING_WORDS.get(ARROWS.sub("", cell).lower().strip(" *()"))


def columns(raw: str, tight: bool = False) -> list[str]:
    """A row's cells split by tabs, pipes, dot leaders or runs of 3+ spaces (2+ when `tight`); or
    by slashes when a line has three cells or more that way ('Total / 11 / 2 / 3', not 'and / or')."""
    cells = [c for c in (TIGHT_SPLIT if tight else COLUMN_SPLIT).split(raw.strip().strip("|")) if c.strip()]
    if len(cells) == 1 and raw.count(" / ") >= 2:
        cells = [c for c in raw.strip().split(" / ") if c.strip()]
    return cells


def _rated_row(raw: str) -> tuple[str, list[tuple[int, str]], str | None] | None:
    """(name, [(column, rating)...], earlier rating in brackets) when a line is a row naming
    something and rating it in a later column; None for prose or a bare rating."""
    cols = columns(raw)
    if len(cols) > 1 and not any(rating_word(c.partition("(")[0]) for c in cols[1:]):
        cols = columns(raw, tight=True)  # "... 2,700  Amber (Green)": the last gap two spaces wide
    code = (ROW_CODE.match(cols[0].strip()) or ROW_NUMBER.match(cols[0].strip())) if len(cols) > 2 else None
    shift = 0  # columns merged into the name: ratings keep their column under the header
    if code and code.group(1) == cols[0].strip() and rating_word(cols[1]) is None:  # "P3 · Crown Court · red"
        cols, shift = [f"{cols[0].strip()} {cols[1].strip()}", *cols[2:]], 1
    if len(cols) < 2 or len(cols[0]) > 120 or not re.search(r"[A-Za-z]{3}", cols[0]):
        return None
    if box_token(cols[0]) is not None:  # a RAG box's 'Time | Amber' line, not a named row
        return None
    found, earlier = [], None
    for k, cell in enumerate(cols[1:], 1):
        rating, bracket, rest = cell.partition("(")  # "red (Q4: amber)": the earlier rating in brackets
        told = PREVIOUS_RAG.match(bracket + rest) if bracket else None
        if (r := rating_word(cell)) in COLOURS or (told and (r := rating_word(rating)) in COLOURS):
            found.append((k + shift, r))
            earlier = earlier or (_colour(told.group(1)) if told else None)
    return (cols[0].strip(), found, earlier) if found else None


def _header_above(lines: Lines, first: int) -> int | None:
    """The line of a header (2+ column titles) just above a table's first row, if there is one."""
    k = lines.previous_content(first)
    return k if k is not None and len(columns(lines[k].raw)) >= 2 else None


def _current_previous(found: list[tuple[int, str]], head: list[str] | None) -> tuple[str, str | None]:
    """A row's rating and its earlier one: a column headed Previous/Last/Was holds the earlier
    rating, and of two columns headed by years ('Nov 2025', 'Nov 2024') the later one is current;
    without a header the first rating is the current one."""
    if head:
        dated = sorted(((year, r) for k, r in found if k < len(head) and (year := _year(head[k]))), reverse=True)
        if len(dated) >= 2 and dated[0][0] != dated[1][0]:
            return dated[0][1], dated[1][1]
        earlier = [r for k, r in found if k < len(head) and PREVIOUS_HEAD.search(head[k])]
        later = [r for k, r in found if not (k < len(head) and PREVIOUS_HEAD.search(head[k]))]
        if later:
            return later[0], earlier[0] if earlier else None
    return found[0][1], None


def _year(title: str) -> int | None:
    """The year a column title names ('Nov 2025', 'RAG 2024/25'), if any."""
    m = re.search(r"\b(20\d\d)\b", title)
    return int(m.group(1)) if m else None


def _runs(row_lines: list[int], lines: list[Line]) -> list[list[int]]:
    """Split row line numbers where more than TABLE_GAP non-blank lines come between two."""
    runs: list[list[int]] = []
    for i in row_lines:
        if runs and sum(1 for ln in lines[runs[-1][-1] + 1:i] if ln.text) <= TABLE_GAP:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _prose(line: Line) -> bool:
    """A sentence or a 'Label: value' note rather than a table label ('5.3 National',
    'Current RAG 2022'): a row's description stays quotable."""
    text = line.text
    return len(text.split()) >= 8 or text.endswith(".") or bool(re.search(r"\w:\s*\S", text))


def _table_start(lines: list[Line], first: int) -> int:
    """A table's first line: its 'dashboard'/'RAG' title line when one is just above the rows."""
    for j in range(max(0, first - 15), first):
        if re.search(r"dashboard|RAG", lines[j].raw, re.IGNORECASE):
            return j
    return first


def box_token(text: str) -> str | None:
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


def boxes(lines: list[Line]):
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
        box = Box(first.start + len(first.raw) - len(first.raw.lstrip()), trimmed_end(first))
        label, j = "Overall", i + 1
        while j < len(lines):
            text = lines[j].text
            kind = box_token(text)
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
                    box.end = trimmed_end(lines[j])
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
                box.end = trimmed_end(lines[j])
            used.add(j)
            j += 1
        used.add(i)
        boxes.append(box)
        i = max(i + 1, j)
    return boxes, used, displaced


def _apply_direction(box: Box, text: str) -> None:
    low = re.sub(r"\s+", " ", text.strip().lower())
    m = re.fullmatch(r"was (green|amber|red)", low)
    if m:
        box.previous = m.group(1).capitalize()
        return
    words = f"{box.direction or ''} {low}".strip()
    box.direction = words[0].upper() + words[1:]


def _named_section(sections, name: str):
    """The section a table row's name is about ('Custody estate' -> '4.1 Custody Estate'; 'Digital
    forensics backlog' -> '5.1 Digital Forensics'): the longest title either way contained."""
    low = _plain(name)
    named = [s for s in sections if s.title and len(s.title) >= 4
             and (_plain(s.title) in low or low in _plain(s.title)) and _plain(s.title) != low + "s"]
    return max(named, key=lambda s: len(s.title), default=None)


ROW_CODE = re.compile(r"^([A-Z]{1,4}-?[A-Z]?\d{1,3}[a-z]?)\b")  # "CR1", "KE-R07", "WS3", "M4"
SECTION_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,3}"  # "5.1.2"
ROW_NUMBER = re.compile(rf"^({SECTION_NUMBER}\.?)$")  # a row's own column "5.1.2" (its section)
NUMBERED_NAME = re.compile(rf"({SECTION_NUMBER})\.?\s")  # "5.3.1 National ...": a row named with its section


def _coded_section(text: str, sections, name: str):
    """The section whose commentary opens with the row's code ('CR1 Fire co-responder hours' ->
    the section holding 'CR1 (Red): Fire co-responder availability was ...')."""
    code = ROW_CODE.match(name)
    if not code:
        return None
    opens = re.compile(re.escape(code.group(1)) + r"\b(?![.\d])")
    return next((sec for sec in sections for span in sec.spans
                 if span.kind not in {"row", "box"} and opens.match(text[span.start:span.end])), None)


def _plain(text: str) -> str:
    """Words only, lower case: 'WS1 – Coverage and network' and 'WS1 Coverage and network' agree."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def ratings(text, lines, sections, rows, boxes, tables=None) -> list[Rating]:
    ratings: list[Rating] = []
    by_number = {s.number: s for s in sections if s.number}
    seen: set[str] = set()  # a row repeated later (an appendix) is not a second rating
    row_items = [(i, r) for i, r in sorted(rows.items()) if not (r[0] in seen or seen.add(r[0]))]
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
    tables = tables or {}
    if not row_items:
        for box in boxes:
            section = section_for(sections, box.start)
            ratings.append(Rating(section.title, section.heading, box.overall, box.start, box.end,
                                  "box", box.previous, box.direction, dict(box.sub), dict(box.figures)))
    for line_no, (name, current, previous) in sorted(tables.items()):
        line = lines[line_no]
        start = line.start + len(line.raw) - len(line.raw.lstrip())
        number = NUMBERED_NAME.match(name)
        section = ((number and by_number.get(number.group(1))) or _named_section(sections, name)
                   or _coded_section(text, sections, name) or section_for(sections, start))
        ratings.append(Rating(name, section.heading, current, start, trimmed_end(line), "table",
                              previous if previous in COLOURS else None))
    tabled = {r.section: r for r in ratings}  # a section's own "Overall RAG: Amber" line repeats its row
    for section in sections:
        for span in section.spans:
            if span.kind in {"box", "row"}:
                continue
            m = INLINE_RAG.search(text[span.start:span.end]) or LABEL_RAG.match(text[span.start:span.end])
            told = None if m else PROSE_RAG.search(text[span.start:span.end])
            if section.heading in tabled:  # "has fallen from Amber to Amber/Red" still says what it was
                row = tabled[section.heading]
                if told and told.group(1) and _colour(told.group(2)) == row.overall and row.previous is None:
                    row.previous = _colour(told.group(1))
                continue
            if told and not any(r.section == section.heading for r in ratings):
                if told.group(1):  # "fallen from Amber to Red"
                    previous, current = told.group(1), told.group(2)
                else:  # "remains Amber", "Rated red", "rates it red"
                    previous, current = None, told.group(3) or told.group(4) or told.group(5)
                if previous is None:  # "Rated red this quarter, down from amber"
                    earlier = PREVIOUS_RAG.search(text[span.start:span.end][told.end():])
                    previous = earlier.group(1) if earlier else None
                ratings.append(Rating(section.title, section.heading, _colour(current), span.start, span.end,
                                      "inline", _colour(previous) if previous else None))
                break  # a section's first sentence about its rating is its rating
            if not m:
                continue
            before = text[span.start:span.start + m.start()].strip(" -–:(")  # "Mental Health (Overall RAG – Green)"
            named = span.kind != "heading" and re.search(r"[A-Za-z]{2}", before) and not re.search(r"[.;]$", before)
            if not named and any(r.section == section.heading and r.workstream == section.title for r in ratings):
                continue  # a section's own rating is its first ("RAG 2025: Green. RAG 2024: Green.")
            name = before if named else section.title  # not the sentence before it ("Theme score 68%. Rating: ...")
            earlier = PREVIOUS_RAG.search(text[span.start:span.end][m.end():])
            ratings.append(Rating(name, section.heading, RATING_WORDS.get(m.group(1).lower(), m.group(1).capitalize()),
                                  span.start, span.end, "inline", _colour(earlier.group(1)) if earlier else None))
    return ratings


KEY_VALUE = re.compile(r"^([a-z][a-z0-9]*(?:_[a-z0-9]+)*):[ \t]*(.*?)\s*$")  # "rag_pm: R": an export's field
RATING_KEY = re.compile(r"(?:^|_)(?:rag|status|rating)(?:_|$)")
PREVIOUS_KEY = re.compile(r"(?:^|_)(?:prev|previous|last|prior|was)(?:_|$)")
NAME_KEY = re.compile(r"^(?:title|name|project|workstream|programme)$")


def field_ratings(lines: Lines, sections, rated: set[str]) -> list[Rating]:
    """An export's records rated in 'key: value' fields ('rag_pm: R', 'rag_prev: A'), in sections
    with no other rating (`rated`): a field whose key says previous gives the earlier rating, the
    last filled one of the others the rating (a later field refines an earlier: a project
    manager's, then the board's); the record is named by its 'title:' field, else its heading."""
    out = []
    for section in sections:
        if section.heading in rated:
            continue
        name, current, previous, where = section.title, None, None, None
        for i in lines.within(section.start, section.end):
            if not (m := KEY_VALUE.match(lines[i].text)):
                continue
            key, value = m.groups()
            if NAME_KEY.match(key) and value:
                name = value
            elif RATING_KEY.search(key) and (colour := rating_word(value)) in COLOURS:
                if PREVIOUS_KEY.search(key):
                    previous = previous or colour
                else:
                    current, where = colour, lines[i]
        if where is not None:
            start = where.start + len(where.raw) - len(where.raw.lstrip())
            out.append(Rating(name, section.heading, current, start, trimmed_end(where), "inline", previous))
    return out


def _colour(word: str) -> str:
    return RATING_WORDS[word.lower()]


def _align(boxes: list[Box], currents: list[str]) -> dict[int, int]:
    """Match boxes to dashboard rows in order, skipping boxes whose rating disagrees."""
    matched, b = {}, 0
    for k, current in enumerate(currents):
        for j in range(b, len(boxes)):
            if boxes[j].overall == current:
                matched[k], b = j, j + 1
                break
    return matched
