# Two commands for a fresh machine (see README):
#   make run    set everything up and start the dashboard (demo data when data/ is empty)
#   make test   set everything up and run every test (unit, app, browser) and the linter
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.terpasang
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: run test chromium bench data-nasional bench-berkas dek libreoffice

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
	$(BIN)/python scripts/bench_cerita.py --ulang 5

# Many small per-agency files (issue 10): a generated folder of BERKAS files holding RESPONDEN
# respondents over PERIODE (default 2.500 files, 16 million, 2022-2025), or BARIS rows per file
# (the small mode: make bench-berkas BERKAS=2000 BARIS=12 PERIODE=2024). Prints the cold start,
# the restart with the cache, a new file, peak RSS and the overlap step before/after.
BERKAS ?= 2500
RESPONDEN ?= 16000000
PERIODE ?= 2022 2023 2024 2025
BARIS ?=
BANYAK := bench-data/berkas-$(BERKAS)-$(if $(BARIS),x$(BARIS),$(RESPONDEN))-$(subst $(eval) ,_,$(PERIODE))
bench-berkas: $(STAMP) $(BANYAK)/.selesai
	$(BIN)/python scripts/benchmark.py --berkas-banyak $(BANYAK)

$(BANYAK)/.selesai: | $(STAMP)
	rm -rf $(BANYAK)
	$(BIN)/python scripts/buat_data_berkas_banyak.py $(BANYAK) --berkas $(BERKAS) \
	  --responden $(RESPONDEN) --periode $(PERIODE) $(if $(BARIS),--baris-per-berkas $(BARIS))
	touch $@

# The privacy auditor (issue 7) on larger generated sets, several seeds: prints every small
# group that can be worked out from what the dashboard publishes, and the timings.
.PHONY: audit
audit: $(STAMP)
	$(BIN)/python scripts/audit_privasi.py

# Mutation testing (issue 9), not part of make test: how many deliberate small bugs the unit
# tests catch, per module (minutes per module on two cores). MODUL= picks modules, e.g.
# make mutasi MODUL="narasi"; default privasi statistik narasi kontrak format warna.
MODUL ?=
.PHONY: mutasi
mutasi: $(STAMP)
	$(BIN)/python scripts/mutasi.py $(MODUL)

# Many officials at once (issue 11), see README "Many officials at once".
# make beban: the load driver on the national data: 5 to 100 sessions, each viewing a random
# page with random filters every 5 s (mean), one 60-s run each; prints the table and the knee.
# make serve-cluster REPLICAS=n: n replicas (ports 8601...) behind HAProxy on PORT, cookie
# affinity, health checks; Ctrl-C stops everything it started.
REPLICAS ?= 2
SESI ?= 5,10,25,50,100
.PHONY: beban serve-cluster haproxy

beban: $(STAMP) data-nasional
	$(BIN)/python scripts/beban.py --data $(NASIONAL) --sapu $(SESI)

haproxy:
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq haproxy >/dev/null; }

serve-cluster: $(STAMP) haproxy
	$(BIN)/python scripts/serve_cluster.py --replicas $(REPLICAS) --port $(PORT)

# The take-home deck opened by a real presentation program (issue 8), not part of make test
# (LibreOffice is heavy): builds the deck of a selection as the download button does, converts
# it with LibreOffice Impress (headless) to PDF and PNG pages in DEK_KELUAR and checks every
# page; exits non-zero on a failure. DEK_ARGS picks the selection, e.g.
# make dek DEK_ARGS="--lang en" or DEK_ARGS='--instansi "" --provinsi "Jawa Tengah"'.
DEK_KELUAR ?= bench-data/dek
DEK_ARGS ?=

libreoffice:
	@command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libreoffice-impress poppler-utils >/dev/null; }

dek: $(STAMP) chromium libreoffice
	$(BIN)/python scripts/dek_libreoffice.py $(DEK_KELUAR) $(DEK_ARGS)
