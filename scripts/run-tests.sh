#!/usr/bin/env bash
# The whole suite: lint, import contracts, unit, real-stack and Qt tests. Benchmarks
# are deselected here (`make bench` runs them and prints their figures).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -m "not benchmark" "$@"
