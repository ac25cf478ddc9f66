# syntax=docker/dockerfile:1
# Multi-stage image: build wheels with the locked versions, then a slim runtime as non-root.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
RUN python -m venv /venv \
 && /venv/bin/pip install -c constraints.txt .
COPY . .
# Compiled messages and collected static files are baked into the image.
RUN /venv/bin/python scripts/compile_messages.py \
 && DJANGO_SETTINGS_MODULE=checkin_portal.settings.base SECRET_KEY=build-only \
    /venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=checkin_portal.settings.production
RUN useradd --system --uid 10001 --home /app portal
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=portal:portal /src /app
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"
CMD ["gunicorn", "checkin_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
