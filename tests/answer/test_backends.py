"""One shared test module for every backend, plus the LLM plumbing with a mock model."""

import re

import pytest

from assistant.answer.backends import BACKENDS, get_backend
from assistant.pipeline import Assistant


@pytest.fixture(params=["extractive", "mock"])
def backend_assistant(request, assistant):
    a = Assistant.__new__(Assistant)
    a.__dict__.update(assistant.__dict__)
    a.backend = get_backend(request.param, assistant.index)
    if request.param == "mock":
        a.backend.enqueue("NAS remains amber because of national delays [1].")
    return a


def test_every_backend_honours_the_contract(backend_assistant):
    answer = backend_assistant.ask("why is NAS amber?")
    assert not answer.abstained and answer.citations
    assert {c.n for c in answer.citations} >= set(
        int(n) for n in __import__("re").findall(r"\[(\d+)\]", answer.answer))
    unsupported = backend_assistant.ask("How many drones does Essex Police operate?")
    assert unsupported.abstained


def test_unknown_backend_lists_valid_ones(assistant):
    with pytest.raises(ValueError, match="extractive"):
        get_backend("gpt-9", assistant.index)
    assert {"extractive", "llama-cpp", "mock"} <= set(BACKENDS)


def test_mock_model_uncited_or_invented_markers_fall_back(assistant):
    backend = get_backend("mock", assistant.index)
    backend.enqueue("NAS is green and has 500 cameras.", "NAS is amber [99].")
    a = Assistant.__new__(Assistant)
    a.__dict__.update(assistant.__dict__)
    a.backend = backend
    first = a.ask("why is NAS amber?")
    assert first.backend == "extractive" and "500" not in first.answer
    second = a.ask("why is NAS amber?")
    assert "[99]" not in second.answer
    assert "Evidence:" in backend.history[0] and "why is NAS amber?" in backend.history[0]


def test_llama_backend_without_its_extra_names_what_to_install(assistant):
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        with pytest.raises(RuntimeError, match=r"pip install -e '\.\[llm\]'"):
            get_backend("llama-cpp", assistant.index)
    else:
        assert get_backend("llama-cpp", assistant.index).name == "llama-cpp"


def test_mock_marker_after_full_stop_is_kept_with_its_sentence(assistant):
    backend = get_backend("mock", assistant.index)
    a = Assistant.__new__(Assistant)
    a.__dict__.update(assistant.__dict__)
    a.backend = backend
    a.ask("why is NAS amber?")  # no reply queued: read which number the evidence got
    k = re.search(r"\[(\d+)\][^\n]*remains at amber due to the national delays", backend.history[0]).group(1)
    backend.enqueue(f"This workstream remains at amber due to the national delays. [{k}]")
    answer = a.ask("why is NAS amber?")
    assert answer.backend == "mock" and "national delays [1]" in answer.answer
