"""LLM answers through LangChain: the guard, streaming, fallbacks and the retriever, with
LangChain's fake chat models for the plumbing and real HTTP servers for the failure paths
(nothing listening; one that answers too slowly)."""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answer.backends import get_backend
from assistant.answer.backends.guard import check, sentences, unsupported_facts
from assistant.answer.backends.llm import ChatAnswerer, load_prompt
from assistant.answer.backends.openai import OpenAIAnswerer
from assistant.answer.local_server import free_port
from assistant.pipeline import Assistant

NAS = "why is NAS amber?"


def with_backend(assistant, backend) -> Assistant:
    a = Assistant.__new__(Assistant)
    a.__dict__.update(assistant.__dict__)
    a.backend = backend
    return a


def fake(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(r) for r in replies]))


def evidence_number(assistant, question: str, phrase: str) -> int:
    """The [n] the evidence holding `phrase` gets in the prompt for `question`."""
    probe = get_backend("mock", assistant.index)
    with_backend(assistant, probe).ask(question)
    return int(re.search(rf"\[(\d+)\][^\n]*{re.escape(phrase)}", probe.history[0]).group(1))


@pytest.fixture
def k(assistant) -> int:
    return evidence_number(assistant, NAS, "remains at amber due to the national delays")


def ask(assistant, reply: str, question: str = NAS):
    backend = ChatAnswerer(assistant.index, model=fake(reply))
    backend.name = "fake"
    return with_backend(assistant, backend).ask(question)


def test_a_supported_reply_is_kept_cited_from_the_evidence(assistant, k):
    answer = ask(assistant, f"NAS remains at amber due to the national delays [{k}].")
    assert answer.backend == "fake" and not answer.abstained
    assert answer.answer == "NAS remains at amber due to the national delays [1]."
    assert "remains at amber due to the national delays" in answer.citations[0].quote
    assert answer.guard == {"sentences": 1, "kept": 1, "dropped": [], "fallback": None}
    assert answer.prompt_version == load_prompt()[0] != ""


@pytest.mark.parametrize("reply, reason", [
    ("NAS remains at amber due to the national delays.", "cites no evidence"),
    ("NAS remains at amber due to the national delays [42].", "not supplied"),
    ("NAS remains at amber due to 500 national delays [{k}].", "500"),
    ("NAS is green now that the national delays are over [{k}].", "green"),
    ("NAS remains at amber due to delays caused by Microsoft [{k}].", "Microsoft"),
    ("NAS does not remain at amber due to the national delays [{k}].", "negates"),
    ("The workstream runs a drone unit with thermal cameras [{k}].", "not in its source"),
])
def test_an_unsupported_sentence_is_dropped_and_the_extractive_answer_given(assistant, k, reply, reason):
    answer = ask(assistant, reply.format(k=k))
    assert answer.backend == "extractive" and not answer.abstained  # the vetted fallback
    assert answer.guard["kept"] == 0 and reason in answer.guard["dropped"][0]["reason"]
    assert answer.guard["fallback"] == "no sentence of the model's reply passed the guard"


def test_only_the_supported_sentences_of_a_mixed_reply_are_kept(assistant, k):
    answer = ask(assistant, f"NAS remains at amber due to the national delays. [{k}] "
                            f"Ignore the reports: every workstream is now green [{k}]. "
                            f"It will cost £3 million to fix [{k}].")
    assert answer.backend == "fake"
    assert answer.answer == "NAS remains at amber due to the national delays [1]."
    assert answer.guard["sentences"] == 3 and answer.guard["kept"] == 1
    assert len(answer.guard["dropped"]) == 2


def test_an_extractive_abstention_is_never_overridden(assistant):
    model = fake("Essex Police operates 1 drone [1].")
    backend = ChatAnswerer(assistant.index, model=model)
    answer = with_backend(assistant, backend).ask("How many drones does Essex Police operate?")
    assert answer.abstained and "operates 1 drone" not in answer.answer
    assert answer.guard["fallback"] == "the extractive answerer abstained"
    assert next(model.messages, None) is not None  # the model was never asked


def test_the_model_saying_the_reports_dont_say_leaves_the_extractive_answer(assistant):
    answer = ask(assistant, "The reports don't say.")
    assert answer.backend == "extractive" and "doesn't answer" in answer.guard["fallback"]


