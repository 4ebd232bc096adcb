"""The RAG register: every workstream's rating in every report edition, each value cited.

This file owns the register's data model and `build_register`. The register is built from the
index manifest's parsed ratings (no re-parsing). Workstreams are matched across editions by
name (assistant/register/names.py), so a 2019 row and its 2022 successor(s) share one register
row; a workstream that split (one 2019 portfolio, two 2022 projects) gives its older entry to
each successor. A report's "previous RAG" dashboard column becomes an edition of its own
(e.g. "2021"), cited to the same dashboard rows. Answering questions about the register as a
whole lives in assistant/register/answers.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from assistant.contract import Citation
from assistant.question.editions import FULL_REGISTER
from assistant.register.names import MATCH, names_row, short_forms, similarity

RANK = {"Red": 1, "Amber": 2, "Green": 3}  # a higher rank is better
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
        """The answer contract's citation, numbered n."""
        return Citation(n, self.document, self.title, self.date, self.section, self.quote,
                        self.start, self.end)


@dataclass(frozen=True)
class Edition:
    """One column of the register: a report, or a later report's previous-RAG column."""

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
    kind: str  # dashboard | box | table | inline | field (the paper's own scale) | previous-column
    previous_edition: str | None = None  # the edition `previous` belongs to
    previous_source: Source | None = None
    group: str = ""  # heading of the enclosing section: "5.4 Local Collaborations"
    shared: bool = False  # a group's rating that later split: in each successor's row, not theirs alone


@dataclass
class Row:
    """One workstream across editions, however each edition names it."""

    name: str  # display name, from the newest edition that rates it
    section: str
    entries: dict[str, Entry] = field(default_factory=dict)  # edition label -> entry
    aliases: list[str] = field(default_factory=list)  # names and section titles seen
    short: set[str] = field(default_factory=set)  # acronyms naming it: "NAS", "SOH"


@dataclass
class Register:
    """Every rated workstream (rows) in every edition (columns)."""

    editions: list[Edition]  # oldest first
    rows: list[Row]

    def edition(self, label: str) -> Edition | None:
        """The edition with this label, if the reports have it."""
        return next((e for e in self.editions if e.label == label), None)

    def latest(self) -> Edition:
        """The newest edition read from its own report (not a previous column)."""
        return [e for e in self.editions if not e.derived][-1]

    def before(self, label: str) -> Edition | None:
        """The edition a change is measured from: the newest older one rating the most of the
        same workstreams (the previous edition of that series, not a one-topic paper written in
        between); the one just older when none shares two."""
        labels = [e.label for e in self.editions]
        older = self.editions[:labels.index(label)]
        if not older:
            return None

        this = self.editions[labels.index(label)]
        best = max(reversed(older), key=lambda e: self._shared(this, e))  # ties: the newest
        return best if self._shared(this, best) >= 2 else older[-1]

    def _shared(self, a: Edition, b: Edition) -> int:
        """Workstreams both editions rate: two or more make them editions of one series."""
        return sum(1 for row in self.rows if a.label in row.entries and b.label in row.entries)

    def _full(self) -> list[Edition]:
        """Reports rating several workstreams in RAG terms (a paper's own scale is not a dashboard)."""
        return [e for e in self.editions if not e.derived
                and sum(entry.kind != "field" for _, entry in self.rated(e.label)) >= FULL_REGISTER]

    def latest_full(self) -> Edition:
        """The newest report rating several workstreams, an edition of a series if there is one:
        what 'changes since the last report' compare (a later one-topic paper, or a comparison
        rating rows of its own, is not a new edition of the dashboard)."""
        full = self._full()
        own = self.own_papers()  # a comparison's rows are no edition of a series: nothing changed "since" one
        series = [e for e in full if e.document not in own]
        return (series or full)[-1] if full else self.latest()

    def current(self) -> list[tuple[Row, Entry, Edition]]:
        """Each workstream's rating "now": from the newest report that rates it, unless a newer
        full register of the same series (a report rating several workstreams, two or more of
        them shared with the one that rated it last) no longer rates it. A one-topic paper, or a
        several-item paper of another series (a board's agenda, a comparison), makes no other
        workstream vanish."""
        reports = [e for e in self.editions if not e.derived]
        full = self._full()
        out = []
        for row in self.rows:
            newest = [e for e in reports if e.label in row.entries]
            if not newest:
                continue
            last = newest[-1]
            later = [e for e in full if reports.index(e) > reports.index(last)]
            if not any(self._shared(e, last) >= 2 for e in later):
                out.append((row, row.entries[last.label], last))
        return out

    def own_papers(self) -> set[str]:
        """Reports whose RAG ratings are their own: they rate two or more things and share fewer
        than two of them with any other report (a comparison's rows, a board agenda's items), so
        "which rows are red?" about one is answered from it alone, not from the register."""
        reports = [e for e in self.editions if not e.derived]
        out = set()
        for e in reports:
            mine = [row for row in self.rows if e.label in row.entries and row.entries[e.label].kind != "field"]
            if len(mine) >= 2 and all(sum(o.label in row.entries for row in mine) < 2 for o in reports if o != e):
                out.add(e.document)
        return out

    def series_papers(self) -> set[str]:
        """Reports that are editions of a series: they share two or more rated workstreams with
        another report. "The 2019 update" names one; a year put to a one-off paper is more
        likely a date in its subject ("go-live is jan 27")."""
        reports = [e for e in self.editions if not e.derived]
        return {e.document for e in reports if any(self._shared(e, o) >= 2 for o in reports if o.document != e.document)}

    def rated(self, label: str) -> list[tuple[Row, Entry]]:
        """(row, entry) for every row this edition rates, in row order."""
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
            entry.shared = len(takers) > 1  # one 2019 portfolio rating, two 2022 projects
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
        row.short = short_forms(row, learned)
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
    """The entry a previous-RAG column gives, cited to the dashboard row it shares."""
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
    if {overall, previous} - set(RANK) - {None, "Not graded"}:  # a paper's own scale ("Keep", "Merge")
        return None if None in (overall, previous) else "no change" if overall == previous else "not comparable"
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
    """Names an entry goes by, for matching it to a row of another edition."""
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
