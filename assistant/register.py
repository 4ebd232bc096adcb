"""The RAG register: every workstream's rating in every report edition, each value cited.

Built from the index manifest's parsed ratings (no re-parsing). Workstreams are matched
across editions by general name normalisation (& -> and, hyphenated words joined, acronyms
expanded against the other name's initials, token overlap), so a 2019 row and its 2022
successor(s) share one register row; a workstream that split (one 2019 portfolio, two 2022
projects) gives its older entry to each successor. A report's "previous RAG" dashboard column
becomes an edition of its own (e.g. "2021"), cited to the same dashboard rows.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from .answer import Answer, Citation
from .chunking import collapse

RANK = {"Red": 1, "Amber": 2, "Green": 3}  # a higher rank is better
STOP = {"of", "and", "the", "for", "in", "on", "to", "a", "an", "e", "g", "eg", "with", "at",
        "by", "through", "from", "this", "is", "be", "being"}
MATCH = 0.6  # least token overlap (of the shorter name) for two names to be one workstream
DIRECTIONS = {"improved": "improved", "no change": "no change", "worsened": "worsened",
              "deteriorated": "worsened", "declined": "worsened"}


@dataclass(frozen=True)
class Source:
    """Where a value was read: a verbatim (whitespace-collapsed) quote and its offsets."""

    document: str
    title: str
    date: str
    section: str
    quote: str
    start: int
    end: int

    def citation(self, n: int) -> Citation:
        return Citation(n, self.document, self.title, self.date, self.section, self.quote,
                        self.start, self.end)


@dataclass(frozen=True)
class Edition:
    label: str  # "2019", "2021", "2022" (year-month when two editions share a year)
    document: str  # the report the values are read from
    title: str
    date: str
    derived: bool = False  # True: read from a later report's "previous RAG" column


@dataclass
class Entry:
    """One workstream in one edition."""

    edition: str
    workstream: str  # the name as that edition writes it
    overall: str | None  # Green / Amber / Red / Not graded; None when the text states none
    previous: str | None
    direction: str | None  # improved / no change / worsened / not graded; None: no earlier value
    sub: dict[str, str]  # Time/Costs/Savings/Benefits -> G/A/R/N/A/TBD
    figures: dict[str, str]  # Costs/Savings/Benefits -> "£..."
    source: Source
    kind: str  # dashboard | box | inline | previous-column
    previous_edition: str | None = None  # the edition `previous` belongs to
    previous_source: Source | None = None
    group: str = ""  # heading of the enclosing section: "5.4 Local Collaborations"


@dataclass
class Row:
    name: str  # display name, from the newest edition that rates it
    section: str
    entries: dict[str, Entry] = field(default_factory=dict)  # edition label -> entry
    aliases: list[str] = field(default_factory=list)  # names and section titles seen
    short: set[str] = field(default_factory=set)  # acronyms naming it: "NAS", "SOH"


@dataclass
class Register:
    editions: list[Edition]  # oldest first
    rows: list[Row]

    def edition(self, label: str) -> Edition | None:
        return next((e for e in self.editions if e.label == label), None)

    def latest(self) -> Edition:
        """The newest edition read from its own report (not a previous column)."""
        return [e for e in self.editions if not e.derived][-1]

    def before(self, label: str) -> Edition | None:
        labels = [e.label for e in self.editions]
        i = labels.index(label)
        return self.editions[i - 1] if i > 0 else None

    def rated(self, label: str) -> list[tuple[Row, Entry]]:
        return [(r, r.entries[label]) for r in self.rows if label in r.entries]

    def find(self, topic: str) -> list[Row]:
        """Rows a user's topic names ("NAS", "ECFRS", "Single Online Home")."""
        return [r for r in self.rows if names_row(topic, r, whole=True)]


