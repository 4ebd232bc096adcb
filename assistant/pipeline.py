"""One entry point for every interface: question (+ history) -> Answer, timed.

CLI, web chat, evals and the Python API (`assistant.ask`) all come through `Assistant.ask`,
so they all return the same answer object.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.answer.answer_kinds import kinds_asked
from assistant.answer.backends import Answerer, get_backend
from assistant.answer.catalogue import catalogue_answer
from assistant.answer.retrieve import Retriever
from assistant.answer.scale_lists import scale_list_answer
from assistant.contract import Answer
from assistant.index.build import (
    IngestReport,
    LoadedIndex,
    corpus_is_stale,
    ingest,
    load,
    read_manifest,
)
from assistant.index.generations import IngestBusy
from assistant.ingest.injection import strip_instructions
from assistant.question.editions import expand_dates, resolve, unbound
from assistant.question.query import Query
from assistant.question.spelling import ReportWords, normalise
from assistant.settings import Settings

log = logging.getLogger(__name__)

SMALL_TALK = re.compile(r"\W*(hi|hello|hey|hiya|morning|good (morning|afternoon|evening)|thanks?( you)?|"
                        r"thank you|cheers|ta|ok(ay)?|bye|goodbye)( there| very much| mate| again)?\W*", re.I)


class QuestionError(ValueError):
    """A question that cannot be processed; the message says what to do."""


def check_history(history: object) -> list[str]:
    """Earlier questions of the conversation: a list of strings, or nothing."""
    if history is None:
        return []
    if not isinstance(history, list | tuple) or not all(isinstance(h, str) for h in history):
        odd = next((h for h in history if not isinstance(h, str)), history) if isinstance(
            history, list | tuple) else history
        raise QuestionError("history must be a list of the earlier questions as strings; got "
                            f"{type(odd).__name__} {str(odd)[:40]!r}")
    return list(history)


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """Validate a question and strip instructions aimed at the assistant (they change nothing)."""
    if not isinstance(question, str):
        raise QuestionError(f"the question must be text, not {type(question).__name__}")
    if not question.strip():
        raise QuestionError("the question is empty: type a question about the collaboration reports")
    if re.search(r"[\ud800-\udfff]", question):
        raise QuestionError("the question holds characters that are not valid text (a broken "
                            "copy and paste?); retype it")
    if len(question) > max_chars:
        raise QuestionError(
            f"the question is {len(question):,} characters; keep it under {max_chars:,} "
            "(ask about one topic at a time)"
        )
    notes = []
    cleaned = strip_instructions(question)
    if cleaned != question:
        notes.append("Instructions inside the question were ignored; only the reports are used.")
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,;:-")
    dated = expand_dates(normalise(cleaned))
    if dated != cleaned:
        notes.append(f"Read as: \"{dated}\".")
    return dated, notes


@dataclass(frozen=True)
class Loaded:
    """What one loaded index answers with; replaced whole, so a question never sees a mix."""

    index: LoadedIndex
    retriever: Retriever
    backend: Answerer
    register: object | None  # assistant.register.Register, built once per load
    words: ReportWords  # the reports' words, to read a typo as one of them

    @cached_property
    def own_papers(self) -> frozenset[str]:
        """Reports whose RAG colours are their own, not an edition of the register's."""
        return frozenset(self.register.own_papers()) if self.register is not None else frozenset()

    @cached_property
    def series_papers(self) -> frozenset[str]:
        """Reports that are editions of a series (the register's)."""
        return frozenset(self.register.series_papers()) if self.register is not None else frozenset()


