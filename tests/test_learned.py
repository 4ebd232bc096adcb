"""The learned answer decision: features, training, saved models and the learned backend."""

import numpy as np

from assistant.backends.learned import LearnedAnswerer
from assistant.evaluate import load_questions
from assistant.features import FEATURES, Featurizer
from assistant.rank import Models
from assistant.settings import ROOT
from assistant.train import examples, fit, positive


def test_every_candidate_gets_one_row_of_every_feature(assistant):
    query, hits, _, _ = assistant.prepare("why is NAS amber?")
    cands = Featurizer(assistant.index).build(query, hits)
    assert cands.X.shape == (len(cands.spans), len(FEATURES)) and len(cands.spans) > 10
    assert np.isfinite(cands.X).all()
    assert cands.asks["reason"] and cands.asks["rating"] and not cands.asks["money"]


def test_a_span_is_a_positive_when_it_holds_an_evidence_phrase(assistant):
    item = {"evidence": [{"document": "2022-annual-collaboration-update.txt",
                          "quote_contains": "remains at amber due to the national delays"}]}
    spans = assistant.index.spans
    hits = [s for s in spans if positive(item, s)]
    assert [s["text"] for s in hits] == ["This workstream remains at amber due to the national delays."]


def test_models_trained_on_some_questions_rank_evidence_first_and_round_trip(assistant, tmp_path):
    items = load_questions(ROOT / "evals" / "questions.jsonl")[::4]
    data = examples(assistant, Featurizer(assistant.index), items)
    models = fit(data)
    assert 0.0 <= models.answer_at <= 1.0 and models.hedge_at <= models.answer_at
    right = sum(bool(e.labels[np.argmax(models.score(e.cands))]) for e in data if e.labels.any())
    assert right / sum(e.labels.any() for e in data) > 0.8  # in sample: it learns the labels
    models.save(tmp_path)
    again = Models.load(tmp_path)
    e = data[0]
    assert np.allclose(again.score(e.cands), models.score(e.cands))


def test_learned_backend_answers_with_confidence_and_abstains_off_topic(assistant):
    backend = LearnedAnswerer(assistant.index)
    query, hits, _, _ = assistant.prepare("why is NAS amber?")
    a = backend.answer(query, hits)
    assert not a.abstained and 0.5 <= a.confidence <= 1.0
    assert any("due to the national delays" in c.quote for c in a.citations)
    query, hits, _, _ = assistant.prepare("How many drones does Essex Police operate?")
    off = backend.answer(query, hits)
    assert off.abstained and off.confidence < backend.models.answer_at
