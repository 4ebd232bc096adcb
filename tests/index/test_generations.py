"""Crash and concurrency safety of ingest: one writer, atomic generations, SIGKILL mid-ingest."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, corpus_copy

from assistant.index.build import ingest, load, read_manifest
from assistant.index.generations import IngestBusy, current, writer_lock

INGEST = ("import sys; from pathlib import Path; from assistant.settings import Settings; "
          "from assistant.index.build import ingest; "
          "s = Settings.from_env(env={}, corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2])); "
          "ingest(None, s, progress=False)")


def consistent(settings, embedder) -> dict[str, int]:
    """The serving generation agrees with itself: every manifest document has exactly its
    chunks, no chunk or span belongs to a document it doesn't list. Returns chunks per doc."""
    index = load(settings, embedder)
    docs = index.documents
    per_doc: dict[str, int] = {}
    for c in index.chunks:
        per_doc[c["document"]] = per_doc.get(c["document"], 0) + 1
    assert set(per_doc) == {n for n, d in docs.items() if d["chunks"]}, "orphan or lost chunks"
    assert all(per_doc[n] == d["chunks"] for n, d in docs.items() if d["chunks"]), "partial document"
    assert {s["document"] for s in index.spans} <= set(docs)
    assert len({s["id"] for s in index.spans}) == len(index.spans), "duplicated spans"
    return per_doc


def spawn(corpus, settings):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", INGEST, str(corpus), str(settings.index_dir)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture
def built(tmp_path, embedder, onnx_cache):
    corpus, settings = corpus_copy(tmp_path)
    settings.index_dir.mkdir(parents=True)
    for onnx in onnx_cache.glob("*.onnx"):
        shutil.copy(onnx, settings.index_dir / onnx.name)  # no model export in the subprocesses
    ingest(None, settings, embedder, progress=False)
    return corpus, settings


def test_a_second_writer_is_refused_with_a_clear_message(built, embedder):
    corpus, settings = built
    with writer_lock(settings.index_dir), pytest.raises(IngestBusy, match="another ingest is running"):
        ingest(None, settings, embedder, progress=False)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INDEX_DIR": str(settings.index_dir),
           "ASSISTANT_CORPUS_DIR": str(corpus)}
    with writer_lock(settings.index_dir):
        done = subprocess.run([str(ROOT / ".venv/bin/assistant"), "ingest"], env=env,
                              capture_output=True, text=True)
    assert done.returncode == 3 and "another ingest is running" in done.stderr
    assert "Traceback" not in done.stderr


def test_sigkill_mid_ingest_never_loses_duplicates_or_orphans(built, embedder):
    corpus, settings = built
    report = corpus / "2019-06-quarterly-collaboration-update.txt"
    original = report.read_text(encoding="utf-8")
    expected = consistent(settings, embedder)
    rng = random.Random(13)
    report.write_text(original + "\nAddendum 0: the board noted the update.\n", encoding="utf-8")
    t0 = time.monotonic()
    spawn(corpus, settings).wait()
    whole = time.monotonic() - t0  # one uninterrupted ingest of a changed report, start-up included
    kills = rounds = 0
    while kills < 20 and rounds < 40:  # 20 SIGKILLs at random points of an ingest
        rounds += 1
        report.write_text(original + f"\nAddendum {rounds}: the board noted the update.\n", encoding="utf-8")
        proc = spawn(corpus, settings)
        time.sleep(rng.uniform(0.2, 0.95) * whole)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        assert consistent(settings, embedder).keys() == expected.keys()  # readers see a whole index
    assert kills == 20, f"only {kills} ingests were killed mid-run"
    ingest(None, settings, embedder, progress=False)
    final = consistent(settings, embedder)
    assert final.keys() == expected.keys()
    assert read_manifest(settings.index_dir)["documents"][report.name]["sha256"]  # the last edit indexed
    gens = sorted(p.name for p in settings.index_dir.glob("gen-*"))
    assert len(gens) <= 2 and current(settings.index_dir).name == gens[-1]  # half-built ones removed
    assert not list(corpus.glob(".*.part"))


def test_readers_during_an_ingest_see_the_old_or_the_new_index(built, embedder):
    corpus, settings = built
    (corpus / "2022-annual-collaboration-update.txt").open("a", encoding="utf-8").write("\nNote added.\n")
    proc = spawn(corpus, settings)
    seen = 0
    while proc.poll() is None:
        consistent(settings, embedder)
        seen += 1
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert seen >= 3
    consistent(settings, embedder)


def test_a_loaded_index_keeps_its_generation_however_many_ingests_follow(built, embedder):
    """A long reader (training, an evaluation) leases its generation: three ingests later it
    still reads, where KEEP = 2 used to delete it under the reader; released, it goes."""
    corpus, settings = built
    index = load(settings, embedder)
    held = current(settings.index_dir)
    report = corpus / "2022-annual-collaboration-update.txt"
    for k in range(3):
        report.open("a", encoding="utf-8").write(f"\nNote {k} added.\n")
        ingest(None, settings, embedder, progress=False)
    assert current(settings.index_dir) != held and held.is_dir()
    found = index.collection.query(query_embeddings=[index.span_vectors[0].tolist()], n_results=1)
    assert found["ids"][0], "the leased generation no longer answers"
    index.lease.release()
    report.open("a", encoding="utf-8").write("\nOne more note.\n")
    ingest(None, settings, embedder, progress=False)
    assert not held.exists()

