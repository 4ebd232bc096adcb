"""Briefing packs: status by edition, changes, amber/red reasons, figures, dates ahead — all cited.

A pack is built from the RAG register (assistant/register.py) and the index's quotable spans,
then rendered to Markdown, DOCX (python-docx) or PDF (fpdf2, with the DejaVu Sans font that
matplotlib ships, so any Unicode in a quote prints). Every line ends in [n] markers; the
numbered sources with their verbatim quotes close the pack. A PNG chart shows each
workstream's rating across editions.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .answer import Answer, Citation
from .chunking import collapse
from .register import (
    RANK,
    Citer,
    Entry,
    Register,
    Row,
    Source,
    build_register,
    change,
    describe,
    names_row,
    phrase,
)

COLOURS = {"Green": "00B050", "Amber": "FFC000", "Red": "FF4B4B", None: "D9D9D9"}  # cell fills
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"], 1)}
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
PARTS = {"early": 2, "spring": 4, "mid": 6, "summer": 7, "autumn": 10, "late": 11, "end of": 12,
         "the end of": 12, "winter": 12}
DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})\b"
    rf"(?:\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<month2>{MONTH})\s+(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<part>early|mid|late|the end of|end of|spring|summer|autumn|winter)[\s-]*"
    rf"(?P<year3>(?:19|20)\d\d)"
    rf"|financial year (?P<fy>(?:19|20)\d\d)/\d\d"
    rf"|(?:in|by|during|until) (?P<year4>(?:19|20)\d\d)\b)", re.IGNORECASE)
FUTURE = re.compile(r"\b(will|due|plann\w*|schedul\w*|expected|anticipated|projected|to be|"
                    r"going forward|next|closes|commenc\w*|starts?|begins?|aims?|looking at|"
                    r"available|should)\b", re.IGNORECASE)
REASON = [(3, re.compile(r"\b(because|(?<!\bis )(?<!\bare )(?<!\bbe )due to|as a result|"
                         r"owing to|falls? short|remains? at|rag rating of|graded (?:amber|red))\b",
                         re.IGNORECASE)),
          (2, re.compile(r"\b(amber|red)\b", re.IGNORECASE)),
          (1, re.compile(r"\b(delay\w*|not yet|yet to|on hold|issues?|risks?|lower than expected|"
                         r"not been as successful|awaiting|hinder\w*|pressures?|challeng\w*|"
                         r"slipp\w*|unfortunately)\b", re.IGNORECASE))]
MONEY = re.compile(r"£\s?\d|\d\s?%|\bper cent\b", re.IGNORECASE)
COUNT = re.compile(r"(?<![\w./£-])(\d[\d,]*)(?![\w/.-]*\d)(?![\w-])")  # not 7F, 7-Force, 18/19
COMPARED = re.compile(r"\b(increase|decrease|out of|of the|last report|more|fewer|under|over|"
                      r"at least|circa|approximately|up to)\b", re.IGNORECASE)
NOT_COUNTS = re.compile(rf"\b(?:19|20)\d\d(?:/\d\d)?\b|\b\d\d/\d\d\b|\b{MONTH}\s+\d\d\b"
                        r"|\b(?:section|phase|series|item|paragraph|priority)\s+\d+", re.IGNORECASE)


@dataclass
class Pack:
    """A briefing, format-free: every line ends in [n] markers into `citations`."""

    title: str
    subtitle: str
    columns: list[str]  # edition labels, oldest first
    table: list[tuple[str, list[tuple[str | None, str]]]]  # (workstream, [(rating, cell text)])
    sections: list[tuple[str, list[tuple[int, str]]]]  # (heading, [(indent level, line)])
    citations: list[Citation]
    notes: list[str] = field(default_factory=list)  # explanations under the table
    chart: bytes = b""  # PNG


def build_pack(index, topics: list[str] | None = None,
               ask: Callable[[str], Answer] | None = None) -> Pack:
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
        ("What changed since the last report", _changes(register, rows, citer)),
        ("Amber and red items, and why", _reasons(register, rows, spans, titles, citer, ask)),
        ("Key figures", _figures(register, rows, spans, titles, citer)),
        ("Dates ahead", _dates(register, rows, spans, titles, index.manifest, citer,
                               everything=topics is None)),
    ]
    named = "all workstreams" if topics is None else ", ".join(r.name for r in rows)
    docs = "; ".join(phrase(e) for e in register.editions if not e.derived)
    pack = Pack(f"Collaboration briefing: {named}",
                f"Prepared {date.today():%d %B %Y} from {docs}. Every line is cited [n]; the "
                f"numbered sources with verbatim quotes are listed at the end.",
                [c + ("*" if register.edition(c).derived else "") for c in columns], table,
                sections, citer.citations, notes)
    pack.chart = chart_png(register, rows)
    return pack


def _select(register: Register, topics: list[str] | None) -> list[Row]:
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
    if entry is None:
        return None, "—"
    text = entry.overall or "not stated"
    return entry.overall if entry.overall in RANK else None, f"{text} {citer.cite(entry.source)}"


def _changes(register: Register, rows: list[Row], citer: Citer) -> list[tuple[int, str]]:
    target = register.latest()
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


def _first_report(register: Register):
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


def _source(span: dict, titles: dict) -> Source:
    title, when = titles[span["document"]]
    return Source(span["document"], title, when, span["section"], collapse(span["text"]),
                  span["start"], span["end"])


def _reasons(register, rows, spans, titles, citer, ask) -> list[tuple[int, str]]:
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


def _asked(row: Row, entry: Entry, ask, citer: Citer) -> list[tuple[int, str]]:
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


def reason_score(text: str) -> int:
    """How strongly a sentence gives a reason for a rating (0: not at all)."""
    return sum(weight for weight, rx in REASON if rx.search(text))


def _figures(register, rows, spans, titles, citer) -> list[tuple[int, str]]:
    lines = []
    for row, entry in _own_entries(register, rows):
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


def figure_score(text: str) -> int:
    """2 for money or a percentage, 1 for a count worth quoting (10+, or compared), else 0."""
    text = NOT_COUNTS.sub(" ", DATE.sub(" ", text))
    if MONEY.search(text):
        return 2
    counts = [int(m.group(1).replace(",", "")) for m in COUNT.finditer(text)]
    return int(any(n >= 10 for n in counts) or bool(counts and COMPARED.search(text)))


def when(match: re.Match, report_year: int) -> tuple[int, int | None, int | None]:
    """(year, month, day) of a DATE match; a missing year is the report's year."""
    g = match.groupdict()
    if g["month"]:
        return int(g["year"] or report_year), MONTHS[g["month"][:3].lower()], int(g["day"])
    if g["month2"]:
        return int(g["year2"]), MONTHS[g["month2"][:3].lower()], None
    if g["part"]:
        return int(g["year3"]), PARTS[g["part"].lower()], None
    if g["fy"]:
        return int(g["fy"]), 4, None
    return int(g["year4"]), None, None


