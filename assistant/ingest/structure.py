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
from dataclasses import dataclass

from assistant.ingest.layout import (
    FRONT_MATTER,
    MARKDOWN_HEADING,
    MARKING,
    Line,
    Rating,
    Section,
    Span,
    section_for,
    split_lines,
    trimmed_end,
)
from assistant.ingest.rag_tables import (
    INLINE_RAG,
    box_token,
    boxes,
    columns,
    dashboard,
    field_ratings,
    ratings,
    status_tables,
)
from assistant.ingest.scales import scale_ratings
from assistant.ingest.sentences import BULLET, PARAGRAPH_START, section_spans

__all__ = ["Rating", "Section", "Span", "Structure", "parse"]

NUMBERED = re.compile(r"^(\d{1,2}\.(?:\d{1,2}(?:\.\d{1,2}){0,2})?|\d{1,2}\)|\(\d{1,2}[a-z]?\)|\[[A-Z]{0,4}\d{1,2}\]"
                      r"|§\s?\d{1,2}(?:\.\d{1,2}){0,3}|#\d{1,2}|\{\d{1,2}\})"
                      r"[ \t]+([A-Z0-9].*?)\s*$")  # "5.3.2 X", "2) X", "(5a) X", "[3] X", "[WS3] X", "§4.1 X", "#5 X",
# "{1} X"
LABEL_VALUE = re.compile(r"^[A-Z][\w ()/-]{0,40}(?::|\s=)\s+\S")  # "Author: Niamh Castellan", "Raised on = 6
# January 2026": a field, not a heading
DATE_LINE = re.compile(r"^(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|"
                       r"August|September|October|November|December),?\s+\d{4}$"
                       r"|^\d{1,2}([./-])\d{1,2}\1(?:19|20)?\d\d$", re.I)  # "12 March 2024", "16.10.2025": a date
NAMED_PART = re.compile(r"^[A-Z][\w ]{0,30}?\s(?:[A-Z]|\d{1,2}|[IVX]{1,4}|\([a-z]\)|One|Two|Three|Four|Five|Six|"
                        r"Seven|Eight|Nine|Ten)\s*:\s+\S")  # "Workstream A: ", "Part Two: ", "Item 4: "
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "e.g.", "&", "-", "–", "/",
               "with", "at", "by", "through", "from"}


@dataclass
class Structure:
    sections: list[Section]
    ratings: list[Rating]
    current_year: str | None = None  # dashboard column years, e.g. "2022"
    previous_year: str | None = None


def parse(text: str, marked: tuple[int, ...] = ()) -> Structure:
    """Sections, spans and ratings of one report's extracted text. `marked`: line numbers the
    file itself marks as headings (Word heading styles, Markdown '#'); other headings are
    recognised by their shape."""
    lines = split_lines(text)
    wrapped = _is_hard_wrapped(lines)
    rows, table_lines, years = dashboard(lines)
    status, status_lines = status_tables(lines)
    status = {k: v for k, v in status.items() if k not in rows}
    found_boxes, box_lines, displaced = boxes(lines)
    underlines, shown = _marked_in_text(lines, wrapped)
    skip = table_lines | box_lines | status_lines | underlines
    headings = _headings(lines, wrapped, skip, displaced, set(marked) | shown)
    sections = _sections(text, headings)
    for section in sections:
        section.spans = section_spans(text, lines, section, wrapped, skip, headings)
    for line_no in [*rows, *status]:
        line = lines[line_no]
        start = line.start + len(line.raw) - len(line.raw.lstrip())
        section_for(sections, start).spans.append(Span(start, trimmed_end(line), "row"))
    for box in found_boxes:
        section_for(sections, box.start).spans.append(Span(box.start, box.end, "box"))
    for section in sections:
        section.spans.sort(key=lambda s: s.start)
    rag = ratings(text, lines, sections, rows, found_boxes, status)
    rag += field_ratings(lines, sections, {r.section for r in rag})
    return Structure(sections, rag + scale_ratings(text, sections, {r.section for r in rag}), *years)


