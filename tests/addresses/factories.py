import datetime

import factory

from addresses.models import AddressChange
from addresses.receipts import new_receipt_number
from tests.subjects.factories import SubjectFactory


class AddressChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AddressChange

    subject = factory.SubFactory(SubjectFactory)
    receipt_number = factory.LazyFunction(new_receipt_number)
    submission_token = factory.Sequence(lambda n: f"token{n:027d}")
    street = "123 MAIN ST"
    unit = "APT 4B"
    city = "AUSTIN"
    state = "TX"
    zip_code = "78701"
    move_date = datetime.date(2026, 2, 2)
    language = "en"
    office_area = None
