"""Thumbs up/down on answers and an audit trail of questions, in SQLite under data_dir.

Feedback keeps what is needed to reproduce a bad answer (question, history, answer, citations,
backend, index version); `export_drafts` turns the thumbs-down ones into draft eval questions.
The audit log records who asked what and which sources were cited, never passwords or tokens.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from contextlib import closing
from pathlib import Path

DB_NAME = "assistant.db"
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,            -- unix time
    user TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,     -- JSON list of citation dicts
    backend TEXT,
    index_version TEXT,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT '',
    history TEXT NOT NULL DEFAULT '[]'  -- JSON list of earlier user questions
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    user TEXT NOT NULL,
    question TEXT NOT NULL,
    sources TEXT NOT NULL        -- JSON list of {document, section, start, end}
);
"""


STORED_CHARS = 4000  # a question or comment is clipped to this before storage (disk is finite)


def clip(text: str, limit: int = STORED_CHARS) -> str:
    """The text, or its start and how long it was: a pasted 5 MB question costs 4 KB."""
    return text if len(text) <= limit else f"{text[:limit]}… [clipped: {len(text):,} characters]"


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def connect(path: Path) -> sqlite3.Connection:
    """A short-lived connection (one per call, so any web worker thread may write)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.touch(mode=0o600)  # questions and who asked them: owner-only
    conn = sqlite3.connect(path, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(SCHEMA)
    for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if extra.exists():
            extra.chmod(0o600)
    return conn


def index_version(manifest: dict) -> str:
    """A short hash of the indexed documents' content hashes: which corpus answered."""
    docs = manifest.get("documents", {}) if manifest else {}
    joined = "\n".join(f"{name}:{d.get('sha256', '')}" for name, d in sorted(docs.items()))
    return hashlib.sha256(joined.encode()).hexdigest()[:12]


def record_feedback(path: Path, user: str, question: str, answer: str, citations: list[dict],
                    backend: str, index_version: str, rating: int, comment: str = "",
                    history: list[str] | None = None, replace: int | None = None) -> int:
    """Store one rating (+1/-1); returns the row id. `replace`: the id of this user's earlier
    rating of the same answer, changed in place (👎 then 👍 is one rating, not two)."""
    if rating not in (1, -1):
        raise ValueError("rating must be +1 or -1")
    with closing(connect(path)) as conn, conn:
        if replace is not None:
            cur = conn.execute("UPDATE feedback SET ts = ?, rating = ?, comment = ? WHERE id = ? AND user = ?",
                               (time.time(), rating, clip(comment.strip()), replace, user))
            if cur.rowcount:
                return replace
        cur = conn.execute(
            "INSERT INTO feedback (ts, user, question, answer, citations, backend, index_version,"
            " rating, comment, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (time.time(), user, clip(question), answer, json.dumps(citations, ensure_ascii=False),
             backend, index_version, rating, clip(comment.strip()),
             json.dumps([clip(h) for h in history or []])))
        return int(cur.lastrowid)


def record_audit(path: Path, user: str, question: str, citations: list[dict]) -> None:
    """Log who asked what and which passages were cited."""
    sources = [{k: c.get(k) for k in ("document", "section", "start", "end")} for c in citations]
    with closing(connect(path)) as conn, conn:
        conn.execute("INSERT INTO audit (ts, user, question, sources) VALUES (?, ?, ?, ?)",
                     (time.time(), user, clip(question), json.dumps(sources, ensure_ascii=False)))


def export_drafts(db_path: Path, out_path: Path) -> int:
    """Write thumbs-down items as draft eval questions (evals JSONL schema); returns the count.

    Drafts have `answerable: null` and no facts or evidence: a person fills those in after
    checking the reports, then moves the item into evals/build_questions.py.
    """
    with closing(connect(db_path)) as conn:
        rows = conn.execute("SELECT ts, user, question, answer, comment, history, backend, "
                            "index_version FROM feedback WHERE rating = -1 ORDER BY id").fetchall()
    drafts, seen = [], set()
    for ts, _user, question, answer, comment, history, backend, version in rows:
        key = (question.strip().lower(), history)
        if key in seen:
            continue
        seen.add(key)
        when = time.strftime("%Y-%m-%d", time.gmtime(ts))
        notes = (f"from thumbs-down feedback on {when} ({backend}, index {version}). "
                 f"Comment: {comment or '(none)'}. Bad answer: {answer}")
        drafts.append({"id": f"feedback-{len(drafts) + 1:03d}", "question": question,
                       "category": "feedback", "answerable": None, "facts": [], "evidence": [],
                       "history": json.loads(history or "[]"), "notes": notes})
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts),
                        encoding="utf-8")
    return len(drafts)
