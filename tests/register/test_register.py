"""The RAG register on the real corpus, checked against values read by hand from the reports.

Hand-checked in corpus/2022-annual-collaboration-update.txt (dashboard rows, lines 2559-3325)
and corpus/2019-06-quarterly-collaboration-update.txt (the RAG boxes after each heading).
"""

from __future__ import annotations

import pytest

from assistant.contract import markers
from assistant.index.build import ingest, load, read_manifest
from assistant.ingest.chunking import collapse
from assistant.register.answers import register_answer
from assistant.register.model import build_register, direction
from assistant.register.names import MATCH, similarity
from assistant.settings import ROOT

Y2019 = "2019-06-quarterly-collaboration-update.txt"
Y2022 = "2022-annual-collaboration-update.txt"
HO_2019 = "Home Office Digital Policing Portfolio/Home Office Technology Programme"


@pytest.fixture(scope="module")
def manifest(settings, embedder) -> dict:
    ingest(None, settings, embedder, progress=False)
    return read_manifest(settings.index_dir)


@pytest.fixture(scope="module")
def register(manifest):
    return build_register(manifest)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {name: (ROOT / "corpus" / name).read_bytes().decode("utf-8-sig")
            for name in (Y2019, Y2022)}


def row(register, name):
    return next(r for r in register.rows if r.name == name)


@pytest.mark.parametrize("name, overall, previous, moved, quote", [
    ("HO - Digital Policing Portfolio - NAS", "Amber", "Amber", "no change",
     "5.3.2 HO - Digital Policing Portfolio - NAS Amber Amber"),
    ("HO - Digital Policing Portfolio - NLEDP", "Green", "Amber", "improved",
     "5.3.1 HO - Digital Policing Portfolio - NLEDP Green Amber"),
    ("Essex County Fire & Rescue Service (ECFRS)", "Amber", "Amber", "no change",
     "5.4.1 Essex County Fire & Rescue Service (ECFRS) Amber Amber"),
    ("Local crime reduction collaborations", "Amber", "Amber", "no change",
     "5.4.2 Local crime reduction collaborations Amber Amber"),
    ("7F Network", "Not graded", None, "not graded", "5.2.1 7F Network* Not graded n/a"),
])
def test_2022_dashboard_values(register, name, overall, previous, moved, quote):
    entry = row(register, name).entries["2022"]
    assert (entry.overall, entry.previous, entry.direction) == (overall, previous, moved)
    assert entry.source.quote == quote
    assert (entry.source.document, entry.source.date) == (Y2022, "2022-11")


def test_2022_entries_link_to_their_numbered_sections(register):
    nas = row(register, "HO - Digital Policing Portfolio - NAS").entries["2022"]
    assert nas.source.section == "5.3.2 DPP - National ANPR Service (NAS)"
    assert nas.previous_edition == "2021" and nas.group == "5.3 National Collaboration"


def test_2019_boxes(register):
    ecfrs = row(register, "Essex County Fire & Rescue Service (ECFRS)").entries["2019"]
    assert ecfrs.workstream == "Essex County Fire and Rescue Service (ECFRS)"
    assert ecfrs.overall == "Amber"
    assert ecfrs.sub == {"Time": "A", "Costs": "G", "Savings": "A", "Benefits": "A"}
    assert ecfrs.figures == {"Costs": "£ 1,320k (2 yrs)",
                             "Benefits": "£14.9m – cashable and non-cashable"}
    hexagon = row(register, "Op Hexagon").entries["2019"]
    assert hexagon.overall is None  # the box's Overall RAG cell is empty in the text
    assert hexagon.sub == {"Time": "A", "Costs": "G", "Savings": "A", "Benefits": "G"}
    assert "£100k achieved" in hexagon.figures["Savings"]
    soh = row(register, "Digital Public Contact – Single Online Home").entries["2019"]
    assert (soh.overall, soh.figures, soh.sub["Benefits"]) == ("Amber", {"Costs": "£0.18M PA"},
                                                               "TBD")
    scd = row(register, "Joint Serious Crime Directorate").entries["2019"]
    assert scd.overall is None and scd.figures == {"Savings": "£1.62m"}
    survey = row(register, "Optimisation of Police and Public Engagement").entries["2019"]
    assert survey.overall == "Amber"
    assert survey.source.quote == "Optimisation of Police and Public Engagement – (Overall RAG – Amber)"


