"""How the costs grow with the corpus: synthetic corpora of N reports, ours beside the naive
LangChain pipeline (RecursiveCharacterTextSplitter 1000/150 + the same MiniLM + Chroma) in the
same run.

Each synthetic report is a seed report with its figures, years and place names altered, so the
layout is real and no two reports say the same thing. Per size it prints: ingest KB/s (ours and
naive), index size, index load time, start-up time (load plus the answerer's structures),
warm answer p50/p95 over the eval questions; and writes
`scale.png` (the figures against corpus size) beside `scale.json`.

    .venv/bin/python scripts/scale_bench.py --sizes 2 10 30 --out evals/scale
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.evaluate.harness import load_questions  # noqa: E402
from assistant.settings import Settings  # noqa: E402

PLACES = ["Kent", "Suffolk", "Norfolk", "Surrey", "Sussex", "Herts", "Cambs", "Beds", "Hampshire"]


def synthetic(seed_texts: list[str], k: int) -> str:
    """Report k: a seed report with numbers scaled, years shifted and the partner force renamed."""
    rng = random.Random(k)
    text = seed_texts[k % len(seed_texts)]
    shift = k % 7

    def number(m: re.Match) -> str:
        value = m.group(0)
        if re.fullmatch(r"20[0-4]\d", value):
            return str(int(value) + shift)
        return str(max(1, int(int(value) * rng.uniform(0.5, 1.5))))

    text = re.sub(r"(?<![\d.])\d{2,4}(?![\d.])", number, text)
    return text.replace("Kent", PLACES[k % len(PLACES)])


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def measure(n: int, seeds: list[str], questions: list[dict], work: Path, naive: bool) -> dict:
    from assistant.evaluate.baseline import NaiveRAG
    from assistant.index.build import ingest, load
    from assistant.index.embed import FULL, get_embedder
    from assistant.pipeline import Assistant

    corpus = work / f"corpus-{n}"
    corpus.mkdir(parents=True)
    for k in range(n):
        (corpus / f"report-{k:04d}.txt").write_text(synthetic(seeds, k), encoding="utf-8")
    kb = sum(p.stat().st_size for p in corpus.iterdir()) / 1024
    settings = Settings.from_env(env={}, corpus_dir=corpus, index_dir=work / f"index-{n}",
                                 data_dir=work / f"var-{n}")
    settings.index_dir.mkdir(parents=True)
    for onnx in (ROOT / "index").glob("*.onnx"):
        shutil.copy(onnx, settings.index_dir / onnx.name)
    embedder = get_embedder(settings.embedding_model, settings.index_dir)
    t = time.perf_counter()
    ingest(None, settings, embedder, progress=False)
    ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    load(settings, embedder)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    assistant = Assistant(settings, ensure_index=False, embedder=embedder)
    startup_s = time.perf_counter() - t  # index load again, plus the answerer, BM25 and register
    for item in questions[:5]:
        assistant.ask(item["question"])  # warm caches
    latencies = []
    for item in questions:
        t = time.perf_counter()
        assistant.ask(item["question"], item.get("history") or None)
        latencies.append((time.perf_counter() - t) * 1000)
    row = {"reports": n, "kb": round(kb), "ingest_s": round(ingest_s, 1),
           "ingest_kb_s": round(kb / ingest_s, 1), "load_s": round(load_s, 2), "startup_s": round(startup_s, 2),
           "index_mb": round(sum(p.stat().st_size for p in settings.index_dir.rglob("*")
                                 if p.is_file()) / 2**20, 1),
           "p50_ms": round(statistics.median(latencies), 1),
           "p95_ms": round(percentile(latencies, 0.95), 1)}
    print("ours:", json.dumps(row), flush=True)  # before the naive pipeline, which may fail at size
    if naive:
        t = time.perf_counter()
        NaiveRAG(settings, get_embedder(FULL, settings.index_dir))  # the model as shipped
        naive_s = time.perf_counter() - t
        row.update(naive_ingest_s=round(naive_s, 1), naive_ingest_kb_s=round(kb / naive_s, 1))
    return row


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["reports"] for r in rows]
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(13, 4))
    a.plot(n, [r["p50_ms"] for r in rows], "o-", label="p50")
    a.plot(n, [r["p95_ms"] for r in rows], "o--", label="p95")
    a.set_ylabel("warm answer (ms)")
    a.set_ylim(bottom=0)
    b.plot(n, [r["load_s"] for r in rows], "s-", label="index load")
    if all("startup_s" in r for r in rows):
        b.plot(n, [r["startup_s"] for r in rows], "o--", label="start-up (load + answerer)")
    b.set_ylabel("seconds")
    b.legend()
    c.plot(n, [r["ingest_kb_s"] for r in rows], "o-", label="ours")
    if all("naive_ingest_kb_s" in r for r in rows):
        c.plot(n, [r["naive_ingest_kb_s"] for r in rows], "o--", label="naive LangChain")
    c.set_ylabel("ingest KB/s")
    c.set_ylim(bottom=0)
    for ax in (a, b, c):
        ax.set_xlabel("reports in the corpus")
        ax.set_xscale("log")
    a.legend()
    c.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 10, 30])
    parser.add_argument("--questions", type=int, default=60, help="eval questions timed per size")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive pipeline")
    parser.add_argument("--out", default=str(ROOT / "evals" / "scale"))
    parser.add_argument("--replot", action="store_true", help="redraw the plot from scale.json")
    args = parser.parse_args()
    if args.replot:
        plot(json.loads((Path(args.out) / "scale.json").read_text()), Path(args.out) / "scale.png")
        return
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    questions = [q for q in load_questions() if not q.get("history")][: args.questions]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        for n in args.sizes:
            rows.append(measure(n, seeds, questions, Path(tmp), not args.no_naive))
            print(json.dumps(rows[-1]), flush=True)
    (out / "scale.json").write_text(json.dumps(rows, indent=1) + "\n")
    plot(rows, out / "scale.png")
    print(f"wrote {out / 'scale.json'} and {out / 'scale.png'}")


if __name__ == "__main__":
    main()
