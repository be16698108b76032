#!/usr/bin/env bash
# The whole suite: lint, import contracts, unit, real-stack and Qt tests. Benchmarks
# are deselected here (`make bench` runs them and prints their figures), and so are the
# package tests, which build and install the real .deb for minutes (`make package-test`).
set -euo pipefail
cd "$(dirname "$0")/.."
# Two xdist workers (the machine has 2 cores), then the tests that use pcscd in one
# process (tests/conftest.py marks them `pcscd`). Exit 5 (none selected, e.g. a path
# without such tests) is no failure; `-p no:xdist` in the first run means one process.
status=0
.venv/bin/python -m pytest -m "not benchmark and not package and not pcscd and not serial" \
  -n 2 --dist loadgroup "$@" || status=$?
rc=0
.venv/bin/python -m pytest -m "(pcscd or serial) and not benchmark and not package" -p no:xdist "$@" || rc=$?
[[ $status -eq 5 ]] && status=0
[[ $rc -eq 5 ]] && rc=0
exit $(( status != 0 ? status : rc ))
