"""One entry point for every interface: question (+ history) -> Answer, timed.

CLI, web chat, evals and the Python API (`assistant.ask`) all come through `Assistant.ask`,
so they all return the same answer object.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from .answer import Answer
from .backends import Query, get_backend
from .editions import resolve
from .index import IngestReport, corpus_is_stale, ingest, load
from .retrieve import Retriever
from .settings import Settings

log = logging.getLogger(__name__)

INJECTION = re.compile(
    r"(ignore|disregard|forget|override)\b[^.?!\n]{0,60}?\b(instructions?|prompts?|rules|reports?|"
    r"above|context|previous|everything)\b[^.?!\n]*[.?!]?"
    r"|\b(system|assistant|developer)\s*(prompt|message)?\s*:[^\n?]*"
    r"|\byou are now\b[^.?!\n]*[.?!]?"
    r"|\b(print|reveal|show|repeat|output)\b[^.?!\n]{0,30}\b(system )?(prompt|instructions)\b[^.?!\n]*[.?!]?"
    r"|\b(pretend|act as|role-?play)\b[^.?!\n]*[.?!]?"
    r"|\b(just )?(say|answer|reply|respond|tell (me|them|everyone))\b[^.?!\n]{0,20}\b(that|with)\b[^.?!\n]*[.?!]?",
    re.IGNORECASE,
)


class QuestionError(ValueError):
    """A question that cannot be processed; the message says what to do."""


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """Validate a question and strip instructions aimed at the assistant (they change nothing)."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError("the question is empty: type a question about the collaboration reports")
    if len(question) > max_chars:
        raise QuestionError(
            f"the question is {len(question):,} characters; keep it under {max_chars:,} "
            "(ask about one topic at a time)"
        )
    notes = []
    cleaned = INJECTION.sub(" ", question)
    if cleaned != question:
        notes.append("Instructions inside the question were ignored; only the reports are used.")
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,;-")
    return cleaned, notes


class Assistant:
    """Loads (building if needed) the index and answers questions about it."""

    def __init__(self, settings: Settings | None = None, ensure_index: bool = True,
                 progress: bool = True, embedder=None):
        self.settings = settings or Settings.from_env()
        self._lock = threading.Lock()
        if ensure_index and corpus_is_stale(self.settings):
            log.info("index missing or older than corpus/: building it")
            ingest(None, self.settings, embedder, progress=progress)
        self._load(embedder)

    def _load(self, embedder=None) -> None:
        embedder = embedder or getattr(getattr(self, "index", None), "embedder", None)
        self.index = load(self.settings, embedder)
        self.retriever = Retriever(self.index)
        self.backend = get_backend(self.settings.backend, self.index)
        self.register = None
        try:
            from .register import build_register
        except ImportError:
            return
        self.register = build_register(self.index.manifest)  # once per load, not per question

    def ingest(self, paths: list[Path] | None = None, progress: bool = False) -> IngestReport:
        """Add or refresh reports, then reload so they are answerable at once."""
        with self._lock:
            report = ingest(paths, self.settings, self.index.embedder, progress=progress)
            self._load()
        return report

    def prepare(self, question: str, history: list[str] | None = None,
                documents: list[str] | None = None) -> tuple[Query, list, dict[str, float], str | None]:
        t0 = time.perf_counter()
        standalone = None
        if history:
            from .followup import rewrite

            rewritten = rewrite(question, list(history))
            if rewritten.strip() != question.strip():
                standalone = rewritten
        text, notes = clean_question(standalone or question, self.settings.max_question_chars)
        editions = resolve(text, self.index.documents)
        if documents:
            editions.documents = [d for d in documents if d in self.index.documents] or None
        vector = self.retriever.embed_query(text) if text else None
        hits = self.retriever.search(text, vector, self.settings.top_k, editions.documents) if text else []
        timings = {"retrieve": (time.perf_counter() - t0) * 1000}
        return Query(text, vector, editions, notes), hits, timings, standalone

    def ask(self, question: str, history: list[str] | None = None,
            documents: list[str] | None = None, id: str | None = None) -> Answer:
        """Answer one question; errors come back as an Answer with `error` set."""
        *_, answer = self.stream(question, history, documents, id)
        return answer

    def stream(self, question: str, history: list[str] | None = None,
               documents: list[str] | None = None, id: str | None = None) -> Iterator[str | Answer]:
        """Answer text pieces as produced, then the final Answer."""
        t0 = time.perf_counter()
        try:
            query, hits, timings, standalone = self.prepare(question, history, documents)
        except QuestionError as e:
            yield Answer.failure(question if isinstance(question, str) else "", str(e), id)
            return
        if not query.text:
            answer = Answer(question=question, abstained=True, backend=self.backend.name,
                            answer="I can only answer questions about the collaboration reports; "
                                   "the message had no question left once instructions were removed.",
                            notes=query.notes)
        else:
            answer = self._register_answer(query.text)
        t1 = time.perf_counter()
        if answer is None:
            for piece in self.backend.stream(query, hits):
                if isinstance(piece, Answer):
                    answer = piece
                else:
                    yield piece
        answer.id = id
        answer.question = question
        answer.standalone_question = standalone
        answer.notes = list(dict.fromkeys(query.notes + answer.notes))
        answer.timings_ms = {**timings, "answer": (time.perf_counter() - t1) * 1000,
                             "total": (time.perf_counter() - t0) * 1000}
        answer.timings_ms = {k: round(v, 2) for k, v in answer.timings_ms.items()}
        yield answer

    def _register_answer(self, text: str) -> Answer | None:
        if self.register is None:
            return None
        from .register import register_answer

        return register_answer(text, self.index.manifest, self.register, self.index.spans)


_default: Assistant | None = None


def ask(question: str, history: list[str] | None = None) -> Answer:
    """`assistant.ask(question) -> Answer` with settings from the environment."""
    global _default
    if _default is None:
        _default = Assistant()
    return _default.ask(question, history)
