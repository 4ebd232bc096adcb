"""Answers to questions about the register as a whole: "which areas are red?", "what improved?".

`register_answer` decides whether a question is one (about ratings in general, not one named
workstream, not "why"), picks the edition(s) it means and composes a cited answer from the
register (assistant/register/model.py), quoting the report's own summary of its ratings when the
whole register is asked.
"""

from __future__ import annotations

import re
import time

from assistant.contract import Answer
from assistant.ingest.chunking import collapse
from assistant.register.model import Edition, Entry, Register, Row, Source, build_register
from assistant.register.names import STOP, names_row, words
from assistant.register.wording import KIND_ORDER, Citer, change, describe, phrase

COLOUR_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}
ORDER = ["Red", "Amber", "Green", "Not graded"]
GENERIC = {"collaboration", "collaborations", "update", "current", "work"}  # in group titles

REGISTER_NOTE = "Answered from the RAG register (dashboard and RAG boxes)."


def _rx(pattern: str) -> re.Pattern:
    """Case-insensitive: users write "RAG", "rag'd", "Red" and "red" alike."""
    return re.compile(pattern, re.IGNORECASE)


COLOUR = _rx(r"\b(green|amber|red)\b")
UNGRADED = _rx(r"\b(not graded|ungraded|unrated|not rated|not been graded)\b")
RAG_CUE = _rx(r"\b(rag|rag'd|ratings?|rated|grad(?:ed|ing|ings)|status(?:es)?|register)\b")
UP = _rx(r"\b(improv\w*|better|upgrad\w*)\b")
DOWN = _rx(r"\b(worse\w*|deteriorat\w*|declin\w*|downgrad\w*|slipp\w*)\b")
CHANGE = _rx(r"\b(chang\w*|moved|movement|different|differ)\b")
BASELINE = _rx(r"\b(?:since|from|compared (?:to|with)|versus|vs\.?|between)\s+(?:the\s+)?"
               r"((?:19|20)\d\d)\b")
LAST = _rx(r"\b(?:last|previous|prior|earlier)\s+(?:report|update|edition|paper|year|time"
           r"|gradings?|ratings?)\b|\bsince last\b")
COLLECTION = _rx(r"\b(which|list|all|every\w*|any\w*|how many|areas?|workstreams?|items?|"
                 r"projects?|programmes?|collaborations?|summar\w*|overview|show)\b"
                 r"|\bwhat\b.*\b(rated|graded|rag'?d?|green|amber|red)\b")
WHY = _rx(r"\b(why|reasons?|explain\w*|how come|what caused)\b")
RATED_SUMMARY = _rx(r"\b(?:areas?|workstreams?)\s+(?:are|is)\s+(?:rag\S?d\s+|rated\s+|graded\s+)?"
                    r"(?:green|amber|red)\b")
MOVED_SUMMARY = _rx(r"\b(?:improved|worsened|deteriorated|changed|moved)\b")
AREA_COUNT = _rx(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"thirteen)\s+(areas?|workstreams?)\b")
SECOND_QUESTION = _rx(r"\s*(?:,\s*)?\band\s+(?=(?:who|what|when|why|how|where|which)\b)")
# Words a question about the register as a whole is made of; any other word (a topic, "fleet",
# "hub count", "it") means the question is about something in particular.
GENERAL = frozenset(re.findall(r"[a-z]+", """
what which whats s is are was were be been being has have had did do does the a an of in on for to
and or any anything everything all every each list show give me tell us how many much number areas
area workstreams workstream items item projects project programmes programme collaborations
collaboration collab collabs ones rated rating ratings rag d graded grading gradings grade status
statuses register green amber red not ungraded unrated now currently current latest this year years
report reports update updates paper papers edition editions last previous prior earlier since
between compared with versus vs from changed change changes improved improve improvement better
worse worsened deteriorated declined downgraded upgraded moved movement there got gone become than
became overview summary summarise summarize please still at overall as so far
january february march april may june july august september october november december
"""))


