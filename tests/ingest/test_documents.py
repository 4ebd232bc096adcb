from pathlib import Path

import pytest
from conftest import CORPUS, DATA

from assistant.ingest.documents import DocumentError, guess_date, load_document, load_manifest


def test_corpus_files_load_with_manifest_metadata():
    manifest = load_manifest(CORPUS)
    doc = load_document(CORPUS / "2022-annual-collaboration-update.txt",
                        manifest["2022-annual-collaboration-update.txt"])
    assert doc.title == "Collaboration annual update" and doc.date == "2022-11"
    assert doc.text == (CORPUS / "2022-annual-collaboration-update.txt").read_text(encoding="utf-8")


def test_docx_and_pdf_excerpts_extract_their_text():
    for name in ["excerpt-2022.docx", "excerpt-2022.pdf"]:
        doc = load_document(DATA / name)
        assert "remains at amber due to the national delays" in " ".join(doc.text.split())
        assert doc.date == "2022"  # from the file name when the text states no meeting date


def test_docx_tables_are_flattened_to_tab_separated_rows():
    doc = load_document(DATA / "excerpt-2022.docx")
    assert "5.3.2 HO - Digital Policing Portfolio - NAS\tAmber\tAmber" in doc.text


@pytest.mark.parametrize("name, message", [
    ("broken.pdf", "not a readable PDF"),
    ("empty.txt", "empty"),
])
def test_bad_files_get_actionable_errors(name, message):
    with pytest.raises(DocumentError, match=message):
        load_document(DATA / name)


def test_non_utf8_text_is_read_not_lost():
    doc = load_document(DATA / "cp1252.txt")
    assert "£100k" in doc.text and "–" in doc.text


def test_huge_file_is_refused_with_the_setting_to_raise(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    with pytest.raises(DocumentError, match="ASSISTANT_MAX_FILE_MB"):
        load_document(big, max_mb=1)


def test_unsupported_type(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"PK")
    with pytest.raises(DocumentError, match="unsupported file type"):
        load_document(tmp_path / "a.xlsx")


def test_meeting_date_read_from_text():
    assert guess_date("Date of Meeting:\n\t27th June 2019", "x.txt") == "2019-06-27"


def test_title_author_and_date_come_from_the_files_own_properties(tmp_path):
    """A paper with no 'Title of Report' field: the DOCX/PDF properties name it."""
    import datetime

    import docx
    from fpdf import FPDF

    word = docx.Document()
    word.add_paragraph("OFFICIAL")
    word.add_paragraph("The unit flew 200 missions in the quarter.")
    word.core_properties.title = "Drone Unit quarterly update"
    word.core_properties.author = "Chief Inspector A. Example"
    word.core_properties.created = datetime.datetime(2024, 3, 12)
    word.save(str(tmp_path / "paper.docx"))
    doc = load_document(tmp_path / "paper.docx")
    assert (doc.title, doc.date, doc.meta["author"]) == (
        "Drone Unit quarterly update", "2024-03", "Chief Inspector A. Example")

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.set_title("Custody collaboration review")
    pdf.set_author("Kent and Essex Custody Board")
    pdf.set_creation_date(datetime.datetime(2023, 9, 1, tzinfo=datetime.UTC))
    pdf.multi_cell(pdf.epw, 6, "Source: https://example.org/custody\nTwo suites remain closed.")
    pdf.output(str(tmp_path / "review.pdf"))
    doc = load_document(tmp_path / "review.pdf")
    assert (doc.title, doc.date, doc.meta["author"]) == (
        "Custody collaboration review", "2023-09", "Kent and Essex Custody Board")


@pytest.mark.parametrize("text, title, date", [
    ("Drone collaboration board update\nNovember 2024\n\nThe board notes the update.",
     "Drone collaboration board update", "2024-11"),
    ("Source: https://example.org/report\nEstates Strategy Refresh\nDate: 12/03/2024\n\nText.",
     "Estates Strategy Refresh", "2024-03-12"),
    ("OFFICIAL\n\nMental Health Partnership Paper\n\nIn 2023 and 2023 and 2021 work went on.",
     "Mental Health Partnership Paper", "2023"),
    ("7 Force Network – Collaboration Portfolio Scorecard, Quarter 1 2026/27\n20 August 2026\n\nOFFICIAL\n",
     "7 Force Network – Collaboration Portfolio Scorecard, Quarter 1 2026/27", "2026-08-20"),
    ("Cross-Border Exploitation Partnership Fund – Quarterly Grant Claim and Monitoring Return: Project Kittiwake, "
     "Quarter 2 2026/27\nDate of return: 21 October 2026\n\nPART A – GRANT DETAILS\n\n"
     "A1 Grant recipient (lead body): Chief Constable of Essex Police\n",
     "Cross-Border Exploitation Partnership Fund – Quarterly Grant Claim and Monitoring Return: Project Kittiwake, "
     "Quarter 2 2026/27", "2026-10-21"),
    ("Minutes\n\nA1 Grant recipient (lead body): Chief Constable of Essex Police\nJoint Estates Review\n\nText.",
     "Joint Estates Review", "undated"),
])
def test_title_and_date_from_the_cover_lines(tmp_path, text, title, date):
    (tmp_path / "paper.txt").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "paper.txt")
    assert (doc.title, doc.date) == (title, date)


