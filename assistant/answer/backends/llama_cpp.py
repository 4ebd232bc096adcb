"""`--backend llama-cpp`: a local GGUF model with no server to run by hand. The backend starts
llama-cpp-python's OpenAI-compatible server on 127.0.0.1 (`llm_server.py`) for the life of the
process and talks to it like any other OpenAI-compatible server (extra: pip install -e '.[llm]').
"""

from __future__ import annotations

import atexit
import contextlib

from assistant.answer.backends.openai import OpenAIAnswerer
from assistant.answer.llm_server import ALIAS, check_installed, local_server, model_path


class LlamaCppAnswerer(OpenAIAnswerer):
    name = "llama-cpp"

    def __init__(self, index, model=None):
        settings = index.settings
        if model is None:
            check_installed()
            stack = contextlib.ExitStack()
            url = stack.enter_context(local_server(model_path(settings)))
            atexit.register(stack.close)
            settings = settings.replace(llm_base_url=url, llm_model=ALIAS)
        super().__init__(index, model, settings)
