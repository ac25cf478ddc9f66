"""Production collects static files through a manifest storage: a CSS url() that points at a
missing file would break the deploy, so collect them here the same way."""

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_manifest_succeeds(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    assert list(tmp_path.glob("vendor/uswds/css/uswds.min.*.css"))
