"""Hybrid retrieval over chunks: dense (Chroma) + BM25 (bm25s), fused by reciprocal rank."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from assistant.index.build import LoadedIndex
from assistant.ingest.terms import expand, terms


@dataclass
class Hit:
    chunk: dict  # chunk metadata from the index
    score: float  # fused RRF score
    rank: int  # 0 = best


class Retriever:
    """Dense and lexical search over one loaded index; edition filters narrow both."""

    def __init__(self, index: LoadedIndex):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
        self.index = index
        self.chunk_pos = {c["id"]: i for i, c in enumerate(index.chunks)}
        self.chunk_docs = np.array([c["document"] for c in index.chunks])
        self.bm25 = bm25s.BM25()
        stored = index.chunk_terms  # tokenised at ingest: start-up does not re-read every chunk
        corpus = [(stored[c["id"]]["bm25"].split() if c["id"] in stored else terms(c["text"])) or ["_"]
                  for c in index.chunks]
        if corpus:
            self.bm25.index(corpus, show_progress=False)

    def embed_query(self, question: str) -> np.ndarray:
        return self.index.embedder.embed([expand(question, self.index.acronyms)])[0]

    def search(self, question: str, qvec: np.ndarray, k: int, documents: list[str] | None = None) -> list[Hit]:
        chunks = self.index.chunks
        if not chunks:
            return []
        allowed = None if documents is None else set(documents)
        pool = min(len(chunks), max(k * 4, 30))
        where = {"document": {"$in": sorted(allowed)}} if allowed else None
        res = self.index.collection.query(query_embeddings=[qvec.tolist()], n_results=pool,
                                          where=where, include=[])
        dense = [self.chunk_pos[i] for i in res["ids"][0] if i in self.chunk_pos]
        query_terms = terms(expand(question, self.index.acronyms))
        scores = self.bm25.get_scores(query_terms) if query_terms else np.zeros(len(chunks))
        if allowed:
            scores = np.where(np.isin(self.chunk_docs, sorted(allowed)), scores, 0.0)
        n = min(pool, int((scores > 0).sum()))  # the top `pool` only: no sort of every chunk
        top = np.argpartition(-scores, n - 1)[:n] if n else np.array([], dtype=int)
        lexical = [int(i) for i in sorted(top, key=lambda i: -scores[i])]
        fused: dict[int, float] = {}
        rrf = self.index.settings.rrf_k
        for ranking in (dense, lexical):
            for rank, i in enumerate(ranking):
                fused[i] = fused.get(i, 0.0) + 1.0 / (rrf + rank + 1)
        best = sorted(fused, key=lambda i: -fused[i])[:k]
        return [Hit(chunks[i], fused[i], r) for r, i in enumerate(best)]
