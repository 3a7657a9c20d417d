# One entry point. `make serve` and `make test` set everything up on first run.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

SITE_STAMP := $(VENV)/.site-$(shell cat requirements/site.txt | sha256sum | cut -c1-12)
DEV_STAMP := $(VENV)/.dev-$(shell cat requirements/site.txt requirements/dev.txt | sha256sum | cut -c1-12)
NODE_STAMP := node_modules/.stamp-$(shell sha256sum package-lock.json | cut -c1-12)

.PHONY: serve build build-offline test test-quick lint diagrams link-contract clean bench links-report

serve: $(SITE_STAMP) ## Serve the site with live reload on http://127.0.0.1:8000/playbook/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(SITE_STAMP) ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

build-offline: $(SITE_STAMP) ## Build the copy that works from the file system into site-offline/ and zip it
	rm -rf site-offline site-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline
	$(BIN)/python -m zipfile -c site-offline.zip site-offline/

test: $(DEV_STAMP) $(NODE_STAMP) ## Run every test: lint, unit, built-site and browser tests (Lighthouse: a sample; PLAYBOOK_FULL=1: every page)
	$(BIN)/ruff check macros hooks tests tools
	$(BIN)/pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check macros hooks tests tools

diagrams: $(NODE_STAMP) $(SITE_STAMP) ## Re-render every docs/diagrams/*.mmd to SVG (needs Node and Chromium)
	$(BIN)/python tools/render_diagrams.py

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(SITE_STAMP): requirements/site.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements/site.txt
	rm -f $(VENV)/.site-* && touch $@

$(DEV_STAMP): requirements/site.txt requirements/dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	rm -f $(VENV)/.dev-* $(VENV)/.site-* && touch $@ $(SITE_STAMP)

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "Node 20+ and npm are needed (Lighthouse, axe-core, the HTML checker): apt-get install nodejs npm"; exit 1; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	rm -f node_modules/.stamp-* && touch $@

bench: $(DEV_STAMP) $(NODE_STAMP) ## Print build, rebuild, page-weight, search-index and search-latency figures
	$(BIN)/python tools/bench.py

links-report: $(SITE_STAMP) ## Rewrite reports/external-links.md from a fresh build
	$(BIN)/mkdocs build --strict --site-dir .links-site
	$(BIN)/python -m tools.external_links .links-site --write
	rm -rf .links-site

link-contract: $(SITE_STAMP) ## Add every public URL and section id of a fresh build to tests/link_contract.txt
	$(BIN)/mkdocs build --strict --site-dir .link-contract-site
	$(BIN)/python tools/link_contract.py .link-contract-site
	rm -rf .link-contract-site

clean:
	rm -rf site site-offline site-offline.zip .pytest_cache .hypothesis .ruff_cache