UNDERLINE = re.compile(r"^(={3,}|-{3,})$")
BRACKETED = re.compile(r"^\[[A-Z][^\[\]:]{1,80}\]$")  # "[Purpose]", not a note ("[Words used: 141 of 150]")
FRAMED = re.compile(r"^([*=#~+_-]{2,}|~(?=\s))\s*((?=[^*=#~+_\s-])(?=.*[A-Za-z]).{1,80}?)\s*\1$")  # "*** RECORD 3 OF
# 6 ***", "== Risks ==", "~ Casualties ~": a title between two runs of the same mark, as an export sets them off (not
# a page's "-- 4 --")
GLYPHS = "■□▪▫►▶▸▹◆◇●○•◼◾➤➢❖✦★»›‣¶"  # "■ Summary": a symbol a paper may set before each heading
MARK = re.compile(rf"^(\[[\d:.]{{4,12}}\]|(?:[A-Z][A-Za-z]{{1,11}} )?\d{{1,2}} ?[·|›»]|[{GLYPHS}]|//)\s+")  # a line set off by a leading mark: a
# symbol ("✦ Watch levels"), a number (a label's too) with a dot, bar or guillemet ("2 · Background", "5 › Capacity",
# "ROW 3 · Call-out"), a time stamp ("[00:09:15] Crime scene"), a comment's slashes ("// At a glance")
EMPHASISED = re.compile(r"^(\*\*|__)([^*_\s](?:[^*_]{0,98}[^*_.\s])?)\1:?$")  # "**Summary**": a line wholly in
# Markdown bold is a heading (as a wholly bold Word paragraph is), unless it is a sentence
QUESTION = re.compile(r"^Q(\d{1,2})?\b[.:)]?\s*\S")  # "Q1 (Councillor Quayle): What is proposed?", "Q4. Cost",
# "Q: What did it cost?"


def _marked_in_text(lines: list[Line], wrapped: bool) -> tuple[set[int], set[int]]:
    """Headings a plain-text paper marks itself: a line underlined with === or --- (the
    underline is not text), a line in [brackets], between runs of one mark ('*** Notes ***'),
    in bold or after Markdown's '#', numbered
    questions in sequence ('Q1 ...?' ...
    'Q2 ...?'), each followed by prose; a log's month lines, titles after a repeated mark and
    lower-case titles. Returns (underlines, heading lines)."""
    underlines, shown, asked, unnumbered = set(), set(), {}, []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if ln.text and UNDERLINE.match(nxt) and len(ln.text) <= 100 and not UNDERLINE.match(ln.text):
            underlines.add(i + 1)
            shown.add(i)
        elif BRACKETED.match(ln.text) or EMPHASISED.match(ln.text) or (
                (m := FRAMED.match(ln.text)) and _marked_title(m.group(2))) or (
                MARKDOWN_HEADING.match(ln.text) and _marked_title(ln.text.lstrip("#").strip())):  # "## 5. Timetable"
            # left in a PDF or Word paper's text, as in a Markdown file
            shown.add(i)
        elif (m := QUESTION.match(ln.text)) and len(ln.text) <= 200 and not ln.text.endswith("."):
            if m.group(1):
                asked[i] = int(m.group(1))
            elif ln.text.endswith("?"):
                unnumbered.append(i)
    numbers = set(asked.values())
    shown |= {i for i, n in asked.items() if {n - 1, n + 1} & numbers}
    shown |= set(unnumbered) if len(unnumbered) >= 2 else set()  # "Q: ...?" lines, two or more
    return underlines, shown | _month_headings(lines) | _marker_headings(lines) | _lower_case_headings(lines, wrapped)


def _marker_headings(lines: list[Line]) -> set[int]:
    """Lines a mark sets apart ('■ Summary', '2 · Background', '[00:09:15] Crime scene
    accreditation'): two or more short titles after marks of one shape (digits aside), each
    alone (no line next to it has that shape: not an item of a list) and over prose, and at
    least half the lines with that mark."""
    by_shape: dict[str, list[tuple[int, str]]] = {}
    for i, ln in enumerate(lines):
        if m := MARK.match(ln.text):
            by_shape.setdefault(_shape(ln.text), []).append((i, ln.text[m.end():]))
    out = set()
    for shape, found in by_shape.items():
        titles = [i for i, title in found if _marked_title(title) and _alone(lines, i, shape)]
        if len(titles) >= max(2, len(found) / 2):  # a mark that mostly sets off items is a bullet
            out.update(titles)
    return out


def _unmarked(text: str) -> str:
    """A heading without its mark, so the title reads as words: '2 · Background' is numbered
    '2. Background'; '[00:09:15] Crime scene' and '// Money' are 'Crime scene' and 'Money' (glyphs
    are stripped later)."""
    m = MARK.match(text)
    if not m or not (m.group(1)[0].isdigit() or m.group(1).startswith(("[", "//"))):
        return text
    return f"{m.group(1).rstrip(' ·|›»')}. {text[m.end():]}" if m.group(1)[0].isdigit() else text[m.end():]