def test_previous_column_is_an_edition_of_its_own(register):
    assert [(e.label, e.derived) for e in register.editions] == [
        ("2019", False), ("2021", True), ("2022", False)]
    local = row(register, "Local crime reduction collaborations")
    assert [local.entries[y].overall for y in ("2019", "2021", "2022")] == ["Green", "Amber",
                                                                           "Amber"]
    assert local.entries["2021"].source == local.entries["2022"].source  # the same dashboard row
    assert local.entries["2021"].direction == "worsened"  # Green (2019) -> Amber (2021)
    soh = row(register, "Digital Public Contact – Single Online Home")
    assert soh.entries["2021"].overall == "Green"


@pytest.mark.parametrize("name, in_2019", [
    ("HO - Digital Policing Portfolio - NAS", HO_2019),
    ("HO - Digital Policing Portfolio - NLEDP", HO_2019),  # one 2019 portfolio, split in 2022
    ("Digital Public Contact – Single Online Home", "Digital Public Contact – Single Online Home"),
    ("Essex County Fire & Rescue Service (ECFRS)", "Essex County Fire and Rescue Service (ECFRS)"),
    ("Local crime reduction collaborations",
     "Local crime reduction collaborations e.g. community hubs"),
    ("BT Hothouse", "Innovative Partnerships – BT Hothouse"),
    ("Essex Centre for Data Analytics (ecda)", "Essex Centre for Data Analytics"),
    ("Joint Serious Crime Directorate", "Joint Serious Crime Directorate (SCD)"),
    ("Cyber Specials and Volunteers", "Cyber Specials and Volunteers"),
    ("Durham University", "Durham University"),
    ("Joint Support Services Directorate", None),  # no 2019 RAG box
    ("Mental Health", None),
    ("7F Network", None),
])
def test_cross_edition_matches(register, name, in_2019):
    entry = row(register, name).entries.get("2019")
    assert (entry.workstream if entry else None) == in_2019


def test_a_group_rating_is_never_worded_as_a_members(register):
    """The 2019 portfolio's rating sits in both its 2022 successors' rows, marked as the group's."""
    from assistant.register.wording import describe

    nas, nledp = (row(register, f"HO - Digital Policing Portfolio - {n}").entries["2019"] for n in ("NAS", "NLEDP"))
    assert nas is nledp and nas.shared
    assert describe(nas).startswith(f"{nas.overall} (for {HO_2019} as a whole)")
    soh = row(register, "Digital Public Contact – Single Online Home").entries["2019"]
    assert not soh.shared and "as a whole" not in describe(soh)


def test_2019_only_workstreams_keep_their_own_rows(register):
    only = [r.name for r in register.rows if set(r.entries) == {"2019"}]
    community = "Restoring Public Confidence through the delivery of improved Community Policing"
    assert only == ["Op Hexagon", "PEQF", "Procurement", "Armed Policing (Training & Governance)",
                    "Forensics", "Vetting", "Domestic Abuse Victims Project", community,
                    "Optimisation of Police and Public Engagement"]
    assert len(register.rows) == 22


@pytest.mark.parametrize("a, b, same", [
    ("HO - Digital Policing Portfolio - NAS", HO_2019, True),
    ("DPC – Single On-line Home", "Digital Public Contact – Single Online Home", True),
    ("Essex County Fire & Rescue Service (ECFRS)", "Essex County Fire and Rescue Service (ECFRS)",
     True),
    ("Joint Support Services Directorate", "Joint Serious Crime Directorate (SCD)", False),
    ("Digital Public Contact – Single Online Home", "HO - Digital Policing Portfolio - NAS", False),
    ("Mental Health", "Domestic Abuse Victims Project", False),
])
def test_name_similarity(a, b, same):
    assert (similarity(a, b) >= MATCH) is same


