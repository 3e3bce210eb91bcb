# Newsroom: `make run` for a local newsroom on SQLite, `make test` for the suite
# on PostgreSQL and Redis.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

# What the suite needs from the system beyond Python: Debian's Chromium (Playwright drives it for
# the browser tests) and the CJK fonts (proofs and thumbnails). `make test` installs what is
# missing (as root, or with sudo) and starts PostgreSQL and Redis when they are installed but down.
TEST_PACKAGES := chromium fonts-noto-cjk
RUN_PACKAGES := fonts-noto-cjk

.PHONY: run test lint format install install-dev serve clean system-test system-run

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Newsroom needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install system-run
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_sample
	$(BIN)/python manage.py create_demo_users
	@echo "Newsroom: http://$(HOST)/admin/"
	$(BIN)/python manage.py runserver $(HOST)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

system-test:
	@PACKAGES="$(TEST_PACKAGES)" REQUIRED=1 sh .ci/system.sh

system-run:
	@PACKAGES="$(RUN_PACKAGES)" REQUIRED=0 SERVICES=0 sh .ci/system.sh

test: lint system-test
	$(BIN)/python manage.py makemigrations --check --dry-run
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .hypothesis
