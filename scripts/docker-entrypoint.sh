#!/bin/sh
# The container's entrypoint: one image, four roles (docker-compose.yml picks one).
#   web        gunicorn with gunicorn.conf.py (the default)
#   worker     the task worker (emails, text messages)
#   scheduler  the periodic jobs (scripts/scheduler.py)
#   migrate    database migrations, the FAQ (load_faq), the cache table and the staff
#              groups, then exit
# Anything else runs as given, e.g. `docker compose run --rm web python manage.py shell`.
set -eu

role="${1:-web}"
[ "$#" -gt 0 ] && shift

case "$role" in
  web)
    exec gunicorn --config gunicorn.conf.py "$@" ;;
  worker)
    exec python manage.py db_worker --queue-name '*' "$@" ;;
  scheduler)
    exec python scripts/scheduler.py "$@" ;;
  migrate)
    python manage.py migrate --noinput
    python manage.py load_faq
    python manage.py createcachetable
    exec python manage.py setup_staff_groups ;;
  *)
    exec "$role" "$@" ;;
esac