def _marked_title(title: str) -> bool:
    """A title, not a sentence: a capital or a digit first, 14 words at most, no sentence end."""
    return (title[:1].isupper() or title[:1].isdigit()) and len(title.split()) <= 14 and "\t" not in title \
        and not re.search(r"[.;]$|[a-z)]\.\s+[A-Z0-9]", title)


def _shape(text: str) -> str | None:
    """The shape of the line's leading mark, digits as 0 ('[00:00:00]', '0 ·', '✦'); None: unmarked."""
    m = MARK.match(text)
    return re.sub(r"\d", "0", m.group(1).replace(" ", "")) if m else None


def _alone(lines: list[Line], i: int, shape: str) -> bool:
    """Line i is over prose, and neither it nor the line before it continues a list of items
    marked `shape`."""
    j, before = _next_content(lines, i), lines.previous_content(i)
    return (j is not None and len(lines[j].text) >= 20 and not lines[j].text[:1].islower()
            and _shape(lines[j].text) != shape and (before is None or _shape(lines[before].text) != shape))


LOWER_TITLE = re.compile(r"^[a-z][a-z0-9'’&/ -]{1,60}$")  # "the joint workshop"


def _lower_case_headings(lines: list[Line], wrapped: bool) -> set[int]:
    """Headings a paper sets in lower case ('summary', 'the fleet'): two or more short lines in
    lower case without punctuation, each a paragraph of its own (or, in hard-wrapped text,
    after a finished sentence) over a paragraph of prose."""
    found = []
    for i, ln in enumerate(lines):
        own_paragraph = 0 < i < len(lines) - 1 and not lines[i - 1].text and not lines[i + 1].text
        if LOWER_TITLE.match(ln.text) and len(ln.text.split()) <= 6 and (own_paragraph or (
                wrapped and _after_sentence(lines, i, lines.wrap_limit))):
            j = _next_content(lines, i)
            if j is not None and len(lines[j].text) >= 60 and lines[j].text[:1].isupper():
                found.append(i)
    return set(found) if len(found) >= 2 else set()


MONTH_YEAR = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|"
                        r"December),?\s+(\d{4})$", re.I)
MONTHS = [m.lower() for m in MONTH_YEAR.pattern[2:].split(")")[0].split("|")]


def _month_headings(lines: list[Line]) -> set[int]:
    """A log's month lines ('April 2026', 'May 2026'...) head its entries: two or more lone
    month lines below the cover, in date order, each followed by prose. A lone date is
    otherwise a cover field, never a heading."""
    found = []
    for i, ln in enumerate(lines):
        m = MONTH_YEAR.match(ln.text)
        j = _next_content(lines, i)
        if m and i > 2 and j is not None and not MONTH_YEAR.match(lines[j].text):
            found.append((i, int(m.group(2)) * 12 + MONTHS.index(m.group(1).lower())))
    keys = [k for _, k in found]
    in_order = keys == sorted(keys) or keys == sorted(keys, reverse=True)
    return {i for i, _ in found} if len(found) >= 2 and in_order and len(set(keys)) == len(keys) else set()


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """PDF exports wrap paragraphs at ~90 characters; Word exports keep one per line. Many lines
    end unfinished in both when a paper has rows, fields or milestone lines, so a wrapped text
    must also carry on a sentence onto the next line ('...chaired by ACC Whitfield, to agree the'
    / 'terms of reference')."""
    body = [i for i, ln in enumerate(lines) if len(ln.text) > 30]
    if not body:
        return False
    unfinished = [i for i in body if 40 <= len(" ".join(lines[i].text.split())) <= 110  # justified lines
                  and lines[i].text[-1] not in ".:;!?)"]  # come out with doubled spaces
    carried = [i for i in unfinished if i + 1 < len(lines) and lines[i + 1].text[:1].islower()]
    return len(unfinished) / len(body) > 0.35 and len(carried) / len(body) > 0.08


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z0-9][\w’'/&.-]*", text) if w.lower() not in SMALL_WORDS]
    if not words:
        return False
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) / len(words) >= 0.6


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else ord(p) - 96 for p in re.findall(r"\d+|(?<=\d)[a-z]", number))
    # "5.3.2" -> (5, 3, 2); "[WS2]" -> (2,); "(5a)" -> (5, 1)


