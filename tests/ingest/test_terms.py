"""Words of questions and reports: stems, short dates, who-answers, answer kinds."""

import pytest

from assistant.answer.answer_types import missing_kind, names, uncounted
from assistant.ingest.terms import stem
from assistant.question.editions import expand_dates


@pytest.mark.parametrize("a, b", [("centre", "centres"), ("service", "services"), ("theme", "themes"),
                                  ("change", "changed"), ("improve", "improved"), ("church", "churches")])
def test_singular_and_plural_share_a_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("question, read", [
    ("SOH reports sept 21 vs sept 22", "SOH reports September 2021 vs September 2022"),
    ("how much did scd save in 19", "how much did scd save in 2019"),
    ("the '19 report", "the 2019 report"),
    ("Sep 2022 figures", "September 2022 figures"),
    ("savings for 19/20", "savings for 19/20"),          # a financial year stays
    ("hubs in 10 of the districts", "hubs in 10 of the districts"),  # a count stays
])
def test_short_dates_are_expanded_and_counts_left_alone(question, read):
    assert expand_dates(question) == read


def test_who_answers_are_people_titles_organisations_not_any_capitalised_pair():
    text = ("Senior representatives from Crime and Public Protection, Contact Management and "
            "Custody Command attend.")
    assert names(text) == []
    found = names("Reviewed by Essex University; led by DCO Drysdale with Stacey Rothwell.")
    assert {"Essex University", "DCO Drysdale", "Stacey Rothwell"} <= set(found)


def test_a_count_must_sit_beside_what_it_counts():
    q = "how many staff work in the directorate?"
    assert uncounted(q, ["The 7 Force procurement function, where staff consultation ends in June."])
    assert not uncounted(q, ["The directorate has 120 staff across both forces."])


def test_missing_kinds():
    assert missing_kind("what percentage accuracy did the model get?",
                        ["A 6-month trial found the model to be accurate."], set(), kinds=("percent",)) == "that percentage"
    assert missing_kind("when does the hub open?", ["The hub will open in early 2023."], set(), kinds=("date",)) is None
    assert missing_kind("when does the hub open?", ["The hub is going well."], set(), kinds=("date",)) == "that date"
    assert missing_kind("who chairs the board?", ["The board is attended by Contact Management."],
                        set(), kinds=()) == "that name"


def test_a_counted_list_needs_that_many_items_named():
    from assistant.answer.answer_types import enumerated, listed_count

    assert listed_count("which 6 forces are moving onto SOH?") == (6, "forces")
    assert listed_count("list all seven forces in the network") == (7, "forces")
    assert enumerated("2 forces are transitioning (Humberside and Cumbria) and a further 6 are scheduled.") == 2
    assert enumerated("This will leave 4 forces (Durham, West Yorkshire, West Midlands and Avon and Somerset).") >= 4


@pytest.mark.parametrize("question, read", [
    ("nas raiting n y", "nas rating and why"),
    ("wen r the hubs opening", "when are the hubs opening"),
    ("Is it R or A?", "Is it R or A?"),  # capitals may be ratings
    ("thurok hubs", "thurok hubs"),  # report words are the term matcher's job
    ("how long wer officers waiting", "how long were officers waiting"),  # not a "where" (place) question
    ("how many meetings weren't quorate?", "how many meetings weren't quorate?"),  # a contraction, not "where't"
])
def test_chat_spellings_of_question_words_are_read(question, read):
    from assistant.question.spelling import normalise

    assert normalise(question) == read


def test_acronyms_used_without_a_definition_are_learned_from_a_matching_phrase():
    from assistant.ingest.terms import learn_acronyms

    text = ("Costs £50k HOB. Home Office Biometrics – live connection now in place. "
            "DCC Kearton will lead; the Domestic Crime Committee meets monthly.")
    learned = learn_acronyms(text)
    assert learned["hob"] == "Home Office Biometrics"
    assert "dcc" not in learned  # used as a title before a name


