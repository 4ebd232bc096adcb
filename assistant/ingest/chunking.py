"""Sections -> chunks that never cross a section, each with a contextual header for embedding."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from assistant.ingest.documents import Document
from assistant.ingest.injection import addresses_assistant
from assistant.ingest.structure import Rating, Section, Structure
from assistant.ingest.terms import expand


@dataclass(frozen=True)
class Chunk:
    id: str
    document: str
    section: str  # heading as cited
    parent: str
    start: int  # offsets into the document text
    end: int
    spans: tuple[tuple[int, int, str], ...]  # (start, end, kind) of each quotable span
    header: str  # report, edition, section, rating, acronym expansions
    body: str  # the spans' text, whitespace collapsed

    @property
    def embed_text(self) -> str:
        return f"{self.header}\n{self.body}"


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def rating_note(rating: Rating, previous_year: str | None) -> str:
    """'RAG Amber (2021: Amber, No change)' — words a question about status will share."""
    note = (f"{rating.scale or 'status'} {rating.overall}" if rating.source == "field"  # the paper's own scale
            else f"RAG {rating.overall}" if rating.overall else "RAG not stated")
    extra = [f"{previous_year or 'previous'}: {rating.previous}"] if rating.previous else []
    extra += [rating.direction] if rating.direction else []
    extra += [f"{k} {v}" for k, v in rating.sub.items()]
    return f"{note} ({', '.join(extra)})" if extra else note


def chunk_document(doc: Document, structure: Structure, acronyms: dict[str, str],
                   max_chars: int = 900) -> list[Chunk]:
    """Chunks of whole spans; a section longer than max_chars is split between spans."""
    chunks: list[Chunk] = []
    # Boxes sit under their heading in Word exports; PDF exports displace them (the dashboard,
    # when there is one, carries the ratings instead), so only in-place boxes are quotable.
    boxes_in_place = not any(r.source == "dashboard" for r in structure.ratings)
    for section in structure.sections:
        spans = [s for s in section.spans if (s.kind != "box" or boxes_in_place)
                 and not addresses_assistant(doc.text[s.start:s.end])]
        if not spans:
            continue
        header = _header(doc, section, structure, acronyms)
        group: list = []
        size = 0
        for span in spans:
            length = span.end - span.start
            if group and size + length > max_chars:
                chunks.append(_make(doc, section, header, group))
                group, size = [], 0
            group.append(span)
            size += length
        chunks.append(_make(doc, section, header, group))
    return chunks


def quotable_share(text: str, chunks: list[Chunk], held: list[tuple[int, int]] = ()) -> float:
    """Share of the text's non-space characters that a chunk can quote (sentences held back as
    possible prompt injection count as neither): ingest warns when a parse path drops text."""
    kept = bytearray(len(text))
    for c in chunks:
        for start, end, _ in c.spans:
            kept[start:end] = b"\1" * (end - start)
    for start, end in held:
        kept[start:end] = b"\2" * (end - start)
    chars = [kept[i] for i, ch in enumerate(text) if not ch.isspace()]
    counted = [k for k in chars if k != 2]
    return sum(counted) / len(counted) if counted else 1.0


def _header(doc: Document, section: Section, structure: Structure, acronyms: dict[str, str]) -> str:
    parts = [f"{doc.title} ({doc.date})", section.heading]
    if section.parent:
        parts.append(f"part of {section.parent}")
    for rating in structure.ratings:
        if rating.section == section.heading and rating.source != "inline":
            parts.append(rating_note(rating, structure.previous_year))
    return expand(" — ".join(parts), acronyms)


def _make(doc: Document, section: Section, header: str, spans: list) -> Chunk:
    start, end = spans[0].start, spans[-1].end
    body = " ".join(collapse(doc.text[s.start:s.end]) for s in spans)
    key = hashlib.sha1(f"{doc.sha256}:{start}:{end}".encode()).hexdigest()[:16]
    return Chunk(
        id=f"{doc.name}:{key}", document=doc.name, section=section.heading, parent=section.parent,
        start=start, end=end, spans=tuple((s.start, s.end, s.kind) for s in spans),
        header=header, body=body,
    )
