"""The learned answer-kind model: which kinds of answer a question asks for, and how it is trained."""

import numpy as np
import pytest

from assistant.answer import answer_kinds
from assistant.answer.answer_kinds import MODEL, AnswerKinds, kinds_asked, ngrams
from assistant.answer.answer_types import asked
from assistant.answer.decision import ModelMissing
from assistant.evaluate import train_kinds

NO_VECTOR = np.zeros(384)


def test_words_and_word_pairs_are_the_inputs():
    assert ngrams("How many £ posts?") == ["how", "many", "£", "posts", "how many", "many £", "£ posts"]


@pytest.mark.parametrize(("question", "kinds"), [
    ("how much did the new custody contract cost?", ("money",)),
    ("what percentage of calls were answered within 10 seconds?", ("percent",)),
    ("how many posts are jointly funded by police and fire?", ("count",)),  # "funded" is not a sum asked for
    ("how many hrs a year is the hub saving on re-keying?", ("count",)),  # nor is "saving"
    ("who chairs the joint estates board?", ()),
    ("when did Maidstone grant planning permission?", ("date",)),  # "grant" is not money here
    ("when demand is overwhelming and incidents get downgraded, who supervises that?", ()),  # "when": no date
])
def test_each_question_carries_the_kinds_the_committed_model_reads(assistant, question, kinds):
    query, *_ = assistant.prepare(question)
    assert query.kinds == kinds == kinds_asked(query.text, query.vector)


def test_the_answer_kinds_follow_the_model():
    assert [label for label, _ in asked("how many posts are jointly funded?", ("count",))] == ["that figure"]
    assert [label for label, _ in asked("how many posts are jointly funded?", ("money",))] == ["that amount"]
    assert [label for label, _ in asked("when did it open?", ("date",))] == ["that date"]
    assert [label for label, _ in asked("how long has it run?", ("duration",))] == ["that length of time"]
    assert asked("when did it open?", ()) == []  # the word "when" alone asks nothing
    assert asked("what are the posts?", ()) == []


def test_facts_label_questions_by_what_they_are():
    kinds = train_kinds.fact_kind
    assert [kinds(f) for f in ("£809,000", "68%", "27 per cent", "1,115", "twice", "4 December 2025", "24/25",
                               "spring 2023", "30.09.2025", "18 months", "two years", "1,000 hours", "Amber",
                               "Dr Jane Smith")] == ["money", "percent", "percent", "count", "count", "date", "date",
                                                     "date", "date", "duration", "duration", "count", None, None]
    item = {"answerable": True, "facts": [["1,032"], ["68%", "68 per cent"], ["March 2023"]]}
    assert train_kinds.labels(item) == {"count", "percent", "date"}
    assert train_kinds.labels({"answerable": False, "facts": []}) is None


def _item(question: str, fact: str) -> dict:
    return {"question": question, "vector": NO_VECTOR, "answerable": True, "facts": [[fact]]}


def test_a_model_fitted_on_labelled_questions_learns_their_wording_and_round_trips(tmp_path):
    things = ("van", "radio", "drone", "boat", "hub", "desk")
    model = train_kinds.fit([_item(f"how much did the {t} cost", "£1,000") for t in things]
                            + [_item(f"how many {t}s were bought", "12") for t in things]
                            + [_item(f"when did the {t} arrive", "June 2021") for t in things]
                            + [_item(f"who runs the {t}", "Kent Police") for t in things])
    assert model.kinds("how much did the car cost", NO_VECTOR) == ("money",)
    assert model.kinds("how many cars were bought", NO_VECTOR) == ("count",)
    assert model.kinds("when did the car arrive", NO_VECTOR) == ("date",)
    assert model.kinds("who runs the car", NO_VECTOR) == ()
    model.save(tmp_path / "k.json")
    again = AnswerKinds.load(tmp_path / "k.json")
    assert again.probabilities("how many cars", NO_VECTOR) == model.probabilities("how many cars", NO_VECTOR)


def test_one_figure_at_most_but_a_date_beside_it():
    model = train_kinds.fit([_item(f"what is {n}", "£5") for n in "abc"] + [_item(f"who is {n}", "x") for n in "abc"])
    model.intercepts = [5.0, 4.0, 3.0, 2.0, -5.0]  # every figure likely: the likeliest one, and the date
    assert model.kinds("anything", NO_VECTOR) == ("money", "date")


def test_a_held_out_model_is_used_until_reset():
    fitted = train_kinds.fit([_item(f"who is {n}", "£5") for n in "abc"] + [_item(f"what is {n}", "x") for n in "abc"])
    try:
        answer_kinds.use(fitted)
        assert kinds_asked("who is d", NO_VECTOR) == ("money",)
    finally:
        answer_kinds.use(None)
    assert kinds_asked("who is d", NO_VECTOR) == ()


def test_a_missing_model_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(ModelMissing, match="assistant train"):
        AnswerKinds.load(tmp_path / "absent.json")
    assert MODEL.stat().st_size < 5_000_000
