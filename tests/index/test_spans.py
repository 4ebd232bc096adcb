"""Spans as files beside the store: written once per report, hard-linked into the next
generation when the report is unchanged, gone with the report, read back in text order."""

import numpy as np
import pytest
from conftest import corpus_copy

from assistant.index import spans
from assistant.index.build import ingest, load
from assistant.index.generations import current
from assistant.ingest.terms import name_counts, terms, text_terms


def test_unchanged_reports_share_their_span_files_across_generations(tmp_path, embedder):
    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    first = current(settings.index_dir)
    before = {p.name: p.stat().st_ino for p in (first / "spans").iterdir()}
    assert len(before) == 4  # two reports, a vector file and a text file each

    target = corpus / "2019-06-quarterly-collaboration-update.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nA closing sentence about drones.\n",
                      encoding="utf-8")
    ingest(None, settings, embedder, progress=False)
    second = current(settings.index_dir)
    after = {p.name: p.stat().st_ino for p in (second / "spans").iterdir()}
    assert second != first and after.keys() == before.keys()
    shared = {name for name in after if after[name] == before[name]}
    assert len(shared) == 2  # the 2022 report's files are the same files; the 2019 ones are new

    index = load(settings, embedder)
    assert len(index.spans) == len(index.span_vectors)
    assert any("drones" in s["text"] for s in index.spans)
    keys = [(s["document"], s["start"]) for s in index.spans]
    assert keys == sorted(keys)
    row = next(k for k, s in enumerate(index.spans) if "drones" in s["text"])
    assert index.spans[row]["terms"].split() == text_terms(index.spans[row]["text"])  # tokenised once, at ingest
    assert {c["id"] for c in index.chunks} == set(index.chunk_terms)
    some = index.chunks[0]
    assert index.chunk_terms[some["id"]] == {"bm25": " ".join(terms(some["text"])),
                                             "header": " ".join(text_terms(some["header"]))}
    assert index.name_counts == name_counts([s["text"] for s in index.spans])
    assert float(index.span_vectors[row] @ embedder.embed(["A closing sentence about drones."])[0]) > 0.95

    target.unlink()
    ingest(None, settings, embedder, progress=False)
    assert len(list((current(settings.index_dir) / "spans").iterdir())) == 2
    assert {s["document"] for s in load(settings, embedder).spans} == {"2022-annual-collaboration-update.txt"}


def test_spans_and_vectors_must_match(tmp_path):
    with pytest.raises(ValueError, match="2 spans but 1 vectors"):
        spans.write(tmp_path, "a.txt", [{"start": 0}, {"start": 5}], np.zeros((1, 384), np.float32))
    assert spans.read(tmp_path)[1].shape == (0, 384)  # a generation with no reports
