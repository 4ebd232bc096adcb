"""Briefing packs from a real index of the corpus: content, citations and the three formats.

The PDF's first page is rendered to tests/artifacts/brief-page1.png (look at it after a run).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from assistant.brief.build import brief_command, build_pack
from assistant.brief.render import write_pack
from assistant.contract import markers
from assistant.index.build import ingest, load
from assistant.ingest.chunking import collapse
from assistant.settings import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
NAS_REASON = "This workstream remains at amber due to the national delays."


@pytest.fixture(scope="module")
def index(settings, embedder):
    ingest(None, settings, embedder, progress=False)
    return load(settings, embedder)


@pytest.fixture(scope="module")
def everything(index):
    return build_pack(index)


@pytest.fixture(scope="module")
def pack(index):
    return build_pack(index, ["NAS", "ECFRS"])


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.name: p.read_bytes().decode("utf-8-sig") for p in (ROOT / "corpus").glob("*.txt")}


def lines(pack, heading):
    return [text for h, items in pack.sections if h == heading for _, text in items]


def test_every_line_and_cell_is_cited_verbatim(everything, texts):
    used = set()
    for _, items in everything.sections:
        for _, text in items:
            assert markers(text), text
            used |= markers(text)
    for _, cells in everything.table:
        for _, text in cells:
            assert text == "—" or markers(text)
            used |= markers(text)
    assert used == {c.n for c in everything.citations}
    for c in everything.citations:
        assert collapse(texts[c.document][c.start:c.end]) == c.quote, c


def test_status_table(everything):
    assert everything.columns == ["2019", "2021*", "2022"]
    table = {name: [rating or text.split(" [")[0] for rating, text in cells]
             for name, cells in everything.table}
    assert table["HO - Digital Policing Portfolio - NAS"] == ["Amber", "Amber", "Amber"]
    assert table["HO - Digital Policing Portfolio - NLEDP"] == ["Amber", "Amber", "Green"]
    assert table["Digital Public Contact – Single Online Home"] == ["Amber", "Green", "Green"]
    assert table["Local crime reduction collaborations"] == ["Green", "Amber", "Amber"]
    assert table["7F Network"] == ["—", "—", "Not graded"]
    assert table["Op Hexagon"] == ["not stated", "—", "—"]
    cells = dict(everything.table)  # the 2019 portfolio's rating is the portfolio's, not NAS's own
    assert "as a whole" in cells["HO - Digital Policing Portfolio - NAS"][0][1]
    assert "as a whole" not in cells["HO - Digital Policing Portfolio - NAS"][2][1]


def test_changes_since_the_last_report(everything):
    found = lines(everything, "What changed since the last report")
    assert any(t.startswith("Improved: HO - Digital Policing Portfolio - NLEDP: Amber to Green "
                            "(2021 to 2022)") for t in found)
    assert any(t.startswith("Worsened: Local crime reduction collaborations: Green to Amber "
                            "(2019 to 2022)") for t in found)


def test_amber_items_say_why(pack):
    found = " ".join(lines(pack, "Amber and red items, and why"))
    assert f"“{NAS_REASON}”" in found
    assert "has a RAG rating of amber because" in found
    assert "The report states no reason beyond the rating" in found  # ECFRS, 2019


def test_key_figures(pack):
    found = lines(pack, "Key figures")
    assert any(t.startswith("Benefits: £14.9m – cashable and non-cashable") for t in found)
    assert any("£169,620 per annum" in t for t in found)


def test_dates_ahead_are_after_each_report(everything):
    found = " ".join(lines(everything, "Dates ahead"))
    for ahead in ["17th July 2019:", "26th September 2019:", "early 2023:", "Spring 2023:"]:
        assert ahead in found
    assert "12th June" not in found  # went live before the 2019 paper was written
    assert "commences in October 2022" not in found  # before the 2022 edition


def test_topics_pick_workstreams_and_unknown_ones_are_refused(index, settings, tmp_path):
    assert [name for name, _ in build_pack(index, ["NAS"]).table] == [
        "HO - Digital Policing Portfolio - NAS"]
    with pytest.raises(ValueError, match="no workstream matches 'drones'"):
        build_pack(index, ["drones"])
    with pytest.raises(ValueError, match="--all"):
        brief_command([], False, "md", tmp_path / "x.md", settings)


def test_markdown(pack, tmp_path):
    path = write_pack(pack, "md", tmp_path / "brief.md")
    text = path.read_text(encoding="utf-8")
    row = r"^\| HO - Digital Policing Portfolio - NAS \| 🟧 Amber \(for [^|]+ as a whole\) \[\d+\] \| 🟧 Amber \[\d+\] \|"
    assert re.search(row, text, re.MULTILINE)
    assert f"“{NAS_REASON}”" in text.split("## Sources")[1]
    assert (tmp_path / "brief-chart.png").read_bytes()[:4] == b"\x89PNG"
    assert "![Ratings by edition](brief-chart.png)" in text


def test_docx(pack, tmp_path):
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(write_pack(pack, "docx", tmp_path / "brief.docx")))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Workstream", "2019", "2021*", "2022"]
    nas = next(r for r in table.rows if r.cells[0].text == "HO - Digital Policing Portfolio - NAS")
    cells = [c.text.split(" [")[0] for c in nas.cells[1:]]
    assert cells[1:] == ["Amber"] * 2 and cells[0].startswith("Amber (for ") and cells[0].endswith(" as a whole)")
    fill = nas.cells[3]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert fill == "FFC000"
    paragraphs = [p.text for p in document.paragraphs]
    sources = paragraphs[paragraphs.index("Sources") + 1:]
    assert len(sources) == len(pack.citations)
    for c, text in zip(pack.citations, sources, strict=False):
        assert text.startswith(f"[{c.n}] {c.title} ({c.date}), {c.section}: “{c.quote}”")
    assert any(NAS_REASON in t for t in sources)
    assert len(document.inline_shapes) == 1  # the chart
    page = document.sections[0]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)  # A4, not Letter
    props = document.core_properties
    assert props.title == pack.title and props.author == "Collab Assistant" and props.created
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL"
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("OFFICIAL") and f"Generated {pack.generated}" in footer.text
    assert [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]


def test_pack_author_marking_and_past_dates(index, tmp_path):
    from pypdf import PdfReader

    marked = build_pack(index, ["NAS"], author="officer1")
    marked.marking = "OFFICIAL-SENSITIVE"
    reader = PdfReader(str(write_pack(marked, "pdf", tmp_path / "b.pdf")))
    assert reader.metadata.author == "officer1" and reader.metadata.title == marked.title
    pages = [page.extract_text() for page in reader.pages]
    for n, text in enumerate(pages, 1):
        assert text.count("OFFICIAL-SENSITIVE") >= 2 and f"Page {n} of {len(pages)}" in text
    dates = " ".join(t for _, t in dict(build_pack(index).sections)["Dates ahead"])
    assert "these dates have now passed" in dates and "Ahead of today" not in dates  # it is after 2023


def test_pdf(everything, tmp_path):
    from PIL import Image
    from pypdf import PdfReader

    path = write_pack(everything, "pdf", tmp_path / "brief.pdf")
    text = collapse(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))
    for expected in ["Collaboration briefing: all workstreams", "Status by edition",
                     "HO - Digital Policing Portfolio - NAS", "£14.9m – cashable and non-cashable",
                     NAS_REASON, "Dates ahead", "Sources"]:
        assert expected in text
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed: `make system-deps`")
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(ARTIFACTS / "brief-page1")], check=True)
    rgb = np.asarray(Image.open(ARTIFACTS / "brief-page1.png").convert("RGB")).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    amber = ((r > 230) & (g > 170) & (g < 210) & (b < 40)).sum()  # FFC000 cells
    green = ((r < 30) & (g > 160) & (b > 60) & (b < 110)).sum()  # 00B050 cells
    assert amber > 500 and green > 500


def brief_cli(args: list[str], settings) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INDEX_DIR": str(settings.index_dir),
           "ASSISTANT_DATA_DIR": str(settings.data_dir)}
    return subprocess.run([sys.executable, "-m", "assistant.cli", "brief", *args], check=False,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)


def test_cli_writes_a_briefing(settings, index, tmp_path):
    import docx

    out = tmp_path / "nas.docx"
    r = brief_cli(["NAS", "--format", "docx", "-o", str(out)], settings)
    assert r.returncode == 0, r.stderr
    first_row = docx.Document(str(out)).tables[0].rows[1]
    assert first_row.cells[0].text == "HO - Digital Policing Portfolio - NAS"
    r = brief_cli(["--format", "md", "-o", str(tmp_path / "x.md")], settings)
    assert r.returncode == 2 and "--all" in r.stderr


def test_briefing_tab(assistant, tmp_path):
    import gradio as gr

    from assistant.web.briefing_tab import briefing_files, briefing_tab

    with gr.Blocks() as demo, gr.Tab("Briefing"):
        briefing_tab(assistant)
    boxes = [b for b in demo.blocks.values() if isinstance(b, gr.CheckboxGroup)]
    assert boxes and "HO - Digital Policing Portfolio - NAS" in boxes[0].value
    text, chart, docx_path, pdf_path = briefing_files(
        assistant, ["HO - Digital Policing Portfolio - NAS"], tmp_path)
    assert NAS_REASON in text
    assert chart.read_bytes()[:4] == b"\x89PNG"
    assert docx_path.stat().st_size > 10_000 and pdf_path.read_bytes()[:4] == b"%PDF"