def register_answer(question: str, manifest: dict, register: Register | None = None,
                    spans: list[dict] | None = None) -> Answer | None:
    """Answer a question about the register as a whole; None when it is not one.

    `register` saves rebuilding it per question; `spans` (the index's quotable spans) let the
    answer also quote the report's own summary of its ratings ("9 areas are RAG'd green ...").
    """
    t0 = time.perf_counter()
    register = register or build_register(manifest)
    if not register.rows:
        return None
    if not _is_register_question(question, register):
        first = SECOND_QUESTION.split(question, maxsplit=1)[0]
        if first == question or not _is_register_question(first, register):
            return None
        return register_answer(first, manifest, register, spans)  # "which are amber and why?"
    colours = [COLOUR_WORDS[w.lower()] for w in dict.fromkeys(COLOUR.findall(question))]
    colours += ["Not graded"] if UNGRADED.search(question) else []
    up, down = bool(UP.search(question)), bool(DOWN.search(question))
    since = BASELINE.search(question)
    years = [y for y in re.findall(r"\b((?:19|20)\d\d)\b", question)
             if not since or y != since.group(1)]
    target = _edition_for(register, max(years)) if years else register.latest_full()
    baseline = _edition_for(register, since.group(1)) if since else None
    if baseline is None and len(set(years)) > 1:  # "better in 2022 than in 2021": those two
        baseline = _edition_for(register, min(years))
    if target is None or (since and baseline is None):
        return _no_edition(question, register, years[-1] if target is None else since.group(1),
                           t0)
    composer = _Composer(register, _groups(question, register, target), manifest, spans or [])
    if up or down or CHANGE.search(question) or since or LAST.search(question):
        baseline = baseline or register.before(target.label)
        labels = [e.label for e in register.editions]
        if baseline is not None and labels.index(baseline.label) > labels.index(target.label):
            baseline, target = target, baseline
        if baseline is None or baseline == target:
            return _no_edition(question, register, f"an edition before or after {target.label}",
                               t0)
        kinds = {"improved"} if up and not down else {"worsened"} if down and not up else None
        composer.changes(target, baseline, kinds, colours)
    else:
        composer.ratings(target if years else None, colours or None)
    ms = round((time.perf_counter() - t0) * 1000, 2)
    return Answer(question=question, answer="\n".join(composer.lines), abstained=composer.none_found,
                  citations=composer.citations, backend="extractive",
                  notes=[REGISTER_NOTE],
                  timings_ms={"answer": ms, "total": ms})


def _is_register_question(question: str, register: Register) -> bool:
    """About ratings of workstreams in general, not one named workstream, and not 'why'."""
    if WHY.search(question) or any(names_row(question, row) for row in register.rows):
        return False
    groups = {w.lower() for row in register.rows for e in row.entries.values()
              for w in words(e.group)}
    asked = set(re.findall(r"[a-z]+", question.lower()))
    if asked - GENERAL - groups:
        return False
    rating = bool(RAG_CUE.search(question) or COLOUR.search(question) or UNGRADED.search(question))
    moved = bool(UP.search(question) or DOWN.search(question))
    timed = bool(BASELINE.search(question) or LAST.search(question))
    collection = bool(COLLECTION.search(question))
    if CHANGE.search(question) or moved:
        return timed or (collection and (moved or rating))
    return rating and collection


def _groups(question: str, register: Register, edition: Edition) -> set[str]:
    """Enclosing sections the question names ("local collaborations" -> 5.4 Local ...)."""
    asked = {w.lower() for w in words(question)}
    found = set()
    for _, entry in register.rated(edition.label):
        title = re.sub(r"^\d+(?:\.\d+)*\s+", "", entry.group)
        mine = {w.lower() for w in words(title)} - STOP - GENERIC
        if mine and len(mine & asked) >= 0.6 * len(mine):
            found.add(entry.group)
    return found


def _edition_for(register: Register, year: str) -> Edition | None:
    """The newest edition of that year (a year can hold two editions)."""
    found = [e for e in register.editions if e.label.startswith(year)]
    return found[-1] if found else None


def _no_edition(question: str, register: Register, missing: str, t0: float) -> Answer:
    """Abstain, naming the editions the reports do give ratings for."""
    have = "; ".join(phrase(e) for e in register.editions)
    ms = round((time.perf_counter() - t0) * 1000, 2)
    return Answer(question=question, abstained=True, backend="extractive",
                  notes=[REGISTER_NOTE],
                  answer=f"The reports give no RAG ratings for {missing}. Ratings are available "
                         f"for {have}.", timings_ms={"answer": ms, "total": ms})


def _label(entry: Entry) -> str:
    """The entry's name, with its section title when that adds something."""
    section = entry.source.section
    if section.lower().startswith(entry.workstream.lower()) or entry.kind == "inline":
        return entry.workstream
    return f"{entry.workstream} ({section})"


