"""Reading one file within a time and memory budget, so no single report can stall or exhaust
an ingest (a crafted PDF or Word file that expands without end, a pathological layout).

The file is read by a fresh interpreter (`python -m assistant.ingest.budget`) with an
address-space limit; the caller waits at most `seconds`, then kills it. Either way the caller
gets a `DocumentError` that says which limit was hit and which setting raises it, and the rest
of the ingest goes on. Not a fork of the caller: the web app and the evaluators ingest with the
embedding models' thread pools running, and a forked child can inherit a lock another thread
held at that moment and wait on it forever (seen: every paper of an evaluation skipped at the
time limit). A fresh reader starts in ~0.1 s; the readers import their libraries lazily.
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
import traceback
from pathlib import Path

from assistant.ingest.documents import Document, DocumentError, load_document

PAGE = os.sysconf("SC_PAGE_SIZE")
SMALL_TEXT = 2**20  # plain text this small can't exceed any budget: read in process (0.1 s saved)
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # so the reader imports this copy of the code


def _address_space() -> int:
    """This process's virtual size in bytes (the reader's limit is set above it)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * PAGE


def _read() -> tuple[str, object]:
    """The reader's side: the request from stdin, the outcome to stdout, both pickled."""
    path, meta, max_mb, memory_mb = pickle.load(sys.stdin.buffer)
    try:
        limit = _address_space() + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        return "ok", load_document(path, meta, max_mb)
    except DocumentError as e:
        return "refused", str(e)
    except MemoryError:
        return "memory", ""
    except BaseException as e:  # a parser bug: report it as this file's failure, not a crash
        return "crashed", f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}"


def read_within_budget(path: Path, meta: dict | None, max_mb: int, seconds: float,
                       memory_mb: int) -> Document:
    """`load_document` in a fresh reader process, killed beyond `seconds` or `memory_mb` MB."""
    if not sys.platform.startswith("linux") or seconds <= 0:
        return load_document(path, meta, max_mb)  # no budget where rlimits are unavailable
    if Path(path).suffix.lower() in {".txt", ".md"} and Path(path).stat().st_size <= SMALL_TEXT:
        return load_document(path, meta, max_mb)
    paths = [str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    request = pickle.dumps((Path(path), meta, max_mb, memory_mb))
    try:
        done = subprocess.run([sys.executable, "-m", "assistant.ingest.budget"], input=request,
                              env=env, capture_output=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        raise DocumentError(
            f"{Path(path).name}: reading it took longer than {seconds:g} s, so it was skipped; "
            "split the file, or raise ASSISTANT_READ_SECONDS if it is a genuine report") from None
    try:
        kind, value = pickle.loads(done.stdout)
    except (pickle.UnpicklingError, EOFError, ValueError):  # the reader said nothing
        told = done.stderr.decode(errors="replace").strip().splitlines()
        if done.returncode > 0 and told and "MemoryError" not in told[-1]:
            kind, value = "crashed", told[-1]  # it failed to start ("ModuleNotFoundError: ...")
        else:  # killed by the memory limit before it could say so
            kind, value = "memory", ""
    if kind == "ok":
        return value
    if kind == "memory":
        raise DocumentError(
            f"{Path(path).name}: reading it needed more than {memory_mb} MB of memory, so it was "
            "skipped; it may be a crafted or corrupt file (raise ASSISTANT_READ_MEMORY_MB if it is "
            "a genuine report)")
    if kind == "crashed":
        raise DocumentError(f"{Path(path).name}: could not be read ({value.splitlines()[0]}); "
                            "re-save it as PDF or DOCX and add it again")
    raise DocumentError(value)


if __name__ == "__main__":
    outcome = _read()
    try:
        pickle.dump(outcome, sys.stdout.buffer)
    except MemoryError:  # the document read, but pickling it breaks the limit
        pickle.dump(("memory", ""), sys.stdout.buffer)
