"""Which report edition(s) a question is about: "latest", "in 2019", "since last year"..."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LATEST = re.compile(r"\b(latest|now|current(ly)?|at the moment|today|this year|most recent|next|upcoming|"
                    r"newest|still|these days|right now|presently)\b", re.IGNORECASE)
COMPARE = re.compile(r"\b(chang(e|ed|es)|compare[ds]?|comparison|since|previous(ly)?|before|"
                     r"last (year|report|time|edition)|vs\.?|versus|differen(t|ce)|improv(e|ed)|"
                     r"worse|better|over time|between|both)\b", re.IGNORECASE)
YEAR = re.compile(r"(?<!/)\b(20\d\d)\b(?!/\d)")  # '2025/26' is a financial year, not a report's year
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?=\s+'?(\d{2}|\d{4})\b(?![/.:-]?\d))",
                        re.IGNORECASE)
SHORT_YEAR = re.compile(r"(?<=[a-z]\s)'?(\d{2})\b(?![/.:%-]?\w)", re.IGNORECASE)
YEAR_CONTEXT = re.compile(r"\b(in|since|from|by|during|back in|of|vs\.?|versus|and|to)\s+'?\d{2}\s*(\?|$|,|vs\b|versus\b|and\b)|'\d{2}\b",
                          re.IGNORECASE)


def expand_dates(question: str) -> str:
    """Short dates as the reports write them: 'sept 21' -> 'September 2021', 'in '19' or
    'in 19?' -> 'in 2019'. Financial years ('19/20') and counts ('in 19 districts') stay."""
    def month(m: re.Match) -> str:
        abbr = m.group(1).lower()[:3]
        return next(n for n in MONTH_NAMES if n.lower().startswith(abbr))

    text = MONTH_WORD.sub(month, question)
    text = re.sub(r"\b(" + "|".join(MONTH_NAMES) + r")\s+'?(\d{2})\b(?![/.:-]?\d)", r"\1 20\2", text)

    def year(m: re.Match) -> str:
        start = max(0, m.start() - 12)
        near = YEAR_CONTEXT.search(text, start, m.end() + 10)
        return f"20{m.group(1)}" if near and near.start() <= m.start() <= near.end() else m.group(0)

    return SHORT_YEAR.sub(year, text)


@dataclass
class Editions:
    documents: list[str] | None  # restrict retrieval to these files; None = all
    mode: str  # "latest" | "year" | "compare" | "any"
    years: list[str] = field(default_factory=list)
    previous_of: dict[str, str] = field(default_factory=dict)  # year -> doc whose "previous" column is that year
    missing_years: list[str] = field(default_factory=list)  # years asked about that no edition covers


def resolve(question: str, documents: dict[str, dict]) -> Editions:
    """Map the question's time words onto the indexed report editions."""
    by_year: dict[str, list[str]] = {}
    previous: dict[str, str] = {}
    for name, doc in documents.items():
        by_year.setdefault(str(doc.get("date", ""))[:4], []).append(name)
        if doc.get("previous_year"):
            previous[str(doc["previous_year"])] = name
    years = YEAR.findall(question)
    if years:
        chosen = [n for y in years for n in by_year.get(y, [])]
        prev = {y: previous[y] for y in years if y in previous and y not in by_year}
        missing = [y for y in years if y not in by_year and y not in previous]
        chosen += [n for n in prev.values() if n not in chosen]
        since = re.search(r"\b(since|after|from)\s+(?:\w+\s+)?(20\d\d)\b", question, re.I)
        if since:  # "changed since 2019": that edition and every later one
            chosen += [n for n, d in documents.items() if str(d.get("date", ""))[:4] > since.group(2)
                       and n not in chosen]
        if LATEST.search(question) and chosen and newest(documents) not in chosen:
            chosen.append(newest(documents))  # "green in 2019 - what are they now?"
        mode = "compare" if len(set(chosen)) > 1 or COMPARE.search(question) else "year"
        return Editions(chosen or None, mode, years, prev, missing)
    if COMPARE.search(question):
        return Editions(None, "compare")
    if LATEST.search(question):
        return Editions(None, "latest")
    return Editions(None, "any")