class _Composer(Citer):
    """Collects answer lines, each ending in [n] markers, and the numbered citations."""

    def __init__(self, register: Register, groups: set[str], manifest: dict,
                 spans: list[dict]) -> None:
        super().__init__()
        self.register = register
        self.groups = groups  # empty: every workstream
        self.manifest = manifest
        self.spans = spans
        self.lines: list[str] = []
        self.none_found = False  # a colour was asked for and no workstream has it: nothing to name

    def summary(self, edition: Edition, about: re.Pattern) -> None:
        """Quote the report's own sentences counting its ratings, when the whole register is asked."""
        docs = self.manifest.get("documents", {})
        if self.groups or edition.document not in docs:
            return
        doc = docs[edition.document]
        for span in self.spans:
            text = collapse(span["text"])
            if (span["document"] == edition.document and span.get("kind") != "heading"
                    and AREA_COUNT.search(text) and about.search(text)):
                source = Source(span["document"], doc["title"], doc["date"], span["section"],
                                text, span["start"], span["end"])
                self.lines.append(f"The report's own summary: “{text}” {self.cite(source)}")

    def entries(self, edition: Edition | None) -> list[tuple[Row, Entry]]:
        """The edition's entries in the asked groups, each older entry once; with no edition,
        each row's newest rating (Register.current)."""
        pairs = (self.register.rated(edition.label) if edition else
                 [(row, entry) for row, entry, _ in self.register.current()])
        seen, out = set(), []
        for row, entry in pairs:
            key = (entry.source.document, entry.source.start)
            if self.groups and entry.group not in self.groups or key in seen:
                continue  # one older entry shared by split workstreams is listed once
            seen.add(key)
            out.append((row, entry))
        return out

    def ratings(self, edition: Edition | None, colours: list[str] | None) -> None:
        """List workstreams by colour (the asked colours, else every one), from one edition, or
        (edition None) each from the newest report that rates it."""
        rated = self.entries(edition)
        sources = {e.source.document for _, e in rated}
        mixed = edition is None and len(sources) > 1
        if edition is None and not mixed:
            edition = next((e for e in reversed(self.register.editions)
                            if e.document in sources and not e.derived), self.register.latest())
        if not mixed and not edition.derived:
            self.summary(edition, RATED_SUMMARY)
        where = ("the newest report that rates each workstream" if mixed else phrase(edition))
        where += f" under {' and '.join(sorted(self.groups))}" if self.groups else ""
        present = [c for c in ORDER if any(e.overall == c for _, e in rated)]
        self.none_found = bool(colours) and not any(e.overall in colours for _, e in rated)  # "which are red?"
        for colour in colours or present:
            hits = [e for _, e in rated if e.overall == colour]
            if not hits:
                counts = ", ".join(f"{sum(e.overall == c for _, e in rated)} {c}" for c in present)
                self.lines.append(f"No workstream is rated {colour} in {where}; its "
                                  f"{len(rated)} ratings are {counts} "
                                  f"{self.cite(*(e.source for _, e in rated))}.")
                continue
            verb = "area is" if len(hits) == 1 else "areas are"
            said = "not graded" if colour == "Not graded" else f"rated {colour}"
            self.lines.append(f"{len(hits)} {verb} {said} in {where} "
                              f"{self.cite(*(e.source for e in hits))}:")
            self.lines += [f"- {_label(e)}: {describe(e)}{self._from(e, mixed)} {self.cite(e.source)}"
                           for e in hits]
        unstated = [e for _, e in rated if e.overall is None]
        if colours and unstated:
            self.lines.append(f"The overall rating is not stated in the text for {len(unstated)} "
                              f"more {self.cite(*(e.source for e in unstated))}:")
            self.lines += [f"- {_label(e)}: {describe(e)}{self._from(e, mixed)} {self.cite(e.source)}"
                           for e in unstated]

    @staticmethod
    def _from(entry: Entry, mixed: bool) -> str:
        """Which report a rating comes from, when one answer lists ratings from several."""
        return f" (as of {entry.source.title}, {entry.source.date})" if mixed else ""

    def changes(self, target: Edition, baseline: Edition, kinds: set[str] | None,
                colours: list[str]) -> None:
        """List each row's change between two editions, grouped by kind (KIND_ORDER)."""
        if baseline.derived and baseline.document == target.document:
            self.summary(target, MOVED_SUMMARY)  # the report compares with its own column
        groups: dict[str, list[str]] = {}
        cited: list[Source] = []
        keep = {id(e) for _, e in self.entries(target)} | {id(e) for _, e in
                                                          self.entries(baseline)}
        for row in self.register.rows:
            new, old = row.entries.get(target.label), row.entries.get(baseline.label)
            if id(new) not in keep and id(old) not in keep:
                continue
            if colours and (new is None or new.overall not in colours):
                continue
            kind, text, sources = change(row, new, old, target, baseline)
            if kinds and kind not in kinds:
                continue
            cited += sources
            groups.setdefault(kind, []).append(f"{text} {self.cite(*sources)}")
        head = f"Compared with {phrase(baseline)}, {phrase(target)}"
        if not groups:
            wanted = " or ".join(sorted(kinds)) if kinds else "changed"
            compared = [e.source for _, e in self.entries(target)]
            self.lines.append(f"{head}: no workstream {wanted} {self.cite(*compared)}.")
            return
        ordered = sorted(groups, key=KIND_ORDER.index)
        counts = ", ".join(f"{len(groups[k])} {k}" for k in ordered)
        self.lines.append(f"{head} shows: {counts} {self.cite(*cited)}.")
        for kind in ordered:
            self.lines += [f"- {kind[0].upper()}{kind[1:]}: {item}" for item in groups[kind]]
