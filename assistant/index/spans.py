"""The quotable spans of an index generation: one pair of files per report in `gen-N/spans/`.

Spans are never searched through a vector store: the answerer reads them all when the index
loads and scores the ones retrieval points at. So they live beside the store, not in it:
`<key>.npy` (their unit vectors, rows in text order) and `<key>.json` (each span's metadata and
verbatim text), `<key>` a hash of the report's file name. Writing a report's spans is two file
writes (Chroma spent a fifth of ingest inserting them), loading is reading files, and the next
generation hard-links the files of reports that did not change. The folder sits in the index
folder in both stores: web replicas on a Chroma server share that folder already.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import numpy as np

from assistant.ingest.terms import add_counts

FOLDER = "spans"
DIM = 384


def _key(document: str) -> str:
    return hashlib.sha1(document.encode("utf-8")).hexdigest()[:20]


def write(folder: Path, document: str, spans: list[dict], vectors: np.ndarray,
          chunk_terms: dict[str, dict] | None = None, names: dict[str, list[int]] | None = None) -> None:
    """Save one report's spans (dicts with "id", "text" and metadata) and their vectors, its
    chunks' terms (chunk id -> {"bm25": "...", "header": "..."}, space-joined) and its spans'
    name counts, so loading needs no tokenising."""
    if len(spans) != len(vectors):
        raise ValueError(f"{document}: {len(spans)} spans but {len(vectors)} vectors")
    out = folder / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    key = _key(document)
    np.save(out / f"{key}.npy", np.asarray(vectors, dtype=np.float32))
    (out / f"{key}.json").write_text(json.dumps({"document": document, "spans": spans, "chunks": chunk_terms or {},
                                                 "names": names}, ensure_ascii=False), encoding="utf-8")


def delete(folder: Path, document: str) -> None:
    """Drop one report's spans from this generation (its files in older generations stay)."""
    for suffix in (".npy", ".json"):
        (folder / FOLDER / f"{_key(document)}{suffix}").unlink(missing_ok=True)


def copy(source: Path, folder: Path) -> None:
    """Give generation `folder` the spans of `source`: hard links, as the files never change."""
    if not (source / FOLDER).is_dir():
        return
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    for path in (source / FOLDER).iterdir():
        try:
            os.link(path, folder / FOLDER / path.name)
        except OSError:  # another file system, or no hard links: copy
            shutil.copy2(path, folder / FOLDER / path.name)


def read(folder: Path) -> tuple[list[dict], np.ndarray, dict[str, dict], dict[str, list[int]] | None]:
    """Every report's spans, sorted by (document, start), their vectors in the same order, the
    chunks' stored terms by chunk id, and the summed name counts (None if a report lacks them)."""
    parts, chunk_terms, names = [], {}, {}
    for meta in sorted((folder / FOLDER).glob("*.json")) if (folder / FOLDER).is_dir() else []:
        saved = json.loads(meta.read_text(encoding="utf-8"))
        parts.append((saved["document"], saved["spans"], np.load(meta.with_suffix(".npy"))))
        chunk_terms.update(saved.get("chunks", {}))
        if names is not None and saved.get("names") is not None:
            add_counts(names, saved["names"])
        else:
            names = None
    spans = [s for _, group, _ in parts for s in group]
    vectors = np.concatenate([v for *_, v in parts]) if parts else np.zeros((0, DIM), np.float32)
    order = sorted(range(len(spans)), key=lambda k: (spans[k]["document"], spans[k]["start"]))
    return [spans[k] for k in order], vectors[order], chunk_terms, names