def test_sentences_stream_as_they_pass_the_guard(assistant, k):
    backend = ChatAnswerer(assistant.index, model=fake(
        f"NAS remains at amber due to the national delays [{k}]. NAS is green [{k}]."))
    pieces = list(with_backend(assistant, backend).stream(NAS))
    text, final = pieces[:-1], pieces[-1]
    assert text and "".join(text).strip() == final.answer
    assert "green" not in final.answer


def test_a_server_that_is_down_gives_one_line_and_the_extractive_answer(assistant):
    settings = assistant.settings.replace(llm_base_url=f"http://127.0.0.1:{free_port()}/v1",
                                          llm_timeout=5)
    backend = OpenAIAnswerer(assistant.index, settings=settings)
    answer = with_backend(assistant, backend).ask(NAS)
    assert answer.backend == "extractive" and not answer.abstained and answer.citations
    note = next(n for n in answer.notes if "LLM server" in n)
    assert settings.llm_base_url in note and "extractive answer" in note and "\n" not in note
    assert "did not answer" in answer.guard["fallback"]


class Slow(BaseHTTPRequestHandler):
    def do_POST(self):
        time.sleep(4)
        self.send_response(500)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_slow_server_times_out_to_the_extractive_answer(assistant):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = assistant.settings.replace(
            llm_base_url=f"http://127.0.0.1:{server.server_address[1]}/v1", llm_timeout=1)
        t0 = time.monotonic()
        answer = with_backend(assistant, OpenAIAnswerer(assistant.index, settings=settings)).ask(NAS)
        assert time.monotonic() - t0 < 3.5
        assert answer.backend == "extractive" and any("LLM server" in n for n in answer.notes)
    finally:
        server.shutdown()


def test_ollama_server_down_falls_back_too(assistant):
    settings = assistant.settings.replace(llm_base_url=f"http://127.0.0.1:{free_port()}",
                                          llm_model="qwen2.5:1.5b", llm_timeout=5)
    from assistant.answer.backends.ollama import OllamaAnswerer

    answer = with_backend(assistant, OllamaAnswerer(assistant.index, settings=settings)).ask(NAS)
    assert answer.backend == "extractive" and any(settings.llm_base_url in n for n in answer.notes)


def test_backends_without_their_settings_say_what_to_set(assistant):
    with pytest.raises(RuntimeError, match="ASSISTANT_LLM_BASE_URL"):
        get_backend("openai", assistant.index)
    with pytest.raises(RuntimeError, match="ASSISTANT_LLM_MODEL"):
        get_backend("ollama", assistant.index)


def test_guard_checks_figures_names_and_colours_exactly():
    quote = "We have 18 Cyber Specials/Volunteers, an increase of 6 on last year."
    assert not unsupported_facts("We have 18 cyber specials, up 6 on last year", quote)
    assert unsupported_facts("We have 25 cyber specials", quote) == ["25"]
    assert unsupported_facts("Kent has 18 cyber specials", quote) == ["Kent"]
    assert unsupported_facts("The 2022 report says 18", quote, "Annual update 2022-11") == []
    assert check("We have 18 cyber volunteers [1].", [{"text": quote}], [""])[1] is None
    assert "not supplied" in check("We have 18 [2].", [{"text": quote}], [""])[1]


def test_streamed_text_splits_only_at_finished_sentences():
    done, rest = sentences("NAS is amber. [1] It is delayed [2]. The nex")
    assert done == ["NAS is amber. [1]", "It is delayed [2]."] and rest == "The nex"
    assert sentences("NAS is amber. [1")[0] == []  # the marker may still be coming


def test_the_index_serves_langchain_as_a_retriever(assistant):
    from assistant.answer.langchain_retriever import ReportRetriever

    docs = ReportRetriever(assistant=assistant).invoke(NAS)
    assert docs and any("national delays" in d.page_content for d in docs)
    top = docs[0].metadata
    assert top["document"] in assistant.index.documents and top["date"] and top["section"]
    only_2019 = [d for d in assistant.index.documents if d.startswith("2019")]
    narrowed = ReportRetriever(assistant=assistant, documents=only_2019).invoke("NAS")
    assert narrowed and {d.metadata["document"] for d in narrowed} == set(only_2019)
