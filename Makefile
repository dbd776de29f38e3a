# Two commands for a fresh machine:  make run  ·  make test
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := tryg.settings
# The Makefile runs the demo; production deployments do not use it.
export TRYG_DEMO ?= 1

.PHONY: run test test-fast screenshots setup venv npm migrate demo lint format check-deploy compilemessages clean

$(BIN)/python:
	@command -v $(PY) >/dev/null || { echo "Python 3.11 is needed ($(PY) not found)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip >/dev/null

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e ".[dev]"
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund
	touch $@

venv: $(VENV)/.installed
npm: node_modules/.installed
setup: venv npm compilemessages

compilemessages: $(VENV)/.installed
	@mkdir -p var
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	  else echo "msgfmt not found: using the committed .mo files"; fi

migrate: setup
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	TRYG_DEMO=1 $(BIN)/python manage.py seed_demo

# make run: set everything up, load the demo data (idempotent) and serve it with gunicorn + whitenoise.
run: demo
	$(BIN)/python manage.py collectstatic --noinput -v 0
	@PORT=$(PORT) TRYG_DEMO=1 $(BIN)/python manage.py seed_demo --print-only
	TRYG_DEMO=1 $(BIN)/gunicorn tryg.wsgi:application --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --access-logfile - & \
	  TRYG_DEMO=1 $(BIN)/python manage.py db_worker & \
	  wait

# make test: the whole suite, on SQLite, or on PostgreSQL when DATABASE_URL is set.
test: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup $(PYTEST_ARGS)

# make screenshots: the browser tests with a full-page screenshot of each page they check, in test-artifacts/.
screenshots: setup
	TRYG_SCREENSHOTS=1 $(BIN)/python -m pytest -q -n 2 --dist loadgroup -m browser $(PYTEST_ARGS)

# make test-fast: the same without the browser tests (no Chromium needed), for quick rounds while working.
test-fast: setup
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not browser" $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: venv
	TRYG_DEMO=0 SQLITE_PATH=$$(mktemp -u -t tryg-deploy-check.XXXXXX) TRYG_ENV=production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=tryg.example.dk \
	  TRYG_ENCRYPTION_KEYS=$$($(BIN)/python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())") \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules var test-artifacts
