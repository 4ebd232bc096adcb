"""Load test for the web chat: N concurrent signed-in sessions asking eval questions.

Starts the app on a free local port (temp users file and data_dir, the built index) unless
--url is given, then runs --sessions sessions in parallel, each asking --questions questions
from evals/questions.jsonl through the app's `/ask` endpoint (gradio_client), and prints
p50/p95 latency to the first streamed text and to the finished answer, plus the error count.
Only 127.0.0.1 / localhost URLs are accepted: this is not a tool for hammering other hosts.

    .venv/bin/python scripts/load_test.py                     # 20 sessions x 5 questions
    .venv/bin/python scripts/load_test.py --url http://127.0.0.1:7860/ --user me --password ...
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def questions(path: Path, n: int, seed: int) -> list[str]:
    """`n` answerable-or-not questions (no follow-ups: each session starts fresh)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    pool = [r["question"] for r in rows if not r.get("history")]
    random.Random(seed).shuffle(pool)
    return (pool * (n // len(pool) + 1))[:n]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@contextmanager
def local_app(port: int | None):
    """Run `python -m assistant.web` with a throwaway user; yields (url, user, password)."""
    from assistant.answer.local_server import AppDidNotStart, free_port
    from assistant.web.auth import add_user
    from assistant.web.serve_local import running_app

    with tempfile.TemporaryDirectory(prefix="load-test-") as tmp:
        user, password = "loadtest", secrets.token_urlsafe(12)
        add_user(Path(tmp) / "users.json", user, password, "officer")
        settings = {"host": "127.0.0.1", "port": port or free_port(), "anonymous": "0",
                    "data_dir": Path(tmp) / "var", "auth_file": Path(tmp) / "users.json"}
        try:
            with running_app(settings, Path(tmp) / "server.log", timeout=300) as url:
                yield url, user, password
        except AppDidNotStart as e:
            sys.exit(str(e))


def session(url: str, auth: tuple[str, str], asks: list[str], deadline: float,
            results: list[dict], lock: threading.Lock) -> None:
    """One browser-like session: sign in once, then ask its questions one after another."""
    from gradio_client import Client

    try:
        client = Client(url, auth=auth, verbose=False, analytics_enabled=False,
                        download_files=False)
    except Exception as e:  # noqa: BLE001 - every failure is counted, none stops the run
        with lock:
            results.extend({"error": f"sign-in: {e}"} for _ in asks)
        return
    for question in asks:
        if time.monotonic() > deadline:
            break  # --seconds: every session asks until the deadline, then stops
        t0, first, row = time.perf_counter(), None, {"question": question}
        try:
            job = client.submit(question, [], "All reports", api_name="/ask")
            for update in job:
                chat = update[1] if isinstance(update, (list, tuple)) and len(update) > 1 else None
                if first is None and chat and _text(chat[-1]) not in ("", "…"):
                    first = time.perf_counter() - t0
            final = job.result()
            row["total"] = time.perf_counter() - t0
            row["first"] = first if first is not None else row["total"]
            if not final or not final[1] or not _text(final[1][-1]):
                row["error"] = "empty answer"
        except Exception as e:  # noqa: BLE001
            row["error"] = f"{type(e).__name__}: {e}"
        with lock:
            results.append(row)


def _text(message) -> str:
    content = message.get("content") if isinstance(message, dict) else message
    if isinstance(content, list):
        return " ".join(c.get("text", "") for c in content if isinstance(c, dict))
    return str(content or "")


def run(url: str, auth: tuple[str, str], sessions: int, per_session: int, max_seconds: float,
        seed: int) -> dict:
    asks = questions(ROOT / "evals" / "questions.jsonl", sessions * per_session, seed)
    results: list[dict] = []
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        for k in range(sessions):
            pool.submit(session, url, auth, asks[k * per_session:(k + 1) * per_session],
                        deadline, results, lock)
    wall = time.perf_counter() - t0
    ok = [r for r in results if "error" not in r]
    return {
        "sessions": sessions, "questions_asked": len(results), "answered": len(ok),
        "errors": len(results) - len(ok), "wall_seconds": round(wall, 1),
        "answers_per_second": round(len(ok) / wall, 2) if wall else 0.0,
        "first_text_p50_s": round(percentile([r["first"] for r in ok], 50), 3),
        "first_text_p95_s": round(percentile([r["first"] for r in ok], 95), 3),
        "total_p50_s": round(percentile([r["total"] for r in ok], 50), 3),
        "total_p95_s": round(percentile([r["total"] for r in ok], 95), 3),
        "total_max_s": round(max((r["total"] for r in ok), default=float("nan")), 3),
        "mean_total_s": round(statistics.fmean([r["total"] for r in ok]), 3) if ok else None,
        "error_samples": sorted({r["error"] for r in results if "error" in r})[:5],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (127.0.0.1 only); default: start one")
    parser.add_argument("--user", default=os.environ.get("LOAD_TEST_USER"))
    parser.add_argument("--password", default=os.environ.get("LOAD_TEST_PASSWORD"))
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5, help="questions per session")
    parser.add_argument("--max-seconds", type=float, default=180,
                        help="stop asking new questions after this long")
    parser.add_argument("--seconds", type=float,
                        help="timed run: each session asks without pause for this long "
                             "(e.g. --sessions 20 --seconds 60)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.seconds:
        args.max_seconds, args.questions = args.seconds, 10_000
    if args.url:
        if urlparse(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
            parser.error("--url must point at 127.0.0.1 or localhost")
        if not (args.user and args.password):
            parser.error("--url needs --user and --password (or LOAD_TEST_USER/_PASSWORD)")
        report = run(args.url, (args.user, args.password), args.sessions, args.questions,
                     args.max_seconds, args.seed)
    else:
        with local_app(None) as (url, user, password):
            before = url.rss_mb()
            report = run(url, (user, password), args.sessions, args.questions,
                         args.max_seconds, args.seed)
            report["server_rss_mb"] = {"before": round(before, 1), "after": round(url.rss_mb(), 1)}
    print(json.dumps(report, indent=1))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
