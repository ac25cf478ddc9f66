#!/usr/bin/env bash
# Serve the production configuration on this machine (no Docker): gunicorn, DEBUG off,
# whitenoise-compressed static files, PostgreSQL. For smoke tests and benchmarks.
#   make serve            (PORT=8001 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

export DJANGO_SETTINGS_MODULE=checkin_portal.settings.production
export SECRET_KEY="${SECRET_KEY:-local-production-like-secret-not-for-deployment-0123456789abcdef}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/checkin_serve}"
# Plain HTTP on loopback: no redirect to HTTPS here (a proxy does TLS in a deployment).
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-False}"
PORT="${PORT:-8001}"
PY=.venv/bin/python

$PY scripts/ensure_database.py
$PY scripts/compile_messages.py
$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py collectstatic --noinput -v0
echo "Serving the production configuration on http://127.0.0.1:${PORT}/"
exec .venv/bin/gunicorn checkin_portal.wsgi:application \
  --bind "127.0.0.1:${PORT}" --workers "${WEB_CONCURRENCY:-2}" --access-logfile -
