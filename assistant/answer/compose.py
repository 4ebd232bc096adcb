"""Builds an answer's Markdown and its numbered citations: one marker per quoted span, edition
headers when more than one report edition is quoted, rating lines worded as their quotes."""

from __future__ import annotations

import re

from assistant.contract import Citation
from assistant.ingest.chunking import collapse
from assistant.ingest.rag_tables import COLOUR
from assistant.ingest.table_headers import labelled
from assistant.question.editions import label

COLOUR_WORD = re.compile(rf"\b{COLOUR}\b", re.IGNORECASE)  # a rating in a sentence


class AnswerBuilder:
    """Accumulates answer sentences and their citations, numbering markers as it goes."""

    def __init__(self, index):
        self.index = index
        self.parts: list[str] = []
        self.citations: list[Citation] = []
        self.seen: dict[tuple[str, int], int] = {}

    def cite(self, document: str, section: str, start: int, end: int, quote: str) -> int:
        key = (document, start)
        if key not in self.seen:
            meta = self.index.documents[document]
            n = len(self.citations) + 1
            self.citations.append(Citation(n, document, meta["title"], meta["date"], section,
                                           collapse(quote), start, end))
            self.seen[key] = n
        return self.seen[key]

    def start_edition(self, doc_meta: dict, first: bool, newest: bool, many: bool,
                      topic: str = "") -> None:
        """A bold edition header ('2022 report (newest), <section>:') when editions differ."""
        if not many and not topic:
            return
        head = f"{label(doc_meta)} ({'newest' if newest else 'older'})" if many else label(doc_meta)
        head += f", {topic}" if topic else ""
        self.parts.append(f"**{head}:**" if first else f"\n\n**{head}:**")

    def add_span(self, span: dict) -> None:
        """The span's text, cited; a table row read with its column titles (the quote stays the row)."""
        if (span["document"], span["start"]) in self.seen:
            return  # already quoted (e.g. as the rating line)
        n = self.cite(span["document"], span["section"], span["start"], span["end"], span["text"])
        text = collapse(labelled(span["header"], span["text"]) if span.get("header") else span["text"])
        m = re.search(r"[.!?:;]+$", text)
        open_ended = not m and span["kind"] == "sentence" and not span.get("header")  # cut by a displaced box
        body, end = (text[: m.start()], m.group(0)) if m else (text, "" if open_ended else ".")
        prefix = "- " if span["kind"] == "bullet" else ""
        if text[:1].islower() and self.parts and not self.parts[-1].endswith((".", ":", "!", "?")):
            self.parts[-1] += f" … {body} [{n}]{end}"
            return
        self.parts.append(f"{prefix}{body} [{n}]{end}")

    def add_rating(self, doc: str, r: dict) -> None:
        """The rating, worded as its quote words it: a dashboard row, a RAG box or a heading."""
        n = self.cite(doc, r["section"], r["start"], r["end"], r["quote"])
        meta = self.index.documents[doc]
        overall = f"**{r['overall']}**" if r.get("overall") else "not stated"
        if r["source"] == "dashboard":
            line = f"{r['workstream']}: {overall} in {meta.get('current_year') or label(meta)}"
            if r.get("previous"):
                line += f", **{r['previous']}** in {meta.get('previous_year') or 'the previous report'}"
        elif r["source"] == "box":
            line = f"Overall RAG {overall}"
        elif r["source"] == "field":
            line = self.own_scale(r)
        elif r["source"] == "table":
            line = f"{r['workstream']}: {overall}" + (f" (previously **{r['previous']}**)" if r.get("previous") else "")
        elif not r["quote"].startswith(r["workstream"]):  # told in its section's own sentence ("Rated
            told = re.sub(COLOUR_WORD, r"**\1**", r["quote"].rstrip("."), count=1)  # amber, down from green."):
            line = f"{r['workstream']}: {told}"  # quoted whole, its first colour (the current rating) in bold
        else:
            line = f"{r['workstream']}: Overall RAG {overall}"
        if r.get("sub"):
            figures = r.get("figures") or {}  # "Costs G (£ 1,320k (2 yrs))": the box's own figures
            line += "; " + ", ".join(f"{k} {v}" + (f" ({figures[k]})" if figures.get(k) else "")
                                     for k, v in r["sub"].items())
        self.parts.append(f"{line} [{n}].")

    @staticmethod
    def own_scale(r: dict) -> str:
        """A rating on a paper's own scale: 'Forum 5: Verdict **Merge** (previously **Keep**)'."""
        scale = f"{r['scale']} " if r.get("scale") else ""
        earlier = f" (previously **{r['previous']}**)" if r.get("previous") else ""
        return f"{r['workstream']}: {scale}**{r['overall']}**{earlier}"

    @staticmethod
    def rating_topic(r: dict) -> str:
        """Boxes don't name their workstream, so the edition header does."""
        return re.sub(r"^\d+(\.\d+)*\s+", "", r["section"]) if r["source"] == "box" else ""

    def text(self) -> str:
        out = ""
        for part in self.parts:
            if part.startswith("\n") or not out:
                out += part
            elif part.startswith("- "):
                out += "\n" + part
            elif out.endswith(":**"):
                out += " " + part
            else:
                out += ("\n" if out.split("\n")[-1].startswith("- ") else " ") + part
        return out.strip()
