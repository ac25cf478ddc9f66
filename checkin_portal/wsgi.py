import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "checkin_portal.settings.production")

application = get_wsgi_application()

# Load the ZIP tables, views and catalogues now, not on the first request (issue 14).
from checkin_portal.startup import warm_up  # noqa: E402 - needs the apps loaded above

warm_up()
