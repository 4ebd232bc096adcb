import numpy as np


def test_onnx_vectors_match_sentence_transformers(onnx_cache):
    from sentence_transformers import SentenceTransformer

    from assistant.index.embed import FULL, get_embedder, packaged_model_dir

    texts = ["why is NAS amber?", "This workstream remains at amber due to the national delays.",
             "word " * 400]
    reference = SentenceTransformer(str(packaged_model_dir()), device="cpu").encode(
        texts, normalize_embeddings=True)
    ours = get_embedder(FULL, onnx_cache).embed(texts)
    assert ours.shape == (3, 384)
    assert np.allclose((ours * reference).sum(axis=1), 1.0, atol=1e-4)


def test_the_default_int8_model_is_close_to_the_full_one_and_ranks_alike(embedder, onnx_cache):
    from assistant.index.embed import FULL, INT8, get_embedder

    assert embedder.name == INT8
    texts = ["why is NAS amber?", "This workstream remains at amber due to the national delays.",
             "Drop-in usage of 13 fire stations", "The weather in Chelmsford"]
    full, quantized = get_embedder(FULL, onnx_cache).embed(texts), embedder.embed(texts)
    assert (full * quantized).sum(axis=1).min() > 0.9
    assert np.argmax(quantized[1:] @ quantized[0]) == np.argmax(full[1:] @ full[0]) == 0
