"""Time words in a question -> the report editions it means."""

from assistant.question.editions import periods, resolve

DOCS = {"register.docx": {"date": "2025-05"}, "annual.docx": {"date": "2026-06"}, "update.txt": {"date": "2022-11"}}


def test_a_year_names_the_edition_of_that_year():
    editions = resolve("what was NAS rated in 2022?", DOCS)
    assert editions.documents == ["update.txt"] and editions.mode == "year"


def test_a_financial_year_is_a_period_not_an_edition():
    """The 2025/26 annual report is dated 2026: 'in 2025/26' must not narrow the search to the
    paper dated 2025."""
    assert resolve("how many county lines did SCD close in 2025/26?", DOCS).documents is None
    assert periods("savings in 2025/26") == [("2025/26", "2025-04", "2026-03")]
