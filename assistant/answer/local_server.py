"""Starting a server process on 127.0.0.1 and waiting until it answers: the local LLM server
(`llm_server.py`) and, for the browser and load tests, the web app (`serve_local.py`)."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path


class AppDidNotStart(RuntimeError):
    """The app exited or never answered; the message ends with the tail of its log."""


def free_port() -> int:
    """A port nothing listens on right now (the OS picks it), so runs never collide."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server process, killing it if it hasn't exited within 15 s."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_until_up(url: str, proc: subprocess.Popen, log: Path, timeout: float) -> None:
    """Poll `url` until it loads; fail fast if the process dies (it logs why)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AppDidNotStart(f"the server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AppDidNotStart(f"the server did not start within {timeout:.0f}s:\n"
                         f"{log.read_text()[-3000:]}")
