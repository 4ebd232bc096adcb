"""The embedded store: each generation's Chroma files in its own folder (`gen-N/chroma/`), so
copying and removing a generation is copying and removing its folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.index.stores.base import SPACE


class EmbeddedStore:
    def collection(self, folder: Path) -> object:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        folder.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(
            path=str(folder / "chroma"),
            settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True))
        return client.get_or_create_collection("chunks", metadata=SPACE, embedding_function=None)

    def copy(self, source: Path, folder: Path) -> None:
        if (source / "chroma").is_dir():
            shutil.copytree(source / "chroma", folder / "chroma")

    def prune(self, folders: list[Path]) -> None:
        """Nothing to do: a generation's collections go with its folder."""
