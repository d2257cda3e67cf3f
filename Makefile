# Two commands for a fresh machine (see README):
#   make run    set everything up and start the dashboard (demo data when data/ is empty)
#   make test   set everything up and run every test (unit, app, browser) and the linter
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.terpasang
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: run test chromium bench data-nasional

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

run: $(STAMP)
	$(BIN)/python -m streamlit run app.py --server.port $(PORT)

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# National-scale data (16 million respondents) and the benchmark: see README "National scale".
NASIONAL := bench-data/nasional
data-nasional: $(NASIONAL)/.selesai

$(NASIONAL)/.selesai: $(STAMP)
	$(BIN)/python scripts/buat_data_nasional.py $(NASIONAL)
	touch $@

bench: $(STAMP) chromium data-nasional
	$(BIN)/python scripts/benchmark.py $(NASIONAL)
	$(BIN)/python scripts/bench_pola.py $(NASIONAL)

# The privacy auditor (issue 7) on larger generated sets, several seeds: prints every small
# group that can be worked out from what the dashboard publishes, and the timings.
.PHONY: audit
audit: $(STAMP)
	$(BIN)/python scripts/audit_privasi.py
