import factory

from hearings.models import Docket, ImmigrationCourt


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
