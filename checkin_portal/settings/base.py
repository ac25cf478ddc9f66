"""Settings shared by every environment. Values that differ between deployments are read
from environment variables (django-environ); each one is documented in README.md and
.env.example."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A developer's .env (never committed) may override defaults; real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- The portal's identity: never hard-coded in templates, so an agency can deploy
# it under its own name. Neutral defaults; no seals, no "official website" banner.
PORTAL_NAME = env.str("PORTAL_NAME", default="Check-In Portal")
AGENCY_NAME = env.str("AGENCY_NAME", default="U.S. Immigration and Customs Enforcement")
AGENCY_SHORT_NAME = env.str("AGENCY_SHORT_NAME", default="ICE")
HELP_LINE_PHONE = env.str("HELP_LINE_PHONE", default="+1-833-383-1465")
HELP_LINE_OPENS = env.str("HELP_LINE_OPENS", default="08:00")
HELP_LINE_CLOSES = env.str("HELP_LINE_CLOSES", default="20:00")
HELP_LINE_TIME_ZONE = env.str("HELP_LINE_TIME_ZONE", default="America/New_York")
# A visible "this is a demonstration" notice; on in the demo, off in production.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

INSTALLED_APPS = [
    # modeltranslation must come before the admin (it patches admin forms).
    "modeltranslation",
    # Django's admin with the staff sign-in rules (checkin_portal/staff_auth/site.py).
    "checkin_portal.staff_auth.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "csp",
    "django_countries",
    "phonenumber_field",
    "simple_history",
    "import_export",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    # The project package is an app too: it owns site-wide content (FAQ), the
    # form-rendering layer, templates tags and the shared pages.
    "checkin_portal",
    "subjects",
    "offices",
    "appointments",
    "addresses",
    "hearings",
]

# Each entry once, in order: the request id first (checkin_portal/logs.py), OTP right after
# authentication (request.user.is_verified()), axes last, where it turns a locked-out
# sign-in into the lockout page.
MIDDLEWARE = [
    "checkin_portal.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "checkin_portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, its policy built once (checkin_portal/middleware.py).
    "checkin_portal.middleware.KeptPolicyCSPMiddleware",
    "checkin_portal.middleware.PrivateResponseMiddleware",
    # Private by default: every portal page not on its public list needs a subject session.
    "subjects.middleware.SignedInMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "checkin_portal.urls"
WSGI_APPLICATION = "checkin_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "checkin_portal.context_processors.portal",
            ],
        },
    },
]

# Every form renders through one USWDS layer (templates/components/, checkin_portal/forms.py).
FORM_RENDERER = "checkin_portal.forms.UswdsFormRenderer"


POSTGRESQL_ENGINE = "checkin_portal.postgresql_backend"


def postgres_options(database: dict) -> dict:
    """PostgreSQL connections bind parameters on the server, and psycopg prepares a
    statement the fifth time a connection runs it: PostgreSQL then parses and plans it
    once per connection instead of on every run. The booking path runs the same few
    dozen statements over and over (a whole booking cost 15 % less, docs/adr/0017).
    DB_PREPARE_THRESHOLD=none turns preparing off (needed behind a transaction-mode
    pooler such as PgBouncer without max_prepared_statements; docs/operations.md)."""
    if database.get("ENGINE") == "django.db.backends.postgresql":
        # Django's backend with two overrides of ours (ADR 0021).
        database["ENGINE"] = POSTGRESQL_ENGINE
        options = database.setdefault("OPTIONS", {})
        options.setdefault("server_side_binding", True)
        threshold = env.str("DB_PREPARE_THRESHOLD", default="5").strip().lower()
        options.setdefault("prepare_threshold", None if threshold == "none" else int(threshold))
    return database


DATABASES = {
    "default": postgres_options(
        env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'demo.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": env.cache("CACHE_URL", default="dbcache://django_cache"),
    # Where sign-in counters go while the shared cache is down (subjects/throttle.py,
    # docs/adr/0010-failure-policy.md); createcachetable makes its table.
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    },
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that hangs must not hold a request for long: fail fast, then fall back.
    _redis_timeout = env.float("CACHE_TIMEOUT_SECONDS", default=1.0)
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=_redis_timeout, socket_timeout=_redis_timeout
    )
    # Django's backend with one client per connection pool (checkin_portal/cache.py).
    CACHES["default"]["BACKEND"] = "checkin_portal.cache.RedisCache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages. Names are each language's own name (the chooser shows them as is).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("pt-br", "Português"),
    ("fr", "Français"),
    ("ht", "Kreyòl ayisyen"),
    ("zh-hans", "简体中文"),
    ("ru", "Русский"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("hi", "हिन्दी"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("tr", "Türkçe"),
]
# Django knows no Haitian Creole, and names Punjabi in English: register both so that
# get_language_info(), the bidi flag and the admin see them (checkin_portal/languages.py).
from checkin_portal.languages import register_extra_languages  # noqa: E402

register_extra_languages()
# Date and number formats for the languages Django has none for (ht, pa).
FORMAT_MODULE_PATH = ["checkin_portal.formats"]
# The project's own messages first, then the translations of Django's own user-facing
# messages (form errors, month and weekday names) that Django lacks for ht, pa and others.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "checkin_portal" / "django_supplement" / "locale"]
# django-countries' ISO short names: "Naoero" (Nauru's own name) and "Bahamas (The)" read
# oddly in the country box; the common English names, translated in our catalogues.
COUNTRIES_OVERRIDE = {"NR": gettext_lazy("Nauru"), "BS": gettext_lazy("Bahamas")}
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
USE_I18N = True
USE_TZ = True
# Times shown to the public use the office's or court's own zone; this one is for staff.
TIME_ZONE = env.str("TIME_ZONE", default="America/New_York")

STATIC_URL = "/static/"
# Where collectstatic writes (the container bakes the files in at build time).
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise's compressed, hashed files; each URL worked out once (checkin_portal/staticfiles.py).
    "staticfiles": {"BACKEND": "checkin_portal.staticfiles.StaticFilesStorage"},
}

# --- Sessions: short, server-enforced, gone when the browser closes.
SESSION_ENGINE = "subjects.sessions"  # Django's db backend; the row names the person
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=15 * 60)
# The session row outlives the idle timeout by an hour so that a person coming back after
# it can be told "your session ended" (the timeout itself is enforced on every request).
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT + 60 * 60
# Saved only when something in it changes, not on every request (issue 17). The idle
# timer's time of last activity is rewritten at most once per SESSION_TOUCH_SECONDS
# (subjects/session.py), so a session may end up to that much before the full timeout.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_SECONDS = env.int("SESSION_TOUCH_SECONDS", default=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Gone when the browser closes, like the session (people share phones), where Django keeps
# it 52 weeks. A form left open across a browser restart is refused (no cookie): the CSRF
# page asks to reload it and send it again. The cookie Django sends again on every page
# with a form carries no date to work out (issue 17).
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "checkin_portal.views.csrf_failure"

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Permissions-Policy (checkin_portal/middleware.py): browser features the portal never uses
# are switched off for our pages and anything they frame (the reCAPTCHA box included). Only
# names Chromium recognises (an unknown name is a console error): no bluetooth, web-share.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "clipboard-read",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
}

# --- Content Security Policy: our own origin only, no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Outside services: every call is bounded, so that a provider that accepts a connection
# and never answers holds a web thread (or the task worker) for seconds, not minutes.
# One setting per service, in whole seconds (django-recaptcha accepts only an int), from 1
# to OUTSIDE_CALL_MAX_TIMEOUT. The limit is per network step (connect, TLS, each read);
# name lookup is not covered.
OUTSIDE_CALL_MAX_TIMEOUT = 10


def _outside_timeout(name: str, default: int = 5) -> int:
    return max(1, min(env.int(name, default=default), OUTSIDE_CALL_MAX_TIMEOUT))


# --- CAPTCHA (the subjects issue wires it into sign-in). "none" shows a visible notice.
CAPTCHA_PROVIDER = env.str("CAPTCHA_PROVIDER", default="none")
RECAPTCHA_PUBLIC_KEY = env.str("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env.str("RECAPTCHA_PRIVATE_KEY", default="")
# Where the widget loads from and tokens are verified (django-recaptcha's setting):
# www.google.com, or www.recaptcha.net where google.com is unreachable.
RECAPTCHA_DOMAIN = env.str("RECAPTCHA_DOMAIN", default="www.google.com")
# django-recaptcha's own setting (its default is 10 s); a timeout is a form error.
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = _outside_timeout("CAPTCHA_TIMEOUT")
if CAPTCHA_PROVIDER == "recaptcha":
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] += [
        f"https://{RECAPTCHA_DOMAIN}/recaptcha/",
        "https://www.gstatic.com/recaptcha/",
    ]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] = [f"https://{RECAPTCHA_DOMAIN}"]
else:
    # Without keys django-recaptcha would point at Google's test keys and fail `check`.
    SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

# --- Email and background tasks.
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Django waits for ever on a mail server by default (EMAIL_TIMEOUT None).
EMAIL_TIMEOUT = _outside_timeout("EMAIL_TIMEOUT")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@checkin-portal.invalid")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

ADMIN_URL = env.str("ADMIN_URL", default="staff/")

# --- subjects: sign-in throttling (shared cache, CACHES) and the idle-timeout warning.
# Failures are counted per Subject ID and per client address in a fixed window; reaching
# a limit locks that ID or that address for SIGN_IN_LOCKOUT_SECONDS. The per-address
# limit is higher because shelters and legal aid offices share one address.
SIGN_IN_MAX_FAILURES_PER_ID = env.int("SIGN_IN_MAX_FAILURES_PER_ID", default=5)
SIGN_IN_MAX_FAILURES_PER_CLIENT = env.int("SIGN_IN_MAX_FAILURES_PER_CLIENT", default=20)
SIGN_IN_FAILURE_WINDOW = env.int("SIGN_IN_FAILURE_WINDOW", default=15 * 60)
SIGN_IN_LOCKOUT_SECONDS = env.int("SIGN_IN_LOCKOUT_SECONDS", default=15 * 60)
# How many reverse proxies in front of the app add to X-Forwarded-For (0: use REMOTE_ADDR).
SIGN_IN_TRUSTED_PROXIES = env.int("SIGN_IN_TRUSTED_PROXIES", default=0)
# How long before the idle timeout the signed-in pages warn (JavaScript only).
SESSION_WARNING_SECONDS = env.int("SESSION_WARNING_SECONDS", default=2 * 60)

# --- Staff sign-in to the admin at ADMIN_URL (README "Staff sign-in", checkin_portal/staff_auth).
# django-axes: AXES_FAILURE_LIMIT failed sign-ins within the cool-off lock that username, and
# separately that client address, for AXES_COOLOFF_MINUTES; every try while locked starts the
# wait again, and even the right password is refused. Per username stops a slow guess of one
# account from many addresses; per address stops one machine trying many usernames. Only the
# admin login is watched: the public sign-in has its own throttle (subjects/throttle.py).
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=max(1, env.int("AXES_COOLOFF_MINUTES", default=15)))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_ONLY_ADMIN_SITE = True
# The same client address as the public sign-in's (SIGN_IN_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "checkin_portal.staff_auth.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "checkin_portal.staff_auth.lockout.lockout_response"
# Failed sign-ins kept for superusers to read in admin (Axes: access failures).
# Log lines name no username or address (axes masks both), and no start-up banner.
AXES_VERBOSE = False
# Masked in the attempts' stored form data too (the password always is).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token", "csrfmiddlewaretoken"]
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# django-otp: two-step sign-in with an authenticator app (TOTP). Required of every staff
# account when on (production's default); otherwise only of accounts that set it up.
STAFF_REQUIRE_TWO_FACTOR = env.bool("STAFF_REQUIRE_TWO_FACTOR", default=False)
OTP_TOTP_ISSUER = PORTAL_NAME
# Superusers may remove a lost device in admin but never read a device's secret.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Shown on the staff lockout page (e.g. "IT service desk, +1-555-0100"); empty: "a portal
# administrator".
STAFF_SUPPORT_CONTACT = env.str("STAFF_SUPPORT_CONTACT", default="")

# --- appointments
# Times that start sooner than this cannot be booked online (travel time to the office).
BOOKING_MIN_NOTICE_MINUTES = env.int("BOOKING_MIN_NOTICE_MINUTES", default=60)
# How far ahead slots are generated from the opening rules.
SLOT_HORIZON_DAYS = env.int("SLOT_HORIZON_DAYS", default=365)
# Appointment times shown per page in the booking flow.
SLOTS_PER_PAGE = env.int("SLOTS_PER_PAGE", default=24)
# Office results: an office beyond the three nearest, within this many miles, is offered
# below them when its soonest time is at least this many days earlier than theirs.
SOONEST_FARTHER_MILES = env.int("SOONEST_FARTHER_MILES", default=100)
SOONEST_EARLIER_DAYS = env.int("SOONEST_EARLIER_DAYS", default=30)
# Earlier-time offers (docs/adr/0018): how long an offered time is held for the person,
# and how long after a declined or expired offer before they get the next one.
WAITLIST_OFFER_HOURS = env.float("WAITLIST_OFFER_HOURS", default=2.0)
WAITLIST_PAUSE_HOURS = env.float("WAITLIST_PAUSE_HOURS", default=24.0)
# An extra session's seats are offered to the waiting list first, for this long.
EXTRA_SESSION_WAITLIST_HOURS = env.float(
    "EXTRA_SESSION_WAITLIST_HOURS", default=WAITLIST_OFFER_HOURS
)

# --- messaging (checkin_portal/messaging; docs/adr/0006-shared-messaging.md)
INSTALLED_APPS += ["checkin_portal.messaging"]
# Dotted path of the SMS backend: console (default), locmem (tests), filebased, twilio.
SMS_BACKEND = env.str(
    "SMS_BACKEND", default="checkin_portal.messaging.backends.console.ConsoleSmsBackend"
)
SMS_FILE_PATH = env.str("SMS_FILE_PATH", default=str(BASE_DIR / "var" / "sms"))
SMS_TIMEOUT = _outside_timeout("SMS_TIMEOUT")
TWILIO_ACCOUNT_SID = env.str("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env.str("TWILIO_AUTH_TOKEN", default="")
TWILIO_FROM_NUMBER = env.str("TWILIO_FROM_NUMBER", default="")
TWILIO_MESSAGING_SERVICE_SID = env.str("TWILIO_MESSAGING_SERVICE_SID", default="")
# Links inside messages are absolute: the portal's public address.
MESSAGING_BASE_URL = env.str("MESSAGING_BASE_URL", default="http://127.0.0.1:8000")
# "N/<unit>" with s, m, h or d (e.g. "5/h", "10/15m"), counted on the shared cache.
MESSAGING_SESSION_RATE = env.str("MESSAGING_SESSION_RATE", default="10/h")
MESSAGING_DESTINATION_RATE = env.str("MESSAGING_DESTINATION_RATE", default="5/h")
# Automatic messages (reminders, moved or cancelled appointments), per destination, apart
# from the two above: a family sharing one phone must still be able to ask for details.
MESSAGING_AUTOMATIC_RATE = env.str("MESSAGING_AUTOMATIC_RATE", default="30/h")
MESSAGING_MAX_ATTEMPTS = env.int("MESSAGING_MAX_ATTEMPTS", default=5)
MESSAGING_RETRY_BASE_SECONDS = env.int("MESSAGING_RETRY_BASE_SECONDS", default=60)

# --- offices
# Optional online geocoder (OpenStreetMap Nominatim) to place street addresses more exactly
# than their ZIP centre. Off by default: the offline ZIP table answers every search.
OFFICES_ONLINE_GEOCODER = env.bool("OFFICES_ONLINE_GEOCODER", default=False)
OFFICES_GEOCODER_TIMEOUT = min(env.float("OFFICES_GEOCODER_TIMEOUT", default=3.0), 3.0)
OFFICES_GEOCODER_DOMAIN = env.str("OFFICES_GEOCODER_DOMAIN", default="nominatim.openstreetmap.org")
OFFICES_GEOCODER_USER_AGENT = env.str("OFFICES_GEOCODER_USER_AGENT", default="checkin-portal")
# Loaded when a server process starts (checkin_portal/startup.py), not on the first search:
# the one ZIP index (checkin_portal/places/zips.py).
STARTUP_WARM_UP = ["checkin_portal.places.zips.warm"]
# ...and in each gunicorn worker after the fork (reads the database).
STARTUP_WORKER_WARM_UP = ["offices.selectors.active_office_points"]
# The public finder's search (offices/views.py), named here because offices imports no
# app above it: appointments' reads the offices and their soonest times in one query.
OFFICE_SEARCH = "appointments.selectors.office_search_with_soonest"
# Where "Choose this office" in the public finder leads (a URL name or path).
OFFICE_CHOSEN_REDIRECT = env.str("OFFICE_CHOSEN_REDIRECT", default="appointments:start")
# The "Directions" link beside each office: a plain link out to a maps site, never an
# embedded map. {query} is the office's address, URL-encoded.
OFFICE_DIRECTIONS_URL = env.str(
    "OFFICE_DIRECTIONS_URL",
    default="https://www.google.com/maps/dir/?api=1&destination={query}",
)


# --- hearings: the immigration court system's own case information service (EOIR's
# Automated Case Information), offered when the portal has no hearing on record.
EOIR_CASE_INFO_URL = env.str("EOIR_CASE_INFO_URL", default="https://acis.eoir.justice.gov/en/")
EOIR_CASE_INFO_PHONE = env.str("EOIR_CASE_INFO_PHONE", default="+1-800-898-7180")


# --- deployment (docs/operations.md)
from checkin_portal.logs import logging_config  # noqa: E402 - stdlib only, no Django import

# Rotating SECRET_KEY: put the old key here while the new one rolls out, so that sessions
# and signed values made with it stay valid; remove it after SESSION_COOKIE_AGE.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
# "plain" for a terminal, "json" (production's default) for a log collector. Either way a
# line never holds a query string, an e-mail address, a phone number or an exception's text.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
LOGGING = logging_config(log_format=LOG_FORMAT, level=env.str("LOG_LEVEL", default="INFO"))
# Read replica, off by default: reads go there only for the GET views named here (URL
# names) and for selectors wrapped in checkin_portal.db_routers.replica_reads. A view
# qualifies when a few seconds' lag is harmless and every read goes through the ORM (the
# office finder is left out: its change token is read with a raw cursor on the primary).
DATABASE_REPLICA_VIEWS = env.list("DATABASE_REPLICA_VIEWS", default=["help"])
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = postgres_options(
        {**env.db("DATABASE_REPLICA_URL"), "TEST": {"MIRROR": "default"}}
    )
    DATABASE_ROUTERS = ["checkin_portal.db_routers.ReplicaRouter"]
    MIDDLEWARE.append("checkin_portal.db_routers.ReplicaReadsMiddleware")
# --- staff imports (checkin_portal/staff_imports; docs/adr/0015-staff-imports.md)
INSTALLED_APPS += ["checkin_portal.staff_imports"]
# Staff CSV import needs the model's change permission, export its view permission
# (django-import-export otherwise lets any staff account import by URL).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Staff files are data, never code (checkin_portal/staff_files.py): every export escapes
# cells a spreadsheet would run as a formula, and is offered as CSV or XLSX only.
from checkin_portal import staff_formats  # noqa: E402 - import-export's base formats only

IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_FORMATS = staff_formats.EXPORT_FORMATS
IMPORT_FORMATS = staff_formats.IMPORT_FORMATS
# Largest staff import file, and most rows in it: a bigger file is refused before any row
# is read. A file of more than STAFF_IMPORT_SYNC_MAX_ROWS rows is imported in the
# background (an ImportJob run by the task worker, progress on its page); smaller ones on
# the screen, each step well inside GUNICORN_TIMEOUT (`make bench-staff-import`; README
# "Staff imports").
STAFF_IMPORT_MAX_BYTES = env.int("STAFF_IMPORT_MAX_BYTES", default=32 * 1024 * 1024)
STAFF_IMPORT_MAX_ROWS = env.int("STAFF_IMPORT_MAX_ROWS", default=100_000)
STAFF_IMPORT_SYNC_MAX_ROWS = env.int("STAFF_IMPORT_SYNC_MAX_ROWS", default=2_000)
