# The README's two commands are `make demo` and `make test`; the rest are their parts.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST := $(BIN)/pytest -q
# The suites run on every core (pytest-xdist); the browser tests share one live server.
PARALLEL := -n auto
# Production-like settings for `check --deploy` (nothing is served with them).
DEPLOY_ENV := MSRELIEF_PRODUCTION=true MSRELIEF_ALLOWED_HOSTS=msrelief.example.org \
	MSRELIEF_SECRET_KEY=ci-only-Zq8vN3pR7tW1xY5bC9dF2gH6jK4mL0sA8eU3iO7-not-a-real-key \
	MSRELIEF_EMAIL_BACKEND=smtp MSRELIEF_BASE_URL=https://msrelief.example.org \
	MSRELIEF_CONTENT_OWNER="Example MS Clinic" MSRELIEF_PERMISSIONS_CONTACT=learn@msrelief.example.org

.PHONY: setup demo test install system-packages lint fix typecheck checks \
	test-sqlite test-postgres test-browser test-fast fuzz-api fuzz-importers \
	crash-test lock clean

## setup: virtualenv, packages, database migrated, demo data loaded (safe to run again)
setup: install
	$(BIN)/msrelief migrate --no-input -v 0
	$(BIN)/msrelief load-demo
	$(BIN)/msrelief load-evidence
	$(BIN)/msrelief load-programmes

## demo: setup, then serve http://127.0.0.1:8000 with the background worker beside it
demo: setup
	scripts/serve-demo.sh $(BIN)

## test: everything CI checks, in order
test: setup system-packages lint typecheck checks test-sqlite test-postgres test-browser
	@echo "make test: all checks passed"

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "msrelief needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

system-packages:
	scripts/system-packages.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

fix: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install
	$(BIN)/mypy

checks: install
	$(BIN)/msrelief makemigrations --check --dry-run
	$(DEPLOY_ENV) $(BIN)/msrelief check --deploy --fail-level WARNING

test-sqlite: install
	$(PYTEST) $(PARALLEL)

test-postgres: install system-packages
	scripts/with-postgres.sh $(PYTEST) $(PARALLEL)

## test-fast: the inner loop: the SQLite suite on every core, stopping at the first failure
test-fast: install
	$(PYTEST) $(PARALLEL) -x

test-browser: install system-packages
	$(PYTEST) tests/browser

## fuzz-api: the long schemathesis pass over the API (over 5,000 generated cases), with counts
fuzz-api: install
	MSRELIEF_FUZZ_EXAMPLES=1100 $(BIN)/pytest -q -p no:xdist msrelief/api/tests/test_schema_fuzz.py --hypothesis-show-statistics

# One fuzz test file an importer (docs/getting-started.md, "Running parts of the test suite").
IMPORTER_FUZZ := msrelief/evidence/tests/test_import_service_fuzz.py \
	msrelief/stats/tests/test_meta_csv_fuzz.py \
	msrelief/instruments/tests/test_import_questionnaire_service_fuzz.py \
	msrelief/scoring/tests/test_definition_file_fuzz.py \
	msrelief/learn/tests/test_content_fuzz.py

## fuzz-importers: every importer fed 5,000 generated inputs (hostile ones among them), with counts
fuzz-importers: install
	MSRELIEF_FUZZ_IMPORTER_EXAMPLES=5000 $(BIN)/pytest -q -p no:xdist $(IMPORTER_FUZZ) \
		--hypothesis-show-statistics

## crash-test: 500 questionnaires sent while gunicorn is SIGKILLed, on SQLite and PostgreSQL
crash-test: install
	$(BIN)/python benchmarks/crash.py

## lock: re-pin every installed package after changing pyproject.toml
lock:
	rm -rf $(VENV)-lock && $(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install -q -e '.[dev]'
	$(VENV)-lock/bin/pip freeze --exclude-editable | grep -v '^msrelief' > requirements.lock
	rm -rf $(VENV)-lock

clean:
	rm -rf $(VENV) var
