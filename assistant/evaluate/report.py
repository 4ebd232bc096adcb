"""`assistant eval`: a question set answered by ours and the naive baseline, as a Markdown
report with a chart; `--save` records which questions passed, for the regression gate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.evaluate.harness import (
    LAST_RUN,
    QUESTIONS,
    baseline_retrieval,
    diff_runs,
    guard_effect,
    load_questions,
    our_retrieval,
    run,
    summarise,
)
from assistant.settings import ROOT, Settings

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
             save: bool = False, new_documents: Path | None = None) -> dict:
    from assistant.ingest.documents import discover, load_document
    from assistant.pipeline import Assistant

    assistant = Assistant(settings)
    texts = {p.name: load_document(p).text for p in discover([settings.corpus_dir])}
    rows = run(assistant, questions, texts, our_retrieval(assistant))
    if new_documents:  # a folder of reports never tuned on, rendered as PDF and DOCX beside the corpus
        from assistant.evaluate.documents import evaluate_new_documents

        rows += evaluate_new_documents(settings, load_questions(new_documents / "questions.jsonl"), new_documents)
    ours = summarise(rows)
    base_rows, base = None, None
    if baseline:
        from assistant.evaluate.baseline import NaiveRAG
        from assistant.index.embed import FULL, get_embedder

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
                      new_documents=Path(args.new_documents) if args.new_documents else None)
    print((out / "report.md").read_text(), file=sys.stdout)
    print(f"report: {out / 'report.md'}", file=sys.stderr)
    return 0 if not result["regressed"] else 1
