import datetime
import zoneinfo

import factory

from subjects.models import Subject
from subjects.release_forms import ReleaseForm


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject

    subject_id = factory.Sequence(lambda n: f"TEST{n:06d}")
    country_of_birth = "MX"
    given_names = "Ana María"
    family_names = "López Pérez"
    release_form = ReleaseForm.NOTICE_TO_APPEAR
    release_date = datetime.date(2026, 1, 5)

    class Params:
        with_paperwork_appointment = factory.Trait(
            paperwork_appointment_at=datetime.datetime(
                2026, 3, 2, 9, 30, tzinfo=zoneinfo.ZoneInfo("America/Chicago")
            ),
            paperwork_office_name="Example Field Office",
            paperwork_office_address="100 Main St\nSpringfield, IL 62701",
            paperwork_office_time_zone="America/Chicago",
        )