def test_direction_is_stated_or_derived():
    assert direction("Green", "Amber", None) == "improved"
    assert direction("Amber", "Green", None) == "worsened"
    assert direction("Amber", "Amber", None) == "no change"
    assert direction("Not graded", None, None) == "not graded"
    assert direction("Green", None, None) is None
    assert direction("Green", "Amber", "Improved") == "improved"


def test_every_register_value_quotes_the_report_verbatim(register, texts):
    for r in register.rows:
        for entry in r.entries.values():
            s = entry.source
            assert collapse(texts[s.document][s.start:s.end]) == s.quote, (r.name, entry.edition)


def assert_cited(answer, manifest, texts, abstained=False):
    """Every line carries [n]; every [n] has a citation whose quote is the report's own text."""
    assert answer.backend == "extractive" and answer.abstained is abstained
    assert any("register" in note for note in answer.notes)
    lines = [line for line in answer.answer.splitlines() if line.strip()]
    assert lines and all(markers(line) for line in lines), answer.answer
    assert markers(answer.answer) == {c.n for c in answer.citations}
    for c in answer.citations:
        assert collapse(texts[c.document][c.start:c.end]) == c.quote
        doc = manifest["documents"][c.document]
        assert (c.title, c.date) == (doc["title"], doc["date"])


def test_which_workstreams_are_amber(manifest, texts):
    answer = register_answer("which workstreams are amber?", manifest)
    assert_cited(answer, manifest, texts)
    assert [c.quote for c in answer.citations] == [
        "5.3.2 HO - Digital Policing Portfolio - NAS Amber Amber",
        "5.4.1 Essex County Fire & Rescue Service (ECFRS) Amber Amber",
        "5.4.2 Local crime reduction collaborations Amber Amber"]
    assert answer.answer.startswith("3 areas are rated Amber in the 2022 report")


def test_what_improved_since_2021(manifest, texts):
    answer = register_answer("what improved since 2021?", manifest)
    assert_cited(answer, manifest, texts)
    assert "HO - Digital Policing Portfolio - NLEDP: Amber to Green (2021 to 2022)" in answer.answer
    assert "Single Online Home" not in answer.answer  # Green in both 2021 and 2022
    assert [c.quote for c in answer.citations] == [
        "5.3.1 HO - Digital Policing Portfolio - NLEDP Green Amber"]


def test_everything_green_in_2019(manifest, texts):
    answer = register_answer("list everything rated green in 2019", manifest)
    assert_cited(answer, manifest, texts)
    assert {c.document for c in answer.citations} == {Y2019}
    assert answer.answer.startswith("12 areas are rated Green in the 2019 report")
    assert "- Op Hexagon: overall rating not stated in the text" in answer.answer


def test_no_red_is_said_plainly(manifest, texts):
    answer = register_answer("which areas are red?", manifest)
    assert_cited(answer, manifest, texts, abstained=True)  # nothing to name: a false premise
    assert answer.answer.startswith("No workstream is rated Red in the 2022 report")
    assert "3 Amber, 9 Green, 1 Not graded" in answer.answer
    assert len(answer.citations) == 13


def test_what_changed_since_the_last_report(manifest, texts):
    answer = register_answer("what changed since the last report?", manifest)
    assert_cited(answer, manifest, texts)
    assert "1 improved, 1 not graded, 11 no change" in answer.answer
    assert "- Not graded: 7F Network: Not graded in 2022, no 2021 rating" in answer.answer


def test_changes_across_editions(manifest, texts):
    answer = register_answer("what got worse since 2019?", manifest)
    assert_cited(answer, manifest, texts)
    assert "Local crime reduction collaborations: Green to Amber (2019 to 2022)" in answer.answer


def test_a_named_group_narrows_the_list(manifest, texts):
    answer = register_answer("Which local collaborations are amber?", manifest)
    assert_cited(answer, manifest, texts)
    assert "NAS" not in answer.answer and len(answer.citations) == 2


