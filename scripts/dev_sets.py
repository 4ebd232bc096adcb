"""The development measure: every spent blind set, scored again with the code as it is now.

A blind set is spent once its single scoring is saved (`evals/runs/blind-*-NAME/`); from then on
it measures changes, never trains (it stays in `train.BLIND`). Seed-report sets are answered
from the app's index; unseen-paper sets from a scratch index of their papers beside the corpus
(DOCX, and PDF with --pdf). Prints pass / facts / false abstention / abstention per set and in
all; --out saves each question's result, --compare lists the questions whose result changed
since a saved file. Unscored blind sets are never touched.

    python scripts/dev_sets.py --out /tmp/before.json
    python scripts/dev_sets.py --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.evaluate.documents import evaluate_new_documents  # noqa: E402
from assistant.evaluate.harness import diff_runs, load_questions, run, summarise  # noqa: E402
from assistant.evaluate.train import BLIND, EVALS  # noqa: E402
from assistant.ingest.documents import discover, load_document  # noqa: E402
from assistant.pipeline import Assistant  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def spent() -> list[str]:
    """Blind sets whose one scoring is saved, in the order they were written."""
    scored = {re.sub(r"^nd(?=\d)", "new_documents", p.name.rsplit("-", 1)[-1])  # early runs say "nd5"
              for p in (EVALS / "runs").glob("blind-*")}
    order = [re.fullmatch(r"(\D+)(\d*)", n).groups() for n in BLIND if n in scored]  # type: ignore[union-attr]
    return [f"{kind}{number}" for kind, number in sorted(order, key=lambda kn: (kn[0], int(kn[1] or 0)))]


def line(name: str, rows: list[dict]) -> str:
    o = summarise(rows)["overall"]
    return (f"{name:22s} n {o['n']:4d}  pass {o['pass']:5.1f}  facts {o['facts']}  "
            f"false abstention {o['false_abstention']}  abstention {o['abstention']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pdf", action="store_true", help="also score the unseen papers as PDF")
    ap.add_argument("--out", type=Path, help="save each question's result (JSON: id -> passed)")
    ap.add_argument("--compare", type=Path, help="list the questions whose result changed since this saved file")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    app = Assistant(settings)
    corpus = {p.name: load_document(p).text for p in discover([settings.corpus_dir])}
    formats = ("docx", "pdf") if args.pdf else ("docx",)
    totals: dict[str, list[dict]] = {}
    for name in spent():
        questions = load_questions(EVALS / name / "questions.jsonl")
        if name.startswith("new_documents"):  # category "new_documents (docx)": one total per format
            rows = evaluate_new_documents(settings, questions, EVALS / name, formats)
        else:
            rows = [{**r, "category": "seed reports"} for r in run(app, questions, corpus)]
        for r in rows:  # ids repeat across sets ("date-003"): saved and compared under the set's name
            totals.setdefault(r["category"], []).append({**r, "id": f"{name}/{r['id']}"})
        print(line(name, rows), flush=True)
    rows = [r for kind_rows in totals.values() for r in kind_rows]
    for kind, kind_rows in totals.items():
        print(line(f"ALL {kind}", kind_rows))
    if args.compare:
        lost, won = diff_runs(rows, json.loads(args.compare.read_text()))
        print("lost:", " ".join(lost) or "none")
        print("won:", " ".join(won) or "none")
    if args.out:
        args.out.write_text(json.dumps({r["id"]: r["passed"] for r in rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
