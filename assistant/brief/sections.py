"""The four sections of a briefing pack, each a list of (indent level, line ending in [n]).

What changed since the last report, amber and red items with the report's reasons, key
figures, and dates ahead: read from the RAG register and the index's quotable spans, and
cited through one shared Citer so a quote keeps its number across the whole pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from assistant.brief.cues import (
    DATE,
    FUTURE,
    ahead,
    as_said,
    figure_score,
    reason_score,
    report_date,
    when,
)
from assistant.contract import Answer
from assistant.ingest.chunking import collapse
from assistant.register.model import Edition, Entry, Register, Row, Source
from assistant.register.names import names_row
from assistant.register.wording import Citer, change, describe, phrase

Lines = list[tuple[int, str]]  # (indent level, line)
Titles = dict[str, tuple[str, str]]  # document -> (title, date)
Ask = Callable[[str], Answer]  # the main answerer, for reasons the section text lacks


def changes_section(register: Register, rows: list[Row], citer: Citer) -> Lines:
    """Movements since the edition before the latest, then since the first report."""
    target = register.latest_full()
    lines = []
    for baseline in dict.fromkeys([register.before(target.label), _first_report(register)]):
        if baseline is None or baseline == target:
            continue
        found = []
        for row in rows:
            new, old = row.entries.get(target.label), row.entries.get(baseline.label)
            if new is None and old is None:
                continue
            kind, text, sources = change(row, new, old, target, baseline)
            if lines and kind in {"no change", "new", "dropped"}:
                continue  # the long view lists movements only
            found.append((1, f"{kind[0].upper()}{kind[1:]}: {text} {citer.cite(*sources)}"))
        if found:
            lines += [(0, f"Compared with {phrase(baseline)}, {phrase(target)}:"), *found]
    _cite_headings(lines)
    return lines


def _first_report(register: Register) -> Edition | None:
    """The oldest edition read from a report's own text: the long view's baseline."""
    return next((e for e in register.editions if not e.derived), None)


def _own_entries(register: Register, rows: list[Row]) -> list[tuple[Row, Entry]]:
    """Entries read from a report's own text (newest first), each once."""
    seen, out = set(), []
    for edition in reversed(register.editions):
        for row in rows:
            entry = row.entries.get(edition.label)
            if entry is None or edition.derived or id(entry) in seen:
                continue
            seen.add(id(entry))
            out.append((row, entry))
    return out


def _section_spans(entry: Entry, spans: list[dict]) -> list[dict]:
    """The entry's own text: its section, or for a bullet rating just that bullet's paragraph."""
    own = [s for s in spans if s["document"] == entry.source.document
           and s["section"] == entry.source.section and s["start"] != entry.source.start
           and not s["text"].lower().startswith("note")]
    if entry.kind == "inline" and any(s["kind"] == "bullet" for s in own):
        later = [s for s in own if s["start"] > entry.source.start]
        stop = next((s["start"] for s in later if s["kind"] == "bullet"), None)
        own = [s for s in later if stop is None or s["start"] < stop]
    return own


def _source(span: dict, titles: Titles) -> Source:
    """A quotable span as a citable source."""
    title, edition_date = titles[span["document"]]
    return Source(span["document"], title, edition_date, span["section"], collapse(span["text"]),
                  span["start"], span["end"])


def reasons_section(register: Register, rows: list[Row], spans: list[dict], titles: Titles,
                    citer: Citer, ask: Ask | None) -> Lines:
    """Each amber or red entry with the sentences of its own section that give a reason."""
    lines = []
    for row, entry in _own_entries(register, rows):
        if entry.overall not in {"Amber", "Red"}:
            continue
        edition = phrase(register.edition(entry.edition))
        head = f"{entry.workstream} — {describe(entry)}, in {edition}"
        lines.append((0, f"{head} {citer.cite(entry.source)}"))
        scored = [(reason_score(s["text"]), s) for s in _section_spans(entry, spans)]
        top = max((score for score, _ in scored), default=0)
        best = sorted((x for x in scored if x[0] > 0 and x[0] >= top / 2),
                      key=lambda x: -x[0])[:2]  # a weak cue only when nothing stronger is said
        for _, span in sorted(best, key=lambda x: x[1]["start"]):
            lines.append((1, f"“{collapse(span['text'])}” {citer.cite(_source(span, titles))}"))
        if not best:
            lines += _asked(row, entry, ask, citer) or [
                (1, f"The report states no reason beyond the rating {citer.cite(entry.source)}.")]
    return lines or [(0, "No workstream in this pack is rated Amber or Red " + citer.cite(
        *(e.source for _, e in _own_entries(register, rows))) + ".")]


