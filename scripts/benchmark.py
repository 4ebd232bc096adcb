"""Speed figures, ours beside the naive LangChain baseline, measured in the same run.

Prints: cold `assistant ask` wall time (a fresh process, index built), warm answer latency
p50/p95 over the eval questions, ingest time and index size.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.evaluate.harness import load_questions  # noqa: E402
from assistant.index.embed import FULL, get_embedder  # noqa: E402
from assistant.settings import Settings  # noqa: E402

BASELINE_COLD = """
import time, sys; t = time.perf_counter()
from assistant.evaluate.baseline import NaiveRAG
from assistant.index.embed import get_embedder
from assistant.settings import Settings
s = Settings.from_env()
NaiveRAG(s, get_embedder("all-MiniLM-L6-v2", s.index_dir)).ask("why is NAS amber?")
print(time.perf_counter() - t)
"""


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    from assistant.evaluate.baseline import NaiveRAG
    from assistant.index.build import ingest
    from assistant.index.generations import current
    from assistant.pipeline import Assistant

    settings = Settings.from_env()
    Assistant(settings, progress=False)  # make sure index/ (and the ONNX export) exist
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    cold = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([str(ROOT / ".venv/bin/assistant"), "ask", "--json", "why is NAS amber?"],
                       env=env, capture_output=True, check=True)
        cold.append(time.perf_counter() - t)
    base_cold = [float(subprocess.run([sys.executable, "-c", BASELINE_COLD], env=env, cwd=ROOT,
                                      capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
                 for _ in range(3)]

    with tempfile.TemporaryDirectory() as tmp:
        fresh = settings.replace(index_dir=Path(tmp) / "index")
        (fresh.index_dir).mkdir(parents=True)
        for onnx in settings.index_dir.glob("*.onnx"):
            shutil.copy(onnx, fresh.index_dir)
        t = time.perf_counter()
        report = ingest(None, fresh, progress=False)
        ingest_s = time.perf_counter() - t
        t = time.perf_counter()
        again = ingest(None, fresh, progress=False)
        reingest_s = time.perf_counter() - t
        live = current(fresh.index_dir)
        index_bytes = size(live / "chroma") + (live / "manifest.json").stat().st_size

    assistant = Assistant(settings, progress=False)
    questions = load_questions()
    warm = []
    for item in questions:
        t = time.perf_counter()
        assistant.ask(item["question"], item.get("history") or None)
        warm.append((time.perf_counter() - t) * 1000)
    baseline = NaiveRAG(settings, get_embedder(FULL, settings.index_dir))  # the model as shipped
    base_warm = []
    for item in questions:
        t = time.perf_counter()
        baseline.ask(item["question"])
        base_warm.append((time.perf_counter() - t) * 1000)

    print(f"{'measure':38} {'ours':>12} {'baseline':>12}")
    print(f"{'cold ask, fresh process (s, median of 3)':38} {statistics.median(cold):12.2f} {statistics.median(base_cold):12.2f}")
    print(f"{f'warm answer p50 (ms, {len(questions)} questions)':38} {pct(warm, .5):12.1f} {pct(base_warm, .5):12.1f}")
    print(f"{'warm answer p95 (ms)':38} {pct(warm, .95):12.1f} {pct(base_warm, .95):12.1f}")
    print(f"{'ingest corpus, fresh index (s)':38} {ingest_s:12.2f} {baseline.ingest_seconds:12.2f}")
    print(f"{'re-ingest unchanged (s / chunks written)':38} {reingest_s:8.2f} / {again.chunks_written:<3}{'n/a':>10}")
    print(f"{'index size (MB, excl. 87 MB ONNX model)':38} {index_bytes / 2**20:12.2f} {'in memory':>12}")
    print(f"{'chunks':38} {report.chunks_written:12d} {baseline.chunk_count:12d}")


if __name__ == "__main__":
    main()
