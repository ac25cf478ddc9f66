import datetime

import factory

from checkin_portal import clock
from hearings.models import (
    Docket,
    Hearing,
    HearingFormat,
    HearingStatus,
    HearingType,
    ImmigrationCourt,
)
from tests.subjects.factories import SubjectFactory


class ImmigrationCourtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImmigrationCourt

    code = factory.Sequence(lambda n: f"court-{n}")
    name = factory.Sequence(lambda n: f"Test Immigration Court {n}")
    street = "100 Main Street, Suite 200"
    city = "Chicago"
    state = "IL"
    zip_code = "60603"
    phone = "+13125550100"
    time_zone = ""  # found from the ZIP code on save
    docket = Docket.NON_DETAINED


class HearingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hearing

    subject = factory.SubFactory(SubjectFactory)
    court = factory.SubFactory(ImmigrationCourtFactory)
    starts_at = factory.LazyFunction(lambda: clock.now() + datetime.timedelta(days=30))
    hearing_type = HearingType.MASTER_CALENDAR
    hearing_format = HearingFormat.IN_PERSON
    judge = "Judge Example"
    status = HearingStatus.SCHEDULED
