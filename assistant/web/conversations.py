"""Each user's conversations, kept in the web app's SQLite file so a reload or another day can
reopen them: saved after every answer, listed newest first, renamed, deleted and exported as
Markdown with numbered sources. Every query is scoped to the signed-in user: one officer never
sees, opens, renames or deletes another's conversation.
"""

from __future__ import annotations

import json
import time
from contextlib import closing
from pathlib import Path

from assistant.web import feedback
from assistant.web.render import copy_text

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user TEXT NOT NULL,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    edition TEXT NOT NULL DEFAULT '',
    turns TEXT NOT NULL          -- JSON list of {question, history, answer}
);
CREATE INDEX IF NOT EXISTS conversations_user ON conversations (user, updated);
"""
TITLE_CHARS = 60
LISTED = 50  # conversations shown in the side panel, newest first


def _connect(path: Path):
    conn = feedback.connect(path)
    conn.executescript(SCHEMA)
    return conn


def title_for(question: str) -> str:
    """A conversation's first title: its first question, shortened."""
    text = " ".join(question.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def save(path: Path, user: str, conversation: int | None, turns: list[dict], edition: str = "") -> int:
    """Store the conversation's turns (a new one when `conversation` is None or not this
    user's); returns its id."""
    now = time.time()
    data = json.dumps(turns, ensure_ascii=False)
    with closing(_connect(path)) as conn, conn:
        if conversation is not None:
            cur = conn.execute("UPDATE conversations SET turns = ?, edition = ?, updated = ? WHERE id = ? AND user = ?",
                               (data, edition or "", now, conversation, user))
            if cur.rowcount:
                return conversation
        title = title_for(turns[0]["question"]) if turns else "Conversation"
        cur = conn.execute("INSERT INTO conversations (user, title, created, updated, edition, turns) "
                           "VALUES (?, ?, ?, ?, ?, ?)", (user, title, now, now, edition or "", data))
        return int(cur.lastrowid)


def listed(path: Path, user: str) -> list[tuple[str, int]]:
    """(label, id) of the user's conversations, newest first, for the side panel."""
    with closing(_connect(path)) as conn:
        rows = conn.execute("SELECT id, title, updated FROM conversations WHERE user = ? "
                            "ORDER BY updated DESC, id DESC LIMIT ?", (user, LISTED)).fetchall()
    return [(f"{title} · {time.strftime('%d %b %H:%M', time.localtime(updated))}", cid)
            for cid, title, updated in rows]


def load(path: Path, user: str, conversation: int) -> dict | None:
    """The conversation's title, edition and turns, or None if it is not this user's."""
    with closing(_connect(path)) as conn:
        row = conn.execute("SELECT title, edition, turns FROM conversations WHERE id = ? AND user = ?",
                           (conversation, user)).fetchone()
    return None if row is None else {"title": row[0], "edition": row[1], "turns": json.loads(row[2])}


def rename(path: Path, user: str, conversation: int, title: str) -> bool:
    """Give the conversation a new title; False when it is not this user's or the title is blank."""
    title = title_for(title)
    if not title:
        return False
    with closing(_connect(path)) as conn, conn:
        return conn.execute("UPDATE conversations SET title = ? WHERE id = ? AND user = ?",
                            (title, conversation, user)).rowcount > 0


def delete(path: Path, user: str, conversation: int) -> bool:
    """Remove the conversation; False when it is not this user's."""
    with closing(_connect(path)) as conn, conn:
        return conn.execute("DELETE FROM conversations WHERE id = ? AND user = ?",
                            (conversation, user)).rowcount > 0


def markdown(conversation: dict) -> str:
    """The conversation for a briefing note: each question, its answer with [n] markers and
    its numbered sources, as plain text."""
    parts = [f"# {conversation['title']}", ""]
    for k, turn in enumerate(conversation["turns"], 1):
        parts += [f"## {k}. {turn['question']}", "", copy_text({**turn["answer"], "question": ""}), ""]
    return "\n".join(parts).rstrip() + "\n"
