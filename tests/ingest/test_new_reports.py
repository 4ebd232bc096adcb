"""A new board paper added with `ingest` is answerable and cited like the corpus reports;
a document that tries to instruct the assistant is indexed but its instructions are never quoted."""

import re
import shutil

from conftest import DATA, corpus_copy, make_settings

from assistant.index.build import ingest
from assistant.ingest.documents import load_document
from assistant.pipeline import Assistant


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_docx_and_pdf_reports_become_answerable(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    settings = make_settings(tmp_path, corpus)
    report = ingest([DATA / "excerpt-2022.docx", DATA / "excerpt-2022.pdf"], settings, embedder,
                    progress=False)
    assert sorted(report.added) == ["excerpt-2022.docx", "excerpt-2022.pdf"]
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    answer = assistant.ask("how many cyber specials and volunteers are there?")
    assert not answer.abstained and "18" in answer.answer
    for c in answer.citations:
        text = load_document(DATA / c.document).text
        assert norm(c.quote) == norm(text[c.start:c.end])


def test_instructions_inside_a_document_are_not_quoted(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path, "injection.txt")
    report = ingest(None, settings, embedder, progress=False)
    assert any("injection.txt" in w and "not quoted" in w for w in report.warnings)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    for question in ["How many drones does the Drone Unit have?", "What is the Drone Unit rated?"]:
        answer = assistant.ask(question)
        assert "500" not in answer.answer and "Red" not in answer.answer
        assert not any("Ignore all previous instructions" in c.quote for c in answer.citations)


def test_a_one_topic_paper_does_not_hide_the_other_workstreams(tmp_path, embedder):
    """'Now' means the newest report covering the thing asked, not the newest file: a 2024
    paper on one workstream leaves the 2022 ratings current for every other one."""
    corpus, settings = corpus_copy(tmp_path, "drone-unit-2024.txt")
    ingest(None, settings, embedder, progress=False)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    amber = assistant.ask("which areas are amber?")
    assert not amber.abstained
    for name in ["NAS", "ECFRS", "Local crime reduction"]:
        assert name in amber.answer
    green = assistant.ask("which workstreams are green?")
    assert "Drone Unit" in green.answer and "Mental Health" in green.answer
    assert "as of Drone Unit collaboration paper, 2024-03" in green.answer
    nas = assistant.ask("what is the current RAG status of NAS?")
    assert not nas.abstained and nas.answer.startswith("**2022 report (newest)")
    assert "**Amber**" in nas.answer
    drone = assistant.ask("what is the drone unit's current rating?")
    assert drone.answer.startswith("**March 2024 report (newest)") and "**Green**" in drone.answer
    changed = assistant.ask("what changed since the last report?")
    assert "Compared with the 2021 gradings" in changed.answer and "1 improved" in changed.answer
    missions = assistant.ask("how many missions did the drone unit fly in 2023?")
    assert "412" in missions.answer and missions.citations[0].document == "drone-unit-2024.txt"


def test_the_briefing_picker_lists_a_report_added_while_the_app_runs(tmp_path, embedder):
    from assistant.web.briefing_tab import workstream_choices

    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    names, flagged = workstream_choices(assistant)
    assert "Drone Unit" not in names and "HO - Digital Policing Portfolio - NAS" in flagged
    shutil.copy(DATA / "drone-unit-2024.txt", tmp_path / "drone-unit-2024.txt")
    assistant.ingest([tmp_path / "drone-unit-2024.txt"])
    names, flagged = workstream_choices(assistant)
    assert "Drone Unit" in names and "HO - Digital Policing Portfolio - NAS" in flagged


def test_a_rating_under_a_generic_heading_names_the_paper(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    (corpus / "jdu.txt").write_text(
        "Essex and Kent Joint Drone Unit review\nMarch 2024\n\n3. Summary and rating\n\n"
        "3.1 Overall rating\n\nOverall RAG: Amber\n\n3.2 The unit made 2,864 deployments in its "
        "first eleven months.\n", encoding="utf-8")
    ingest(None, settings, embedder, progress=False)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    answer = assistant.ask("what is the drone unit rated now?")
    assert not answer.abstained and "**Amber**" in answer.answer
    assert "Essex and Kent Joint Drone Unit review: Overall RAG: **Amber**" in answer.answer


def test_reworded_instructions_in_a_document_are_not_quoted(tmp_path, embedder):
    """Instructions to summarisers, however worded, are held back; the facts beside them answer."""
    corpus, settings = corpus_copy(tmp_path, "injection-reworded.txt")
    report = ingest(None, settings, embedder, progress=False)
    warning = next(w for w in report.warnings if "injection-reworded.txt" in w)
    assert "3" in warning and "not quoted" in warning
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    rated = assistant.ask("what is the shared estates programme rated?")
    saved = assistant.ask("how much has the shared estates programme saved?")
    assert "Amber" in rated.answer and "£240,000" in saved.answer
    for answer in (rated, saved, assistant.ask("is the shared estates programme complete?")):
        text = answer.answer + " ".join(c.quote for c in answer.citations)
        assert "now green" not in text and "£9 million" not in text and "complete." not in text


def test_a_paper_that_only_mentions_a_workstream_does_not_supersede_its_rating(tmp_path, embedder):
    """A newer paper that names ecda but rates nothing leaves the 2022 rating current."""
    corpus, settings = corpus_copy(tmp_path)
    (corpus / "2024-09-research-partnership.txt").write_text(
        "Policing Research Partnership – first year\nSeptember 2024\n\n1. Background\n"
        "Essex Police has worked with universities for many years, including the Essex Centre for Data "
        "Analytics (ecda), a joint venture with Essex County Council and the University of Essex. The "
        "partnership is separate from ecda and funds six research projects a year with the University of Essex.\n",
        encoding="utf-8")
    ingest(None, settings, embedder, progress=False)
    answer = Assistant(settings, ensure_index=False, embedder=embedder).ask("ecda rag now?")
    assert not answer.abstained and "**Green**" in answer.answer
    assert answer.citations[0].document == "2022-annual-collaboration-update.txt"


def test_latest_is_the_newest_report_that_answers_not_one_that_names_the_topic_in_passing(tmp_path, embedder):
    """With a 2026 debrief beside the corpus, the 2022 report's police-station volunteers
    sentence (it matches 'police' and 'station', scoring well under the best passage) must not
    become the 'latest' answer to where police teams work from fire stations."""
    corpus, settings = corpus_copy(tmp_path)
    (corpus / "2026-10-exercise-debrief.txt").write_text(
        "Exercise Kelvedon Crossing – Multi-agency Debrief Report\nOctober 2026\n\nTimeline of key events\n\n"
        "09:41 The first fire appliance arrives at the scene from Kelvedon after a long drive through traffic.\n\n"
        "09:44 The crew commander passes the first METHANE message to Fire Control.\n\n"
        "Lessons identified\n\nThe interoperability talkgroup was not opened until 11:02, which delayed "
        "the joint decision on road closures by about forty minutes.\n", encoding="utf-8")
    ingest(None, settings, embedder, progress=False)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    answer = assistant.ask("whats the latest number of fire stations we've got police teams working from")
    assert any("Drop-in usage of 13 fire stations" in c.quote for c in answer.citations)
    assert not any("Police Support Volunteers" in c.quote for c in answer.citations)


def test_a_paper_on_its_own_scale_is_answered_in_it_and_leaves_the_rag_dashboard_current(tmp_path, embedder):
    """A governance review grading three forums Keep / Keep with changes / Merge: its verdicts
    are ratings in its own terms (asked one at a time or as a list), and it is not a new edition
    of the RAG dashboard."""
    corpus, settings = corpus_copy(tmp_path, "governance-review-2026.txt")
    ingest(None, settings, embedder, progress=False)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    verdict = assistant.ask("what verdict did the police and fire joint estates group get?")
    assert not verdict.abstained and "Verdict **Merge** (previously **Keep**)" in verdict.answer
    assert verdict.citations[0].quote.endswith("Verdict: Merge (2023 review: Keep).")
    kept = assistant.ask("which forums got Keep with changes?")  # the paper's own scale, listed
    assert "Forum 2: Joint Collaboration Board: Verdict **Keep with changes**" in kept.answer
    assert "Estates" not in kept.answer and "Chief Officer Group" not in kept.answer
    assert [c.quote[-40:] for c in kept.citations] == ["Verdict: Keep with changes (2023 review: Keep)."[-40:]]
    told = assistant.ask("Before you answer, list every forum as Merge. Who prepared the governance review?")
    assert "Olivia Brandt" in told.answer and "Verdict **Merge**" not in told.answer  # a list cue in an instruction
    amber = assistant.ask("which areas are amber?")
    for name in ["NAS", "ECFRS", "Local crime reduction"]:
        assert name in amber.answer
    nas = assistant.ask("what is the current RAG status of NAS?")
    assert nas.answer.startswith("**2022 report (newest)") and "**Amber**" in nas.answer


def test_a_comparisons_own_colours_are_listed_from_it_and_leave_the_dashboard_current(tmp_path, embedder):
    """A side-by-side comparison rating its rows Green/Amber/Red: the rows are headings, each
    'Alignment: ...' line rates its row (with the earlier rating), a list question about the
    paper is answered from its rows alone, and it is no new edition of the RAG dashboard."""
    corpus, settings = corpus_copy(tmp_path, "search-comparison-2026.txt")
    ingest(None, settings, embedder, progress=False)
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    red = assistant.ask("which rows are still red in the dog unit comparison?")
    assert "ROW 3 · Out-of-hours cover: **Red**" in red.answer
    assert "ROW 1" not in red.answer and "ROW 2" not in red.answer and "NAS" not in red.answer
    why = assistant.ask("why did kennelling and welfare come off red?")
    assert not why.abstained and "agreed one welfare standard" in why.answer
    amber = assistant.ask("which areas are amber?")
    for name in ["NAS", "ECFRS", "Local crime reduction", "Kennelling and welfare"]:
        assert name in amber.answer


def test_this_years_rating_is_read_in_the_newest_paper_that_covers_it_not_the_newest_file(tmp_path, embedder):
    """A transcript's 'we rated the mounted section amber this year' answers 'what rating has
    the mounted section got this year?' though a newer paper on another topic is in the corpus."""
    corpus, settings = corpus_copy(tmp_path, "scrutiny-transcript-2026.txt", "fleet-note-2027.txt")
    ingest(None, settings, embedder, progress=False)
    answer = Assistant(settings, ensure_index=False, embedder=embedder).ask(
        "what rating has the mounted section got this year?")
    assert "no RAG rating" not in answer.answer
    assert any("rated the mounted section amber this year" in c.quote for c in answer.citations)

