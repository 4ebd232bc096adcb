"""Answerer backends: one file each behind the `Answerer` protocol, looked up by name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..answer import Answer
from ..editions import Editions

if TYPE_CHECKING:
    from ..index import LoadedIndex
    from ..retrieve import Hit


@dataclass
class Query:
    """A question ready to answer: standalone, injection-free, embedded, edition-resolved."""

    text: str
    vector: np.ndarray
    editions: Editions
    notes: list[str] = field(default_factory=list)


class Answerer(Protocol):
    name: str

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        """Answer from the retrieved chunks only; abstain when they don't support an answer."""

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str | Answer]:
        """Text pieces as they are produced, then the final Answer."""


def _extractive():
    from .extractive import ExtractiveAnswerer

    return ExtractiveAnswerer


def _llama():
    from .llama_cpp import LlamaCppAnswerer

    return LlamaCppAnswerer


def _openai():
    from .openai import OpenAIAnswerer

    return OpenAIAnswerer


def _ollama():
    from .ollama import OllamaAnswerer

    return OllamaAnswerer


def _mock():
    from .mock import MockAnswerer

    return MockAnswerer


BACKENDS = {"extractive": _extractive, "openai": _openai, "ollama": _ollama,
            "llama-cpp": _llama, "mock": _mock}


def get_backend(name: str, index: LoadedIndex) -> Answerer:
    """Instantiate a backend by name; an unknown name lists the valid ones."""
    if name not in BACKENDS:
        raise ValueError(f"unknown backend {name!r}; choose one of: {', '.join(sorted(BACKENDS))}")
    return BACKENDS[name]()(index)