def _said(match: re.Match, report_year: int) -> str:
    """The date as the text gives it, with the report's year added when the text omits it."""
    said = re.sub(r"\s+", " ", match.group(0)).strip()
    return said if re.search(r"\d{4}", said) else f"{said} {report_year}"


def report_date(doc: dict) -> tuple[int, int, int | None]:
    """The date a report speaks from: its written date when known, else its edition date."""
    raw = str(doc.get("meta", {}).get("written") or doc.get("date", ""))
    parts = [int(p) for p in re.findall(r"\d+", raw)] + [12, 0]
    return parts[0], parts[1], parts[2] if len(parts) > 4 else None


def ahead(d: tuple[int, int | None, int | None], ref: tuple[int, int, int | None]) -> bool:
    """True when date d falls after the report's own date (same month counts as ahead)."""
    if d[1] is None:
        return d[0] > ref[0]
    if d[2] is None or ref[2] is None:
        return (d[0], d[1]) >= (ref[0], ref[1])
    return d > ref


def _dates(register, rows, spans, titles, manifest, citer, everything) -> list[tuple[int, str]]:
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
        dates = [(when(m, ref[0]), _said(m, ref[0])) for m in DATE.finditer(text)]
        future = [d for d in dates if ahead(d[0], ref)]
        if future:
            found.append((doc["date"], future[0][0], future[0][1], span))
    lines, last = [], None
    for edition_date, key, said, span in sorted(found, key=lambda f: (f[0], f[1][0], f[1][1] or 0,
                                                                      f[1][2] or 0)):
        if edition_date != last:
            title = titles[span["document"]][0]
            lines.append((0, f"Ahead of {title} ({edition_date}):"))
            last = edition_date
        quote = collapse(span["text"])
        lines.append((1, f"{said}: “{quote}” {citer.cite(_source(span, titles))}"))
    _cite_headings(lines)
    return lines


