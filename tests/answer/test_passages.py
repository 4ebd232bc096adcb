"""The fine-tuned question-to-passage encoder and its span scores (fine-tuning itself is run
by the training test in test_decision.py)."""

from types import SimpleNamespace

import numpy as np

from assistant.answer import passages


def test_a_candidate_is_read_as_its_heading_then_its_text_cut_to_a_limit():
    assert passages.passage_text("5.3.2 NAS", "Remains amber.") == "5.3.2 NAS: Remains amber."
    assert len(passages.passage_text("S", "x" * 2000)) == passages.MAX_CHARS


def test_the_committed_pairs_are_questions_with_their_evidence_and_wrong_passages():
    pairs = passages.read_pairs()
    assert len(pairs) > 1000
    assert all(len(p) >= 2 and all(p) and p[1] not in p[2:] for p in pairs)


def test_span_vectors_are_kept_beside_the_index_and_only_new_spans_embedded(assistant, monkeypatch):
    first = passages.PassageScores(assistant.index)
    cached = list(assistant.settings.index_dir.glob("passages-*.npz"))
    assert len(cached) == 1 and first.vectors.shape == (len(assistant.index.spans), 384)
    embedded = []
    real = first.model.embed
    monkeypatch.setattr(first.model, "embed", lambda texts: embedded.append(len(texts)) or real(texts))
    again = passages.PassageScores(assistant.index, first.model)
    assert np.array_equal(first.vectors, again.vectors) and embedded == []
    grown = SimpleNamespace(spans=[*assistant.index.spans, {"section": "New", "text": "A span never seen."}],
                            settings=assistant.settings)
    assert passages.PassageScores(grown, first.model).vectors.shape[0] == len(grown.spans) and embedded == [1]
    assert abs(float(np.linalg.norm(again.question("why is NAS amber?"))) - 1.0) < 1e-4


def test_the_encoder_puts_a_questions_evidence_above_a_passage_on_another_topic(assistant):
    scores = passages.PassageScores(assistant.index)
    spans = assistant.index.spans
    reason = next(i for i, s in enumerate(spans) if "remains at amber due to the national delays" in s["text"])
    other = next(i for i, s in enumerate(spans) if "drop-in" in s["text"].lower())
    asked = scores.question("why is the national ANPR service still amber?")
    assert scores.vectors[reason] @ asked > scores.vectors[other] @ asked + 0.1


def test_without_an_encoder_every_cosine_is_zero(assistant):
    none = passages.NoPassageScores(assistant.index)
    assert not none.vectors.any() and not none.question("anything").any()


def test_a_training_cache_reuses_an_encoder_fine_tuned_on_the_same_pairs(tmp_path, monkeypatch):
    trained = []

    def fake_train(pairs, target):  # plumbing only: the real fine-tune runs in the training test
        trained.append(pairs)
        target.write_bytes(repr(pairs).encode())
        return target

    monkeypatch.setattr(passages, "_train", fake_train)
    pairs = [("why is NAS amber?", "5.3.2 NAS: delays", None)]
    cache = tmp_path / "cache"
    first = passages.finetune(pairs, tmp_path / "a.onnx", cache)
    again = passages.finetune(pairs, tmp_path / "b.onnx", cache)
    assert len(trained) == 1 and again.read_bytes() == first.read_bytes()
    passages.finetune(pairs + [("who chairs it?", "ACC Pavelin", None)], tmp_path / "c.onnx", cache)
    assert len(trained) == 2 and len(list(cache.glob("encoder-*.onnx"))) == 2
    passages.finetune(pairs, tmp_path / "d.onnx")  # no cache: always trained
    assert len(trained) == 3
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "version", lambda name: "9.9")  # a newer base model
    passages.finetune(pairs, tmp_path / "e.onnx", cache)
    assert len(trained) == 4
