"""`--backend ollama`: an Ollama server through LangChain's `ChatOllama` (default address
http://127.0.0.1:11434, the local server). ASSISTANT_LLM_MODEL names the pulled model."""

from __future__ import annotations

from assistant.answer.backends.llm import ChatAnswerer

DEFAULT_URL = "http://127.0.0.1:11434"


class OllamaAnswerer(ChatAnswerer):
    name = "ollama"

    def __init__(self, index, model=None, settings=None):
        if model is None and not (settings or index.settings).llm_model:
            raise RuntimeError("the ollama backend needs ASSISTANT_LLM_MODEL, a model the server "
                               "has pulled (e.g. qwen2.5:1.5b)")
        super().__init__(index, model, settings)

    def where(self) -> str:
        return self.settings.llm_base_url or DEFAULT_URL

    def chat_model(self):
        from langchain_ollama import ChatOllama

        s = self.settings
        return ChatOllama(base_url=self.where(), model=s.llm_model, temperature=0.0,
                          num_predict=300, client_kwargs={"timeout": s.llm_timeout})
