"""The built index in `index/`: a Chroma store of chunks, span files (`spans.py`) and a manifest.

Ingest is idempotent, keyed by each file's content hash: an unchanged file writes nothing, a
changed file has its chunks replaced, a removed file has its chunks deleted. The manifest keeps
the settings the index was built with, each document's metadata and its parsed structure
(sections, ratings), so answering never re-parses a report.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from assistant.index import spans
from assistant.index.embed import Embedder, get_embedder
from assistant.index.generations import (
    Lease,
    current,
    generations,
    new_generation,
    open_current,
    writer_lock,
)
from assistant.index.stores import get_store
from assistant.ingest.budget import read_within_budget
from assistant.ingest.chunking import Chunk, chunk_document, collapse, quotable_share
from assistant.ingest.documents import MANIFEST as CORPUS_MANIFEST
from assistant.ingest.documents import Document, DocumentError, discover, load_manifest
from assistant.ingest.injection import addresses_assistant
from assistant.ingest.structure import parse
from assistant.ingest.table_headers import header_of, table_headers
from assistant.ingest.terms import expand, learn_acronyms, name_counts, terms, text_terms
from assistant.settings import Settings

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
QUOTABLE_WARN = 0.9  # below this share of a file's text quotable, ingest warns
PAGE = 5000  # chunks read from the store per request when the index loads


class IndexError_(RuntimeError):
    """The index is missing, stale or built differently; the message says how to fix it."""


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # file -> reason
    warnings: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)  # file -> title/date read from it
    chunks_written: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated",
                 f"{len(self.unchanged)} unchanged", f"{len(self.removed)} removed",
                 f"{self.chunks_written} chunks written", f"{self.seconds:.1f}s"]
        text = "ingest: " + ", ".join(parts)
        for name, reason in self.failed.items():
            text += f"\n  skipped {name}: {reason}"
        for warning in self.warnings:
            text += f"\n  warning: {warning}"
        for name, what in self.inferred.items():
            text += f"\n  inferred {name}: {what}"
        if self.inferred:
            text += (f"\n  to correct a title or date, add an entry to {CORPUS_MANIFEST} in the "
                     "corpus folder (file name: title:, date:) and run `assistant ingest`")
        return text


def read_manifest(index_dir: Path, folder: Path | None = None) -> dict:
    """The manifest of generation `folder`, by default the current one ({} when there is no index yet)."""
    path = (folder or current(index_dir)) / MANIFEST
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / MANIFEST)


INGEST_CODE = [*sorted((Path(__file__).resolve().parents[1] / "ingest").glob("*.py")),
               Path(__file__).resolve(), Path(spans.__file__).resolve()]  # what turns a report into an index


@cache
def index_version() -> str:
    """A digest of the code that turns reports into chunks, spans and terms (its syntax tree, so
    comments and layout don't count). An index built by other code is rebuilt at start-up: a
    version number someone had to remember to bump was once left behind, and the index kept
    sentences the new parser splits differently."""
    digest = hashlib.sha256()
    for path in INGEST_CODE:
        digest.update(ast.dump(ast.parse(path.read_text(encoding="utf-8"))).encode())
    return digest.hexdigest()[:16]


def _build_settings(settings: Settings) -> dict:
    return {"embedding_model": settings.embedding_model, "chunk_chars": settings.chunk_chars,
            "store": settings.chroma_url or "embedded", "index_version": index_version()}


VERSIONS = ".versions"  # in corpus/: reports replaced or removed, kept so nothing is lost


def ingest(paths: list[Path] | None, settings: Settings, embedder: Embedder | None = None,
           progress: bool = True, prune: bool | None = None, rebuild: bool = False,
           replace: bool = False) -> IngestReport:
    """Add or refresh report files; with the corpus folder (the default), prune removed files.
    A file from outside with a corpus report's name is refused unless `replace` (the old one
    is kept in corpus/.versions/). One ingest at a time (IngestBusy otherwise); readers keep
    the old index until it is done."""
    with writer_lock(settings.index_dir):
        return _ingest(paths, settings, embedder, progress, prune, rebuild, replace)


def remove(name: str, settings: Settings, embedder: Embedder | None = None) -> IngestReport:
    """Take a report out of the corpus and the index; the file is kept in corpus/.versions/."""
    path = settings.corpus_dir / name
    if not path.is_file():
        known = sorted(read_manifest(settings.index_dir).get("documents", {}))
        raise DocumentError(f"no report named {name!r} in {settings.corpus_dir}; the index has: "
                            f"{', '.join(known) or 'none'} (see `assistant reports`)")
    with writer_lock(settings.index_dir):
        _keep_version(path, settings)
        return _ingest(None, settings, embedder, False, True, False, False)


def _keep_version(path: Path, settings: Settings) -> Path:
    """Move a corpus report into corpus/.versions/<name>.<sha8><suffix>."""
    folder = settings.corpus_dir / VERSIONS
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{path.stem}.{_sha(path)[:8]}{path.suffix}"
    os.replace(path, kept)
    return kept


def _ingest(paths, settings: Settings, embedder, progress: bool, prune: bool | None,
            rebuild: bool, replace: bool) -> IngestReport:
    t0 = time.perf_counter()
    report = IngestReport()
    paths = [Path(p) for p in (paths or [settings.corpus_dir])]
    prune = prune if prune is not None else paths == [settings.corpus_dir]
    manifest = {} if rebuild else read_manifest(settings.index_dir)
    fresh = rebuild or not manifest
    if manifest and manifest.get("settings") != _build_settings(settings):
        log.info("index was built with other settings %s: rebuilding", manifest.get("settings"))
        manifest, fresh = {}, True
    docs_meta: dict = manifest.get("documents", {})
    files = discover(paths)
    metas = {p.parent: load_manifest(p.parent) for p in files}
    loaded: list[Document] = []
    outside: list[Path] = []
    failed: dict[str, str] = dict(manifest.get("failed", {}))  # corpus file -> sha of bad content
    first_seen: dict[str, Path] = {}
    for path in files:
        if path.name in first_seen:  # citations name files: two of one name can't both be cited
            report.failed[str(path)] = (f"a report named {path.name} is already at "
                                        f"{first_seen[path.name]}; rename one of them")
            continue
        first_seen[path.name] = path
        target = settings.corpus_dir / path.name
        if (not _in_corpus(path, settings) and target.exists() and not replace
                and _sha(target) != _sha(path)):
            report.failed[path.name] = (
                f"the corpus already has a different report named {path.name}; add it with "
                "`assistant ingest --replace` (the old one is kept in corpus/.versions/) or "
                "rename the file")
            continue
        failed.pop(path.name, None)
        try:
            doc = read_within_budget(path, metas[path.parent].get(path.name), settings.max_file_mb,
                                     settings.read_seconds, settings.read_memory_mb)
        except DocumentError as e:
            report.failed[path.name] = str(e)
            if _in_corpus(path, settings):
                failed[path.name] = _sha(path)  # don't retry it until it changes
            continue
        if not _in_corpus(path, settings):
            outside.append(path)  # copied into corpus/ once indexed: it stays the one source of truth
        old = docs_meta.get(doc.name)
        if not (old and old["sha256"] == doc.sha256) and metas[path.parent].get(path.name) is None:
            report.inferred[doc.name] = f"title {doc.title!r}, date {doc.date}"
        if old and old["sha256"] == doc.sha256 and old.get("meta_hash") == _meta_hash(doc):
            report.unchanged.append(doc.name)
        else:
            (report.updated if old else report.added).append(doc.name)
            loaded.append(doc)
    removed = sorted(set(docs_meta) - {p.name for p in files}) if prune else []
    if prune:
        failed = {n: sha for n, sha in failed.items() if n in {p.name for p in files}}
    acronyms = dict(manifest.get("acronyms", {}))

    def new_manifest() -> dict:
        return {"settings": _build_settings(settings), "documents": docs_meta, "acronyms": acronyms,
                "failed": failed, "corpus_manifest": _corpus_manifest_sha(settings)}

    if loaded or removed or fresh:
        store = get_store(settings)
        store.prune(generations(settings.index_dir))  # what a killed ingest left on a server
        def copy(source: Path, folder: Path) -> None:
            store.copy(source, folder)
            spans.copy(source, folder)

        with new_generation(settings.index_dir, fresh=fresh, copy=copy) as folder:
            _index_documents(loaded, removed, docs_meta, acronyms, settings, embedder, progress,
                             report, folder, store)
            for path in outside:
                _copy_into_corpus(path, settings)
            _write_manifest(folder, new_manifest())
        store.prune(generations(settings.index_dir))
    else:
        for path in outside:
            _copy_into_corpus(path, settings)
        _write_manifest(current(settings.index_dir), new_manifest())  # one atomic rename
    report.seconds = time.perf_counter() - t0
    return report


def _index_documents(loaded, removed, docs_meta, acronyms, settings, embedder, progress,
                     report: IngestReport, folder: Path, store) -> None:
    """In generation `folder`: delete the removed/changed documents' chunks, write the new ones."""
    chunks_col = store.collection(folder)
    for name in removed + [d.name for d in loaded]:
        chunks_col.delete(where={"document": name})
        spans.delete(folder, name)
        docs_meta.pop(name, None)
    report.removed = removed
    for doc in loaded:
        for k, v in learn_acronyms(doc.text).items():
            acronyms.setdefault(k, v)
    embedder = embedder or get_embedder(settings.embedding_model, settings.index_dir)
    bar = _progress(sum(len(d.text.encode('utf-8')) for d in loaded), progress)
    for doc in loaded:
        structure = parse(doc.text, doc.headings)
        chunks = chunk_document(doc, structure, acronyms, settings.chunk_chars)
        held = [(s.start, s.end) for sec in structure.sections for s in sec.spans
                if addresses_assistant(doc.text[s.start:s.end])]
        if held:
            report.warnings.append(f"{doc.name}: {len(held)} sentence(s) addressed to an AI "
                                   "are not quoted (possible prompt injection)")
        share = quotable_share(doc.text, chunks, held)
        if share < QUOTABLE_WARN:
            report.warnings.append(
                f"{doc.name}: only {share:.0%} of its text became quotable (its layout was not "
                "understood); answers may miss it: try the report as DOCX or text, or report it")
        _write_chunks(chunks_col, folder, doc, chunks, embedder, acronyms)
        docs_meta[doc.name] = {
            "sha256": doc.sha256, "meta_hash": _meta_hash(doc), "title": doc.title,
            "date": doc.date, "meta": doc.meta, "chunks": len(chunks),
            "quotable": round(share, 4),
            "current_year": structure.current_year, "previous_year": structure.previous_year,
            "sections": [{"heading": s.heading, "number": s.number, "title": s.title,
                          "parent": s.parent, "start": s.start, "end": s.end}
                         for s in structure.sections],
            "ratings": [_rating_dict(r, doc) for r in structure.ratings],
        }
        report.chunks_written += len(chunks)
        bar.update(len(doc.text.encode('utf-8')))
        bar.set_postfix_str(doc.name[-40:], refresh=False)
    bar.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _in_corpus(path: Path, settings: Settings) -> bool:
    return path.resolve().parent == settings.corpus_dir.resolve()


