import factory

from offices.models import Office, OfficeKind


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"TEST-{n:05d}")
    name = factory.Sequence(lambda n: f"Test Office {n}")
    kind = OfficeKind.SUB_OFFICE
    street = factory.Sequence(lambda n: f"{100 + n} Main Street")
    city = "Atlanta"
    state = "GA"
    zip = "30303"
    latitude = 33.7525
    longitude = -84.3888
    phone = "+14048931290"
    time_zone = ""
    hours = "Monday-Friday, 8 a.m.-3 p.m."
    accepts_online_booking = True
    is_active = True


class FieldOfficeFactory(OfficeFactory):
    kind = OfficeKind.FIELD_OFFICE


def office_at(code, city, state, zip_code, latitude, longitude, **kwargs) -> Office:
    """An office at a real place in one line, named "City, ST" as in the data file."""
    return OfficeFactory(
        code=code,
        name=f"{city}, {state}",
        city=city,
        state=state,
        zip=zip_code,
        latitude=latitude,
        longitude=longitude,
        **kwargs,
    )


def san_jose_without_online_booking() -> Office:
    """Issue 14's dead end: an office that takes no online bookings, with a phone."""
    return office_at(
        "SAN-JOSE-CA",
        "San Jose",
        "CA",
        "95112",
        37.3476,
        -121.887,
        phone="+14085551234",
        hours="Monday-Friday, 9 a.m.-2 p.m.",
        accepts_online_booking=False,
    )
