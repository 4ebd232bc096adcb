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
# A run of enumerated sentences ("Option 1 is ...", "Lesson three: ...") is a list without
# bullets; an opening word that only counts ("The five most requested ...") labels nothing.
ENUMERATED = re.compile(r"([A-Z][a-z]+) (\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight"
                        r"|nine|ten)\b(?![./,]\d)")
CODED = re.compile(r"([A-Z]{1,4})-?(\d{1,2})(?=[.:)]?\s)")  # "IG1 – ...", "CF2. ...", "R4: ...": a coded item
# "Kent gave two reasons." followed by "First, ..." and "The second is ...": a list in sentences.
COUNTED = re.compile(r"\b(two|three|four|five|six|[2-6])\b", re.I)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
NOT_LABELS = frozenset("""The A An In On At By For Of To From Over Under About After Before Since
Until Within Around Only All Some Each Every These Those Its Their Our Another Nearly Almost
With""".split())

TERMINATED = re.compile(r"[.!?:]\s*$")  # a sentence or a lead-in, not a list item or table line
LEAD_REACH = 20  # how many items above a list item its lead-in may be
PARAGRAPH_REACH = 4  # how many sentences back in its paragraph a sentence's subject may be named


class SpanSequence:
    """The index's spans in document order, with each anaphoric span's antecedent."""

    def __init__(self, spans: list[dict]):
        self.spans = spans
        self.by_section: dict[tuple[str | None, str], list[int]] = {}
        for i, s in enumerate(spans):
            self.by_section.setdefault((s.get("document"), s["section"]), []).append(i)
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

    def paragraph_before(self, i: int, reach: int = PARAGRAPH_REACH) -> list[int]:
        """The sentences before span i in its paragraph, nearest first: what it goes on about
        ('The largest single result came from Operation Marram. ... The container held 212 kg')."""
        out: list[int] = []
        while len(out) < reach and i > 0:
            prev, cur = self.spans[i - 1], self.spans[i]
            if (prev["kind"] != "sentence" or cur["kind"] != "sentence" or prev.get("document") != cur.get("document")
                    or prev["section"] != cur["section"] or cur["start"] - prev["end"] > 1):
                break
            i -= 1
            out.append(i)
        return out

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
            extra += self.announced(i)
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

    def announced(self, i: int, window: int = 12) -> list[int]:
        """The items a sentence announces by their count, given after it in order ("Two matters
        prevent a Green assessment." -> "First, ..." and "Second, ..."): the sentence alone
        names none of them. Two or more, the first right after it; else none."""
        text = self.spans[i]["text"].strip()
        if not (text.endswith(".") and COUNTED.search(text)):
            return []
        items: list[int] = []
        for j in range(i + 1, min(len(self.spans), i + 1 + window)):
            if self.spans[j]["section"] != self.spans[i]["section"] or len(items) == len(ORDINALS):
                break
            opener = rf"(?:(?:the|our|its|their) )?{ORDINALS[len(items)]}(?:ly)?\b"
            if re.match(opener, self.spans[j]["text"], re.I) or (len(items) > 1 and re.match(
                    r"(?:finally|lastly)\b", self.spans[j]["text"], re.I)):
                items.append(j)
            elif not items and self.spans[j]["kind"] != "box":
                return []
        return items if len(items) > 1 else []

    def read_under(self, i: int) -> list[int]:
        """What span i is read under besides its heading: the lead-in ending in a colon over the
        run of bullets, rows or unpunctuated lines it sits in ("... data for 2025/26:" over
        "2,953 tested positive"), and a table row's header row."""
        section = self.spans[i]["section"]

        def item(j: int) -> bool:
            return self.spans[j]["section"] == section and (
                self.spans[j]["kind"] in {"bullet", "row"} or not TERMINATED.search(self.spans[j]["text"]))
        header = self.table_header(i)
        found = [header] if header is not None else []
        if not item(i):
            return found
        j = i
        while j > 0 and i - j < LEAD_REACH and item(j - 1):
            j -= 1
        lead = j > 0 and self.spans[j - 1]["section"] == section and self.spans[j - 1]["text"].rstrip().endswith(":")
        return ([j - 1] if lead else []) + found

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

    def enumerated(self, pick: int, asked=lambda text: frozenset()) -> list[int]:
        """The other members of a run the picked span belongs to by its opening label or code:
        "Option 2 is to give notice ..." beside "Option 1 ..." and "Option 3 ...", "IG2 – ..."
        beside "IG1 – ...", in its section, the way bullets belong to one list. Where the pick
        holds something the question asks for besides its label ("Area 2 ...: Limited" for
        "which areas came out as limited?"), only members that hold it too. `asked(text)`: what of the question a text holds."""
        label = CODED if CODED.match(self.spans[pick]["text"]) else ENUMERATED
        opened = label.match(self.spans[pick]["text"])
        if not opened or opened.group(1) in NOT_LABELS:
            return []
        section, word = self.spans[pick]["section"], opened.group(1)
        wanted = asked(self.spans[pick]["text"]) - asked(word)
        members = {}
        for j in self.by_section[(self.spans[pick].get("document"), section)]:
            other = label.match(self.spans[j]["text"])
            if (other and other.group(1) == word and other.group(2).lower() not in members
                    and wanted <= asked(self.spans[j]["text"])):
                members[other.group(2).lower()] = j
        return sorted(members.values()) if len(members) > 1 else []

    def same_cell_rows(self, pick: int, asked) -> list[int]:
        """The rows of the picked row's table that share its cell the question asks about:
        "which milestones are late?" led by "M2 ... Late" brings every row whose Status cell is
        "Late". `asked(text)`: what of the question a cell holds (empty: nothing)."""
        header = self.table_header(pick)
        if header is None:
            return []
        cells = [c.strip() for c in self.spans[pick]["text"].split("\t")]
        columns = [k for k, c in enumerate(cells) if k and c and asked(c)]
        rows = []
        j = header + 1
        while (j < len(self.spans) and self.spans[j]["section"] == self.spans[pick]["section"]
               and self.spans[j]["text"].count("\t") == len(cells) - 1):
            other = [c.strip() for c in self.spans[j]["text"].split("\t")]
            if any(other[k] == cells[k] for k in columns):
                rows.append(j)
            j += 1
        return rows if len(rows) > 1 else []

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

