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


def test_a_table_row_brings_its_header_row_and_a_label_row_does_not():
    """'Voxbridge  52.8  26.0  8.5  87.3  1' says nothing without 'Bidder  Quality (60) ...
    Total (100)  Rank'; a two-cell 'Chief Officer:<TAB>Dr Harrington' cover row needs nothing."""
    spans = _spans(("heading", "Lot 2", "Lot 2"),
                   ("sentence", "Lot 2", "Bidder\tQuality (60)\tPrice (30)\tTotal (100)\tRank"),
                   ("sentence", "Lot 2", "Halvard Ltd\t45.6\t30.0\t82.6\t2"),
                   ("sentence", "Lot 2", "Voxbridge Remote Ltd\t52.8\t26.0\t87.3\t1"),
                   ("row", "Cover", "Title of Report:\tQuarterly update"),
                   ("row", "Cover", "Chief Officer:\tDr Victoria Harrington"))
    seq = SpanSequence(spans)
    assert seq.needed_with([3]) == [1] and seq.needed_with([1]) == [] and seq.needed_with([5]) == []