def build_register(manifest: dict) -> Register:
    """The register of every rated workstream across the manifest's report editions."""
    docs = sorted(manifest.get("documents", {}).items(), key=lambda kv: kv[1].get("date", ""))
    years = [d.get("date", "")[:4] for _, d in docs]
    editions: list[Edition] = []
    rows: list[Row] = []
    per_doc: list[tuple[Edition, dict, str]] = []
    for name, doc in docs:
        year = doc.get("date", "")[:4]
        label = year if years.count(year) == 1 else doc.get("date", "")
        prev = doc.get("previous_year")
        if prev and prev not in years and any(r.get("previous") for r in doc["ratings"]):
            editions.append(Edition(prev, name, doc["title"], doc["date"], derived=True))
        edition = Edition(label, name, doc["title"], doc["date"])
        editions.append(edition)
        per_doc.append((edition, doc, prev if prev and prev not in years else ""))
    for edition, doc, prev_label in reversed(per_doc):  # newest first: rows take newest names
        fresh = [_entry(edition, doc, r) for r in doc.get("ratings", [])]
        picked = _assign(rows, fresh)
        for k, entry in enumerate(fresh):
            takers = [row for row, j in picked if j == k]
            if not takers:
                takers = [Row(entry.workstream, entry.source.section)]
                rows.append(takers[0])
            for row in takers:
                row.entries[edition.label] = entry
                row.aliases += [a for a in _aliases(entry) if a not in row.aliases]
                row.aliases = list(dict.fromkeys(row.aliases))
                if prev_label and entry.previous:
                    entry.previous_edition, entry.previous_source = prev_label, entry.source
                    row.entries[prev_label] = _previous_entry(prev_label, entry)
    learned = manifest.get("acronyms", {})
    for row in rows:
        _link_previous(row, editions)
        row.short = _short_forms(row, learned)
    return Register(editions, rows)


def _entry(edition: Edition, doc: dict, r: dict) -> Entry:
    source = Source(edition.document, doc["title"], doc["date"], r["section"], r["quote"],
                    r["start"], r["end"])
    overall = r.get("overall")
    overall = None if overall in (None, "n/a", "TBD") else overall
    previous = r.get("previous")
    parents = {s["heading"]: s.get("parent", "") for s in doc.get("sections", [])}
    return Entry(edition.label, clean_name(r["workstream"]), overall, previous,
                 direction(overall, previous, r.get("direction")), dict(r.get("sub") or {}),
                 dict(r.get("figures") or {}), source, r.get("source", ""),
                 group=parents.get(r["section"], ""))


def _previous_entry(label: str, entry: Entry) -> Entry:
    return Entry(label, entry.workstream, entry.previous, None, None, {}, {}, entry.source,
                 "previous-column", group=entry.group)


def _link_previous(row: Row, editions: list[Edition]) -> None:
    """Give an entry with no stated previous rating the one from the edition before it."""
    labels = [e.label for e in editions if e.label in row.entries]
    for older, newer in pairwise(labels):
        entry = row.entries[newer]
        if entry.previous is None and entry.overall is not None:
            entry.previous = row.entries[older].overall
            entry.previous_edition, entry.previous_source = older, row.entries[older].source
            entry.direction = direction(entry.overall, entry.previous, None)


def direction(overall: str | None, previous: str | None, stated: str | None) -> str | None:
    """The box's own word when it gives one, else derived from previous vs overall."""
    if stated:
        low = re.sub(r"\s+", " ", stated.lower()).strip()
        for word, value in DIRECTIONS.items():
            if low.startswith(word):
                return value
    if overall not in RANK:
        return "not graded" if overall else None
    if previous not in RANK:
        return "not graded" if previous else None
    change = RANK[overall] - RANK[previous]
    return "improved" if change > 0 else "worsened" if change < 0 else "no change"


def clean_name(name: str) -> str:
    """A workstream name without footnote stars or a sentence glued on after a dash."""
    name = name.strip().rstrip("*").strip()
    parts = re.split(r"\s+[-–]\s+", name, maxsplit=1)
    if len(parts) == 2 and parts[1].endswith(".") and len(parts[1].split()) >= 5:
        return parts[0].strip()
    return name


def _aliases(entry: Entry) -> list[str]:
    names = [entry.workstream]
    if entry.kind == "dashboard":  # the numbered section's own title names it too
        names.append(re.sub(r"^\d+(?:\.\d+)*\s+", "", entry.source.section))
    return names


def _assign(rows: list[Row], fresh: list[Entry]) -> list[tuple[Row, int]]:
    """Each existing row picks its best-matching entry of an older edition, if any matches.

    Rows pick (not entries), so one older entry can go to several rows: a workstream split.
    """
    picked = []
    for row in rows:
        scores = [(max(similarity(a, b) for a in row.aliases for b in _aliases(e)), k)
                  for k, e in enumerate(fresh)]
        best = max(scores, default=(0.0, -1))
        if best[0] >= MATCH:
            picked.append((row, best[1]))
    return picked


@lru_cache(maxsize=4096)
def words(name: str) -> tuple[str, ...]:
    """Name tokens with case kept (acronyms matter): '&' -> 'and', 'On-line' -> 'Online'."""
    text = name.replace("&", " and ")
    text = re.sub(r"(?<=[A-Za-z])-(?=[a-z])", "", text)
    return tuple(re.findall(r"[A-Za-z0-9]+", text))


