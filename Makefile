# Factcheck desk. `make demo` serves a working desk; `make test` runs the suite.
VENV   := .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install demo test test-sqlite lint format bench eval clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@bash scripts/ensure-system.sh python
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The embedded default: SQLite in the project folder, tasks in-process.
demo: install
	@bash scripts/demo.sh $(HOST) $(PORT)

test: install
	@bash scripts/ensure-system.sh test
	scripts/with-services.sh $(VENV)/bin/pytest $(PYTEST_ARGS)

# Bad ids, numbers and characters against SQLite, where overflow fails differently.
test-sqlite: install
	rm -f var/fuzz.sqlite3 && mkdir -p var
	env -u REDIS_URL DATABASE_URL=sqlite:///$(CURDIR)/var/fuzz.sqlite3 \
		$(VENV)/bin/pytest tests/fuzz/test_hostile_params.py -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

eval: install
	@bash scripts/eval.sh

bench: install
	@bash scripts/bench.sh

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .dev-secret-key var test-artifacts
