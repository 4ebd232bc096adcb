"""Neighbours of a quotable span in its section: what a quoted span needs beside it to be read
alone (the other half of a sentence a displaced RAG box cut in two, the sentence an "It ..."
sentence refers back to) and the list a lead-in sentence introduces."""

from __future__ import annotations

import re

ANAPHOR = re.compile(r"(It|This|These|They|That|Those|Its|Their|The (project|programme|scheme|"
                     r"board|survey|study|report|review|directorate|platform)|Still|Also|However|Both|"
                     r"In addition|Additionally|Furthermore|As a result|Following this|Of (these|those|them|which))\b")
REFERRING = re.compile(r"\b(both|these|those|the two|each of these) (sites?|districts?|areas?|forces?|"
                       r"projects?|locations?|hubs?|schemes?|teams?|applications?|organisations?)\b", re.I)
LEAD_IN = re.compile(r"(:|\b(following|below|as follows|include[sd]?)\b.*)\s*$", re.I)
END = re.compile(r"[.!?:;)\]”’\"']$")


class SpanSequence:
    """The index's spans in document order, with each anaphoric span's antecedent."""

    def __init__(self, spans: list[dict]):
        self.spans = spans
        self.antecedent = {i: self.previous_sentence(i) for i in range(len(spans))
                           if ANAPHOR.match(spans[i]["text"]) or REFERRING.search(spans[i]["text"])}

    def referents(self, i: int, depth: int = 2) -> list[int]:
        """The sentences span i refers back to, nearest first: 'Building work at both sites' ->
        'agreement ... for both sites' -> 'Two districts (Thurrock and Harlow)'."""
        chain: list[int] = []
        while len(chain) < depth and self.antecedent.get(i) is not None:
            i = self.antecedent[i]
            chain.append(i)
        return chain

    def previous_sentence(self, i: int) -> int | None:
        prev = i - 1
        while prev >= 0 and self.spans[prev]["kind"] in {"box", "row"}:
            prev -= 1
        if prev < 0 or self.spans[prev]["kind"] == "heading":
            return None  # right after its heading, "This project" is the section's own topic
        return prev if self.spans[prev]["section"] == self.spans[i]["section"] else None

    def needed_with(self, picks: list[int]) -> list[int]:
        """What a picked span needs to be read alone: the other half of a sentence a displaced
        RAG box cut in two, the sentence an 'It ...'/'This ...' sentence refers back to, the
        items a lead-in ending in a colon introduces, or the header row of a table row."""
        extra = [j for i in picks for j in self.referents(i)]
        for i in picks:
            text = self.spans[i]["text"].strip()
            header = self.table_header(i)
            if header is not None:
                extra.append(header)
            if text.endswith(":"):  # "Chief officers are asked to:" says nothing without its items
                extra += self.list_around(i)[1:]
            nxt = i + 1
            while nxt < len(self.spans) and self.spans[nxt]["kind"] in {"box", "row"}:
                nxt += 1
            if (not END.search(text) and nxt < len(self.spans)
                    and self.spans[nxt]["section"] == self.spans[i]["section"]
                    and self.spans[nxt]["text"][:1].islower()):
                extra.append(nxt)
            if i > 0 and text[:1].islower():
                prev = i - 1
                while prev > 0 and self.spans[prev]["kind"] in {"box", "row"}:
                    prev -= 1
                if self.spans[prev]["section"] == self.spans[i]["section"]:
                    extra.append(prev)
        return extra

    def table_header(self, i: int) -> int | None:
        """The header row of the table span i belongs to: the first of the unbroken run of rows
        above it in its section with as many tab-separated cells (three or more). '87.3' says
        nothing without 'Total (100)'."""
        text = self.spans[i]["text"]
        width = text.count("\t")
        if width < 2 or "\n" in text.strip():
            return None
        j = i
        while j > 0 and self.spans[j - 1]["section"] == self.spans[i]["section"]:
            above = self.spans[j - 1]["text"]
            if above.count("\t") != width or "\n" in above.strip():
                break
            j -= 1
        return j if j != i else None

    def list_around(self, pick: int) -> list[int]:
        """The list a picked span belongs to or introduces: its lead-in and its bullets."""
        section = self.spans[pick]["section"]
        start = pick
        if self.spans[pick]["kind"] == "bullet":  # back up to the first bullet and its lead-in
            while start > 0 and self.spans[start - 1]["kind"] == "bullet" and self.spans[start - 1]["section"] == section:
                start -= 1
            start -= 1
        elif (start + 2 < len(self.spans) and self.spans[start + 1]["section"] == section
              and LEAD_IN.search(self.spans[start + 1]["text"]) and self.spans[start + 2]["kind"] == "bullet"):
            start += 1  # "... setting out opportunities. The report identified opportunities in the following areas"
        items = [start] if start >= 0 and self.spans[start]["section"] == section else []
        j = start + 1
        while j < len(self.spans) and len(items) < 15:
            s = self.spans[j]
            inside = (s["kind"] == "sentence" and j + 1 < len(self.spans)  # a bullet's second sentence
                      and self.spans[j + 1]["kind"] == "bullet" and self.spans[j + 1]["section"] == section)
            if s["section"] != section or (s["kind"] not in {"bullet", "box"} and not inside):
                break
            if s["kind"] != "box":
                items.append(j)
            j += 1
        return items if len(items) > 1 else []