def _is_acronym(word: str, name: str) -> bool:
    return (2 <= len(word) <= 8 and word.isupper() and word.isalpha()) or bool(
        re.search(rf"\(\s*{re.escape(word)}\s*\)", name))


@lru_cache(maxsize=16384)
def _expanded(name: str, other: str) -> frozenset[str]:
    """Content tokens of `name`, each acronym replaced by the run of `other` words it abbreviates."""
    theirs = [w.lower() for w in words(other) if w.lower() not in STOP]
    out: set[str] = set()
    for w in words(name):
        low = w.lower()
        if low in STOP:
            continue
        run = _initials_run(low, theirs) if _is_acronym(w, name) else None
        out.update(run or [low])
    return frozenset(out)


def _initials_run(acronym: str, theirs: list[str]) -> list[str] | None:
    n = len(acronym)
    for i in range(len(theirs) - n + 1):
        if "".join(t[0] for t in theirs[i:i + n]) == acronym:
            return theirs[i:i + n]
    return None


def similarity(a: str, b: str) -> float:
    """Token overlap of two workstream names over the shorter one (0..1)."""
    ta, tb = _expanded(a, b), _expanded(b, a)
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    if shared < min(2, len(ta), len(tb)):
        return 0.0
    return shared / min(len(ta), len(tb))


def _short_forms(row: Row, learned: dict[str, str]) -> set[str]:
    """Acronyms naming a row: its names' own, plus the index's learned ones that expand to it."""
    found = {w for alias in row.aliases for w in words(alias) if _is_acronym(w, alias)}
    for acro, expansion in learned.items():
        spelled = {w.lower() for w in words(expansion)} - STOP
        if spelled and any(len(spelled & _expanded(alias, expansion)) >= 0.8 * len(spelled)
                           for alias in row.aliases):
            found.add(acro.upper())
    return found


def names_row(text: str, row: Row, whole: bool = False) -> bool:
    """True when `text` names this row: one of its acronyms, or most of one of its names.

    whole=True (a topic the user picked) also accepts a text whose own words all occur in a name.
    """
    for acro in row.short:
        flags = re.IGNORECASE if len(acro) >= 3 else 0
        if re.search(rf"(?<![A-Za-z]){re.escape(acro)}(?![A-Za-z])", text, flags):
            return True
    asked = {w.lower() for w in words(text)} - STOP
    for alias in row.aliases:
        mine = {w.lower() for w in words(alias)} - STOP
        if not mine or not asked:
            continue
        shared = len(mine & asked)
        if shared >= min(2, len(mine)) and shared / len(mine) >= 0.6:
            return True
        if whole and asked <= mine:
            return True
    return False


# --- answering register-wide questions -------------------------------------------------------

COLOUR_WORDS = {"green": "Green", "amber": "Amber", "red": "Red"}
ORDER = ["Red", "Amber", "Green", "Not graded"]
KIND_ORDER = ["improved", "worsened", "not graded", "not comparable", "no change", "new",
              "dropped"]
GENERIC = {"collaboration", "collaborations", "update", "current", "work"}  # in group titles


