# Two commands do everything on a fresh machine:
#   make app    install, then serve the dashboard on the shipped data (Voila)
#   make test   install (Chromium included), then run the whole test suite
# `make app PORT=8867` (and `make lab PORT=...`) serve on that port; the last line printed
# says which address to open.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
INSTALL_LOG := $(VENV)/install.log
PORT ?=
PORT_OPTION := $(if $(strip $(PORT)),--port $(strip $(PORT)))
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-input

.PHONY: install browser test app lab bench lint format clean

# Quiet: one line while it installs; pip's output goes to $(INSTALL_LOG), shown only on failure.
$(STAMP): pyproject.toml
	@echo "Installing the workbench into $(VENV) (the first time takes a few minutes)..."
	@$(PYTHON) -m venv $(VENV)
	@{ $(PIP) --upgrade pip && $(PIP) -e '.[dev]'; } >$(INSTALL_LOG) 2>&1 \
	  || { cat $(INSTALL_LOG); echo "Install failed: see $(INSTALL_LOG)"; exit 1; }
	@touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Two workers (this machine has 2 cores): the suite's solves, kernels and browsers in parallel.
test: install browser
	$(BIN)/python -m pytest -n auto --durations=25

app: install
	@$(BIN)/workbench app $(PORT_OPTION)

lab: install
	@$(BIN)/workbench lab $(PORT_OPTION)

bench: install
	$(BIN)/python benchmarks/solve_times.py
	$(BIN)/python benchmarks/coach_rubric.py
	$(BIN)/python benchmarks/ui_latency.py
	$(BIN)/python benchmarks/figures.py
	$(BIN)/python benchmarks/whatif.py
	$(BIN)/python benchmarks/batch.py

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

format: install
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
