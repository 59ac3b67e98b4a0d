# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run demo test lint bench check clean dist dist-test translations messages

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

# Translations (see the README): the catalogues' sources, resources/locale/*/LC_MESSAGES/acuchart.po, are
# committed; `make` compiles each into its .mo for run, test and dist. `make messages` extracts the marked
# strings into acuchart.pot and merges them into every catalogue, for a translator to fill in.
PO := $(wildcard resources/locale/*/LC_MESSAGES/acuchart.po)
MO := $(PO:.po=.mo)
POT := resources/locale/acuchart.pot
BABEL_KEYWORDS := -k accessible:2

translations: $(MO)

%.mo: %.po $(VENV)/.installed
	$(BIN)/python -m tools.catalogues $< $@

messages: $(VENV)/.installed
	$(BIN)/pybabel -q extract -F babel.cfg $(BABEL_KEYWORDS) --add-location=file --sort-by-file --width=110 \
		--project=AcuChart --copyright-holder="AcuChart" -o $(POT) .
	$(BIN)/pybabel -q update -i $(POT) -d resources/locale -D acuchart --width=110 --ignore-obsolete

run: $(VENV)/.installed translations
	$(BIN)/python main.py $(ARGS)

demo: $(VENV)/.installed translations
	$(BIN)/python main.py --demo

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint translations
	$(BIN)/python -m pytest

$(VENV)/.installed-dist: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e ".[test,dist]"
	touch $@

# The desktop bundle: dist/AcuChart/, one folder that runs without Python (PyInstaller; see the README).
dist: $(VENV)/.installed-dist translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/acuchart.spec

# Start the bundle just built, offscreen, on a demo practice, and print a handout with it.
dist-test: dist
	$(BIN)/python -m pytest -m bundle tests/bundle

bench: $(VENV)/.installed-test translations
	$(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