def test_a_pdf_title_wrapped_over_two_lines_is_read_whole(tmp_path):
    """A justified PDF prints 'Monitoring  Return:  Project' at the margin and 'Kittiwake, ...' on
    the next line: the title is both lines, spaces collapsed; the date and field lines stay apart."""
    from assistant.evaluate.documents import to_pdf

    title = ("Cross-Border Exploitation Partnership Fund – Quarterly Grant Claim and Monitoring Return: "
             "Project Kittiwake, Quarter 2 2026/27")
    body = " ".join(["The partners claimed the navigator posts and the analyst overtime this quarter."] * 4)
    text = f"{title}\nDate of return: 21 October 2026\nVersion: 1.2\n\nPART A – GRANT DETAILS\n\n" + "\n\n".join([body] * 6)
    doc = load_document(to_pdf(text, tmp_path / "claim.pdf"))
    assert (doc.title, doc.date) == (title, "2026-10-21")


def _docx_with_body(tmp_path, name: str, body_xml: str, prolog: str = "") -> Path:
    """A copy of the Word fixture whose document.xml body is replaced (bombs, huge bodies)."""
    import zipfile

    src = zipfile.ZipFile(DATA / "excerpt-2022.docx")
    out = tmp_path / name
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                head, rest = text.split("?>", 1)
                data = (f"{head}?>{prolog}" + rest.replace("Cyber", body_xml, 1)).encode()
            z.writestr(item.filename, data)
    return out


def test_bad_inputs_get_one_actionable_line(tmp_path):
    """Each of these once gave a traceback, or was indexed as garbage."""
    import shutil
    import sys

    cases = {}
    shutil.copy(DATA / "excerpt-2022.pdf", tmp_path / "pdf-named.docx")
    cases["pdf-named.docx"] = "is a .pdf file despite its name"
    shutil.copy(DATA / "excerpt-2022.docx", tmp_path / "word-named.pdf")
    cases["word-named.pdf"] = "is a .docx file despite its name"
    (tmp_path / "random.txt").write_bytes(bytes(range(256)) * 20)
    cases["random.txt"] = "holds binary data"
    shutil.copy(sys.executable, tmp_path / "program.txt")
    cases["program.txt"] = "holds binary data"
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    cases["passwd.txt"] = "is a symbolic link"
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    _docx_with_body(tmp_path, "laughs.docx", "&l9;", f"<!DOCTYPE d [{laughs}]>")
    cases["laughs.docx"] = "not a readable Word file"
    _docx_with_body(tmp_path, "expands.docx", "A" * 6 * 2**20)
    cases["expands.docx"] = "unpacks to"
    for name, message in cases.items():
        with pytest.raises(DocumentError, match=message):
            load_document(tmp_path / name, max_mb=1)


def test_utf16_is_decoded_and_control_characters_are_blanked(tmp_path):
    (tmp_path / "u16.txt").write_text("Drone paper\n\nThe unit flew 412 missions.\n", encoding="utf-16")
    assert "412 missions" in load_document(tmp_path / "u16.txt").text
    (tmp_path / "esc.txt").write_text("Drone paper\n\nThe unit \x1b[2J\x1b]0;owned\x07flew 412 "
                                      "missions from three bases in the year to March.\n")
    doc = load_document(tmp_path / "esc.txt")
    assert "\x1b" not in doc.text and "\x07" not in doc.text and "flew 412 missions" in doc.text


def test_a_manifest_that_is_not_a_mapping_says_how_to_fix_it(tmp_path):
    (tmp_path / "manifest.yaml").write_text("- title: a list, not a mapping\n")
    with pytest.raises(DocumentError, match="must map each file name"):
        load_manifest(tmp_path)


