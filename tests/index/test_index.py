"""Idempotent ingest keyed by content hash, on a real Chroma store in tmp."""

import shutil

from conftest import DATA, corpus_copy, make_settings

from assistant.index.build import corpus_is_stale, ingest, load


def test_ingest_is_idempotent_and_tracks_changes(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    first = ingest(None, settings, embedder, progress=False)
    assert sorted(first.added) == sorted(p.name for p in corpus.glob("*.txt"))
    assert first.chunks_written > 50
    assert not corpus_is_stale(settings)

    again = ingest(None, settings, embedder, progress=False)
    assert again.chunks_written == 0 and len(again.unchanged) == 2

    target = corpus / "2019-06-quarterly-collaboration-update.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nA new closing sentence about drones.\n",
                      encoding="utf-8")
    assert corpus_is_stale(settings)
    changed = ingest(None, settings, embedder, progress=False)
    assert changed.updated == [target.name] and changed.chunks_written > 0
    index = load(settings, embedder)
    assert any("drones" in s["text"] for s in index.spans)
    ids = [c["id"] for c in index.chunks]
    assert len(ids) == len(set(ids))

    target.unlink()
    removed = ingest(None, settings, embedder, progress=False)
    assert removed.removed == [target.name]
    index = load(settings, embedder)
    assert {c["document"] for c in index.chunks} == {"2022-annual-collaboration-update.txt"}


