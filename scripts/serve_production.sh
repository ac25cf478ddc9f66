#!/usr/bin/env bash
# Serve the production configuration on this machine (no Docker): gunicorn with
# gunicorn.conf.py (the container's), DEBUG off, whitenoise-compressed static files,
# PostgreSQL. For smoke tests and benchmarks, never for a deployment.
#   make serve                                   (http://127.0.0.1:8001/)
#   PORT=8123 DATABASE_URL=postgres://... scripts/serve_production.sh
#
# Loopback only, plain HTTP: the one setting changed from a deployment is
# SECURE_SSL_REDIRECT=False, so that a browser can open http://127.0.0.1:PORT/ (cookies stay
# Secure: whether a browser keeps them on plain-HTTP loopback is the browser's choice). A
# client that sends "X-Forwarded-Proto: https", as a deployment's reverse proxy does and as
# the smoke test in tests/deploy/ does, gets the full production behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."

export DJANGO_SETTINGS_MODULE=checkin_portal.settings.production
export SECRET_KEY="${SECRET_KEY:-local-production-like-secret-not-for-deployment-0123456789abcdef}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/checkin_serve}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-False}"
PORT="${PORT:-8001}"
PY="${PYTHON:-.venv/bin/python}"
GUNICORN="${GUNICORN:-.venv/bin/gunicorn}"

$PY scripts/ensure_database.py
$PY scripts/compile_messages.py
$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py setup_staff_groups -v0
$PY manage.py collectstatic --noinput -v0
echo "Serving the production configuration on http://127.0.0.1:${PORT}/ (stop: Ctrl-C)" >&2
exec "$GUNICORN" --config gunicorn.conf.py --bind "127.0.0.1:${PORT}" checkin_portal.wsgi:application
