# The two commands README.md promises: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint format check bench bench-alerts screenshots stack stack-down resilience messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## run: install, migrate the SQLite database, load the demo and serve on http://127.0.0.1:$(PORT)/
run: $(VENV)/.runtime-installed
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python manage.py load_demo
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## lint: ruff, Django's system checks and the missing-migrations check
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## test: install test tools, start the services the tests need, run the whole suite
test: lint
	bash ops/test-suite.sh

## screenshots: regenerate docs/screenshots/ (phone 360×740 and desktop) from a fresh demo server
screenshots: $(VENV)/.dev-installed
	bash ops/browser-tools.sh
	$(BIN)/python -m tests.browser.screenshots

## messages: re-extract the English catalogue (locale/en) from the Vietnamese source strings and compile it;
##           translate every new or fuzzy msgstr in locale/en/LC_MESSAGES/django.po, then run it again
messages: $(VENV)/.dev-installed
	bash ops/messages.sh

## bench: provincial-scale benchmarks (on demand, not part of test): results go to bench/RESULTS.md
##        BENCH_ARGS="--scale small --engines sqlite --duration 3" for a quick trial
bench: $(VENV)/.runtime-installed
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run $(BENCH_ARGS)
	$(BIN)/python -m bench.alerts $(BENCH_ALERTS_ARGS)

## bench-alerts: only the e-mail alerts benchmark (bench/alerts.py), e.g. BENCH_ALERTS_ARGS="--subscribers 2000"
bench-alerts: $(VENV)/.runtime-installed
	$(BIN)/python -m bench.alerts $(BENCH_ALERTS_ARGS)

## stack: the production shape on one machine (ops/stack.sh): Varnish, nginx, two app servers,
##        PostgreSQL, Redis and a three-node OpenSearch cluster on 127.0.0.1; `make stack-down` stops it
stack: $(VENV)/.runtime-installed
	bash ops/stack.sh up

stack-down:
	bash ops/stack.sh down

## resilience: faults against the stack under load (bench/resilience.py, on demand, not part of test):
##             results go to bench/RESILIENCE.md; RESILIENCE_ARGS="--soak-seconds 120 --note ..." for a short soak
resilience: stack
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.resilience $(RESILIENCE_ARGS)
