"""A briefing pack, format-free: what building fills in and every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.contract import Citation


@dataclass
class Pack:
    """A briefing, format-free: every line ends in [n] markers into `citations`."""

    title: str
    subtitle: str
    columns: list[str]  # edition labels, oldest first
    table: list[tuple[str, list[tuple[str | None, str]]]]  # (workstream, [(rating, cell text)])
    sections: list[tuple[str, list[tuple[int, str]]]]  # (heading, [(indent level, line)])
    citations: list[Citation]
    notes: list[str] = field(default_factory=list)  # explanations under the table
    chart: bytes = b""  # PNG
    author: str = "Collab Assistant"  # document property: the signed-in user in the web chat
    marking: str = "OFFICIAL"  # protective marking, in every page's header and footer
    generated: str = ""  # date the pack was made, in the footer
