# The two commands a newcomer needs: `make run` (demo) and `make test` (whole suite).
# Everything installs into .venv from the locked versions in constraints.txt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint format messages makemessages demo-data install install-dev clean serve demo-reset bench-page-weight bench-offices bench-cold-start bench-places-memory bench-hanging bench-staff-import bench-load k8s-scan screenshots

help:
	@echo "make run    set up the demo (SQLite, demo data) and serve it on http://$(HOST):$(PORT)"
	@echo "make test   lint, check migrations and run every test on PostgreSQL (DATABASE_URL)"
	@echo "make demo-reset  put the demo people back as README lists them"
	@echo "make lint   ruff, djlint and the migrations check only"
	@echo "make format apply ruff's formatting"
	@echo "make makemessages  refresh the .po files (needs GNU gettext)"
	@echo "make serve  the production configuration locally (gunicorn, DEBUG off, PostgreSQL)"
	@echo "make bench-page-weight  first-load weight of public pages in Chromium"
	@echo "make bench-offices time one office search at 146 and 10,000 offices, and the first after a fresh start"
	@echo "make bench-cold-start  the first office search after a fresh gunicorn start"
	@echo "make bench-places-memory  memory of the ZIP index per process (RSS before/after)"
	@echo "make bench-hanging  home page times while 8 sign-ins wait on a hanging CAPTCHA verifier"
	@echo "make bench-staff-import  time the admin subject import at several file sizes"
	@echo "make bench-load  the booking path under load against a bare view (BENCH_SCALE=national, BENCH_REF=<commit>)"
	@echo "make k8s-scan  render the Kubernetes overlays and scan them with checkov"
	@echo "make screenshots  take the how-to's pictures again (every step, every language; ~2 min)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.x).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) ".[dev]"
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

messages: $(VENV)/.installed
	@$(BIN)/python scripts/compile_messages.py

makemessages: $(VENV)/.installed-dev
	$(MANAGE) makemessages --all --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore=templates/admin/search_form.html --ignore=templates/admin/edit_inline/*
	$(BIN)/python scripts/compile_messages.py

demo-data: install messages
	@mkdir -p var/static
	$(MANAGE) migrate --noinput
	$(MANAGE) load_faq
	$(MANAGE) createcachetable
	$(MANAGE) load_demo_data

# Links inside the demo's messages lead to the port this serves on (issue 14).
run: export MESSAGING_BASE_URL ?= http://$(HOST):$(PORT)
run: demo-data
	@echo ""
	@echo "  Check-In Portal demo: http://$(HOST):$(PORT)/   (staff admin: http://$(HOST):$(PORT)/staff/)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

# The seven demo people back as README lists them (what a demo booked or sent is removed).
demo-reset: install messages
	$(MANAGE) load_demo_data --reset

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates $(wildcard */templates) --lint
	DJANGO_SETTINGS_MODULE=checkin_portal.settings.test $(MANAGE) makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install-dev messages
	@$(BIN)/python scripts/check_postgres.py
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest $(PYTEST_ARGS)

serve: install messages
	scripts/serve_production.sh

bench-page-weight: install-dev
	$(BIN)/python bench/page_weight.py

# The warm figures, then the first search after each of 3 fresh server starts (issue 14).
bench-offices: install-dev messages
	@$(BIN)/python scripts/check_postgres.py
	$(BIN)/python bench/offices_search.py
	$(BIN)/python bench/cold_start.py

bench-cold-start: install-dev messages
	@$(BIN)/python scripts/check_postgres.py
	$(BIN)/python bench/cold_start.py

bench-places-memory: install-dev
	$(BIN)/python bench/places_memory.py

bench-hanging: install-dev messages
	@$(BIN)/python scripts/check_postgres.py
	$(BIN)/python bench/hanging_verifier.py

bench-staff-import: install-dev
	@$(BIN)/python scripts/check_postgres.py
	$(BIN)/python bench/staff_import.py

# The how-to's pictures (issue 19): a fresh demo under var/howto/, Chromium at phone width.
# Run after a change to a page the how-to shows (tests/portal/test_howto.py says which).
screenshots: install-dev messages
	$(BIN)/python scripts/screenshots.py

# Load benchmark (README "Load benchmark", docs/adr/0017): production server shape, its own
# database, closed-loop clients; BENCH_REF=<commit> runs that commit too, alternating.
BENCH_SCALE ?= small
bench-load: install-dev messages
	@$(BIN)/python scripts/check_postgres.py
	$(BIN)/python bench/load.py --scale $(BENCH_SCALE) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var

# checkov 3.3.30 pins packaging<24, which conflicts with constraints.txt: it gets its own
# virtualenv under var/ (about 35 s to install). The settings and the explained skips are in
# deploy/kubernetes/.checkov.yaml; `make test` validates the same overlays without it.
CHECKOV_VENV := var/checkov-venv
k8s-scan:
	@command -v kubectl >/dev/null || { echo "kubectl is needed: apt-get install kubectl"; exit 1; }
	@test -x $(CHECKOV_VENV)/bin/checkov || { $(PYTHON) -m venv $(CHECKOV_VENV) && $(CHECKOV_VENV)/bin/pip install --quiet --disable-pip-version-check checkov==3.3.30; }
	@mkdir -p var/k8s
	@for overlay in staging production; do kubectl kustomize deploy/kubernetes/overlays/$$overlay > var/k8s/$$overlay.yaml || exit 1; done
	$(CHECKOV_VENV)/bin/checkov --config-file deploy/kubernetes/.checkov.yaml -f var/k8s/staging.yaml -f var/k8s/production.yaml
