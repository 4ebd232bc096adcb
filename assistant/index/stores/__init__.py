"""Vector stores: where an index generation's chunk collection lives (its spans are files:
`assistant/index/spans.py`).

A store hands out the Chroma collection of a generation (`gen-000007`), copies it into the next
generation, and drops the collections of generations that are gone. One file per
store: `embedded` (Chroma files inside the generation folder, the default) and `server` (a
Chroma server at ASSISTANT_CHROMA_URL, shared by several web replicas).
"""

from __future__ import annotations

from assistant.index.stores.base import SPACE, Store, StoreUnavailable
from assistant.settings import Settings

__all__ = ["SPACE", "Store", "StoreUnavailable", "get_store"]


def get_store(settings: Settings) -> Store:
    """The server store when ASSISTANT_CHROMA_URL is set, else the embedded one."""
    if settings.chroma_url:
        from assistant.index.stores.server import ServerStore

        return ServerStore(settings.chroma_url, settings.chroma_token)
    from assistant.index.stores.embedded import EmbeddedStore

    return EmbeddedStore()
