"""Briefing packs: status by edition, changes, amber/red reasons, figures, dates ahead — all cited.

This file owns building a pack (`build_pack`) and the `assistant brief` command. A pack is
built from the RAG register (assistant/register/model.py) and the index's quotable spans; its
sections come from assistant/brief/sections.py and it is written to Markdown, DOCX or PDF by
assistant/brief/render.py. Every line ends in [n] markers; the numbered sources with their
verbatim quotes close the pack. A PNG chart shows each workstream's rating across editions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.brief.pack import Pack
from assistant.brief.render import chart_png, write_pack
from assistant.brief.sections import (
    changes_section,
    dates_section,
    figures_section,
    reasons_section,
)
from assistant.contract import Answer
from assistant.register.model import RANK, Entry, Register, Row, build_register
from assistant.register.wording import Citer, phrase, rating

if TYPE_CHECKING:
    from assistant.index.build import LoadedIndex
    from assistant.settings import Settings


def build_pack(index: LoadedIndex, topics: list[str] | None = None,
               ask: Callable[[str], Answer] | None = None, author: str | None = None) -> Pack:
    """A pack for the named workstreams (None: all) from a loaded index (.manifest, .spans)."""
    register = build_register(index.manifest)
    rows = _select(register, topics)
    citer = Citer()
    spans = [s for s in index.spans if s.get("kind") in {"sentence", "bullet"}]
    titles = {n: (d["title"], d["date"]) for n, d in index.manifest["documents"].items()}
    columns = [e.label for e in register.editions]
    table = [(row.name, [_cell(row.entries.get(c), citer) for c in columns]) for row in rows]
    notes = [f"{e.label}*: the previous-year ({e.label}) column of {e.title} ({e.date})."
             for e in register.editions if e.derived]
    sections = [
        ("What changed since the last report", changes_section(register, rows, citer)),
        ("Amber and red items, and why",
         reasons_section(register, rows, spans, titles, citer, ask)),
        ("Key figures", figures_section(register, rows, spans, titles, citer)),
        ("Dates ahead", dates_section(register, rows, spans, titles, index.manifest, citer,
                                      everything=topics is None)),
    ]
    named = "all workstreams" if topics is None else ", ".join(r.name for r in rows)
    docs = "; ".join(phrase(e) for e in register.editions if not e.derived)
    pack = Pack(f"Collaboration briefing: {named}",
                f"Prepared {date.today():%d %B %Y} from {docs}. Every line is cited [n]; the "
                f"numbered sources with verbatim quotes are listed at the end.",
                [c + ("*" if register.edition(c).derived else "") for c in columns], table,
                sections, citer.citations, notes, author=author or "Collab Assistant",
                marking=index.settings.protective_marking, generated=f"{date.today():%d %B %Y}")
    pack.chart = chart_png(register, rows)
    return pack


def _select(register: Register, topics: list[str] | None) -> list[Row]:
    """The rows the topics name, in topic order; an exact name wins over a partial match."""
    if topics is None:
        return register.rows
    chosen: list[Row] = []
    for topic in topics:
        exact = [r for r in register.rows if r.name.lower() == topic.strip().lower()]
        found = exact or register.find(topic)
        if not found:
            known = "; ".join(r.name for r in register.rows)
            raise ValueError(f"no workstream matches {topic!r}; try one of: {known}")
        chosen += [r for r in found if r not in chosen]
    return chosen


def _cell(entry: Entry | None, citer: Citer) -> tuple[str | None, str]:
    """(rating to shade by, cited cell text) for one status-table cell; "—": not rated."""
    if entry is None:
        return None, "—"
    text = rating(entry) if entry.overall else "not stated"
    return entry.overall if entry.overall in RANK else None, f"{text} {citer.cite(entry.source)}"


def brief_command(topics: list[str], all_: bool, fmt: str, out: Path,
                  settings: Settings) -> Path:
    """`assistant brief [TOPIC ...|--all] --format md|docx|pdf -o FILE`: write a pack."""
    if not topics and not all_:
        raise ValueError("name one or more workstreams (e.g. NAS ECFRS) or use --all")
    from assistant.pipeline import Assistant

    assistant = Assistant(settings, progress=False)
    pack = build_pack(assistant.index, None if all_ else list(topics), ask=assistant.ask)
    return write_pack(pack, fmt, out)
