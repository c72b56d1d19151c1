# One Makefile for humans and CI. Every target bootstraps .venv from pyproject.toml,
# so a fresh machine needs only Python 3.10+ and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: test report bench bench-peers bench-epic lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,plot,pandas,distributed]'
	touch $(STAMP)

test: $(STAMP)
	@.ci/install-browser
	$(PY) -m pytest

report: $(STAMP)
	$(PY) -m analyses.iraq2010
	$(PY) -m analyses.unsc
	$(PY) -m analyses.uk2010
	$(PY) -m analyses.eu_council

bench: $(STAMP)
	$(PY) benchmarks/run.py
	$(PY) benchmarks/startup.py

bench-peers: $(STAMP)
	$(PY) benchmarks/peers.py

# EPIC (C++) is a peer, never a dependency: name a checkout of its source, e.g.
#   make bench-epic EPIC=~/src/EPIC
bench-epic: $(STAMP)
	@test -n "$(EPIC)" || { echo "name EPIC's source folder: make bench-epic EPIC=/path/to/EPIC"; exit 2; }
	$(PY) benchmarks/epic.py --epic-src "$(EPIC)"

lint: $(STAMP)
	$(PY) -m ruff check powerindex tests analyses benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
