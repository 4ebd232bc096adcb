"""Questions about the reports themselves are answered from the index, each report cited."""

from assistant.answer.catalogue import wanted_reports


def test_the_latest_report_is_named_and_every_report_cited(assistant):
    answer = assistant.ask("what's the latest report?")
    assert not answer.abstained and answer.answer.startswith("The newest is the 2022 report")
    assert [c.document for c in answer.citations] == ["2022-annual-collaboration-update.txt",
                                                      "2019-06-quarterly-collaboration-update.txt"]
    assert "Future and Current Collaboration Activity" in answer.citations[1].quote


def test_a_word_from_a_title_narrows_the_list_and_a_topic_goes_to_the_answerer(assistant):
    index = assistant.state.index
    assert wanted_reports("which quarterly update do you have", index) == ["2019-06-quarterly-collaboration-update.txt"]
    assert wanted_reports("latest report on NAS?", index) is None
    assert wanted_reports("what is the latest audit report?", index) is None
    assert not assistant.ask("latest on NAS?").answer.startswith("The newest is")
