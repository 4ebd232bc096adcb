"""What every store shares: the collections' distance settings and the `Store` protocol."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

SPACE = {"hnsw:space": "cosine"}
# Spans are read back whole when the index loads, never searched through Chroma: the smallest
# search graph is enough, and building it costs less (10,000 vectors: 3.8 s against 5.3 s).
SPANS_SPACE = {**SPACE, "hnsw:construction_ef": 10, "hnsw:M": 4}


class StoreUnavailable(RuntimeError):
    """The store cannot be reached or used; the message says what to do."""


class Store(Protocol):
    def collections(self, folder: Path) -> tuple[object, object]:
        """The (chunks, spans) collections of the generation in `folder`, created if missing."""

    def copy(self, source: Path, folder: Path) -> None:
        """Copy generation `source`'s collections into generation `folder`."""

    def prune(self, folders: list[Path]) -> None:
        """Drop collections of generations not in `folders` (removed or half-built ones)."""
