"""The test suite: real PostgreSQL (DATABASE_URL, default the local server), fast hashing,
in-memory email, immediate tasks, plain static storage (hashed names 404 under live_server)."""

from .base import *  # noqa: F403
from .base import STORAGES, env, postgres_options

SECRET_KEY = "test-only-not-secret-" + "x" * 40
DEBUG = False
DEMO_MODE = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = {
    "default": postgres_options(
        env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/checkin_portal")
    )
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    },
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CAPTCHA_PROVIDER = "none"
# Nothing is collected in tests; whitenoise serves from the finders instead.
STATIC_ROOT = None
# Text messages stay in memory (checkin_portal.messaging.backends.locmem.outbox).
SMS_BACKEND = "checkin_portal.messaging.backends.locmem.LocmemSmsBackend"
# Tests never reach the online geocoder (the one test that uses it mocks it).
OFFICES_ONLINE_GEOCODER = False
