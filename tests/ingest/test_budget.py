"""Reading a file within a time and memory budget (`ingest.budget`)."""

import threading
from pathlib import Path

from assistant.ingest import budget

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_reader_starts_clean_not_as_a_copy_of_the_caller(monkeypatch):
    """A child forked from the caller inherits its memory, including locks other threads held at
    that moment, and can wait on them forever. The reader is a fresh interpreter with none of the
    caller's state: a reader broken in the caller still reads the file, beside a thread holding
    a lock."""
    def broken(*args, **kwargs):
        raise RuntimeError("the caller's state reached the child")

    monkeypatch.setattr(budget, "load_document", broken)
    held, release = threading.Lock(), threading.Event()
    holder = threading.Thread(target=lambda: (held.acquire(), release.wait(), held.release()))
    holder.start()
    try:
        document = budget.read_within_budget(DATA / "excerpt-2022.pdf", None, 50, 60.0, 1024)
    finally:
        release.set()
        holder.join()
    assert "National ANPR Service" in document.text


def test_a_reader_that_runs_out_of_time_or_memory_says_which_setting_to_raise(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Workstream note. " * 2_000_000, encoding="utf-8")  # 34 MB of text
    for seconds, memory_mb, said in ((0.001, 1024, "ASSISTANT_READ_SECONDS"), (60.0, 20, "ASSISTANT_READ_MEMORY_MB")):
        try:
            budget.read_within_budget(big, None, 100, seconds, memory_mb)
        except budget.DocumentError as e:
            assert said in str(e) and "big.txt" in str(e)
        else:
            raise AssertionError(f"read within {seconds} s and {memory_mb} MB")


def test_a_reader_that_cannot_start_says_why_not_that_memory_ran_out(monkeypatch, tmp_path):
    """A reader interpreter that fails before reading (a broken install) is reported with its
    own error, not as the memory limit."""
    python = tmp_path / "python"
    python.write_text("#!/bin/sh\necho 'ModuleNotFoundError: No module named assistant' >&2\nexit 1\n")
    python.chmod(0o755)
    monkeypatch.setattr(budget.sys, "executable", str(python))
    try:
        budget.read_within_budget(DATA / "excerpt-2022.pdf", None, 50, 60.0, 1024)
    except budget.DocumentError as e:
        assert "ModuleNotFoundError" in str(e) and "ASSISTANT_READ_MEMORY_MB" not in str(e)
    else:
        raise AssertionError("a reader that cannot start read the file")
