"""A fake chat model for tests of the LLM plumbing (after llm's MockModel): enqueue replies,
then inspect the prompts it received. It is LangChain's own fake chat model, so the real
streaming path runs."""

from __future__ import annotations

from assistant.answer.backends.llm import ChatAnswerer


class MockAnswerer(ChatAnswerer):
    name = "mock"

    def __init__(self, index, model=None, settings=None):
        super().__init__(index, model, settings)
        self.replies: list[str] = []
        self.history: list[str] = []  # prompts received (the user message), oldest first

    def enqueue(self, *replies: str) -> None:
        self.replies.extend(replies)

    @property
    def model(self):
        from langchain_core.language_models.fake_chat_models import FakeListChatModel

        reply = self.replies.pop(0) if self.replies else "The reports don't say."
        return FakeListChatModel(responses=[reply])

    def messages(self, query, evidence):
        messages = super().messages(query, evidence)
        self.history.append(messages[-1].content)
        return messages