class Assistant:
    """Loads (building if needed) the index and answers questions about it."""

    def __init__(self, settings: Settings | None = None, ensure_index: bool = True,
                 progress: bool = True, embedder=None, backend_factory=None):
        """`backend_factory(index) -> Answerer` overrides the settings' backend (training
        builds its own answerers before any model is saved)."""
        self.settings = settings or Settings.from_env()
        self._backend_factory = backend_factory or (lambda index: get_backend(self.settings.backend, index))
        self._lock = threading.Lock()
        if ensure_index and corpus_is_stale(self.settings):
            log.info("index missing or older than corpus/: building it")
            try:
                ingest(None, self.settings, embedder, progress=progress)
            except IngestBusy as e:
                if not read_manifest(self.settings.index_dir):
                    raise
                log.warning("%s; answering from the index as it is", e)  # the ingest will refresh it
        self._load(embedder)

    def _load(self, embedder=None) -> None:
        current = getattr(self, "state", None)
        embedder = embedder or (current.index.embedder if current else None)
        index = load(self.settings, embedder)
        try:
            from assistant.register.model import build_register
        except ImportError:
            build_register = None
        self.state = Loaded(index, Retriever(index), self._backend_factory(index),
                            build_register(index.manifest) if build_register else None,
                            ReportWords([span["text"] for span in index.spans]))

    @property
    def index(self) -> LoadedIndex:
        return self.state.index

    @property
    def backend(self) -> Answerer:
        return self.state.backend

    @backend.setter
    def backend(self, backend: Answerer) -> None:
        self.state = dataclasses.replace(self.state, backend=backend)

    def ingest(self, paths: list[Path] | None = None, progress: bool = False) -> IngestReport:
        """Add or refresh reports, then reload so they are answerable at once."""
        with self._lock:
            report = ingest(paths, self.settings, self.index.embedder, progress=progress)
            self._load()
        return report

    def prepare(self, question: str, history: list[str] | None = None,
                documents: list[str] | None = None, state: Loaded | None = None,
                any_edition: bool = False) -> tuple[Query, list, dict[str, float], str | None]:
        """The standalone, cleaned, embedded question and its retrieved chunks; `any_edition`
        reads a year it names as no report edition's."""
        state = state or self.state
        t0 = time.perf_counter()
        standalone = None
        history = check_history(history)
        if history and isinstance(question, str):
            from assistant.question.followup import rewrite

            rewritten = rewrite(question, history)
            if rewritten.strip() != question.strip():
                standalone = rewritten
        text, notes = clean_question(standalone or question, self.settings.max_question_chars)
        editions = unbound(text) if any_edition else resolve(text, state.index.documents)
        if documents:
            editions.documents = [d for d in documents if d in state.index.documents] or None
        vector = state.retriever.embed_query(text) if text else None
        hits = state.retriever.search(text, vector, self.settings.top_k, editions.documents) if text else []
        timings = {"retrieve": (time.perf_counter() - t0) * 1000}
        kinds = kinds_asked(text, vector) if text else ()
        return Query(text, vector, editions, notes, kinds), hits, timings, standalone

    def ask(self, question: str, history: list[str] | None = None,
            documents: list[str] | None = None, id: str | None = None) -> Answer:
        """Answer one question; errors come back as an Answer with `error` set."""
        *_, answer = self.stream(question, history, documents, id)
        return answer

    def stream(self, question: str, history: list[str] | None = None,
               documents: list[str] | None = None, id: str | None = None) -> Iterator[str | Answer]:
        """Answer text pieces as produced, then the final Answer."""
        t0 = time.perf_counter()
        state = self.state
        try:
            query, hits, timings, standalone = self.prepare(question, history, documents, state)
        except QuestionError as e:
            yield Answer.failure(question if isinstance(question, str) else "", str(e), id)
            return
        if not query.text:
            answer = Answer(question=question, abstained=True, backend=state.backend.name,
                            answer="I can only answer questions about the collaboration reports; "
                                   "the message had no question left once instructions were removed.",
                            notes=query.notes)
        elif SMALL_TALK.fullmatch(query.text):
            answer = Answer(question=question, abstained=True, backend=state.backend.name,
                            answer="I answer questions about the collaboration reports, each claim "
                                   "cited. Try \"why is NAS amber?\" or \"what changed since the last report?\"",
                            notes=query.notes)
        else:
            answer = (catalogue_answer(query.text, state.index) or self._register_answer(query.text, state)
                      or scale_list_answer(query.text, state.index, hits, query.kinds, state.own_papers))
        t1 = time.perf_counter()
        readings = self._readings(question, history, query, state) if answer is None else []
        if readings:
            answer, standalone = self._surest(readings, documents, state, query, hits, standalone)
            yield from re.findall(r"\S+\s*", answer.answer)
        if answer is None:
            for piece in state.backend.stream(query, hits):
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

    @staticmethod
    def _readings(question: str, history: list[str] | None, query: Query, state: Loaded) -> list[tuple[str, bool]]:
        """Other ways to read the question, as (text, any edition), for a backend whose answers
        carry a calibrated confidence: a follow-up beside the earlier question ("and when was
        that awarded? (how much is the Home Office putting in ...)"), since the rewrite can
        garble an unfamiliar topic; typos read as the reports' words ("benifits monitering");
        and a year that picks a one-off paper (no edition of a series) read as the subject's,
        not a paper's ("go-live? jan 27 in my diary"); its answer may not come from a series."""
        if not getattr(state.backend, "calibrated", False):
            return []
        earlier = [h.strip() for h in history or [] if h.strip()]
        out = [(f"{question} ({earlier[-1]})", False)] if earlier else []
        fixed = state.words.correct(query.text)
        out += [(fixed, False)] if fixed != query.text else []
        chosen = set(query.editions.documents or ())
        one_off = query.editions.mode == "year" and chosen and not chosen & state.series_papers
        return out + ([(query.text, True)] if one_off else [])

    def _surest(self, readings: list[tuple[str, bool]], documents: list[str] | None, state: Loaded, query: Query,
                hits: list, standalone: str | None) -> tuple[Answer, str | None]:
        """The answer the calibrated decision is surest of: the question as asked (rewritten
        when a follow-up) first, then each other reading, which replaces it only with an answer
        (not a caveat or an abstention) it is surer of."""
        best, shown = state.backend.answer(query, hits), standalone
        for text, any_edition in readings:
            try:
                query2, hits2, _, _ = self.prepare(text, None, documents, state, any_edition)
            except QuestionError:
                continue
            other = state.backend.answer(query2, hits2)
            swapped = any_edition and {c.document for c in other.citations} & state.series_papers
            if not other.abstained and not swapped and (other.confidence or 0.0) > (best.confidence or 0.0):
                best, shown = other, standalone if any_edition else text
        return best, shown

    @staticmethod
    def _register_answer(text: str, state: Loaded) -> Answer | None:
        if state.register is None:
            return None
        from assistant.register.answers import register_answer

        return register_answer(text, state.index.manifest, state.register, state.index.spans)


_default: Assistant | None = None


def ask(question: str, history: list[str] | None = None) -> Answer:
    """`assistant.ask(question) -> Answer` with settings from the environment."""
    global _default
    if _default is None:
        _default = Assistant()
    return _default.ask(question, history)
