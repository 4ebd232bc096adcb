"""What every store shares: the collection's distance setting and the `Store` protocol."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

SPACE = {"hnsw:space": "cosine"}


class StoreUnavailable(RuntimeError):
    """The store cannot be reached or used; the message says what to do."""


class Store(Protocol):
    def collection(self, folder: Path) -> object:
        """The chunk collection of the generation in `folder`, created if missing (its spans are
        files beside it: `assistant/index/spans.py`)."""

    def copy(self, source: Path, folder: Path) -> None:
        """Copy generation `source`'s collection into generation `folder`."""

    def prune(self, folders: list[Path]) -> None:
        """Drop the collections of generations not in `folders` (removed or half-built ones)."""
