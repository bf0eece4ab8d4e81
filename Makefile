# The two commands: `make papers` and `make test`. Python 3.11+ and make are enough.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: papers test lint lock check budget variables status bundle pdf preview bench clean

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

test: lint
	$(BIN)/python -m pytest

# The habits every change keeps: lint, one format, and no function above radon grade C.
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@above_c="$$($(BIN)/radon cc --min D --show-complexity pipeline scripts bench tests)"; \
	if [ -n "$$above_c" ]; then echo "radon: above grade C:"; echo "$$above_c"; exit 1; fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The versions in the lock files, checked against their hashes; then the project itself.
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(TEST_STAMP): pyproject.toml requirements-test.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP) $@

# New versions into the lock files (after a change to the dependencies in pyproject.toml):
# every platform and Python from 3.11, with the hash of every file.
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes -q
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(LOCK) --upgrade -o requirements.lock
	$(LOCK) --upgrade --extra test -o requirements-test.lock

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis bench/data
