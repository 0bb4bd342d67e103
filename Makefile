# Abri: every chore is a target; `make help` lists them. Targets bootstrap .venv when missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONFIG ?= mkdocs.yml
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help

$(BIN)/.installed: requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

.PHONY: venv
venv: $(BIN)/.installed ## Create .venv from the pinned requirements

.PHONY: serve
serve: venv ## Build and serve the site on http://127.0.0.1:8000 (rebuilds on change)
	$(BIN)/mkdocs serve --no-livereload --strict -f $(CONFIG) -a 127.0.0.1:8000

.PHONY: build
build: zip ## Build the site into site/ with the zip beside it (strict: any warning fails)
	$(BIN)/mkdocs build --strict --clean -f $(CONFIG) -d $(SITE_DIR)

.PHONY: zip
zip: venv ## Build the offline copy: dist/<slug>-offline.zip and its .sha256
	$(BIN)/python scripts/make_zip.py --config $(CONFIG)

.PHONY: test
test: venv ## Run every test (installs Debian chromium when missing and run as root)
	@scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

.PHONY: bench
bench: venv ## Print speed and size figures (and write them to dist/bench.json)
	$(BIN)/python scripts/bench.py --config $(CONFIG)

.PHONY: linkcheck
linkcheck: venv ## Check every external link live (needs the internet); report in dist/linkcheck.md
	test -d $(SITE_DIR) || $(MAKE) build
	$(BIN)/python scripts/linkcheck.py --site $(SITE_DIR)

.PHONY: freshness
freshness: venv ## List platform entries (6 months) and pages (12 months) overdue for review
	$(BIN)/python scripts/freshness.py

.PHONY: i18n-report
i18n-report: venv ## Per language: pages translated, missing, outdated; missing UI strings
	$(BIN)/python scripts/i18n_report.py

.PHONY: clean
clean: ## Remove build outputs
	rm -rf site dist .cache tests/output