def test_word_tables_stay_where_they_are_in_the_text(tmp_path):
    import docx

    word = docx.Document()
    word.add_paragraph("Drone paper")
    word.add_paragraph("8. Performance")
    table = word.add_table(rows=2, cols=2)
    for r, cells in enumerate([("Month", "Deployments"), ("September 2023", "2,910")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    word.add_paragraph("9. Next steps")
    word.save(str(tmp_path / "paper.docx"))
    text = load_document(tmp_path / "paper.docx").text
    assert text.index("8. Performance") < text.index("September 2023\t2,910") < text.index("9. Next steps")


def test_headings_the_file_marks_are_sections_whatever_their_shape(tmp_path):
    import docx

    from assistant.ingest.structure import parse

    d = docx.Document()
    d.add_heading("Joint fleet workshop business case", 0)
    d.add_heading("what the workshop will cost.", 1)  # no heading shape: lower case, a full stop
    d.add_paragraph("Capital cost is £1.2m in 2024/25 and running costs fall by £465k a year.")
    d.add_heading("3.1 Who is in charge", 2)
    d.add_paragraph("The Senior Responsible Owner is Natalie Brightwell.")
    d.save(tmp_path / "case.docx")
    (tmp_path / "case.md").write_text("# Fleet case\n\n## costs, in brief\nIt costs £1.2m.\n\n## 2. Savings\n"
                                      "Savings are £465k a year.\n", encoding="utf-8")
    word = load_document(tmp_path / "case.docx")
    assert [s.heading for s in parse(word.text, word.headings).sections] == [
        "Front matter", "what the workshop will cost.", "3.1 Who is in charge"]
    md = load_document(tmp_path / "case.md")
    sections = parse(md.text, md.headings).sections
    assert [s.heading for s in sections] == ["Fleet case", "costs, in brief", "2 Savings"]
    assert md.text[sections[2].spans[1].start:sections[2].spans[1].end] == "Savings are £465k a year."


def test_a_pdf_marks_its_headings_by_font_size_and_weight(tmp_path):
    import matplotlib
    from fpdf import FPDF

    from assistant.ingest.structure import parse

    fonts = Path(matplotlib.get_data_path()) / "fonts/ttf"
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("dejavu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("dejavu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    body = "Capital cost is £1.2m in 2024/25 and running costs fall by £465k a year from 2026/27. "
    for style, size, line in [("B", 16, "Joint fleet workshop business case"), ("", 10, "July 2024"),
                              ("B", 13, "what the workshop will cost"), ("", 10, body * 3),
                              ("B", 10, "Options considered"), ("", 10, "Option 3, one shared site at Boreham, is recommended. " * 3),
                              ("B", 10, "Overall RAG: Amber"), ("", 10, body)]:
        pdf.set_font("dejavu", style, size)
        pdf.multi_cell(pdf.epw, 6, line)
    pdf.output(str(tmp_path / "case.pdf"))
    doc = load_document(tmp_path / "case.pdf")
    assert [s.heading for s in parse(doc.text, doc.headings).sections] == [
        "Front matter", "what the workshop will cost", "Options considered"]  # not the title, not the rating


def test_bold_titles_head_sections_in_word_and_markdown(tmp_path):
    """A paper that bolds its titles instead of using heading styles: a short paragraph wholly in
    bold (Word) or wholly in '**' (text, Markdown) heads a section; a bold sentence does not, nor
    does bold when most of the body is bold."""
    import docx

    from assistant.ingest.structure import parse

    prose = "Joint IT Services moved the core systems to the second data centre and back again."
    d = docx.Document()
    d.add_paragraph("Data centre failover test report")
    for title in ("Summary", "Test 1 – Core network"):
        d.add_paragraph().add_run(title).bold = True
        d.add_paragraph(prose)
    d.add_paragraph().add_run("Nothing was lost.").bold = True  # a bold sentence
    d.add_paragraph(prose)
    d.save(tmp_path / "test.docx")
    word = load_document(tmp_path / "test.docx")
    assert [s.heading for s in parse(word.text, word.headings).sections] == ["Front matter", "Summary",
                                                                            "Test 1 – Core network"]
    text = f"Data centre failover test report\n\n**Summary**\n\n{prose}\n\n**Scope**\n\n{prose}\n\n**Nothing was lost.**\n"
    assert [s.heading for s in parse(text).sections] == ["Front matter", "Summary", "Scope"]
    d = docx.Document()
    for k in range(6):
        d.add_paragraph().add_run(f"Point {k}").bold = True
    d.add_paragraph(prose)
    d.save(tmp_path / "bold.docx")
    assert load_document(tmp_path / "bold.docx").headings == ()
