# The two Quick start commands: `make demo` and `make test` (see README).
SHELL := /bin/bash
APT_RUNTIME := installer/debian/apt-runtime.txt
APT_TEST := installer/debian/apt-test.txt

.PHONY: demo test setup setup-test lint bench package-test

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

# Builds the PyInstaller bundle and the .deb, installs it with dpkg into a throw-away root and
# runs it from there; prints the bundle's glibc floor (minutes: not part of `make test`).
package-test: setup-test
	.venv/bin/python -m pytest -m package -p no:randomly -s tests/installer
