#!/usr/bin/env bash
# Refreshes the translation sources from the UI code and compiles them.
# Source strings are zh_CN (the counter's language); other languages are .ts files
# in resources/translations, edited with pyside6-linguist, compiled to .qm here.
set -euo pipefail
cd "$(dirname "$0")/.."
# the window's code, and the Qt-free words it shows (forms/vocabulary.py, the device kinds …
# mark them with QT_TRANSLATE_NOOP so they are collected here)
mapfile -t sources < <({ find desk_app/ui -name '*.py'
  grep -rl --include='*.py' QT_TRANSLATE_NOOP forms devices desk_app/core desk_app/services; } | sort)
for lang in en; do
  ts="resources/translations/counter_desk_${lang}.ts"
  .venv/bin/pyside6-lupdate -source-language zh_CN -target-language "$lang" -no-obsolete "${sources[@]}" -ts "$ts"
  .venv/bin/pyside6-lrelease "$ts" -qm "resources/translations/counter_desk_${lang}.qm"
done
