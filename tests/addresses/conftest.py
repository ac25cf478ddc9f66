import datetime

import pytest
import time_machine

from checkin_portal.messaging.backends import locmem
from tests.helpers import subject_sign_in as sign_in
from tests.subjects.factories import SubjectFactory

# A fixed "now" for flows that check dates: Monday 2 March 2026, 10:00 in New York.
NOW = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture(autouse=True)
def sms_outbox():
    locmem.outbox.clear()
    yield locmem.outbox
    locmem.outbox.clear()


@pytest.fixture
def subject(db):
    return SubjectFactory(release_date=datetime.date(2026, 1, 5))


@pytest.fixture
def signed_in(client, subject, frozen_now):
    sign_in(client, subject)
    return client


@pytest.fixture
def field_offices(db):
    """The 25 field offices of the project's office data file, by code (ATLANTA-FO, ...):
    the rows an address change's office area links to."""
    from offices.importer import DEFAULT_FILE, read_office_rows
    from offices.models import Office
    from offices.services import offices_import

    rows = [row for row in read_office_rows(DEFAULT_FILE) if row.get("kind") == "field_office"]
    offices_import(rows=rows)
    return {office.code: office for office in Office.objects.filter(kind="field_office")}