def _cite_headings(lines: list[tuple[int, str]]) -> None:
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


# --- chart ----------------------------------------------------------------------------------

def chart_png(register: Register, rows: list[Row]) -> bytes:
    """Each workstream's rating across editions: one line of coloured dots per workstream."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [e.label + ("*" if e.derived else "") for e in register.editions]
    fig, ax = plt.subplots(figsize=(7.5, 0.38 * len(rows) + 1.4), dpi=150)
    for y, row in enumerate(rows):
        points = [(x, row.entries[e.label]) for x, e in enumerate(register.editions)
                  if e.label in row.entries]
        ax.plot([x for x, _ in points], [y] * len(points), color="#9a9a9a", lw=1.5, zorder=1)
        for x, entry in points:
            rating = entry.overall if entry.overall in RANK else None
            ax.scatter(x, y, s=230, color="#" + COLOURS[rating], edgecolor="#444444", zorder=2)
            ax.text(x, y, (entry.overall or "?")[0], ha="center", va="center", fontsize=7,
                    zorder=3)
    ax.set_yticks(range(len(rows)), [_short(r.name) for r in rows], fontsize=7)
    ax.set_xticks(range(len(labels)), labels, fontsize=8)
    ax.set_xlim(-0.5, len(labels) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_title("Overall RAG rating by report edition (G/A/R; N = not graded, ? = not stated)",
                 fontsize=8)
    ax.grid(axis="x", color="#eeeeee")
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


# --- rendering ------------------------------------------------------------------------------

def to_markdown(pack: Pack, chart_name: str | None = None) -> str:
    """The pack as Markdown; the chart is linked when its file name is given."""
    squares = {"Green": "🟩", "Amber": "🟧", "Red": "🟥", None: "⬜"}
    out = [f"# {pack.title}", "", pack.subtitle, "", "## Status by edition", "",
           "| Workstream | " + " | ".join(pack.columns) + " |",
           "|---" * (len(pack.columns) + 1) + "|"]
    for name, cells in pack.table:
        shown = [f"{squares[r]} {t}" if t != "—" else t for r, t in cells]
        out.append("| " + " | ".join(x.replace("|", "\\|") for x in [name, *shown]) + " |")
    out += [""] + [f"_{n}_" for n in pack.notes]
    if chart_name:
        out += ["", f"![Ratings by edition]({chart_name})"]
    for heading, lines in pack.sections:
        out += ["", f"## {heading}", ""]
        out += [("  " * level) + f"- {text}" for level, text in lines] or ["- (nothing found)"]
    out += ["", "## Sources", ""]
    out += [f"- {_source_text(c)}" for c in pack.citations]
    return "\n".join(out) + "\n"


def _source_text(c: Citation) -> str:
    return (f"[{c.n}] {c.title} ({c.date}), {c.section}: “{c.quote}” — {c.document}, "
            f"characters {c.start}–{c.end}")


def to_docx(pack: Pack, path: Path) -> Path:
    """The pack as a Word document with shaded status cells and the chart embedded."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(pack.title, 0)
    document.add_paragraph(pack.subtitle)
    document.add_heading("Status by edition", 1)
    table = document.add_table(rows=1, cols=len(pack.columns) + 1)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Workstream", *pack.columns]):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for name, cells in pack.table:
        row = table.add_row().cells
        row[0].text = name
        for cell, (rating, text) in zip(row[1:], cells):
            cell.text = text
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            shade = OxmlElement("w:shd")
            shade.set(qn("w:val"), "clear")
            shade.set(qn("w:color"), "auto")
            shade.set(qn("w:fill"), COLOURS[rating] if text != "—" else "FFFFFF")
            cell._tc.get_or_add_tcPr().append(shade)
    for note in pack.notes:
        document.add_paragraph(note).runs[0].italic = True
    if pack.chart:
        document.add_picture(io.BytesIO(pack.chart), width=Inches(6.3))
    for heading, lines in pack.sections:
        document.add_heading(heading, 1)
        for level, text in lines or [(0, "(nothing found)")]:
            document.add_paragraph(text, style="List Bullet 2" if level else "List Bullet")
    document.add_heading("Sources", 1)
    for c in pack.citations:
        para = document.add_paragraph()
        para.add_run(f"[{c.n}] ").bold = True
        para.add_run(f"{c.title} ({c.date}), {c.section}: ")
        para.add_run(f"“{c.quote}”").italic = True
        para.add_run(f" — {c.document}, characters {c.start}–{c.end}")
        para.paragraph_format.space_after = Pt(2)
    document.save(str(path))
    return path


