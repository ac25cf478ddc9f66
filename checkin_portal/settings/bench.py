"""Load benchmarks only (bench/load.py, `make bench-load`): the production settings plus
two ceiling views that exist nowhere else (checkin_portal/settings/bench_urls.py):

- /bench/bare/      a bare ``HttpResponse`` (what Django, its middleware and gunicorn cost);
- /bench/template/  a bare template of 18 items, no base template, no context processors
  (what one rendered page costs at the least).

Every page's throughput is reported as a ratio to these, measured in the same run."""

from .production import *  # noqa: F403
from .production import MIDDLEWARE

ROOT_URLCONF = "checkin_portal.settings.bench_urls"

# The ceiling views are served just before the private-by-default gate, which would send
# a signed-out client to sign in; every other middleware runs for them as for a page.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("subjects.middleware.SignedInMiddleware"),
    "checkin_portal.settings.bench_urls.CeilingViewsMiddleware",
)
