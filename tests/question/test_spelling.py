"""Typos read as the reports' own words: what is corrected and what is left alone."""

import pytest

from assistant.question.spelling import ReportWords

REPORT = ["The Durham University evaluation measures assurance of benefits monitoring.",
          "Staff satisfaction in the Support Services Directorate is 60%."]


@pytest.mark.parametrize("typed, read", [
    ("wats the asurance level for benifits monitering?", "wats the assurance level for benefits monitoring?"),
    ("what is durhum uni doing?", "what is durham uni doing?"),
    ("staff satisfacton in suport services?", "staff satisfaction in support services?"),
])
def test_a_typo_is_read_as_the_nearest_report_word(typed, read):
    assert ReportWords(REPORT).correct(typed) == read


@pytest.mark.parametrize("typed", [
    "who is Durhum?",  # a capital: a name the reports may not know, left for the answer to say so
    "what did the survey find?",  # everyday English, even where the reports never use it
    "why is NAS amber?",
    "how is benefits monitoring going?",  # the reports' own words
])
def test_names_everyday_words_and_report_words_are_left_alone(typed):
    assert ReportWords(REPORT).correct(typed) == typed


def test_one_wrong_letter_of_four_is_read_as_the_report_word():
    words = ReportWords(["The joint unit has 39 vans: 22 go to Essex and 17 to Kent."])
    assert words.correct("how many dog vanz r there?") == "how many dog vans r there?"
    assert words.correct("how many dog vxyz r there?") == "how many dog vxyz r there?"  # two of four: not a typo


def test_half_a_contraction_is_not_a_typo():
    """'weren' is one letter off the report's 'were', but in "weren't" it is not a word of its own."""
    words = ReportWords(["Where the meetings were quorate, the board decided."])
    assert words.correct("which meetings weren't quorate?") == "which meetings weren't quorate?"
