# The two commands: `make run` (zero set-up portal) and `make test` (the whole suite).
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test test-fast lint venv deps test-deps messages chromium worker beat bench stack

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

deps: $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt

test-deps: $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-test.txt

# The translations: each app's locale/<lang>/LC_MESSAGES/django.po is committed; the .mo
# files Django reads are compiled here, with Babel (pinned in requirements.txt), so a fresh
# machine needs no GNU gettext.
messages: deps
	@for po in $(wildcard */locale/*/LC_MESSAGES/*.po); do \
	  $(VENV)/bin/pybabel -q compile -i $$po -o $${po%.po}.mo || exit 1; done

# `make run PORT=8101` serves on another port; the links in emails follow it unless
# PORTAL_BASE_URL is already set (a tunnel, a proxy).
PORT ?= 8000
PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)

run: deps messages
	DJANGO_DEBUG=true $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=true $(PY) manage.py load_demo
	DJANGO_DEBUG=true PORTAL_BASE_URL='$(PORTAL_BASE_URL)' $(PY) manage.py runserver 127.0.0.1:$(PORT)

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian (apt-get install -y chromium)"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || echo "Could not install Chromium: run 'sudo apt-get install -y chromium'; browser tests will be skipped."; }

# In parallel, each process with its own test database, Celery queue and Redis databases
# (tests/env.py); tests are handed out one by one, except those that share a module fixture
# (marked xdist_group). Three processes on two cores: the browser and real-worker tests
# spend much of their time waiting, so a third keeps the cores busy (quiet machine: 2,638
# tests in 502 s with two, 2,945 in 491 s with three). TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 3

test: test-deps messages chromium
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# A quick local loop: everything but the Chromium and real-Celery-worker tests.
test-fast: test-deps messages
	$(PY) -m pytest -m "not browser and not celery_worker" $(PYTEST_ARGS)

lint: test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

worker: deps messages
	$(VENV)/bin/celery -A portal worker --loglevel=INFO

beat: deps messages
	$(VENV)/bin/celery -A portal beat --loglevel=INFO

# The whole topology: gunicorn, a worker and beat (Procfile, honcho) on PostgreSQL and Redis.
stack: deps messages
	deploy/stack.sh
