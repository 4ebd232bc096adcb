"""Index generations: one writer at a time, and readers that never see a half-built index.

Each ingest that changes the index builds a new generation folder (`index/gen-000007/`, a copy
of the current one, then updated) and switches the `CURRENT` pointer to it with one atomic
rename. A reader opens whatever `CURRENT` names, so it sees the old index or the new one, never
a mix; an ingest killed part-way leaves the old generation serving, and its half-built folder
is removed by the next ingest. A file lock held for the whole ingest keeps writers apart.

A reader also leases the generation it opened (a shared lock on its `readers.lock`, held while
the process keeps the index loaded), and an ingest removes an old generation only once no
reader holds it: a long batch job (training, an evaluation) keeps its index however many
ingests run meanwhile, where before the third one deleted it under the job.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

POINTER = "CURRENT"
LOCK = "ingest.lock"
PREFIX = "gen-"
KEEP = 2  # the current generation and the one before, leased or not (a reader may be about to open it)
MANIFEST = "manifest.json"
PARTS = ("chroma", MANIFEST)  # what an embedded generation holds (also the pre-generation layout)
READERS = "readers.lock"  # readers hold a shared lock on it; removal takes an exclusive one


class IngestBusy(RuntimeError):
    """Another ingest holds the lock; the message says what to do."""


@contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's writer lock, or raise IngestBusy at once (never wait silently)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "another process"
            raise IngestBusy(f"another ingest is running (pid {holder}) on {index_dir}; wait for it "
                             "to finish, then run this again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed


class Lease:
    """A reader's hold on one generation: while it is held, no ingest removes the folder."""

    def __init__(self, fd: int | None):
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None

    def __del__(self) -> None:
        self.release()


def open_current(index_dir: Path) -> tuple[Path, Lease]:
    """The current generation, leased until the lease is released or garbage-collected. A
    generation removed between reading `CURRENT` and taking the lease is looked up again."""
    for _ in range(10):
        folder = current(index_dir)
        if folder == index_dir:
            return folder, Lease(None)  # no generations yet (or a pre-generation index)
        try:
            fd = os.open(folder / READERS, os.O_RDONLY)
        except FileNotFoundError:
            if folder.is_dir():
                return folder, Lease(None)  # a generation made before leases: nothing to hold
            continue  # removed just now: read CURRENT again
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)  # being removed right now
            continue
        if folder.is_dir():
            return folder, Lease(fd)
        os.close(fd)
    raise RuntimeError(f"the index in {index_dir} kept changing while it was opened; try again")


@contextmanager
def _unleased(folder: Path) -> Iterator[bool]:
    """True (holding the folder against new readers) when no reader leases it."""
    try:
        fd = os.open(folder / READERS, os.O_RDONLY)
    except OSError:
        yield True  # no readers file: made before leases, or half-built
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def current(index_dir: Path) -> Path:
    """The generation readers open: the one `CURRENT` names, else the folder itself (an index
    built before generations, or none yet)."""
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return index_dir
    folder = index_dir / name
    return folder if name.startswith(PREFIX) and folder.is_dir() else index_dir


@contextmanager
def new_generation(index_dir: Path, fresh: bool = False,
                   copy: Callable[[Path, Path], None] | None = None) -> Iterator[Path]:
    """A new generation folder, a copy of the current one unless `fresh` (its manifest, and
    its vectors through the store's `copy`); it becomes current when the block ends without an
    error, and is removed if it raises. Call under writer_lock."""
    remove_stale(index_dir)
    numbers = [int(p.name[len(PREFIX):]) for p in index_dir.glob(PREFIX + "*") if p.name[len(PREFIX):].isdigit()]
    folder = index_dir / f"{PREFIX}{max(numbers, default=0) + 1:06d}"
    folder.mkdir()
    (folder / READERS).touch()
    try:
        if not fresh:
            source = current(index_dir)
            if (source / MANIFEST).exists():
                shutil.copy2(source / MANIFEST, folder / MANIFEST)
            if copy is not None:
                copy(source, folder)
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    switch(index_dir, folder)
    remove_stale(index_dir)


def switch(index_dir: Path, folder: Path) -> None:
    """Point readers at `folder` with one atomic rename."""
    tmp = index_dir / (POINTER + ".tmp")
    tmp.write_text(folder.name + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / POINTER)


def generations(index_dir: Path) -> list[Path]:
    """The generation folders on disk, oldest first."""
    return sorted(p for p in index_dir.glob(PREFIX + "*") if p.is_dir())


def remove_stale(index_dir: Path) -> None:
    """Delete generations older than the last KEEP that no reader leases, half-built ones
    from killed ingests, and a pre-generation index once a generation serves."""
    live = current(index_dir)
    gens = generations(index_dir)
    if live == index_dir:
        keep = set()
    else:
        older = [p for p in gens if p.name < live.name]
        keep = {live, *older[-(KEEP - 1):]} if KEEP > 1 else {live}
        for part in PARTS:  # the legacy layout at the top, now superseded
            target = index_dir / part
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            elif target.exists():
                target.unlink()
    for p in gens:
        if p not in keep:
            with _unleased(p) as free:
                if free:
                    shutil.rmtree(p, ignore_errors=True)
