"""Run a question set through an answerer, score it, and report beside the naive baseline.

Scores per question: retrieval evidence hit@k and reciprocal rank, facts found, citation
precision (each cited quote shares most content words with the sentence it is attached to),
citation recall (answer sentences carrying a marker), verbatim quotes, abstention. A question
"passes" when an answerable one is answered with its facts and verbatim quotes and nothing it
must not contain, or an unanswerable one is abstained on. `--save` stores the passes so the
next run can list what regressed, question by question.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from .answer import markers
from .settings import ROOT, Settings
from .terms import terms

QUESTIONS = ROOT / "evals" / "questions.jsonl"
LAST_RUN = ROOT / "evals" / "last_run.json"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evidence_match(item: dict, document: str, section: str, text: str) -> bool:
    return any(ev["document"] == document and norm(ev["quote_contains"]) in norm(text)
               for ev in item.get("evidence", []))


def score(item: dict, answer, texts: dict[str, str], hits: list[dict] | None) -> dict:
    """Every metric for one question and one answer."""
    out: dict = {"id": item["id"], "category": item["category"], "answerable": item["answerable"],
                 "abstained": answer.abstained, "latency_ms": answer.timings_ms.get("total", 0.0),
                 "error": answer.error}
    body = norm(answer.answer)
    verbatim = [norm(c.quote) in norm(texts.get(c.document, "")) and
                norm(c.quote) == norm(texts.get(c.document, "")[c.start:c.end]) for c in answer.citations]
    out["verbatim"] = all(verbatim) if verbatim else True
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n+", answer.answer) if len(terms(s)) >= 3]
    cited = [s for s in sentences if markers(s)]
    out["citation_recall"] = len(cited) / len(sentences) if sentences else 1.0
    by_n = {c.n: c for c in answer.citations}
    supported = 0
    for s in cited:
        words = set(terms(re.sub(r"\[\d+\]|\*\*|[-–:]", " ", s)))
        quote_words = set().union(*(terms(by_n[n].quote) for n in markers(s) if n in by_n))
        supported += bool(words) and len(words & quote_words) / len(words) >= 0.6
    out["citation_precision"] = supported / len(cited) if cited else 1.0
    forbidden = [w for w in item.get("must_not_contain", []) if norm(w) in body]
    out["forbidden"] = forbidden
    if item["answerable"]:
        groups = item.get("facts", [])
        found = [any(norm(alt) in body for alt in group) for group in groups]
        out["facts"] = all(found) if found else True
        out["evidence_cited"] = any(evidence_match(item, c.document, c.section, c.quote)
                                    for c in answer.citations) if item.get("evidence") else True
        out["passed"] = (not answer.abstained and out["facts"] and out["verbatim"] and not forbidden)
    else:
        out["passed"] = answer.abstained and not forbidden and out["verbatim"]
    if hits is not None and item.get("evidence"):
        ranks = [r for r, h in enumerate(hits) if evidence_match(item, h["document"], h["section"], h["text"])]
        out["hit@k"] = bool(ranks)
        out["rr"] = 1.0 / (ranks[0] + 1) if ranks else 0.0
    return out


def summarise(rows: list[dict]) -> dict:
    """Overall and per-category rates (percentages) and latency percentiles."""
    def rates(group: list[dict]) -> dict:
        ans = [r for r in group if r["answerable"]]
        un = [r for r in group if not r["answerable"]]
        ret = [r for r in group if "hit@k" in r]
        lat = sorted(r["latency_ms"] for r in group) or [0.0]
        def pct(xs: list) -> float | None:
            return round(100.0 * sum(xs) / len(xs), 1) if xs else None

        return {
            "n": len(group), "pass": pct([r["passed"] for r in group]),
            "facts": pct([r["facts"] for r in ans]),
            "evidence_cited": pct([r["evidence_cited"] for r in ans]),
            "citation_precision": pct([r["citation_precision"] for r in group if not r["abstained"]]),
            "citation_recall": pct([r["citation_recall"] for r in group if not r["abstained"]]),
            "verbatim": pct([r["verbatim"] for r in group]),
            "abstention": pct([r["abstained"] for r in un]),
            "false_abstention": pct([r["abstained"] for r in ans]),
            "hit@k": pct([r["hit@k"] for r in ret]),
            "mrr": round(statistics.mean(r["rr"] for r in ret), 3) if ret else None,
            "p50_ms": round(statistics.median(lat), 2),
            "p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 2),
        }
    by_cat = defaultdict(list)
    for r in rows:
        by_cat[r["category"]].append(r)
    return {"overall": rates(rows), "categories": {c: rates(g) for c, g in sorted(by_cat.items())}}


def run(answerer, questions: list[dict], texts: dict[str, str], retrieval=None) -> list[dict]:
    """Answer every question (with its history) and score it."""
    rows = []
    for item in questions:
        answer = answerer.ask(item["question"], item.get("history") or None, id=item["id"])
        hits = retrieval(item) if retrieval else None
        rows.append({**score(item, answer, texts, hits), "backend": answer.backend,
                     "guard": getattr(answer, "guard", None)})
    return rows


def guard_effect(rows: list[dict]) -> dict | None:
    """For an LLM backend: how many answers the model's text made, what the guard dropped and
    why the extractive answer stood instead (None for backends without a guard)."""
    guarded = [r for r in rows if r.get("guard")]
    if not guarded:
        return None
    reasons = defaultdict(int)
    for r in guarded:
        if r["guard"]["fallback"]:
            reasons[r["guard"]["fallback"]] += 1
    dropped = defaultdict(int)
    for r in guarded:
        for d in r["guard"]["dropped"]:
            dropped[d["reason"].split(",")[0] if d["reason"].startswith("states") else d["reason"]] += 1
    return {"questions": len(guarded), "llm_answers": sum(not r["guard"]["fallback"] for r in guarded),
            "sentences_checked": sum(r["guard"]["sentences"] for r in guarded),
            "sentences_kept": sum(r["guard"]["kept"] for r in guarded),
            "dropped_by_reason": dict(sorted(dropped.items(), key=lambda x: -x[1])[:8]),
            "fallbacks": dict(reasons)}


def our_retrieval(assistant):
    def hits(item: dict) -> list[dict]:
        try:
            _, found, _, _ = assistant.prepare(item["question"], item.get("history") or None)
        except ValueError:
            return []
        return [{"document": h.chunk["document"], "section": h.chunk["section"],
                 "text": h.chunk["body"]} for h in found]
    return hits


def baseline_retrieval(baseline):
    def hits(item: dict) -> list[dict]:
        return [{"document": d.metadata["document"], "section": "", "text": d.page_content}
                for d in baseline.search(item["question"])]
    return hits


def diff_runs(rows: list[dict], last: dict[str, bool]) -> tuple[list[str], list[str]]:
    """(regressed, improved) question ids against a saved run."""
    now = {r["id"]: r["passed"] for r in rows}
    regressed = sorted(i for i, ok in last.items() if ok and now.get(i) is False)
    improved = sorted(i for i, ok in last.items() if not ok and now.get(i))
    return regressed, improved


METRICS = ["pass", "facts", "evidence_cited", "citation_precision", "citation_recall", "verbatim",
           "abstention", "false_abstention", "hit@k", "mrr", "p50_ms", "p95_ms"]


def markdown(ours: dict, base: dict | None, regressed: list[str], improved: list[str], name: str) -> str:
    def cell(v):
        return "–" if v is None else str(v)
    lines = [f"# Eval report ({name})", "", "Percentages; latency in ms. `ours / baseline`.", "",
             "| category | n | " + " | ".join(METRICS) + " |",
             "|---|---|" + "---|" * len(METRICS)]
    cats = ["overall", *ours["categories"]]
    for cat in cats:
        o = ours["overall"] if cat == "overall" else ours["categories"][cat]
        b = (base["overall"] if cat == "overall" else base["categories"].get(cat, {})) if base else {}
        vals = [f"{cell(o.get(m))} / {cell(b.get(m))}" if base else cell(o.get(m)) for m in METRICS]
        lines.append(f"| {cat} | {o['n']} | " + " | ".join(vals) + " |")
    lines += ["", "![pass rate by category](chart.png)", "",
              f"Regressed since the saved run ({len(regressed)}): {', '.join(regressed) or 'none'}",
              "", f"Improved since the saved run ({len(improved)}): {', '.join(improved) or 'none'}", ""]
    return "\n".join(lines)


def chart(ours: dict, base: dict | None, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = list(ours["categories"])
    x = range(len(cats))
    fig, ax = plt.subplots(figsize=(11, 4.5))
    ax.bar([i - 0.2 for i in x], [ours["categories"][c]["pass"] or 0 for c in cats], 0.4, label="ours")
    if base:
        ax.bar([i + 0.2 for i in x], [base["categories"].get(c, {}).get("pass") or 0 for c in cats], 0.4,
               label="naive LangChain RAG")
    ax.set_xticks(list(x), cats, rotation=30, ha="right")
    ax.set_ylabel("questions passed (%)")
    ax.set_ylim(0, 100)
    ax.set_title("Eval pass rate by category")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2, frameon=False)  # off the bars
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def evaluate(settings: Settings, questions: list[dict], baseline: bool = True, out: Path | None = None,
             save: bool = False, new_documents: bool = False) -> dict:
    from .documents import discover, load_document
    from .pipeline import Assistant

    assistant = Assistant(settings)
    texts = {p.name: load_document(p).text for p in discover([settings.corpus_dir])}
    rows = run(assistant, questions, texts, our_retrieval(assistant))
    if new_documents:  # reports never tuned on, rendered as PDF and DOCX beside the corpus
        from .evaluate_documents import FOLDER, evaluate_new_documents

        rows += evaluate_new_documents(settings, load_questions(FOLDER / "questions.jsonl"))
    ours = summarise(rows)
    base_rows, base = None, None
    if baseline:
        from .baseline import NaiveRAG
        from .embed import FULL, get_embedder

        naive = NaiveRAG(settings, get_embedder(FULL, settings.index_dir))  # the model as shipped
        base_rows = run(naive, questions, texts, baseline_retrieval(naive))
        base = summarise(base_rows)
    last = json.loads(LAST_RUN.read_text()) if LAST_RUN.exists() else {}
    if last.get("backend", "extractive") != settings.backend:
        last = {}  # a saved run is only comparable with the same answerer
    regressed, improved = diff_runs(rows, last.get("passed", {}))
    guard = guard_effect(rows)
    result = {"backend": settings.backend, "ours": ours, "baseline": base, "rows": rows,
              "baseline_rows": base_rows, "regressed": regressed, "improved": improved, "guard": guard}
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps(result, indent=1))
        chart(ours, base, out / "chart.png")
        report = markdown(ours, base, regressed, improved, settings.backend)
        if guard:
            report += "\n## The guard on the LLM's sentences\n\n```json\n" + json.dumps(guard, indent=1) + "\n```\n"
        (out / "report.md").write_text(report)
    if save:
        LAST_RUN.write_text(json.dumps({"backend": settings.backend, "summary": ours["overall"],
                                        "passed": {r["id"]: r["passed"] for r in rows}}, indent=1) + "\n")
    return result


def main(args) -> int:
    settings = Settings.from_env(backend="llama-cpp" if args.llm else args.backend)
    questions = load_questions(Path(args.questions) if args.questions else QUESTIONS)
    out = Path(args.out) if args.out else ROOT / "evals" / "runs" / "latest"
    result = evaluate(settings, questions, baseline=not args.no_baseline, out=out, save=args.save,
                      new_documents=args.new_documents)
    print((out / "report.md").read_text(), file=sys.stdout)
    print(f"report: {out / 'report.md'}", file=sys.stderr)
    return 0 if not result["regressed"] else 1
