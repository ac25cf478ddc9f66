"""The production static files storage: WhiteNoise's compressed, hashed files, with each
file's URL worked out once per process (issue 17).

Every page asks for the URLs of its stylesheets and scripts (``{% static %}``, five to
eight a page); the manifest they come from is read once when the process starts and does
not change while it runs, so neither do the URLs. A name missing from the manifest still
raises each time (never kept)."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[tuple[str, bool], str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        key = (name, settings.DEBUG)  # in DEBUG, Django gives the name unhashed
        try:
            return self._urls[key]
        except KeyError:
            url = self._urls[key] = super().url(name)
            return url
