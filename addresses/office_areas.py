"""Which ICE field office's area covers an address: a filter for the staff queue.

Derived from the areas of responsibility the field offices publish (see
../shared/data/ero_offices.csv when it is at hand): mostly whole states, with three
states split between offices. Splits are resolved offline from the ZIP's county (New
York, California) or, for Texas, whose five areas are described only as regions, by the
nearest Texas field office to the ZIP's centre: an approximation staff can correct in
admin. An address outside every listed area (military mail, freely associated states)
gets no area.
"""

from django.db import models
from geopy.distance import geodesic

from checkin_portal.places.zips import ZipRecord, zip_record


class OfficeArea(models.TextChoices):
    # Names of places: not translated (staff-facing, and the same in every language).
    ATLANTA = "atlanta", "Atlanta"
    BALTIMORE = "baltimore", "Baltimore"
    BOSTON = "boston", "Boston"
    BUFFALO = "buffalo", "Buffalo"
    CHICAGO = "chicago", "Chicago"
    DALLAS = "dallas", "Dallas"
    DENVER = "denver", "Denver"
    DETROIT = "detroit", "Detroit"
    EL_PASO = "el_paso", "El Paso"
    HARLINGEN = "harlingen", "Harlingen"
    HOUSTON = "houston", "Houston"
    LOS_ANGELES = "los_angeles", "Los Angeles"
    MIAMI = "miami", "Miami"
    NEW_ORLEANS = "new_orleans", "New Orleans"
    NEW_YORK_CITY = "new_york_city", "New York City"
    NEWARK = "newark", "Newark"
    PHILADELPHIA = "philadelphia", "Philadelphia"
    PHOENIX = "phoenix", "Phoenix"
    SALT_LAKE_CITY = "salt_lake_city", "Salt Lake City"
    SAN_ANTONIO = "san_antonio", "San Antonio"
    SAN_DIEGO = "san_diego", "San Diego"
    SAN_FRANCISCO = "san_francisco", "San Francisco"
    SEATTLE = "seattle", "Seattle"
    ST_PAUL = "st_paul", "St. Paul"
    WASHINGTON = "washington", "Washington"


A = OfficeArea
BY_STATE: dict[str, OfficeArea] = {
    **dict.fromkeys(["GA", "NC", "SC"], A.ATLANTA),
    "MD": A.BALTIMORE,
    **dict.fromkeys(["CT", "ME", "MA", "NH", "RI", "VT"], A.BOSTON),
    **dict.fromkeys(["IL", "IN", "WI", "MO", "KY", "KS"], A.CHICAGO),
    **dict.fromkeys(["CO", "WY"], A.DENVER),
    **dict.fromkeys(["MI", "OH"], A.DETROIT),
    "OK": A.DALLAS,
    "NM": A.EL_PASO,
    **dict.fromkeys(["FL", "PR", "VI"], A.MIAMI),
    **dict.fromkeys(["AL", "AR", "LA", "MS", "TN"], A.NEW_ORLEANS),
    "NJ": A.NEWARK,
    **dict.fromkeys(["DE", "PA", "WV"], A.PHILADELPHIA),
    "AZ": A.PHOENIX,
    **dict.fromkeys(["UT", "ID", "MT", "NV"], A.SALT_LAKE_CITY),
    **dict.fromkeys(["HI", "GU", "MP"], A.SAN_FRANCISCO),
    **dict.fromkeys(["AK", "OR", "WA"], A.SEATTLE),
    **dict.fromkeys(["IA", "MN", "NE", "ND", "SD"], A.ST_PAUL),
    **dict.fromkeys(["DC", "VA"], A.WASHINGTON),
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
# ZIP of each Texas field office (its published address).
TEXAS_OFFICE_ZIPS = {
    A.DALLAS: "75247",
    A.EL_PASO: "79936",
    A.HARLINGEN: "78552",
    A.HOUSTON: "77060",
    A.SAN_ANTONIO: "78217",
}


def _county(info: ZipRecord) -> str:
    return info.county.removesuffix(" County").strip()


def _nearest_texas_office(info: ZipRecord) -> OfficeArea:
    here = (info.latitude, info.longitude)

    def distance(area: OfficeArea) -> float:
        office = zip_record(TEXAS_OFFICE_ZIPS[area])
        return geodesic(here, (office.latitude, office.longitude)).km

    return min(TEXAS_OFFICE_ZIPS, key=distance)


def office_area_for(*, state: str, zip_code: str) -> str:
    """The area's code, or "" when no listed area covers the address."""
    info = zip_record(zip_code)
    if state == "NY":
        if info and _county(info) in NEW_YORK_CITY_COUNTIES:
            return A.NEW_YORK_CITY
        return A.BUFFALO
    if state == "CA":
        county = _county(info) if info else ""
        if county in LOS_ANGELES_COUNTIES:
            return A.LOS_ANGELES
        if county in SAN_DIEGO_COUNTIES:
            return A.SAN_DIEGO
        return A.SAN_FRANCISCO
    if state == "TX":
        if info and info.latitude and info.longitude:
            return _nearest_texas_office(info)
        return A.SAN_ANTONIO
    return BY_STATE.get(state, "")
