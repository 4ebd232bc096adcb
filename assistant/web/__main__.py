"""`python -m assistant.web`: run the web chat (what `assistant chat` and the tests start)."""

from assistant.web.app import serve

serve()
