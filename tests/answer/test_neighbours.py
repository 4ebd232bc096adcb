"""What a quoted span needs beside it to be read alone (`neighbours.SpanSequence`)."""

from assistant.answer.neighbours import SpanSequence


def _spans(*rows: tuple[str, str, str]) -> list[dict]:
    return [{"kind": kind, "section": section, "text": text} for kind, section, text in rows]


SPANS = _spans(
    ("heading", "Decisions requested", "Decisions requested"),
    ("sentence", "Decisions requested", "Chief officers are asked to:"),
    ("bullet", "Decisions requested", "support re-procurement of the forensic contract;"),
    ("bullet", "Decisions requested", "second two Essex vetting officers; and"),
    ("bullet", "Decisions requested", "note the closure of the academy."),
    ("heading", "Risks", "Risks"),
    ("bullet", "Risks", "Supplier failure."),
)


def test_a_lead_in_ending_in_a_colon_brings_its_items_and_stops_at_the_section():
    assert sorted(SpanSequence(SPANS).needed_with([1])) == [2, 3, 4]


def test_a_complete_sentence_needs_nothing_beside_it():
    spans = _spans(("sentence", "Money", "The exercise cost £18,400."),
                   ("bullet", "Money", "Fire: £9,200."))
    assert SpanSequence(spans).needed_with([0]) == []
