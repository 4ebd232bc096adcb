from assistant.ingest.table_headers import header_of, labelled, table_headers

OUTAGE = """Impact
Incident transfers during the outage      Number
Essex Police to EEAST                         97
EEAST to Essex Police                        112
Total                                        209
Of the 209 transfers, 41 were sent electronically; they sat unseen in the queues.
"""


def rows_and_headers(text: str) -> dict[str, str]:
    headers = table_headers(text)
    out = {}
    for line in text.splitlines():
        start = text.index(line)
        if header := header_of(text, headers, start, start + len(line)):
            out[line.replace("\t", "  ").split("  ")[0]] = header
    return out


def test_each_row_of_a_space_aligned_table_gets_the_header_row_over_it():
    found = rows_and_headers(OUTAGE)
    assert set(found) == {"Essex Police to EEAST", "EEAST to Essex Police", "Total"}
    assert set(found.values()) == {"Incident transfers during the outage      Number"}


def test_tab_separated_rows_as_a_word_table_is_extracted_have_their_header_too():
    text = "Partner\tPledged\tDelivered\nEssex Police\t210,000\t162,400\nKent Police\t190,000\t120,500\n"
    assert rows_and_headers(text) == {"Essex Police": "Partner\tPledged\tDelivered",
                                      "Kent Police": "Partner\tPledged\tDelivered"}


def test_label_value_lines_prose_and_two_line_tables_get_no_header():
    cover = "Lead analyst:      Dana Okoro\nReview date:       1 March 2027\nMarking:           OFFICIAL\n"
    assert table_headers(cover) == {}
    assert table_headers("Item      Cost\nLeaflets    £1,850\n") == {}  # a header and one row: a label and a value
    prose = "We met on 3 May; it went well.\nThe panel met twice; both times in Chelmsford.\nIt agreed; nobody dissented.\n"
    assert table_headers(prose) == {}


def test_a_first_line_that_is_itself_a_row_is_not_taken_for_a_header():
    wrapped = ("1 March 2027     Front counter opens     Media\n6 March 2027     Open day     Social media\n"
               "9 March 2027     Survey closes     Online\n")
    assert table_headers(wrapped) == {}
    figures = "Essex   Kent   Total\n268   231   499\n12   10   22\n"
    assert len(table_headers(figures)) == 2
    numbers_first = "2023   212   96\n2024   141   104\n2025   150   99\n"
    assert table_headers(numbers_first) == {}


def test_a_row_is_read_with_its_column_titles_cell_by_cell_or_after_them_when_they_do_not_line_up():
    assert labelled("Measure      Essex   Kent   Total", "Intelligence reports   412   335   747") == \
        "Measure: Intelligence reports; Essex: 412; Kent: 335; Total: 747"
    assert labelled("Partner\tPledged\tDelivered to 30 September", "Essex Police\t210,000") == \
        "Essex Police 210,000 (Partner / Pledged / Delivered to 30 September)"


def test_years_and_quarters_are_column_titles_and_a_header_may_be_set_tighter_than_its_rows():
    by_quarter = ("Category              Q1   Q2   Q3   Q4   2025/26   2024/25\n"
                  "Injury accidents      24   19   22   27        92       101\n"
                  "Assaults on staff      9   12    8   11        40        33\n"
                  "Total                 68   74   80   97       319       276\n")
    found = rows_and_headers(by_quarter)
    assert set(found) == {"Injury accidents", "Assaults on staff", "Total"}
    assert labelled(found["Assaults on staff"], "Assaults on staff      9   12    8   11        40        33") == \
        "Category: Assaults on staff; Q1: 9; Q2: 12; Q3: 8; Q4: 11; 2025/26: 40; 2024/25: 33"
    tight = ("Quarter          Searches  Found alive  Found deceased\n"
             "Q1 (Apr to Jun)        17           11               2\n"
             "Q2 (Jul to Sep)        22           15               3\n"
             "Total                  39           26               5\n")
    found = rows_and_headers(tight)
    assert len(found) == 3
    assert labelled(found["Total"], "Total                  39           26               5") == \
        "Quarter: Total; Searches: 39; Found alive: 26; Found deceased: 5"