def test_bad_file_is_skipped_and_nothing_else_changes(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    before = load(settings, embedder)
    shutil.copy(DATA / "broken.pdf", corpus / "broken.pdf")
    report = ingest(None, settings, embedder, progress=False)
    assert "broken.pdf" in report.failed and "not a readable PDF" in report.failed["broken.pdf"]
    assert report.chunks_written == 0
    assert len(load(settings, embedder).chunks) == len(before.chunks)


def test_index_built_with_another_model_is_refused(tmp_path, embedder):
    import json

    import pytest

    from assistant.index.build import IndexError_

    settings = make_settings(tmp_path)
    ingest(None, settings, embedder, progress=False)
    from assistant.index.generations import current

    manifest = current(settings.index_dir) / "manifest.json"
    data = json.loads(manifest.read_text())
    data["settings"]["embedding_model"] = "other-model"
    manifest.write_text(json.dumps(data))
    with pytest.raises(IndexError_, match="ingest --rebuild"):
        load(settings, embedder)


def test_a_bad_file_is_not_retried_on_every_question(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path, "broken.pdf")
    report = ingest(None, settings, embedder, progress=False)
    assert "broken.pdf" in report.failed
    assert not corpus_is_stale(settings)  # until the file changes
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 still broken, but different")
    assert corpus_is_stale(settings)


def test_a_report_added_from_elsewhere_joins_the_corpus(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    report = ingest([DATA / "excerpt-2022.docx"], settings, embedder, progress=False)
    assert report.added == ["excerpt-2022.docx"] and (corpus / "excerpt-2022.docx").exists()
    assert not corpus_is_stale(settings)
    again = ingest(None, settings, embedder, progress=False)  # what `ask` does when stale
    assert "excerpt-2022.docx" in again.unchanged and not again.removed


def test_edited_metadata_makes_the_index_stale(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    manifest = corpus / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace(
        "title: Collaboration annual update", "title: Collaboration annual update 2022"))
    assert corpus_is_stale(settings)
    report = ingest(None, settings, embedder, progress=False)
    assert report.updated == ["2022-annual-collaboration-update.txt"]
    assert load(settings, embedder).documents["2022-annual-collaboration-update.txt"]["title"].endswith("2022")


def test_ingest_records_how_much_of_each_report_is_quotable(tmp_path, embedder, monkeypatch):
    corpus, settings = corpus_copy(tmp_path)
    report = ingest(None, settings, embedder, progress=False)
    assert not [w for w in report.warnings if "quotable" in w]
    shares = {n: d["quotable"] for n, d in load(settings, embedder).documents.items()}
    assert set(shares) == {p.name for p in corpus.glob("*.txt")}
    assert all(share >= 0.95 for share in shares.values()), shares

    import assistant.index.build as index_module

    real = index_module.chunk_document
    monkeypatch.setattr(index_module, "chunk_document", lambda *a, **k: real(*a, **k)[:5])
    report = ingest(None, settings, embedder, progress=False, rebuild=True)
    dropped = [w for w in report.warnings if "became quotable" in w]
    assert len(dropped) == 2 and all("try the report as DOCX or text" in w for w in dropped)


def test_one_name_in_two_folders_is_refused_not_orphaned(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    (corpus / "a").mkdir()
    (corpus / "b").mkdir()
    for sub, text in [("a", "Drone paper\n\nThe unit flew 412 missions."),
                      ("b", "Custody paper\n\nTwo suites remain closed.")]:
        (corpus / sub / "paper.txt").write_text(text)
    report = ingest(None, settings, embedder, progress=False)
    assert "paper.txt" in report.added
    assert [reason for reason in report.failed.values() if "rename one of them" in reason]
    index = load(settings, embedder)
    assert sum(s["document"] == "paper.txt" for s in index.spans) == 1
    assert not corpus_is_stale(settings)  # asking does not re-ingest every time


def test_ingest_says_what_it_inferred_and_how_to_correct_it(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path, "drone-unit-2024.txt")
    report = ingest(None, settings, embedder, progress=False)
    assert list(report.inferred) == ["drone-unit-2024.txt"]  # the others have manifest entries
    summary = report.summary()
    assert "inferred drone-unit-2024.txt: title 'Drone Unit collaboration paper', date 2024-03" in summary
    assert "manifest.yaml" in summary


def test_a_file_over_its_read_budget_is_skipped_and_the_rest_indexed(tmp_path, embedder):
    """Each file is read in a child process with a memory and time limit: one that needs more
    is skipped with a line naming the setting, and the other files are indexed as usual."""
    corpus, settings = corpus_copy(tmp_path)
    (corpus / "huge.txt").write_text("Workstream note. " * 4_000_000, encoding="utf-8")  # 68 MB of text
    tight = settings.replace(read_memory_mb=40, max_file_mb=100)
    report = ingest(None, tight, embedder, progress=False)
    assert "more than 40 MB" in report.failed["huge.txt"]
    assert "ASSISTANT_READ_MEMORY_MB" in report.failed["huge.txt"]
    assert len(report.added) == 2 and report.chunks_written > 50

    (corpus / "huge.txt").unlink()
    shutil.copy(DATA / "excerpt-2022.pdf", corpus / "slow.pdf")
    report = ingest(None, settings.replace(read_seconds=0.001), embedder, progress=False)
    assert "longer than 0.001 s" in report.failed["slow.pdf"]
    assert "ASSISTANT_READ_SECONDS" in report.failed["slow.pdf"]
    assert "slow.pdf" not in load(settings, embedder).documents


def test_load_reads_the_chunks_page_by_page(tmp_path, embedder, monkeypatch):
    """A store of 55,000 chunks can't be read in one request: load pages through it."""
    import assistant.index.build as build

    _, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    whole = load(settings, embedder)
    monkeypatch.setattr(build, "PAGE", 7)
    paged = load(settings, embedder)
    assert len(paged.chunks) == len(whole.chunks) == sum(d["chunks"] for d in whole.documents.values())
    assert [c["id"] for c in paged.chunks] == [c["id"] for c in whole.chunks]


def test_a_rating_under_the_papers_own_heading_is_named_after_the_paper():
    """'Overall: Amber/Green' under 'Headline' (or 'At a glance', 'Summary') rates the paper, so
    the rating takes the paper's title; a workstream's own heading keeps its name."""
    from assistant.index.build import GENERIC_NAME

    for heading in ("Headline", "At a glance", "Executive Summary", "Overall position", "3.1 Overall rating"):
        assert GENERIC_NAME.fullmatch(heading), heading
    for heading in ("Mental Health", "P2 Shared stations", "Headline measures for custody"):
        assert not GENERIC_NAME.fullmatch(heading), heading


def test_an_index_built_by_other_ingest_code_is_rebuilt(tmp_path, embedder, monkeypatch):
    from assistant.index import build

    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    assert not corpus_is_stale(settings)
    parser = tmp_path / "structure.py"
    parser.write_text((build.INGEST_CODE[0].parent / "structure.py").read_text(encoding="utf-8")
                      + "\n# a comment is not a change\n", encoding="utf-8")
    try:
        build.index_version.cache_clear()
        monkeypatch.setattr(build, "INGEST_CODE", [parser if p.name == "structure.py" else p for p in build.INGEST_CODE])
        assert not corpus_is_stale(settings)
        parser.write_text(parser.read_text(encoding="utf-8") + "SPLIT_EARLIER = True\n", encoding="utf-8")
        build.index_version.cache_clear()
        assert corpus_is_stale(settings)  # the app re-ingests at start-up
        again = ingest(None, settings, embedder, progress=False)
        assert again.chunks_written > 50 and not corpus_is_stale(settings)
    finally:  # the digest of the real code again, pass or fail: later tests' indexes are not stale
        monkeypatch.undo()
        build.index_version.cache_clear()
