#!/usr/bin/env bash
# The whole suite: lint, import contracts, unit, real-stack and Qt tests. Benchmarks
# are deselected here (`make bench` runs them and prints their figures), and so are the
# package tests, which build and install the real .deb for minutes (`make package-test`).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -m "not benchmark and not package" "$@"