def _headings(lines, wrapped, skip, displaced, marked=frozenset()) -> list[tuple[int, int, str, str, str, bool]]:
    """(line_no, start, number, title, heading, displaced) for every heading, in order."""
    found = []
    continued: set[int] = set()  # lines that finish a wrapped numbered heading
    last_key: tuple[int, ...] = ()
    for i, ln in enumerate(lines):
        if i in skip and i not in displaced:
            continue
        start = displaced.get(i, ln.start)
        raw = ln.raw[start - ln.start:]
        if i in marked:  # the file says so: "## 4. Custody", a Word "Heading 2" paragraph, "[Purpose]"
            raw = raw.strip()[1:-1] if BRACKETED.match(raw.strip()) else raw
            raw = m.group(2) if (m := FRAMED.match(raw.strip())) else raw
            raw = m.group(2) if (m := EMPHASISED.match(raw.strip())) else _unmarked(raw.strip())
            lead = len(raw) - len(raw.lstrip("# \t" + GLYPHS))
            m = NUMBERED.match(raw[lead:].strip())
            number, title = (m.group(1).strip(".()[]{}§# "), m.group(2).strip()) if m else ("", raw[lead:].strip())
            found.append((i, start, number, title, f"{number} {title}".strip(), i in displaced))
            if m:
                last_key = _number_key(m.group(1))
            continue
        m = NUMBERED.match(raw.strip())
        j = _next_content(lines, i)
        lower_next = j is None or lines[j].text[:1].islower()
        section_sign = bool(m) and m.group(1).startswith("§")
        carries_on = lower_next or (wrapped and not section_sign)
        full_line = bool(m) and wrapped and len(ln.text) >= 0.9 * lines.wrap_limit and len(m.group(2).split()) >= 12
        if m and not full_line and _numbered_heading(m.group(2), carries_on, section_sign):  # not a wrapped
            # paragraph's first line ("13. The Home Office grant of £1,200,000 was awarded from the ... on 22")
            key = _number_key(m.group(1))
            if key > last_key:
                title = m.group(2).strip()
                if title.count("(") > title.count(")"):  # title wrapped onto the next line
                    k = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k].text), None)
                    if k is not None:
                        title = f"{title} {lines[k].text}"
                        continued.add(k)
                number = m.group(1).strip(".()[]{}§# ")
                found.append((i, start + len(raw) - len(raw.lstrip()), number, title,
                              f"{number} {title}", i in displaced))
                last_key = key
                continue
    for i in [*_lettered(lines, skip, {h[0] for h in found} | set(marked)),
              *_labelled(lines, skip, {h[0] for h in found} | set(marked), wrapped)]:
        ln = lines[i]
        found.append((i, ln.start + len(ln.raw) - len(ln.raw.lstrip()), "", ln.text, ln.text, False))
    numbered_lines = {h[0] for h in found} | continued | set(marked)
    accepted: set[int] = set()
    for i in range(len(lines) - 1, -1, -1):  # bottom-up: a group heading needs the next decided
        if i in skip or i in numbered_lines or not _heading_shape(lines[i]):
            continue
        if _accept_unnumbered(lines, i, wrapped, skip, accepted | numbered_lines):
            accepted.add(i)
    for i in accepted:
        ln = lines[i]
        title = INLINE_RAG.split(ln.text)[0].strip(" -–") if INLINE_RAG.search(ln.text) else ln.text
        title = MARKS.sub("", title.rstrip(":").strip())
        found.append((i, ln.start + len(ln.raw) - len(ln.raw.lstrip()), "", title, title, False))
    return sorted(found)


LETTERED = re.compile(r"^([A-Z]|[IVX]{1,4}|[ivx]{1,4})[.)][ \t]+([A-Z0-9].*?)\s*$")  # "B. How risks are scored",
# "IV. Activity", "ii) The partnership in 2025"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
         "XI": 11, "XII": 12}


