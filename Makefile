# The two Quick start commands: `make demo` and `make test` (see README).
SHELL := /bin/bash
APT_RUNTIME := installer/debian/apt-runtime.txt
APT_TEST := installer/debian/apt-test.txt

.PHONY: demo test setup setup-test lint bench

setup:
	@bash scripts/ensure-system-packages.sh $(APT_RUNTIME)
	@bash scripts/bootstrap-venv.sh

setup-test:
	@bash scripts/ensure-system-packages.sh $(APT_RUNTIME) $(APT_TEST)
	@bash scripts/bootstrap-venv.sh

demo: setup
	@bash scripts/run-demo.sh

test: setup-test
	@bash scripts/run-tests.sh

lint: setup-test
	.venv/bin/ruff check .
	.venv/bin/lint-imports

bench: setup-test
	.venv/bin/python -m pytest -m benchmark -p no:randomly -s tests
