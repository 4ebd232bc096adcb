"""The naive RAG baseline evals and benchmarks compare against: LangChain's
RecursiveCharacterTextSplitter (1000/150), the same embedding model, Chroma top-4, and the top
chunk returned as the answer and its citation. It never abstains.
"""

from __future__ import annotations

import time

from assistant.contract import Answer, Citation
from assistant.ingest.documents import discover, load_document, load_manifest
from assistant.settings import Settings

BATCH = 5000  # pieces added to Chroma per call (its limit is 5,461)


class _Embeddings:
    """LangChain Embeddings interface over our embedder (the same all-MiniLM-L6-v2)."""

    def __init__(self, embedder):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed([text])[0].tolist()


class NaiveRAG:
    name = "baseline"

    def __init__(self, settings: Settings, embedder):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_core.embeddings import Embeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        t0 = time.perf_counter()
        Embeddings.register(_Embeddings)
        files = discover([settings.corpus_dir])
        meta = load_manifest(settings.corpus_dir)
        docs = [load_document(p, meta.get(p.name)) for p in files]
        self.docs = {d.name: d for d in docs}
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=150, add_start_index=True)
        pieces = splitter.split_documents(
            [Document(page_content=d.text, metadata={"document": d.name}) for d in docs])
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(collection_name=f"baseline{id(self)}", embedding_function=_Embeddings(embedder),
                            client=client)
        for k in range(0, len(pieces), BATCH):  # Chroma refuses one batch of 45,000 (1,000 reports)
            self.store.add_documents(pieces[k:k + BATCH])
        self.ingest_seconds = time.perf_counter() - t0
        self.chunk_count = len(pieces)

    def search(self, question: str, k: int = 4):
        return self.store.similarity_search(question, k=k)

    def ask(self, question: str, history: list[str] | None = None, id: str | None = None) -> Answer:
        t0 = time.perf_counter()
        top = self.search(question)[0]
        doc = self.docs[top.metadata["document"]]
        start = top.metadata["start_index"]
        cite = Citation(1, doc.name, doc.title, doc.date, "", top.page_content, start,
                        start + len(top.page_content))
        ms = (time.perf_counter() - t0) * 1000
        return Answer(question=question, answer=f"{top.page_content} [1]", abstained=False,
                      citations=[cite], backend=self.name, id=id,
                      timings_ms={"total": round(ms, 2)})
