"""Which ICE field office's area covers an address: a filter for the staff queue.

Derived from the areas of responsibility the field offices publish (see
../shared/data/ero_offices.csv when it is at hand): mostly whole states, with three
states split between offices. Splits are resolved offline from the ZIP's county (New
York, California) or, for Texas, whose five areas are described only as regions, by the
nearest Texas field office to the ZIP's centre: an approximation staff can correct in
admin. An address outside every listed area (military mail, freely associated states)
gets no area. The answer is the field office's own ``offices.Office`` row (by its fixed
code), or None when no row has that code.
"""

from geopy.distance import geodesic

from checkin_portal.places.zips import ZipRecord, zip_record
from offices.models import Office, OfficeKind

# Field offices by their fixed codes (offices/data/offices.csv).
ATLANTA = "ATLANTA-FO"
BALTIMORE = "BALTIMORE-FO"
BOSTON = "BOSTON-FO"
BUFFALO = "BUFFALO-FO"
CHICAGO = "CHICAGO-FO"
DALLAS = "DALLAS-FO"
DENVER = "DENVER-FO"
DETROIT = "DETROIT-FO"
EL_PASO = "EL-PASO-FO"
HARLINGEN = "HARLINGEN-FO"
HOUSTON = "HOUSTON-FO"
LOS_ANGELES = "LOS-ANGELES-FO"
MIAMI = "MIAMI-FO"
NEW_ORLEANS = "NEW-ORLEANS-FO"
NEW_YORK_CITY = "NEW-YORK-CITY-FO"
NEWARK = "NEWARK-FO"
PHILADELPHIA = "PHILADELPHIA-FO"
PHOENIX = "PHOENIX-FO"
SALT_LAKE_CITY = "SALT-LAKE-CITY-FO"
SAN_ANTONIO = "SAN-ANTONIO-FO"
SAN_DIEGO = "SAN-DIEGO-FO"
SAN_FRANCISCO = "SAN-FRANCISCO-FO"
SEATTLE = "SEATTLE-FO"
ST_PAUL = "ST-PAUL-FO"
WASHINGTON = "WASHINGTON-FO"

BY_STATE: dict[str, str] = {
    **dict.fromkeys(["GA", "NC", "SC"], ATLANTA),
    "MD": BALTIMORE,
    **dict.fromkeys(["CT", "ME", "MA", "NH", "RI", "VT"], BOSTON),
    **dict.fromkeys(["IL", "IN", "WI", "MO", "KY", "KS"], CHICAGO),
    **dict.fromkeys(["CO", "WY"], DENVER),
    **dict.fromkeys(["MI", "OH"], DETROIT),
    "OK": DALLAS,
    "NM": EL_PASO,
    **dict.fromkeys(["FL", "PR", "VI"], MIAMI),
    **dict.fromkeys(["AL", "AR", "LA", "MS", "TN"], NEW_ORLEANS),
    "NJ": NEWARK,
    **dict.fromkeys(["DE", "PA", "WV"], PHILADELPHIA),
    "AZ": PHOENIX,
    **dict.fromkeys(["UT", "ID", "MT", "NV"], SALT_LAKE_CITY),
    **dict.fromkeys(["HI", "GU", "MP"], SAN_FRANCISCO),
    **dict.fromkeys(["AK", "OR", "WA"], SEATTLE),
    **dict.fromkeys(["IA", "MN", "NE", "ND", "SD"], ST_PAUL),
    **dict.fromkeys(["DC", "VA"], WASHINGTON),
}

NEW_YORK_CITY_COUNTIES = {
    "New York",
    "Kings",
    "Queens",
    "Bronx",
    "Richmond",
    "Dutchess",
    "Nassau",
    "Putnam",
    "Suffolk",
    "Sullivan",
    "Orange",
    "Rockland",
    "Ulster",
    "Westchester",
}
LOS_ANGELES_COUNTIES = {
    "Los Angeles",
    "Orange",
    "Riverside",
    "San Bernardino",
    "Ventura",
    "Santa Barbara",
    "San Luis Obispo",
}
SAN_DIEGO_COUNTIES = {"San Diego", "Imperial"}
TEXAS = (DALLAS, EL_PASO, HARLINGEN, HOUSTON, SAN_ANTONIO)


def _county(record: ZipRecord) -> str:
    return record.county.removesuffix(" County").strip()


def _position(office: Office) -> tuple[float, float] | None:
    if office.has_coordinates:
        return office.latitude, office.longitude
    record = zip_record(office.zip)
    return (record.latitude, record.longitude) if record and record.has_coordinates else None


def _nearest_texas_office(record: ZipRecord) -> Office | None:
    here = (record.latitude, record.longitude)
    placed = [
        (office, position)
        for office in Office.objects.filter(kind=OfficeKind.FIELD_OFFICE, code__in=TEXAS)
        if (position := _position(office)) is not None
    ]
    if not placed:
        return None
    return min(placed, key=lambda pair: (geodesic(here, pair[1]).km, pair[0].code))[0]


def _area_code(*, state: str, record: ZipRecord | None) -> str:
    if state == "NY":
        if record and _county(record) in NEW_YORK_CITY_COUNTIES:
            return NEW_YORK_CITY
        return BUFFALO
    if state == "CA":
        county = _county(record) if record else ""
        if county in LOS_ANGELES_COUNTIES:
            return LOS_ANGELES
        if county in SAN_DIEGO_COUNTIES:
            return SAN_DIEGO
        return SAN_FRANCISCO
    return BY_STATE.get(state, "")


def office_area_for(*, state: str, zip_code: str) -> Office | None:
    """The field office whose area covers the address, or None when no listed area does
    (or its row is missing)."""
    record = zip_record(zip_code)
    if state == "TX":
        if record and record.has_coordinates:
            nearest = _nearest_texas_office(record)
            if nearest is not None:
                return nearest
        code = SAN_ANTONIO
    else:
        code = _area_code(state=state, record=record)
    if not code:
        return None
    return Office.objects.filter(kind=OfficeKind.FIELD_OFFICE, code=code).first()
