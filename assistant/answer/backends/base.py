"""The `Answerer` protocol every backend file implements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from assistant.contract import Answer
from assistant.question.query import Query

if TYPE_CHECKING:
    from assistant.answer.retrieve import Hit


class Answerer(Protocol):
    """A backend may also set `calibrated = True` when its answers carry a calibrated
    `confidence`: the pipeline then reads a question more than one way (a follow-up beside the
    earlier question, typos in the reports' words) and keeps the surest answer."""

    name: str

    def answer(self, query: Query, hits: list[Hit]) -> Answer:
        """Answer from the retrieved chunks only; abstain when they don't support an answer."""

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str | Answer]:
        """Text pieces as they are produced, then the final Answer."""
