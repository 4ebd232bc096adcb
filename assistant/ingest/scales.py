"""Ratings on a paper's own scale, not RAG: 'Verdict: Merge (2023 review: Keep).', 'Status:
OFF TRACK (last quarter: WATCH)', 'Outcome grade: Not delivered.', 'Readiness: TRL 7 (March 2025
pitch: TRL 4)', 'Custody healthcare contract: Next (January draft: Later)'.

Two shapes of field line, read from the text alone: a label naming a scale (status, grade,
verdict, assurance...) over a short value; and any 'Name: value (when: earlier value)' line,
whose bracket gives the same kind of value for an earlier time, which is what a rating with its
previous rating looks like whatever its scale. The value is kept as the paper writes it.
"""

from __future__ import annotations

import re

from assistant.ingest.layout import FRONT_MATTER, MARKING, Rating

SCALE_LABEL = re.compile(  # the names papers give a judgement on a scale
    r"\b(?:status|rating|rated|grade|graded|judgement|judgment|verdict|assessment|assurance|opinion|"
    r"readiness|result|outcome|confidence|compliance|level|quartile|impact|horizon|strength of evidence|"
    r"classification|severity|priority|"
    r"RAG|BRAG|score|risk)\s*$", re.IGNORECASE)
FIELD = re.compile(
    r"(?:^|(?<=[.;] ))(?P<label>[A-Z][\w&/'’ -]{1,60}?(?:, [\w&/'’ -]{1,60}?)?)\s*:\s+"  # "Verdict:", "Item 1, PAH data feed:"
    r"(?P<value>[A-Z0-9][\w/&'’ –-]{0,40}?)"  # "Merge", "Pass with observations", "Level 2 – Developing"
    r"(?:\s*\((?P<when>[^():]{1,40}):\s*(?P<previous>[A-Za-z0-9][\w/&'’ –-]{0,40}?)\)"  # "(2023 review: Keep)"
    r"|\s*\([^():]{1,40}\))?"  # or a note: "Status: ON TRACK (new workstream)"
    r"\s*(?=[.;]|$)")
MAX_WORDS = 5  # a value longer than this is a sentence, not a point on a scale
NOT_A_GRADE = re.compile(r"^[^A-Za-z]*$|^[£$€]?\d[\d,.]*\s*(?:[a-z]{0,3}|(?:minute|hour|day|week|month|year)s?)$"
                         r"|\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\b")  # a figure ("318 (2024: 284)", "9 days") or a date


def _graded(value: str | None) -> bool:
    """A point on a scale: a few words, not a figure, a date or a protective marking."""
    return value is None or (len(value.split()) <= MAX_WORDS and not NOT_A_GRADE.search(value)
                             and not MARKING.fullmatch(value.upper()))  # "Security classification: Official"


def scale_ratings(text: str, sections, rated: set[str]) -> list[Rating]:
    """Ratings on the paper's own scale in sections with no RAG rating (`rated`: their headings).
    A scale-named field rates its section ('Inherent risk: ...' and 'Residual risk: ...' both, each
    under its scale's name); a 'Name: value (when: earlier value)' line rates the entry it
    names. The cover sheet rates nothing ('Status: For decision')."""
    out: list[Rating] = []
    for k, section in enumerate(sections):
        if section.heading in rated or (k == 0 and section.heading == FRONT_MATTER):
            continue
        for span in section.spans:
            if span.kind in {"heading", "row", "box"}:
                continue
            for m in FIELD.finditer(text[span.start:span.end]):
                label, value, previous = m.group("label").strip(), m.group("value").strip(), m.group("previous")
                if not (_graded(value) and _graded(previous)):
                    continue
                if SCALE_LABEL.search(label):
                    name, scale = section.title, label
                elif previous:
                    name, scale = label, ""
                else:
                    continue
                out.append(Rating(name, section.heading, value, span.start, span.end, "field",
                                  previous.strip() if previous else None, scale=scale))
    return out
