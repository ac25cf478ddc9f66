import io

import pytest

from addresses import demo_data
from addresses.models import AddressChange
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db


def test_demo_address_changes_are_idempotent(field_offices):
    demo_data.load(io.StringIO())
    assert AddressChange.objects.count() == 0  # no subjects, nothing to attach to
    SubjectFactory.create_batch(3)
    demo_data.load(io.StringIO())
    demo_data.load(io.StringIO())
    assert AddressChange.objects.count() == 3
    assert set(AddressChange.objects.values_list("office_area__code", flat=True)) == {
        "ATLANTA-FO",
        "SAN-ANTONIO-FO",
        "NEWARK-FO",
    }
