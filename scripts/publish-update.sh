#!/usr/bin/env bash
# Publish a version to the signed update repository (see README, "for technicians").
#   scripts/publish-update.sh --repo REPO --keys KEYS init --root-keys /media/usb/root-key
#   scripts/publish-update.sh --repo REPO --keys KEYS add dist/counter-desk 0.2.0
#   scripts/publish-update.sh --repo REPO --keys KEYS refresh     # at least weekly (cron)
# REPO is then served as static files (any HTTPS host); KEYS never leaves this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m desk_app.core.updates.publish "$@"
