"""Ratings on a paper's own scale, read from the text (evals/new_documents* papers' shapes)."""

from assistant.ingest.structure import parse

PROSE = "The panel met the leads in May and read the papers before the meeting."


def ratings(text: str) -> dict[str, tuple]:
    return {r.workstream: (r.scale, r.overall, r.previous, r.source) for r in parse(text).ratings}


def test_a_field_naming_a_scale_rates_its_section_and_a_bracket_gives_the_earlier_value():
    text = (f"Governance review\nJuly 2026\n\nStatus: For decision\n\nSummary\n\n{PROSE}\n\n"
            f"Forum 5: Police and Fire Joint Estates Group\n\n{PROSE} Verdict: Merge (2023 review: Keep).\n\n"
            f"Idea 6.4: Chatbot for anti-social behaviour reports\n\n"
            f"Readiness: TRL 5 (March 2025 pitch: TRL 5). Recommendation: Stop.\n\n"
            f"Risk DR1 – Unauthorised searching\n\nInherent risk: Probable and Severe – High.\n\n"
            f"Residual risk: Possible and Significant – Medium. Owner: Inspector Deborah Kane.\n")
    found = {(r.workstream, r.scale): (r.overall, r.previous) for r in parse(text).ratings}
    assert found == {
        ("Forum 5: Police and Fire Joint Estates Group", "Verdict"): ("Merge", "Keep"),
        ("Idea 6.4: Chatbot for anti-social behaviour reports", "Readiness"): ("TRL 5", "TRL 5"),
        ("Risk DR1 – Unauthorised searching", "Inherent risk"): ("Probable and Severe – High", None),
        ("Risk DR1 – Unauthorised searching", "Residual risk"): ("Possible and Significant – Medium", None)}


def test_an_entry_with_an_earlier_value_in_brackets_is_rated_on_that_scale_but_figures_and_dates_are_not():
    text = (f"Priorities workshop\nApril 2026\n\nHorizon Placings\n\n{PROSE}\n\n"
            "Vetting hub extension: Now (January draft: Next).\n\nCustody healthcare contract: Next (January draft: Later).\n\n"
            "Results\n\nArrests: 318 (2024/25: 284).\n\nClass A drugs seized: 83 kg (last half: 64 kg).\n\n"
            "Target date: 31 July 2025 (revised: 31 October 2025).\n")
    assert ratings(text) == {"Vetting hub extension": ("", "Now", "Next", "field"),
                             "Custody healthcare contract": ("", "Next", "Later", "field")}


def test_a_bulleted_log_of_numbered_items_is_rated_but_a_figure_in_days_is_not():
    text = (f"Chair's assurance report\nMarch 2026\n\n// About\n\n{PROSE}\n\n// At a glance\n\n{PROSE}\n"
            "o Item 1, PAH data feed: ALERT (December 2025: ADVISE)\n"
            "o Item 2, weapon field: ADVISE (December 2025: ASSURE)\n"
            "o Item 3, governance audit: ASSURE (new since December)\n\n"
            "// Measures\n\nPM2 Median days to report, priority 1 cases: 9 days (quarter 3: 14 days).\n")
    assert ratings(text) == {"Item 1, PAH data feed": ("", "ALERT", "ADVISE", "field"),
                             "Item 2, weapon field": ("", "ADVISE", "ASSURE", "field")}
    assert any(s.kind == "bullet" and s.start == text.index("Item 1") for sec in parse(text).sections for s in sec.spans)


def test_the_seed_reports_rag_ratings_are_unchanged_by_scales():
    from conftest import CORPUS

    for name in ("2019-06-quarterly-collaboration-update.txt", "2022-annual-collaboration-update.txt"):
        assert not [r for r in parse((CORPUS / name).read_text(encoding="utf-8")).ratings if r.source == "field"]


def test_a_severity_or_priority_grade_is_a_rating_but_a_protective_marking_is_not():
    text = (f"Outage review\nSeptember 2026\n\nSecurity classification: OFFICIAL\n\nSummary\n\n{PROSE}\n\n"
            f"Severity Classification\n\n{PROSE}\n\nFinal classification: Level 3 – Significant.\n\n"
            f"Finding 2: Late recharges\n\n{PROSE}\n\nPriority: Medium.\n\n"
            f"Handling\n\n{PROSE}\n\nSecurity classification: Official.\n")
    assert ratings(text) == {"Severity Classification": ("Final classification", "Level 3 – Significant", None, "field"),
                             "Finding 2: Late recharges": ("Priority", "Medium", None, "field")}