def _asked(row: Row, entry: Entry, ask: Ask | None, citer: Citer) -> Lines:
    """Reason sentences the main answerer cites for this workstream in this edition, if any."""
    if ask is None:
        return []
    answer = ask(f"why is {row.name} {entry.overall.lower()}?")
    lines = []
    for c in [] if answer.abstained else answer.citations:
        ours = c.section == entry.source.section or names_row(c.quote, row)
        rating = c.start == entry.source.start or c.quote.startswith("Overall RAG")
        if c.document == entry.source.document and ours and not rating and reason_score(c.quote):
            source = Source(c.document, c.title, c.date, c.section, c.quote, c.start, c.end)
            lines.append((1, f"“{c.quote}” {citer.cite(source)}"))
    return lines[:2]


def figures_section(register: Register, rows: list[Row], spans: list[dict], titles: Titles,
                    citer: Citer) -> Lines:
    """Each entry's stated figures, then its section's best money or count sentences (3 at most)."""
    lines = []
    for _row, entry in _own_entries(register, rows):
        found = [(1, f"{name}: {value} {citer.cite(entry.source)}")
                 for name, value in entry.figures.items()]
        ranked = [(figure_score(s["text"]), s) for s in _section_spans(entry, spans)]
        ranked = [x for x in ranked if x[0] > 0]
        best = sorted(ranked, key=lambda x: -x[0])[:max(0, 3 - len(found))]
        found += [(1, f"“{collapse(s['text'])}” {citer.cite(_source(s, titles))}")
                  for _, s in sorted(best, key=lambda x: x[1]["start"])]
        if found:
            lines += [(0, f"{entry.workstream} ({entry.edition} report):"), *found]
    _cite_headings(lines)
    return lines


def dates_section(register: Register, rows: list[Row], spans: list[dict], titles: Titles,
                  manifest: dict, citer: Citer, everything: bool, today: date | None = None) -> Lines:
    """Sentences about the future that give a date after their report's own, oldest report first;
    a date that has passed by `today` is said to be past, never listed as ahead.

    everything=True (an all-workstreams pack) reads every span, not just the rows' sections.
    """
    today = today or date.today()
    now = (today.year, today.month, today.day)
    if everything:
        pool = spans
    else:
        pool = [s for _, e in _own_entries(register, rows) for s in _section_spans(e, spans)]
    found = []
    for span in {(s["document"], s["start"]): s for s in pool}.values():
        doc = manifest["documents"][span["document"]]
        ref = report_date(doc)
        text = span["text"]
        if not FUTURE.search(text):
            continue  # a date in a sentence about the past or the present is no date ahead
        dates = [(when(m, ref[0]), as_said(m, ref[0])) for m in DATE.finditer(text)]
        future = [d for d in dates if ahead(d[0], ref)]
        if future:
            found.append((doc["date"], future[0][0], future[0][1], span))
    lines, last = [], None
    def order(f):
        return f[0], ahead(f[1], now), f[1][0], f[1][1] or 0, f[1][2] or 0

    for edition_date, _key, said, span in sorted(found, key=order):
        past = not ahead(_key, now)
        if (edition_date, past) != last:
            title = titles[span["document"]][0]
            lines.append((0, f"Given as ahead in {title} ({edition_date}); these dates have now passed:"
                          if past else f"Ahead of today, from {title} ({edition_date}):"))
            last = (edition_date, past)
        quote = collapse(span["text"])
        lines.append((1, f"{said}: “{quote}” {citer.cite(_source(span, titles))}"))
    _cite_headings(lines)
    return lines


def _cite_headings(lines: Lines) -> None:
    """Give each level-0 heading line the markers of the lines under it."""
    for i, (level, text) in enumerate(lines):
        if level or re.search(r"\[\d+\]", text):
            continue
        below = []
        for lvl, t in lines[i + 1:]:
            if lvl == 0:
                break
            below += re.findall(r"\[\d+\]", t)
        lines[i] = (0, f"{text[:-1]} {''.join(dict.fromkeys(below))}:")
