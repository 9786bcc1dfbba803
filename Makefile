# Social care CPD: `make run` to try the site, `make test` to check it. `make help` lists all.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEV_SETTINGS := config.settings.dev
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/cpd
# Both cores. loadscope keeps each module (or class) on one worker, so data a module or
# class builds once is built once; the browser modules spread over both workers. (Not
# loadgroup: with pytest 9 its xdist_group marks are silently ignored, as xdist 3.8 sets
# item._nodeid, which pytest 9 no longer reads.)
XDIST ?= -n 2 --dist loadscope
# Debian packages: pango for PDF (WeasyPrint), chromium for the browser tests.
RUNTIME_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
TEST_DEBS := chromium
APT := $(shell if [ "$$(id -u)" = 0 ]; then echo apt-get; elif command -v sudo >/dev/null; then echo "sudo apt-get"; fi)

.PHONY: help run install system-deps test-system-deps assets migrate demo serve test test-prepare \
        test-sqlite test-postgres test-fast lint format check typecheck benchmark clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}'

run: install assets migrate demo ## Install everything, load the demo and serve on http://127.0.0.1:$(PORT)
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py runserver 127.0.0.1:$(PORT)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(PY)
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

install: system-deps $(VENV)/.runtime ## Create .venv and install the runtime requirements

system-deps: ## Install the Debian packages the site needs (pango for PDF) when missing
	@scripts/ensure-debs.sh "$(APT)" $(RUNTIME_DEBS)

test-system-deps:
	@scripts/ensure-debs.sh "$(APT)" $(TEST_DEBS)

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.package-lock.json ## Build GOV.UK Frontend and our styles into build/static
	npm run build

migrate: $(VENV)/.runtime ## Apply database migrations
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py migrate --no-input

demo: $(VENV)/.runtime ## Load the demo content and users (idempotent)
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py load_demo

serve: install assets ## Production-like: gunicorn + Celery worker and beat (needs DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY, ALLOWED_HOSTS)
	@: "$${DATABASE_URL:?set DATABASE_URL}" "$${CELERY_BROKER_URL:?set CELERY_BROKER_URL}" "$${SECRET_KEY:?set SECRET_KEY}" "$${ALLOWED_HOSTS:?set ALLOWED_HOSTS}"
	DJANGO_SETTINGS_MODULE=config.settings.production $(PY) manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=config.settings.production $(PY) manage.py collectstatic --no-input -v0
	trap 'kill 0' EXIT; \
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/celery -A config worker --loglevel=INFO & \
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/celery -A config beat --loglevel=INFO --schedule build/celerybeat-schedule & \
	DJANGO_SETTINGS_MODULE=config.settings.production $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 3 --access-logfile - & \
	wait

lint: $(VENV)/.dev ## ruff lint and format check, and the import contracts (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.dev ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.dev ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

typecheck: $(VENV)/.dev ## mypy (django-stubs) over every app's api, services and selectors (pyproject.toml)
	$(BIN)/mypy

test: test-prepare ## Lint, checks, type check and the whole test suite (SQLite)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(XDIST)

test-prepare: system-deps test-system-deps $(VENV)/.dev assets lint check typecheck ## What make test does before the suite: install, build, lint, checks, types

test-sqlite: $(VENV)/.dev assets ## The whole suite on SQLite, without lint and checks
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(XDIST)

test-postgres: $(VENV)/.dev assets ## The whole suite on PostgreSQL, with the real Celery worker test ($(PG_TEST_URL))
	DATABASE_URL=$(PG_TEST_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(XDIST)

test-fast: $(VENV)/.dev ## The suite without browser tests
	$(BIN)/pytest $(XDIST) -m "not browser"

clean: ## Remove the venv, node_modules and built files
	rm -rf $(VENV) node_modules build