def _lettered(lines, skip, taken) -> list[int]:
    """Lines headed 'A. ', 'B. '..., 'I. ', 'II. '... or 'i) ', 'ii) '... with a heading's shape,
    in a sequence: each has the label before or after it in the same scheme, so a lone 'A. '
    list item is not a heading. 'I' and 'V' may be letters or numerals; either sequence counts.
    A lower-case numeral reads as a list item unless prose, not another item, follows it."""
    found: dict[int, list[tuple[str, int]]] = {}
    for i, ln in enumerate(lines):
        m = LETTERED.match(ln.text)
        label = m.group(1) if m else ""
        lower = label.islower()  # "v) Where the Series 3 ideas ended up": a title in any case, as after "§"
        if not m or i in skip or i in taken or not _numbered_heading(m.group(2), section_sign=lower):
            continue
        j = _next_content(lines, i)
        if (lower or _heading_shape(ln)) and j is not None and not LETTERED.match(lines[j].text) \
                and not (lower and BULLET.match(lines[j].raw)):  # items of a list run on
            found[i] = ([("letter", ord(label))] if len(label) == 1 and not lower else []) + \
                ([("lower numeral" if lower else "numeral", ROMAN[label.upper()])] if label.upper() in ROMAN else [])
    return _in_sequence(found)


def _in_sequence(found: dict[int, list[tuple[str, int]]]) -> list[int]:
    """The lines of `found` (line -> its (scheme, position) readings) with a neighbour: the
    position before or after it in the same scheme is another line's reading."""
    seen = {key for keys in found.values() for key in keys}
    return [i for i, keys in found.items() if any({(s, n - 1), (s, n + 1)} & seen for s, n in keys)]


NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
LABELLED = re.compile(rf"^([A-Z][a-z]{{1,15}}) (\d{{1,2}}|(?i:{'|'.join(NUMBER_WORDS)}))\s*[–—:-]\s+"
                      r"([A-Z0-9].{0,100}?)\s*$")  # "Slide 4 – Disruptions", "Theme three: Workload"


def _labelled(lines, skip, taken, wrapped: bool) -> list[int]:
    """Lines 'Slide 1 – About this pack', 'Tab 2 – The session'...: a word and a number, then a
    title, in a sequence (the same word with the number before or after it), over content that
    is not the next item of a list."""
    found: dict[int, list[tuple[str, int]]] = {}
    for i, ln in enumerate(lines):
        m = LABELLED.match(ln.text)
        j = _next_content(lines, i)
        if not m or j is None or i in skip or i in taken or LABELLED.match(lines[j].text):
            continue
        carries_on = wrapped or lines[j].text[:1].islower()
        short = len(m.group(3).split()) <= 8  # any case, when short
        if _numbered_heading(m.group(3), carries_on, short) and _heading_shape(ln):
            n = m.group(2).lower()
            found[i] = [(m.group(1), int(n) if n.isdigit() else NUMBER_WORDS.index(n) + 1)]
    return _in_sequence(found)


CONTINUES = re.compile(r"(,|\b(and|or|of|the|to|for|with|in|on|a|an|by|from|that|which))$", re.I)


def _numbered_heading(title: str, carries_on: bool = True, section_sign: bool = False) -> bool:
    """'5.3.2 DPP - National ANPR Service (NAS)' is a heading; '8.2 Of the 2,864 deployments,
    684 were ...' is a numbered paragraph, and a line ending '... and' may go on (`carries_on`:
    the text is wrapped, or the next line starts in lower case). A '§' number marks a section
    whatever the title's case, so '§1 What this paper is for' over a new paragraph is whole."""
    return (len(title) <= 120 and not title.endswith((".", ",")) and not (carries_on and CONTINUES.search(title))
            and not INLINE_RAG.match(title)  # "3.1 Current status: Green (previous: Green)" is a field
            and "\t" not in title and not re.search(r"[a-z)]\.\s+\S", title)  # no sentence inside
            and (section_sign or _title_case(title) or (len(_unbracketed(title).split()) <= 6 and not title.endswith(":"))))


def _unbracketed(title: str) -> str:
    """A title without its parenthesised gloss: '3.3 Deployments (officer shifts per day, both
    forces)' is one word long, as a heading's length goes."""
    return re.sub(r"\([^()]*\)", " ", title)


MARKS = re.compile(r"^(?:#{1,4}|([>*=~])\1{1,3})\s+(?=\S)|\s+(?:#{1,4}|([*=~])\2{1,3})$")  # "# Purpose", ">> CR-11:
# Email", "== Summary ==": marks that set a heading off