@pytest.mark.parametrize("question", [
    "why is NAS amber?", "is NAS amber?", "What changes are planned for fleet?",
    "When will the community safety hubs open?", "What is the status of SOH?",
    "What did the report say about improved IT availability?",
])
def test_other_questions_are_left_to_the_answerer(manifest, question):
    assert register_answer(question, manifest) is None


def test_a_year_without_ratings_abstains(manifest):
    answer = register_answer("what was rated red in 2020?", manifest)
    assert answer.abstained and not answer.citations and "2020" in answer.answer


def test_the_reports_own_summary_is_quoted_when_spans_are_given(settings, embedder, manifest,
                                                                  texts):
    spans = load(settings, embedder).spans
    answer = register_answer("in 2022 how many areas are green and how many amber", manifest,
                             spans=spans)
    assert_cited(answer, manifest, texts)
    first = answer.citations[0]
    assert first.section == "3.0 Executive Summary"
    assert "9 areas are RAG’d green and 3 areas are amber" in first.quote
    changed = register_answer("which areas changed rating between 2021 and 2022", manifest,
                              build_register(manifest), spans)
    assert_cited(changed, manifest, texts)
    assert changed.citations[0].quote.startswith("One area has improved from amber to green")


def test_two_years_named_compare_those_two_editions(manifest, register):
    answer = register_answer("which collaboration area got a better rating in 2022 than in 2021?", manifest, register)
    assert "NLEDP: Amber to Green (2021 to 2022)" in answer.answer and "2019" not in answer.answer


def test_changes_are_measured_from_the_previous_edition_of_the_series(manifest):
    """A one-topic paper written between two dashboard editions is not the 'last report'."""
    import copy

    later = copy.deepcopy(manifest)
    d22 = later["documents"][Y2022]
    dashboard = copy.deepcopy(d22) | {"date": "2024-11", "current_year": "2024", "previous_year": None}
    one_topic = copy.deepcopy(d22) | {"date": "2024-07", "current_year": None, "previous_year": None}
    one_topic["ratings"] = one_topic["ratings"][:1]
    for doc in (dashboard, one_topic):
        for r in doc["ratings"]:
            r["previous"] = None
    later["documents"] |= {"2024-11-update.txt": dashboard, "2024-07-one-topic.txt": one_topic}
    register = build_register(later)
    assert [e.label for e in register.editions][-2:] == ["2024-07", "2024-11"]
    assert register.before("2024-11").label == "2022"
    assert register.before("2024-07").label == "2022"  # shares one workstream: the one just older


def test_a_several_item_paper_of_another_series_makes_no_workstream_vanish(manifest):
    """A board's agenda rating three items of its own, written after the 2022 dashboard, leaves
    the dashboard's workstreams current and is not the 'last report'; a newer edition of the dashboard that drops one
    supersedes it."""
    import copy

    later = copy.deepcopy(manifest)
    d22 = later["documents"][Y2022]
    agenda = copy.deepcopy(d22) | {"date": "2026-05", "current_year": None, "previous_year": None}
    agenda["ratings"] = [dict(r, workstream=f"Item {k} – Drone pilots' joint rota {k}",
                              section=f"Item {k} – Drone pilots' joint rota {k}", previous=None)
                         for k, r in enumerate(copy.deepcopy(d22["ratings"][:3]), start=1)]
    later["documents"]["2026-05-agenda.txt"] = agenda
    register = build_register(later)
    current = {row.name for row, _, _ in register.current()}
    assert "HO - Digital Policing Portfolio - NAS" in current and "Item 1 – Drone pilots' joint rota 1" in current
    assert register.own_papers() == {"2026-05-agenda.txt"}
    assert register.latest_full().label == "2022"  # "what changed since the last report" is the dashboard's

    dashboard = copy.deepcopy(d22) | {"date": "2026-11", "current_year": "2026", "previous_year": None}
    dashboard["ratings"] = [r for r in dashboard["ratings"] if "NAS" not in r["workstream"]]
    later["documents"]["2026-11-update.txt"] = dashboard
    current = {row.name for row, _, _ in build_register(later).current()}
    assert "HO - Digital Policing Portfolio - NAS" not in current and "Item 1 – Drone pilots' joint rota 1" in current
