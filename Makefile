# The everyday commands. `make test` is the README's test command.
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install test lint format bench screenshot report

install:
	python3 -m venv $(VENV) && $(BIN)/pip install -q -e '.[test]'

test: install
	$(BIN)/python scripts/chromium.py
	$(BIN)/pytest

lint:
	$(BIN)/ruff check reconcile tests scripts
	$(BIN)/ruff format --check reconcile tests scripts
	$(BIN)/mypy

format:
	$(BIN)/ruff format reconcile tests scripts
	$(BIN)/ruff check --fix reconcile tests scripts

bench:
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_report.py

screenshot:
	$(BIN)/python scripts/screenshot.py

report:
	$(BIN)/reconcile report
