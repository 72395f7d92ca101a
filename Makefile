# Two commands for a fresh machine:  make run   (install everything and open the app)
#                                    make test  (install everything and run the tests)
# and one for the installable app:   make bundle  (dist/lasting-home/; make check-bundle tries it)
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run demo test lint benchmarks screenshots install system-libs bundle check-bundle clean

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
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto

benchmarks: install
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b; done

screenshots: install
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots

# The app folder for this operating system, from packaging/lasting-home.spec (PyInstaller is
# installed only here, as the "bundle" extra). Windows: packaging/windows/build.ps1.
bundle: install $(VENV)/.bundle-installed
	@bash scripts/system-libs.sh --bundle
	PYTHON=$(PY) bash packaging/build-linux.sh

$(VENV)/.bundle-installed: $(VENV)/.installed
	$(PY) -m pip install -q -e ".[test,bundle]"
	touch $@

# Starts the built app offscreen on a fresh folder and makes a card with it.
check-bundle: install $(VENV)/.bundle-installed
	$(PY) packaging/check_bundle.py dist/lasting-home

clean:
	rm -rf $(VENV) build dist *.egg-info
