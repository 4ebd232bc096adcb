"""Follow-ups rewritten into standalone questions: exact expectations, no LLM."""

import pytest

from assistant.question.followup import rewrite

CASES = [
    # (history, follow-up, standalone question)
    (["why is NAS amber?"], "and in 2019?", "why is NAS amber in 2019?"),
    (["why is NAS amber?"], "who leads it?", "who leads NAS?"),
    (["why is NAS amber?"], "what about the fire service?", "why is the fire service amber?"),
    (["what's the status of the ECFRS collaboration?"], "why?",
     "why is the status of the ECFRS collaboration what it is?"),
    (["what's the ECFRS RAG?"], "why?", "why is the ECFRS RAG what it is?"),
    (["what's NAS rated at?"], "and in 2019?", "what is NAS rated at in 2019?"),
    (["what's NAS rated at?"], "and back in June 2019?", "what is NAS rated at in June 2019?"),
    (["why is NAS amber?"], "what about last year?", "why is NAS amber last year?"),
    (["who is the 7F network director?"], "when were they appointed?",
     "when was the 7F network director appointed?"),
    (["which districts still don't have a community safety hub?"], "and when will they get one?",
     "when will the districts that still don't have a community safety hub get one?"),
    (["how many forces are live on SOH?"], "which ones aren't even scheduled?",
     "which forces aren't even scheduled on SOH?"),
    (["what's the rating on NLEDP?"], "who chairs the local board for it?",
     "who chairs the local board for NLEDP?"),
    (["tell me about the tri-service rural community prevention officer project"],
     "how much is it worth a year?",
     "how much is the tri-service rural community prevention officer project worth a year?"),
    (["how many cyber specials do we have?"], "and back in 2019 how many applied?",
     "how many cyber specials applied in 2019?"),
    (["what's SSD staff satisfaction?"], "what was it the year before?",
     "what was SSD staff satisfaction the year before?"),
    (["what's NLEDP rated?"], "and what was it the previous year?",
     "what was NLEDP rated the previous year?"),
    (["how many districts have community safety hubs?"], "how many were there in 2019?",
     "how many districts had community safety hubs in 2019?"),
    (["when did SOH go live in Essex?"],
     "what date did the 2019 report say crime reporting would start on it?",
     "what date did the 2019 report say crime reporting would start on SOH?"),
    (["who leads vetting in the 7F?"], "and who was the programme SRO?",
     "who was the programme SRO for vetting in the 7F?"),
    (["what's the mental health collab rated?"], "what about the fire service one?",
     "what is the fire service rated?"),
    (["which workstreams are amber?"], "what about red?", "which workstreams are red?"),
    (["why is NAS amber?"], "who is the SRO?", "who is the SRO for NAS?"),
    (["why is NAS amber?"], "what is its budget?", "what is NAS's budget?"),
    (["why is NAS amber?"], "why is that?", "why is NAS amber?"),
    (["why is nas amber?"], "who leads it?", "who leads nas?"),
    # a chain: the previous follow-up is resolved first
    (["why is NAS amber?", "and in 2019?"], "who leads it?", "who leads NAS?"),
    (["why is NAS amber?", "and in 2019?"], "and in 2022?", "why is NAS amber in 2022?"),
    # "and" before a question with its own topic is just dropped
    (["why is NAS amber?"], "and who leads SOH?", "who leads SOH?"),
]


@pytest.mark.parametrize("history,question,expected", CASES)
def test_follow_up_becomes_standalone(history, question, expected):
    assert rewrite(question, history) == expected


@pytest.mark.parametrize("question", [
    "Which workstreams are amber?",
    "How many forces are live on Single Online Home?",
    "what is the collaboration dashboard?",
    "who leads SOH?",
    "Why is the ECFRS collaboration amber in 2022?",
    # the pronoun points inside the question itself
    "community safety hubs - what RAG are they on",
    "which collaboration is rated red and who owns it?",
    "durham survey - when was it run in 2019 compared with 2022",
    "which collab areas are amber this year",
])
def test_self_contained_questions_are_unchanged(question):
    assert rewrite(question, ["why is NAS amber?"]) == question


@pytest.mark.parametrize("history", [[], None, ["", "  "]])
def test_without_history_nothing_changes(history):
    assert rewrite("who leads it?", history) == "who leads it?"


def test_odd_input_does_not_raise():
    for q in ["?", "and", "it", "what about", "<script>alert(1)</script>", "2019"]:
        assert isinstance(rewrite(q, ["why is NAS amber?"]), str)
