"""A fake chat model for tests of the LLM plumbing (after llm's MockModel): enqueue replies,
then inspect the prompts it received."""

from __future__ import annotations

from .llm import LLMAnswerer


class MockAnswerer(LLMAnswerer):
    name = "mock"

    def __init__(self, index):
        super().__init__(index)
        self.replies: list[str] = []
        self.history: list[str] = []  # prompts received, oldest first

    def enqueue(self, *replies: str) -> None:
        self.replies.extend(replies)

    def complete(self, prompt: str) -> str:
        self.history.append(prompt)
        return self.replies.pop(0) if self.replies else "The reports don't say."
