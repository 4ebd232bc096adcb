"""The learned figure-kind model: which figure a question asks for, and how it is trained."""

import numpy as np
import pytest

from assistant.answer import figure_kinds
from assistant.answer.answer_types import asked
from assistant.answer.decision import ModelMissing
from assistant.answer.figure_kinds import MODEL, FigureKinds, figure_asked, ngrams
from assistant.evaluate import train_figures

NO_VECTOR = np.zeros(384)


def test_words_and_word_pairs_are_the_inputs():
    assert ngrams("How many £ posts?") == ["how", "many", "£", "posts", "how many", "many £", "£ posts"]


@pytest.mark.parametrize(("question", "kind"), [
    ("how much did the new custody contract cost?", "money"),
    ("what percentage of calls were answered within 10 seconds?", "percent"),
    ("how many posts are jointly funded by police and fire?", "count"),  # "funded" is not a sum asked for
    ("how many hrs a year is the hub saving on re-keying?", "count"),  # nor is "saving"
    ("who chairs the joint estates board?", None),
    ("when did Maidstone grant planning permission?", None),  # "grant" is not money here
])
def test_each_question_carries_the_figure_the_committed_model_reads(assistant, question, kind):
    query, *_ = assistant.prepare(question)
    assert query.figure == kind == figure_asked(query.text, query.vector)


def test_the_answer_kinds_follow_the_model():
    assert [label for label, _ in asked("how many posts are jointly funded?", "count")] == ["that figure"]
    assert [label for label, _ in asked("how many posts are jointly funded?", "money")] == ["that amount"]
    assert asked("what are the posts?", None) == []


def test_facts_label_questions_by_what_they_are():
    kinds = train_figures.fact_kind
    assert [kinds(f) for f in ("£809,000", "68%", "27 per cent", "1,115", "twice", "4 December 2025", "24/25",
                               "Amber", "Dr Jane Smith")] == ["money", "percent", "percent", "count", "count",
                                                              None, None, None, None]
    item = {"answerable": True, "facts": [["1,032"], ["68%", "68 per cent"]]}
    assert train_figures.labels(item) == {"count", "percent"}
    assert train_figures.labels({"answerable": False, "facts": []}) is None


def _item(question: str, fact: str) -> dict:
    return {"question": question, "vector": NO_VECTOR, "answerable": True, "facts": [[fact]]}


def test_a_model_fitted_on_labelled_questions_learns_their_wording_and_round_trips(tmp_path):
    things = ("van", "radio", "drone", "boat", "hub", "desk")
    model = train_figures.fit([_item(f"how much did the {t} cost", "£1,000") for t in things]
                              + [_item(f"how many {t}s were bought", "12") for t in things]
                              + [_item(f"who runs the {t}", "Kent Police") for t in things])
    assert model.kind("how much did the car cost", NO_VECTOR) == "money"
    assert model.kind("how many cars were bought", NO_VECTOR) == "count"
    assert model.kind("who runs the car", NO_VECTOR) is None
    model.save(tmp_path / "k.json")
    again = FigureKinds.load(tmp_path / "k.json")
    assert again.probabilities("how many cars", NO_VECTOR) == model.probabilities("how many cars", NO_VECTOR)


def test_a_held_out_model_is_used_until_reset():
    fitted = train_figures.fit([_item(f"who is {n}", "£5") for n in "abc"] + [_item(f"what is {n}", "x") for n in "abc"])
    try:
        figure_kinds.use(fitted)
        assert figure_asked("who is d", NO_VECTOR) == "money"
    finally:
        figure_kinds.use(None)
    assert figure_asked("who is d", NO_VECTOR) is None


def test_a_missing_model_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(ModelMissing, match="assistant train"):
        FigureKinds.load(tmp_path / "absent.json")
    assert MODEL.stat().st_size < 5_000_000
