"""What a report sentence says that a briefing wants: a reason for a rating, a figure, a date ahead.

Plain text in, scores and dates out; the briefing sections (assistant/brief/sections.py) pick
sentences with these. Dates are read as the reports write them ("early 2023", "31st March",
"financial year 2022/23") and compared with the date the report speaks from.
"""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"], 1)}
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
PARTS = {"early": 2, "spring": 4, "mid": 6, "summer": 7, "autumn": 10, "late": 11, "end of": 12,
         "the end of": 12, "winter": 12}
DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})\b"
    rf"(?:\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<month2>{MONTH})\s+(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<part>early|mid|late|the end of|end of|spring|summer|autumn|winter)[\s-]*"
    rf"(?P<year3>(?:19|20)\d\d)"
    rf"|financial year (?P<fy>(?:19|20)\d\d)/\d\d"
    rf"|(?:in|by|during|until) (?P<year4>(?:19|20)\d\d)\b)", re.IGNORECASE)
FUTURE = re.compile(r"\b(will|due|plann\w*|schedul\w*|expected|anticipated|projected|to be|"
                    r"going forward|next|closes|commenc\w*|starts?|begins?|aims?|looking at|"
                    r"available|should)\b", re.IGNORECASE)
REASON = [(3, re.compile(r"\b(because|(?<!\bis )(?<!\bare )(?<!\bbe )due to|as a result|"
                         r"owing to|falls? short|remains? at|rag rating of|graded (?:amber|red))\b",
                         re.IGNORECASE)),
          (2, re.compile(r"\b(amber|red)\b", re.IGNORECASE)),
          (1, re.compile(r"\b(delay\w*|not yet|yet to|on hold|issues?|risks?|lower than expected|"
                         r"not been as successful|awaiting|hinder\w*|pressures?|challeng\w*|"
                         r"slipp\w*|unfortunately)\b", re.IGNORECASE))]
MONEY = re.compile(r"£\s?\d|\d\s?%|\bper cent\b", re.IGNORECASE)
COUNT = re.compile(r"(?<![\w./£-])(\d[\d,]*)(?![\w/.-]*\d)(?![\w-])")  # not 7F, 7-Force, 18/19
COMPARED = re.compile(r"\b(increase|decrease|out of|of the|last report|more|fewer|under|over|"
                      r"at least|circa|approximately|up to)\b", re.IGNORECASE)
NOT_COUNTS = re.compile(rf"\b(?:19|20)\d\d(?:/\d\d)?\b|\b\d\d/\d\d\b|\b{MONTH}\s+\d\d\b"
                        r"|\b(?:section|phase|series|item|paragraph|priority)\s+\d+", re.IGNORECASE)


def reason_score(text: str) -> int:
    """How strongly a sentence gives a reason for a rating (0: not at all)."""
    return sum(weight for weight, rx in REASON if rx.search(text))


def figure_score(text: str) -> int:
    """2 for money or a percentage, 1 for a count worth quoting (10+, or compared), else 0."""
    text = NOT_COUNTS.sub(" ", DATE.sub(" ", text))
    if MONEY.search(text):
        return 2
    counts = [int(m.group(1).replace(",", "")) for m in COUNT.finditer(text)]
    return int(any(n >= 10 for n in counts) or bool(counts and COMPARED.search(text)))


def when(match: re.Match, report_year: int) -> tuple[int, int | None, int | None]:
    """(year, month, day) of a DATE match; a missing year is the report's year."""
    g = match.groupdict()
    if g["month"]:
        return int(g["year"] or report_year), MONTHS[g["month"][:3].lower()], int(g["day"])
    if g["month2"]:
        return int(g["year2"]), MONTHS[g["month2"][:3].lower()], None
    if g["part"]:
        return int(g["year3"]), PARTS[g["part"].lower()], None
    if g["fy"]:
        return int(g["fy"]), 4, None
    return int(g["year4"]), None, None


def as_said(match: re.Match, report_year: int) -> str:
    """The date as the text gives it, with the report's year added when the text omits it."""
    said = re.sub(r"\s+", " ", match.group(0)).strip()
    return said if re.search(r"\d{4}", said) else f"{said} {report_year}"


def report_date(doc: dict) -> tuple[int, int, int | None]:
    """The date a report speaks from: its written date when known, else its edition date."""
    raw = str(doc.get("meta", {}).get("written") or doc.get("date", ""))
    parts = [int(p) for p in re.findall(r"\d+", raw)] + [12, 0]
    return parts[0], parts[1], parts[2] if len(parts) > 4 else None


def ahead(d: tuple[int, int | None, int | None], ref: tuple[int, int, int | None]) -> bool:
    """True when date d falls after the report's own date (same month counts as ahead)."""
    if d[1] is None:
        return d[0] > ref[0]
    if d[2] is None or ref[2] is None:
        return (d[0], d[1]) >= (ref[0], ref[1])
    return d > ref
