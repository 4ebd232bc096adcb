"""Fixed expectations for the two real reports (checked by hand against the text)."""

import re
import textwrap

import pytest
from conftest import CORPUS

from assistant.ingest.structure import parse

TEXT19 = (CORPUS / "2019-06-quarterly-collaboration-update.txt").read_text(encoding="utf-8")
TEXT22 = (CORPUS / "2022-annual-collaboration-update.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def s19():
    return parse(TEXT19)


@pytest.fixture(scope="module")
def s22():
    return parse(TEXT22)


def headings(structure):
    return [s.heading for s in structure.sections]


def test_numbered_headings_2022(s22):
    h = headings(s22)
    for expected in ["5.3.2 DPP - National ANPR Service (NAS)", "5.3 National Collaboration",
                     "5.4.2 Local Crime Reduction Collaborations (Community Safety Hubs)",
                     "5.5.4 Durham University", "6.2 Demand"]:
        assert expected in h
    assert not any(x.startswith("1. ") or "Robotics" in x for x in h)  # list items aren't headings


def test_unnumbered_headings_2019(s19):
    h = headings(s19)
    for expected in ["Op Hexagon", "Joint Serious Crime Directorate (SCD)",
                     "Digital Public Contact – Single Online Home", "Durham University"]:
        assert expected in h
    assert "Key Findings" not in h and "Mark Johnson" not in h


def test_displaced_heading_takes_back_its_paragraph(s22):
    ecfrs = next(s for s in s22.sections if s.number == "5.4.1")
    body = TEXT22[ecfrs.start:ecfrs.end]
    assert "has a RAG rating of amber because" in body


def test_dashboard_ratings_2022(s22):
    by_number = {r.section.split()[0]: r for r in s22.ratings if r.source == "dashboard"}
    assert len(by_number) == 13
    nas = by_number["5.3.2"]
    assert (nas.overall, nas.previous, nas.direction) == ("Amber", "Amber", "No change")
    assert TEXT22[nas.start:nas.end] == "5.3.2 HO - Digital Policing Portfolio - NAS Amber Amber"
    nledp = by_number["5.3.1"]
    assert (nledp.overall, nledp.previous, nledp.direction) == ("Green", "Amber", "Improved")
    assert by_number["5.2.1"].overall == "Not graded"
    assert (s22.current_year, s22.previous_year) == ("2022", "2021")


def test_boxes_2019(s19):
    boxes = {r.section: r for r in s19.ratings if r.source == "box"}
    ecfrs = boxes["Essex County Fire and Rescue Service (ECFRS)"]
    assert ecfrs.overall == "Amber"
    assert ecfrs.sub == {"Time": "A", "Costs": "G", "Savings": "A", "Benefits": "A"}
    assert ecfrs.figures["Benefits"] == "£14.9m – cashable and non-cashable"
    hexagon = boxes["Op Hexagon"]
    assert hexagon.overall is None and hexagon.sub["Time"] == "A"  # overall cell is blank


def test_inline_ratings_2019(s19):
    inline = {r.workstream: r.overall for r in s19.ratings if r.source == "inline"}
    assert inline["PEQF"] == "Green"
    assert inline["Optimisation of Police and Public Engagement"] == "Amber"


def test_spans_are_whole_sentences_and_verbatim(s22):
    nas = next(s for s in s22.sections if s.number == "5.3.2")
    texts = [" ".join(TEXT22[sp.start:sp.end].split()) for sp in nas.spans if sp.kind == "sentence"]
    assert "This workstream remains at amber due to the national delays." in texts
    for s in s22.sections:
        for sp in s.spans:
            assert s.start <= sp.start < sp.end <= len(TEXT22)
            assert TEXT22[sp.start:sp.end] == TEXT22[sp.start:sp.end].strip()


def test_list_items_are_separate_spans(s22):
    hothouse = next(s for s in s22.sections if s.number == "5.5.2")
    bullets = [" ".join(TEXT22[sp.start:sp.end].split()) for sp in hothouse.spans if sp.kind == "bullet"]
    assert "Using technology to maximise prevention opportunities" in bullets
    assert re.search("Robotics and Automation in Policing", " | ".join(bullets))


def test_the_2019_report_as_a_pdf_parses_like_the_word_export(tmp_path):
    """A future board paper may arrive as a PDF: render the 2019 text to PDF, read it back with
    pypdf (hard-wrapped lines, no tabs) and expect the same workstreams and RAG boxes."""
    from assistant.evaluate.documents import to_pdf
    from assistant.ingest.documents import load_document

    to_pdf(TEXT19, tmp_path / "report.pdf")
    structure = parse(load_document(tmp_path / "report.pdf").text)
    h = headings(structure)
    for expected in ["Joint Serious Crime Directorate (SCD)", "Op Hexagon", "Durham University",
                     "Home Office Digital Policing Portfolio/Home Office Technology Programme",
                     "Essex County Fire and Rescue Service (ECFRS)", "6.2 Demand"]:
        assert expected in h
    boxes = {r.section: r for r in structure.ratings if r.source == "box"}
    assert boxes["Essex County Fire and Rescue Service (ECFRS)"].overall == "Amber"
    assert boxes["Op Hexagon"].sub["Time"] == "A"


def share_of(text: str) -> float:
    from assistant.ingest.chunking import chunk_document, quotable_share
    from assistant.ingest.documents import Document

    doc = Document("x.txt", text, "X", "2024", "0")
    return quotable_share(text, chunk_document(doc, parse(text), {}))


def test_rows_repeated_in_an_appendix_do_not_swallow_the_report():
    """Two dashboard rows repeated at the end once made the 'table' span the whole report."""
    appendix = ("\n\nAppendix A - Dashboard extract\n\n"
                "5.3.2 HO - Digital Policing Portfolio - NAS Amber Amber \n"
                "5.4.1 ECFRS collaboration Amber Amber \n")
    plain, extended = parse(TEXT22), parse(TEXT22 + appendix)
    assert len(extended.sections) >= len(plain.sections)
    assert sum(len(s.spans) for s in extended.sections) >= sum(len(s.spans) for s in plain.sections)
    assert share_of(TEXT22 + appendix) >= 0.95
    assert [r.overall for r in extended.ratings if r.source == "dashboard"] == \
        [r.overall for r in plain.ratings if r.source == "dashboard"]


def test_descriptions_between_dashboard_rows_stay_quotable():
    rows = "".join(f"1.{i} Site {i} Green Amber\nOwner: Kent Estates team {i}\n"
                   f"The site {i} lease is renewed until the end of the next financial year.\n"
                   for i in range(1, 8))
    text = f"Estates tracker\n\nRAG dashboard\n\n{rows}\n2 Summary\nThe board is asked to note it.\n"
    structure = parse(text)
    assert len([r for r in structure.ratings if r.source == "dashboard"]) == 7
    assert share_of(text) >= 0.95


def test_rating_lines_of_their_own_are_read():
    text = ("Drone Unit quarterly paper\nMarch 2024\n\n1. Drone Unit\nOverall RAG: Green\n"
            "The unit flew 200 missions this quarter from three bases.\n\n2. Custody\n"
            "RAG status – Amber\nTwo custody suites remain closed for repairs.\n")
    structure = parse(text)
    got = {(r.workstream, r.section, r.overall) for r in structure.ratings}
    assert got == {("Drone Unit", "1 Drone Unit", "Green"), ("Custody", "2 Custody", "Amber")}
    assert [s.heading for s in structure.sections] == ["Front matter", "1 Drone Unit", "2 Custody"]


def test_a_long_pdf_is_almost_all_quotable(tmp_path):
    """~120 pages rendered from the reports, read back with pypdf: nothing dropped silently."""
    from assistant.evaluate.documents import to_pdf
    from assistant.ingest.chunking import chunk_document, quotable_share
    from assistant.ingest.documents import load_document

    to_pdf("\n".join([TEXT19, TEXT22] * 6), tmp_path / "long.pdf")
    doc = load_document(tmp_path / "long.pdf")
    assert len(doc.text) > 300_000
    assert quotable_share(doc.text, chunk_document(doc, parse(doc.text), {})) >= 0.95


def test_numbered_paragraphs_and_wrapped_lines_are_not_headings():
    text = ("Drone paper\n\n1. Purpose\n\n1.1 This paper reports on the first year of the joint "
            "unit (JDU). It\nsets out the rating.\n\n3. Summary and rating\n\n3.1 Overall rating\n\n"
            "Overall RAG: Amber\n\n3.2 The unit has done well on its core operational measures "
            "and\nmade 2,864 deployments.\n\n5. Governance\n\n5.1 The unit is led by:\n"
            "- Chief Superintendent A. Example\n\n8. Performance\n\n8.2 Of the 2,864 deployments, 684 "
            "were searches for missing people and 903 were searches\nfor suspects.\n"
            "Month\tEssex\tKent\nSeptember 2023\t2,910\t585\n")
    structure = parse(text)
    assert set(headings(structure)) >= {"1 Purpose", "3 Summary and rating", "3.1 Overall rating",
                                   "5 Governance", "8 Performance"}
    assert not [h for h in headings(structure)
                if h.startswith(("1.1", "3.2", "5.1", "8.2", "September"))]
    quoted = [" ".join(text[s.start:s.end].split()) for sec in structure.sections for s in sec.spans]
    assert any(q.startswith("3.2 The unit has done well") for q in quoted)
    assert not any("Amber 3.2" in q for q in quoted)


def test_a_numbered_heading_with_a_long_gloss_in_brackets_heads_its_table():
    text = ("Operational order\n\n3. Method\n\n3.2 Command\nGold: Ch Supt Example (strategic).\n\n"
            "3.3 Deployments (officer shifts per day, both forces)\n\n"
            "Day        Essex    Kent    Total\nFri 11 June   96     74     170\nTotal         96     74     170\n\n"
            "3.4 Marine: three police boats on the water each day (two Essex, one Kent).\n")
    structure = parse(text)
    assert "3.3 Deployments (officer shifts per day, both forces)" in headings(structure)
    assert not [h for h in headings(structure) if h.startswith("3.4")]  # a numbered paragraph
    table = next(sec for sec in structure.sections if sec.heading.startswith("3.3"))
    assert any(text[s.start:s.end].startswith("Total") for s in table.spans)


def test_a_sections_own_rating_line_does_not_repeat_its_dashboard_row():
    text = ("Update\n\nCollaboration dashboard\nCurrent RAG 2023\nPrevious RAG 2022\n"
            "5.1.1 Serious Crime Green Green\n5.1.2 Support Services Amber Green\n"
            "5.1.3 Estates Green Green\n\n5.1.2 Support Services\n\nOverall RAG: Amber – deteriorated\n\n"
            "The directorate has been graded amber this year because the data centre move slipped.\n")
    ratings = parse(text).ratings
    assert [(r.workstream, r.source) for r in ratings if "Support" in r.workstream] == [
        ("Support Services", "dashboard")]


def test_a_status_table_with_pipes_rates_each_row_under_its_own_section():
    text = ("Joint custody paper\nMay 2025\n\n3. Summary\n3.1 Overall the programme is Amber.\n\n"
            "Workstream | RAG | Lead\nCustody estate | Amber | Ch Insp Tom Haverley\n"
            "Digital forensics backlog | Red | DCI Owen Prideaux\n\n"
            "4. Custody Estate\n4.1 The refurbishment at Harlow is four weeks late because fans were delayed.\n\n"
            "5. Digital Forensics\n5.1 The backlog has risen for three quarters and is now 1,184 devices.\n")
    structure = parse(text)
    got = {(r.workstream, r.section, r.overall, r.source) for r in structure.ratings}
    assert got == {("Custody estate", "4 Custody Estate", "Amber", "table"),
                   ("Digital forensics backlog", "5 Digital Forensics", "Red", "table")}
    assert not any("|" in h for h in headings(structure))  # rows are rows, not headings
    rows = [text[s.start:s.end] for sec in structure.sections for s in sec.spans if s.kind == "row"]
    assert "Custody estate | Amber | Ch Insp Tom Haverley" in rows


def test_minutes_items_and_list_labels_are_headings_and_fields_are_not():
    text = ("Community Safety Partnership Board – Minutes\nJanuary 2026\n\n"
            "Author: Ruth Kemble, Partnership Support Officer\n\n"
            "Apologies\n\nDr Imran Chaudhry – Integrated Care Board\nJacqueline Moss – Maldon District Council\n"
            "Inspector Bernard Okoye – Essex Police\n\n"
            "Item 1 – Welcome, Introductions and Apologies\n\n"
            "The Chair welcomed members to the first meeting of 2026 and noted the apologies above. The meeting "
            "was quorate, with all three district councils, the police and the fire service represented.\n\n"
            "The Chair welcomed Station Manager Kerry Blyth, who has replaced Station Manager Paul Everitt as the "
            "fire service prevention lead for mid Essex, and thanked him for his work over the last three years.\n\n"
            "Item 2 – Serious Violence Duty Funding\n\n"
            "Hannah Greaves reported that the Home Office has confirmed the allocation for 2026/27. The mid Essex "
            "share is £96,500, a reduction of £11,000 on the current year, and members discussed how to split it.\n\n"
            "Decision: the Board agreed to allocate £60,000 to the youth diversion scheme and £25,000 to the "
            "night-time economy work, with the remainder held until the July meeting of the Board.\n\n"
            "Members asked for a report on outcomes from the youth diversion scheme at the next meeting.\n\n"
            "Chief Inspector Amira Haddad explained that the scheme supports 74 young people at present.\n\n"
            "The Board thanked Hannah Greaves for securing the allocation ahead of the national timetable.\n\n"
            "The Chair closed the meeting at 12.30pm and thanked members for their attendance.\n")
    assert headings(parse(text)) == ["Front matter", "Apologies", "Item 1 – Welcome, Introductions and Apologies",
                                     "Item 2 – Serious Violence Duty Funding"]


def test_an_owner_field_stays_with_the_risk_it_belongs_to():
    text = ("Procurement review\nSeptember 2025\n\n1. Risks\n"
            "- Inflation in vehicle and parts prices – may erode the savings forecast from the fleet contract. "
            "Owner: Farid Qureshi.\n- Legal challenge to the uniform award. Owner: Joanna Ridd. Due: 10th April 2026.\n"
            "The risks are reviewed monthly. Next review: the March board.\n")
    quotes = [text[s.start:s.end] for sec in parse(text).sections for s in sec.spans]
    assert ("Inflation in vehicle and parts prices – may erode the savings forecast from the fleet contract. "
            "Owner: Farid Qureshi.") in quotes
    assert "Legal challenge to the uniform award. Owner: Joanna Ridd. Due: 10th April 2026." in quotes
    assert "The risks are reviewed monthly. Next review: the March board." in quotes


def test_bracket_numbering_delivery_confidence_and_label_headings():
    para = ("The joint control room will bring police call handling and fire control together in one "
            "building at Springfield, with 164 operator positions on a shared mobilising platform.")
    text = ("Joint Control Room Programme – Highlight Report No. 9\nMarch 2026\n\n"
            "Senior Responsible Owner: Assistant Chief Constable Rhiannon Delacourt\n\n"
            "Programme manager: Lorna Kasprzak, Joint Collaboration Programme Office\n\n"
            f"1) Programme summary\n\n{para}\n\n"
            "Overall delivery confidence: AR (Amber/Red; was Amber in Highlight Report No. 8).\n\n"
            f"2) Workstream reports\n\nWorkstream A: Building and fit-out\n\n{para} {para}\n\n"
            f"Workstream B: People and training\n\n{para} {para}\n")
    structure = parse(text)
    assert headings(structure) == ["Front matter", "1 Programme summary", "2 Workstream reports",
                                   "Workstream A: Building and fit-out", "Workstream B: People and training"]
    assert [(r.section, r.overall) for r in structure.ratings] == [("1 Programme summary", "Amber/Red")]


def test_dotted_leader_rows_and_ratings_told_in_sentences():
    """A dashboard of 'A. Name ..... AR ▼ ..... Lead' rows (blank lines between, no header) rates
    each row under its own section, and "has fallen from Amber to Amber/Red" gives the rating
    and the earlier one of a section the dashboard doesn't name. Rows and milestone lines that
    end without a full stop do not make a one-paragraph-per-line paper look hard-wrapped."""
    para = ("The contractor cannot finish the building because the new electricity supply has not been "
            "connected, and two of the rooftop cooling units were damaged in transit and had to be remade.")
    text = ("Joint Control Room Programme – Highlight Report No. 9\nMarch 2026\n\n"
            "1) Workstream dashboard\n\n"
            "A. Building and fit-out ............................ AR ▼ ...... Ian Mothersole, Head of Estates\n\n"
            "B. Command and control and mobilising technology .... A ► ....... Hollie Trask, Technology Lead\n\n"
            "C. People and training .............................. AG ▲ ...... Superintendent Declan Voss\n\n"
            "2) Workstream reports\n\nWorkstream A: Building and fit-out\n\n"
            f"Delivery confidence remains Amber/Red. {para}\n\n"
            "Workstream D: Procedures and training material\n\n"
            f"Delivery confidence has fallen from Green to Amber. {para}\n\n"
            "3) Milestones\n\n"
            "M1 Mobilising system contract awarded — baseline 14/07/2025 — actual 22/07/2025 — Complete\n"
            "M2 Police staff consultation closes — baseline 31/10/2025 — actual 31/10/2025 — Complete\n"
            "M4 Building handover to programme — baseline 30/01/2026 — forecast 17/04/2026 — Late\n")
    structure = parse(text)
    got = [(r.workstream, r.section, r.overall, r.previous, r.source) for r in structure.ratings]
    assert got == [
        ("Building and fit-out", "Workstream A: Building and fit-out", "Amber/Red", None, "table"),
        ("Command and control and mobilising technology", "1 Workstream dashboard", "Amber", None, "table"),
        ("People and training", "1 Workstream dashboard", "Amber/Green", None, "table"),
        ("Workstream D: Procedures and training material", "Workstream D: Procedures and training material",
         "Amber", "Green", "inline")]
    assert "Workstream D: Procedures and training material" in headings(structure)
    rows = [text[s.start:s.end] for sec in structure.sections for s in sec.spans if s.kind == "row"]
    assert rows[0].startswith("A. Building and fit-out ....") and len(rows) == 3


def test_lettered_and_bracketed_headings_register_entries_and_status_fields():
    """'B. How risks are scored' (sentence case, lettered in sequence) and '[2] Overall status'
    are headings, a lettered list is not; a short line over 'Owner: ...' fields names an entry;
    'Current status: Red (previous: Amber)' and 'This month: Amber.' rate their section with the
    earlier rating, and a numbered status line is not a heading."""
    para = ("The backlog of devices awaiting examination rose from 820 at the end of December to 1,140 "
            "at the end of March, and two of the five vacant investigator posts have been filled.")
    text = ("Kent and Essex Strategic Risk Register Extract\nMay 2025\n\nReport to: Joint Chief Officer Group\n\n"
            f"A. Purpose\n{para}\n\nB. How risks are scored\n{para}\n"
            "I. Further investment in crime prevention\nII. Reducing drug driven violence\n\n"
            "KE-R02 – Digital forensics capacity\nOwner: Detective Chief Superintendent Fiona Langridge\n"
            f"Residual rating: Red (16). Previous: Amber (12). Direction: worsened.\nCommentary: {para}\n\n"
            f"[2] Forensic Services\n\n2.1 Current status: Red (previous: Amber)\n\n2.2 {para}\n\n"
            f"WS1 – Coverage and network\n\nThis month: Amber/Red. Last month: Amber.\n\n{para}\n")
    structure = parse(text)
    assert headings(structure) == ["Front matter", "A. Purpose", "B. How risks are scored",
                                   "KE-R02 – Digital forensics capacity", "2 Forensic Services",
                                   "WS1 – Coverage and network"]
    got = [(r.workstream, r.overall, r.previous) for r in structure.ratings]
    assert got == [("KE-R02 – Digital forensics capacity", "Red", "Amber"), ("Forensic Services", "Red", "Amber"),
                   ("WS1 – Coverage and network", "Amber/Red", "Amber")]


def test_a_coded_row_is_rated_under_the_section_that_comments_on_it():
    """'CR1 Fire co-responder hours ... R' in a scorecard table belongs with the section whose
    commentary opens 'CR1 (Red): ...', not with the table's key."""
    para = ("Fire co-responder availability was 5,120 hours against a target of 6,000 hours, because 23 "
            "on-call firefighters have let their co-responder qualification lapse this year.")
    text = ("Tri-service scorecard\nNovember 2025\n\nHOW TO READ THE SCORECARD\n\n"
            "G = Green: the target has been met or exceeded.\n\n"
            "Measure                                   Target    Actual    Status\n"
            "CR1 Fire co-responder hours available     6,000     5,120     R\n"
            "CR2 Falls responses within one hour       80%       84%       G\n"
            "GE1 Fire attendance within 30 minutes     90%       93%       G\n\n"
            f"CO-RESPONDING AND FALLS\n\nCR1 (Red): {para}\n\nCR2 (Green): {para}\n\n"
            f"GAINING ENTRY\n\nGE1 (Green): {para}\n")
    got = {r.workstream[:3]: (r.section, r.overall) for r in parse(text).ratings}
    assert got == {"CR1": ("CO-RESPONDING AND FALLS", "Red"), "CR2": ("CO-RESPONDING AND FALLS", "Green"),
                   "GE1": ("GAINING ENTRY", "Green")}


def test_in_a_wrapped_pdf_sentence_case_headings_count_and_wrapped_field_lines_do_not():
    """Hard-wrapped text: 'Finding 2 – High priority – Supplier bank details' after a short
    field line and over a paragraph's first full line is a heading; the rest of a wrapped cover
    field ('Constable of Essex Police') and a space-aligned table row are not."""
    wrapped = ("Waivers allow the standing orders to be set aside where there is a justified reason, such as a\n"
               "single supplier or an urgent operational need, and they must be approved by the Chief\n"
               "Finance Officer in advance of the order being placed with the supplier concerned by the unit.\n")
    text = ("Internal Audit Report – Joint Procurement Service\n12 March 2024\n"
            "Report by: Head of Internal Audit on behalf of the Police, Fire and Crime Commissioner and the Chief\n"
            "Constable of Essex Police\nAudit sponsor: Chief Finance Officer\n"
            f"EXECUTIVE SUMMARY\n{wrapped}"
            "Source            Amount     Notes\nUniversity of Essex (in kind)   £96,000   academic staff time\n"
            f"Finding 1 – High priority – Waivers of contract standing orders\n{wrapped}"
            "Responsible officer: Daniel Mercer, Head of Joint Procurement\nTarget date: 31 May 2024\n"
            f"Finding 2 – High priority – Supplier bank detail changes\n{wrapped}{wrapped}")
    assert headings(parse(text)) == ["Front matter", "EXECUTIVE SUMMARY",
                                     "Finding 1 – High priority – Waivers of contract standing orders",
                                     "Finding 2 – High priority – Supplier bank detail changes"]


def test_a_heading_that_carries_its_rating_after_a_dash_and_blue_for_complete():
    """'Kent and Essex joint vetting — AMBER (Q3: GREEN)': the section is the project, rated Amber,
    Green before; BRAG's BLUE (complete) is a rating too."""
    para = ("Where we are: the joint vetting unit had 1,140 applications awaiting a decision on 31 March "
            "2026, against a tolerance of 800, after two vetting officers left in February.")
    text = ("Collaboration portfolio – quarter 4 delivery report\nApril 2026\n\n"
            f"Kent and Essex joint vetting — AMBER (Q3: GREEN)\n\n{para}\n\n"
            f"Shoeburyness shared station — BLUE (Q3: GREEN)\n\n{para}\n")
    structure = parse(text)
    assert headings(structure)[1:] == ["Kent and Essex joint vetting", "Shoeburyness shared station"]
    assert [(r.workstream, r.overall, r.previous) for r in structure.ratings] == [
        ("Kent and Essex joint vetting", "Amber", "Green"), ("Shoeburyness shared station", "Blue", "Green")]


def test_headings_a_plain_text_paper_marks_itself():
    """A line underlined with === (the underline is not quotable), a [bracketed] line, and
    numbered questions in sequence ('Q1 (Cllr ...): ...?' then 'Q2 ...') are headings."""
    para = ("The proposal is to replace the five council-run monitoring centres with one county hub at "
            "Chelmsford, staffed jointly by council operators and police staff from April 2027.")
    text = ("Responses to Questions from the Police, Fire and Crime Panel\n9 February 2026\n\n"
            f"Summary\n=======\n\n{para}\n\n[Status key]\n\n{para}\n\n"
            f"Q1 (Councillor Bernadette Quayle, Tendring District Council): What exactly is proposed?\n\n{para}\n\n"
            f"Q2 (Councillor Wilfred Amankwah, Basildon Borough Council): Which councils have signed up?\n\n{para}\n")
    structure = parse(text)
    assert headings(structure) == [
        "Front matter", "Summary", "Status key",
        "Q1 (Councillor Bernadette Quayle, Tendring District Council): What exactly is proposed?",
        "Q2 (Councillor Wilfred Amankwah, Basildon Borough Council): Which councils have signed up?"]
    quotes = [text[s.start:s.end] for sec in structure.sections for s in sec.spans]
    assert not any("===" in q for q in quotes)


def test_section_sign_numbering_month_logs_and_middle_dot_rows():
    """'§1 What this paper is for' (ending 'for', sentence case) and '§4.1 ...' are numbered
    headings; a log's lone month lines head its entries while the cover's date line does not;
    'P3 · Crown Court caseload · red (Q4: amber) · HMCTS' is a rated row, its code joined to its
    name and the bracket its earlier rating; a cover's OFFICIAL marking is no heading; an entry's
    opening date ('9 June.') is quoted with it."""
    para = "Each lead partner proposes a rating and the Delivery Group tests it at its monthly meeting."
    rows = "\n".join(f"P{k} · Priority number {k} · {r} (Q4: {p}) · steady · Essex Police"
                     for k, r, p in ((1, "red", "amber"), (2, "amber", "amber"), (3, "green", "red")))
    text = ("Joint delivery plan exception report\nSeptember 2026\n\nOFFICIAL\n\n"
            f"§1 What this paper is for\n\n{para}\n\n§2 The plan in one view\n\n{rows}\n\n"
            f"§2.1 Aid given\n\n{para}\n\nApril 2026\n\n9 June. Request from Thames Valley Police for two PSUs, declined.\n\n"
            f"May 2026\n\n{para}\n")
    structure = parse(text)
    assert headings(structure) == ["Front matter", "1 What this paper is for", "2 The plan in one view", "2.1 Aid given",
                                   "April 2026", "May 2026"]
    assert [(r.workstream, r.overall, r.previous) for r in structure.ratings] == [
        ("P1 Priority number 1", "Red", "Amber"), ("P2 Priority number 2", "Amber", "Amber"),
        ("P3 Priority number 3", "Green", "Red")]
    quotes = [text[s.start:s.end] for sec in structure.sections for s in sec.spans]
    assert "9 June. Request from Thames Valley Police for two PSUs, declined." in quotes


def test_labelled_numbered_headings_in_sequence_and_a_confidence_field():
    """'Slide 1 – About this pack' ... 'Slide 3 – What the Board is asked to do' are headings
    (a word and a number in sequence, any case when short) while a lone 'Step 1 – ...' is not;
    'Confidence: Amber at this review; Green in October 2025' rates its section, Green before."""
    bullets = "• Covers the first half of 2025/26.\n• Figures are shown against the previous half."
    text = ("SOCU half-year pack\nOctober 2025\n\n"
            f"Slide 1 – About this pack\n\n{bullets}\n\nSlide 2 – Fleet savings\n\n"
            "Confidence: Amber at this review; Green in October 2025; Green in April 2025.\n\n"
            f"Slide 3 – What the Board is asked to do\n\n{bullets}\n\nStep 1 – Read the pack\n\n{bullets}\n")
    structure = parse(text)
    assert headings(structure) == ["Front matter", "Slide 1 – About this pack", "Slide 2 – Fleet savings",
                                   "Slide 3 – What the Board is asked to do"]
    assert [(r.section, r.overall, r.previous) for r in structure.ratings] == [
        ("Slide 2 – Fleet savings", "Amber", "Green")]


def test_bracketed_codes_number_headings_in_sequence():
    """'[WS1] Regional vetting hub', '[WS2] ...' head their workstreams like '[1] ...' would;
    a bracketed code inside a sentence does not."""
    text = ("7 Force scorecard\nAugust 2026\n\n[Purpose]\n\nThis scorecard gives the position.\n\n"
            "[WS1] Regional vetting hub\n\nStatus: WATCH (last quarter: ON TRACK)\n\n"
            "[WS2] Joint fleet procurement\n\n[WS3] is the code the forensic network had last year.\n")
    assert headings(parse(text)) == ["Front matter", "Purpose", "WS1 Regional vetting hub",
                                     "WS2 Joint fleet procurement"]


def test_a_short_line_over_a_lead_in_sentence_and_its_items_is_a_heading():
    """'Decisions for the Board' over 'The Board is asked to:' and numbered items heads them;
    a line over a one-word label ('Strengths:') and its bullets stays in its section."""
    text = ("Benefits tracker\nApril 2026\n\nOverall position\n\n"
            "By 31 March 2026, £1,075,000 a year had been taken out of budgets, which is 81% of the promised total.\n\n"
            "Decisions for the Board\n\nThe Board is asked to:\n\n1. note the position on the eight live benefits;\n\n"
            "2. decide whether to run a separate tender now.\n\nCommunity Policing Review\n\n"
            "This 12 month project has now been completed and the findings have been reviewed by the board.\n"
            "Key Findings\nStrengths:\n"
            "· Strong partnerships with other agencies\n· Good local knowledge\n")
    assert headings(parse(text)) == ["Front matter", "Overall position", "Decisions for the Board",
                                     "Community Policing Review"]


def test_symbol_marked_headings_and_number_words_in_sequence():
    """'■ Summary', '■ Background' (a symbol on lone lines over prose) and 'Theme one: ...',
    'Theme two: ...' head sections; a run of '■' items is a list, and a sentence leading into
    items ('The team has agreed two commitments:') is not a heading."""
    prose = "The unit brings the two licensing teams together in one office at Chelmsford."
    text = (f"Readiness assessment\nNovember 2025\n\n■ Summary\n\n{prose}\n\n■ Background\n\n{prose}\n\n"
            f"Theme one: Leadership and direction\n\n{prose}\n\nTheme two: Working across two forces\n\n{prose}\n\n"
            "What we will do\n\nThe directorate leadership team has agreed two commitments in response:\n\n"
            "Commitment 1: fix the ten system problems that staff raised most often.\n\n"
            "Commitment 2: publish a workload review by June.\n\n■ Migration slips\n■ Staff leave\n")
    assert headings(parse(text)) == ["Front matter", "Summary", "Background", "Theme one: Leadership and direction",
                                     "Theme two: Working across two forces", "What we will do"]


def test_marks_of_one_shape_head_sections_when_they_mostly_set_off_titles():
    """A time stamp ('[00:09:15] Crime scene accreditation'), a number with a middle dot
    ('2 · Background') or a symbol before a long title ('✦ H3 Procurement Act 2023 and the 7
    Force contract pipeline') heads a section when lines with that mark stand alone over prose;
    a bullet mark that mostly sets off list items ('• Two areas have improved.') does not. The
    title loses its mark: a time stamp is dropped, a dotted number is the section's number."""
    prose = "The panel heard that the backlog had fallen by a third since the spring, as planned."
    transcript = (f"Scrutiny board transcript\n3 December 2026\n\n[00:00:00] Introduction of the item\n\n{prose}\n\n"
                  f"[00:09:15] Digital forensics backlog and kiosks\n\nTHE CHAIR: {prose}\n\n"
                  f"[00:14:55] Crime scene accreditation\n\n{prose}\n")
    assert headings(parse(transcript))[1:] == ["Introduction of the item", "Digital forensics backlog and kiosks",
                                               "Crime scene accreditation"]
    pid = f"Project initiation document\n12 January 2027\n\n1 · Document control\n\n{prose}\n\n2 · Background\n\n{prose}\n"
    assert headings(parse(pid))[1:] == ["1 Document control", "2 Background"]
    review = (f"Demand and capacity review\n13 November 2025\n\n4 › Demand arriving at the unit\n\n"
              f"Figure 2. Collisions referred to the unit each year: 2022/23, 349; 2023/24, 371; 2024/25, 412.\n\n"
              f"5 › Capacity and workload\n\n{prose}\n")
    assert headings(parse(review))[1:] == ["4 Demand arriving at the unit", "5 Capacity and workload"]
    scan = (f"Horizon scan\nIssue 5\n\n✦ H3 Procurement Act 2023 and the 7 Force contract pipeline\n\n{prose}\n\n"
            f"✦ H6 Right Care, Right Person national agreement\n\n{prose}\n")
    assert headings(parse(scan))[1:] == ["H3 Procurement Act 2023 and the 7 Force contract pipeline",
                                         "H6 Right Care, Right Person national agreement"]
    bullets = (f"Annual update\nNovember 2023\n\nAgainst the 2022 gradings:\n\n• Two areas have improved.\n"
               f"• Three areas have moved from green to amber\n{prose}\n\n• One area is new\n{prose}\n"
               "• Safer streets\n• Hubs\n")
    assert "One area is new" not in headings(parse(bullets))


def test_hash_brace_and_lower_numeral_headings_head_sections_and_double_colon_rows_are_cells():
    """'#5 Who Gets What' and '{1} About this schedule' are numbered headings (Word and
    hard-wrapped PDF text alike), and so are 'i) Purpose', 'ii) Where the ideas ended up' in a
    sequence over prose, but not lower-case numerals over items of a list; a row of a table
    written with double colons ('C9 :: Kent and Essex Joint Vetting Unit :: Full') is a table's
    cells, not a heading, even as the last row before the next heading."""
    prose = ("The unit will be split into two single-force dog units by 1 February 2027, following the "
             "notice of withdrawal served in January.")
    plan = (f"Joint dog unit disaggregation plan\n11 June 2026\n\n#1 Purpose\n\n{prose}\n\n"
            f"#5 Who Gets What\n\nDog vans: 39 → 22 to Essex, 17 to Kent.\n{prose}\n")
    assert headings(parse(plan))[1:] == ["1 Purpose", "5 Who Gets What"]
    wrapped = "\n".join(textwrap.wrap(prose, 90))
    assert headings(parse(f"Joint dog unit plan\nStatus: For decision\n#1 Purpose\n{wrapped}\n"
                          f"#2 Why the Unit Is Being Split\n{wrapped}\n"))[1:] == ["1 Purpose",
                                                                                "2 Why the Unit Is Being Split"]
    schedule = f"Charging schedule\n12 March 2026\n\n{{1}} About this schedule\n\n{prose}\n\n{{2}} How prices are set\n\n{prose}\n"
    assert headings(parse(schedule))[1:] == ["1 About this schedule", "2 How prices are set"]
    review = (f"Innovation review\n20 November 2025\n\ni) Purpose and decisions sought\n\n{prose}\n\n"
              f"ii) Where the Series 3 ideas ended up\n\n{prose}\n")
    assert headings(parse(review))[1:] == ["i) Purpose and decisions sought", "ii) Where the Series 3 ideas ended up"]
    listed = (f"Quarterly update\nJune 2019\n\nThe main collaborations are:\ni. Essex/Kent police forces\n"
              f"a. Joint Serious Crime Directorate\n\nii. Regional police collaboration\na. 7 Force programme\n\n{prose}\n")
    assert headings(parse(listed)) == ["Front matter"]
    rows = ("Ref :: Collaboration :: First line :: Second line :: Overall 2026 (2025)\n"
            "C8 :: Right Care, Right Person with EEAST and EPUT and the ambulance trust :: Partial :: Gap :: Unassured\n"
            "C9 :: Kent and Essex Joint Vetting Unit :: Full :: Partial :: Adequate (Weak)\n")
    amap = f"Assurance map\n12 November 2026\n\n◇ The Map at a Glance\n\n{rows}\n◇ Headlines\n\n{prose}\n"
    assert headings(parse(amap))[1:] == ["The Map at a Glance", "Headlines"]


def test_a_short_line_with_its_rating_after_a_sentence_heads_a_section_in_pdf_text():
    """'Eastern region firearms licensing hub — GREEN (Q3: AMBER)' on a line of its own after a
    finished sentence heads a section in hard-wrapped text though its title is in sentence
    case, and the rating belongs to that section."""
    para = ("Where we are: the shared hub in Huntingdon processes firearms and shotgun certificate grants and "
            "renewals for all seven forces, and the Essex renewal backlog has fallen from 2,310 at quarter 3 to "
            "640 with no certificate expired while awaiting renewal since 12 February 2026. The hub recruited 14 "
            "firearms enquiry officers in January and moved to a single case management system on 9 February "
            "2026, and the Portfolio Office agreed the move to green at its March meeting.")
    wrapped = "\n".join(textwrap.wrap(para, 100))
    text = (f"Portfolio delivery report\n23 April 2026\nKent and Essex joint vetting — AMBER (Q3: GREEN)\n"
            f"Lead: Rosalind Tewkesbury-Hart, Head of Joint Vetting.\n{wrapped}\n"
            f"Eastern region firearms licensing hub — GREEN (Q3: AMBER)\nLead: Superintendent Clive Ansah-Porter.\n"
            f"{wrapped}\n")
    parsed = parse(text)
    assert headings(parsed)[1:] == ["Kent and Essex joint vetting", "Eastern region firearms licensing hub"]
    assert {(r.workstream, r.section, r.overall) for r in parsed.ratings} >= {
        ("Eastern region firearms licensing hub", "Eastern region firearms licensing hub", "Green")}


def test_slash_table_rows_are_cells_and_a_title_over_one_short_paragraph_heads_a_section():
    """'Total / 11 / 2 / 3' (three cells or more split by slashes) is a table row, not a
    heading; 'Audit KE-24/09 – Kent and Essex Joint Vetting Unit' over one short paragraph
    ('Issued 2 December 2024.') and then the next heading is a heading."""
    prose = ("No recommendation has been overdue for more than six months, the point at which the Committee's "
             "terms of reference require the action owner to attend in person.")
    text = (f"Audit follow-up tracker\n5 March 2026\n\nSummary Position\n\n{prose}\n\n"
            "Audit / Recs / Complete / Overdue\nKE-24/09 Joint vetting / 3 / 1 / 1\nTotal / 11 / 2 / 3\n\n"
            "At the November 2025 meeting the same eleven recommendations stood at none complete, three complete "
            "(unverified), six on course and two overdue.\n\n"
            f"Ageing of Overdue Actions\n\n{prose}\n\nAudit KE-24/09 – Kent and Essex Joint Vetting Unit\n\n"
            "Issued 2 December 2024. Opinion: Limited assurance.\n\nVET-1 — Vetting renewals backlog\n\n"
            "Priority: High. Owner: Nicola Stroud-Akande, Head of Joint Vetting.\n\n"
            "Status now: Overdue. At November 2025: On course.\n")
    assert headings(parse(text))[1:] == ["Summary Position", "Ageing of Overdue Actions",
                                         "Audit KE-24/09 – Kent and Essex Joint Vetting Unit",
                                         "VET-1 — Vetting renewals backlog"]


def test_a_list_of_names_in_pdf_text_is_not_a_run_of_headings():
    """Hard-wrapped minutes: the people present, one per line in title case, are a list under
    'Present', not a heading each; the agenda items after them still head sections."""
    para = ("The Chair welcomed members to the meeting and noted that the Board was quorate. Apologies were "
            "received from the members listed above, and no declarations of interest were made by any member "
            "present for the items on the agenda of this meeting, which ran for two and a half hours.")
    wrapped = "\n".join(textwrap.wrap(para, 100))
    people = ["Councillor Margaret Ellingham – Chelmsford City Council (Chair)",
              "Councillor Dev Raghunathan – Braintree District Council (Vice Chair)",
              "Superintendent Craig Lumsden – Essex Police, Mid Essex District Commander",
              "Group Manager Stephen Oyelaran – Essex County Fire and Rescue Service",
              "Lorna Achebe – Community Safety Officer, Essex County Council"]
    text = (f"Community Safety Partnership Board – Minutes\nJanuary 2026\n{wrapped}\nPresent\n" + "\n".join(people)
            + f"\nItem 1 – Welcome and Apologies\n{wrapped}\nItem 2 – Minutes of the Previous Meeting\n{wrapped}\n")
    found = headings(parse(text))
    assert not set(people) & set(found)
    assert found[-2:] == ["Item 1 – Welcome and Apologies", "Item 2 – Minutes of the Previous Meeting"]


def test_markdown_hashes_left_in_a_papers_text_mark_its_headings_even_over_a_list():
    """'## 5. Timetable' over '- 4 December 2025: ...' items, in hard-wrapped PDF text as in Word
    text, is a heading numbered 5; a hash before a sentence is not."""
    para = ("Eleven comments were received from the two forces' legal, finance and information governance "
            "teams. Nine were accepted; the two that were not concerned the annual aggregate liability limit "
            "and the timing of the January formula check.")
    wrapped = "\n".join(textwrap.wrap(para, 100))
    text = (f"Variation summary\n20 November 2025\n## 4. Who was consulted\n{wrapped}\n## 5. Timetable\n"
            "- 4 December 2025: Joint Collaboration Board considers this summary.\n"
            "- 12 December 2025: deadline for all four parties to sign the deed.\n"
            f"# This paragraph is not a heading. It is a note.\n{wrapped}\n")
    assert headings(parse(text))[1:] == ["4 Who was consulted", "5 Timetable"]


def test_a_protective_marking_with_a_qualifier_is_no_heading_in_pdf_text():
    """'OFFICIAL – SENSITIVE: COMMERCIAL' or 'OFFICIAL – SENSITIVE (COMMERCIAL)' under a PDF
    cover's date is a marking, not a section over the whole paper."""
    para = ("NHS England is recommissioning the Essex Sexual Assault Referral Centre service, and the current "
            "contract ends on 31 March 2027. Essex Police pays a fixed share of the contract and the Office of "
            "the Commissioner pays a smaller share of it.")
    wrapped = "\n".join(textwrap.wrap(para, 100))
    for marking in ("OFFICIAL – SENSITIVE: COMMERCIAL", "OFFICIAL – SENSITIVE (COMMERCIAL)"):
        text = f"Memorandum – SARC recommissioning\n8 October 2026\n{marking}\n{wrapped}\nWhat the review found\n{wrapped}\n"
        assert marking not in headings(parse(text))


def test_headings_in_lower_case_head_sections_in_word_and_pdf_text():
    """'summary', 'the fleet': two or more short lower-case lines, each a paragraph of its own
    (Word) or after a finished sentence (hard-wrapped PDF text), over prose."""
    para = ("The joint fleet produced 10,990 tonnes of carbon dioxide equivalent in 2026/27, down from 11,700 "
            "tonnes in 2025/26 and 12,300 tonnes in 2024/25, a fall of 1,310 tonnes over two years.")
    word = f"Joint fleet sustainability report\n10 June 2027\n\nsummary\n\n{para}\n\nthe fleet\n\n{para}\n"
    assert headings(parse(word))[1:] == ["summary", "the fleet"]
    wrapped = "\n".join(textwrap.wrap(para, 90))
    pdf = f"Joint fleet sustainability report\nStatus: For decision\nsummary\n{wrapped}\nthe fleet\n{wrapped}\n"
    assert headings(parse(pdf))[1:] == ["summary", "the fleet"]
    one = f"Joint fleet sustainability report\n10 June 2027\n\nsummary\n\n{para}\n"
    assert headings(parse(one)) == ["Front matter"]


def test_justified_pdf_lines_with_doubled_spaces_are_read_as_hard_wrapped():
    """A justified PDF comes out with doubled spaces ('Kent  Police,  the  7  Force'), so its
    wrapped lines run past 110 characters; measured with single spaces they are wrapped lines,
    and a heading over a paragraph that carries on to the next line is found."""
    para = ("This tracker follows up open recommendations from internal audits of Essex Police's collaborations "
            "with Kent Police, the 7 Force Network and Essex County Fire and Rescue Service: four audits and "
            "eleven recommendations, of which three are overdue and one has been superseded by a later decision.")
    wrapped = "\n".join("  ".join(line.split()) if k < 2 else line for k, line in enumerate(textwrap.wrap(para, 100)))
    assert max(len(line) for line in wrapped.split("\n")) > 110
    text = (f"Collaboration audit tracker\n5 March 2026\nAuthor: Lorna Castellane-Pryce.\nPurpose\n{wrapped}\n"
            f"How to Read the Tracker\n{wrapped}\nSummary Position\n{wrapped}\n")
    assert headings(parse(text))[1:] == ["Purpose", "How to Read the Tracker", "Summary Position"]


def test_a_fragment_too_short_to_quote_alone_joins_its_paragraph_not_dropped():
    """'RAG: Green.' opening a paragraph joins the sentence after it (it was dropped); a short
    fragment ending a paragraph joins the sentence before."""
    purpose = "The review looked at the whole project from business case to closure."
    text = (f"Review of the evidence system\n17 September 2026\n\n1/3 — Purpose\n\n{purpose}\n\n2/3 — Scope\n\n"
            "RAG: Green. Reason: 14 of the 15 requirements were delivered on time.\n\n"
            f"The team met every fortnight during the build. See annex.\n\n3/3 — Cost\n\n{purpose}\n")
    structure = parse(text)
    quoted = [text[sp.start:sp.end] for s in structure.sections for sp in s.spans]
    assert "RAG: Green. Reason: 14 of the 15 requirements were delivered on time." in quoted
    assert "The team met every fortnight during the build. See annex." in quoted
    assert headings(structure) == ["Front matter", "1/3 — Purpose", "2/3 — Scope", "3/3 — Cost"]


def test_a_dashboard_with_a_movement_column_rates_its_rows_not_heads_sections():
    """'5.1.2  Joint Support Services  Amber  Green  Worsened' under 'Ref  Area  Nov 2025  Nov 2024
    Movement' is a row rated Amber (Green the year before), not a heading named with its cells;
    each rating lands in the numbered section that comments on it, title acronym and all."""
    prose = "The directorate gives both forces one shared service for estates, fleet and IT."
    text = ("Collaboration annual update\nNovember 2025\n\n5.0 Current Work and Performance\n\n"
            "Collaboration dashboard\n\n"
            "Ref     Collaboration area                  Nov 2025   Nov 2024       Movement\n"
            "5.1.1   Joint Serious Crime Directorate     Green      Green          No change\n"
            "5.1.2   Joint Support Services Directorate   Amber     Green          Worsened\n"
            "5.3.1   National Law Enforcement Data       Amber      Amber          No change\n\n"
            f"5.1.1 Joint Serious Crime Directorate\n\n{prose}\n\n5.1.2 Joint Support Services Directorate\n\n"
            f"{prose}\n\n5.3.1 National Law Enforcement Data Programme (NLEDP)\n\n{prose}\n")
    structure = parse(text)
    assert headings(structure) == ["Front matter", "5.0 Current Work and Performance", "5.1.1 Joint Serious Crime Directorate",
                                   "5.1.2 Joint Support Services Directorate",
                                   "5.3.1 National Law Enforcement Data Programme (NLEDP)"]
    rated = {r.section: (r.overall, r.previous) for r in structure.ratings}
    assert rated == {"5.1.1 Joint Serious Crime Directorate": ("Green", "Green"),
                     "5.1.2 Joint Support Services Directorate": ("Amber", "Green"),
                     "5.3.1 National Law Enforcement Data Programme (NLEDP)": ("Amber", "Amber")}


def test_marked_bracket_numbered_and_question_headings_and_field_lines():
    """'# Purpose', '>> CR-11: ...' and '== Summary ==' (marks), '» Purpose', '(5a) ...' numbering and
    'Q: ...?' lines head sections; 'Raised on = 6 January 2026' is a field of its entry and
    '[Words used: 141 of 150]' a note, not a bracketed heading."""
    prose = "The Board agreed the change at its meeting and recorded the conditions below."
    text = (f"Change control log\nJune 2026\n\n# Purpose\n\n{prose}\n\n[Words used: 141 of 150]\n\n== Summary ==\n\n{prose}\n\n"
            ">> CR-11: Custody suites moved to wave 2\n\n"
            f"Raised on = 6 January 2026\n\nDecision = Approved\n\n{prose}\n\n» Purpose\n\n{prose}\n\n» Scope\n\n{prose}\n\n"
            f"(5) The agreements\n\n{prose}\n\n(5a) Fire service referrals\n\n{prose}\n\n(5b) Ambulance referrals\n\n"
            f"{prose}\n\nQ: What did it cost?\n\n{prose}\n\nQ: What happens next?\n\n{prose}\n")
    assert headings(parse(text)) == ["Front matter", "Purpose", "Summary", "CR-11: Custody suites moved to wave 2", "Purpose", "Scope",
                                     "5 The agreements", "5a Fire service referrals", "5b Ambulance referrals",
                                     "Q: What did it cost?", "Q: What happens next?"]


def test_ratings_told_in_a_sections_own_sentences():
    """'The strand lead rates it red; in July it was amber', 'The panel rates joint patrols ...
    green', 'Rated amber, down from green.',
    'Just over half ... were positive. Rating: Red (2024: Amber).' and 'RAG 2025: Green. RAG 2024: Green.' rate
    their section (its first such sentence; the sentence before 'Rating:' names nothing); a
    summary's 'four are rated green' rates nothing."""
    text = ("Half-year review\nJanuary 2026\n\nSummary\n\nOf the four strands, two are rated green and one is "
            "rated red this time.\n\nStrand 1: Custody Youth Diversion\n\nThe strand lead rates it red; in July "
            "2025 it was amber.\n\nStrand 2: Hospital Navigators\n\nRated amber, down from green. Two of the five navigator posts are "
            "vacant.\n\nStaff Wellbeing\n\nJust over half of the staff who answered were positive about their workload. Rating: Red (2024: Amber).\n\n"
            "(5a) Fire service referrals\n\nRAG 2025: Green. RAG 2024: Green. Reason: the agreement is in date.\n\n"
            "Finding 1: Joint patrols\n\nThe panel rates joint patrols at the busiest stations green; they work well.\n")
    rated = {r.section: (r.workstream, r.overall, r.previous) for r in parse(text).ratings}
    assert rated == {"Strand 1: Custody Youth Diversion": ("Strand 1: Custody Youth Diversion", "Red", "Amber"),
                     "Strand 2: Hospital Navigators": ("Strand 2: Hospital Navigators", "Amber", "Green"),
                     "Staff Wellbeing": ("Staff Wellbeing", "Red", "Amber"),
                     "5a Fire service referrals": ("Fire service referrals", "Green", None),
                     "Finding 1: Joint patrols": ("Finding 1: Joint patrols", "Green", None)}


def test_in_a_wrapped_pdf_a_heading_over_a_numbered_paragraph_and_a_paragraphs_first_line(tmp_path):
    """A decision report rendered to PDF (evals/new_documents10): 'Recommendation' over '4. That
    the Commissioner ...' is a heading, and '13. The Home Office grant of £1,200,000 was awarded
    from the Police Capital Infrastructure Fund on 22', a paragraph's first full line, is not."""
    from assistant.evaluate.documents import to_pdf
    from assistant.ingest.documents import load_document

    report = CORPUS.parent / "evals" / "new_documents10" / "reports" / "2026-10-joint-firearms-training-centre-decision.txt"
    doc = load_document(to_pdf(report.read_text(encoding="utf-8"), tmp_path / "decision.pdf"))
    found = headings(parse(doc.text, doc.headings))
    assert {"Recommendation", "Background", "Options Considered", "Financial Implications"} <= set(found)
    assert not [h for h in found if h.startswith(("13 ", "14 "))]


def test_a_line_of_semicolon_separated_cells_is_not_a_heading(tmp_path):
    """'Colchester City Council; 5; 3; £290,000; Red; Amber' (a table written as semicolon lines,
    evals/new_documents16) stays a quotable row in the PDF, not a section of its own."""
    from assistant.evaluate.documents import to_pdf
    from assistant.ingest.documents import load_document

    report = CORPUS.parent / "evals" / "new_documents16" / "reports" / "2026-03-council-funded-policing-posts-annual-return.txt"
    doc = load_document(to_pdf(report.read_text(encoding="utf-8"), tmp_path / "return.pdf"))
    found = headings(parse(doc.text, doc.headings))
    assert "Colchester City Council" in found and not [h for h in found if "; " in h]


def test_semicolon_rows_and_a_rating_sentence_that_opens_its_section():
    """A table laid out as 'Council; posts; cost; rating; last year's rating' lines rates each row
    (the later year's column is current), and 'Rating Green, up from Amber.' rates its section;
    a sentence whose semicolons list names with no rating cell is not a row."""
    text = ("Annual return\nMarch 2026\n\nSummary\n\nAMBER: Braintree; Southend; Harlow.\n\n"
            "Ratings\n\nCouncil; Posts; Contribution; Rating 2025/26; Rating 2024/25\n"
            "Basildon Borough Council; 4; £242,000; Green; Green\n"
            "Braintree District Council; 3; £181,000; Amber; Green\n"
            "Colchester City Council; 5; £290,000; Red; Amber\n\n"
            "Tendring District Council\n\nBoth PCSOs were in post from the first day. "
            "Rating Green, up from Amber. Council lead: Nigel Ashcombe.\n")
    rated = {r.workstream: (r.overall, r.previous) for r in parse(text).ratings}
    assert rated == {"Basildon Borough Council": ("Green", "Green"),
                     "Braintree District Council": ("Amber", "Green"),
                     "Colchester City Council": ("Red", "Amber"),
                     "Tendring District Council": ("Green", "Amber")}


def test_an_exports_framed_records_and_their_rating_fields():
    """A tool's plain-text export: '*** RECORD n OF m ***' heads each record, and its 'key: value'
    rating fields rate the record its 'title:' field names (the last filled current field; a
    'prev' field the earlier rating)."""
    text = textwrap.dedent("""\
        PORTFOLIO EXPORT
        portfolio: Partnerships
        exported: 14-Aug-26 by analyst

        *** RECORD 1 OF 2 ***
        ref: HP-01
        title: Custody liaison and diversion referral pathway
        end_date_forecast: 31-Dec-26
        rag_pm: G
        rag_portfolio:
        rag_prev: A
        budget_gbp: 96000

        *** RECORD 2 OF 2 ***
        ref: UP-04
        title: Project Larkspur risk model validation
        rag_pm: G
        rag_portfolio: R
        rag_prev: A
        rag_reason: Down from amber. The data extract failed the quality checks.
        """)
    s = parse(text)
    assert headings(s)[1:] == ["RECORD 1 OF 2", "RECORD 2 OF 2"]
    rated = {(r.workstream, r.overall, r.previous, text[r.start:r.end]) for r in s.ratings}
    assert rated == {("Custody liaison and diversion referral pathway", "Green", "Amber", "rag_pm: G"),
                     ("Project Larkspur risk model validation", "Red", "Amber", "rag_portfolio: R")}
    prose = parse("Summary\n\nThe board met on 3 May.\nnote: the minutes follow below in full.\n\n-- 4 --\n\n"
                  "The actions are listed in the appendix to this paper.\n")
    assert not prose.ratings and "4" not in headings(prose)  # a page number between dashes is no title


def test_a_comparisons_labelled_rows_and_their_own_rating_labels():
    """A side-by-side comparison written out row by row: 'ROW n · topic' heads each row (a label
    and a number before the mark), and a paragraph opening with its own label's rating
    ('Alignment: Amber (Red at the workshop).') rates that row, alone on its line or not; a
    place that happens to be a colour ('Venue: Red Lion') is not a rating."""
    text = textwrap.dedent("""\
        Joint search comparison

        ROW 1 · Establishment and roles

        Essex ▸ A search cadre of 22 posts within the Operational Support Group.

        Kent ▸ A dedicated Tactical Search Team of 26 posts.

        Alignment: Amber (Red at the workshop). Both forces have now agreed the funded post numbers.

        ROW 2 · Training and accreditation

        Essex ▸ PolSAs trained on the national course, with an annual refresher.

        Kent ▸ The same national course, with a refresher at the Kent Police College.

        Alignment: Green.

        ROW 3 · Venue security

        Essex ▸ Supports the county events calendar from the Chelmsford base.

        Venue: Red Lion, Maldon. The spring exercise is held there each year.
        """)
    s = parse(text)
    assert headings(s)[1:] == ["ROW 1 · Establishment and roles", "ROW 2 · Training and accreditation",
                               "ROW 3 · Venue security"]
    rated = {(r.workstream, r.overall, r.previous) for r in s.ratings}
    assert rated == {("ROW 1 · Establishment and roles", "Amber", "Red"),
                     ("ROW 2 · Training and accreditation", "Green", None)}
    quoted = {text[sp.start:sp.end] for sec in s.sections for sp in sec.spans}
    assert "Alignment: Green." in quoted
    agenda = "Chair's brief\n\nItem 4 – HR and payroll system replacement\n\nPaper RAG: Red (previously Amber). " \
             "The supplier has missed the second test date.\n"
    assert [(r.overall, r.previous) for r in parse(agenda).ratings] == [("Red", "Amber")]


def test_pilcrow_headings_and_a_numeric_date_line():
    """'¶ Programme 5 – ...' lines head sections as other marks do; a cover's '16.10.2025' is a
    date, not a heading."""
    text = textwrap.dedent("""\
        Safer Roads Partnership – Quarter 2 Delivery Report
        16.10.2025

        ¶ Programme 1 – Speed management
        Rated Green this quarter. Lead: Inspector Dana Whitlock-Rees, Essex Police Roads Policing.
        Community Speedwatch groups ran 412 sessions in the quarter, up from 365.

        ¶ Programme 2 – Fixed safety camera replacement
        Rated Red this quarter, down from Amber. Lead: Ifeoma Strand, Road Safety Engineering Manager.
        The supplier now forecasts completion by 30.06.2026, three months late.
        """)
    s = parse(text)
    assert headings(s)[1:] == ["Programme 1 – Speed management", "Programme 2 – Fixed safety camera replacement"]
    rated = {(r.workstream, r.overall, r.previous) for r in s.ratings}
    assert rated == {("Programme 1 – Speed management", "Green", None),
                     ("Programme 2 – Fixed safety camera replacement", "Red", "Amber")}


def test_a_comments_slashes_and_single_tildes_set_off_headings():
    """'// At a glance' heads a section as '■ At a glance' would, its title without the slashes;
    so does a title between two tildes ('~ Money ~')."""
    text = textwrap.dedent("""\
        Chair's Assurance Report – Violence Information Sharing Group

        // About this report
        The group runs the Cardiff Model in Essex and reports to the Executive each quarter.

        // At a glance
        The log holds eight items. Two are ALERT, three are ADVISE and three are ASSURE.
        """)
    assert headings(parse(text))[1:] == ["About this report", "At a glance"]
    card = "Annual Report Card\n\n~ Money ~\nThe partnership spent £2,410,000 against a budget of £2,480,000.\n"
    assert headings(parse(card))[1:] == ["Money"]


def test_a_status_table_set_in_spaces_with_last_years_rating_in_brackets():
    text = ("Collaboration survey return\n4 December 2026\n\nSECTION C – INVENTORY\n\n"
            "Ref  Collaboration                  Partners        Net cost  Savings  RAG 2026 (2025)\n"
            "C1   Serious Crime Directorate      Kent Police       48,600    3,100  Green (Green)\n"
            "C2   Support Services Directorate   Kent Police       21,400    2,700  Amber (Green)\n"
            "C8   National ANPR Service          Home Office          250        0  Red (Amber)\n\n"
            "Note C2 – the payroll system slipped by five months.\n")
    got = {(r.workstream, r.overall, r.previous) for r in parse(text).ratings}
    assert got == {("C1 Serious Crime Directorate", "Green", "Green"),
                   ("C2 Support Services Directorate", "Amber", "Green"),
                   ("C8 National ANPR Service", "Red", "Amber")}


def test_a_title_over_fields_run_as_sentences_or_a_numbered_list_heads_its_section():
    text = ("Problem profile\n8 October 2026\n\nThe Picture in Numbers\n\n"
            "Premises with indicators rose from 97 to 109 over the year, across both counties.\n\n"
            "Threat Area 1: Hand Car Washes\n"
            "Priority: High (2024 profile: High). MoRiLE score: 71 (2024: 68). Confidence: high.\n"
            "The five groups control an estimated 34 car washes between them, 19 in Essex and 15 in Kent.\n\n"
            "Decisions Needed\n\n1. Approve the extra £84,000 for asbestos removal at Brentwood, within the budget.\n")
    headings = [s.heading for s in parse(text).sections]
    assert "Threat Area 1: Hand Car Washes" in headings and "Decisions Needed" in headings
