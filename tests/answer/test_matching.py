"""Question terms matched to report terms: acronyms as a question types them."""

from assistant.answer.matching import TermMatcher


def test_an_acronym_ending_in_s_is_read_as_its_expansion():
    """'LEDS' stems to 'led' like any plural; a question naming it still matches a rating named
    'Law Enforcement Data Service onboarding', though the name never says 'LEDS'."""
    texts = ["Law Enforcement Data Service onboarding: RED.",
             "Essex was due to move to the Law Enforcement Data Service (LEDS) in June 2026."]
    match = TermMatcher(texts, texts, {"leds": "Law Enforcement Data Service"})
    groups, weights = match.key_terms("LEDS rating this qtr?")
    name = match.bag("Law Enforcement Data Service onboarding")
    assert "led" in weights and match.has(groups["led"], name)
    assert not match.has(groups["led"], match.bag("Essex data protection service"))
    texts = ["Six tri-service rural community prevention officers (TRCPOs) are in post."]
    plural = TermMatcher(texts, texts, {"trcpos": "tri-service rural community prevention officers"})
    groups, _ = plural.key_terms("how many TRCPO posts are there?")  # singular asked, plural defined
    assert plural.has(groups["trcpo"], plural.bag("Rural community prevention officers (tri-service)"))
