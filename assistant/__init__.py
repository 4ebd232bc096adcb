"""Collab Assistant: cited answers from Essex Police collaboration reports."""

from __future__ import annotations

import os

# A police deployment must contact no outside host, whatever the caller's environment says:
# Gradio analytics, Hugging Face hub lookups and telemetry, Chroma's telemetry (read by the
# libraries when they are imported, so this runs before any of them is).
NO_OUTSIDE_HOSTS = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "DO_NOT_TRACK": "1",
}
os.environ.update(NO_OUTSIDE_HOSTS)


def ask(question: str, history: list[str] | None = None):
    """Answer a question with the default settings (ASSISTANT_* environment variables)."""
    from assistant.pipeline import ask as _ask

    return _ask(question, history)
