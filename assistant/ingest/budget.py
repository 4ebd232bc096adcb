"""Reading one file within a time and memory budget, so no single report can stall or exhaust
an ingest (a crafted PDF or Word file that expands without end, a pathological layout).

The file is read in a forked child process with an address-space limit; the parent waits at
most `seconds`, then kills it. Either way the caller gets a `DocumentError` that says which
limit was hit and which setting raises it, and the rest of the ingest goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import traceback
from pathlib import Path

from assistant.ingest.documents import Document, DocumentError, load_document

PAGE = os.sysconf("SC_PAGE_SIZE")
SMALL_TEXT = 2**20  # a plain-text file this small can't exceed any budget: read it without a child (16 ms saved)


def _address_space() -> int:
    """This process's virtual size in bytes (the child's limit is set above it)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * PAGE


def _child(conn, path: Path, meta: dict | None, max_mb: int, memory_mb: int) -> None:
    try:
        limit = _address_space() + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        conn.send(("ok", load_document(path, meta, max_mb)))
    except DocumentError as e:
        conn.send(("refused", str(e)))
    except MemoryError:
        conn.send(("memory", ""))
    except BaseException as e:  # a parser bug: report it as this file's failure, not a crash
        conn.send(("crashed", f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()


def read_within_budget(path: Path, meta: dict | None, max_mb: int, seconds: float,
                       memory_mb: int) -> Document:
    """`load_document` in a child process, killed beyond `seconds` or `memory_mb` MB."""
    if not sys.platform.startswith("linux") or seconds <= 0:
        return load_document(path, meta, max_mb)  # no budget where fork/rlimits are unavailable
    if Path(path).suffix.lower() in {".txt", ".md"} and Path(path).stat().st_size <= SMALL_TEXT:
        return load_document(path, meta, max_mb)
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, Path(path), meta, max_mb, memory_mb), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise DocumentError(
                f"{Path(path).name}: reading it took longer than {seconds:g} s, so it was skipped; "
                "split the file, or raise ASSISTANT_READ_SECONDS if it is a genuine report")
        try:
            kind, value = parent.recv()
        except EOFError:  # killed from outside, or by the memory limit before it could say so
            kind, value = "memory", ""
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
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
