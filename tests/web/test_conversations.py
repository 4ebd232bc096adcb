"""Each user's saved conversations: kept across reloads, scoped to their owner, exportable."""

from assistant.web import conversations


def turn(question: str, answer: str = "NAS is **Amber** [1].") -> dict:
    citation = {"n": 1, "title": "Collaboration annual update", "date": "2022-11",
                "section": "5.3.2 DPP - NAS", "quote": "This workstream remains at amber due to the national delays."}
    return {"question": question, "history": [], "answer": {"question": question, "answer": answer,
                                                            "citations": [citation]}}


def test_a_conversation_is_saved_listed_reopened_renamed_exported_and_deleted(tmp_path):
    db = tmp_path / "assistant.db"
    first = conversations.save(db, "officer1", None, [turn("why is NAS amber?")], "")
    assert conversations.save(db, "officer1", first, [turn("why is NAS amber?"), turn("and in 2019?")],
                              "2022-annual-collaboration-update.txt") == first  # the same one, grown
    other = conversations.save(db, "officer1", None, [turn("who chairs the NLEDP board? " * 10)])
    assert [cid for _, cid in conversations.listed(db, "officer1")] == [other, first]  # newest first
    assert conversations.listed(db, "officer1")[0][0].startswith("who chairs the NLEDP board?")

    saved = conversations.load(db, "officer1", first)
    assert [t["question"] for t in saved["turns"]] == ["why is NAS amber?", "and in 2019?"]
    assert saved["edition"] == "2022-annual-collaboration-update.txt"

    assert conversations.rename(db, "officer1", first, "NAS briefing")
    text = conversations.markdown(conversations.load(db, "officer1", first))
    assert text.startswith("# NAS briefing\n") and "## 2. and in 2019?" in text
    assert "NAS is Amber [1]." in text and '[1] Collaboration annual update (2022-11), section 5.3.2 DPP - NAS: "This' in text

    assert conversations.delete(db, "officer1", first)
    assert conversations.load(db, "officer1", first) is None
    assert [cid for _, cid in conversations.listed(db, "officer1")] == [other]


def test_one_officer_never_reaches_anothers_conversation(tmp_path):
    db = tmp_path / "assistant.db"
    mine = conversations.save(db, "officer1", None, [turn("why is NAS amber?")])
    assert conversations.listed(db, "officer2") == []
    assert conversations.load(db, "officer2", mine) is None
    assert not conversations.rename(db, "officer2", mine, "taken")
    assert not conversations.delete(db, "officer2", mine)
    theirs = conversations.save(db, "officer2", mine, [turn("what about SOH?")])  # not an overwrite
    assert theirs != mine and conversations.load(db, "officer1", mine)["turns"][0]["question"] == "why is NAS amber?"
