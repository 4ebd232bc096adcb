"""The assistant's retrieval as a LangChain `BaseRetriever`, so other LangChain apps (chains,
agents, a force's own tools) can search the same index: the same hybrid dense + BM25 search,
edition resolution and injection stripping as the answerer, returning one `Document` per chunk
with the report edition, section and offsets in its metadata.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever


class ReportRetriever(BaseRetriever):
    """`ReportRetriever(assistant=Assistant()).invoke("why is NAS amber?")`."""

    assistant: Any  # a pipeline.Assistant (kept loose: pydantic need not know the type)
    documents: list[str] | None = None  # only these report files, e.g. one edition

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        _, hits, _, _ = self.assistant.prepare(query, None, self.documents)
        docs = self.assistant.index.documents
        out = []
        for hit in hits:
            c = hit.chunk
            meta = docs.get(c["document"], {})
            out.append(Document(page_content=c["text"], id=c["id"], metadata={
                "document": c["document"], "title": meta.get("title", ""),
                "date": meta.get("date", ""), "section": c["section"], "start": c.get("start"),
                "end": c.get("end"), "score": round(hit.score, 5), "rank": hit.rank}))
        return out
