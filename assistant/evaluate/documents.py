"""The new-documents eval: board papers the answerer was never tuned on, as users add them.

Each plain-text report in `evals/new_documents/reports/` is rendered to PDF and to DOCX (the
shapes users upload), indexed beside the corpus in a scratch folder, and its questions are
scored like any eval set under the category `new_documents (pdf)` / `new_documents (docx)`;
evidence named `x.txt` is looked for in `x.pdf` / `x.docx`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from assistant.settings import ROOT, Settings

FOLDER = ROOT / "evals" / "new_documents"
FORMATS = ("pdf", "docx")


def to_pdf(text: str, path: Path) -> Path:
    """Render report text as a PDF the way a word processor would (wrapped, A4, DejaVu)."""
    import matplotlib
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("dejavu", "", str(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"))
    pdf.set_font("dejavu", size=10)
    for line in text.split("\n"):
        pdf.set_x(pdf.l_margin)
        if line.strip():
            pdf.multi_cell(pdf.epw, 5, line.replace("\t", "   ").strip())
        else:
            pdf.ln(3)
    pdf.output(str(path))
    return path


def to_docx(text: str, path: Path) -> Path:
    """Render report text as a Word file: one paragraph per line, tab-separated rows as tables,
    a line wholly in Markdown bold as a bold paragraph."""
    import docx

    from assistant.ingest.structure import EMPHASISED

    document = docx.Document()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = cell.strip()
            continue
        bold = EMPHASISED.match(lines[i].strip())  # "**Summary**": a bold title, as Word shows it
        if bold:
            document.add_paragraph().add_run(bold.group(2)).bold = True
        else:
            document.add_paragraph(lines[i])
        i += 1
    document.save(str(path))
    return path


def renamed(questions: list[dict], names: set[str], fmt: str) -> list[dict]:
    """The questions with evidence in a rendered report pointed at its .pdf/.docx name."""
    out = []
    for item in questions:
        evidence = [{**ev, "document": ev["document"].rsplit(".", 1)[0] + f".{fmt}"}
                    if ev["document"] in names else ev for ev in item.get("evidence", [])]
        out.append({**item, "evidence": evidence, "category": f"new_documents ({fmt})",
                    "kind": item["category"], "id": f"{item['id']}-{fmt}"})
    return out


def scratch_index(settings: Settings, tmp: Path, fmt: str, questions: list[dict],
                  folder: Path = FOLDER) -> tuple[Settings, list[dict]]:
    """The corpus plus the new reports rendered as `fmt`, indexed under `tmp`; the settings
    that point at it and the questions renamed to the rendered files."""
    from assistant.index.build import ingest

    reports = sorted((folder / "reports").glob("*.txt"))
    corpus = tmp / fmt / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    render = to_pdf if fmt == "pdf" else to_docx
    for report in reports:
        render(report.read_text(encoding="utf-8"), corpus / f"{report.stem}.{fmt}")
    scratch = settings.replace(corpus_dir=corpus, index_dir=tmp / fmt / "index", data_dir=tmp / fmt / "var")
    scratch.index_dir.mkdir(parents=True)
    for onnx in settings.index_dir.glob("*.onnx"):  # reuse the exported models, not export again
        shutil.copy(onnx, scratch.index_dir / onnx.name)
    ingest(None, scratch, progress=False)
    return scratch, renamed(questions, {r.name for r in reports}, fmt)


def evaluate_new_documents(settings: Settings, questions: list[dict],
                           folder: Path = FOLDER, formats: tuple[str, ...] = FORMATS) -> list[dict]:
    """Score the new-document questions once per format; rows as `evaluate.run` returns them."""
    from assistant.evaluate.harness import our_retrieval, run
    from assistant.ingest.documents import discover, load_document
    from assistant.pipeline import Assistant

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="new-documents-") as tmp:
        for fmt in formats:
            scratch, asked = scratch_index(settings, Path(tmp), fmt, questions, folder)
            assistant = Assistant(scratch, ensure_index=False)
            texts = {p.name: load_document(p).text for p in discover([scratch.corpus_dir])}
            rows += run(assistant, asked, texts, our_retrieval(assistant))
    return rows
