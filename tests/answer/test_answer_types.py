"""The kinds of answer a question asks for, and whether evidence gives one."""

from assistant.answer.answer_types import missing_kind, period_forms


def test_financial_years_are_one_year_however_written():
    assert period_forms("24/25") == period_forms("2024/25") == period_forms("2024-25") == period_forms("2024/2025")
    said = "Cashable savings of £4.62m were delivered across the seven forces in 2024/25."
    assert missing_kind("how much did 7F procurement save in 24/25?", [said], set(), kinds=("money",)) is None
    assert missing_kind("how much did 7F procurement save in 22/23?", [said], set(), kinds=("money",)) == "anything for 22/23"
    assert missing_kind("who leads on the Procurement Act 2023?", ["Joanna Ridd is the lead."], set(),
                        headings=["Procurement Act 2023"], kinds=()) is None


def test_a_split_written_like_a_year_is_not_a_period():
    """'the 42/58 split' names no year; '25/26' does."""
    said = "On the 42:58 police:fire split, Essex Police would pay £272,160 in 2026/27."
    assert missing_kind("how much will essex pay under the 42/58 split?", [said], set(), kinds=("money",)) is None
    assert missing_kind("how much will essex pay in 25/26?", [said], set(), kinds=("money",)) == "anything for 25/26"


def test_a_total_in_words_is_a_count():
    """'Thirty-seven staff ...: 16 from Kent, 15 from Essex' gives the total asked for."""
    said = "Thirty-seven staff worked on the test weekend: 16 from Kent, 15 from Essex and 6 from Halcyon Hosting."
    assert missing_kind("how many staff in total worked the failover weekend?", [said], set(), kinds=("count",)) is None
    assert missing_kind("how many cyber specials and volunteers are there?",
                        ["We have 18 Cyber Specials/Volunteers, an increase of 6 on last year."], set(),
                        known={"volunteer"}, kinds=("count",)) is None  # a compound's parts still name what is counted


def test_people_are_found_by_rank_and_by_a_double_barrelled_surname():
    """Given names the name list has never seen still make a person beside a rank or a
    double-barrelled surname; place names with lower-case joins stay places."""
    from assistant.answer.answer_types import people

    assert people("Owner: Rafferty Lomax-Idowu, Information Governance Lead") == ["Rafferty Lomax-Idowu"]
    assert "Station Manager Ewan" in people("The fire liaison is Station Manager Ewan Prothero-Glynn.")
    assert "DCS Alaric" in people("Owner: DCS Alaric Penhaligon-Moss")
    assert people("Warnings are in place for Burnham-on-Crouch and Southend-on-Sea.") == []
    assert missing_kind("who's the info governance lead for the cardiff model work?",
                        ["Owner: Rafferty Lomax-Idowu, Information Governance Lead, ecda"], set(), kinds=()) is None
