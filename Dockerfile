# syntax=docker/dockerfile:1
# The portal's image: one image, four roles (scripts/docker-entrypoint.sh): web (gunicorn,
# the default), worker, scheduler, migrate. Build: `docker build -t checkin-portal .`
#
# Stage 1 installs the locked dependencies (constraints.txt) into a virtualenv, compiles
# the translations and collects the static files; stage 2 copies the result into a clean
# slim image that runs as an unprivileged user. The Python image is pinned to a release:
# bump it on purpose (tests/deploy/test_dockerfile.py checks it stays pinned and slim).

ARG PYTHON_IMAGE=python:3.11.9-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
# Dependencies first: this layer is rebuilt only when they change.
COPY pyproject.toml constraints.txt README.md ./
RUN python -m venv /venv \
 && /venv/bin/pip install --constraint constraints.txt .
COPY . .
# Compiled messages (pure Python, no gettext needed) and collected, hashed, compressed
# static files are baked in. collectstatic runs with the real production settings and
# placeholder values: it needs no database and never connects to one.
RUN /venv/bin/python scripts/compile_messages.py
RUN DJANGO_SETTINGS_MODULE=checkin_portal.settings.production SECRET_KEY=build-only-placeholder-never-used-at-run-time ALLOWED_HOSTS=build.invalid DATABASE_URL=postgres://build@build.invalid:5432/build STATIC_ROOT=/src/var/static /venv/bin/python manage.py collectstatic --noinput -v1

FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=checkin_portal.settings.production \
    STATIC_ROOT=/app/var/static \
    PORT=8000
RUN groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --home-dir /app --no-create-home \
    --shell /usr/sbin/nologin portal
WORKDIR /app
# Code and static files belong to root and are read-only for the user that runs them.
COPY --from=build /venv /venv
COPY --from=build /src /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "/app/scripts/healthcheck.py"]
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
CMD ["web"]