def unbound(question: str) -> Editions:
    """The question read as naming no report edition: a year it names may be the subject's
    ("go-live ... I've got jan 27 in my diary"), not a paper's."""
    return Editions(None, "compare" if COMPARE.search(question) else "latest" if LATEST.search(question) else "any")


OUTCOME = re.compile(r"^\s*(did|has|have|had|was|were)\b|\b(yet|happened|turned out|ended up|outcome|"
                     r"results? (show|were|was|found))\b", re.I)
ACHIEVED = re.compile(r"\b(hit|met|meet|achiev\w*|reach(ed)?|deliver(ed)?|made)\b", re.I)
FINANCIAL_YEAR = re.compile(r"\b(?:20)?(\d{2})/(?:20)?(\d{2})\b")
MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r") (20\d\d)\b", re.I)


def periods(question: str) -> list[tuple[str, str, str]]:
    """The periods a question names, as (words, first month, last month): '19/20' is
    April 2019 - March 2020, 'July 2019' one month, '2023' the calendar year."""
    found = []
    for m in FINANCIAL_YEAR.finditer(question):
        if int(m.group(2)) == int(m.group(1)) + 1:
            found.append((m.group(0), f"20{m.group(1)}-04", f"20{m.group(2)}-03"))
    months = {m.group(2): m for m in MONTH_YEAR.finditer(question)}
    for year in YEAR.findall(question):
        if year in months:
            n = [x.lower() for x in MONTH_NAMES].index(months[year].group(1).lower()) + 1
            found.append((months[year].group(0), f"{year}-{n:02d}", f"{year}-{n:02d}"))
        else:
            found.append((year, f"{year}-01", f"{year}-12"))
    return found


def outcome_after(question: str, report_date: str) -> str | None:
    """'Have the hubs opened yet in 2023?' or 'did it hit its target for 19/20?' put to a report
    written before that period ended: what happened is after the report. 'the period (ended)'."""
    achieved = bool(ACHIEVED.search(question))
    if not (achieved or OUTCOME.search(question)):
        return None
    for words, first, last in periods(question):
        if first > report_date:
            return words
        if achieved and last > report_date:
            return f"{words} ended"
    return None


FULL_REGISTER = 3  # a report rating at least this many workstreams is a full register


def newest(documents: dict[str, dict]) -> str | None:
    return max(documents, key=lambda n: str(documents[n].get("date", ""))) if documents else None


def own_scale(ratings: list[dict]) -> list[dict]:
    """The ratings on a paper's own scale ('Verdict: Merge'), not RAG: they rate things, but a
    report holding only these is no edition of the RAG dashboard."""
    return [r for r in ratings if r.get("source") == "field"]


def rag_ratings(ratings: list[dict]) -> list[dict]:
    """The RAG ratings (dashboard rows, boxes, inline colours): what an edition of the dashboard holds."""
    return [r for r in ratings if r.get("source") != "field"]


def newest_register(documents: dict[str, dict]) -> str | None:
    """The newest report rating several workstreams in RAG terms (a dashboard edition): a
    workstream it no longer rates has no current rating, whatever an older report said. A paper
    grading things on its own scale ('Assessment: Partly met') is not one."""
    full = {n: d for n, d in documents.items()
            if len(rag_ratings(d.get("ratings", []))) >= FULL_REGISTER}
    return newest(full)


def label(doc: dict) -> str:
    """'June 2019 report' / '2022 report' — how an edition is named in answers."""
    date = str(doc.get("date", ""))
    m = re.match(r"(\d{4})-(\d{2})", date)
    if m and doc.get("meta", {}).get("date_precision") != "year":  # month only when known
        return f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)} report"
    return f"{date[:4]} report" if date[:4].isdigit() else "undated report"
