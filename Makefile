# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run demo test lint bench check clean dist dist-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/python main.py $(ARGS)

demo: $(VENV)/.installed
	$(BIN)/python main.py --demo

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest
	# The storage and services tests again on encrypted practices (SQLCipher's driver; see tests/conftest.py).
	ACUCHART_TEST_ENCRYPTED=1 $(BIN)/python -m pytest -q tests/core

$(VENV)/.installed-dist: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e ".[test,dist]"
	touch $@

# The desktop bundle: dist/AcuChart/, one folder that runs without Python (PyInstaller; see the README).
dist: $(VENV)/.installed-dist
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/acuchart.spec

# Start the bundle just built, offscreen, on a demo practice, and print a handout with it.
dist-test: dist
	$(BIN)/python -m pytest -m bundle tests/bundle

bench: $(VENV)/.installed-test
	$(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
