"""How an appointment time is shown to a person: in the office's own zone, with its
abbreviation, formatted by the active locale.

Templates get *naive* local datetimes on purpose: Django's date filters convert aware
values to the server's zone, which would show the wrong time for an office elsewhere."""

import datetime
from dataclasses import dataclass

from .availability import office_zone


@dataclass(frozen=True)
class LocalTime:
    starts: datetime.datetime  # naive, office wall time
    ends: datetime.datetime  # naive, office wall time
    zone_abbreviation: str  # e.g. CST, EDT, HST, ChST

    @classmethod
    def of(cls, slot) -> "LocalTime":
        zone = office_zone(slot.office)
        starts = slot.starts_at.astimezone(zone)
        ends = slot.ends_at.astimezone(zone)
        return cls(
            starts=starts.replace(tzinfo=None),
            ends=ends.replace(tzinfo=None),
            zone_abbreviation=starts.tzname() or "",
        )

    @property
    def day(self) -> datetime.date:
        return self.starts.date()
