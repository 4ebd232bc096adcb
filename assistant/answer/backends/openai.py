"""`--backend openai`: any OpenAI-compatible chat server (vLLM, llama.cpp's server, LM Studio,
TGI, llama-cpp-python's server) through LangChain's `ChatOpenAI` with `base_url`.

There is no default address: a deployment names its own server (ASSISTANT_LLM_BASE_URL), so
nothing is ever sent to an outside host by accident.
"""

from __future__ import annotations

from assistant.answer.backends.llm import ChatAnswerer


class OpenAIAnswerer(ChatAnswerer):
    name = "openai"

    def __init__(self, index, model=None, settings=None):
        if model is None and not (settings or index.settings).llm_base_url:
            raise RuntimeError("the openai backend needs ASSISTANT_LLM_BASE_URL, the address of an "
                               "OpenAI-compatible server (e.g. http://127.0.0.1:8080/v1; `make llm` runs one)")
        super().__init__(index, model, settings)

    def chat_model(self):
        from langchain_openai import ChatOpenAI

        s = self.settings
        return ChatOpenAI(base_url=s.llm_base_url, model=s.llm_model or "default",
                          api_key=s.llm_api_key or "not-needed", temperature=0.0, max_tokens=300,
                          timeout=s.llm_timeout, max_retries=0, streaming=True)
