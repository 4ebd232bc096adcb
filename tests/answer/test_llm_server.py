"""End to end with a real LLM: llama-cpp-python's OpenAI-compatible server, started by the test
on 127.0.0.1 with the local Qwen2.5-Coder-1.5B GGUF, answered through LangChain's ChatOpenAI and
the guard. Skipped, with the reason, unless `make llm` installed the server and the model."""

from __future__ import annotations

import re

import pytest

from assistant.answer.backends.openai import OpenAIAnswerer
from assistant.answer.llm_server import (
    ALIAS,
    MODEL_FILE,
    assemble_model,
    check_installed,
    local_server,
)
from assistant.ingest.documents import discover, load_document
from assistant.pipeline import Assistant
from assistant.settings import ROOT

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def llm_url(tmp_path_factory):
    try:
        check_installed()
        model = assemble_model(ROOT / "index" / MODEL_FILE)
    except RuntimeError as e:
        pytest.skip(f"no local LLM: {e}")
    with local_server(model, log=tmp_path_factory.mktemp("llm") / "server.log") as url:
        yield url


@pytest.fixture
def llm(assistant, llm_url) -> Assistant:
    a = Assistant.__new__(Assistant)
    a.__dict__.update(assistant.__dict__)
    settings = assistant.settings.replace(llm_base_url=llm_url, llm_model=ALIAS, llm_timeout=120)
    a.backend = OpenAIAnswerer(assistant.index, settings=settings)
    return a


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_a_real_model_answers_only_what_its_citations_say(llm, settings):
    texts = {p.name: load_document(p).text for p in discover([settings.corpus_dir])}
    for question in ["why is NAS amber?", "how many cyber specials and volunteers are there?"]:
        answer = llm.ask(question)
        assert not answer.abstained and answer.citations and answer.guard is not None
        assert answer.prompt_version and answer.backend in ("openai", "extractive")
        assert {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)} <= {c.n for c in answer.citations}
        for c in answer.citations:  # quotes come from the reports, never from the model
            assert norm(c.quote) == norm(texts[c.document][c.start:c.end])
        if answer.backend == "openai":  # every kept sentence passed the guard
            assert answer.guard["kept"] >= 1 and answer.guard["fallback"] is None


def test_a_real_model_cannot_answer_what_the_reports_dont_say(llm):
    answer = llm.ask("How many drones does Essex Police operate?")
    assert answer.abstained and answer.guard["fallback"] == "the extractive answerer abstained"
