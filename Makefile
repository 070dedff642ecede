# ImaraDesk: `make run` serves the app with a demo workspace; `make test` runs every check.
SHELL := /bin/bash
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install web openapi lint test-py test-sqlite test-postgres test-web test-e2e bench clean

run: install web ## install, build the web app, migrate, seed the demo, serve on http://127.0.0.1:8000
	$(BIN)/imaradesk migrate
	$(BIN)/imaradesk seed-demo
	$(BIN)/imaradesk serve --host $(HOST) --port $(PORT)

test: install lint test-sqlite test-postgres test-web test-e2e ## every check, both databases, the browser

install: $(VENV)/.installed web/node_modules/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || test -x $(UV) || python3 -m pip install --quiet --user "uv==$(UV_VERSION)"
	$(UV) sync --frozen --extra pg --extra s3
	@touch $@

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

openapi: $(VENV)/.installed ## regenerate web/openapi.json and the typed client from the backend
	$(BIN)/imaradesk openapi web/openapi.json
	cd web && npm run --silent gen:api

web: install openapi ## build the web app into web/dist
	cd web && npm run build

lint: install ## ruff, mypy, import contracts, and the generated client is current
	$(BIN)/ruff check imaradesk tests migrations
	$(BIN)/ruff format --check imaradesk tests migrations
	$(BIN)/mypy imaradesk tests
	$(BIN)/lint-imports --no-cache
	$(MAKE) --no-print-directory openapi
	git diff --exit-code -- web/openapi.json web/src/api/generated || \
	  (echo "web/openapi.json or the generated client is stale: run 'make openapi' and commit" && exit 1)
	cd web && npm run --silent typecheck

test-sqlite: install
	$(BIN)/python -m pytest -n 2 --db sqlite $(PYTEST_ARGS)

test-postgres: install
	$(BIN)/python -m pytest -n 2 --db postgres $(PYTEST_ARGS)

test-web: install
	cd web && npm test

test-e2e: install web
	cd web && npx playwright test

bench: install ## benchmarks; add ARGS=--json for one JSON object
	$(BIN)/imaradesk bench http $(ARGS)

clean:
	rm -rf $(VENV) web/node_modules web/dist data
