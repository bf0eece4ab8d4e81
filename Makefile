# The two commands: `make papers` and `make test`. Python 3.11+ and make are enough.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: papers test check budget variables status bundle pdf preview bench clean

papers: $(STAMP)
	$(BIN)/papers build

check: $(STAMP)
	$(BIN)/papers check

budget: $(STAMP)
	$(BIN)/papers budget

variables: $(STAMP)
	$(BIN)/papers variables

status: $(STAMP)
	$(BIN)/papers status

bundle: $(STAMP)
	$(BIN)/papers bundle

pdf: $(STAMP)
	$(BIN)/papers build --pdf

preview: pdf
	$(BIN)/python scripts/preview.py out

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis bench/data
