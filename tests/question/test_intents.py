"""What a question asks for: the words that ask for a rating agree everywhere they are read."""

import pytest

from assistant.question.intents import RATING_ASKED, intents


@pytest.mark.parametrize("question", ["what colour is victim and witness care on the plan?",
                                      "NAS rating?", "what's the RAG for ecda?", "how was NAS graded"])
def test_a_question_read_as_asking_for_a_rating_asks_for_a_status(question):
    """'The reports give no RAG rating' is said only where a rating is asked for; the same
    question must look for ratings (it once said so beside a paper rating the thing Amber)."""
    assert RATING_ASKED.search(question) and "status" in intents(question)
