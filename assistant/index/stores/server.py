"""A Chroma server (`chroma run`) as the store: collections named after their generation
(`gen-000007-chunks`), so several web replicas and the ingest share one index and a reader
still never sees a half-written generation. The manifest and the CURRENT pointer stay in
ASSISTANT_INDEX_DIR with the spans' files, which the replicas share."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from assistant.index.stores.base import SPACE, StoreUnavailable

PAGE = 1000  # records copied per request


class ServerStore:
    def __init__(self, url: str, token: str = ""):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        parsed = urlparse(url)
        if parsed.scheme not in {"http", "https"} or not parsed.hostname:
            raise StoreUnavailable(f"ASSISTANT_CHROMA_URL={url!r} is not a server address; use e.g. "
                             "http://127.0.0.1:8000")
        headers = {"Authorization": f"Bearer {token}"} if token else None
        try:
            self.client = chromadb.HttpClient(
                host=parsed.hostname, port=parsed.port or (443 if parsed.scheme == "https" else 80),
                ssl=parsed.scheme == "https", headers=headers,
                settings=ChromaSettings(anonymized_telemetry=False))
            self.client.heartbeat()
        except Exception as e:  # connection refused, TLS, auth: all mean "can't use it"
            raise StoreUnavailable(
                f"cannot reach the Chroma server at {url} ({type(e).__name__}: {e}); start it "
                "(`chroma run --path chroma-data --host 127.0.0.1 --port 8000`) or unset "
                "ASSISTANT_CHROMA_URL to use the files in the index folder") from e

    def _name(self, folder: Path) -> str:
        return f"{folder.name}-chunks"

    def collection(self, folder: Path) -> object:
        return self.client.get_or_create_collection(self._name(folder), metadata=SPACE, embedding_function=None)

    def copy(self, source: Path, folder: Path) -> None:
        if self._name(source) not in {c.name for c in self.client.list_collections()}:
            return
        src = self.client.get_collection(self._name(source), embedding_function=None)
        new = self.collection(folder)
        for offset in range(0, src.count(), PAGE):
            got = src.get(include=["embeddings", "documents", "metadatas"], limit=PAGE, offset=offset)
            if got["ids"]:
                new.add(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                        metadatas=got["metadatas"])

    def prune(self, folders: list[Path]) -> None:
        keep = {self._name(folder) for folder in folders}
        for collection in self.client.list_collections():
            name = collection.name
            if name.startswith("gen-") and name not in keep:
                self.client.delete_collection(name)
