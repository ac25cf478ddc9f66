# ruff: noqa: RUF001 - digits and signs of other scripts on purpose
"""Court ZIP codes with the digits of any script (issue 12, point 8): the staff import
reads them as ASCII; the model refuses what is not ASCII, as the ZIP table would."""

import pytest
from django.core.exceptions import ValidationError

from checkin_portal.places.zips import zone_for_zip
from hearings.court_rows import CourtRowForm
from hearings.models import ImmigrationCourt
from tests.strategies import in_script

from .test_court_data import _run, _write

pytestmark = pytest.mark.django_db


def test_import_reads_a_zip_in_full_width_or_arabic_digits(tmp_path):
    path = _write(
        tmp_path,
        f"dallas,Dallas Immigration Court,1 A St,Dallas,TX,{in_script('75242', 'fullwidth')},"
        ",,detained,true,false,,\n"
        f"houston,Houston Immigration Court,1 B St,Houston,TX,"
        f"{in_script('77002-1234', 'arabic_indic')},,,detained,true,false,,\n",
    )
    assert "2 created, 0 updated, 0 unchanged, 0 skipped" in _run(path)
    assert dict(ImmigrationCourt.objects.values_list("code", "zip_code")) == {
        "dallas": "75242",
        "houston": "77002-1234",
    }
    assert ImmigrationCourt.objects.get(code="houston").time_zone == "America/Chicago"


@pytest.mark.parametrize("zip_code", ["7524", "٧٥٢٤٢٣", "75242-", "𝟕𝟓𝟐𝟒𝟐x"])
def test_import_refuses_what_is_no_zip_in_any_script(zip_code):
    form = CourtRowForm(
        data={
            "code": "x",
            "name": "X",
            "street": "1 A St",
            "city": "Dallas",
            "state": "TX",
            "zip_code": zip_code,
        }
    )
    assert not form.is_valid()
    assert "zip_code" in form.errors


def test_the_model_refuses_a_zip_in_other_digits():
    court = ImmigrationCourt(zip_code="٧٥٢٤٢")
    with pytest.raises(ValidationError) as refused:
        court.full_clean()
    assert "zip_code" in refused.value.message_dict
    assert zone_for_zip("٧٥٢٤٢") == ""  # not a key of the ZIP table
