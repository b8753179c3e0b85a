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

.DEFAULT_GOAL := help
.PHONY: help html clean serve devserver publish test lint format

help: ## List the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

html: $(STAMP) ## Build the site into output/ (strict: fails on any content problem)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

clean: ## Remove the generated site and caches
	rm -rf $(OUTPUTDIR) cache .pytest_cache

serve: $(STAMP) ## Serve output/ at http://localhost:$(PORT)
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT)

devserver: $(STAMP) ## Rebuild on every change and serve at http://localhost:$(PORT) (lists problems, keeps going)
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) -e TIMELINE_STRICT=false

publish: $(STAMP) ## Build for deployment with publishconf.py
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF)

lint: $(STAMP) ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: $(STAMP) lint ## Lint, then run the whole test suite
	$(BIN)/python -m pytest
