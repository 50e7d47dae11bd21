# Two commands set everything up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test bench bench-search eval serve clean-venv

$(BIN)/bulletin: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(BIN)/bulletin
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.bench-installed: $(BIN)/bulletin
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

site: $(BIN)/bulletin
	$(BIN)/bulletin ingest content/raw/*.txt
	$(BIN)/bulletin build

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

bench: $(VENV)/.bench-installed
	$(BIN)/python bench/run.py

# only the search benchmark (make bench runs it too): 5,000 articles, ours and Pagefind, in Chromium
bench-search: $(VENV)/.bench-installed
	$(BIN)/python bench/search.py

eval: $(VENV)/.test-installed
	$(BIN)/python -m bench.eval

serve: $(BIN)/bulletin
	$(BIN)/bulletin serve

clean-venv:
	rm -rf $(VENV)
