# Two commands for a fresh machine:  make run   (install everything and open the app)
#                                    make test  (install everything and run the tests)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run demo test lint benchmarks screenshots install system-libs clean

install: system-libs $(VENV)/.installed

system-libs:
	@bash scripts/system-libs.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

run: install
	$(VENV)/bin/lasting-home

demo: install
	$(VENV)/bin/lasting-home --demo

test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

benchmarks: install
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b; done

screenshots: install
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info
