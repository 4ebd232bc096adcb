"""The CLI through its real entry point (a subprocess, as users run it)."""

import json
import os
import subprocess
import sys

from assistant.settings import ROOT


def run(args, settings, stdin=None):
    return run_env(args, settings, {}, stdin)


def run_env(args, settings, extra: dict[str, str], stdin=None):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INDEX_DIR": str(settings.index_dir),
           "ASSISTANT_DATA_DIR": str(settings.data_dir), **extra}
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, input=stdin, timeout=120)


def test_ask_json_prints_one_answer_object(assistant, settings):
    r = run(["ask", "--json", "why is NAS amber?"], settings)
    assert r.returncode == 0, r.stderr
    answer = json.loads(r.stdout)
    for key in ["question", "answer", "abstained", "citations", "backend", "timings_ms"]:
        assert key in answer
    assert answer["backend"] == "extractive"


def test_batch_keeps_order_ids_and_survives_bad_lines(assistant, settings, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "a", "question": "why is NAS amber?"}\nnot json\n'
                     '{"id": "c", "question": "How many drones does Essex Police operate?"}\n'
                     '{"id": "d", "question": "why is NAS amber?", "history": 5}\n'
                     '{"id": "e", "question": "why is NAS amber?"}\n')
    r = run(["ask", "--json", "--batch", str(batch)], settings)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row.get("id") for row in rows] == ["a", None, "c", "d", "e"]
    assert "error" in rows[1] and rows[2]["abstained"] is True
    assert "history must be a list" in rows[3]["error"] and not rows[4].get("error")


def test_usage_errors_exit_2_with_a_reason(assistant, settings):
    r = run(["ask", "--json", ""], settings)
    assert r.returncode == 2 and "empty" in r.stderr
    r = run(["ask", "--batch", "/no/such/file.jsonl"], settings)
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_ingest_reports_unchanged(assistant, settings):
    r = run(["ingest"], settings)
    assert r.returncode == 0 and "2 unchanged" in r.stderr and "0 chunks written" in r.stderr


def test_reports_list_replace_and_remove_lose_nothing(tmp_path, embedder):
    """A same-name file is refused unless --replace (the old one kept); remove keeps a copy."""
    from conftest import corpus_copy

    from assistant.index.build import ingest

    corpus, settings = corpus_copy(tmp_path)
    ingest(None, settings, embedder, progress=False)
    env = {"ASSISTANT_CORPUS_DIR": str(corpus)}

    def cli(*args):
        return run_env(list(args), settings, env)

    listed = cli("reports")
    assert listed.returncode == 0
    assert "2022-annual-collaboration-update.txt" in listed.stdout and "%" in listed.stdout
    name = "2022-annual-collaboration-update.txt"
    original = (corpus / name).read_bytes()
    other = tmp_path / "elsewhere" / name
    other.parent.mkdir()
    other.write_text("A different paper\nMarch 2024\n\nThe drone unit flew 412 missions.\n")
    refused = cli("ingest", str(other))
    assert "--replace" in refused.stderr and (corpus / name).read_bytes() == original
    replaced = cli("ingest", "--replace", str(other))
    assert replaced.returncode == 0, replaced.stderr
    assert (corpus / name).read_bytes() == other.read_bytes()
    kept = list((corpus / ".versions").glob("2022-annual-collaboration-update.*.txt"))
    assert len(kept) == 1 and kept[0].read_bytes() == original
    removed = cli("remove", name)
    assert removed.returncode == 0, removed.stderr
    assert not (corpus / name).exists() and len(list((corpus / ".versions").iterdir())) == 2
    assert name not in cli("reports").stdout
    missing = cli("remove", "nope.txt")
    assert missing.returncode == 2 and "assistant reports" in missing.stderr
