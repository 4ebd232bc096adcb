import numpy as np


def test_onnx_vectors_match_sentence_transformers(embedder):
    from sentence_transformers import SentenceTransformer

    from assistant.embed import packaged_model_dir

    texts = ["why is NAS amber?", "This workstream remains at amber due to the national delays.",
             "word " * 400]
    reference = SentenceTransformer(str(packaged_model_dir()), device="cpu").encode(
        texts, normalize_embeddings=True)
    ours = embedder.embed(texts)
    assert ours.shape == (3, 384)
    assert np.allclose((ours * reference).sum(axis=1), 1.0, atol=1e-4)
