"""Run the web chat in a subprocess on a local port, as users run it (`python -m assistant.web`).

Used by the browser tests and the load test: both need a real app with their own users file
and data folder, started and waited for the same way, and stopped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.answer.local_server import stop, wait_until_up
from assistant.settings import ROOT


class AppURL(str):
    """The running app's URL; `pid` is its server process (for memory readings)."""

    pid: int

    def rss_mb(self) -> float:
        """The server's resident memory now, in MB (Linux /proc)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024


@contextmanager
def running_app(settings: dict[str, object], log: Path, timeout: float = 180) -> Iterator[AppURL]:
    """Start the app, yield its URL once it answers, stop it on exit.

    `settings` become ASSISTANT_<NAME> variables over the current environment (a None value
    removes the variable); they must include `port`. The app's output goes to `log`.
    """
    env = dict(os.environ)
    for name, value in settings.items():
        if value is None:
            env.pop(f"ASSISTANT_{name.upper()}", None)
        else:
            env[f"ASSISTANT_{name.upper()}"] = str(value)
    url = AppURL(f"http://127.0.0.1:{settings['port']}/")
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "assistant.web"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    url.pid = proc.pid
    try:
        wait_until_up(url, proc, log, timeout)
        yield url
    finally:
        stop(proc)
