# Two commands set up everything on a fresh machine:
#   make html   - create .venv, install the project, build the sample site into output/
#   make test   - the same set-up, then lint and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
STAMP := $(VENV)/.installed
BROWSER_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help html clean serve devserver publish test lint format import score-import bench-import browser-deps check new bench

help: ## List the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# The browser tests drive Debian's Chromium (no browser download) and load the real
# TimelineJS and axe-core from the npm registry.
$(BROWSER_STAMP): package.json package-lock.json
	@test -x $(CHROMIUM) || { echo "installing Debian's chromium for the browser tests"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(BROWSER_STAMP)

browser-deps: $(BROWSER_STAMP) ## Install Chromium and the npm packages the browser tests use

html: $(STAMP) ## Build the site into output/ (strict: fails on any content problem)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

clean: ## Remove the generated site and caches
	rm -rf $(OUTPUTDIR) cache .pytest_cache

serve: $(STAMP) ## Serve output/ at http://localhost:$(PORT)
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT)

devserver: $(STAMP) ## Rebuild on every change and serve at http://localhost:$(PORT) (lists problems, keeps going)
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) -e TIMELINE_STRICT=false CACHE_CONTENT=true LOAD_CONTENT_CACHE=true GZIP_CACHE=false

publish: $(STAMP) ## Build for deployment with publishconf.py
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)

check: $(STAMP) ## Check all content with the build's rules, without building
	$(BIN)/timeline check

new: $(STAMP) ## Start a content file: make new KIND=event|actor|article [ARGS='--date … --title …']
	@test -n "$(KIND)" || { echo "usage: make new KIND=event|actor|article [ARGS='--title …']"; exit 2; }
	$(BIN)/timeline new $(KIND) $(ARGS)

bench: $(STAMP) ## Build benchmark against plain Pelican (N=5,000 articles, then 10,000; REPEATS=3 turns)
	$(BIN)/python benchmarks/build_bench.py --articles $(or $(N),5000) --actors 1000 --repeats $(or $(REPEATS),3)

import: $(STAMP) ## Import saved news pages as drafts: make import SRC=page.txt [URL=https://…]
	@test -n "$(SRC)" || { echo "usage: make import SRC=path/to/page-or-folder [URL=address]"; exit 2; }
	$(BIN)/timeline import $(SRC) $(if $(URL),--url $(URL))

score-import: $(STAMP) ## Score the importer on the dev set of real pages
	$(BIN)/python -m pelican_timeline.importer.scoring tests/importer/devset --verbose

bench-import: $(STAMP) ## Import 1,000 pages with 1,000 known actors; pages per second on one core
	$(BIN)/python -m pelican_timeline.importer.bench tests/importer/devset --pages 1000 --actors 1000 --repeat 3

lint: $(STAMP) ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(STAMP) $(BROWSER_STAMP) lint ## Lint, then run the whole test suite (browser tests included)
	$(BIN)/python -m pytest
