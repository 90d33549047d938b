# Two commands: `make run` opens the app, `make test` runs the whole suite.
# Both create .venv on first use; nothing else needs installing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench eval-ingest screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/assistant

test: $(VENV)/.installed-test
	$(BIN)/ruff check assistant tests bench
	$(BIN)/mypy
	$(BIN)/pytest -n 2 -q --durations=15

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

eval-ingest: $(VENV)/.installed-test
	$(BIN)/python -m assistant.ingest.evaluation -v

# The README's picture of an exported brief, made with the app's own export (needs soffice
# and pdftoppm: apt-get install libreoffice-writer poppler-utils).
screenshots: $(VENV)/.installed
	sh docs/screenshots.sh $(BIN)/assistant

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