def _rx(pattern: str) -> re.Pattern:
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
worse worsened deteriorated declined downgraded upgraded moved movement there got gone become
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
    if not register.rows or not _is_register_question(question, register):
        return None
    colours = [COLOUR_WORDS[w.lower()] for w in dict.fromkeys(COLOUR.findall(question))]
    colours += ["Not graded"] if UNGRADED.search(question) else []
    up, down = bool(UP.search(question)), bool(DOWN.search(question))
    since = BASELINE.search(question)
    years = [y for y in re.findall(r"\b((?:19|20)\d\d)\b", question)
             if not since or y != since.group(1)]
    target = _edition_for(register, years[-1]) if years else register.latest()
    baseline = _edition_for(register, since.group(1)) if since else None
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
        composer.ratings(target, colours or None)
    ms = round((time.perf_counter() - t0) * 1000, 2)
    return Answer(question=question, answer="\n".join(composer.lines), abstained=False,
                  citations=composer.citations, backend="register",
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
    found = [e for e in register.editions if e.label.startswith(year)]
    return found[-1] if found else None


def _no_edition(question: str, register: Register, missing: str, t0: float) -> Answer:
    have = "; ".join(phrase(e) for e in register.editions)
    ms = round((time.perf_counter() - t0) * 1000, 2)
    return Answer(question=question, abstained=True, backend="register",
                  answer=f"The reports give no RAG ratings for {missing}. Ratings are available "
                         f"for {have}.", timings_ms={"answer": ms, "total": ms})


def phrase(edition: Edition) -> str:
    if edition.derived:
        return f"the {edition.label} gradings (as recorded in {edition.title}, {edition.date})"
    return f"the {edition.label} report ({edition.title}, {edition.date})"


def describe(entry: Entry) -> str:
    """'Amber, previously Amber (2021), no change' — the entry's values in words."""
    if entry.overall is None:
        subs = ", ".join(f"{k} {v}" for k, v in entry.sub.items())
        return "overall rating not stated in the text" + (f" (sub-ratings: {subs})" if subs else "")
    text = entry.overall
    if entry.previous_edition:
        text += f", previously {entry.previous or 'n/a'} ({entry.previous_edition})"
    if entry.direction and entry.overall in RANK:
        text += f", {entry.direction}"
    return text


def _label(entry: Entry) -> str:
    section = entry.source.section
    if section.lower().startswith(entry.workstream.lower()) or entry.kind == "inline":
        return entry.workstream
    return f"{entry.workstream} ({section})"


class Citer:
    """Numbers sources as they are first cited; the same quote always gets the same [n]."""

    def __init__(self):
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, int, int], int] = {}

    def cite(self, *sources: Source) -> str:
        marks = []
        for s in sources:
            key = (s.document, s.start, s.end)
            if key not in self._numbers:
                self._numbers[key] = len(self.citations) + 1
                self.citations.append(s.citation(self._numbers[key]))
            marks.append(f"[{self._numbers[key]}]")
        return "".join(dict.fromkeys(marks))


class _Composer(Citer):
    """Collects answer lines, each ending in [n] markers, and the numbered citations."""

    def __init__(self, register: Register, groups: set[str], manifest: dict, spans: list[dict]):
        super().__init__()
        self.register = register
        self.groups = groups  # empty: every workstream
        self.manifest = manifest
        self.spans = spans
        self.lines: list[str] = []

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

    def entries(self, edition: Edition) -> list[tuple[Row, Entry]]:
        seen, out = set(), []
        for row, entry in self.register.rated(edition.label):
            key = (entry.source.document, entry.source.start)
            if self.groups and entry.group not in self.groups or key in seen:
                continue  # one older entry shared by split workstreams is listed once
            seen.add(key)
            out.append((row, entry))
        return out

    def ratings(self, edition: Edition, colours: list[str] | None) -> None:
        if not edition.derived:
            self.summary(edition, RATED_SUMMARY)
        rated = self.entries(edition)
        where = phrase(edition) + (f" under {' and '.join(sorted(self.groups))}" if self.groups else "")
        present = [c for c in ORDER if any(e.overall == c for _, e in rated)]
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
            self.lines += [f"- {_label(e)}: {describe(e)} {self.cite(e.source)}" for e in hits]
        unstated = [e for _, e in rated if e.overall is None]
        if colours and unstated:
            self.lines.append(f"The overall rating is not stated in the text for {len(unstated)} "
                              f"more {self.cite(*(e.source for e in unstated))}:")
            self.lines += [f"- {_label(e)}: {describe(e)} {self.cite(e.source)}"
                           for e in unstated]

    def changes(self, target: Edition, baseline: Edition, kinds: set[str] | None,
                colours: list[str]) -> None:
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


def change(row: Row, new: Entry | None, old: Entry | None, target: Edition,
           baseline: Edition) -> tuple[str, str, list[Source]]:
    """(kind, text, sources) for one row between two editions; kind is one of KIND_ORDER."""
    if new is None:
        text = (f"{old.workstream}: {old.overall or 'not stated'} in {baseline.label}, "
                f"not rated in {target.label}")
        return "dropped", text, [old.source]
    if old is None:
        text = (f"{row.name}: {new.overall or 'not stated'} in {target.label}, "
                f"no {baseline.label} rating")
        same_report = baseline.derived and baseline.document == new.source.document
        return (new.direction or "new") if same_report else "new", text, [new.source]
    same_report = old.source == new.source
    kind = new.direction if same_report else direction(new.overall, old.overall, None)
    before, after = old.overall or "not stated", new.overall or "not stated"
    text = (f"{row.name}: {after} in both ({baseline.label} and {target.label})"
            if before == after else
            f"{row.name}: {before} to {after} ({baseline.label} to {target.label})")
    return kind or "not comparable", text, [new.source] if same_report else [old.source,
                                                                             new.source]
