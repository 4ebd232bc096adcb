"""Quotable spans of a section: headings, bullets, sentences and table label/value rows,
trimmed so each is a verbatim slice of the text. Hard-wrapped (PDF) text joins lines into
paragraphs; Word text keeps one paragraph per line."""

from __future__ import annotations

import re

from assistant.ingest.layout import Line, Lines, Span

BULLET = re.compile(r"^\s*(?:[·•▪●◦-]|o(?=\s+[A-Z])|\(?[ivx]{1,4}[.)]|\(?[a-h][.)]|\d{1,2}[.)])\s+")  # "o ": Word's second level
SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"')\]]*\s+(?=[A-Z0-9“‘\"(£*])")
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "St.", "Dr.", "No.", "Mr.", "Mrs.", "Ms.", "c.", "approx.")


PARAGRAPH_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\s+[A-Z]")  # "3.2 The unit has done well"
PARAGRAPH_START = re.compile(r"\d{1,2}\.\s+[A-Z]")  # "4. That the Commissioner ...": one number, then a dot


def section_spans(text, lines: Lines, section, wrapped, skip, headings) -> list[Span]:
    """Quotable spans of a section: its heading, bullets and sentences, boxes/tables excluded."""
    heading_starts = {h[1] for h in headings}
    heading_lines = {h[0] for h in headings if not h[5]}  # a heading in place: its whole line ("## 4. Custody")
    short = 0.7 * lines.median_length if wrapped else 0
    spans: list[Span] = []
    block: list[Line] = []

    def flush():
        if block:
            spans.extend(_sentences(text, block[0].start, block[-1].end))
            block.clear()

    for i in lines.within(section.start, section.end):
        ln = lines[i]
        if i in skip or not ln.text:
            if i in skip or not wrapped:
                flush()
            continue
        start = max(ln.start, section.start)
        lead = start + len(text[start:ln.end]) - len(text[start:ln.end].lstrip())
        if lead in heading_starts or start in heading_starts or i in heading_lines:
            flush()
            spans.append(Span(lead, ln.end - (len(ln.raw) - len(ln.raw.rstrip())), "heading"))
            continue
        row = "\t" in ln.text  # a table row is quoted on its own, never run into the next
        if BULLET.match(ln.raw) or not wrapped or PARAGRAPH_NUMBER.match(ln.text) or row:
            flush()  # a list item, a line of unwrapped text, or a numbered paragraph starts anew
        if _label_value(lines, i) and not wrapped:
            continue  # merged into the next line's row span below
        if not wrapped and i > 0 and _label_value(lines, i - 1):
            prev = lines[i - 1]
            spans.append(Span(prev.start + len(prev.raw) - len(prev.raw.lstrip()),
                              ln.start + len(ln.raw.rstrip()), "row"))
            continue
        block.append(ln)
        if row:
            flush()
        elif wrapped and len(BULLET.sub("", ln.raw).strip()) < short and not re.search(r"([,;–-]|\b(and|or|of|the|to))$", ln.text):
            flush()  # a short wrapped line ends its paragraph or list item
    flush()
    return [s for s in spans if section.start <= s.start < section.end]


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
    spans: list[Span] = []
    lead = None  # a fragment too short to quote alone opens the next sentence ("RAG: Green. Reason: ...")
    # (a paragraph of one or two words alone, "Key Findings", "OFFICIAL", stays out: a label, not a quote; a field
    # alone, "Alignment: Green.", is a quote)
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = chunk[a:b]
        s = start + a + len(piece) - len(piece.lstrip())
        e = start + a + len(piece.rstrip())
        if e <= s:
            continue
        if spans and _field(text[s:e]) and "\n" not in text[spans[-1].end:s]:
            spans[-1] = Span(spans[-1].start, e, spans[-1].kind)  # "... contract. Owner: Farid Qureshi."
        elif len(re.findall(r"\w+", text[s:e])) >= 3:
            spans.append(Span(s if lead is None else lead, e, first_kind if not spans else kind))
            lead = None
        elif lead is None:
            lead = s
        if lead is not None and b == len(chunk) and spans:  # nothing follows: it ends the sentence before
            spans[-1] = Span(spans[-1].start, e, spans[-1].kind)
        elif lead is not None and b == len(chunk) and _field(text[lead:e]):  # a field alone, "Alignment: Green."
            spans.append(Span(lead, e, first_kind))
    return spans


FIELD = re.compile(r"^(?:[A-Z][a-z]+ ){0,2}[A-Za-z]+:\s+\S")
FIELD_CHARS = 60


def _field(piece: str) -> bool:
    """A short 'Owner: ...'/'Due: ...' field after a sentence on its line: it belongs to that
    sentence (the risk or action it is the owner or date of), so one quote holds both."""
    return len(piece) <= FIELD_CHARS and bool(FIELD.match(piece))
