"""No outside host, whatever the caller's environment: the CLI and the web chat only ever look
up local names (Gradio analytics, Hugging Face and Chroma telemetry are off in code).

Each run is a real subprocess with the privacy variables removed from its environment and a
`sitecustomize` hook that logs every host name the process resolves or connects to.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from assistant import NO_OUTSIDE_HOSTS
from assistant.answer.local_server import free_port
from assistant.settings import ROOT
from assistant.web.serve_local import running_app

LOCAL = {"127.0.0.1", "localhost", "::1", "0.0.0.0", ""}
HOOK = '''
import os, socket
_log = os.environ["HOST_LOG"]
def _note(host):
    with open(_log, "a") as f:
        f.write(f"{host}\\n")
_note("")  # the log exists once the hook is in, so a silent run is told from a broken hook
_getaddrinfo = socket.getaddrinfo
def getaddrinfo(host, *a, **k):
    _note(host if isinstance(host, str) else (host or b"").decode())
    return _getaddrinfo(host, *a, **k)
socket.getaddrinfo = getaddrinfo
_connect = socket.socket.connect
def connect(self, address):
    if isinstance(address, tuple):
        _note(address[0])
    return _connect(self, address)
socket.socket.connect = connect
'''


def watched_env(tmp: Path) -> tuple[dict[str, str], Path]:
    """The caller's environment minus every privacy variable, plus the host-logging hook."""
    hook_dir = tmp / "hook"
    hook_dir.mkdir(exist_ok=True)
    (hook_dir / "sitecustomize.py").write_text(HOOK)
    log = tmp / "hosts.log"
    env = {k: v for k, v in os.environ.items() if k not in NO_OUTSIDE_HOSTS}
    env.update(PYTHONPATH=os.pathsep.join([str(hook_dir), str(ROOT)]), HOST_LOG=str(log))
    return env, log


def outside_hosts(log: Path) -> set[str]:
    assert log.exists(), "the hook never ran: the test would not notice a lookup"
    return {h for h in log.read_text().split("\n") if h.strip() not in LOCAL} - {""}


def test_cli_answer_contacts_no_outside_host(assistant, settings, tmp_path):
    env, log = watched_env(tmp_path)
    env.update(ASSISTANT_INDEX_DIR=str(settings.index_dir), ASSISTANT_DATA_DIR=str(settings.data_dir))
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "why is NAS amber?"],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert r.returncode == 0, r.stderr
    assert "amber" in r.stdout.lower()
    assert outside_hosts(log) == set()


def test_web_chat_contacts_no_outside_host(assistant, settings, tmp_path, monkeypatch):
    env, log = watched_env(tmp_path)
    for name in NO_OUTSIDE_HOSTS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHONPATH", env["PYTHONPATH"])
    monkeypatch.setenv("HOST_LOG", env["HOST_LOG"])
    app = {"corpus_dir": settings.corpus_dir, "index_dir": settings.index_dir,
           "data_dir": tmp_path / "var", "port": free_port(), "host": "127.0.0.1",
           "anonymous": 1, "auth_file": tmp_path / "users.json"}
    with running_app(app, tmp_path / "server.log") as url:
        with urllib.request.urlopen(url, timeout=10) as page:
            assert b"Collab Assistant" in page.read()
        time.sleep(5)  # launch-time analytics run in a background thread
    assert outside_hosts(log) == set()
