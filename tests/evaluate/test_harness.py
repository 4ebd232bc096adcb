"""Scoring one answer: facts are read as the answer shows them."""

from assistant.contract import Answer, Citation
from assistant.evaluate.harness import score


def test_a_fact_in_bold_is_found_as_the_user_reads_it():
    text = "Burnham-on-Crouch Fire Station (PF05): Condition grade: C (2022: C)."
    quote = Citation(1, "survey.txt", "Survey", "2025-12", "PF05", text, 0, len(text))
    answer = Answer("what grade did Burnham get?", "Burnham-on-Crouch Fire Station (PF05): Condition grade **C** [1].",
                    False, [quote])
    item = {"id": "q", "category": "rag_status", "answerable": True, "facts": [["grade C"]]}
    assert score(item, answer, {"survey.txt": text}, None)["passed"]
    assert not score({**item, "facts": [["grade D"]]}, answer, {"survey.txt": text}, None)["passed"]