def _font_files() -> dict[str, Path]:
    """DejaVu Sans from the system if installed, else the copy matplotlib ships."""
    import matplotlib

    names = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
    for folder in [Path("/usr/share/fonts/truetype/dejavu"),
                   Path(matplotlib.get_data_path()) / "fonts" / "ttf"]:
        if all((folder / f).exists() for f in names.values()):
            return {style: folder / f for style, f in names.items()}
    raise RuntimeError("the DejaVu Sans font is missing: reinstall matplotlib or install "
                       "fonts-dejavu-core")


def to_pdf(pack: Pack, path: Path) -> Path:
    """The pack as an A4 PDF with coloured status cells and the chart embedded."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    for style, file in _font_files().items():
        pdf.add_font("DejaVu", style, str(file))
    pdf.set_title(pack.title)
    pdf.add_page()

    def para(text: str, size: float = 9.5, style: str = "", indent: float = 0, h: float = 5):
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, h, text, align="L", new_x="LMARGIN", new_y="NEXT")

    para(pack.title, 16, "B", h=8)
    para(pack.subtitle, 8.5, "I")
    pdf.ln(2)
    para("Status by edition", 12, "B", h=7)
    pdf.set_font("DejaVu", "", 8)
    widths = (pdf.epw * 0.46, *[pdf.epw * 0.54 / len(pack.columns)] * len(pack.columns))
    with pdf.table(col_widths=widths, text_align=("LEFT", *["CENTER"] * len(pack.columns)),
                   line_height=4.6, headings_style=FontFace(emphasis="BOLD",
                                                            fill_color=(235, 235, 235))) as t:
        head = t.row()
        for text in ["Workstream", *pack.columns]:
            head.cell(text)
        for name, cells in pack.table:
            row = t.row()
            row.cell(name)
            for rating, text in cells:
                fill = _rgb(COLOURS[rating]) if text != "—" else (255, 255, 255)
                row.cell(text, style=FontFace(fill_color=fill))
    for note in pack.notes:
        para(note, 8, "I")
    if pack.chart:
        pdf.ln(2)
        pdf.image(io.BytesIO(pack.chart), w=pdf.epw)
    for heading, lines in pack.sections:
        pdf.ln(2)
        para(heading, 12, "B", h=7)
        for level, text in lines or [(0, "(nothing found)")]:
            para(f"• {text}", 9, indent=5 * level)
    pdf.ln(2)
    para("Sources", 12, "B", h=7)
    for c in pack.citations:
        para(_source_text(c), 7.5, h=3.8)
    pdf.output(str(path))
    return path


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def write_pack(pack: Pack, fmt: str, out: Path) -> Path:
    """Write the pack as md (chart PNG beside it), docx or pdf; returns the file written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        chart = out.with_name(out.stem + "-chart.png")
        chart.write_bytes(pack.chart)
        out.write_text(to_markdown(pack, chart.name), encoding="utf-8")
        return out
    if fmt == "docx":
        return to_docx(pack, out)
    if fmt == "pdf":
        return to_pdf(pack, out)
    raise ValueError(f"unknown briefing format {fmt!r}: use md, docx or pdf")


def brief_command(topics: list[str], all_: bool, fmt: str, out: Path, settings) -> Path:
    """`assistant brief [TOPIC ...|--all] --format md|docx|pdf -o FILE`: write a pack."""
    if not topics and not all_:
        raise ValueError("name one or more workstreams (e.g. NAS ECFRS) or use --all")
    from .pipeline import Assistant

    assistant = Assistant(settings, progress=False)
    pack = build_pack(assistant.index, None if all_ else list(topics), ask=assistant.ask)
    return write_pack(pack, fmt, out)
