import io

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from subjects import demo_data
from subjects.models import Subject
from subjects.selectors import CheckinState, checkin_status

pytestmark = pytest.mark.django_db


def test_demo_subjects_cover_each_state_and_load_is_idempotent():
    out = io.StringIO()
    demo_data.load(out)
    demo_data.load(out)
    assert Subject.objects.count() == len(demo_data.DEMO_SIGN_INS)
    states = {checkin_status(s).state for s in Subject.objects.all()}
    assert states == {
        CheckinState.PAPERWORK_APPOINTMENT,
        CheckinState.COMPLETED,
        CheckinState.BOOK_NOW,
    }
    assert "DEMO-1001" in out.getvalue() and "Mexico" in out.getvalue()


@pytest.mark.parametrize(("typed_id", "code", "country", "_shows"), demo_data.DEMO_SIGN_INS)
def test_each_documented_demo_sign_in_works(typed_id, code, country, _shows):
    demo_data.load(io.StringIO())
    client = Client()
    response = client.post("/en/sign-in/", {"subject_id": typed_id, "country_of_birth": code})
    assert response.status_code == 302
    assert client.get("/en/my-check-in/").status_code == 200


def test_readme_lists_the_demo_sign_in_values():
    from pathlib import Path

    from django.conf import settings

    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    for typed_id, _code, country, _shows in demo_data.DEMO_SIGN_INS:
        assert f"`{typed_id}`" in readme and country in readme


@override_settings(DEMO_MODE=True)
def test_load_demo_data_prints_the_sign_in_values():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    assert "DEMO-1004" in out.getvalue()