def test_a_length_of_time_asked_is_answered_by_one_or_by_a_date():
    assert missing_kind("how long is the programme?", ["It is a 10-year programme."], set(), kinds=("duration",)) is None
    assert missing_kind("how long is the programme?", ["It started in 2021."], set(), kinds=("duration",)) is None
    assert missing_kind("how long is the programme?", ["The programme is going well."], set(),
                        kinds=("duration",)) == "that length of time"


def test_a_negating_prefix_makes_an_opposite_not_a_typo():
    from assistant.answer.matching import negation_of

    assert negation_of("inaccurat", "accurat") and negation_of("unsuccessful", "successful")
    assert not negation_of("inform", "form")  # too short to be a negation
    assert not negation_of("accurat", "inaccurat")


@pytest.mark.parametrize("question, written, after", [
    ("have the hubs opened yet in 2023?", "2022-11", "2023"),
    ("did op hexagon hit its savings target for 19/20?", "2019-06", "19/20 ended"),
    ("when will the hubs open in 2023?", "2022-11", None),  # a plan, not an outcome
    ("was NAS rated amber in 2022?", "2022-11", None),  # the report's own year
    ("did SOH go live in July 2019?", "2022-11", None),
])
def test_outcomes_after_a_report_was_written(question, written, after):
    from assistant.question.editions import outcome_after

    assert outcome_after(question, written) == after


def test_answers_of_the_kind_asked():
    budget = "It is anticipated that the project can deliver benefits equivalent to £169,620 per annum."
    assert missing_kind("what's the budget for the project?", [budget], set(), kinds=("money",)) == "that amount"
    assert missing_kind("what benefits will the project deliver a year?", [budget], set(), kinds=()) is None
    rate = "For crime reporting Essex maintains an online reporting rate of circa 20%."
    assert missing_kind("what's our target for online crime reporting?", [rate], set(), kinds=()) == "that target"
    survey = "An overall (SSD) staff satisfaction level of 60% represents a downshift from 72%."
    assert missing_kind("how many people filled in the staff survey?", [survey], set(), kinds=("count",)) == "that figure"
    month = "Stacey Rothwell was appointed as the 7-Force Network director in July."
    assert missing_kind("what date exactly did she start?", [month], set(), kinds=()) == "the exact date"
    assert missing_kind("when did she start?", [month], set(), kinds=("date",)) is None
    place = "Data centres are live and services are being migrated across."
    assert missing_kind("where are the new data centres?", [place], set(), kinds=()) == "that place"
    assert missing_kind("where are we with the data centres?", [place], set(), kinds=()) is None  # a status


def test_names_are_words_the_reports_always_capitalise_and_use_alone():
    from assistant.answer.matching import proper_names
    from assistant.ingest.terms import add_counts, name_counts

    texts = ["Two districts remain (Thurrock and Harlow).", "Work with Thurrock continues; Harlow waits.",
             "The Home Office Biometrics link.", "Home Office Biometrics is live."]
    assert {"thurrock", "harlow"} <= proper_names(name_counts(texts))
    assert "biometric" not in proper_names(name_counts(texts))
    summed: dict = {}
    for text in texts:  # counted per report at ingest, summed when the index loads
        add_counts(summed, name_counts([text]))
    assert summed == name_counts(texts)


def test_cover_labels_for_the_author_answer_who_wrote_it():
    """'Author:', 'Prepared by:' and 'Compiled by:' lines are where "who wrote it" is answered;
    'Prepared for:' is not."""
    from assistant.ingest.frontmatter import field_terms

    for line in ("Author: Paul Nagle", "Prepared by: Gavin Threlfall-Moss, Service Continuity Manager",
                 "Compiled by: Jo Bright"):
        assert {"writ", "author"} <= field_terms(line), line
    assert "author" not in field_terms("Prepared for: Kent and Essex Joint Information Assurance Board")
