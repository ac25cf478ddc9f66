"""The production static files storage works out each file's hashed URL once per process
(checkin_portal/staticfiles.py, issue 17): the same URL as WhiteNoise gives, a missing file
still an error every time."""

import json
from unittest import mock

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from checkin_portal.staticfiles import StaticFilesStorage


@pytest.fixture
def storage(tmp_path):
    manifest = {"paths": {"css/portal.css": "css/portal.0123abcd.css"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    with override_settings(STATIC_ROOT=str(tmp_path), STATIC_URL="/static/", DEBUG=False):
        yield StaticFilesStorage(location=str(tmp_path), base_url="/static/")


def test_the_hashed_url_as_whitenoise_gives_it(storage, tmp_path):
    plain = CompressedManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    assert storage.url("css/portal.css") == plain.url("css/portal.css")
    assert storage.url("css/portal.css") == "/static/css/portal.0123abcd.css"


def test_worked_out_once(storage):
    with mock.patch.object(
        CompressedManifestStaticFilesStorage,
        "stored_name",
        autospec=True,
        side_effect=CompressedManifestStaticFilesStorage.stored_name,
    ) as stored_name:
        urls = {storage.url("css/portal.css") for _ in range(5)}
    assert urls == {"/static/css/portal.0123abcd.css"}
    assert stored_name.call_count == 1


def test_a_missing_file_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")


def test_in_debug_the_name_is_not_hashed(storage):
    assert storage.url("css/portal.css").endswith("portal.0123abcd.css")
    with override_settings(DEBUG=True):
        assert storage.url("css/portal.css") == "/static/css/portal.css"
