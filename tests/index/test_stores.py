"""The index on a real Chroma server (`chroma run`, started here on 127.0.0.1): ingest, two
replicas answering from it, a changed report building a new generation whose old collections
are dropped, and a clear line when the server is down."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import corpus_copy

from assistant.answer.local_server import free_port
from assistant.index.build import ingest, load
from assistant.index.generations import current
from assistant.index.stores import StoreUnavailable, get_store
from assistant.pipeline import Assistant

CHROMA = Path(sys.executable).with_name("chroma")


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    if not CHROMA.exists():
        pytest.skip(f"{CHROMA} missing: the chromadb package installs it")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    with open(data / "server.log", "w") as log:
        proc = subprocess.Popen([str(CHROMA), "run", "--path", str(data / "db"), "--host",
                                 "127.0.0.1", "--port", str(port)], stdout=log,
                                stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"chroma run exited: {(data / 'server.log').read_text()[-2000:]}")
                time.sleep(0.3)
        else:
            pytest.fail("chroma run did not answer within 60 s")
        yield url
        proc.terminate()
        proc.wait(timeout=20)


def test_replicas_answer_from_one_chroma_server(tmp_path, embedder, chroma_url):
    corpus, local = corpus_copy(tmp_path)
    settings = local.replace(chroma_url=chroma_url)
    report = ingest(None, settings, embedder, progress=False)
    assert len(report.added) == 2
    assert not list(settings.index_dir.glob("gen-*/chroma"))  # the vectors live on the server
    names = {c.name for c in get_store(settings).client.list_collections()}
    live = load(settings, embedder)
    assert {f"{p.name}-chunks" for p in settings.index_dir.glob("gen-*")} <= names
    assert len(live.spans) > 500

    replicas = [Assistant(settings, ensure_index=False, embedder=embedder) for _ in range(2)]
    answers = [r.ask("why is NAS amber?") for r in replicas]
    assert all(not a.abstained and "national delays" in a.answer for a in answers)
    assert answers[0].answer == answers[1].answer

    target = corpus / "2022-annual-collaboration-update.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "This workstream remains at amber due to the national delays.",
        "This workstream remains at amber due to the national supplier delays."), encoding="utf-8")
    held = current(settings.index_dir).name  # the replicas' generation, leased while they run
    for _ in range(3):  # each change is a new generation; the last two and the leased one are kept
        report = ingest(None, settings, embedder, progress=False)
        target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    gens = sorted(p.name for p in settings.index_dir.glob("gen-*"))
    server = sorted(c.name for c in get_store(settings).client.list_collections()
                    if c.name.startswith("gen-"))
    assert len(gens) <= 3 and held in gens and server == sorted(f"{g}-chunks" for g in gens)
    assert replicas[0].ask("why is NAS amber?").answer == answers[0].answer  # still read, not deleted
    assert all(len(list((settings.index_dir / g / "spans").glob("*.npy"))) == 2 for g in gens)
    fresh = Assistant(settings, ensure_index=False, embedder=embedder)
    assert "national supplier delays" in fresh.ask("why is NAS amber?").answer


def test_a_server_that_is_down_gets_one_clear_line(tmp_path):
    _, local = corpus_copy(tmp_path)
    settings = local.replace(chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreUnavailable, match="cannot reach the Chroma server"):
        get_store(settings)
    with pytest.raises(StoreUnavailable, match="not a server address"):
        get_store(local.replace(chroma_url="chroma-data"))
