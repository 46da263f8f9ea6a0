#!/usr/bin/env bash
# Rebuild the English catalogue from the Vietnamese source strings, then compile every catalogue.
# Vietnamese is the source language, so only `en` is extracted; locale/vi is the Wagtail admin's
# own Vietnamese catalogue and is compiled but never regenerated here.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.test}"
IGNORES=(--ignore=.venv --ignore=node_modules --ignore='tests/*' --ignore='bench/*' --ignore='docs/*'
    --ignore='media/*' --ignore='staticfiles/*' --ignore='*/migrations/*')
"$PYTHON" manage.py makemessages -l en --add-location=file "${IGNORES[@]}"
"$PYTHON" manage.py compilemessages -l en -l vi "${IGNORES[@]}"
