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


def test_enumerated_sentences_are_one_list_and_a_year_is_no_label():
    """'Option 2 is ...' belongs with 'Option 1 ...' and 'Option 3 ...' as bullets belong to one
    list; 'In 2025 ...' opens with a year, not a label."""
    spans = _spans(("sentence", "Break clause", "Three options are being worked up."),
                   ("sentence", "Break clause", "Option 1 is to continue the contract."),
                   ("sentence", "Break clause", "Option 2 is to give notice and re-procure."),
                   ("sentence", "Break clause", "Option 3 is to vary the contract."),
                   ("sentence", "Money", "Option 4 is elsewhere."),
                   ("sentence", "Break clause", "In 2025 the contract cost £1m."))
    seq = SpanSequence(spans)
    assert seq.enumerated(2) == [1, 2, 3] and seq.enumerated(0) == [] and seq.enumerated(5) == []


def test_enumerated_members_hold_what_the_question_asks_and_a_determiner_is_no_label():
    """'which areas came out as limited?' led by 'Area 2 ...: Limited' brings Area 1, not the
    Substantial Area 3; 'The five most requested ...' and 'The seven forces' are no run."""
    spans = _spans(("sentence", "Assurance", "Area 1, the register: Limited."),
                   ("sentence", "Assurance", "Area 2, renewals: Limited."),
                   ("sentence", "Assurance", "Area 3, governance: Substantial."),
                   ("sentence", "Languages", "The seven forces buy interpreting."),
                   ("sentence", "Languages", "The five most requested languages were Polish."))
    seq = SpanSequence(spans)

    def asked(text: str) -> frozenset:
        return frozenset(w for w in ("area", "limited") if w in text.lower())

    assert seq.enumerated(1, asked) == [0, 1] and seq.enumerated(1) == [0, 1, 2]
    assert seq.enumerated(4) == []


def test_rows_sharing_the_asked_cell_come_with_a_row():
    """'which milestones are late?' led by one Late row brings the other Late rows, not the Done."""
    spans = _spans(("heading", "Milestones", "Milestones"),
                   ("sentence", "Milestones", "Ref\tMilestone\tForecast\tStatus"),
                   ("sentence", "Milestones", "M1\tOpen the hub\t1 Mar 2026\tDone"),
                   ("sentence", "Milestones", "M2\tMove into Brentwood\t15 Sep 2026\tLate"),
                   ("sentence", "Milestones", "M3\tFuel cards\t31 Oct 2026\tLate"),
                   ("sentence", "Risks", "R1\tSupplier\tHigh\tLate"))
    seq = SpanSequence(spans)
    assert seq.same_cell_rows(3, lambda cell: cell == "Late") == [3, 4]
    assert seq.same_cell_rows(3, lambda cell: False) == []


def test_a_sentence_announcing_its_items_by_count_brings_them_in_order():
    """'Two matters prevent a Green assessment.' names neither: 'First, ...' and 'Second, ...'
    do, with the detail between them left out; a count followed by no ordinal brings nothing."""
    spans = _spans(("sentence", "DCA", "Two matters prevent a Green assessment."),
                   ("sentence", "DCA", "First, there is no approved data migration strategy."),
                   ("sentence", "DCA", "The lead post has been vacant since November."),
                   ("sentence", "DCA", "Second, the interface has not been specified."),
                   ("sentence", "DCA", "Chief officers are asked for three decisions."),
                   ("sentence", "DCA", "The first return covered six councils."),
                   ("heading", "Next", "Next"),
                   ("sentence", "Next", "Second, a later section."))
    seq = SpanSequence(spans)
    assert seq.needed_with([0]) == [1, 3]
    assert seq.needed_with([4]) == []  # one "first" and no "second": not a list


def test_coded_items_are_one_list_by_their_code():
    """'IG2 – ...' belongs with 'IG1 – ...' and 'IG3 – ...' (not with 'R1: ...') as 'Option 2'
    belongs with 'Option 1'."""
    spans = _spans(("sentence", "Gaps", "IG1 – Who owns the premises."),
                   ("sentence", "Gaps", "IG2 – How adverts are paid for."),
                   ("sentence", "Gaps", "IG3 – The nail bar picture in Kent."),
                   ("sentence", "Gaps", "R1: Share data with the platforms."))
    assert SpanSequence(spans).enumerated(1) == [0, 1, 2]
    assert SpanSequence(spans).enumerated(3) == []


def test_a_list_item_or_table_line_is_read_under_its_lead_in():
    """'2,953 tested positive' names no year; the lead-in over its list, 'data for 2025/26:',
    does. A sentence after the list, or an item of another section, has no lead-in."""
    spans = _spans(("heading", "Need", "Need"),
                   ("sentence", "Need", "The assessment drew on custody data for 2025/26:"),
                   ("bullet", "Need", "9,410 arrests for trigger offences;"),
                   ("bullet", "Need", "2,953 tested positive."),
                   ("sentence", "Need", "The weakest step is from referral to treatment."),
                   ("sentence", "Money", "For the first full year (2028/29), the values are:"),
                   ("sentence", "Money", "CI-1 Custody pathway   £1,080,000"),
                   ("sentence", "Money", "Total   £2,745,000"),
                   ("bullet", "Other", "A bullet with nothing above it."))
    seq = SpanSequence(spans)
    assert seq.read_under(3) == [1] and seq.read_under(2) == [1]
    assert seq.read_under(7) == [5]
    assert seq.read_under(4) == [] and seq.read_under(8) == []


def test_a_sentence_goes_on_about_what_its_paragraph_named_and_no_further():
    """'The container held 212 kg of cocaine' is about Operation Marram, named two sentences
    before it in the same paragraph; the paragraph before that is not read."""
    rows = [(0, "The cell shared 3,412 reports."),  # a blank line (two characters) ends this paragraph
            (32, "The largest single result came from Operation Marram."),
            (86, "Border Force stopped a container declared as fruit."),
            (138, "The container held 212 kg of cocaine.")]
    spans = [{"kind": "sentence", "section": "Results", "text": text, "start": start, "end": start + len(text)}
             for start, text in rows]
    seq = SpanSequence(spans)
    assert seq.paragraph_before(3) == [2, 1]
    assert seq.paragraph_before(1) == []
