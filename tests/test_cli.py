"""The CLI through its real entry point (a subprocess, as users run it)."""

import json
import os
import subprocess
import sys

from assistant.settings import ROOT


def run(args, settings, stdin=None):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_INDEX_DIR": str(settings.index_dir),
           "ASSISTANT_DATA_DIR": str(settings.data_dir)}
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
                     '{"id": "c", "question": "How many drones does Essex Police operate?"}\n')
    r = run(["ask", "--json", "--batch", str(batch)], settings)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row.get("id") for row in rows] == ["a", None, "c"]
    assert "error" in rows[1] and rows[2]["abstained"] is True


def test_usage_errors_exit_2_with_a_reason(assistant, settings):
    r = run(["ask", "--json", ""], settings)
    assert r.returncode == 2 and "empty" in r.stderr
    r = run(["ask", "--batch", "/no/such/file.jsonl"], settings)
    assert r.returncode == 2 and "cannot read" in r.stderr


def test_ingest_reports_unchanged(assistant, settings):
    r = run(["ingest"], settings)
    assert r.returncode == 0 and "2 unchanged" in r.stderr and "0 chunks written" in r.stderr