def _copy_into_corpus(path: Path, settings: Settings) -> None:
    """Copy beside the target, then rename: a killed ingest leaves no half-copied report."""
    target = settings.corpus_dir / path.name
    if not target.exists() or _sha(target) != _sha(path):
        if target.exists():
            _keep_version(target, settings)  # only reached with replace=True
        settings.corpus_dir.mkdir(parents=True, exist_ok=True)
        tmp = settings.corpus_dir / f".{path.name}.part"
        shutil.copy2(path, tmp)
        os.replace(tmp, target)
        log.info("copied %s into %s", path, settings.corpus_dir)


def _corpus_manifest_sha(settings: Settings) -> str:
    path = settings.corpus_dir / CORPUS_MANIFEST
    return _sha(path) if path.exists() else ""


def _meta_hash(doc: Document) -> str:
    return json.dumps([doc.title, doc.date, doc.meta], sort_keys=True, ensure_ascii=False)


GENERIC_NAME = re.compile(r"(?:\d+(?:\.\d+)*\s*)?(?:(?:overall|current|rag|rating|ratings|status|"
                          r"summary|and|the|of|project|programme|headlines?|executive|overview|front|matter|"
                          r"position|key|messages|at|a|glance)\s*)+", re.I)  # the paper's own: "Headline", "At a glance"


