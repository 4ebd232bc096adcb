"""Writing a briefing pack out: Markdown, DOCX (python-docx), PDF (fpdf2) and its PNG chart.

The PDF uses the DejaVu Sans font that matplotlib ships, so any Unicode in a quote prints.
Status cells are shaded by rating in every format; the numbered sources with their verbatim
quotes close each file. Heavy libraries are imported inside the writer that needs them.
"""

from __future__ import annotations

import io
from pathlib import Path

from assistant.brief.pack import Pack
from assistant.contract import Citation
from assistant.register.model import RANK, Register, Row

COLOURS = {"Green": "00B050", "Amber": "FFC000", "Red": "FF4B4B", None: "D9D9D9"}  # cell fills


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
    """A name cut to fit the chart's axis labels."""
    return name if len(name) <= limit else name[:limit - 1] + "…"


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
    """One numbered source with its verbatim quote and offsets, as the sources list shows it."""
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
    _docx_page(document, pack)
    document.add_heading(pack.title, 0)
    document.add_paragraph(pack.subtitle)
    document.add_heading("Status by edition", 1)
    table = document.add_table(rows=1, cols=len(pack.columns) + 1)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Workstream", *pack.columns], strict=False):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for name, cells in pack.table:
        row = table.add_row().cells
        row[0].text = name
        for cell, (rating, text) in zip(row[1:], cells, strict=False):
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


def _docx_page(document, pack: Pack) -> None:
    """A4 with 2 cm margins; title, author and marking as document properties; the marking in
    the header; marking, generated date and 'Page n of m' in the footer."""
    import datetime

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    props = document.core_properties
    props.title, props.author, props.last_modified_by = pack.title, pack.author, pack.author
    props.subject, props.keywords, props.category = pack.marking, pack.marking, pack.marking
    props.created = props.modified = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)

    def centred(paragraph, text: str):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(9)
        return paragraph

    def field(paragraph, code: str) -> None:
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), code)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)

    centred(section.header.paragraphs[0], pack.marking)
    footer = centred(section.footer.paragraphs[0], pack.marking)
    footer.add_run(f"   ·   Generated {pack.generated} by Collab Assistant   ·   Page ").font.size = Pt(8)
    field(footer, "PAGE")
    footer.add_run(" of ").font.size = Pt(8)
    field(footer, "NUMPAGES")


def to_pdf(pack: Pack, path: Path) -> Path:
    """The pack as an A4 PDF with coloured status cells and the chart embedded."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class Page(FPDF):
        """Every page: the marking above, marking, date and 'Page n of m' below."""

        def header(self):
            self.set_font("DejaVu", "B", 9)
            self.cell(0, 5, pack.marking, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self):
            self.set_y(-13)
            self.set_font("DejaVu", "B", 9)
            self.cell(0, 4, pack.marking, align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_font("DejaVu", "", 7.5)
            self.cell(0, 4, f"Generated {pack.generated} by Collab Assistant · Page {self.page_no()} "
                      "of {nb}", align="C")

    pdf = Page(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    for style, file in _font_files().items():
        pdf.add_font("DejaVu", style, str(file))
    pdf.set_title(pack.title)
    pdf.set_author(pack.author)
    pdf.set_subject(pack.marking)
    pdf.set_keywords(pack.marking)
    pdf.set_creator("Collab Assistant")
    pdf.add_page()

    def para(text: str, size: float = 9.5, style: str = "", indent: float = 0,
             h: float = 5) -> None:
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
    """fpdf2 takes fills as RGB; COLOURS holds the hex that Word cell shading takes."""
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
