"""Shared fixtures: a real index of the real corpus, built once per test session in tmp."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.settings import ROOT, Settings

CORPUS = ROOT / "corpus"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory) -> Path:
    """The exported ONNX models for the whole session (reuses the repo's if already built)."""
    cache = tmp_path_factory.mktemp("onnx")
    for built in (ROOT / "index").glob("*.onnx"):
        shutil.copy(built, cache / built.name)
    return cache


@pytest.fixture(scope="session")
def embedder(onnx_cache):
    from assistant.index.embed import get_embedder
    from assistant.settings import Settings

    return get_embedder(Settings.from_env(env={}).embedding_model, onnx_cache)


def make_settings(tmp: Path, corpus: Path = CORPUS, **kw) -> Settings:
    return Settings.from_env(env={}, corpus_dir=corpus, index_dir=tmp / "index",
                             data_dir=tmp / "var", **kw)


def corpus_copy(tmp: Path, *extra: str) -> tuple[Path, Settings]:
    """A private copy of the real corpus (plus files from tests/data) and settings for it."""
    corpus = tmp / "corpus"
    shutil.copytree(CORPUS, corpus)
    for name in extra:
        shutil.copy(DATA / name, corpus / name)
    return corpus, make_settings(tmp, corpus)


@pytest.fixture(scope="session")
def settings(tmp_path_factory, embedder, onnx_cache) -> Settings:
    """Settings for the session's index, with the exported models already in it: an Assistant
    built from these settings alone (the eval gate's) does not export them again."""
    built = make_settings(tmp_path_factory.mktemp("assistant"))
    built.index_dir.mkdir(parents=True, exist_ok=True)
    for model in onnx_cache.glob("*.onnx"):
        shutil.copy(model, built.index_dir / model.name)
    return built


@pytest.fixture(scope="session")
def assistant(settings, embedder):
    from assistant.index.build import ingest
    from assistant.pipeline import Assistant

    ingest(None, settings, embedder, progress=False)
    return Assistant(settings, embedder=embedder)