def _heading_shape(ln: Line) -> bool:
    text = MARKS.sub("", ln.text)
    if ("\t" in ln.raw.strip() or ln.raw.startswith("\t") or len(columns(ln.raw)) > 1 or text.count("; ") >= 2
            or not (3 <= len(text) <= 160) or BULLET.match(ln.raw)):  # cells: "Colchester; 5; 3; £290,000; Red"
        return False
    if not (text[0].isupper() or text[0].isdigit()) or text.lower().startswith("note"):
        return False
    if INLINE_RAG.search(text):  # "Mental Health (Overall RAG – Green)"; a bare rating line isn't
        before = INLINE_RAG.split(text)[0].strip(" -–:(")  # not "3.1 Current status: Green", nor a
        return bool(re.search(r"[A-Za-z]{2}", before)) and not before.endswith((".", ";"))  # sentence before it
    return (len(text) <= 100 and text[-1] not in ".,;" and box_token(text) is None and not DATE_LINE.match(text)
            and not MARKING.fullmatch(text))


def _next_content(lines, i, limit=6):
    for j in range(i + 1, min(len(lines), i + 1 + limit)):
        if lines[j].text:
            return j
    return None


def _accept_unnumbered(lines, i, wrapped, skip, accepted) -> bool:
    text = lines[i].text
    if LABEL_VALUE.match(text):  # a field ("Judgement: Good"), unless its label names a part
        # ("Workstream A: Building", "Part Two: Funding") and prose or another heading follows
        j = _next_content(lines, i)
        if not NAMED_PART.match(text) or j is None or not (j in accepted or (len(lines[j].text) >= 60 and (
                lines[j].text[-1] in ".:" or (wrapped and lines[j].text[:1].isupper())))):
            return False
    if INLINE_RAG.search(text):  # "Eastern region firearms hub — GREEN (Q3: AMBER)": in wrapped text, a
        # title or a short line of its own after a finished sentence (not a wrapped line of prose)
        return not wrapped or _title_case(text.split("(")[0]) or (
            len(text) < 0.8 * lines.wrap_limit and _after_sentence(lines, i, lines.wrap_limit))
    if _entry_title(lines, i, wrapped):
        return True
    j = _next_content(lines, i)
    if j is None:
        return False
    nxt = lines[j]
    strong = nxt.text.lower() == "overall rag" or nxt.text.lower().startswith(
        ("note: rag", "note rag")) or (BULLET.match(nxt.raw) and INLINE_RAG.search(nxt.text))
    if not wrapped:
        if strong:
            return True
        prev = lines[i - 1].text if i else ""  # a heading is not one line of a list of names or fields
        alone = not prev or prev[-1] in ".:!?" or len(prev) > 100 or i - 1 in accepted
        if text.endswith(":") and len(text.split()) > 6:
            return False  # a sentence leading into a list ("The team has agreed five commitments:")
        # over a sentence leading into items ("The Board is asked to:" / "1. note ..."); not a label ("Strengths:")
        lead_in = nxt.text.endswith(":") and len(nxt.text.split()) >= 3 and _items_follow(lines, j)
        return (_title_case(text) or (len(text.split()) <= 12 and alone and (lead_in or (
            len(nxt.text) >= 100 and nxt.text[-1] in ".:" and not BULLET.match(nxt.raw))))) and (
            len(nxt.text) >= 200 or (j in accepted and not NUMBERED.match(nxt.text) and alone)
            or (len(nxt.text) >= 60 and nxt.text[-1] in ".:" and not (_title_case(nxt.text) and ". " not in nxt.text))
            or lead_in  # over a sentence, or over fields run as sentences ("Priority: High. Confidence: high.")
            or (alone and nxt.text[-1] == "." and _next_content(lines, j) in accepted)  # over one short
            # paragraph and the next heading ("Audit KE-24/09 – Joint Vetting" / "Issued 2 December 2024.")
            or (i > 0 and not prev and not text.isupper() and len(text.split()) <= 4 and _list_follows(lines, j)))
    # Hard-wrapped (PDF) text: a wrapped line can look like a title, so a heading must also
    # stand alone: short, after a finished sentence, before a box or a new paragraph.
    limit = lines.wrap_limit
    if len(text) > limit or not _after_sentence(lines, i, limit) or _in_short_run(lines, i, skip):
        return False
    if not _title_case(text):  # a box under it and a new sentence after the box, or a short line
        # over a paragraph's first full line ('Finding 2 – High priority – Supplier bank details')
        return (nxt.text.lower() == "overall rag" and _new_sentence_after(lines, j, skip)) or (
            len(text.split()) <= 12 and len(text) <= limit and text[-1] != ":" and nxt.text[:1].isupper()
            and len(nxt.text) >= 0.8 * limit and not BULLET.match(nxt.raw))
    return strong or ((nxt.text[:1].isupper() or PARAGRAPH_START.match(nxt.text) is not None) and len(nxt.text) >= 40)