def _rating_dict(rating, doc: Document) -> dict:
    """The rating as stored; one under a heading like 'Overall rating' names the paper's
    subject (a one-topic paper rates itself), so it is filed under the report's title."""
    d = dataclasses.asdict(rating)
    d["quote"] = collapse(doc.text[rating.start:rating.end])
    if GENERIC_NAME.fullmatch(rating.workstream.strip()):
        d["workstream"] = doc.title
    return d


def _progress(total_bytes: int, enabled: bool):
    """Report text indexed so far, in KB/s, with an ETA (reports differ in size: bytes, not files)."""
    from tqdm import tqdm

    return tqdm(total=total_bytes, desc="indexing reports", unit="B", unit_scale=True, unit_divisor=1024,
                file=sys.stderr, disable=not enabled or total_bytes == 0)


def _write_chunks(chunks_col, folder: Path, doc: Document, chunks: list[Chunk], embedder,
                  acronyms: dict[str, str]) -> None:
    """Embed each span once; a chunk's vector is the length-weighted mean of its spans' vectors
    and its header's (what mean pooling over the whole chunk approximates), so no text is
    embedded twice and ingest costs about what a plain chunker's does."""
    if not chunks:
        return
    base = {"document": doc.name, "title": doc.title, "date": doc.date}
    tables = table_headers(doc.text)
    span_ids, span_texts, span_meta, owner = [], [], [], []
    for k, c in enumerate(chunks):
        for start, end, kind in c.spans:
            span_ids.append(f"{doc.name}:{start}:{end}")
            span_texts.append(doc.text[start:end])
            header = header_of(doc.text, tables, start, end)  # a table row's column titles, to show it with
            span_meta.append({**base, "chunk": c.id, "section": c.section, "start": start,
                              "end": end, "kind": kind, **({"header": header} if header else {})})
            owner.append(k)
    embedded = [expand(collapse(t), acronyms) for t in span_texts]
    headers = list(dict.fromkeys(c.header for c in chunks))
    vectors = embedder.embed(embedded + headers)
    span_vectors, header_vectors = vectors[:len(embedded)], dict(zip(headers, vectors[len(embedded):],
                                                                     strict=True))
    weights = np.array([len(t) for t in embedded], dtype=np.float32)[:, None]
    sums = np.zeros((len(chunks), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, np.array(owner), span_vectors * weights)
    sums += np.stack([header_vectors[c.header] * len(c.header) for c in chunks])
    chunk_vectors = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    chunks_col.add(
        ids=[c.id for c in chunks],
        embeddings=chunk_vectors,
        documents=[c.embed_text for c in chunks],
        metadatas=[{**base, "section": c.section, "parent": c.parent, "start": c.start,
                    "end": c.end, "header": c.header, "body": c.body,
                    "spans": json.dumps(c.spans)} for c in chunks],
    )
    spans.write(folder, doc.name, [{**m, "id": i, "text": t, "terms": " ".join(text_terms(t))}
                                   for i, m, t in zip(span_ids, span_meta, span_texts, strict=True)], span_vectors,
                {c.id: {"bm25": " ".join(terms(c.embed_text)), "header": " ".join(text_terms(c.header))}
                 for c in chunks}, name_counts(span_texts))


def corpus_is_stale(settings: Settings) -> bool:
    """True when the index is missing, built differently, or differs from the corpus files
    (a changed, added or removed report, or edited metadata); known-bad files don't count."""
    manifest = read_manifest(settings.index_dir)
    if not manifest or manifest.get("settings") != _build_settings(settings):
        return True
    try:
        files = discover([settings.corpus_dir])
    except DocumentError:
        return False
    current: dict[str, str] = {}
    for p in files:  # a second file of one name is refused by ingest, so it doesn't count
        current.setdefault(p.name, _sha(p))
    known = {n: d["sha256"] for n, d in manifest["documents"].items()} | manifest.get("failed", {})
    return current != known or manifest.get("corpus_manifest", "") != _corpus_manifest_sha(settings)


@dataclass
class LoadedIndex:
    """Everything retrieval and answering need, held in memory (the corpus is small)."""

    settings: Settings
    manifest: dict
    chunks: list[dict]  # chunk metadata dicts, with "id" and "text" (embedded text)
    spans: list[dict]  # span metadata dicts, with "id" and "text" (verbatim document text)
    span_vectors: np.ndarray  # (n_spans, dim), unit length, rows aligned with `spans`
    collection: object  # the Chroma "chunks" collection, for dense search
    embedder: Embedder
    chunk_terms: dict[str, dict] = field(default_factory=dict)  # chunk id -> stored {"bm25", "header"} terms
    name_counts: dict[str, list[int]] | None = None  # the spans' summed `name_counts` (None: not stored)
    lease: Lease | None = None  # keeps an ingest from removing this generation while it is loaded

    @property
    def documents(self) -> dict[str, dict]:
        return self.manifest.get("documents", {})

    @property
    def acronyms(self) -> dict[str, str]:
        return self.manifest.get("acronyms", {})


def load(settings: Settings, embedder: Embedder | None = None) -> LoadedIndex:
    """Open the built index; refuse one built with a different embedding model."""
    folder, lease = open_current(settings.index_dir)  # held while this index is loaded
    manifest = read_manifest(settings.index_dir, folder)  # the leased generation's, not a second read of CURRENT
    if not manifest:
        raise IndexError_(f"no index in {settings.index_dir}: run `assistant ingest` first")
    built = manifest.get("settings", {})
    if built.get("embedding_model") != settings.embedding_model:
        raise IndexError_(
            f"the index was built with {built.get('embedding_model')!r} but settings ask for "
            f"{settings.embedding_model!r}: run `assistant ingest --rebuild`"
        )
    chunks_col = get_store(settings).collection(folder)
    if manifest.get("documents") and any(d.get("chunks") for d in manifest["documents"].values()) \
            and chunks_col.count() == 0:
        raise IndexError_(f"the vector store has no chunks for {folder.name} "
                          "(a new or emptied Chroma server?): run `assistant ingest --rebuild`")
    chunks = []
    for offset in range(0, chunks_col.count(), PAGE):  # one request for 55,000 chunks is too many SQL variables
        got = chunks_col.get(include=["metadatas", "documents"], limit=PAGE, offset=offset)
        chunks += [{**m, "id": i, "text": t} for i, m, t in zip(got["ids"], got["metadatas"], got["documents"],
                                                                strict=True)]
    span_list, vectors, chunk_terms, names = spans.read(folder)
    chunks.sort(key=lambda c: (c["document"], c["start"]))
    embedder = embedder or get_embedder(settings.embedding_model, settings.index_dir)
    return LoadedIndex(settings, manifest, chunks, span_list, vectors, chunks_col, embedder, chunk_terms, names, lease)
