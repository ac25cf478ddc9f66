"""The `make run` demo: embedded SQLite under var/, demo data, DEBUG on, no CAPTCHA."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="demo-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# The demo generates appointment times for this many days (production: SLOT_HORIZON_DAYS).
DEMO_SLOT_DAYS = env.int("DEMO_SLOT_DAYS", default=60)
