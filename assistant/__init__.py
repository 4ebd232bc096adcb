"""Collab Assistant: cited answers from Essex Police collaboration reports."""

from __future__ import annotations


def ask(question: str, history: list[str] | None = None):
    """Answer a question with the default settings (ASSISTANT_* environment variables)."""
    from .pipeline import ask as _ask

    return _ask(question, history)
