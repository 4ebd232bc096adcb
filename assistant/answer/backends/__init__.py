"""Answerer backends: one file each behind the `Answerer` protocol (`base.py`), looked up by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answer.backends.base import Answerer

if TYPE_CHECKING:
    from assistant.index.build import LoadedIndex


def _extractive():
    from assistant.answer.backends.extractive import ExtractiveAnswerer

    return ExtractiveAnswerer


def _llama():
    from assistant.answer.backends.llama_cpp import LlamaCppAnswerer

    return LlamaCppAnswerer


def _openai():
    from assistant.answer.backends.openai import OpenAIAnswerer

    return OpenAIAnswerer


def _ollama():
    from assistant.answer.backends.ollama import OllamaAnswerer

    return OllamaAnswerer


def _mock():
    from assistant.answer.backends.mock import MockAnswerer

    return MockAnswerer


BACKENDS = {"extractive": _extractive, "openai": _openai, "ollama": _ollama,
            "llama-cpp": _llama, "mock": _mock}


def get_backend(name: str, index: LoadedIndex) -> Answerer:
    """Instantiate a backend by name; an unknown name lists the valid ones."""
    if name not in BACKENDS:
        raise ValueError(f"unknown backend {name!r}; choose one of: {', '.join(sorted(BACKENDS))}")
    return BACKENDS[name]()(index)