def _in_short_run(lines, i: int, skip) -> bool:
    """Line i is one of four or more unfinished lines in a row, each short or in title case and
    none a field: a list of names or a chart's rows ('Councillor Dev Raghunathan – Braintree
    District Council' among the others present), not a heading. The run's first line after a
    finished sentence may still head the list ('Present', 'Appendix B – Glossary'); a RAG box's
    lines (`skip`) end a run."""
    def member(n: int) -> bool:
        text = lines[n].text
        return bool(text) and n not in skip and text[-1] not in ".:!?" and not LABEL_VALUE.match(text) \
            and len(columns(lines[n].raw)) == 1 and (  # a table's rows are not headings anyway
                len(text) < 0.8 * lines.wrap_limit or (_title_case(text) and len(text) <= lines.wrap_limit))
    if not member(i):
        return False
    first = last = i
    while first > 0 and member(first - 1):
        first -= 1
    while last + 1 < len(lines) and member(last + 1):
        last += 1
    before = lines.previous_content(first)
    heads = i == first and (before is None or lines[before].text[-1] in ".!?" or len(columns(lines[before].raw)) > 1)
    return last - first >= 3 and not heads


def _entry_title(lines, i: int, wrapped: bool = False) -> bool:
    """A short line over fields names an entry of a register ('KE-R02 – Digital forensics
    capacity' over 'Owner: ...', 'Risk: ...'; 'WS1 – Coverage' over 'This month: Amber.'),
    except on the cover."""
    text = lines[i].text
    if len(text.split()) > 12 or text[-1] in ".:;," or LABEL_VALUE.match(text) \
            or sum(1 for ln in lines[:i] if ln.text) < 3:
        return False
    k = lines.previous_content(i)
    if wrapped and k is not None and len(lines[k].text) > 0.7 * lines.wrap_limit and lines[k].text[-1] not in ".:!?)":
        return False  # the rest of a wrapped line above ('... the Chief' / 'Constable of Essex Police')
    j = _next_content(lines, i)
    return j is not None and LABEL_VALUE.match(lines[j].text) is not None


ITEM = re.compile(r"^[A-Z][a-z]{1,15} \d{1,2}[.):]\s")  # "Commitment 1: fix ..." ("1. note ..." is a BULLET)


def _items_follow(lines, j: int) -> bool:
    """The next content after line j is a bullet, a numbered item or a labelled one."""
    k = _next_content(lines, j)
    return k is not None and bool(BULLET.match(lines[k].raw) or ITEM.match(lines[k].text))


def _list_follows(lines, j: int) -> bool:
    """Lines j, j+1 and j+2 run on without a blank line: a list under a label ('Apologies')."""
    return j + 2 < len(lines) and all(lines[k].text for k in (j, j + 1, j + 2))


def _new_sentence_after(lines, j, skip) -> bool:
    """The text after the box at line j starts a sentence (not the rest of a cut one)."""
    k = j + 1
    while k < len(lines) and (k in skip or not lines[k].text):
        k += 1
    return k < len(lines) and lines[k].text[:1].isupper()


def _after_sentence(lines, i, limit: float) -> bool:
    """The previous content line ends a sentence, list item or table, or is a heading itself."""
    k = lines.previous_content(i)
    if k is None:
        return True
    prev = lines[k].text
    short = len(prev) < 0.8 * limit  # a line that ends before the wrap width ends its item
    return (prev[-1] in ".:!?)" or box_token(prev) is not None
            or (short and (BULLET.match(lines[k].raw) or LABEL_VALUE.match(prev)))  # a list item, a field
            or len(columns(lines[k].raw)) > 1  # a table row
            or (_title_case(prev) and len(prev) <= limit and not BULLET.match(lines[k].raw)))


def _sections(text: str, headings) -> list[Section]:
    sections: list[Section] = []
    if not headings or headings[0][1] > 0:
        first = headings[0][1] if headings else len(text)
        sections.append(Section(FRONT_MATTER, "", FRONT_MATTER, 0, first))
    numbered: list[Section] = []
    for k, (_line_no, start, number, title, heading, displaced) in enumerate(headings):
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
