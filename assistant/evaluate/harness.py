"""Run a question set through an answerer and score it (the report: `report.py`).

Scores per question: retrieval evidence hit@k and reciprocal rank, facts found, citation
precision (each cited quote shares most content words with the sentence it is attached to),
citation recall (answer sentences carrying a marker), verbatim quotes, abstention. A question
"passes" when an answerable one is answered with its facts and verbatim quotes and nothing it
must not contain, or an unanswerable one is abstained on. `--save` stores the passes so the
next run can list what regressed, question by question (`diff_runs`).
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

from assistant.contract import markers
from assistant.ingest.terms import terms
from assistant.settings import ROOT

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
                 "error": answer.error, "confidence": answer.confidence}  # kept so a run can be recalibrated
    body = norm(answer.answer.replace("**", ""))  # facts are read as the answer shows: "grade **C**" says "grade C"
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
